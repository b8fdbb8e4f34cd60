done = function(summary, latency, requests)
  io.write(string.format("HEALTH_RPS=%.1f\nHEALTH_P95_MS=%.2f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000))
end
