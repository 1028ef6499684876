-- wrk script for src/bench/run.sh: when the run is done, prints one machine-readable line:
--   BENCH requests=N duration_s=S rps=R p50_ms=A p99_ms=B errors=E non2xx=X socket_errors=K
-- errors = bad statuses + socket errors (connect, read, write, timeout). Bad statuses are wrk's own count of 4xx and
-- 5xx, except with BENCH_EXPECT=304 in the environment (a run of conditional requests), where this script looks at
-- every response and any status but 304 counts. Lua callbacks cost wrk time on every response, so they are defined
-- only when needed: wrk on one core must not be what limits nginx.
--
-- With BENCH_PATHS=<file> (one path per line, the most popular first), each request asks for a path drawn from a
-- Zipf distribution over the lines (exponent BENCH_ZIPF_S, default 1.0: the k-th path is asked for in proportion to
-- 1/k^s), as news traffic concentrates on a few articles; the seed is fixed per thread, so runs are repeatable.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

local expect = tonumber(os.getenv("BENCH_EXPECT") or "")
local paths_file = os.getenv("BENCH_PATHS")
local paths, cumulative

function init(args)
   non2xx = 0
   if paths_file then
      paths, cumulative = {}, {}
      local s = tonumber(os.getenv("BENCH_ZIPF_S") or "1.0")
      local total = 0
      for line in io.lines(paths_file) do
         if line ~= "" then
            table.insert(paths, line)
            total = total + 1 / ((#paths) ^ s)
            cumulative[#paths] = total
         end
      end
      for i = 1, #cumulative do
         cumulative[i] = cumulative[i] / total
      end
      math.randomseed(20261129 + (id or 0))
   end
end

if paths_file then
  function request()
   local r, lo, hi = math.random(), 1, #cumulative
   while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cumulative[mid] < r then lo = mid + 1 else hi = mid end
   end
   return wrk.format("GET", paths[lo])
  end
end

if expect then
  function response(status, headers, body)
   if status ~= expect then
      non2xx = non2xx + 1
   end
  end
end

function done(summary, latency, requests)
   local e = summary.errors
   local bad = 0
   if expect then
      for _, thread in ipairs(threads) do
         bad = bad + (thread:get("non2xx") or 0)
      end
   else
      bad = e.status
   end
   local socket = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "BENCH requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      bad + socket, bad, socket))
end
