-- wrk script: the public catalog's search page (HTML) as the public types: no accents, some typos, some words being
-- typed, now and then a filter. No login, no cookie.
local queries = {
  "nuoc%20mam%20phu%20quoc", "nuoc%20mam%20phu%20quc", "tra%20sen", "mat%20ong%20hoa%20nhan", "ca%20phe%20robusta",
  "gao%20st25", "xoai%20cat%20hoa%20loc", "banh%20phong%20tom", "ruou%20nep%20cam", "chieu%20coi", "kho%20ca%20loc",
  "mut%20sen", "tieu%20den", "lua%20to%20tam", "hoa%20lan%20ho%20diep", "nam%20linh%20chi", "bo%20kho",
  "che%20shan%20tuyet", "buoi%20da%20xanh", "tinh%20dau%20tram", "dac%20san%20dong%20thap", "nuoc%20mam",
  "mat%20ong", "tra", "htx", "banh%20trang%20tay%20ni", "tra%20atisp", "nuoc%20mam&province=91",
  "mat%20ong&stars=5", "ca%20phe&sort=NAME"
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/catalog?q=" .. queries[(counter % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("SEARCH_P50_MS=%.2f\nSEARCH_P95_MS=%.2f\nSEARCH_P99_MS=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("SEARCH_RPS=%.1f\nSEARCH_ERRORS=%d\n",
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
