#!/usr/bin/env bash
# Cold start of the Dynagate window against a bare JavaFX window launched the same way, on this machine.
# Each run starts a fresh JVM in fresh folders (a first start: the sandbox is created and seeds its demo data), then a
# second start on the same folders, and prints
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

probe() { # mode home -> prints "first tables"
  # the JVM takes user.home from the password database, not $HOME, so the XDG folders point into the given home
  HOME=$2 XDG_CONFIG_HOME=$2/.config XDG_DATA_HOME=$2/.local/share timeout 120 "${launcher[@]}" "$1" 2>/dev/null \
    | awk -F= '/first-frame-ms/{f=$2} /tables-shown-ms/{t=$2} END{print f, t}'
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }

bare=() first_frame=() first_tables=() next_frame=() next_tables=()
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  read -r f _ < <(probe --bare-window-probe "$home"); bare+=("$f")
  rm -rf "$home"; home=$(mktemp -d)
  # a first start (the sandbox is created and seeded with the demo), then a second start on the same folders
  read -r f t < <(probe --startup-probe "$home"); first_frame+=("$f"); first_tables+=("$t")
  read -r f t < <(probe --startup-probe "$home"); next_frame+=("$f"); next_tables+=("$t")
  rm -rf "$home"
  echo "run $i: bare window ${bare[-1]} ms; first start: frame ${first_frame[-1]} ms, tables ${first_tables[-1]} ms;" \
       "second start: frame ${next_frame[-1]} ms, tables ${next_tables[-1]} ms" >&2
done
b=$(printf '%s\n' "${bare[@]}" | median)
ff=$(printf '%s\n' "${first_frame[@]}" | median)
ft=$(printf '%s\n' "${first_tables[@]}" | median)
nf=$(printf '%s\n' "${next_frame[@]}" | median)
nt=$(printf '%s\n' "${next_tables[@]}" | median)
echo "launcher: ${launcher[*]}  (median of $runs, $(nproc) cores)"
printf '%-40s %8s\n' "bare JavaFX first frame" "$b ms"
printf '%-40s %8s   ratio %s\n' "dynagate first frame, first start" "$ff ms" "$(ratio "$ff" "$b")"
printf '%-40s %8s   ratio %s\n' "dynagate tables shown, first start" "$ft ms" "$(ratio "$ft" "$b")"
printf '%-40s %8s   ratio %s\n' "dynagate first frame, second start" "$nf ms" "$(ratio "$nf" "$b")"
printf '%-40s %8s   ratio %s\n' "dynagate tables shown, second start" "$nt ms" "$(ratio "$nt" "$b")"
