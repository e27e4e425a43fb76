-- wrk script: GET /tasks/{id} with an id drawn at random from a file of ids (one a line).
--   wrk ... -s get.lua -- IDS_FILE
local ids = {}
local counter = 0
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

function init(args)
   math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
   for line in io.lines(args[1]) do
      if #line > 0 then ids[#ids + 1] = "/tasks/" .. line end
   end
   assert(#ids > 0, "get.lua: no ids in " .. tostring(args[1]))
end

function request()
   return wrk.format("GET", ids[math.random(#ids)])
end
