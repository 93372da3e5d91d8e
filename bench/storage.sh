#!/usr/bin/env bash
# The engine's storage against H2's MVStore on the engine's access pattern (bench/StorageBench.java): durable puts
# from 16 writers, point reads, one partition in key order, heap, disk and reopening. Each store runs in its own JVM.
#
#   bench/storage.sh [ITEMS]      (default 200000)
#
# H2 is fetched into target/bench-lib with Maven; it is a benchmark peer only, never a dependency of the app.
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-200000}"
h2_version=2.3.232

if [ ! -d target/classes/dev ] || [ -n "$(find src/main pom.xml -newer target/classes -print -quit)" ]; then
    echo "building target/classes" >&2
    mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package
fi
h2="target/bench-lib/h2-$h2_version.jar"
if [ ! -f "$h2" ]; then
    mvn -o -q dependency:copy -Dartifact="com.h2database:h2:$h2_version" -DoutputDirectory=target/bench-lib \
        || mvn -q dependency:copy -Dartifact="com.h2database:h2:$h2_version" -DoutputDirectory=target/bench-lib
fi

work="$(mktemp -d -t dynagate-storage-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
classpath="target/classes:$h2:$(find target/lib -name 'jackson-*.jar' | tr '\n' ':')"
javac -d "$work/classes" -cp "$classpath" bench/StorageBench.java

echo "$items items of ~100 bytes over 1,000 partitions, $(nproc) cores, $(java -version 2>&1 | head -n 1), H2 $h2_version"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| store | figure | value |"
echo "|---|---|---|"
for store in ours mvstore; do
    java -Xmx2g -cp "$work/classes:$classpath" StorageBench "$store" "$work/$store" "$items" \
        | awk -F' [|] ' '/^RESULT/ { sub(/^RESULT /, "", $1); print "| " $1 " | " $2 " | " $3 " |" }'
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
