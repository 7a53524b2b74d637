//! Held-out designs written from the source report's situations by an adviser, with the
//! ratings an adviser expects written in each file's header:
//!   # expect-rating: high
//!   (or `moderate or low` where the adviser finds either defensible)
//!   # expect-areas: livelihoods=high, corruption=substantial
//!   # expect-not: settlement, targeting
//! The tool must agree, programme by programme and risk area by risk area.

mod common;
use common::{root, run_in};
use serde_json::Value;

struct Expectation {
    rating: String,
    areas: Vec<(String, String)>,
    not: Vec<String>,
}

fn expectation(text: &str) -> Expectation {
    let field = |name: &str| {
        text.lines()
            .filter_map(|l| l.strip_prefix(&format!("# {name}:")))
            .map(|v| v.trim().to_string())
            .next()
            .unwrap_or_default()
    };
    let list = |v: String| v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    Expectation {
        rating: field("expect-rating"),
        areas: list(field("expect-areas"))
            .into_iter()
            .filter_map(|a| a.split_once('=').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
            .collect(),
        not: list(field("expect-not")),
    }
}

#[test]
fn held_out_designs_are_rated_as_an_adviser_would() {
    let folder = root().join("tests/fixtures/scenarios");
    let run = run_in(&root(), &["check", "tests/fixtures/scenarios", "--format", "json", "--today", "2026-11-28"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let json = run.json();
    let programmes = json["programmes"].as_array().cloned().unwrap_or_default();
    assert!(programmes.len() >= 10);
    let mut disagreements = Vec::new();
    for p in &programmes {
        let file = p["file"].as_str().unwrap_or_default();
        let name = file.rsplit('/').next().unwrap_or(file);
        let text = std::fs::read_to_string(folder.join(name)).unwrap_or_default();
        let expect = expectation(&text);
        assert!(!expect.rating.is_empty(), "{name} has no expect-rating");
        let rating = p["rating"].as_str().unwrap_or_default();
        if !expect.rating.split(" or ").any(|r| r.trim() == rating) {
            disagreements.push(format!("{name}: rated {} where an adviser expects {}", p["rating"], expect.rating));
        }
        let area = |a: &str| p["risk_areas"][a].as_str().unwrap_or("none").to_string();
        for (a, rating) in &expect.areas {
            if area(a) != *rating {
                disagreements.push(format!("{name}: {a} rated {} where an adviser expects {rating}", area(a)));
            }
        }
        for a in &expect.not {
            if matches!(area(a).as_str(), "substantial" | "high") {
                disagreements.push(format!("{name}: {a} rated {} where an adviser expects below Substantial", area(a)));
            }
        }
    }
    let _: &Value = &json;
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
