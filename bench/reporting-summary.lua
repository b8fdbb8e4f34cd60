-- wrk script: the national summary (GET /api/v1/reports/summary) as the central office, bearer token from $TOKEN.
local token = os.getenv("TOKEN")
request = function()
  return wrk.format("GET", "/api/v1/reports/summary", { ["Authorization"] = "Bearer " .. token })
end
done = function(summary, latency, requests)
  io.write(string.format("SUMMARY_P50_MS=%.2f\nSUMMARY_P95_MS=%.2f\nSUMMARY_P99_MS=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("SUMMARY_RPS=%.2f\nSUMMARY_ERRORS=%d\n",
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
