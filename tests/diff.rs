//! `dnh-screen diff OLD NEW`: findings resolved, new and re-rated, gaps filled, rating before
//! and after, in table, Markdown and JSON.

mod common;
use common::{Dir, FUEL_BAN, run_in};

#[test]
fn diff_reports_what_changed_between_two_versions() {
    let dir = Dir::new();
    dir.write("v1.yaml", FUEL_BAN);
    // v2: livelihoods provided (with evidence), sections moved, informant protection stated.
    let v2 = FUEL_BAN
        .replace("  alternative_livelihoods:\n    provided: no\n", "  alternative_livelihoods:\n    provided: { answer: yes, evidence: component 2 }\n  regional_coordination: yes\n");
    dir.write("v2.yaml", &v2);
    let json = run_in(dir.path(), &["diff", "v1.yaml", "v2.yaml", "--format", "json", "--today", "2026-01-15"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let d = json.json();
    assert_eq!(d["old"]["rating"], "high");
    let resolved: Vec<&str> =
        d["resolved"].as_array().into_iter().flatten().filter_map(|c| c["rule"].as_str()).collect();
    assert!(resolved.contains(&"LIV-001"), "{resolved:?}");
    let filled: Vec<&str> =
        d["gaps_filled"].as_array().into_iter().flatten().filter_map(|g| g["field"].as_str()).collect();
    assert!(filled.contains(&"measures.regional_coordination"), "{filled:?}");
    let new: Vec<&str> = d["added"].as_array().into_iter().flatten().filter_map(|c| c["rule"].as_str()).collect();
    assert!(new.contains(&"LIV-002"), "providing livelihoods raises the question whether they compete: {new:?}");
    assert!(d["unchanged"].as_u64().is_some_and(|n| n > 0));

    let table = run_in(dir.path(), &["diff", "v1.yaml", "v2.yaml", "--today", "2026-01-15"]).stdout;
    assert!(table.contains("Resolved findings") && table.contains("LIV-001 High → —"), "{table}");
    let md = run_in(dir.path(), &["diff", "v1.yaml", "v2.yaml", "--format", "md", "--today", "2026-01-15"]).stdout;
    assert!(md.starts_with("# Changes") && md.contains("| LIV-001 |"), "{md}");
    let same = run_in(dir.path(), &["diff", "v1.yaml", "v1.yaml", "--format", "json", "--today", "2026-01-15"]).json();
    assert_eq!(same["added"].as_array().map(Vec::len), Some(0));
    assert_eq!(same["resolved"].as_array().map(Vec::len), Some(0));
}

#[test]
fn diff_of_a_bad_file_is_an_error() {
    let dir = Dir::new();
    dir.write("v1.yaml", FUEL_BAN);
    dir.write("v2.yaml", "id: [broken\n");
    let run = run_in(dir.path(), &["diff", "v1.yaml", "v2.yaml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("v2.yaml:1:"), "{}", run.stderr);
}
