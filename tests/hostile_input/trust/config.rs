//! What a repository's configuration turns off is stated in every format (`fail_on: never`,
//! `ignore` patterns that leave files out, a baseline that knows every finding), its paths
//! stay inside the repository, and strict mode (for untrusted pull requests) reads none of it.

use super::{HOUSE_RULE, fired};
use crate::common::{Dir, FUEL_BAN, check};
use assert_cmd::Command;

/// The notice lines of every format of `check` (the table's stdout, the others' stdout and
/// stderr), for a look at each.
fn every_format(dir: &Dir, args: &[&str]) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    for format in ["table", "json", "sarif", "junit", "github", "csv"] {
        let mut all = args.to_vec();
        all.extend(["--format", format]);
        let run = check(dir, &all);
        out.push((format, run.stdout, run.stderr));
    }
    out
}

/// `fail_on: never` in a repository's configuration turned CI green whatever the findings,
/// and said nothing. It is stated in every format, in English and French; the same value
/// given as a flag by whoever runs the tool is not a notice.
#[test]
fn fail_on_never_from_a_configuration_is_stated_in_every_format() {
    let dir = Dir::new();
    dir.write("dnh-screen.yaml", "fail_on: never\n");
    dir.write("ban.yaml", FUEL_BAN);
    let said = "`fail_on: never` is set by dnh-screen.yaml:1:10: no rating makes this run fail";
    for (format, stdout, stderr) in every_format(&dir, &["ban.yaml"]) {
        match format {
            "table" => assert!(stdout.contains(&format!("\nnotice: {said}\n")), "{stdout}"),
            "csv" => assert!(stderr.contains(&format!("notice: {said}")), "{stderr}"),
            "json" => {
                let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
                assert_eq!(json["notices"][0]["code"], "fail_on_never");
                assert_eq!(json["notices"][0]["message"], said);
                assert_eq!(json["notices"][0]["file"], "dnh-screen.yaml");
                assert_eq!(json["notices"][0]["line"], 1);
            }
            "sarif" => {
                let json: serde_json::Value = serde_json::from_str(&stdout).expect("sarif");
                let schema = std::fs::read_to_string(
                    crate::common::root().join("tests/fixtures/schemas/sarif-schema-2.1.0.json"),
                );
                let schema: serde_json::Value = serde_json::from_str(&schema.expect("schema")).expect("schema is JSON");
                let validator = jsonschema::validator_for(&schema).expect("schema compiles");
                assert!(validator.iter_errors(&json).next().is_none(), "valid SARIF with its notices");
                let run = &json["runs"][0];
                assert_eq!(run["properties"]["notices"]["fail_on_never"], said);
                let note = &run["invocations"][0]["toolExecutionNotifications"][0];
                assert_eq!(note["level"], "warning");
                assert_eq!(note["message"]["text"], said);
                assert_eq!(note["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
            }
            "junit" => assert!(
                stdout.contains(&format!("<property name=\"notice.fail_on_never\" value=\"{said}\"/>")),
                "{stdout}"
            ),
            "github" => assert!(
                stdout.contains(&format!(
                    "::warning file=dnh-screen.yaml,line=1,col=10,title=dnh-screen%3A notice::{said}\n"
                )),
                "{stdout}"
            ),
            _ => unreachable!(),
        }
        if format != "table" && format != "csv" {
            assert!(stderr.contains(&format!("notice: {said}")), "{format} also on standard error: {stderr}");
        }
    }
    let french = check(&dir, &["ban.yaml", "--lang", "fr"]);
    assert!(
        french.stdout.contains(
            "avis : `fail_on: never` est fixé par dnh-screen.yaml:1:10 : aucune note ne fait échouer cette exécution"
        ),
        "{}",
        french.stdout
    );
    let flag = check(&dir, &["ban.yaml", "--no-config", "--fail-on", "never", "--format", "json"]);
    assert_eq!(flag.status, 0);
    assert!(flag.json().get("notices").is_none(), "a run with nothing to state has no `notices` field");
}

/// `ignore: ["*.yaml"]` left nothing to screen and the run passed, silently. Now it says so
/// (and says how many files partial patterns leave out), even when no programme remains.
#[test]
fn ignore_patterns_that_leave_out_files_are_stated() {
    let dir = Dir::new();
    dir.write("proposals/ban.yaml", FUEL_BAN);
    dir.write("proposals/more/ban2.yaml", &FUEL_BAN.replace("ML-MNK-BRD-99", "ML-MNK-BRD-98"));
    dir.write("dnh-screen.yaml", "ignore: [\"*.yaml\"]\n");
    let all = "the `ignore` patterns of dnh-screen.yaml left out every programme file found (2 programme files): nothing was screened";
    for (format, stdout, stderr) in every_format(&dir, &["proposals"]) {
        let text = format!("{stdout}{stderr}");
        assert!(text.contains(all), "{format}: {text}");
    }
    let junit = check(&dir, &["proposals", "--format", "junit"]).stdout;
    assert!(junit.contains("<testsuite name=\"dnh-screen\"") && junit.contains("notice.ignore_left_out"), "{junit}");
    let table = check(&dir, &["proposals"]);
    assert_eq!(table.status, 0);
    assert!(table.stdout.starts_with("No programme files found.\nnotice: "), "{}", table.stdout);
    dir.write("dnh-screen.yaml", "ignore: [more/]\n");
    let some = check(&dir, &["proposals", "--fail-on", "never"]);
    let said =
        "notice: the `ignore` patterns of dnh-screen.yaml left out 1 programme file; 1 programme file left to screen";
    assert!(some.stdout.contains(said), "{}", some.stdout);
    dir.write("dnh-screen.yaml", "ignore: [drafts/]\n");
    let none = check(&dir, &["proposals", "--fail-on", "never"]);
    assert!(!none.stdout.contains("notice"), "patterns that leave nothing out are not a notice: {}", none.stdout);
}

/// A baseline that knows every finding means no finding can fail the run: stated.
#[test]
fn a_baseline_that_covers_every_finding_is_stated() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    let written = check(&dir, &["ban.yaml", "--write-baseline", "known.json"]);
    assert_eq!(written.status, 1, "{}", written.stderr);
    dir.write("dnh-screen.yaml", "baseline: known.json\n");
    let run = check(&dir, &["ban.yaml"]);
    assert_eq!(run.status, 0);
    let said = "notice: the baseline known.json (set by dnh-screen.yaml:1:11) marks all";
    assert!(
        run.stdout.contains(said) && run.stdout.contains("findings as known: none counts towards fail_on"),
        "{}",
        run.stdout
    );
    let json = check(&dir, &["ban.yaml", "--format", "json"]).json();
    assert_eq!(json["notices"][0]["code"], "baseline_covers_all");
    // A design with a new finding is not covered: no notice.
    dir.write("ban.yaml", &FUEL_BAN.replace("vetted: { answer: yes, evidence: \"annex C\" }", "vetted: no"));
    let run = check(&dir, &["ban.yaml"]);
    assert!(!run.stdout.contains("notice"), "{}", run.stdout);
}

/// A repository's configuration names paths inside the repository only.
#[test]
fn configuration_paths_stay_inside_its_folder() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    std::os::unix::fs::symlink("/etc", dir.path().join("out")).expect("link");
    dir.write("dnh-screen.yaml", "baseline: /etc/passwd\nchecklists: [../rules]\ntemplates: out\n");
    let run = check(&dir, &["ban.yaml"]);
    assert_eq!(run.status, 2);
    for (at, why) in [
        ("dnh-screen.yaml:1:11: `baseline`", "`/etc/passwd` is an absolute path"),
        ("dnh-screen.yaml:2:14: `checklists`", "`../rules` leads out of it through `..`"),
        ("dnh-screen.yaml:3:12: `templates`", "`out` leads out of it through a symbolic link"),
    ] {
        let line = format!("error[DNH501]: {at} must name a path inside the configuration file's folder; {why}");
        assert!(run.stderr.contains(&line), "{line}\n{}", run.stderr);
    }
}

/// Everything a hostile pull request can put in dnh-screen.yaml at once, and what strict mode
/// makes of it: none of it is read, the screening runs as if there were no file, and the
/// output says which file was not read. The flag and the environment variable are the same.
#[test]
fn strict_mode_reads_no_repository_configuration() {
    let dir = Dir::new();
    let git = std::process::Command::new("git").arg("init").arg("-q").current_dir(dir.path()).status();
    assert!(git.is_ok_and(|s| s.success()), "git is needed for this test");
    dir.write("proposals/ban.yaml", FUEL_BAN);
    dir.write("proposals/hidden-by-git/ban2.yaml", &FUEL_BAN.replace("ML-MNK-BRD-99", "ML-MNK-BRD-98"));
    dir.write(".gitignore", "hidden-by-git/\n");
    dir.write("house/checklist.yaml", "id: house\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    dir.write("tpl/report.md", "{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}");
    dir.write("known.json", "{\"baseline_version\": 1, \"tool\": \"x\", \"findings\": []}\n");
    dir.write(
        "dnh-screen.yaml",
        "fail_on: never\nlang: fr\nchecklists: [house]\ntemplates: tpl\nbaseline: known.json\nignore: [\"*.yaml\"]\n",
    );
    let lax = check(&dir, &["proposals", "--format", "json"]);
    assert_eq!(lax.status, 0, "the configuration silences the run: {}", lax.stderr);
    let strict_flag = check(&dir, &["proposals", "--format", "json", "--strict-config"]);
    let strict_env = Command::cargo_bin("dnh-screen")
        .expect("binary")
        .current_dir(dir.path())
        .env("DNH_SCREEN_NO_REPO_CONFIG", "1")
        .args(["check", "proposals", "--format", "json", "--today", "2026-01-15"])
        .output()
        .expect("runs");
    assert_eq!(strict_env.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&strict_env.stdout), strict_flag.stdout, "flag and environment agree");
    assert_eq!(strict_flag.status, 1, "fail_on is the default, high: {}", strict_flag.stderr);
    let json = strict_flag.json();
    assert_eq!(json["summary"]["programmes"], 2, "no ignore patterns, and git's ignore rules do not hide files");
    let rules = fired(&json);
    assert!(rules.iter().any(|r| r == "LIV-001") && !rules.iter().any(|r| r == "HOUSE-001"), "{rules:?}");
    assert_eq!(json["baseline"], false);
    assert!(
        json["programmes"][0]["findings"][0]["title"].as_str().is_some_and(|t| !t.contains("commerce")),
        "lang: en"
    );
    assert_eq!(json["notices"][0]["code"], "repository_config_not_read");
    assert!(
        json["notices"][0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("strict mode: dnh-screen.yaml was not read"))
    );
    let table = check(&dir, &["proposals", "--strict-config", "--fail-on", "never"]);
    let report_args = ["report", "proposals", "--format", "md", "--strict-config", "--today", "2026-01-15"];
    let rendered = crate::common::run_in(dir.path(), &report_args);
    assert_eq!(rendered.status, 0, "the configuration's templates are not read: {}", rendered.stderr);
    assert!(rendered.stderr.contains("notice: strict mode: dnh-screen.yaml was not read"), "{}", rendered.stderr);
    assert!(table.stdout.contains("notice: strict mode"), "{}", table.stdout);
    let shown = crate::common::run_in(dir.path(), &["config", "--strict-config"]);
    assert!(
        shown.stdout.contains("configuration file: none\nnot read (strict mode): dnh-screen.yaml\n"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.lines().any(|l| l.starts_with("strict") && l.contains("--strict-config")), "{}", shown.stdout);
    let bad = Command::cargo_bin("dnh-screen")
        .expect("binary")
        .current_dir(dir.path())
        .env("DNH_SCREEN_NO_REPO_CONFIG", "yes")
        .args(["check", "proposals"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("error[DNH501]: DNH_SCREEN_NO_REPO_CONFIG: must be 1 (strict) or 0; found `yes`")
    );
}
