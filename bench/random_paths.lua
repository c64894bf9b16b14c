-- wrk script: every request GETs a path picked at random from a file of paths
-- (one per line, already URL-encoded).
-- Usage: wrk ... -s bench/random_paths.lua http://127.0.0.1:PORT -- PATHS_FILE
-- Each wrk thread has its own Lua state; setup() gives each a distinct seed.

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

local paths = {}
local requests = {}

function init(args)
  local file = args[1] or error("random_paths.lua: pass the paths file after --")
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("random_paths.lua: no paths in " .. file) end
  math.randomseed(os.time() * 1000 + (seed or 0))
  -- Pre-format every request once so the client spends little CPU per request.
  for i = 1, #paths do
    requests[i] = wrk.format("GET", paths[i])
  end
end

function request()
  return requests[math.random(#requests)]
end
