package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.GetItem"

function request()
  return wrk.format(nil, nil, nil, '{"TableName":"bench_items","Key":{"pk":{"S":"get-' .. math.random(0, 999)
      .. '"},"sk":{"S":"0"}}}')
end
