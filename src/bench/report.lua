-- wrk script for src/bench/run.sh: counts non-2xx responses per thread and, when the run is done, prints one
-- machine-readable line:
--   BENCH requests=N duration_s=S rps=R p50_ms=A p99_ms=B errors=E non2xx=X socket_errors=K
-- errors = non2xx + socket errors (connect, read, write, timeout). With BENCH_EXPECT=304 in the environment (a run
-- of conditional requests), any status but 304 counts as an error instead.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

local expect = tonumber(os.getenv("BENCH_EXPECT") or "")

function init(args)
   non2xx = 0
end

function response(status, headers, body)
   if expect then
      if status ~= expect then
         non2xx = non2xx + 1
      end
   elseif status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
   end
   local e = summary.errors
   local socket = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      bad + socket, bad, socket))
end
