-- wrk script: PATCH /tasks/{id} (a partial update of status and priority) with an id drawn at
-- random from a file of ids (one a line).
--   wrk ... -s update.lua -- IDS_FILE
local ids = {}
local counter = 0
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

local statuses   = { "todo", "in_progress", "done" }
local priorities = { "low", "medium", "high" }
local headers = { ["Content-Type"] = "application/json" }

function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   for line in io.lines(args[1]) do
      if #line > 0 then ids[#ids + 1] = "/tasks/" .. line end
   end
   assert(#ids > 0, "update.lua: no ids in " .. tostring(args[1]))
end

function request()
   local body = string.format('{"status":"%s","priority":"%s"}',
                              statuses[math.random(3)], priorities[math.random(3)])
   return wrk.format("PATCH", ids[math.random(#ids)], headers, body)
end
