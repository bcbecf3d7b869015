#!/bin/sh
# Runs every fuzz target for FUZZ_SECONDS (default 60) and prints executions per target.
# Usage: run-fuzz.sh [target…]   (from the repository root; `make fuzz` calls it)
set -eu
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_DIR="Tests/Fuzz"
BIN="$FUZZ_DIR/.build/debug"
WORK=".build/fuzz"
TARGETS="${*:-FuzzFrontMatter FuzzTemplates FuzzBriefImport FuzzMarkdown FuzzHTTPRequest}"

max_len() {
    case "$1" in
        FuzzFrontMatter) echo 4096 ;;
        FuzzTemplates) echo 4096 ;;
        FuzzBriefImport) echo 16384 ;;
        FuzzMarkdown) echo 8192 ;;
        # Long enough to cross both the request-line (8 KB) and the head (32 KB) limits.
        FuzzHTTPRequest) echo 36000 ;;
        *) echo 4096 ;;
    esac
}

mkdir -p "$WORK"
status=0
for target in $TARGETS; do
    corpus="$WORK/corpus/$target"
    artifacts="$WORK/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    log="$WORK/$target.log"
    # New inputs go to the first folder (scratch); the committed seeds are read only.
    if SWIFT_BACKTRACE=enable=no "$BIN/$target" -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 ${FUZZ_FLAGS:-} -artifact_prefix="$artifacts" "$corpus" "$FUZZ_DIR/Corpus/$target" > "$log" 2>&1; then
        result="ok"
    else
        result="CRASH (see $log and $artifacts)"
        status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    printf '%-16s %s executions in %ss (%s/s): %s\n' "$target" "$runs" "$FUZZ_SECONDS" "$speed" "$result"
done
exit $status
