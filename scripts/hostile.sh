#!/usr/bin/env bash
# Time and peak memory of `check` on each hostile or broken input of tests/hostile_input.rs
# (GNU time). Each must end within 2 seconds and 200 MB.
#
#   scripts/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin dnh-screen
bin="${CARGO_TARGET_DIR:-target}/release/dnh-screen"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
DNH_HOSTILE_DIR="$dir" cargo test --quiet --test hostile_input write_cases >/dev/null
worst_s=0; worst_kb=0
printf '%-22s %8s %10s  %s\n' file seconds "peak KB" "first line of standard error"
for f in "$dir"/*; do
  name=$(basename "$f")
  err=$( { /usr/bin/time -f "%e %M" "$bin" check "$f" --fail-on never >/dev/null 2>"$dir.err"; } 2>&1 || true)
  read -r s kb < <(tail -1 "$dir.err")
  printf '%-22s %8s %10s  %s\n' "$name" "$s" "$kb" "$(head -1 "$dir.err" | cut -c1-90)"
  worst_s=$(echo "$s $worst_s" | awk '{print ($1>$2)?$1:$2}')
  worst_kb=$(( kb > worst_kb ? kb : worst_kb ))
done
rm -f "$dir.err"
echo "slowest: ${worst_s} s; largest peak: ${worst_kb} KB"
awk -v s="$worst_s" -v kb="$worst_kb" 'BEGIN { exit !(s <= 2 && kb <= 200*1024) }' || { echo "over the bounds (2 s, 200 MB)" >&2; exit 1; }
