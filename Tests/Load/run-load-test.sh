#!/bin/sh
# Load and fault test for `dossier serve` (loopback only; `make load-test`, not part of `make test`).
# Serves a temporary copy of content/ and templates/, runs wrk (64 connections, LOAD_SECONDS) while a
# commentary file is rewritten every 200 ms, and runs probes.py beside it (whole pages, slow and
# disconnecting clients, slowloris, malformed requests). Exits non-zero on any failed response or probe.
set -eu
LOAD_SECONDS="${LOAD_SECONDS:-30}"
CONNECTIONS="${LOAD_CONNECTIONS:-64}"
ROOT="$(pwd)"
BIN="${DOSSIER_BIN:-$ROOT/.build/debug/dossier}"
HERE="$ROOT/Tests/Load"
EDITED="content/commentary/china-two-readings.md"
PAGE="/commentary/china-two-readings/"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

if ! command -v wrk > /dev/null; then
    echo "installing wrk"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dossier-load.XXXXXX")"
SERVER_PID=""
EDITOR_PID=""
cleanup() {
    [ -n "$EDITOR_PID" ] && kill "$EDITOR_PID" 2> /dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2> /dev/null || true
    [ -n "$SERVER_PID" ] && wait "$SERVER_PID" 2> /dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
cp -R "$ROOT/content" "$ROOT/templates" "$WORK/"
cd "$WORK"

# stdbuf: the address line is printed to a pipe, which stdio would otherwise hold back.
stdbuf -oL -eL "$BIN" serve --port 0 > serve.log 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 600); do
    PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' serve.log | head -1)
    [ -n "$PORT" ] && [ -f .build/preview-site/index.html ] && break
    kill -0 "$SERVER_PID" 2> /dev/null || { echo "server exited:"; cat serve.log; exit 1; }
    sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start:"; cat serve.log; exit 1; }
URL="http://127.0.0.1:$PORT"
echo "serving on $URL (pid $SERVER_PID)"

(cd .build/preview-site && find . -name '*.html' | sed 's|^\.||; s|/index\.html$|/|' | sort) > paths.txt
echo "$(wc -l < paths.txt) pages"

# The editor: rewrites one commentary file in place every ~200 ms, bounded by count.
ORIGINAL="$(cat "$EDITED")"
(
    count=0
    limit=$((LOAD_SECONDS * 5 + 25))
    while [ "$count" -lt "$limit" ]; do
        count=$((count + 1))
        printf '%s\n\nEdit number %s under load.\n' "$ORIGINAL" "$count" > "$EDITED"
        sleep 0.2
    done
) &
EDITOR_PID=$!

python3 "$HERE/probes.py" integrity "$PORT" "$LOAD_SECONDS" "$PAGE" > integrity.log 2>&1 &
PROBES_PID=$!
LOAD_PATHS="$WORK/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 5s --latency -s "$HERE/paths.lua" "$URL" > wrk.log 2>&1 || true
PROBES_STATUS=0
wait "$PROBES_PID" || PROBES_STATUS=1
kill "$EDITOR_PID" 2> /dev/null || true
EDITOR_PID=""

echo "--- wrk ($CONNECTIONS connections, ${LOAD_SECONDS}s, a commentary file rewritten every ~200 ms)"
cat wrk.log
echo "--- a page being rebuilt, fetched in a loop beside wrk"
cat integrity.log
# Full builds print "rebuilt N pages…", incremental ones "<cause>: re-rendered N of M pages…".
REBUILDS=$(grep -c -E "^rebuilt|: re-rendered" serve.log || true)
FAILED_BUILDS=$(grep -c "build failed" serve.log || true)
echo "--- server: $REBUILDS rebuilds, $FAILED_BUILDS failed builds (a file caught mid-write) during the run"
# Slow and hanging-up clients, then 300 slowloris clients beside timed GETs, then malformed requests, then oversized ones; each must get its exact status.
for phase in faults slowloris malformed oversized; do
    echo "--- $phase"
    python3 "$HERE/probes.py" "$phase" "$PORT" "$([ "$phase" = slowloris ] && echo "$LOAD_SECONDS" || echo 15)" "$PAGE" || PROBES_STATUS=1
done

mkdir -p "$ROOT/.build/load-test" && cp ./*.log "$ROOT/.build/load-test/"
echo "(logs kept in .build/load-test/)"

status=0
if grep -q "Non-2xx or 3xx responses" wrk.log; then echo "FAIL: wrk saw non-2xx/3xx responses"; status=1; fi
if grep -q "Socket errors" wrk.log; then echo "FAIL: wrk saw socket errors"; status=1; fi
grep -q "Requests/sec" wrk.log || { echo "FAIL: wrk did not run"; status=1; }
[ "$PROBES_STATUS" = 0 ] || { echo "FAIL: probes failed"; status=1; }
kill -0 "$SERVER_PID" 2> /dev/null || { echo "FAIL: server died"; tail -20 serve.log; status=1; }
[ "$status" = 0 ] && echo "load test passed"
exit $status
