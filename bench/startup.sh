#!/usr/bin/env bash
# Cold start of the Dynagate window against a bare JavaFX window launched the same way, on this machine.
# Each run starts a fresh JVM with a fresh HOME (a first run: the sandbox starts and seeds its demo data) and prints
# milliseconds from JVM start to the first frame and to the tables list shown; the bare window is the baseline.
#
#   bench/startup.sh [RUNS] [LAUNCHER...]     default: 5 runs of "java -jar target/dynagate.jar";
#                                             e.g. bench/startup.sh 5 target/installer/Dynagate/bin/Dynagate
#
# Needs a display: uses $DISPLAY, or starts Xvfb (Debian: xvfb) for the duration.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
launcher=("$@")
[ ${#launcher[@]} -gt 0 ] || launcher=(java -jar target/dynagate.jar)

if [ "${launcher[0]}" = java ] && [ ! -f target/dynagate.jar ]; then
  mvn -q -B -DskipTests package
fi
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 2; }
  export DISPLAY=:$((RANDOM % 400 + 300))
  Xvfb "$DISPLAY" -screen 0 1440x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  sleep 1
fi

probe() { # mode -> prints "first tables"
  local home
  home=$(mktemp -d)
  HOME=$home timeout 120 "${launcher[@]}" "$1" 2>/dev/null \
    | awk -F= '/first-frame-ms/{f=$2} /tables-shown-ms/{t=$2} END{print f, t}'
  rm -rf "$home"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

bare=() app_frame=() app_tables=()
for i in $(seq "$runs"); do
  read -r f _ < <(probe --bare-window-probe); bare+=("$f")
  read -r f t < <(probe --startup-probe); app_frame+=("$f"); app_tables+=("$t")
  echo "run $i: bare window ${bare[-1]} ms; dynagate first frame ${app_frame[-1]} ms, tables shown ${app_tables[-1]} ms" >&2
done
b=$(printf '%s\n' "${bare[@]}" | median)
f=$(printf '%s\n' "${app_frame[@]}" | median)
t=$(printf '%s\n' "${app_tables[@]}" | median)
echo "launcher: ${launcher[*]}  (median of $runs, $(nproc) cores)"
printf '%-28s %8s\n' "bare JavaFX first frame" "$b ms"
printf '%-28s %8s   ratio %s\n' "dynagate first frame" "$f ms" "$(awk -v a="$f" -v b="$b" 'BEGIN{printf "%.2fx", a/b}')"
printf '%-28s %8s   ratio %s\n' "dynagate tables shown" "$t ms" "$(awk -v a="$t" -v b="$b" 'BEGIN{printf "%.2fx", a/b}')"
