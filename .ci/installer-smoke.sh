#!/usr/bin/env bash
# Builds the Linux app-image and .deb, unpacks the .deb, and proves the packaged launcher is complete: --version,
# then a self-test that starts the sandbox and does a DynamoDB round trip, a TLS handshake with a local HTTPS
# server (the crypto modules are in the runtime) and an SSO-profile lookup that must fail with our message (the SSO
# and STS jars are bundled); then, against the packaged sandbox with its demo table, an export to a gzip file, an
# import of it back, one more that keeps the items already there, and a copy of the table. Any missing module fails.
set -euo pipefail
cd "$(dirname "$0")/.."

SKIP_BUILD=${SKIP_BUILD:-1} bash installer/build.sh app-image deb
deb=$(ls target/installer/*.deb)
unpacked=$(mktemp -d)
dpkg-deb -x "$deb" "$unpacked"
launcher=$(find "$unpacked" -path '*/bin/Dynagate' -type f | head -n 1)
[ -x "$launcher" ] || { echo "no launcher in $deb" >&2; exit 1; }

"$launcher" --version

tls=$(mktemp -d)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null
keytool -importcert -noprompt -storetype PKCS12 -alias local -file "$tls/cert.pem" \
  -keystore "$tls/trust.p12" -storepass changeit >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$tls" && exec python3 -c '
import http.server, ssl, sys
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain("cert.pem", "key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()' "$port" >/dev/null 2>&1) &
server=$!
sandbox=""
cleanup() {
    kill $server 2>/dev/null || true
    [ -z "$sandbox" ] || kill "$sandbox" 2>/dev/null || true
    rm -rf "$unpacked" "$tls"
}
trap cleanup EXIT
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

HOME=$(mktemp -d) "$launcher" self-test --https-url "https://127.0.0.1:$port/" --trust-store "$tls/trust.p12"
HOME=$(mktemp -d) "$launcher" sandbox --port 0 --in-memory --demo >"$tls/sandbox.log" 2>&1 &
sandbox=$!
endpoint=""
for _ in $(seq 300); do
  endpoint=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$tls/sandbox.log" | head -n 1 || true)
  [ -n "$endpoint" ] && grep -q "Demo: created table" "$tls/sandbox.log" && break
  sleep 0.1
done
[ -n "$endpoint" ] || { echo "the packaged sandbox did not start:" >&2; cat "$tls/sandbox.log" >&2; exit 1; }
"$launcher" export --endpoint-url "$endpoint" --table Experiments --format ddb-json --out "$tls/experiments.json.gz" -q
exported=$(gzip -dc "$tls/experiments.json.gz" | wc -l)
[ "$exported" -gt 0 ] || { echo "the packaged export wrote no items" >&2; exit 1; }
"$launcher" import --endpoint-url "$endpoint" --table Experiments --in "$tls/experiments.json.gz" -q
# every item is there now: keeping existing ones writes none of them
kept=$("$launcher" import --endpoint-url "$endpoint" --table Experiments --in "$tls/experiments.json.gz" \
    --skip-existing 2>&1 | grep -o 'Imported 0 items.*; [0-9,]* items already there' || true)
[ -n "$kept" ] || { echo "the packaged import with --skip-existing did not keep the items already there" >&2; exit 1; }
echo "ok   export and import through the packaged launcher: $exported items ($kept)"
copied=$("$launcher" copy --endpoint-url "$endpoint" --table Experiments --to-table Experiments-copy \
    --to-endpoint-url "$endpoint" 2>&1 | grep -o 'Copied [0-9,]* items of Experiments' || true)
[ -n "$copied" ] || { echo "the packaged copy did not copy the demo table" >&2; exit 1; }
echo "ok   copy through the packaged launcher: $copied"

echo "installer smoke test passed ($(du -sh target/installer/Dynagate | cut -f1) app-image, $(du -h "$deb" | cut -f1) .deb)"
