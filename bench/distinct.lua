-- wrk script for bench/distinct.py: every request a new path, so no cache answers any.
--
--   wrk -t2 -c8 -d5s -s bench/distinct.lua <url> -- <prefix> <suffix> <start> <T: wrk's -t>
--
-- Request k of thread i (i = 1..T, k = 0, 1, ...) asks for <prefix><start + k*T + i><suffix>:
-- the threads interleave, so no two requests of the run are alike, and the caller moves
-- <start> past the last figure used, so no two runs share one either. Every status is
-- counted; the end prints two lines: "statuses 200=N 400=M ..." and "last <largest figure>".

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  prefix, suffix, start, step = args[1], args[2], tonumber(args[3]), tonumber(args[4])
  k = 0
  last = 0
  statuses = {}
end

function request()
  last = start + k * step + id
  k = k + 1
  return wrk.format(nil, prefix .. string.format("%d", last) .. suffix)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total, largest = {}, 0
  for _, thread in ipairs(threads) do
    largest = math.max(largest, thread:get("last"))
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, string.format("%d=%d", status, count)) end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("last %d\n", largest))
end
