package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
-- all 100 items of one partition in one page; an answer without all of them counts as failed
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.Query"
wrk.body = '{"TableName":"bench_items","KeyConditionExpression":"pk = :p",'
    .. '"ExpressionAttributeValues":{":p":{"S":"query"}}}'
bad = 0

function response(status, headers, body)
  if status == 200 and not body:find('"Count":100,', 1, true) then
    bad = bad + 1
  end
end
