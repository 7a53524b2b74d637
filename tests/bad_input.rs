//! Bad programme files: each problem is named with file, line and column; every problem in a
//! file is reported; the other files are still screened; the run exits 2.

mod common;
use common::{Dir, STRONG, check};

/// Runs on a folder holding the strong programme and one bad file; returns stderr.
fn errors_for(bad: &str) -> String {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    dir.write("bad.yaml", bad);
    let run = check(&dir, &[".", "--format", "json"]);
    assert_eq!(run.status, 2, "bad input exits 2\n{}", run.stderr);
    let json = run.json();
    assert_eq!(json["summary"]["programmes"], 1, "the good file is still screened");
    assert_eq!(json["programmes"][0]["id"], "ML-SIK-DEV-99");
    for e in json["errors"].as_array().into_iter().flatten() {
        assert_eq!(e["file"], "bad.yaml");
    }
    run.stderr
}

#[test]
fn invalid_yaml() {
    let err = errors_for("id: A\ntitle: [unclosed\ntype: ssr\n");
    assert!(err.contains("error[DNH105]: bad.yaml:3:"), "{err}");
    assert!(err.contains("invalid YAML"), "{err}");
}

#[test]
fn wrong_type() {
    let err = errors_for("id: A\ntitle: T\ntype: ssr\nlocation:\n  regions: Gao\n  remote: [yes]\n");
    assert!(err.contains("bad.yaml:5:12: `location.regions` must be a list; found text"), "{err}");
    assert!(err.contains("bad.yaml:6:11: `location.remote` must be `yes`, `no` or `unknown`"), "{err}");
}

#[test]
fn unknown_key_with_suggestion() {
    let err = errors_for("id: A\ntitle: T\ntype: ssr\nmeasurse:\n  partner_vetting: yes\n");
    assert!(err.contains("bad.yaml:4:1: unknown field `measurse`; did you mean `measures`?"), "{err}");
    let err = errors_for("id: A\ntitle: T\ntype: ssr\nmeasures:\n  zzz: yes\n");
    assert!(err.contains("bad.yaml:5:3: unknown field `zzz` in `measures`; expected one of: partner_vetting"), "{err}");
}

#[test]
fn unknown_enumerated_value_lists_valid_ones() {
    let err = errors_for("id: A\ntitle: T\ntype: ssr\ncontext:\n  corruption_risk: very_high\n");
    assert!(err.contains("bad.yaml:5:20: `context.corruption_risk` has unknown value `very_high`"), "{err}");
    assert!(err.contains("Valid values: low, medium, high, unknown."), "{err}");
    let err = errors_for("id: A\ntitle: T\ntype: ssr\nmeasures:\n  partner_vetting: Yes\n");
    assert!(err.contains("`measures.partner_vetting` has unknown value `Yes`; did you mean `yes`?"), "{err}");
}

#[test]
fn missing_required_fields() {
    let err = errors_for("summary: nothing else\n");
    for field in ["id", "title", "type"] {
        assert!(err.contains(&format!("bad.yaml:1:1: missing required field `{field}`")), "{err}");
    }
    let err = errors_for("id: A\ntitle: T\ntype: ssr\npartners:\n  - kind: media\n");
    assert!(err.contains("bad.yaml:5:5: missing required field `partners[0].name`"), "{err}");
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let err =
        errors_for("id: A\ntype: boarder\nstart: 2025-13-01\nmeasures:\n  grievance: yes\n  data_protection: maybe\n");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error[") && l.contains("]: bad.yaml")).collect();
    assert_eq!(lines.len(), 5, "{err}");
}

#[test]
fn not_a_mapping_and_empty_files() {
    let err = errors_for("- just\n- a list\n");
    assert!(err.contains("bad.yaml:1:1: a programme file must be a mapping"), "{err}");
    let err = errors_for("");
    assert!(err.contains("bad.yaml: file is empty"), "{err}");
}

#[test]
fn non_utf8_text() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    std::fs::write(dir.path().join("bad.yaml"), b"id: A\ntitle: caf\xe9\ntype: ssr\n").expect("write");
    let run = check(&dir, &["."]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("bad.yaml:2:11: file is not UTF-8 text"), "{}", run.stderr);
}

#[test]
fn duplicate_ids_across_files() {
    let dir = Dir::new();
    dir.write("a.yaml", STRONG);
    dir.write("b.yaml", STRONG);
    let run = check(&dir, &[".", "--format", "json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("b.yaml:2:5: programme id `ML-SIK-DEV-99` is already used by a.yaml:2:5"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json()["summary"]["programmes"], 2, "both are still screened and reported");
}

#[test]
fn duplicate_keys_and_several_documents() {
    let err = errors_for("id: A\nid: B\ntitle: T\ntype: ssr\n");
    assert!(err.contains("bad.yaml:2:1: invalid YAML: duplicate mapping key: id"), "{err}");
    let err = errors_for("id: A\ntitle: T\ntype: ssr\n---\nid: B\n");
    assert!(err.contains("several YAML documents"), "{err}");
}

#[test]
fn bad_dates_and_answer_forms() {
    let err = errors_for(
        "id: A\ntitle: T\ntype: ssr\nstart: 2025-02-30\nmeasures:\n  partner_vetting: { answer: perhaps }\n  grievance_mechanism: { evidence: x }\n",
    );
    assert!(err.contains("bad.yaml:4:8: `start` must be a date"), "{err}");
    assert!(err.contains("`measures.partner_vetting.answer` has unknown value `perhaps`"), "{err}");
    assert!(err.contains("`measures.grievance_mechanism` has evidence but no `answer`"), "{err}");
}
