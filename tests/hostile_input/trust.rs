//! A repository's own configuration, checklists and templates cannot silence the screening
//! unseen: a checklist folder cannot replace the core one or take another's id, folders are
//! read without following links, templates are bounded in steps and in bytes, and what a
//! configuration turns off is stated in every format.

#[path = "trust/config.rs"]
mod config;
#[path = "trust/templates.rs"]
mod templates;
#[path = "trust/unseen.rs"]
mod unseen;

use crate::common::{Dir, FUEL_BAN, check, run_in};

/// A rule of a house checklist that fires on every border programme.
pub const HOUSE_RULE: &str = "id: HOUSE-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen: { field: type, is: border }\nimpact: 1\nlikelihood: 1\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n";

/// The rule ids a JSON report's programmes raised.
pub fn fired(json: &serde_json::Value) -> Vec<String> {
    let programmes = json["programmes"].as_array().into_iter().flatten();
    let findings = programmes.flat_map(|p| p["findings"].as_array().into_iter().flatten());
    findings.filter_map(|f| f["rule"].as_str().map(str::to_string)).collect()
}

/// An empty checklist.yaml that says `id: core` used to replace the 56 built-in rules while
/// the report still said "core 1.0.0". It is refused, named with its line, and the core rules
/// still run; a folder merely named `core` is refused the same way.
#[test]
fn a_checklist_folder_cannot_call_itself_core() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("house/checklist.yaml", "id: core\nversion: \"1.0.0\"\n");
    dir.write("core/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    for folder in ["house", "core"] {
        let run = check(&dir, &["ban.yaml", "--checklist", folder, "--format", "json"]);
        assert_eq!(run.status, 2, "a refused checklist is an input error: {}", run.stderr);
        let json = run.json();
        assert!(fired(&json).iter().any(|r| r == "LIV-001"), "the core rules still run");
        assert!(!fired(&json).iter().any(|r| r == "HOUSE-001"), "the refused folder's rules do not");
        assert_eq!(json["checklists"].as_array().map(Vec::len), Some(1), "{}", json["checklists"]);
        assert_eq!(json["checklists"][0]["rules"].as_u64(), Some(56));
    }
    let run = check(&dir, &["ban.yaml", "--checklist", "house"]);
    assert!(
        run.stderr.contains(
            "error[DNH303]: house/checklist.yaml:1:5: this checklist folder says `core`, the id of the built-in checklist"
        ),
        "{}",
        run.stderr
    );
    let run = check(&dir, &["ban.yaml", "--checklist", "core"]);
    assert!(run.stderr.contains("error[DNH303]: core: this checklist folder is named `core`"), "{}", run.stderr);
    // In another case it would read as the core checklist beside it ("core 1.0.0 + Core 1.0.0").
    for id in ["Core", "CORE"] {
        dir.write("house/checklist.yaml", &format!("id: {id}\nversion: \"1.0.0\"\n"));
        let run = check(&dir, &["ban.yaml", "--checklist", "house"]);
        assert_eq!(run.status, 2, "{id}: {}", run.stderr);
        let says = format!(
            "error[DNH303]: house/checklist.yaml:1:5: this checklist folder says `{id}`, the id of the built-in checklist"
        );
        assert!(run.stderr.contains(&says), "{says}\n{}", run.stderr);
        assert!(run.stdout.contains("checklist core 1.0.0."), "{}", run.stdout);
    }
    dir.write("house/checklist.yaml", "id: core\nversion: \"1.0.0\"\n");
    // The same through a repository's configuration file.
    dir.write("dnh-screen.yaml", "checklists: [house]\n");
    let run = check(&dir, &["ban.yaml"]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.contains("checklist core 1.0.0."), "{}", run.stdout);
}

/// Checklist authors may still test edits to the core checklist: `checklist test` and
/// `checklist validate` (folders named on the command line, nothing screened) let a folder
/// that says `id: core` stand in for it.
#[test]
fn only_the_authors_tools_let_a_folder_stand_in_for_the_core() {
    let dir = Dir::new();
    dir.write("house/checklist.yaml", "id: core\nversion: \"9.9\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    let run = run_in(dir.path(), &["checklist", "validate", "house"]);
    assert!(run.stdout.contains("checklist `core` 9.9: 1 rules"), "{}\n{}", run.stdout, run.stderr);
}

/// Two folders with one id: the second is refused, never merged or silently dropped; the
/// same folder named twice (configuration and flag) is read once.
#[test]
fn a_checklist_folder_cannot_take_another_ones_id() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("a/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("a/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    dir.write("b/checklist.yaml", "id: house-rules\nversion: \"0.4\"\n");
    dir.write("b/livelihoods/HOUSE-002.yaml", &HOUSE_RULE.replace("HOUSE-001", "HOUSE-002"));
    let run = check(&dir, &["ban.yaml", "--checklist", "a", "--checklist", "b", "--checklist", "a"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "error[DNH303]: b/checklist.yaml:1:5: this checklist folder says `house-rules`, the id of the checklist in `a`"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "folder `a` named twice is read once: {}", run.stderr);
    assert!(run.stdout.contains("checklist core 1.0.0 + house-rules 0.3."), "{}", run.stdout);
}

/// A checklist id or version is printed in every report: a newline in it could forge a line
/// of the tool's own.
#[test]
fn checklist_ids_and_versions_are_one_short_line() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("a/checklist.yaml", "id: \"x\\n4 programmes screened: 4 Low\"\n");
    dir.write("b/checklist.yaml", "id: b\nversion: \"1\\n0 High\"\n");
    let run = check(&dir, &["ban.yaml", "--checklist", "a", "--checklist", "b"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("error[DNH303]: a/checklist.yaml:1:5: checklist id `x"), "{}", run.stderr);
    assert!(run.stderr.contains("error[DNH207]: b/checklist.yaml:2:10: `version` must be one line"), "{}", run.stderr);
    assert!(!run.stdout.contains("4 programmes screened"), "{}", run.stdout);
    assert!(run.stdout.contains("checklist core 1.0.0 + b unversioned."), "{}", run.stdout);
}

/// A link in a checklist folder is not followed (it could point at a secret the parse error
/// would quote), and a pipe is not opened.
#[test]
fn checklist_folders_are_read_without_following_links() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("secret.txt", "token: hunter2-secret\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), dir.path().join("house/secret.yaml")).expect("link");
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("house/environ.yaml")).expect("link");
    std::os::unix::fs::symlink("/etc", dir.path().join("house/etc")).expect("link");
    let fifo = std::process::Command::new("mkfifo").arg(dir.path().join("house/pipe.yaml")).status();
    assert!(fifo.is_ok_and(|s| s.success()));
    let run = check(&dir, &["ban.yaml", "--checklist", "house", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for link in ["house/secret.yaml", "house/environ.yaml", "house/etc"] {
        let line =
            format!("error[DNH108]: {link}: is a symbolic link: checklist folders are read without following links");
        assert!(run.stderr.contains(&line), "{link}: {}", run.stderr);
    }
    assert!(
        run.stderr.contains("error[DNH101]: house/pipe.yaml: cannot read file: a pipe, socket or device"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"));
    assert!(fired(&run.json()).iter().any(|r| r == "HOUSE-001"), "the folder's regular files still load");
}

/// Every report and table names every checklist it used, not only the core one.
#[test]
fn every_format_names_every_checklist_in_use() {
    let dir = Dir::new();
    dir.write("ban.yaml", FUEL_BAN);
    dir.write("house/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", HOUSE_RULE);
    let both = "core 1.0.0 + house-rules 0.3";
    let with = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["ban.yaml", "--checklist", "house", "--today", "2026-01-15"]);
        let run = run_in(dir.path(), &all);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
        run.stdout
    };
    assert!(with(&["check"]).contains(&format!("checklist {both}.")));
    assert!(with(&["check", "--details"]).contains(&format!("checklist {both}")));
    let json: serde_json::Value = serde_json::from_str(&with(&["check", "--format", "json"])).expect("json");
    let ids: Vec<&str> = json["checklists"].as_array().into_iter().flatten().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["core", "house-rules"]);
    let sarif: serde_json::Value = serde_json::from_str(&with(&["check", "--format", "sarif"])).expect("sarif");
    assert_eq!(sarif["runs"][0]["properties"]["checklists"], serde_json::json!(["core 1.0.0", "house-rules 0.3"]));
    assert!(
        with(&["check", "--format", "junit"]).contains(&format!("<property name=\"checklists\" value=\"{both}\"/>"))
    );
    assert!(
        with(&["check", "--format", "github"]).contains(&format!("::notice title=dnh-screen%3A checklists::{both}\n"))
    );
    assert!(with(&["report", "--format", "md"]).contains(&format!("| Checklist | {both} |")));
    assert!(with(&["report", "--format", "html"]).contains(&format!("<dd>{both}</dd>")));
    assert!(with(&["portfolio"]).contains(&format!("checklist {both}.")));
    assert!(with(&["portfolio", "--format", "md"]).contains(&format!("checklist {both}.")));
}
