-- Shared by the DynamoDB wrk scripts: the JSON 1.0 protocol's headers with a fixed SigV4-shaped Authorization
-- (the servers under test accept any signature). Answers other than 2xx/3xx (every DynamoDB error is 4xx or 5xx)
-- and socket errors are reported as failed; no response() hook, which would make wrk parse every answer in Lua.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
    .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
    .. "Signature=0000000000000000000000000000000000000000000000000000000000000000"
wrk.headers["X-Amz-Date"] = "20260101T000000Z"

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919)
end

-- A script that checks answers itself keeps a global "bad" per thread (answers with status 200 that were still wrong);
-- one whose operation spans several requests (a Scan of every page) counts them in a global "ops" per thread.
function done(summary, latency, requests)
  local bad, ops = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("bad") or 0)
    ops = ops + (thread:get("ops") or 0)
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f p99us=%d failed=%d ops=%d\n", summary.requests,
      summary.duration / 1e6, latency:percentile(99), summary.errors.status + summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout + bad,
      ops > 0 and ops or summary.requests))
end
