//! `rules`, `explain`, `checklist validate` and `checklist test`, end to end; the core
//! checklist's own test cases; docs/checklist.md in sync with the rules.

mod common;
use common::{Dir, root, run_in};

#[test]
fn every_core_case_passes_and_every_core_rule_has_both_kinds_of_case() {
    let run = run_in(&root(), &["checklist", "test", "--today", "2026-11-28"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("FAIL"), "{}", run.stdout);
    assert!(!run.stdout.contains("note:"), "every core rule needs a firing and a silent case:\n{}", run.stdout);
    let summary = run.stdout.lines().last().unwrap_or_default().to_string();
    assert!(summary.contains(" passed, 0 failed"), "{summary}");
}

#[test]
fn the_source_folder_stands_in_for_the_built_in_core() {
    let run = run_in(&root(), &["checklist", "test", "checklists", "--today", "2026-11-28"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    let built_in = run_in(&root(), &["checklist", "test", "--today", "2026-11-28"]);
    assert_eq!(run.stdout.lines().last(), built_in.stdout.lines().last());
}

const RULE: &str = r#"id: HOUSE-001
title: { en: Fuel ban, fr: Interdiction du carburant }
risk_area: livelihoods
applies_to: [border]
when:
  all:
    - any_activity: { field: kind, is: trade_restrictions }
    - { field: measures.alternative_livelihoods.provided, is_not: yes }
impact: 3
likelihood: 3
rationale: r
source: { section: s, quote: "where trade is the main economic opportunity" }
mitigation: m
"#;

#[test]
fn checklist_test_reports_failing_cases_with_what_happened() {
    let dir = Dir::new();
    dir.write("house/checklist.yaml", "id: house\nversion: \"0.1\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", RULE);
    dir.write(
        "house/livelihoods/tests/HOUSE-001.yaml",
        r#"- rule: HOUSE-001
  name: fires on a ban without livelihoods
  expect: fires
  rating: moderate
  programme:
    id: T1
    title: Ban
    type: border
    activities: [{ kind: trade_restrictions }]
    measures: { alternative_livelihoods: { provided: no } }
- rule: HOUSE-001
  name: wrongly expected silent
  expect: silent
  programme:
    id: T2
    title: Ban
    type: border
    activities: [{ kind: trade_restrictions }]
- rule: HOUSE-001
  name: a gap when livelihoods are not stated
  expect: gap
  programme:
    id: T3
    title: Ban
    type: border
    activities: [{ kind: trade_restrictions }]
"#,
    );
    let run = run_in(dir.path(), &["checklist", "test", "house", "--today", "2026-11-28"]);
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "ok   HOUSE-001 fires: fires on a ban without livelihoods (house/livelihoods/tests/HOUSE-001.yaml:1)"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("FAIL HOUSE-001 silent: wrongly expected silent"), "{}", run.stdout);
    assert!(run.stdout.contains("expected: silent; got: a gap finding, moderate (significance 6)"), "{}", run.stdout);
    assert!(run.stdout.contains("ok   HOUSE-001 gap"), "{}", run.stdout);
    assert!(run.stdout.contains("1 rules, 3 cases: 2 passed, 1 failed"), "{}", run.stdout);
}

#[test]
fn checklist_validate_reports_rule_and_case_mistakes() {
    let dir = Dir::new();
    dir.write("house/livelihoods/HOUSE-001.yaml", RULE);
    dir.write(
        "house/livelihoods/HOUSE-002.yaml",
        &RULE
            .replace("HOUSE-001", "HOUSE-002")
            .replace("risk_area: livelihoods", "risk_area: livelihoods\nseverity: 3"),
    );
    dir.write(
        "house/tests/cases.yaml",
        "- rule: HOUSE-009\n  name: unknown rule\n  expect: fires\n  programme: { id: T, title: T, type: border }\n- rule: HOUSE-001\n  name: bad expectation\n  expect: fire\n  programme: { id: T, title: T, type: border }\n",
    );
    let run = run_in(dir.path(), &["checklist", "validate", "house"]);
    assert_eq!(run.status, 2, "{}{}", run.stdout, run.stderr);
    let err = &run.stderr;
    assert!(err.contains("house/livelihoods/HOUSE-002.yaml:4:1: unknown field `severity`"), "{err}");
    assert!(err.contains("house/tests/cases.yaml:1:3: test case names unknown rule `HOUSE-009`"), "{err}");
    assert!(
        err.contains("house/tests/cases.yaml:7:11: `expect` has unknown value `fire`; did you mean `fires`?"),
        "{err}"
    );
    // The folder written with a trailing slash names its files the same way.
    let slash = run_in(dir.path(), &["checklist", "validate", "house/"]);
    assert!(slash.stderr.contains("house/livelihoods/HOUSE-002.yaml:4:1:"), "{}", slash.stderr);
    assert!(!slash.stderr.contains("house//"), "{}", slash.stderr);

    let clean = Dir::new();
    clean.write("house/livelihoods/HOUSE-001.yaml", RULE);
    let run = run_in(clean.path(), &["checklist", "validate", "house"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("checklist `house` unversioned: 1 rules, 0 test cases"), "{}", run.stdout);
    assert!(run.stdout.contains("note: HOUSE-001: no test cases"), "{}", run.stdout);
}

#[test]
fn rules_filter_by_area_and_type() {
    let run = run_in(&root(), &["rules", "--area", "livelihoods", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let rules = run.json();
    let rules = rules.as_array().cloned().unwrap_or_default();
    assert!(rules.len() >= 2);
    assert!(rules.iter().all(|r| r["risk_area"] == "livelihoods"));

    let run = run_in(&root(), &["rules", "--type", "justice", "--format", "json"]);
    let rules = run.json().as_array().cloned().unwrap_or_default();
    for r in &rules {
        let applies: Vec<&str> = r["applies_to"].as_array().into_iter().flatten().filter_map(|a| a.as_str()).collect();
        assert!(applies.contains(&"all") || applies.contains(&"justice"), "{r}");
    }
    let all = run_in(&root(), &["rules", "--format", "json"]).json().as_array().map(Vec::len).unwrap_or(0);
    assert!(rules.len() < all, "some rules do not apply to justice programmes");

    let table = run_in(&root(), &["rules", "--area", "corruption"]);
    assert!(table.stdout.contains("COR-001") && !table.stdout.contains("LIV-001"), "{}", table.stdout);
}

#[test]
fn explain_prints_one_rule_in_full() {
    let run = run_in(&root(), &["explain", "LIV-001"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("### LIV-001 — "), "{out}");
    assert!(out.contains("**What it checks**") && out.contains("`location.remote` is `yes`"), "{out}");
    assert!(out.contains("> restrictive measures targeting informal/illicit trade"), "{out}");
    assert!(out.contains("**What to change.**"), "{out}");
    assert!(out.contains("**Example that triggers it**") && out.contains("kind: trade_restrictions"), "{out}");

    let fr = run_in(&root(), &["explain", "LIV-001", "--lang", "fr"]).stdout;
    assert!(fr.contains("**Ce qu'elle vérifie**") && fr.contains("**Que changer.**"), "{fr}");

    let missing = run_in(&root(), &["explain", "LIV-01"]);
    assert_eq!(missing.status, 2);
    assert!(missing.stderr.contains("no rule `LIV-01`; did you mean `LIV-001`?"), "{}", missing.stderr);
}

#[test]
fn docs_checklist_is_generated_from_the_rules() {
    let run = run_in(&root(), &["rules", "--format", "md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let docs = std::fs::read_to_string(root().join("docs/checklist.md")).unwrap_or_default();
    assert!(
        docs == run.stdout,
        "docs/checklist.md is out of date: run `cargo run -- rules --format md > docs/checklist.md`"
    );
}
