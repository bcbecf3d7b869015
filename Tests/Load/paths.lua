-- wrk script: cycles through the site's pages (one path a line in $LOAD_PATHS) and counts bad statuses.
local paths = {}
local file = io.open(os.getenv("LOAD_PATHS") or "paths.txt")
for line in file:lines() do paths[#paths + 1] = line end
file:close()

local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end
