#!/usr/bin/env bash
# Partition aggregation throughput (items/s) against a plain full Scan of the same sandbox table, through the same
# SDK client, in one JVM (sandbox included, so both sides share the same CPUs). The table (default 1,000,000
# skewed items over 5,000 partition keys, ~190 bytes each) is loaded once into DATA_DIR and reused by later runs.
#
#   bench/partitions.sh [ITEMS] [ROUNDS] [DATA_DIR]     default: 1000000 2 target/bench-partitions
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-1000000}
rounds=${2:-2}
data=${3:-target/bench-partitions}

mvn -o -q -B test-compile
mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
java -Xmx6g -Djava.util.logging.config.file=none \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.dynagate.partitions.PartitionsBench "$items" "$data" "$rounds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
