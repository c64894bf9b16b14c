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

-- Paths ending in "bench_nocache=" get a random number appended per request, so that
-- every request misses pintu's response cache (which is keyed by request target).
local nonce_paths = nil

function request()
  local i = math.random(#requests)
  if nonce_paths == nil then
    nonce_paths = paths[1]:sub(-#"bench_nocache=") == "bench_nocache="
  end
  if nonce_paths then
    return wrk.format("GET", paths[i] .. math.random(1000000000))
  end
  return requests[i]
end
