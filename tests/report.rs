//! `dnh-screen report`: Markdown and HTML documents, per programme or combined, in English
//! and French, through built-in or overriding templates; programme text stays text.

mod common;
use common::{Dir, FUEL_BAN, STRONG, run_in};

fn report(dir: &Dir, args: &[&str]) -> common::Run {
    let mut all = vec!["report", "--today", "2026-01-15"];
    all.extend_from_slice(args);
    run_in(dir.path(), &all)
}

/// A weak design whose every text field carries markup and template code.
const HOSTILE: &str = r#"id: ML-XSS-01
title: "Border <script>alert('title')</script> {{ 7*7 }}"
type: border
summary: "Summary <script>alert('x')</script> and {% raw %}{{ config }}{% endraw %} | pipes | *stars* [link](http://example.org)"
screening: { prepared_by: "<b>officer</b>", reviewed_by: "{{ reviewer }}" }
location: { remote: yes }
partners:
  - name: "<img src=x onerror=alert(1)>"
    kind: security_forces
    role: beneficiary
    vetted: no
    concerns: ["<script>x</script>"]
activities:
  - kind: trade_restrictions
    description: "<iframe src='http://evil'></iframe>"
measures:
  alternative_livelihoods: { provided: no }
accepted_risks:
  - rule: COR-001
    reason: "<script>reason</script> {{ 1+1 }}"
    approved_by: "<i>board</i>"
    until: 2030-01-01
"#;

#[test]
fn markdown_report_has_every_section() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let run = report(&dir, &["ban.yaml", "--format", "md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = &run.stdout;
    for heading in [
        "# Crime-sensitivity screening: ML-MNK-BRD-99",
        "## Rating: High",
        "What this rating asks for:",
        "## Risk-area profile",
        "## What could go wrong, by risk area",
        "### Livelihoods and the informal economy — High",
        "#### LIV-001 — ",
        "**Why.**",
        "> restrictive measures targeting informal/illicit trade",
        "**What to change.**",
        "## What the design does not tell us",
        "| Checklist | core ",
    ] {
        assert!(md.contains(heading), "missing {heading:?}\n{md}");
    }
    assert!(md.contains("| LIV-001 | "), "findings are a table row\n{md}");
    assert!(md.contains("`measures.alternative_livelihoods.provided` = no (line 26)"), "{md}");
    assert!(!md.contains('<'), "Markdown output holds no HTML:\n{md}");
}

#[test]
fn html_report_is_one_self_contained_file() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let run = report(&dir, &["ban.yaml", "--format", "html"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let html = run.stdout.to_lowercase();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print") && html.contains("size: a4"));
    assert!(html.contains("<svg role=\"img\""), "the risk-area profile is an inline SVG");
    for forbidden in ["<script", "<link", "@import", "url(", "src=\"http", "href=\"http", "<img"] {
        assert!(!html.contains(forbidden), "{forbidden} found in the report");
    }
}

#[test]
fn programme_text_is_never_markup_nor_template_code() {
    let dir = Dir::new();
    dir.write("x.yaml", HOSTILE);
    let html = report(&dir, &["x.yaml", "--format", "html"]);
    assert_eq!(html.status, 0, "{}", html.stderr);
    let h = &html.stdout;
    assert!(!h.contains("<script>alert") && !h.contains("<img src=x") && !h.contains("<iframe"), "{h}");
    assert!(h.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;&#x2f;script&gt;"), "escaped, shown as text");
    assert!(h.contains("{{ 7*7 }}") && !h.contains(">49<"), "template code in a title is shown, not run");
    assert!(h.contains("&lt;b&gt;officer&lt;&#x2f;b&gt;") && h.contains("{{ reviewer }}"));
    assert!(h.contains("&lt;script&gt;reason&lt;&#x2f;script&gt; {{ 1+1 }}"), "accepted-risk reason shown as text");

    let md = report(&dir, &["x.yaml", "--format", "md"]).stdout;
    assert!(!md.contains("<script>") && !md.contains("<img") && !md.contains("<b>"), "{md}");
    assert!(md.contains("\\<script\\>alert('title')\\</script\\> \\{\\{ 7\\*7 \\}\\}"), "{md}");
    assert!(md.contains("\\<script\\>reason\\</script\\> \\{\\{ 1+1 \\}\\}"), "{md}");
}

#[test]
fn one_file_per_programme_or_one_combined() {
    let dir = Dir::new();
    dir.write("in/ban.yaml", FUEL_BAN);
    dir.write("in/strong.yaml", STRONG);
    let run = report(&dir, &["in", "--format", "html", "-o", "out/"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("wrote out/ML-MNK-BRD-99.html"), "{}", run.stdout);
    let one = std::fs::read_to_string(dir.path().join("out/ML-SIK-DEV-99.html")).unwrap_or_default();
    assert!(one.contains("ML-SIK-DEV-99") && !one.contains("ML-MNK-BRD-99"), "each file holds one programme");

    let run = report(&dir, &["in", "--format", "md", "-o", "all.md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let all = std::fs::read_to_string(dir.path().join("all.md")).unwrap_or_default();
    assert!(all.starts_with("# Crime-sensitivity screening report"), "{all}");
    assert!(all.contains("## Summary") && all.contains("ML-SIK-DEV-99") && all.contains("ML-MNK-BRD-99"));

    let run = report(&dir, &["in", "--format", "html", "-o", "out/", "--combine"]);
    assert_eq!(run.status, 0);
    let combined = std::fs::read_to_string(dir.path().join("out/screening-report.html")).unwrap_or_default();
    assert_eq!(combined.matches("<article class=\"programme\"").count(), 2);
    assert!(combined.contains("break-before: page"), "page breaks between programmes when printed");
}

#[test]
fn french_report_speaks_french() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let md = report(&dir, &["ban.yaml", "--format", "md", "--lang", "fr"]).stdout;
    for text in [
        "# Analyse de sensibilité à la criminalité : ML-MNK-BRD-99",
        "## Niveau : Élevé",
        "Ce que ce niveau exige :",
        "Avant l'approbation, faire réaliser une évaluation spécifique",
        "## Ce que la conception ne dit pas",
        "**Pourquoi.**",
        "**Que changer.**",
        "Moyens de subsistance et économie informelle",
    ] {
        assert!(md.contains(text), "missing {text:?}\n{md}");
    }
    assert!(md.contains("> restrictive measures targeting"), "the source stays in English");
    assert!(md.contains("> *des mesures restrictives"), "followed by a French rendering");
    assert!(!md.contains("What to change") && !md.contains("Why."), "no English labels left");
    let html = report(&dir, &["ban.yaml", "--format", "html", "--lang", "fr"]).stdout;
    assert!(html.contains("<html lang=\"fr\">") && html.contains("Profil par domaine de risque"));
}

#[test]
fn terminal_output_uses_the_same_translations() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let run = run_in(dir.path(), &["check", "ban.yaml", "--lang", "fr", "--details", "--today", "2026-01-15"]);
    assert!(
        run.stdout.contains("| Fichier") && run.stdout.contains("Niveau") && run.stdout.contains("Élevé"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Ce que ce niveau exige"), "{}", run.stdout);
    assert!(run.stdout.contains("Restrictions au commerce"), "rule titles in French\n{}", run.stdout);
    let rules = run_in(dir.path(), &["rules", "--lang", "fr", "--area", "livelihoods"]).stdout;
    assert!(rules.contains("| Règle") && rules.contains("Restrictions au commerce"), "{rules}");
}

#[test]
fn an_organisation_template_folder_changes_the_look() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("house/report.css", "body { font-family: Georgia; } .house-logo { color: #123456; }");
    let run = report(&dir, &["ban.yaml", "--templates", "house"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".house-logo { color: #123456; }") && !run.stdout.contains("--high: #b42318"));

    dir.write("house/report.md", "HOUSE STYLE {% for p in programmes %}{{ p.id }} {{ p.rating_name }}{% endfor %}\n");
    let run = report(&dir, &["ban.yaml", "--format", "md", "--templates", "house"]);
    assert_eq!(run.stdout, "HOUSE STYLE ML-MNK-BRD-99 High");
}

#[test]
fn a_broken_template_names_the_template_and_line() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("house/report.md", "line one\n{% for p in programmes %}\n{{ p.id }\n");
    let run = report(&dir, &["ban.yaml", "--format", "md", "--templates", "house"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("report.md:3"), "{}", run.stderr);
    assert!(run.stderr.contains("syntax error"), "{}", run.stderr);
}

#[test]
fn accepted_and_expired_risks_are_listed() {
    let dir = Dir::new();
    let text = format!(
        "{FUEL_BAN}accepted_risks:\n  - rule: LIV-001\n    reason: National law\n    approved_by: Board\n    until: 2025-06-30\n"
    );
    dir.write("p.yaml", &text);
    let md = report(&dir, &["p.yaml", "--format", "md"]).stdout;
    assert!(md.contains("## Accepted risks"), "{md}");
    assert!(md.contains("| LIV-001 | **expired: counted again** | 2025-06-30 | National law | Board |"), "{md}");
}
