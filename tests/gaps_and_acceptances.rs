//! Absent is not `no`: gaps are findings at reduced likelihood, listed as questions.
//! Accepted risks apply until they expire, and then say so.

mod common;
use common::{Dir, FUEL_BAN, check};
use serde_json::Value;

fn finding(json: &Value, rule: &str) -> Value {
    json["programmes"][0]["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == rule).cloned())
        .unwrap_or(Value::Null)
}

#[test]
fn absent_answer_is_a_gap_not_a_no() {
    let dir = Dir::new();
    dir.write("no.yaml", FUEL_BAN);
    dir.write(
        "absent/p.yaml",
        &FUEL_BAN.replace("  alternative_livelihoods:\n    provided: no\n", "  partner_vetting: yes\n"),
    );
    let stated = check(&dir, &["no.yaml", "--format", "json"]).json();
    let absent = check(&dir, &["absent", "--format", "json"]).json();

    let a = finding(&stated, "LIV-001");
    let b = finding(&absent, "LIV-001");
    assert_eq!(a["gap"], false);
    assert_eq!(b["gap"], true, "an absent answer still raises the finding, as a gap");
    let (la, lb) = (a["likelihood"].as_u64().unwrap_or(0), b["likelihood"].as_u64().unwrap_or(0));
    assert_eq!(lb + 1, la, "a gap is one step less likely");
    assert!(b["evidence"].as_array().is_some_and(|e| {
        e.iter().any(|e| e["field"] == "measures.alternative_livelihoods.provided" && e["value"].is_null())
    }));
    let gaps = absent["programmes"][0]["gaps"].as_array().cloned().unwrap_or_default();
    assert!(gaps.iter().any(|g| g["field"] == "measures.alternative_livelihoods.provided"), "{gaps:?}");
    let stated_gaps = stated["programmes"][0]["gaps"].as_array().cloned().unwrap_or_default();
    assert!(!stated_gaps.iter().any(|g| g["field"] == "measures.alternative_livelihoods.provided"));
}

#[test]
fn unknown_is_a_gap_and_yes_is_safe() {
    let dir = Dir::new();
    dir.write("u.yaml", &FUEL_BAN.replace("provided: no", "provided: unknown"));
    dir.write(
        "y.yaml",
        &FUEL_BAN.replace(
            "provided: no",
            "provided: { answer: yes, evidence: component 2 }\n    competitive_with_illicit_income: yes",
        ),
    );
    let unknown = check(&dir, &["u.yaml", "--format", "json"]).json();
    assert_eq!(finding(&unknown, "LIV-001")["gap"], true);
    let gaps = unknown["programmes"][0]["gaps"].as_array().cloned().unwrap_or_default();
    assert!(gaps.iter().any(|g| g["field"] == "measures.alternative_livelihoods.provided"));
    let yes = check(&dir, &["y.yaml", "--format", "json"]).json();
    assert_eq!(finding(&yes, "LIV-001"), Value::Null, "an explicit yes does not raise the finding");
}

#[test]
fn yes_without_evidence_is_reported_as_unsupported() {
    let dir = Dir::new();
    dir.write("p.yaml", &FUEL_BAN.replace("measures:\n", "measures:\n  partner_vetting: yes\n"));
    let json = check(&dir, &["p.yaml", "--format", "json"]).json();
    let unsupported = json["programmes"][0]["unsupported"].as_array().cloned().unwrap_or_default();
    assert!(unsupported.iter().any(|u| u["field"] == "measures.partner_vetting" && u["line"] == 25), "{unsupported:?}");
    assert!(!unsupported.iter().any(|u| u["field"] == "partners[0].vetted"), "that one has evidence");
}

fn with_acceptance(until: &str) -> String {
    format!(
        "{FUEL_BAN}accepted_risks:\n  - rule: LIV-001\n    reason: Fuel ban imposed by national law; prices monitored monthly.\n    approved_by: Portfolio review board\n    until: {until}\n"
    )
}

#[test]
fn acceptance_applies_before_expiry() {
    let dir = Dir::new();
    dir.write("p.yaml", &with_acceptance("2026-06-30"));
    let json = check(&dir, &["p.yaml", "--format", "json"]).json();
    let f = finding(&json, "LIV-001");
    assert_eq!(f["status"], "accepted");
    assert_eq!(f["acceptance"]["approved_by"], "Portfolio review board");
    assert_eq!(f["acceptance"]["until"], "2026-06-30");
    assert!(!json["programmes"][0]["risk_areas"].as_object().is_some_and(|o| o.contains_key("livelihoods")));
    let score: u64 = json["programmes"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["status"] != "accepted")
        .filter_map(|f| f["significance"].as_u64())
        .sum();
    assert_eq!(json["programmes"][0]["score"], score);
}

#[test]
fn acceptance_expires_and_counts_again() {
    let dir = Dir::new();
    dir.write("p.yaml", &with_acceptance("2025-12-31"));
    let run = check(&dir, &["p.yaml", "--format", "json"]);
    assert_eq!(run.status, 1, "the expired acceptance no longer keeps the High finding out");
    let json = run.json();
    let f = finding(&json, "LIV-001");
    assert_eq!(f["status"], "expired_acceptance");
    assert_eq!(f["acceptance"]["until"], "2025-12-31");
    assert_eq!(json["programmes"][0]["rating"], "high");
    let details = check(&dir, &["p.yaml", "--details"]).stdout;
    assert!(details.contains("LIV-001: ACCEPTANCE EXPIRED on 2025-12-31"), "{details}");
}

#[test]
fn acceptance_until_is_inclusive_and_month_dates_last_the_month() {
    let dir = Dir::new();
    dir.write("p.yaml", &with_acceptance("2026-01"));
    let on = |day: &str| common::run_in(dir.path(), &["check", "p.yaml", "--format", "json", "--today", day]).json();
    let json = on("2026-01-31");
    assert_eq!(finding(&json, "LIV-001")["status"], "accepted");
    let json = on("2026-02-01");
    assert_eq!(finding(&json, "LIV-001")["status"], "expired_acceptance");
}

#[test]
fn acceptance_without_reason_or_approver_is_an_error() {
    let dir = Dir::new();
    dir.write("p.yaml", &format!("{FUEL_BAN}accepted_risks:\n  - rule: LIV-001\n    until: 2027-01-01\n"));
    let run = check(&dir, &["p.yaml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("missing required field `accepted_risks[0].reason`"), "{}", run.stderr);
    assert!(run.stderr.contains("missing required field `accepted_risks[0].approved_by`"), "{}", run.stderr);
}

/// Checkpoints away from the borders with nobody watching the neighbouring regions (DIS-005):
/// a design that does not say whether it works in border areas is screened as if it did not,
/// so leaving the answer out never rates better than answering `no`.
#[test]
fn leaving_border_areas_out_never_rates_better_than_no() {
    let design = |border: &str| {
        format!(
            "id: ML-D5\ntitle: Checkpoints on the Gao road\ntype: ssr\nsummary: Checkpoints on the national road.\n\
             location: {{ countries: [ML], regions: [Gao]{border} }}\nactivities:\n  - kind: checkpoints\n\
             measures:\n  regional_coordination: no\n"
        )
    };
    let dir = Dir::new();
    dir.write("no/p.yaml", &design(", border_areas: no"));
    dir.write("absent/p.yaml", &design(""));
    let stated = check(&dir, &["no", "--format", "json"]).json();
    let absent = check(&dir, &["absent", "--format", "json"]).json();
    for json in [&stated, &absent] {
        assert_eq!(finding(json, "DIS-005")["gap"], false, "{json}");
    }
    let score = |json: &Value| json["programmes"][0]["score"].as_u64().unwrap_or(0);
    assert!(score(&absent) >= score(&stated), "absent {} < no {}", score(&absent), score(&stated));
}
