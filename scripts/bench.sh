#!/usr/bin/env bash
# Benchmarks of screening at portfolio scale, with public tools (hyperfine, GNU time).
#
#   scripts/bench.sh            # 1,000 and 10,000 programmes: screening beside the bare parse
#   scripts/bench.sh --memory   # also peak memory for 100,000 programmes (takes a few minutes)
#   scripts/bench.sh --iati     # time and peak memory of a 500 MB IATI file (import, portfolio)
#   scripts/bench.sh --bounds   # time and peak memory of inputs far larger than real ones
#                               # (BIN=path/to/dnh-screen to measure another build)
#   scripts/bench.sh --report   # a report per programme (md, to a folder) of 500, 1,000 and
#                               # 2,000 programmes (BEFORE=path/to/dnh-screen beside another build)
#   scripts/bench.sh --sensitive  # withholding: 10,000 programmes with two sensitive contacts
#                               # each, and one file of 19,000, against the same files unmarked
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
if [ "${1:-}" = "--bounds" ]; then
  bin="${BIN:-$bin}"
  d=$data/bounds
  rm -rf "$d" && mkdir -p "$d/mentions/house/livelihoods" "$d/regions" "$d/letters"
  # A house rule of 5,000 words against a summary of 500,000 words (3.9 MB).
  { printf 'id: house-rules\nversion: "1"\n'; } >"$d/mentions/house/checklist.yaml"
  { printf 'id: HOUSE-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen:\n  mentions:\n'
    seq 0 4999 | sed 's/.*/    - "w&x"/'
    printf 'impact: 1\nlikelihood: 1\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n'
  } >"$d/mentions/house/livelihoods/HOUSE-001.yaml"
  # A small programme; $1 is its id, $2 its regions, $3 a last line (its summary).
  programme() {
    printf 'format: 1\nid: %s\ntitle: t\ntype: border\nlocation:\n  countries: [ML]\n  regions: [%s]\n' "$1" "$2"
    printf '  border_areas: yes\nactivities:\n  - kind: %s\n    description: d\n%s\n' "${4:-trade_restrictions}" "$3"
  }
  programme big Gao "summary: \"$(seq 0 499999 | sed 's/.*/v&x/' | paste -sd' ') w4999x\"" >"$d/mentions/big.yaml"
  # A programme with 99,000 regions, and one that shares the last of them.
  programme many "$(seq 0 98999 | sed 's/.*/R&/' | paste -sd,)" "summary: s" >"$d/regions/many.yaml"
  programme one R98999 "summary: s" livelihoods >"$d/regions/one.yaml"
  # 8 MB of one-letter words: one summary, and a list of 4 million items (refused at the
  # node limit, exit 2: what is timed is how soon).
  programme letters Gao "summary: \"$(yes a | head -n 4000000 | paste -sd' ')\"" >"$d/letters/summary.yaml"
  programme items Gao "context: { illicit_markets: [$(yes a | head -n 4000000 | paste -sd,)] }" >"$d/letters/items.yaml"
  # IATI: 99,000 participating organisations and 66,000 locations, each named twice; and a
  # description repeating words that say something else 40,000 times.
  mkdir -p "$d/iati"
  {
    printf '<?xml version="1.0"?>\n<iati-activities version="2.03">\n'
    printf '<iati-activity default-currency="EUR">\n<iati-identifier>XM-ORGS</iati-identifier>\n'
    seq 0 49499 | awk '{ printf "<participating-org role=\"4\" ref=\"XM-ORG-%d\"><narrative>Organisation %d</narrative></participating-org>\n", $1, $1
      if ($1 % 2 == 0) printf "<participating-org role=\"1\" ref=\"XM-ORG-%d\"><narrative>Funder %d</narrative></participating-org>\n", $1, $1
      else printf "<participating-org role=\"1\"><narrative>ORGANISATION %d</narrative></participating-org>\n", $1 }'
    printf '</iati-activity>\n<iati-activity default-currency="EUR">\n<iati-identifier>XM-PLACES</iati-identifier>\n'
    seq 0 65999 | awk '{ printf "<location><name><narrative>Place %d</narrative></name></location>\n", $1 % 33000 }'
    printf '</iati-activity>\n<iati-activity default-currency="EUR">\n<iati-identifier>XM-WORDS</iati-identifier>\n'
    printf '<title><narrative xml:lang="fr">Appui</narrative></title>\n<description><narrative xml:lang="fr">'
    awk 'BEGIN { for (i = 0; i < 40000; i++) printf "surveillance épidémiologique " }'
    printf 'surveillance des frontières</narrative></description>\n</iati-activity>\n</iati-activities>\n'
  } >"$d/iati/many.xml"
  ls -l "$d"/*/*.yaml "$d"/iati/*.xml
  big=(--max-file-size 10000000 --today 2026-11-28)
  t() { /usr/bin/time -a -o "$d/times" -f "$1: %e s, peak %M KB" "${@:2}" "${big[@]}" >/dev/null 2>&1 || true; }
  for _ in 1 2 3; do
    t "mentions, 5,000 words on 500,000" "$bin" check "$d/mentions/big.yaml" --checklist "$d/mentions/house"
    t "portfolio, 99,000 regions" "$bin" portfolio "$d/regions"
    t "summary of 4,000,000 one-letter words (8 MB)" "$bin" check "$d/letters/summary.yaml"
    t "list of 4,000,000 one-letter items (8 MB)" "$bin" check "$d/letters/items.yaml"
    rm -rf "$d/iati/out"
    /usr/bin/time -a -o "$d/times" -f "import iati, 165,000 organisations and places: %e s, peak %M KB" \
      "$bin" import iati "$d/iati/many.xml" -o "$d/iati/out" >/dev/null 2>&1 || true
  done
  sort "$d/times"
  exit 0
fi
if [ "${1:-}" = "--report" ]; then
  for n in 500 1000 2000; do
    [ -d "$data/report-$n" ] || $ex/generate-portfolio "$n" 7 "$data/report-$n"
    echo "== report per programme, $n programmes"
    set -- -n "report ($n)" "rm -rf $data/report-out && $bin report $data/report-$n --format md -o $data/report-out/ --today 2026-11-28"
    [ -n "${BEFORE:-}" ] && set -- "$@" -n "before ($n)" "rm -rf $data/report-out && $BEFORE report $data/report-$n --format md -o $data/report-out/ --today 2026-11-28"
    hyperfine --warmup 1 --runs 5 --style basic --export-json "$data/report-$n.json" "$@"
    # hyperfine's summary gives means; the medians are in its JSON.
    grep -E '"(command|median)"' "$data/report-$n.json" | paste - - | sed 's/[",]//g; s/ \+/ /g'
  done
  exit 0
fi
if [ "${1:-}" = "--sensitive" ]; then
  for mode in contacts sensitive; do
    [ -d "$data/10000-$mode" ] || $ex/generate-portfolio 10000 7 "$data/10000-$mode" "$mode"
    # One file of 19,000 contacts, each named again in the summary's list of meetings.
    one=$data/contacts-19000-$mode.yaml
    if [ ! -f "$one" ]; then
      mark=""; [ "$mode" = sensitive ] && mark="    sensitive: yes"
      awk -v mark="$mark" 'BEGIN {
        split("ka mo ssa ti dou ba kel ha mi na ou ze rou fa si la gou de bi wa", s, " ");
        for (i = 0; i < 19000; i++) {
          a = s[i % 20 + 1]; b = s[int(i / 20) % 20 + 1]; c = s[int(i / 400) % 20 + 1]; d = s[int(i / 8000) % 20 + 1];
          name[i] = toupper(substr(a, 1, 1)) substr(a, 2) b " Ag " toupper(substr(c, 1, 1)) substr(c, 2) d "x";
        }
        print "format: 1\nid: BENCH-CONTACTS\ntitle: A programme with 19,000 contacts\ntype: governance";
        printf "summary: >\n  Meetings with";
        for (i = 0; i < 19000; i += 19) printf " %s,", name[i];
        print "\n  and others.\nlocation: { countries: [ML], regions: [Gao] }\ncontacts:";
        for (i = 0; i < 19000; i++) { print "  - name: " name[i]; if (mark != "") print mark }
      }' > "$one"
    fi
  done
  for cmd in check portfolio; do
    flags=""; [ "$cmd" = check ] && flags="--fail-on never"
    echo "== $cmd, 10,000 programmes: two contacts each, unmarked and marked sensitive"
    hyperfine --warmup 1 --runs 10 --style basic --export-json "$data/sensitive-$cmd.json" \
      -n "$cmd (contacts)" "$bin $cmd $data/10000-contacts $flags --today 2026-11-28" \
      -n "$cmd (sensitive)" "$bin $cmd $data/10000-sensitive $flags --today 2026-11-28"
  done
  echo "== check, 10,000 programmes and one file of 19,000 contacts, unmarked and marked sensitive"
  hyperfine --warmup 1 --runs 10 --style basic --export-json "$data/sensitive-19000.json" \
    -n "check (19,000 contacts)" "$bin check $data/10000-contacts $data/contacts-19000-contacts.yaml --fail-on never --today 2026-11-28" \
    -n "check (19,000 sensitive)" "$bin check $data/10000-contacts $data/contacts-19000-sensitive.yaml --fail-on never --today 2026-11-28"
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
