//! Machine formats for CI: SARIF (valid against the official schema, as GitHub code scanning
//! reads it), JUnit, GitHub annotations, CSV, several outputs in one run.

mod common;
use common::{Dir, FUEL_BAN, STRONG, check, root};
use serde_json::Value;

fn accepted(until: &str) -> String {
    format!(
        "{FUEL_BAN}accepted_risks:\n  - rule: LIV-001\n    reason: National law; prices monitored monthly\n    approved_by: Portfolio board\n    until: {until}\n  - rule: SET-002\n    reason: No armed group involved any more\n    approved_by: Portfolio board\n"
    )
}

fn sarif_schema() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/schemas/sarif-schema-2.1.0.json")).expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

#[test]
fn sarif_is_valid_and_has_what_code_scanning_needs() {
    let dir = Dir::new();
    dir.write("a.yaml", &accepted("2026-12-31"));
    dir.write("b.yaml", STRONG);
    dir.write("c.yaml", "id: X\ntitle: T\ntype: boarder\n");
    let run = check(&dir, &[".", "--format", "sarif"]);
    assert_eq!(run.status, 2);
    let sarif = run.json();
    let validator = jsonschema::validator_for(&sarif_schema()).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    let core = common::run_in(&root(), &["rules", "--format", "json"]).json();
    assert_eq!(rules.len(), core.as_array().map(Vec::len).unwrap_or(0), "every rule is described");
    for r in &rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(r[key]["text"].as_str().is_some_and(|t| !t.is_empty()), "{key} of {}", r["id"]);
        }
    }
    let results = run0["results"].as_array().cloned().unwrap_or_default();
    let liv = results.iter().find(|r| r["ruleId"] == "LIV-001").cloned().unwrap_or_default();
    assert_eq!(liv["level"], "error");
    assert_eq!(liv["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a.yaml");
    assert_eq!(liv["locations"][0]["physicalLocation"]["region"]["startLine"], 26);
    assert!(liv["partialFingerprints"]["dnhScreenFinding/v1"].as_str().is_some_and(|f| f.len() == 16));
    assert_eq!(liv["suppressions"][0]["status"], "accepted");
    assert!(liv["suppressions"][0]["justification"].as_str().is_some_and(|j| j.contains("National law")));
    assert!(results.iter().all(|r| r["message"]["text"].as_str().is_some_and(|t| !t.is_empty())));
    let notes = run0["invocations"][0]["toolExecutionNotifications"].as_array().cloned().unwrap_or_default();
    assert!(notes.iter().any(|n| n["level"] == "error"
        && n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c.yaml"
        && n["descriptor"]["id"] == "DNH202"));
    assert!(
        notes
            .iter()
            .any(|n| n["message"]["text"].as_str().is_some_and(|t| t.contains("SET-002") && t.contains("stale")))
    );
}

fn junit(dir: &Dir, args: &[&str]) -> String {
    let mut all = vec![".", "--format", "junit"];
    all.extend_from_slice(args);
    check(dir, &all).stdout
}

#[test]
fn junit_has_a_suite_per_file_a_case_per_applicable_rule_and_failures_by_threshold() {
    let dir = Dir::new();
    dir.write("a.yaml", FUEL_BAN);
    dir.write("b.yaml", STRONG);
    let xml = junit(&dir, &[]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suites: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.iter().map(|s| s.attribute("name").unwrap_or("")).collect::<Vec<_>>(), ["a.yaml", "b.yaml"]);
    let json = check(&dir, &["a.yaml", "--format", "json"]).json();
    let high =
        json["programmes"][0]["findings"].as_array().into_iter().flatten().filter(|f| f["rating"] == "high").count();
    let cases = suites[0].children().filter(|n| n.has_tag_name("testcase")).count();
    let rules_for_border = common::run_in(&root(), &["rules", "--type", "border", "--format", "json"]).json();
    let per_programme = rules_for_border.as_array().into_iter().flatten().filter(|r| r["kind"] != "portfolio").count();
    assert_eq!(cases, per_programme, "one case per rule that applies");
    assert_eq!(suites[0].attribute("failures"), Some(high.to_string().as_str()));
    let failure =
        suites[0].descendants().find(|n| n.has_tag_name("failure")).map(|f| f.attribute("type").unwrap_or(""));
    assert_eq!(failure, Some("high"));
    assert_eq!(suites[1].attribute("failures"), Some("0"));

    let all = junit(&dir, &["--fail-on", "low"]);
    let doc = roxmltree::Document::parse(&all).expect("XML");
    let failures: usize = doc.descendants().filter(|n| n.has_tag_name("failure")).count();
    assert!(failures > high, "a lower threshold fails more cases");
}

#[test]
fn junit_marks_accepted_risks_skipped_and_bad_files_as_errors() {
    let dir = Dir::new();
    dir.write("a.yaml", &accepted("2026-12-31"));
    dir.write("z.yaml", "id: [broken\n");
    let xml = junit(&dir, &[]);
    let doc = roxmltree::Document::parse(&xml).expect("XML");
    let skipped = doc.descendants().find(|n| n.has_tag_name("skipped")).and_then(|n| n.attribute("message"));
    assert!(skipped.is_some_and(|m| m.contains("National law") && m.contains("until 2026-12-31")), "{xml}");
    let error = doc.descendants().find(|n| n.has_tag_name("error")).and_then(|n| n.attribute("message"));
    assert!(error.is_some_and(|m| m.contains("z.yaml:1:")), "{xml}");
    let stale = doc.descendants().find(|n| n.attribute("name") == Some("acceptance.ML-MNK-BRD-99.SET-002"));
    assert!(stale.and_then(|n| n.attribute("value")).is_some_and(|v| v.starts_with("stale")), "{xml}");
}

#[test]
fn github_annotations_by_rating() {
    let dir = Dir::new();
    dir.write("a.yaml", FUEL_BAN);
    let out = check(&dir, &["a.yaml", "--format", "github"]).stdout;
    let liv = out.lines().find(|l| l.contains("title=LIV-001")).unwrap_or_default().to_string();
    assert!(liv.starts_with("::error file=a.yaml,line=26,col=15,title=LIV-001 high (20)::ML-MNK-BRD-99: "), "{liv}");
    assert!(
        out.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")),
        "{out}"
    );
}

#[test]
fn csv_has_one_row_per_finding() {
    let dir = Dir::new();
    dir.write("a.yaml", &accepted("2026-12-31"));
    let out = check(&dir, &["a.yaml", "--format", "csv"]).stdout;
    let json = check(&dir, &["a.yaml", "--format", "json"]).json();
    let findings = json["programmes"][0]["findings"].as_array().map(Vec::len).unwrap_or(0);
    let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("file,programme,programme_type,programme_rating,rule,"));
    assert_eq!(lines.len(), 1 + findings + 1, "header, one row per finding, one stale acceptance");
    assert!(lines.iter().any(|l| l.contains(",LIV-001,") && l.contains(",accepted,")));
    assert!(lines.iter().any(|l| l.contains(",SET-002,") && l.contains(",stale_acceptance,")));
}

#[test]
fn several_outputs_in_one_run_alongside_the_table() {
    let dir = Dir::new();
    dir.write("a.yaml", FUEL_BAN);
    let run = check(
        &dir,
        &["a.yaml", "--output", "sarif=a.yaml/r.sarif", "--output", "junit=r.xml", "--output", "csv=r.csv"],
    );
    assert_eq!(run.status, 2, "a.yaml is a file, not a folder: {}", run.stderr);
    assert!(run.stderr.contains("a.yaml/r.sarif: cannot write"), "{}", run.stderr);
    assert!(dir.path().join("r.csv").is_file(), "the other outputs are still written");
    let run = check(&dir, &["a.yaml", "--output", "sarif=new/folder/r.sarif"]);
    assert_eq!(run.status, 1, "a missing folder is made: {}", run.stderr);
    assert!(dir.path().join("new/folder/r.sarif").is_file());
    let run =
        check(&dir, &["a.yaml", "--output", "sarif=r.sarif", "--output", "junit=r.xml", "--output", "json=r.json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("| a.yaml"), "the table still goes to standard output");
    for f in ["r.sarif", "r.xml", "r.json"] {
        assert!(std::fs::metadata(dir.path().join(f)).is_ok_and(|m| m.len() > 100), "{f}");
    }
    let same = check(&dir, &["a.yaml", "--format", "sarif"]).stdout;
    assert_eq!(std::fs::read_to_string(dir.path().join("r.sarif")).unwrap_or_default(), same);
    let bad = check(&dir, &["a.yaml", "--output", "pdf=x.pdf"]);
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("--output: unknown format `pdf`"), "{}", bad.stderr);
}
