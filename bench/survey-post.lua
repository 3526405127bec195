-- wrk script: posts a valid survey form with a real antiforgery cookie/token pair and start stamp,
-- fetched by run.sh from the portal's own form. Every request is a complete, valid submission.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("HP_COOKIE")
wrk.body = "__RequestVerificationToken=" .. os.getenv("HP_TOKEN")
  .. "&started=" .. os.getenv("HP_STARTED")
  .. "&from=forgotten-password&q1=4&q2=partly&q3=5&q4=signing-in&q5=Benchmark%20answer%20%C4%81%C4%8D%C4%93"

-- Each thread counts the statuses it receives in its own Lua state; done() collects them from every thread.
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local see_other, other = 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      if status == 303 then see_other = see_other + count else other = other + count end
    end
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d status_303=%d non_303=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    socket_errors + summary.errors.status, see_other, other, socket_errors))
end
