//! Reviewed acceptances (expired, stale, audit mode) in every format, and baselines whose
//! identity survives moving sections and reordering partners.

mod common;
use common::{Dir, FUEL_BAN, check};

const ACCEPTED: &str = "accepted_risks:\n  - rule: LIV-001\n    reason: National law\n    approved_by: Board\n    until: 2026-12-31\n  - rule: SET-002\n    reason: Armed group left\n    approved_by: Board\n";

#[test]
fn stale_acceptances_are_reported_in_every_format() {
    let dir = Dir::new();
    dir.write("a.yaml", &format!("{FUEL_BAN}{ACCEPTED}"));
    let json = check(&dir, &["a.yaml", "--format", "json"]).json();
    let stale = &json["programmes"][0]["stale_acceptances"];
    assert_eq!(stale[0]["rule"], "SET-002");
    assert_eq!(stale[0]["line"], 32);
    let liv =
        json["programmes"][0]["findings"].as_array().and_then(|f| f.iter().find(|f| f["rule"] == "LIV-001").cloned());
    assert_eq!(liv.map(|f| f["status"].clone()), Some("accepted".into()));
    for (format, needle) in [
        ("table", "SET-002: stale"),
        ("github", "title=SET-002 stale acceptance"),
        ("csv", "SET-002,,,,stale_acceptance"),
        ("sarif", "SET-002 raised no finding"),
        ("junit", "acceptance.ML-MNK-BRD-99.SET-002"),
    ] {
        let mut args = vec!["a.yaml", "--format", format];
        if format == "table" {
            args.push("--details");
        }
        let out = check(&dir, &args).stdout;
        assert!(out.contains(needle), "{format} lacks {needle:?}:\n{out}");
    }
    for format in ["md", "html"] {
        let out = common::run_in(dir.path(), &["report", "a.yaml", "--format", format, "--today", "2026-01-15"]).stdout;
        assert!(out.contains("stale: the rule raised no finding"), "{format}");
    }
}

#[test]
fn audit_mode_screens_as_if_nothing_were_accepted() {
    let dir = Dir::new();
    dir.write("a.yaml", &format!("{FUEL_BAN}{ACCEPTED}"));
    let normal = check(&dir, &["a.yaml", "--format", "json", "--fail-on", "high"]);
    let audit = check(&dir, &["a.yaml", "--format", "json", "--fail-on", "high", "--ignore-acceptances"]);
    let status_of = |json: &serde_json::Value| {
        json["programmes"][0]["findings"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["rule"] == "LIV-001").map(|f| f["status"].clone()))
    };
    assert_eq!(status_of(&normal.json()), Some("accepted".into()));
    assert_eq!(status_of(&audit.json()), Some("open".into()));
    assert_eq!(audit.json()["ignore_acceptances"], true);
    assert_eq!(audit.status, 1, "the accepted High finding counts again");
    let details = check(&dir, &["a.yaml", "--details", "--ignore-acceptances"]).stdout;
    assert!(details.contains("LIV-001: ignored (audit mode)"), "{details}");
}

/// The fuel-ban design with its sections in another order, one more partner before the first,
/// and (when `extra`) one more problem: an unvetted partner with recorded concerns.
fn reordered(extra: bool) -> String {
    let concerns = if extra {
        "  - name: Convoy escort company\n    kind: private_sector\n    role: subcontractor\n    vetted: no\n    concerns: [\"named in a 2025 report on escort fees\"]\n"
    } else {
        ""
    };
    format!(
        r#"measures:
  alternative_livelihoods:
    provided: no
partners:
{concerns}  - name: Direction Générale des Douanes
    kind: security_forces
    role: beneficiary
    vetted: {{ answer: yes, evidence: "annex C" }}
activities:
  - kind: equipment
    description: Radios for the posts
  - kind: trade_restrictions
    description: Enforce the ban on fuel imports across the border
context:
  informal_economy_dependence: high
  illicit_markets: [fuel]
  state_presence: weak
  corruption_risk: medium
location:
  countries: [ML]
  regions: [Ménaka]
  border_areas: yes
  remote: yes
format: 1
id: ML-MNK-BRD-99
title: Closing the fuel smuggling routes of Ménaka
type: border
summary: Enforces the ban on fuel imports from Niger at border crossings used by local traders.
"#
    )
}

#[test]
fn a_baseline_makes_only_new_findings_fail() {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    let first = check(&dir, &["p.yaml", "--write-baseline", "baseline.json"]);
    assert_eq!(first.status, 1, "today's High findings fail without a baseline");
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap_or_default();
    assert!(baseline.contains("\"rule\": \"LIV-001\"") && !baseline.contains("\"line\""), "{baseline}");

    dir.write("p.yaml", &reordered(false));
    let moved = check(&dir, &["p.yaml", "--baseline", "baseline.json", "--format", "json"]);
    let json = moved.json();
    let findings = json["programmes"][0]["findings"].as_array().cloned().unwrap_or_default();
    let new: Vec<&str> = findings.iter().filter(|f| f["known"] == false).filter_map(|f| f["rule"].as_str()).collect();
    assert!(new.is_empty(), "moving sections and adding an equipment activity before made these new: {new:?}");
    assert_eq!(moved.status, 0, "{}", moved.stderr);
    assert_eq!(json["baseline"], true);

    dir.write("p.yaml", &reordered(true));
    let grown = check(&dir, &["p.yaml", "--baseline", "baseline.json", "--format", "json"]);
    let json = grown.json();
    let findings = json["programmes"][0]["findings"].as_array().cloned().unwrap_or_default();
    let new: Vec<&str> = findings.iter().filter(|f| f["known"] == false).filter_map(|f| f["rule"].as_str()).collect();
    assert!(new.contains(&"COR-002"), "the partner with concerns is new: {new:?}");
    assert!(!new.contains(&"LIV-001"), "{new:?}");
    assert_eq!(grown.status, 1, "only the new problem fails");
    let sarif = check(&dir, &["p.yaml", "--baseline", "baseline.json", "--format", "sarif"]).json();
    let states: Vec<(String, String)> = sarif["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (r["ruleId"].as_str().unwrap_or("").to_string(), r["baselineState"].as_str().unwrap_or("").to_string())
        })
        .collect();
    assert!(
        states.contains(&("COR-002".into(), "new".into())) && states.contains(&("LIV-001".into(), "unchanged".into()))
    );
}

#[test]
fn a_bad_baseline_file_is_an_error() {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    dir.write("b.json", "{ \"findings\": 3 }");
    let run = check(&dir, &["p.yaml", "--baseline", "b.json"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("b.json:1:") && run.stderr.contains("not a dnh-screen baseline"), "{}", run.stderr);
    let run = check(&dir, &["p.yaml", "--baseline", "missing.json"]);
    assert!(run.stderr.contains("missing.json: cannot read baseline"), "{}", run.stderr);
}
