-- wrk script: POST /tasks with a varied, valid task body.
--
--   wrk ... -s create.lua                     create as fast as possible for -d seconds
--   wrk ... -s create.lua -- TOTAL THREADS    seed exactly TOTAL tasks, split over THREADS wrk
--                                             threads (pass the same number as -t)
--
-- In seeding mode each thread issues its share of creates and then only cheap GET /__ceiling
-- requests (the server must run with --benchmark-ceiling-route), so the number of tasks created
-- is exact; scripts/bench.sh watches /health and stops wrk (SIGINT) once they are all there.
-- wrk's own summary then counts the few trailing ceiling requests too: the seed rate is
-- measured by bench.sh, not read from wrk.

local counter = 0
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

local statuses   = { "todo", "in_progress", "done" }
local priorities = { "low", "medium", "high" }
local assignees  = { '"alice"', '"bob"', '"carol"', '"dave"', "null" }
local quota = nil
local issued = 0
local serial = 0
local verifying = false

function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   if args[1] then
      local total, threads = tonumber(args[1]), tonumber(args[2] or "1")
      quota = math.floor(total / threads)
      if (tid or 0) < total % threads then quota = quota + 1 end
      -- wrk calls request() once on thread 0 before it starts, only to check the request
      -- (script_verify_request); that call must not count against the quota.
      verifying = (tid or 0) == 0
   end
end

local function due()
   local r = math.random(10)
   if r <= 3 then return "null" end
   -- some in the past (overdue unless done), most in the future
   local year = (r <= 5) and 2024 or 2027
   return string.format('"%d-%02d-%02dT%02d:00:00Z"', year, math.random(12), math.random(28), math.random(0, 23))
end

local function body()
   serial = serial + 1
   local description = (math.random(2) == 1) and "null"
      or string.format('"Benchmark task %d of thread %d: a short description with some words in it."', serial, tid or 0)
   return string.format(
      '{"title":"Task %d-%d %s","description":%s,"status":"%s","priority":"%s","assignee":%s,"due_date":%s}',
      tid or 0, serial, (math.random(4) == 1) and "report" or "work", description,
      statuses[math.random(3)], priorities[math.random(3)], assignees[math.random(5)], due())
end

local headers = { ["Content-Type"] = "application/json" }

function request()
   if verifying then
      verifying = false
      return wrk.format("GET", "/__ceiling")
   end
   if quota and issued >= quota then
      return wrk.format("GET", "/__ceiling")
   end
   issued = issued + 1
   return wrk.format("POST", "/tasks", headers, body())
end
