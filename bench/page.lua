-- wrk script: one public page, its path in $PAGE (or a rotating list of product ids in $IDS for product pages);
-- prints PAGE_* results.
local page = os.getenv("PAGE") or "/"
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "%d+") do ids[#ids + 1] = id end
local counter = 0
request = function()
  counter = counter + 1
  if #ids > 0 then
    return wrk.format("GET", "/catalog/products/" .. ids[(counter % #ids) + 1])
  end
  return wrk.format("GET", page)
end
done = function(summary, latency, requests)
  io.write(string.format("PAGE_RPS=%.1f\nPAGE_P95_MS=%.2f\nPAGE_ERRORS=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
