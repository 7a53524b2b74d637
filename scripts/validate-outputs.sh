#!/usr/bin/env bash
# Validates the machine outputs against the official schemas, with the standard tools:
# SARIF against the OASIS SARIF 2.1.0 schema (check-jsonschema), JUnit against the Jenkins
# junit-10 and Ant JUnit XSDs (xmllint), and every example programme against the schema
# `dnh-screen schema` prints. Needs check-jsonschema (pip) and xmllint (Debian: libxml2-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in check-jsonschema xmllint; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done
out=target/validate-outputs
rm -rf "$out"
mkdir -p "$out"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/dnh-screen"

# Good and bad input together, so errors, accepted, expired and stale acceptances all appear.
printf 'id: BAD\ntitle: [unclosed\n' > "$out/bad.yaml"
"$bin" check examples/ "$out/bad.yaml" --today 2026-11-28 --format table \
  --output sarif="$out/report.sarif" --output junit="$out/report.xml" >/dev/null || true
"$bin" schema > "$out/programme.schema.json"

check-jsonschema --schemafile tests/fixtures/schemas/sarif-schema-2.1.0.json "$out/report.sarif"
xmllint --noout --schema tests/fixtures/schemas/junit/jenkins-junit-10.xsd "$out/report.xml"
xmllint --noout --schema tests/fixtures/schemas/junit/windyroad-JUnit.xsd "$out/report.xml"
find examples -name '*.yaml' -print0 | xargs -0 check-jsonschema --schemafile "$out/programme.schema.json"
for kind in ssr ddr border counter_terrorism justice development governance reconciliation; do
  "$bin" new --type "$kind" > "$out/new-$kind.yaml"
done
check-jsonschema --schemafile "$out/programme.schema.json" "$out"/new-*.yaml
echo "outputs valid"
