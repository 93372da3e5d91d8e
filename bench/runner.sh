#!/usr/bin/env bash
# Runs the same 1,000-request collection (exported to Postman v2.1) with newman and with `dynagate run` against the
# same local endpoint, wall clock including start-up, and prints the comparison. Needs node/npm, java 17 and
# hyperfine; installs newman into bench/.newman on first use.
# Usage: bench/runner.sh [RUNS]   (from the repository root; builds target/dynagate.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'kill "${ENDPOINT_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/dynagate.jar ] || mvn -q -B -DskipTests package
if [ ! -x bench/.newman/node_modules/.bin/newman ]; then
  npm install --silent --no-audit --no-fund --prefix bench/.newman newman@6 >/dev/null
fi
NEWMAN=bench/.newman/node_modules/.bin/newman

java -cp "target/dynagate.jar:target/lib/*" bench/MakeRunnerCollection.java "$WORK"
COLLECTION="$WORK/runner-benchmark.postman_collection.json"

node bench/runner-endpoint.js 0 > "$WORK/endpoint.txt" &
ENDPOINT_PID=$!
for _ in $(seq 50); do [ -s "$WORK/endpoint.txt" ] && break; sleep 0.1; done
BASE_URL="$(head -1 "$WORK/endpoint.txt")"
echo "endpoint: $BASE_URL; collection: $(grep -c '"method"' "$COLLECTION") requests"
echo "newman $("$NEWMAN" --version), $(java -version 2>&1 | head -1)"

# one checked run of each first: both must pass every check, or the timing means nothing
"$NEWMAN" run "$COLLECTION" --env-var "baseUrl=$BASE_URL" --reporters cli --reporter-cli-no-summary \
  --reporter-cli-no-success-assertions --reporter-cli-no-banner > "$WORK/newman.txt" \
  || { tail -30 "$WORK/newman.txt"; echo "newman failed"; exit 1; }
java -jar target/dynagate.jar run "$COLLECTION" --var "baseUrl=$BASE_URL" --quiet \
  || { echo "dynagate run failed"; exit 1; }

hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$WORK/result.md" \
  -n newman "$NEWMAN run $COLLECTION --env-var baseUrl=$BASE_URL --reporters cli --reporter-cli-no-summary --reporter-cli-no-success-assertions --reporter-cli-no-banner --silent" \
  -n "dynagate run" "java -jar target/dynagate.jar run $COLLECTION --var baseUrl=$BASE_URL --quiet"
cat "$WORK/result.md"
