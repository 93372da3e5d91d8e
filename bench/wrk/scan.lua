package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
-- One op is a Scan of every page of the 10,000-item table, following LastEvaluatedKey; a scan that does not see every
-- item counts as failed. The next page depends on the last answer, so run it with one connection per thread
-- (-c equal to -t): wrk's script state is per thread, not per connection. The latency wrk reports is one page's.
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.Scan"
local expected = 10000 -- what `DynamoDbLoad set-up` loads
local start = nil
local seen = 0
bad = 0
ops = 0

function request()
  local body = '{"TableName":"bench_scan"' .. (start and (',"ExclusiveStartKey":' .. start) or '') .. '}'
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    start, seen = nil, 0
    return
  end
  -- Count and LastEvaluatedKey come before or after the items, by server: read only the page's two ends, so that
  -- matching patterns over a megabyte of items does not make the generator the bottleneck
  local ends = #body <= 8192 and body or (body:sub(1, 4096) .. body:sub(-4096))
  seen = seen + tonumber(ends:match('"Count":(%d+)') or "0")
  start = ends:match('"LastEvaluatedKey":(%b{})')
  if not start then
    ops = ops + 1
    if seen ~= expected then
      bad = bad + 1
    end
    seen = 0
  end
end
