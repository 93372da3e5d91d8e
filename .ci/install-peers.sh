#!/usr/bin/env bash
# Installs the third-party peers the conformance tests and benchmarks run against:
#   dynalite (npm), the AWS CLI v2 (Debian awscli, /usr/bin/aws), wrk and hyperfine (Debian),
# and checks that moto_server is present. Safe to run again: whatever is already there is kept.
# Quiet unless something fails. Meant for root on Debian with Node.js and npm; elsewhere it does what it can.
#
# dynalite goes into $DYNAGATE_PEERS (default $HOME/.cache/dynagate-peers) and is linked into /usr/local/bin when
# that is writable; tests also look for it through DYNALITE_BIN and in that folder. The script writes
# $DYNAGATE_PEERS/env, which exports DYNALITE_BIN and puts the folder's bin on PATH for whoever sources it.


DYNALITE_VERSION="${DYNALITE_VERSION:-4.0.0}"
DYNAGATE_PEERS="${DYNAGATE_PEERS:-$HOME/.cache/dynagate-peers}"
peers_log="$(mktemp -t dynagate-peers.XXXXXX)"
peers_failed=0

peers_say() { echo "install-peers: $*" >&2; }

# Runs a command once and, if it fails, once more after a pause; prints its output only when both fail.
peers_try() {
    if "$@" >>"$peers_log" 2>&1; then return 0; fi
    sleep 3
    if "$@" >>"$peers_log" 2>&1; then return 0; fi
    peers_say "failed: $*"
    tail -n 20 "$peers_log" >&2
    return 1
}

peers_apt_updated=0
peers_apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        peers_say "apt-get not available; install ${missing[*]} by hand"
        return 1
    fi
    if [ "$peers_apt_updated" -eq 0 ]; then
        peers_try apt-get update -qq || return 1
        peers_apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive peers_try apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

peers_install_dynalite() {
    local bin="$DYNAGATE_PEERS/node_modules/.bin/dynalite"
    if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$DYNALITE_VERSION\"" \
            "$DYNAGATE_PEERS/node_modules/dynalite/package.json" 2>/dev/null; then
        if ! command -v npm >/dev/null 2>&1; then
            peers_say "npm not found; cannot install dynalite"
            return 1
        fi
        mkdir -p "$DYNAGATE_PEERS" || return 1
        [ -f "$DYNAGATE_PEERS/package.json" ] || echo '{"name":"dynagate-peers","private":true}' >"$DYNAGATE_PEERS/package.json"
        peers_try npm install --prefix "$DYNAGATE_PEERS" --no-audit --no-fund --loglevel=error \
            "dynalite@$DYNALITE_VERSION" || return 1
    fi
    if [ -d /usr/local/bin ] && [ -w /usr/local/bin ]; then
        ln -sf "$bin" /usr/local/bin/dynalite
    fi
    export DYNALITE_BIN="$bin"
    printf 'export DYNALITE_BIN="%s"\nexport PATH="%s:$PATH"\n' "$bin" "$DYNAGATE_PEERS/node_modules/.bin" \
        >"$DYNAGATE_PEERS/env"
}

peers_install_dynalite || peers_failed=1
peers_apt_install awscli wrk hyperfine || peers_failed=1
[ -x /usr/bin/aws ] || { peers_say "/usr/bin/aws missing after installing awscli"; peers_failed=1; }
if ! command -v moto_server >/dev/null 2>&1; then
    peers_say "moto_server not found on PATH (it comes with the machine image: pip package moto[server])"
    peers_failed=1
fi

rm -f "$peers_log"
if [ "$peers_failed" -ne 0 ]; then
    peers_say "some peers are missing (see above)"
    # return when sourced, exit when run
    return 1 2>/dev/null || exit 1
fi
true
