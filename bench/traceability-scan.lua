-- wrk script: GET /api/v1/stamps/{code}, rotating through the codes in $CODES (one per line), as phones scan them.
local codes = {}
for line in io.lines(os.getenv("CODES")) do codes[#codes + 1] = line end
local counter = math.random(#codes)
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/stamps/" .. codes[(counter % #codes) + 1], { ["User-Agent"] = "wrk-bench" })
end
done = function(summary, latency, requests)
  io.write(string.format("SCAN_P50_MS=%.2f\nSCAN_P95_MS=%.2f\nSCAN_P99_MS=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("SCAN_RPS=%.1f\nSCAN_ERRORS=%d\n", summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
