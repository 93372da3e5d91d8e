#!/usr/bin/env bash
# Benchmarks the sandbox's DynamoDB engine against dynalite on this machine, one after the other, with the same
# load generator (bench/DynamoDbLoad.java, JDK only) and the same concurrency, and prints ops/s, p99 and the ratio
# for PutItem, GetItem, UpdateItem, Query (100 items) and a full Scan of a 10,000-item table.
#
#   [SANDBOX_JAVA_OPTS=...] bench/dynamodb.sh [load generator options, e.g. --seconds 8 --concurrency 16 --scan-items 10000]
#
# The sandbox runs as shipped (java -jar target/dynagate.jar sandbox, default settings: durable, fsync'd writes);
# dynalite runs in memory, its fastest mode. Needs dynalite (.ci/install-peers.sh installs it) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f target/dynagate.jar ] || [ -n "$(find src/main pom.xml -newer target/dynagate.jar -print -quit)" ]; then
    echo "building target/dynagate.jar" >&2
    mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package
fi

dynalite="${DYNALITE_BIN:-}"
if [ -z "$dynalite" ]; then
    dynalite="$(command -v dynalite || true)"
fi
if [ -z "$dynalite" ] && [ -x "$HOME/.cache/dynagate-peers/node_modules/.bin/dynalite" ]; then
    dynalite="$HOME/.cache/dynagate-peers/node_modules/.bin/dynalite"
fi
if [ -z "$dynalite" ]; then
    echo "dynalite not found: run .ci/install-peers.sh (or set DYNALITE_BIN)" >&2
    exit 2
fi

work="$(mktemp -d -t dynagate-bench.XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# waits until a log file has a line matching the pattern, then prints the first match
await_line() {
    local file="$1" pattern="$2"
    for _ in $(seq 1 600); do
        if grep -Eo "$pattern" "$file" 2>/dev/null | head -n 1 | grep .; then
            return 0
        fi
        sleep 0.1
    done
    echo "gave up waiting for '$pattern' in $file:" >&2
    cat "$file" >&2
    return 1
}

# SANDBOX_JAVA_OPTS: extra JVM options for the sandbox (none by default, so the default is what users run)
# shellcheck disable=SC2086
java ${SANDBOX_JAVA_OPTS:-} -jar target/dynagate.jar sandbox --port 0 --data "$work/data" >"$work/sandbox.log" 2>&1 &
pids+=($!)
ours_pid=$!
ours="$(await_line "$work/sandbox.log" 'http://127\.0\.0\.1:[0-9]+')"

port="$(java bench/DynamoDbLoad.java free-port)"
"$dynalite" --host 127.0.0.1 --port "$port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 \
    >"$work/dynalite.log" 2>&1 &
pids+=($!)
dynalite_pid=$!
await_line "$work/dynalite.log" 'listening at' >/dev/null

echo "sandbox $ours, dynalite http://127.0.0.1:$port ($(nproc) cores, $(java -version 2>&1 | head -n 1), node $(node --version))" >&2
# the machine's other load skews every figure: say how busy it was
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/DynamoDbLoad.java --target ours="$ours" --pid ours="$ours_pid" \
    --target dynalite="http://127.0.0.1:$port" --pid dynalite="$dynalite_pid" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
