-- wrk script: at the end of a run, prints one line that bench/load/run.sh turns into a table row:
--   RESULT requests rps p50_ms p95_ms p99_ms failures
-- failures = responses that were not 2xx or 3xx (a 404 for an endpoint that does not exist yet counts here)
--            + socket errors (connect, read, write, timeout).
-- wrk's own --latency prints p50/p75/p90/p99 but no p95, hence latency:percentile(95) here (wrk's latencies are in µs).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
