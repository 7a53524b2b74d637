//! The JSON Schema for editors, `new` skeletons, the project configuration file, completions
//! and the man page.

mod common;
use common::{Dir, FUEL_BAN, STRONG, root, run_in};
use serde_json::Value;

fn schema() -> Value {
    let run = run_in(&root(), &["schema"]);
    assert_eq!(run.status, 0);
    run.json()
}

/// A YAML file as JSON, read as the YAML language server would (YAML 1.2: dates are text).
fn yaml_as_json(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_example_validates_against_the_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let validator = jsonschema::validator_for(&schema).expect("a valid draft-07 schema");
    let mut checked = 0;
    for entry in ignore::Walk::new(root().join("examples")).flatten() {
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let doc = yaml_as_json(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            let errors: Vec<String> =
                validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", entry.path().display());
            checked += 1;
        }
    }
    assert!(checked >= 8);
    let strong = yaml_as_json(STRONG);
    assert!(validator.is_valid(&strong));
}

#[test]
fn the_schema_rejects_what_check_rejects() {
    let validator = jsonschema::validator_for(&schema()).expect("schema");
    for bad in [
        "id: A\ntitle: T\ntype: boarder\n",
        "id: A\ntitle: T\ntype: ssr\nmeasurse: {}\n",
        "id: A\ntitle: T\ntype: ssr\nmeasures: { partner_vetting: maybe }\n",
        "title: T\ntype: ssr\n",
        "id: A\ntitle: T\ntype: ssr\nlocation: { countries: [Mali] }\n",
    ] {
        assert!(!validator.is_valid(&yaml_as_json(bad)), "schema accepted:\n{bad}");
    }
}

#[test]
fn new_writes_a_skeleton_that_validates_and_screens() {
    let validator = jsonschema::validator_for(&schema()).expect("schema");
    let dir = Dir::new();
    for kind in ["ssr", "ddr", "border", "counter_terrorism", "justice", "development", "governance", "reconciliation"]
    {
        let run = run_in(dir.path(), &["new", "--type", kind]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with("# yaml-language-server: $schema="), "{}", run.stdout);
        assert!(validator.is_valid(&yaml_as_json(&run.stdout)), "{kind}:\n{}", run.stdout);
        let file = format!("{kind}.yaml");
        dir.write(&file, &run.stdout);
        let screened = run_in(dir.path(), &["check", &file, "--format", "json", "--today", "2026-01-15"]);
        assert_ne!(screened.status, 2, "{kind}: {}", screened.stderr);
        let gaps = screened.json()["programmes"][0]["gaps"].as_array().map(Vec::len).unwrap_or(0);
        assert!(gaps > 0, "unknown answers are gaps, never safe");
    }
    let run = run_in(dir.path(), &["new", "--type", "border", "-o", "ssr.yaml"]);
    assert_eq!(run.status, 2, "an existing file is not overwritten");
    let run = run_in(dir.path(), &["new", "--type", "border", "-o", "fresh.yaml"]);
    assert_eq!(run.status, 0);
    assert!(dir.path().join("fresh.yaml").is_file());
}

#[test]
fn configuration_file_is_found_in_parents_and_flags_override_it() {
    let dir = Dir::new();
    dir.write("dnh-screen.yaml", "fail_on: substantial\nlang: fr\nchecklists: [house]\nignore: [\"drafts/\"]\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", "id: HOUSE-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen: { field: type, is: border }\nimpact: 1\nlikelihood: 1\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n");
    dir.write("proposals/ban.yaml", FUEL_BAN);
    dir.write("proposals/drafts/half.yaml", "id: [not finished\n");
    dir.write("proposals/.github/workflow.yaml", "on: push\n");
    let sub = dir.path().join("proposals");
    let run = run_in(&sub, &["check", ".", "--format", "json", "--today", "2026-01-15"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["summary"]["programmes"], 1, "drafts/ and .github/ are not taken for programmes");
    let fired: Vec<&str> =
        json["programmes"][0]["findings"].as_array().into_iter().flatten().filter_map(|f| f["rule"].as_str()).collect();
    assert!(fired.contains(&"HOUSE-001"), "the configuration's checklist is loaded");
    assert!(json["programmes"][0]["findings"][0]["title"].as_str().is_some_and(|t| t.contains("commerce")), "lang: fr");
    let english = run_in(&sub, &["check", ".", "--lang", "en", "--fail-on", "never", "--today", "2026-01-15"]);
    assert_eq!(english.status, 0, "--fail-on overrides the file");
    assert!(english.stdout.contains("| File"), "--lang overrides the file");
    let named = run_in(&sub, &["check", "drafts/half.yaml", "--today", "2026-01-15"]);
    assert_eq!(named.status, 2, "a file named on the command line is always read");
    let none = run_in(&sub, &["check", ".", "--no-config", "--format", "json", "--today", "2026-01-15"]);
    assert!(!none.stdout.contains("HOUSE-001"));

    let shown = run_in(&sub, &["config"]);
    assert_eq!(shown.status, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("configuration file: ../dnh-screen.yaml"), "{}", shown.stdout);
    let fail_on = shown.stdout.lines().find(|l| l.starts_with("fail_on")).unwrap_or_default().to_string();
    assert!(fail_on.contains("substantial") && fail_on.contains("../dnh-screen.yaml:1:10"), "{fail_on}");
    assert!(shown.stdout.lines().any(|l| l.starts_with("ignore") && l.contains("drafts/")), "{}", shown.stdout);
}

/// The configuration's checklist and template folders hold rules and templates, not
/// programmes: a walk of the repository passes over them, and names them only when asked.
#[test]
fn the_configurations_checklist_and_template_folders_are_not_taken_for_programmes() {
    let dir = Dir::new();
    dir.write("dnh-screen.yaml", "checklists: [house-rules/]\ntemplates: report-templates/\n");
    dir.write("house-rules/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("house-rules/livelihoods/HOUSE-001.yaml", "id: HOUSE-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen: { field: type, is: border }\nimpact: 1\nlikelihood: 1\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n");
    dir.write("house-rules/livelihoods/tests/HOUSE-001.yaml", "cases: []\n");
    dir.write("report-templates/extra.yaml", "not: a programme\n");
    dir.write("proposals/ban.yaml", FUEL_BAN);
    let run = run_in(dir.path(), &["check", "--format", "json", "--today", "2026-01-15"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("house-rules") && !run.stderr.contains("report-templates"), "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["summary"]["programmes"], 1, "{json}");
    assert!(run.stdout.contains("HOUSE-001"), "the checklist is still loaded");
    // Named on the command line, a folder is walked all the same.
    let named = run_in(dir.path(), &["check", "house-rules", "--today", "2026-01-15"]);
    assert_eq!(named.status, 2);
    assert!(named.stderr.contains("house-rules/checklist.yaml"), "{}", named.stderr);
}

#[test]
fn unknown_configuration_keys_are_errors_with_positions() {
    let dir = Dir::new();
    dir.write(".dnh-screen.yaml", "fail_on: high\nfail-on: low\nlang: de\n");
    dir.write("ban.yaml", FUEL_BAN);
    let run = run_in(dir.path(), &["check", "ban.yaml"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains(".dnh-screen.yaml:2:1: unknown field `fail-on` in `configuration`; did you mean `fail_on`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(".dnh-screen.yaml:3:7: `lang` has unknown value `de`"), "{}", run.stderr);
}

#[test]
fn git_ignored_files_are_skipped_when_walking() {
    let dir = Dir::new();
    let git = std::process::Command::new("git").arg("init").arg("-q").current_dir(dir.path()).status();
    assert!(git.is_ok_and(|s| s.success()), "git is needed for this test");
    dir.write(".gitignore", "scratch/\n");
    dir.write("ok.yaml", STRONG);
    dir.write("scratch/x.yaml", "not: [valid\n");
    let run = run_in(dir.path(), &["check", ".", "--today", "2026-01-15"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn completions_and_man_page_come_from_the_command_definitions() {
    let bash = run_in(&root(), &["completions", "bash"]);
    assert_eq!(bash.status, 0);
    assert!(bash.stdout.contains("dnh-screen") && bash.stdout.contains("--fail-on"));
    let man = run_in(&root(), &["manpage"]);
    assert_eq!(man.status, 0);
    assert!(
        man.stdout.contains(".TH dnh-screen") && man.stdout.contains("check"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
}
