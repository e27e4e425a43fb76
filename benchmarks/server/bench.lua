-- wrk script for every row of scripts/bench.sh: it makes the requests of one scenario, counts
-- the answers by kind, and prints the row itself from done() (one line starting "ROW "), so
-- bench.sh reads numbers, never wrk's human-readable summary.
--
--   wrk ... -s bench.lua URL -- path [HEADER_NAME HEADER_VALUE]  GET the URL's path (and query),
--                                                          with one header (e.g. If-None-Match)
--   wrk ... -s bench.lua -- get IDS_FILE                   GET /tasks/{id}, ids drawn at random
--   wrk ... -s bench.lua -- update IDS_FILE                PATCH /tasks/{id} status and priority
--   wrk ... -s bench.lua -- create                         POST /tasks with a varied, valid body
--   wrk ... -s bench.lua -- page TOTAL LIMIT               GET /tasks?limit=LIMIT&offset=X,
--                                                          X drawn from 0 .. TOTAL - LIMIT
--
-- The row (all times in milliseconds, from wrk's own histogram of completed requests):
--   ROW requests=N seconds=S rps=R p50=.. p90=.. p99=.. max=.. mean=..
--       connect=.. read=.. write=.. timeout=..            wrk's socket errors
--       s2xx=.. s304=.. s503_retry=.. s503_other=.. s4xx=.. s5xx_other=.. s_other=..
--       bytes=..
-- s503_retry: 503 answers carrying Retry-After (the contract's "Server busy"); s503_other: 503
-- without it. A request not answered within wrk's --timeout is a timeout and is not in the
-- percentiles.

local threads = {}
local counter = 0
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local mode, arg1, arg2
local paths = {}
local headers = {}
local statuses   = { "todo", "in_progress", "done" }
local priorities = { "low", "medium", "high" }
local assignees  = { '"alice"', '"bob"', '"carol"', '"dave"', "null" }
local serial = 0
local total, limit

-- the counts, per thread; done() adds them up
s2xx, s304, s503_retry, s503_other, s4xx, s5xx_other, s_other = 0, 0, 0, 0, 0, 0, 0

local function read_ids(file, prefix)
   local list = {}
   for line in io.lines(file) do
      if #line > 0 then list[#list + 1] = prefix .. line end
   end
   assert(#list > 0, "bench.lua: no ids in " .. tostring(file))
   return list
end

function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   mode = args[1] or "path"
   if mode == "path" then
      if args[2] then headers[args[2]] = args[3] end
   elseif mode == "get" or mode == "update" then
      paths = read_ids(args[2], "/tasks/")
      if mode == "update" then headers["Content-Type"] = "application/json" end
   elseif mode == "create" then
      headers["Content-Type"] = "application/json"
   elseif mode == "page" then
      total, limit = tonumber(args[2]), tonumber(args[3] or "50")
   else
      error("bench.lua: unknown mode " .. tostring(mode))
   end
end

local function due()
   local r = math.random(10)
   if r <= 2 then return "null" end
   local year = (r <= 6) and 2024 or 2028 -- half of those with a date in the past
   return string.format('"%d-%02d-%02dT%02d:00:00Z"', year, math.random(12), math.random(28), math.random(0, 23))
end

local function create_body()
   serial = serial + 1
   local description = (math.random(2) == 1) and "null"
      or string.format('"Benchmark task %d of thread %d: a short description with some words in it."', serial, tid or 0)
   return string.format(
      '{"title":"Task %d-%d %s","description":%s,"status":"%s","priority":"%s","assignee":%s,"due_date":%s}',
      tid or 0, serial, (math.random(4) == 1) and "report" or "work", description,
      statuses[math.random(3)], priorities[math.random(3)], assignees[math.random(5)], due())
end

function request()
   if mode == "get" then
      return wrk.format("GET", paths[math.random(#paths)])
   elseif mode == "update" then
      local body = string.format('{"status":"%s","priority":"%s"}',
                                 statuses[math.random(3)], priorities[math.random(3)])
      return wrk.format("PATCH", paths[math.random(#paths)], headers, body)
   elseif mode == "create" then
      return wrk.format("POST", "/tasks", headers, create_body())
   elseif mode == "page" then
      local offset = math.random(0, math.max(0, total - limit))
      return wrk.format("GET", string.format("/tasks?limit=%d&offset=%d", limit, offset))
   end
   return wrk.format("GET", nil, headers)
end

function response(status, hdrs, body)
   if status >= 200 and status < 300 then
      s2xx = s2xx + 1
   elseif status == 304 then
      s304 = s304 + 1
   elseif status == 503 then
      if hdrs["Retry-After"] or hdrs["retry-after"] then
         s503_retry = s503_retry + 1
      else
         s503_other = s503_other + 1
      end
   elseif status >= 400 and status < 500 then
      s4xx = s4xx + 1
   elseif status >= 500 then
      s5xx_other = s5xx_other + 1
   else
      s_other = s_other + 1
   end
end

function done(summary, latency, requests)
   local sum = { s2xx = 0, s304 = 0, s503_retry = 0, s503_other = 0, s4xx = 0, s5xx_other = 0, s_other = 0 }
   for _, thread in ipairs(threads) do
      for key, _ in pairs(sum) do
         sum[key] = sum[key] + (thread:get(key) or 0)
      end
   end
   local seconds = summary.duration / 1e6
   local function ms(us) return string.format("%.2f", us / 1000) end
   local e = summary.errors
   io.write(string.format(
      "ROW requests=%d seconds=%.2f rps=%.1f p50=%s p90=%s p99=%s max=%s mean=%s " ..
      "connect=%d read=%d write=%d timeout=%d " ..
      "s2xx=%d s304=%d s503_retry=%d s503_other=%d s4xx=%d s5xx_other=%d s_other=%d bytes=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
      ms(latency.max), ms(latency.mean),
      e.connect, e.read, e.write, e.timeout,
      sum.s2xx, sum.s304, sum.s503_retry, sum.s503_other, sum.s4xx, sum.s5xx_other, sum.s_other,
      summary.bytes))
end
