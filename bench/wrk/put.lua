package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem"
local n = 0

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"TableName":"bench_puts","Item":{"pk":{"S":"wrk-' .. id .. '-' .. n
      .. '"},"sk":{"S":"0"},"n":{"N":"' .. n .. '"},"payload":{"S":"' .. string.rep("x", 64) .. '"}}}')
end
