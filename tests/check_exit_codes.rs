//! `dnh-screen check` end to end: exit codes, --fail-on, table and JSON output, determinism.

mod common;
use common::{Dir, FUEL_BAN, STRONG, check};

#[test]
fn strong_design_passes_and_weak_design_fails_on_high() {
    let dir = Dir::new();
    dir.write("strong.yaml", STRONG);
    let run = check(&dir, &["strong.yaml"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("ML-SIK-DEV-99") && run.stdout.contains("Low"), "{}", run.stdout);

    dir.write("ban.yaml", FUEL_BAN);
    let run = check(&dir, &["."]);
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("2 programmes screened: 1 High"), "{}", run.stdout);
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = Dir::new();
    dir.write("strong.yaml", STRONG);
    dir.write("ban.yaml", FUEL_BAN);
    assert_eq!(check(&dir, &[".", "--fail-on", "never"]).status, 0);
    assert_eq!(check(&dir, &["strong.yaml", "--fail-on", "low"]).status, 1);
    assert_eq!(check(&dir, &["strong.yaml", "--fail-on", "moderate"]).status, 0);
    assert_eq!(check(&dir, &["ban.yaml", "--fail-on", "substantial"]).status, 1);
}

#[test]
fn usage_errors_exit_two() {
    let dir = Dir::new();
    dir.write("strong.yaml", STRONG);
    assert_eq!(check(&dir, &["strong.yaml", "--fail-on", "severe"]).status, 2);
    let run = common::run_in(dir.path(), &["check", "strong.yaml", "--today", "28/11/2026"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("--today must be a date written YYYY-MM-DD"), "{}", run.stderr);
}

#[test]
fn a_missing_path_is_an_error_but_other_paths_are_screened() {
    let dir = Dir::new();
    dir.write("strong.yaml", STRONG);
    let run = check(&dir, &["strong.yaml", "nowhere.yaml", "--format", "json"]);
    assert_eq!(run.status, 2);
    let json = run.json();
    assert_eq!(json["summary"]["programmes"], 1);
    assert_eq!(json["errors"][0]["file"], "nowhere.yaml");
    assert!(run.stderr.contains("nowhere.yaml: cannot read path"), "{}", run.stderr);
}

#[test]
fn folders_are_walked_for_yaml_files_only() {
    let dir = Dir::new();
    dir.write("a/strong.yml", STRONG);
    dir.write("a/notes.txt", "not a programme");
    dir.write("a/.hidden/x.yaml", "not: [valid");
    let run = check(&dir, &["a", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["programmes"][0]["file"], "a/strong.yml");
    assert_eq!(json["summary"]["programmes"], 1);
}

#[test]
fn output_is_identical_run_to_run_and_whatever_the_order_of_paths() {
    let dir = Dir::new();
    dir.write("b.yaml", STRONG);
    dir.write("a.yaml", FUEL_BAN);
    let first = check(&dir, &["b.yaml", "a.yaml", "--format", "json"]).stdout;
    let second = check(&dir, &["a.yaml", "b.yaml", "--format", "json"]).stdout;
    assert_eq!(first, second);
    let table1 = check(&dir, &[".", "--details"]).stdout;
    let table2 = check(&dir, &[".", "--details"]).stdout;
    assert_eq!(table1, table2);
    let json = common::Run { status: 0, stdout: first, stderr: String::new() }.json();
    assert_eq!(json["programmes"][0]["file"], "a.yaml");
}

#[test]
fn table_has_one_row_per_programme_with_areas_and_counts() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let run = check(&dir, &["ban.yaml"]);
    let row = run.stdout.lines().find(|l| l.contains("ML-MNK-BRD-99")).unwrap_or_default().to_string();
    assert!(row.contains("border") && row.contains("High") && row.contains("livelihoods"), "{row}");
    assert!(!run.stdout.contains('\u{1b}'), "no colour codes when NO_COLOR is set");
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let coloured = assert_cmd::Command::cargo_bin("dnh-screen")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "ban.yaml", "--color", "always"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
    let piped = assert_cmd::Command::cargo_bin("dnh-screen")
        .expect("binary")
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "ban.yaml"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'), "not a terminal: no colour");
    let run = check(&dir, &["ban.yaml", "--color", "always"]);
    assert!(!run.stdout.contains('\u{1b}'), "NO_COLOR wins over --color always");
}

#[test]
fn details_show_evidence_source_and_mitigation() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let run = check(&dir, &["ban.yaml", "--details"]);
    let out = &run.stdout;
    assert!(out.contains("LIV-001"), "{out}");
    assert!(out.contains("activities[0].kind = trade_restrictions (line 22)"), "{out}");
    assert!(out.contains("measures.alternative_livelihoods.provided = no (line 26)"), "{out}");
    assert!(out.contains("restrictive measures targeting informal/illicit trade"), "{out}");
    assert!(out.contains("what to change:"), "{out}");
    assert!(out.contains("Before approval, commission a dedicated crime-sensitivity assessment"), "{out}");
}
