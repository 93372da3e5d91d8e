#!/usr/bin/env bash
# Export and import of a whole table against the AWS CLI, on the sandbox, on this machine: the same table exported by
# `dynagate export` (1 and 4 segments) and read whole by `aws dynamodb scan` (which pages through the table the same
# way and prints every item as DynamoDB JSON), timed by hyperfine; then the import of the exported file into an empty
# table, against the AWS CLI's `batch-write-item` of the same items 25 at a time (its first 1,000 items: one process
# per batch is slow), as items per second.
#
#   bench/transfer.sh [ITEMS] [RUNS]        default: 100000 items (~150 bytes each), 3 runs
#
# Needs hyperfine and the AWS CLI (Debian: hyperfine, awscli) and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-100000}
runs=${2:-3}
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install hyperfine)" >&2; exit 2; }
command -v aws >/dev/null || { echo "aws not found (apt-get install awscli)" >&2; exit 2; }
if [ ! -f target/dynagate.jar ] || [ -n "$(find src/main pom.xml -newer target/dynagate.jar -print -quit)" ]; then
    mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package
fi

work="$(mktemp -d -t dynagate-transfer.XXXXXX)"
java -jar target/dynagate.jar sandbox --port 0 --in-memory >"$work/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    endpoint="$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$work/sandbox.log" | head -n 1 || true)"
    [ -n "$endpoint" ] && break
    sleep 0.1
done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
dynagate="java -jar $PWD/target/dynagate.jar"
for table in Source Imported CliImported; do
    aws --endpoint-url "$endpoint" dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
        --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N \
        --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
done
awk -v n="$items" 'BEGIN { for (i = 0; i < n; i++) printf "{\"Item\":{\"pk\":{\"S\":\"p%d\"},\"sk\":{\"N\":\"%d\"},\"name\":{\"S\":\"item number %d\"},\"score\":{\"N\":\"%d.25\"},\"tags\":{\"SS\":[\"a\",\"b%d\"]},\"on\":{\"BOOL\":true}}}\n", i % 1000, i, i, i % 97, i % 7 }' \
    >"$work/items.ddb.json"
$dynagate import --endpoint-url "$endpoint" --table Source --in "$work/items.ddb.json" -q

# the AWS CLI's peer of the import: batch-write-item files of 25 put requests each, written beforehand
mkdir "$work/batches"
awk -v dir="$work/batches" '{
    sub(/^\{"Item":/, "{\"PutRequest\":{\"Item\":"); sub(/}$/, "}}");
    if (n % 25 == 0) { if (f) { print "]}" > f; close(f) } f = sprintf("%s/%06d.json", dir, n / 25); printf "{\"CliImported\":[" > f }
    else printf "," > f
    printf "%s", $0 > f; n++ }
    END { if (f) print "]}" > f }' "$work/items.ddb.json"

echo "$(nproc) cores, $(java -version 2>&1 | head -n 1), $(aws --version 2>&1), $items items, load average $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --runs "$runs" --warmup 1 \
    -n "dynagate export --segments 1" "$dynagate export --endpoint-url $endpoint --table Source --out $work/out.jsonl --format ddb-json --segments 1 --overwrite -q" \
    -n "dynagate export --segments 4" "$dynagate export --endpoint-url $endpoint --table Source --out $work/out.jsonl --format ddb-json --segments 4 --overwrite -q" \
    -n "aws dynamodb scan" "aws --endpoint-url $endpoint dynamodb scan --table-name Source --output json > $work/scan.json"
test "$(wc -l <"$work/out.jsonl")" -eq "$items" || { echo "the export wrote $(wc -l <"$work/out.jsonl") items, not $items" >&2; exit 1; }

# one import each (the second would find the items there): ours of every item; the AWS CLI's of the first 1,000 only,
# since at one process per 25 items it needs about a second per batch; compared as items per second
seconds() { # command... -> wall-clock seconds it took
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
cli_import() {
    for f in $(ls "$work"/batches/*.json | head -n 40); do
        aws --endpoint-url "$endpoint" dynamodb batch-write-item --request-items "file://$f" >/dev/null
    done
}
ours_s="$(seconds $dynagate import --endpoint-url "$endpoint" --table Imported --in "$work/out.jsonl" -q)"
cli_items=$((items < 1000 ? items : 1000))
cli_s="$(seconds cli_import)"
awk -v n="$items" -v s="$ours_s" -v m="$cli_items" -v t="$cli_s" 'BEGIN {
    printf "import: dynagate import %d items in %.2f s = %.0f items/s (JVM start included); aws batch-write-item %d items in %.2f s = %.0f items/s; ratio %.1fx\n", n, s, n / s, m, t, m / t, (n / s) / (m / t) }'
for table in Imported CliImported; do
    # the CLI pages through the scan and prints one count per page
    count="$(aws --endpoint-url "$endpoint" dynamodb scan --table-name "$table" --select COUNT --query Count \
        --output text | tr -s ' \t' '\n\n' | awk '{ total += $1 } END { print total }')"
    echo "$table: $count items"
done
