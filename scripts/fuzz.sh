#!/bin/sh
# Fuzzes the programme loader and the rule-condition evaluator with cargo-fuzz (libFuzzer;
# needs a nightly toolchain and `cargo install cargo-fuzz`). Seeds each corpus from the
# examples, the test designs and the core rules' conditions, then runs each target for
# SECONDS (default 600). A crash is left in fuzz/artifacts/TARGET/; copy it under
# tests/fuzz/TARGET/ so that `cargo test` replays it for good.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: programme, condition)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-programme condition}

mkdir -p fuzz/corpus/programme fuzz/corpus/condition
cp examples/*.yaml examples/portfolio/*.yaml tests/fixtures/scenarios/*.yaml fuzz/corpus/programme/
for dir in tests/fuzz/programme tests/fuzz/condition; do
    [ -d "$dir" ] && cp "$dir"/* "fuzz/corpus/$(basename "$dir")/" 2>/dev/null || true
done
# The `when` of every core rule, de-indented, as a condition seed.
for rule in checklists/*/*.yaml; do
    awk '/^when:/ { on = 1; sub(/^when: ?/, ""); if ($0 != "") print; next }
         on && /^[a-z_]+:/ { exit }
         on { sub(/^  /, ""); print }' "$rule" > "fuzz/corpus/condition/$(basename "$rule")"
done

cd fuzz
for target in $targets; do
    echo "== $target: $seconds s"
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -dict="$target.dict" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1
done
