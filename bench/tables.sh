#!/usr/bin/env bash
# The item explorer on a 1,000,000-item sandbox table: time from Run to the first page in the presenter (Scan and
# Query) and the heap the presenter holds after paging through 100,000 rows (all kept, and with a 1% filter).
#
#   [TABLES_BENCH_DATA=DIR] bench/tables.sh [--items 1000000] [--rows 100000]
#
# The sandbox runs as shipped in its own JVM, so the heap figures are the presenter's alone. Loading a million items
# takes minutes; set TABLES_BENCH_DATA to a folder to keep the loaded table for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f target/dynagate.jar ] || [ -n "$(find src/main pom.xml -newer target/dynagate.jar -print -quit)" ]; then
    echo "building target/dynagate.jar" >&2
    mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package
fi

work="$(mktemp -d -t dynagate-tables-bench.XXXXXX)"
data="${TABLES_BENCH_DATA:-$work/data}"
sandbox_pid=""
cleanup() {
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

java -jar target/dynagate.jar sandbox --port 0 --data "$data" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
endpoint=""
for _ in $(seq 1 600); do
    endpoint="$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$work/sandbox.log" | head -n 1 || true)"
    [ -n "$endpoint" ] && break
    sleep 0.1
done
if [ -z "$endpoint" ]; then
    echo "the sandbox did not start:" >&2
    cat "$work/sandbox.log" >&2
    exit 1
fi

echo "sandbox $endpoint ($(nproc) cores, $(java -version 2>&1 | head -n 1)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Compiled beforehand rather than run as a source file, so the first Run is not timed while javac's own classes
# are still being loaded and compiled in the same JVM.
javac -nowarn -d "$work/classes" -cp target/dynagate.jar bench/TablesBench.java 2>&1 | grep -v '^Note:' >&2 || true
java -Xmx1g -cp "target/dynagate.jar:$work/classes" TablesBench --endpoint "$endpoint" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
