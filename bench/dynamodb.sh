#!/usr/bin/env bash
# Benchmarks the sandbox's DynamoDB engine against dynalite on this machine, one after the other, with the same
# load generator (bench/DynamoDbLoad.java, JDK only) and the same concurrency, and prints ops/s, p99 and the ratio
# for PutItem, GetItem, UpdateItem, Query (100 items) and a full Scan of a 10,000-item table. When wrk is installed
# (Debian: wrk) the five operations are then driven again by wrk (bench/wrk/*.lua), a lighter generator that leaves
# more of the machine to the servers, at 16 and at 64 connections (a Scan at 2, one per wrk thread), next to a
# ListTables of one name: a request that reads no item, whose rate is about the most the protocol alone allows here.
#
#   [SANDBOX_JAVA_OPTS=...] [WRK_CONNECTIONS="16 64"] [WRK_WARMUP=3] bench/dynamodb.sh [load generator options, e.g. --seconds 8 --concurrency 16]
#
# The sandbox runs as shipped (java -jar target/dynagate.jar sandbox, default settings: a write is answered once its
# log record is written to the file, and the file is forced to disk every second); the wrk tables add PutItem and
# UpdateItem against a second sandbox started with --durability disk (a write is answered once forced to disk), and a
# third started with --in-memory (keeps nothing, as dynalite in memory).
# dynalite runs twice: in memory (its fastest mode, which keeps nothing) and with --path (LevelDB in a folder, its
# durable mode: like our default, a write is in the operating system's hands before it is answered, and survives the
# server being killed). PutItem writes to its own table, so GetItem, UpdateItem and Query read the same 1,100 items on
# every server, however many items each managed to put. Needs dynalite (.ci/install-peers.sh installs it), a JDK 17.
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
stored_port="$(java bench/DynamoDbLoad.java free-port)"
"$dynalite" --host 127.0.0.1 --port "$stored_port" --path "$work/dynalite-data" --createTableMs 0 --deleteTableMs 0 \
    --updateTableMs 0 >"$work/dynalite-path.log" 2>&1 &
pids+=($!)
stored_pid=$!
await_line "$work/dynalite-path.log" 'listening at' >/dev/null

echo "sandbox $ours, dynalite http://127.0.0.1:$port, dynalite --path http://127.0.0.1:$stored_port ($(nproc) cores, $(java -version 2>&1 | head -n 1), node $(node --version))" >&2
# the machine's other load skews every figure: say how busy it was
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/DynamoDbLoad.java --target ours="$ours" --pid ours="$ours_pid" \
    --target dynalite="http://127.0.0.1:$port" --pid dynalite="$dynalite_pid" \
    --target dynalite-path="http://127.0.0.1:$stored_port" --pid dynalite-path="$stored_pid" "$@"

seconds=8
for ((i = 1; i <= $#; i++)); do
    [ "${!i}" = "--seconds" ] && { j=$((i + 1)); seconds="${!j}"; }
done

cpu_ms() { # user + system CPU of a process, in milliseconds (clock ticks of 10 ms)
    awk '{ sub(/.*\) /, ""); print ($12 + $13) * 10 }' "/proc/$1/stat"
}

wrk_run() { # script url pid connections -> "ops/s p99-ms cpu-ms/op failed"
    local before after line
    # warm-up: a JVM's compiler is still at work seconds after a request path gets busy; every server gets the same
    wrk -t2 -c"$4" -d"${WRK_WARMUP:-3}s" -s "$1" "$2" >/dev/null 2>&1
    before="$(cpu_ms "$3")"
    line="$(wrk -t2 -c"$4" -d"${seconds}s" -s "$1" "$2" 2>&1 | grep '^RESULT')"
    after="$(cpu_ms "$3")"
    echo "$line" | awk -v cpu=$((after - before)) '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%.0f %.2f %.3f %d\n", v["ops"] / v["seconds"], v["p99us"] / 1000, cpu / v["ops"], v["failed"] }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'
}

failures() { # failed answers of ours, dynalite, dynalite --path -> a note, or nothing when there were none
    [ "$1$2$3" = "000" ] || echo " (failed answers: ours $1, dynalite $2, dynalite --path $3)"
}

if command -v wrk >/dev/null; then
    # shellcheck disable=SC2086
    java ${SANDBOX_JAVA_OPTS:-} -jar target/dynagate.jar sandbox --port 0 --data "$work/data-disk" --durability disk \
        >"$work/sandbox-disk.log" 2>&1 &
    pids+=($!)
    disk_pid=$!
    disk="$(await_line "$work/sandbox-disk.log" 'http://127\.0\.0\.1:[0-9]+')"
    # shellcheck disable=SC2086
    java ${SANDBOX_JAVA_OPTS:-} -jar target/dynagate.jar sandbox --port 0 --in-memory >"$work/sandbox-memory.log" 2>&1 &
    pids+=($!)
    memory_pid=$!
    memory="$(await_line "$work/sandbox-memory.log" 'http://127\.0\.0\.1:[0-9]+')"
    java bench/DynamoDbLoad.java set-up "$memory"
    # the JVM generator warmed up the first sandbox's compiled code; give these two the same start
    for op in put get update; do
        for target in "$disk" "$memory"; do
            wrk -t2 -c16 -d4s -s "bench/wrk/$op.lua" "$target/" >/dev/null 2>&1
        done
    done
    java bench/DynamoDbLoad.java set-up "$disk"
    java bench/DynamoDbLoad.java set-up "http://127.0.0.1:$port" # empties the put table the generator above filled
    java bench/DynamoDbLoad.java set-up "http://127.0.0.1:$stored_port"
    java bench/DynamoDbLoad.java set-up "$ours"
    # WRK_CONNECTIONS: one table per connection count; a durable write waits for its group commit, so more clients
    # in flight share each disk flush, while a single-threaded server gains nothing from them
    for connections in ${WRK_CONNECTIONS:-16 64}; do
        echo
        echo "wrk, $connections connections, 2 threads, ${seconds} s measured after ${WRK_WARMUP:-3} s warm-up per operation (same tables as above):"
        echo
        echo "| operation | ours ops/s | ours p99 ms | ours CPU ms/op | dynalite ops/s | dynalite p99 ms | dynalite CPU ms/op | ratio ours/dynalite | dynalite-path ops/s | dynalite-path p99 ms | dynalite-path CPU ms/op | ratio ours/dynalite-path |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
        for op in put:PutItem get:GetItem update:UpdateItem query:"Query (100 items)" \
                scan:"Scan (10,000 items, all pages; p99 of one page), 2 connections"; do
            script="bench/wrk/${op%%:*}.lua"
            clients="$connections"
            [ "${op%%:*}" = scan ] && clients=2 # the next page depends on the last answer: one connection per thread
            read -r o_ops o_p99 o_cpu o_failed < <(wrk_run "$script" "$ours/" "$ours_pid" "$clients")
            read -r d_ops d_p99 d_cpu d_failed < <(wrk_run "$script" "http://127.0.0.1:$port/" "$dynalite_pid" "$clients")
            read -r s_ops s_p99 s_cpu s_failed < <(wrk_run "$script" "http://127.0.0.1:$stored_port/" "$stored_pid" \
                "$clients")
            peers="$d_ops | $d_p99 | $d_cpu | $(ratio "$o_ops" "$d_ops") | $s_ops | $s_p99 | $s_cpu | $(ratio "$o_ops" "$s_ops")"
            echo "| ${op#*:} | $o_ops | $o_p99 | $o_cpu | $peers$(failures "$o_failed" "$d_failed" "$s_failed") |"
            if [ "${op%%:*}" = put ] || [ "${op%%:*}" = update ]; then
                read -r k_ops k_p99 k_cpu k_failed < <(wrk_run "$script" "$disk/" "$disk_pid" "$connections")
                peers="$d_ops | $d_p99 | $d_cpu | $(ratio "$k_ops" "$d_ops") | $s_ops | $s_p99 | $s_cpu | $(ratio "$k_ops" "$s_ops")"
                echo "| ${op#*:}, --durability disk (same dynalite figures) | $k_ops | $k_p99 | $k_cpu | $peers$(failures "$k_failed" 0 0) |"
                read -r m_ops m_p99 m_cpu m_failed < <(wrk_run "$script" "$memory/" "$memory_pid" "$connections")
                peers="$d_ops | $d_p99 | $d_cpu | $(ratio "$m_ops" "$d_ops") | $s_ops | $s_p99 | $s_cpu | $(ratio "$m_ops" "$s_ops")"
                echo "| ${op#*:}, --in-memory (same dynalite figures) | $m_ops | $m_p99 | $m_cpu | $peers$(failures "$m_failed" 0 0) |"
            fi
        done
        # ours only: dynalite's ListTables slows down with the items loaded above (seconds per request on this machine)
        read -r o_ops o_p99 o_cpu o_failed < <(wrk_run bench/wrk/list.lua "$ours/" "$ours_pid" "$connections")
        echo "| ListTables, Limit 1 (reads no item: the protocol alone) | $o_ops | $o_p99 | $o_cpu | — | — | — | — | — | — | — | —$(failures "$o_failed" 0 0) |"
    done
else
    echo "wrk not found (Debian: apt-get install wrk): every operation was measured with the JVM generator only"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
