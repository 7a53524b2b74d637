//! The shipped examples screen cleanly and span all four ratings; designs written from the
//! source report's situations get the ratings an adviser would expect.

mod common;
use common::{Dir, check, root, run_in};
use serde_json::Value;

fn examples() -> Value {
    let run = run_in(&root(), &["check", "examples", "--format", "json", "--today", "2026-11-28"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.json()
}

fn programme<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["programmes"].as_array().and_then(|p| p.iter().find(|p| p["id"] == id)).unwrap_or(&Value::Null)
}

#[test]
fn examples_screen_without_errors_and_span_every_rating() {
    let json = examples();
    assert_eq!(json["summary"]["errors"], 0);
    assert!(json["summary"]["programmes"].as_u64().is_some_and(|n| n >= 6));
    for rating in ["low", "moderate", "substantial", "high"] {
        assert!(json["summary"]["by_rating"][rating].as_u64().is_some_and(|n| n >= 1), "no {rating} example");
    }
    let types: Vec<&str> =
        json["programmes"].as_array().into_iter().flatten().filter_map(|p| p["type"].as_str()).collect();
    for t in ["ssr", "ddr", "border", "development", "counter_terrorism", "justice"] {
        assert!(types.contains(&t), "no {t} example");
    }
}

#[test]
fn examples_get_the_ratings_their_designs_deserve() {
    let json = examples();
    assert_eq!(programme(&json, "ML-MNK-BRD-01")["rating"], "high");
    assert_eq!(programme(&json, "ML-MNK-BRD-01")["risk_areas"]["livelihoods"], "high");
    assert_eq!(programme(&json, "ML-LPG-CT-01")["rating"], "high");
    assert_eq!(programme(&json, "ML-MOP-DDR-01")["rating"], "high");
    assert_eq!(programme(&json, "ML-GAO-SSR-01")["rating"], "substantial");
    assert_eq!(programme(&json, "ML-SIK-DEV-01")["rating"], "low");
    assert_eq!(programme(&json, "ML-BKO-JUS-01")["rating"], "moderate");
}

#[test]
fn fuel_ban_in_a_remote_region_without_alternative_is_high_on_livelihoods() {
    let dir = Dir::new();
    dir.write("ban.yaml", common::FUEL_BAN);
    let json = check(&dir, &["ban.yaml", "--format", "json"]).json();
    let p = &json["programmes"][0];
    assert_eq!(p["rating"], "high");
    assert_eq!(p["risk_areas"]["livelihoods"], "high");
}

#[test]
fn a_well_designed_programme_is_low_or_moderate() {
    let dir = Dir::new();
    dir.write("strong.yaml", common::STRONG);
    let json = check(&dir, &["strong.yaml", "--format", "json"]).json();
    let rating = json["programmes"][0]["rating"].as_str().unwrap_or("");
    assert!(rating == "low" || rating == "moderate", "{rating}");
    assert_eq!(json["programmes"][0]["gaps"].as_array().map(Vec::len), Some(0));
}

#[test]
fn money_to_an_armed_group_is_never_below_high() {
    let dir = Dir::new();
    dir.write(
        "ddr.yaml",
        r#"id: ML-KID-DDR-99
title: Reinsertion kits for a signatory movement
type: ddr
context: { corruption_risk: low, armed_groups_present: yes }
partners:
  - name: Example signatory movement
    kind: armed_group
    role: beneficiary
    vetted: { answer: yes, evidence: vetting note }
activities:
  - kind: cash_transfers
    description: Cash grants paid through the movement's command
measures:
  disengagement_conditions: { answer: yes, evidence: annex }
"#,
    );
    let json = check(&dir, &["ddr.yaml", "--format", "json"]).json();
    let p = &json["programmes"][0];
    assert_eq!(p["rating"], "high", "{p}");
    let floored = p["findings"].as_array().into_iter().flatten().any(|f| f["floor"] == "high" && f["rating"] == "high");
    assert!(floored, "a floor raised a finding to High: {p}");
}

#[test]
fn a_partner_with_recorded_concerns_receiving_equipment_is_high() {
    let dir = Dir::new();
    dir.write(
        "ssr.yaml",
        r#"id: ML-GAO-SSR-99
title: Vehicles for a gendarmerie unit
type: ssr
context: { corruption_risk: medium, trust_in_security_forces: medium }
partners:
  - name: Example gendarmerie company
    kind: security_forces
    role: beneficiary
    vetted: { answer: yes, evidence: vetting note }
    concerns: ["Commander named in a 2024 report on escort fees for fuel convoys"]
activities:
  - kind: equipment
    description: Four pick-up trucks and radios
"#,
    );
    let json = check(&dir, &["ssr.yaml", "--format", "json"]).json();
    assert_eq!(json["programmes"][0]["rating"], "high");
    assert_eq!(json["programmes"][0]["risk_areas"]["corruption"], "high");
}
