-- wrk script: /actuator/health with the same percentiles as the scan script.
done = function(summary, latency, requests)
  io.write(string.format("HEALTH_P50_MS=%.2f\nHEALTH_P95_MS=%.2f\nHEALTH_P99_MS=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("HEALTH_RPS=%.1f\nHEALTH_ERRORS=%d\n", summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
