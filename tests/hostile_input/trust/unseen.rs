//! Files a walk leaves out are stated: those the repository's `.gitignore` hides, and files
//! named as a configuration file that is not the one in use.

use crate::common::{Dir, STRONG, run_in};

fn notices(dir: &Dir, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--fail-on", "never"]);
    let json = run_in(dir.path(), &all).json();
    json["notices"].as_array().into_iter().flatten().filter_map(|n| n["code"].as_str().map(str::to_string)).collect()
}

#[test]
fn files_hidden_by_gitignore_are_stated_and_strict_mode_screens_them() {
    let dir = Dir::new();
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write("props/a.yaml", STRONG);
    dir.write("props/b.yaml", &STRONG.replace("ML-SIK-DEV-99", "ML-B"));
    dir.write(".gitignore", "*.yaml\n");
    let run = run_in(dir.path(), &["check", "props"]);
    assert!(run.stdout.contains("notice: the repository's git-ignore rules (.gitignore) left out 2 programme files; 0 programme files left to screen"), "{}", run.stdout);
    assert_eq!(notices(&dir, &["check", "props"]), ["git_ignored_left_out"]);
    let fr = run_in(dir.path(), &["check", "props", "--lang", "fr"]);
    assert!(fr.stdout.contains("avis : les règles git-ignore du dépôt (.gitignore) ont écarté 2"), "{}", fr.stdout);
    let strict = run_in(dir.path(), &["check", "props", "--strict-config", "--format", "json", "--fail-on", "never"]);
    assert_eq!(strict.json()["summary"]["programmes"], 2, "{}", strict.stdout);
    assert!(!strict.stdout.contains("git_ignored_left_out"));
    dir.write(".gitignore", "b.yaml\n");
    let run = run_in(dir.path(), &["check", "props", "--fail-on", "never"]);
    assert!(run.stdout.contains("left out 1 programme file; 1 programme file left to screen"), "{}", run.stdout);
}

#[test]
fn a_file_named_as_a_configuration_but_not_in_use_is_stated() {
    let dir = Dir::new();
    dir.write("dnh-screen.yaml", "fail_on: high\n");
    dir.write("designs/a.yaml", STRONG);
    dir.write("designs/p2/dnh-screen.yaml", &STRONG.replace("ML-SIK-DEV-99", "ML-B"));
    let run = run_in(dir.path(), &["check", ".", "--fail-on", "never"]);
    let line = "notice: not screened, named as a configuration file but not the one in use: designs/p2/dnh-screen.yaml";
    assert!(run.stdout.contains(line), "{}", run.stdout);
    assert!(
        !run.stderr.contains("in use: dnh-screen.yaml") && !run.stderr.contains(", dnh-screen.yaml"),
        "{}",
        run.stderr
    );
    assert_eq!(notices(&dir, &["check", "designs"]), ["config_names_not_screened"]);
    let sarif = run_in(dir.path(), &["check", "designs", "--format", "sarif", "--fail-on", "never"]).stdout;
    assert!(sarif.contains("config_names_not_screened"), "{sarif}");
    // In strict mode the repository's configuration is not read, and not stated as a stray.
    let strict = run_in(dir.path(), &["check", ".", "--strict-config", "--fail-on", "never"]);
    assert!(strict.stdout.contains("in use: designs/p2/dnh-screen.yaml;"), "{}", strict.stdout);
}
