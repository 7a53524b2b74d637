//! `--format json` follows spec/json-report.md: every field, with the meaning the spec gives.

mod common;
use common::{Dir, FUEL_BAN, STRONG, check};
use serde_json::Value;

fn report() -> Value {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("strong.yaml", STRONG);
    dir.write("bad.yaml", "id: X\ntitle: T\ntype: boarder\n");
    let run = check(&dir, &[".", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    run.json()
}

#[test]
fn top_level_fields() {
    let r = report();
    assert_eq!(r["report_version"], 1);
    assert_eq!(r["tool"]["name"], "dnh-screen");
    assert_eq!(r["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(r["checklists"][0]["id"], "core");
    assert!(r["checklists"][0]["version"].is_string());
    assert!(r["checklists"][0]["rules"].as_u64().is_some_and(|n| n >= 24));
    assert_eq!(r["summary"]["programmes"], 2);
    assert_eq!(r["summary"]["errors"], 1);
    let by_rating = &r["summary"]["by_rating"];
    for key in ["low", "moderate", "substantial", "high"] {
        assert!(by_rating[key].is_u64(), "{key}");
    }
    assert_eq!(by_rating["high"], 1);
    assert_eq!(by_rating["low"], 1);
}

#[test]
fn errors_name_file_line_column() {
    let r = report();
    let e = &r["errors"][0];
    assert_eq!(e["file"], "bad.yaml");
    assert_eq!(e["line"], 3);
    assert_eq!(e["column"], 7);
    assert!(e["message"].as_str().is_some_and(|m| m.contains("did you mean `border`?")));
    assert_eq!(e["code"], "DNH202", "an unknown value has its stable code");
}

#[test]
fn programmes_and_findings() {
    let r = report();
    let programmes = r["programmes"].as_array().cloned().unwrap_or_default();
    assert_eq!(programmes.len(), 2);
    let ban = &programmes[0];
    assert_eq!(ban["file"], "ban.yaml");
    assert_eq!(ban["id"], "ML-MNK-BRD-99");
    assert_eq!(ban["type"], "border");
    assert_eq!(ban["rating"], "high");
    assert_eq!(ban["risk_areas"]["livelihoods"], "high");

    let findings = ban["findings"].as_array().cloned().unwrap_or_default();
    let sig: Vec<u64> = findings.iter().filter_map(|f| f["significance"].as_u64()).collect();
    let mut sorted = sig.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(sig, sorted, "findings sorted by significance, highest first");
    let score: u64 =
        findings.iter().filter(|f| f["status"] != "accepted").filter_map(|f| f["significance"].as_u64()).sum();
    assert_eq!(ban["score"], score, "score is the sum of the significance of counting findings");

    let liv = findings.iter().find(|f| f["rule"] == "LIV-001").cloned().unwrap_or_default();
    assert_eq!(liv["risk_area"], "livelihoods");
    assert_eq!(liv["status"], "open");
    assert_eq!(liv["gap"], false);
    assert_eq!(liv["acceptance"], Value::Null);
    let (i, l, s) = (liv["impact"].as_u64(), liv["likelihood"].as_u64(), liv["significance"].as_u64());
    assert_eq!(i.zip(l).map(|(i, l)| i * l), s);
    assert_eq!(liv["rating"], "high");
    assert!(liv["title"].as_str().is_some_and(|t| !t.is_empty()));
    let evidence = liv["evidence"].as_array().cloned().unwrap_or_default();
    let provided = evidence.iter().find(|e| e["field"] == "measures.alternative_livelihoods.provided").cloned();
    let provided = provided.unwrap_or_default();
    assert_eq!(provided["value"], "no");
    assert_eq!(provided["line"], 26);
    assert_eq!(provided["column"], 15);
    assert!(liv["message"].as_str().is_some_and(|m| m.contains("measures.alternative_livelihoods.provided = no")));

    let rule = &r["rules"]["LIV-001"];
    for key in ["title", "risk_area", "why", "source", "section", "mitigation"] {
        assert!(rule[key].as_str().is_some_and(|t| !t.is_empty()), "{key}");
    }
    assert!(rule["references"].is_array());
    let fired: Vec<&str> = programmes
        .iter()
        .flat_map(|p| p["findings"].as_array().into_iter().flatten())
        .filter_map(|f| f["rule"].as_str())
        .collect();
    let listed: Vec<&String> = r["rules"].as_object().map(|o| o.keys().collect()).unwrap_or_default();
    for id in &fired {
        assert!(listed.iter().any(|l| l == id), "{id} fired but is not in rules");
    }
    assert_eq!(
        listed.len(),
        {
            let mut f = fired.clone();
            f.sort();
            f.dedup();
            f.len()
        },
        "rules lists only rules that fired"
    );
}

#[test]
fn gaps_carry_questions() {
    let r = report();
    let ban = &r["programmes"][0];
    let gaps = ban["gaps"].as_array().cloned().unwrap_or_default();
    assert!(!gaps.is_empty());
    for g in &gaps {
        assert!(g["field"].as_str().is_some_and(|f| !f.is_empty()));
        assert!(g["question"].as_str().is_some_and(|q| q.ends_with('?')), "{g}");
    }
}
