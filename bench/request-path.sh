#!/usr/bin/env bash
# The CPU one DynamoDB request costs in the sandbox's own code (HTTP parsing, the engine, the response), measured on
# one thread with no socket (bench/requestpath/RequestPathBench.java), for ListTables of one name, GetItem,
# UpdateItem and PutItem with the bodies bench/dynamodb.sh sends. Use it to compare builds: it is far steadier than
# throughput on a shared machine.
#
#   bench/request-path.sh [ROUNDS [ITEMS]]   (default 8 one-second rounds per operation, the first ones JIT warm-up;
#                                             ITEMS other items put into the table first, default 0)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d target/classes/dev ] || [ -n "$(find src/main pom.xml -newer target/classes -print -quit)" ]; then
    echo "building target/classes" >&2
    mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package
fi
work="$(mktemp -d -t dynagate-request-path.XXXXXX)"
trap 'rm -rf "$work"' EXIT
classpath="target/classes:$(find target/lib -name '*.jar' | tr '\n' ':')"
javac -d "$work/classes" -cp "$classpath" bench/requestpath/RequestPathBench.java
echo "$(nproc) cores, $(java -version 2>&1 | head -n 1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$work/classes:$classpath" dev.dynagate.sandbox.http.RequestPathBench "${1:-8}" "${2:-0}"
