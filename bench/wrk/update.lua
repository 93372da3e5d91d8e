package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.UpdateItem"

function request()
  local k = math.random(0, 999)
  return wrk.format(nil, nil, nil, '{"TableName":"bench_items","Key":{"pk":{"S":"get-' .. k
      .. '"},"sk":{"S":"0"}},"UpdateExpression":"ADD hits :one SET touched = :t",'
      .. '"ExpressionAttributeValues":{":one":{"N":"1"},":t":{"S":"' .. k .. '"}}}')
end
