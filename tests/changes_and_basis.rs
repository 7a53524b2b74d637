//! Consolidated changes, the basis of findings and the completeness of a design, through the
//! binary: a change names the findings it answers and the list is ordered by rating removed;
//! a finding raised only on what the design leaves out is `unverified`; completeness rises as
//! answers are added; the words are French with `--lang fr`.

mod common;
use common::{Dir, FUEL_BAN, check, root, run_in};
use serde_json::Value;

fn programme(json: &Value) -> &Value {
    &json["programmes"][0]
}

fn rating_rank(r: &Value) -> u8 {
    match r.as_str() {
        Some("low") => 0,
        Some("moderate") => 1,
        Some("substantial") => 2,
        _ => 3,
    }
}

#[test]
fn changes_name_the_findings_they_answer_and_are_ordered() {
    let json = run_in(
        &root(),
        &["check", "examples/ssr-gao-police.yaml", "--no-config", "--today", "2026-06-01", "--format", "json"],
    )
    .json();
    let p = programme(&json);
    let changes = p["changes"].as_array().expect("changes listed");
    assert!(!changes.is_empty());
    let findings: Vec<&str> = p["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["status"] != "accepted")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    // Every counting finding is answered by some change, and every change answers a finding.
    for rule in &findings {
        assert!(changes.iter().any(|c| c["answers"].as_array().is_some_and(|a| a.iter().any(|r| r == rule))), "{rule}");
    }
    for c in changes {
        let answers = c["answers"].as_array().expect("answers");
        assert!(!answers.is_empty());
        assert!(answers.iter().all(|r| findings.iter().any(|f| r == f)), "{c}");
    }
    // Civilian oversight answers both oversight findings and brings the rating down.
    let oversight = changes
        .iter()
        .find(|c| c["safeguards"].as_array().is_some_and(|s| s.iter().any(|s| s == "measures.civilian_oversight")))
        .expect("a civilian oversight change");
    let answers: Vec<&str> =
        oversight["answers"].as_array().expect("answers").iter().filter_map(Value::as_str).collect();
    assert!(answers.contains(&"LEG-001") && answers.contains(&"OWN-005"), "{answers:?}");
    assert!(rating_rank(&oversight["rating_after"]) < rating_rank(&p["rating"]));
    assert_eq!(changes[0], *oversight, "the change that removes the most rating leads");
    // Ordered: rating after ascending, then significance removed descending.
    for pair in changes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ra, rb) = (rating_rank(&a["rating_after"]), rating_rank(&b["rating_after"]));
        assert!(ra < rb || (ra == rb && a["significance_removed"].as_u64() >= b["significance_removed"].as_u64()));
    }
}

#[test]
fn vetting_the_partners_is_one_change() {
    let dir = Dir::new();
    let design = FUEL_BAN.replace("    vetted: { answer: yes, evidence: \"annex C\" }\n", "    vetted: no\n");
    dir.write("p.yaml", &format!("{design}  partner_vetting: no\n"));
    let json = check(&dir, &["p.yaml", "--format", "json"]).json();
    let changes = programme(&json)["changes"].as_array().expect("changes").clone();
    let vetting: Vec<&Value> = changes
        .iter()
        .filter(|c| {
            c["safeguards"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s == "measures.partner_vetting" || s == "partners[].vetted"))
        })
        .collect();
    assert_eq!(vetting.len(), 1, "{changes:?}");
    assert_eq!(vetting[0]["safeguards"], serde_json::json!(["measures.partner_vetting", "partners[].vetted"]));
}

#[test]
fn basis_is_unverified_for_a_gap_and_evidenced_for_a_stated_answer() {
    let dir = Dir::new();
    dir.write("no.yaml", FUEL_BAN);
    dir.write(
        "absent/p.yaml",
        &FUEL_BAN.replace("  alternative_livelihoods:\n    provided: no\n", "  partner_vetting: yes\n"),
    );
    let find = |json: &Value, rule: &str| {
        programme(json)["findings"].as_array().and_then(|f| f.iter().find(|f| f["rule"] == rule).cloned()).expect(rule)
    };
    let stated = check(&dir, &["no.yaml", "--format", "json"]).json();
    let absent = check(&dir, &["absent", "--format", "json"]).json();
    assert_eq!(find(&stated, "LIV-001")["basis"], "evidenced");
    let gap = find(&absent, "LIV-001");
    assert_eq!(gap["gap"], true);
    assert_eq!(gap["basis"], "unverified");
    assert!(gap["message"].as_str().is_some_and(|m| m.contains("the design does not show")), "{gap}");
    // Still counted: the rating does not drop below what the finding gives.
    assert_ne!(programme(&absent)["rating"], "low");
    let sarif: Value = serde_json::from_str(&check(&dir, &["absent", "--format", "sarif"]).stdout).expect("sarif");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let liv = results.iter().find(|r| r["ruleId"] == "LIV-001").expect("LIV-001 result");
    assert_eq!(liv["properties"]["basis"], "unverified");
    let details = check(&dir, &["absent", "--details"]).stdout;
    assert!(details.contains("The design does not show: measures.alternative_livelihoods.provided"), "{details}");
}

#[test]
fn completeness_rises_as_answers_are_added_and_a_bare_design_gets_many_questions() {
    let dir = Dir::new();
    let bare = "format: 1\nid: ML-X-01\ntitle: Bare\ntype: ssr\npartners:\n  - name: Comité de vigilance\n    kind: security_forces\n";
    dir.write("bare/p.yaml", bare);
    let more = format!(
        "{bare}    vetted: no\ncontext:\n  armed_groups_present: yes\n  state_presence: weak\nmeasures:\n  civilian_oversight: no\n"
    );
    dir.write("more/p.yaml", &more);
    let bare_json = check(&dir, &["bare", "--format", "json"]).json();
    let more_json = check(&dir, &["more", "--format", "json"]).json();
    let (b, m) = (&programme(&bare_json)["completeness"], &programme(&more_json)["completeness"]);
    assert!(b["asked"].as_u64().unwrap_or(0) >= 10, "{b}");
    assert!(m["answered"].as_u64() > b["answered"].as_u64());
    assert!(m["percent"].as_u64() > b["percent"].as_u64(), "{b} {m}");
    let gaps = programme(&bare_json)["gaps"].as_array().expect("gaps");
    assert!(gaps.len() >= 10, "a bare design gets many questions: {gaps:?}");
    assert!(gaps.iter().any(|g| g["field"] == "measures.civilian_oversight"));
    assert!(gaps.iter().any(|g| g["field"] == "partners[0].vetted"));
    let fields: Vec<&str> = gaps.iter().filter_map(|g| g["field"].as_str()).collect();
    let mut unique = fields.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), fields.len(), "no question twice: {fields:?}");
    let asked = |field: &str| gaps.iter().find(|g| g["field"] == field).map(|g| g["question"].clone());
    assert!(asked("partners[0].vetted").is_some_and(|q| q.as_str().is_some_and(|q| q.ends_with('?'))));
}

#[test]
fn the_excellent_examples_still_get_no_findings() {
    let json = run_in(
        &root(),
        &[
            "check",
            "examples/development-sikasso-livelihoods.yaml",
            "--no-config",
            "--today",
            "2026-06-01",
            "--format",
            "json",
        ],
    )
    .json();
    let p = programme(&json);
    assert_eq!(p["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(p["changes"].as_array().map(Vec::len), Some(0));
    assert_eq!(p["completeness"]["percent"], 100);
}

#[test]
fn french_output_words_changes_basis_and_completeness_in_french() {
    let args = ["check", "examples/ssr-gao-police.yaml", "--no-config", "--today", "2026-06-01", "--lang", "fr"];
    let details = run_in(&root(), &[&args[..], &["--details"]].concat()).stdout;
    assert!(details.contains("Ce qu'il faut changer en priorité"), "{details}");
    assert!(details.contains("Complétude"), "{details}");
    assert!(details.contains("Placer les acteurs de sécurité appuyés par le programme sous un contrôle civil"));
    assert!(details.contains("Le projet ne montre pas"), "{details}");
    let json = run_in(&root(), &[&args[..], &["--format", "json"]].concat()).json();
    let first = &programme(&json)["changes"][0]["change"];
    assert!(first.as_str().is_some_and(|c| c.starts_with("Placer")), "{first}");
    let md = run_in(
        &root(),
        &[
            "report",
            "examples/ssr-gao-police.yaml",
            "--no-config",
            "--today",
            "2026-06-01",
            "--lang",
            "fr",
            "--format",
            "md",
        ],
    )
    .stdout;
    let (changes, findings) = (md.find("## Ce qu'il faut changer en priorité"), md.find("## Ce qui pourrait"));
    assert!(changes.is_some(), "{md}");
    assert!(changes < findings.or(Some(usize::MAX)), "the report leads with the changes");
}

#[test]
fn a_finding_that_needs_two_safeguards_together_gets_one_change_naming_both() {
    let json = run_in(
        &root(),
        &["check", "examples/ddr-mopti-reintegration.yaml", "--no-config", "--today", "2026-06-01", "--format", "json"],
    )
    .json();
    let changes = programme(&json)["changes"].as_array().expect("changes").clone();
    let protection = changes
        .iter()
        .find(|c| c["answers"].as_array().is_some_and(|a| a.iter().any(|r| r == "SAF-001")))
        .expect("a change answers SAF-001");
    assert_eq!(
        protection["safeguards"],
        serde_json::json!(["measures.data_protection", "measures.informant_protection"]),
        "{protection}"
    );
    assert!(protection["change"].as_str().is_some_and(|c| c.contains("; protect the people")), "{protection}");
}
