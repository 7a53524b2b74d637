#!/usr/bin/env bash
# Benchmarks of screening at portfolio scale, with public tools (hyperfine, GNU time).
#
#   scripts/bench.sh            # 1,000 and 10,000 programmes: screening beside the bare parse
#   scripts/bench.sh --memory   # also peak memory for 100,000 programmes (takes a few minutes)
#   scripts/bench.sh --iati     # time and peak memory of a 500 MB IATI file (import, portfolio)
#
# The IATI file repeats the activities of tests/fixtures/iati/ocha-dportal-mixed-24sahel.xml
# with distinct identifiers (tools/bench/generate_iati.rs); its bare parse
# (tools/bench/iati_parse_only.rs) reads every XML event with the same parser and nothing else.
#
# The programmes are synthetic but valid, generated deterministically (seed 7) by
# tools/bench/generate_portfolio.rs; the bare parse (tools/bench/parse_only.rs) finds, reads and
# parses the same files with the same YAML parser, in parallel, and does nothing else.
# Machines are shared and noisy: read the medians and the ratio hyperfine prints.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine not found (Debian: apt-get install hyperfine)" >&2; exit 1; }
cargo build --release --quiet --bin dnh-screen --example generate-portfolio --example parse-only --example generate-iati --example iati-parse-only
bin="${CARGO_TARGET_DIR:-target}/release/dnh-screen"
ex="${CARGO_TARGET_DIR:-target}/release/examples"
data=target/bench
if [ "${1:-}" = "--iati" ]; then
  xml=$data/iati-500mb.xml
  [ -f "$xml" ] || $ex/generate-iati tests/fixtures/iati/ocha-dportal-mixed-24sahel.xml 500 "$xml"
  ls -l "$xml"
  hyperfine --warmup 1 --runs 5 --style basic \
    -n "bare XML parse" "$ex/iati-parse-only $xml" \
    -n "portfolio (500 MB XML)" "$bin portfolio $xml --today 2026-11-28"
  rm -rf "$data/iati-imported"
  /usr/bin/time -f "import iati (500 MB): %e s, peak %M KB" "$bin" import iati "$xml" -o "$data/iati-imported" | tail -1
  /usr/bin/time -f "portfolio (500 MB XML): %e s, peak %M KB" "$bin" portfolio "$xml" --today 2026-11-28 >/dev/null
  /usr/bin/time -f "portfolio (the imported files): %e s, peak %M KB" "$bin" portfolio "$data/iati-imported" --today 2026-11-28 >/dev/null
  exit 0
fi
for n in 1000 10000; do
  [ -d "$data/$n" ] || $ex/generate-portfolio "$n" 7 "$data/$n"
  echo "== $n programmes"
  hyperfine --warmup 1 --runs 10 --style basic \
    -n "bare parse" "$ex/parse-only $data/$n" \
    -n "check (screening)" "$bin check $data/$n --fail-on never --today 2026-11-28" \
    -n "portfolio" "$bin portfolio $data/$n --today 2026-11-28"
done
echo "== one programme file"
hyperfine --warmup 3 --runs 30 --style basic "$bin check examples/border-menaka.yaml --fail-on never --today 2026-11-28"
if [ "${1:-}" = "--memory" ]; then
  n=100000
  [ -d "$data/$n" ] || $ex/generate-portfolio "$n" 7 "$data/$n"
  for cmd in "check $data/$n --fail-on never" "portfolio $data/$n"; do
    /usr/bin/time -f "$cmd: %e s, peak %M KB" "$bin" $cmd --today 2026-11-28 >/dev/null
  done
fi
