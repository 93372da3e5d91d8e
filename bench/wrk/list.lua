package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("common")
-- ListTables with Limit 1 touches no item: its rate is about what the protocol alone allows (HTTP, JSON, headers,
-- CRC32), the ceiling the item operations are measured against
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.ListTables"
wrk.body = '{"Limit":1}'
