#!/usr/bin/env bash
# Renders the example programmes as HTML reports (English and French), then opens them in
# headless Chromium to take screenshots (desktop and phone widths) and print them to A4 PDF,
# so the layout can be looked at. Output: target/report-preview/.
#
# Needs Chromium (Debian: apt-get install chromium). Checks that every report is one
# self-contained file (no script, no external resource) and that Chromium renders and
# prints it; exits non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
  echo "Chromium not found: install it (Debian: apt-get install chromium)" >&2
  exit 1
fi

out=target/report-preview
rm -rf "$out"
mkdir -p "$out/en" "$out/fr"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/dnh-screen"
"$bin" report examples/ --format html -o "$out/en/" --today 2026-11-28 >/dev/null
"$bin" report examples/ --format html -o "$out/fr/" --lang fr --today 2026-11-28 >/dev/null
"$bin" report examples/ --format html --combine -o "$out/" --today 2026-11-28 >/dev/null

# Self-contained: no scripts, no external stylesheets, fonts or images.
if grep -l -i -E '<script|<link|@import|url\(|src="http|href="http' "$out"/en/*.html "$out"/fr/*.html "$out"/screening-report.html; then
  echo "a report refers to something outside itself or holds a script" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
run_chrome() {
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" >/dev/null 2>&1
}

for page in en/ML-MNK-BRD-01 en/ML-GAO-SSR-01 fr/ML-MNK-BRD-01 en/ML-TBK-REC-01; do
  name=${page//\//-}
  url="file://$PWD/$out/$page.html"
  run_chrome --window-size=1200,2600 --screenshot="$out/$name-desktop.png" "$url"
  run_chrome --window-size=390,2600 --screenshot="$out/$name-phone.png" "$url"
  run_chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url"
done
run_chrome --no-pdf-header-footer --print-to-pdf="$out/screening-report.pdf" "file://$PWD/$out/screening-report.html"

for f in "$out"/*.png "$out"/*.pdf; do
  if [ ! -s "$f" ]; then echo "Chromium wrote nothing to $f" >&2; exit 1; fi
done
if ! head -c 5 "$out/screening-report.pdf" | grep -q '%PDF-'; then
  echo "$out/screening-report.pdf is not a PDF" >&2
  exit 1
fi
echo "report previews in $out:"
ls "$out"
