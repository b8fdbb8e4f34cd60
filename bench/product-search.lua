-- wrk script: product searches as officers type them (accents optional), with a bearer token from $TOKEN.
local token = os.getenv("TOKEN")
local queries = {
  "nuoc%20mam", "tra%20sen", "ca%20phe", "mat%20ong", "gao", "dac%20san%20dong%20thap",
  "xoai", "banh%20phong%20tom", "ruou", "chieu%20coi", "htx", "nuoc%20mam%20phu%20quoc",
  "tra", "kho%20ca", "mut", "tieu", "lua%20to%20tam", "hoa", "nam", "bo%20kho"
}
local counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/v1/products?q=" .. q .. "&size=20", { ["Authorization"] = "Bearer " .. token })
end
done = function(summary, latency, requests)
  io.write(string.format("SEARCH_P50_MS=%.2f\nSEARCH_P95_MS=%.2f\nSEARCH_P99_MS=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("SEARCH_RPS=%.1f\nSEARCH_ERRORS=%d\n",
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
