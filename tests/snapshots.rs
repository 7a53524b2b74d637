//! Snapshots of every output: one fixture set (the examples, a design with a bad value, a
//! revised design for `diff`; the examples hold a valid and an expired acceptance and a partner
//! marked sensitive) through every format of every command, in English and French, on a fixed
//! day, with no configuration file. A change to the model or a template shows its effect on every output in one review:
//! `INSTA_UPDATE=always cargo test --test snapshots`, then read `git diff tests/snapshots/`
//! before committing.

mod common;
use common::{root, run_in};

/// The day acceptances are judged against: the Tombouctou example's acceptance until
/// 2027-12-31 is valid, its acceptance until 2025-06-30 has expired.
const TODAY: &str = "2026-06-01";
const BAD: &str = "tests/fixtures/snapshots/bad.yaml";
const REVISED: &str = "tests/fixtures/snapshots/border-menaka-v2.yaml";
/// The designs a report renders: acceptances (Tombouctou), a sensitive partner (Liptako), a bad value.
const REPORTED: [&str; 3] =
    ["examples/reconciliation-timbuktu-dialogue.yaml", "examples/ct-liptako-intelligence.yaml", BAD];

/// Snapshots taken by one test: every one is compared before the test fails, so a change
/// shows every output it touches in one run.
#[derive(Default)]
struct Snapshots {
    differ: Vec<String>,
}

impl Snapshots {
    fn take(&mut self, name: &str, args: &[&str]) {
        if std::panic::catch_unwind(|| snapshot(name, args)).is_err() {
            self.differ.push(name.to_string());
        }
    }
}

impl Drop for Snapshots {
    fn drop(&mut self) {
        if !self.differ.is_empty() && !std::thread::panicking() {
            panic!("{} snapshots differ: {}", self.differ.len(), self.differ.join(", "));
        }
    }
}

/// One run as a snapshot: its arguments, exit status, standard output and standard error.
fn snapshot(name: &str, args: &[&str]) {
    let run = run_in(&root(), args);
    let text = format!(
        "args: {}\nstatus: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        run.status,
        run.stdout,
        run.stderr
    );
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn check_in_every_format() {
    let mut snapshots = Snapshots::default();
    for lang in ["en", "fr"] {
        for format in ["table", "details", "json", "sarif", "junit", "github", "csv"] {
            let mut args = vec!["check", "examples", BAD, "--no-config", "--today", TODAY, "--lang", lang];
            if format == "details" {
                args.push("--details");
            } else {
                args.extend(["--format", format]);
            }
            snapshots.take(&format!("check-{format}-{lang}"), &args);
        }
    }
}

#[test]
fn report_in_every_format() {
    let mut snapshots = Snapshots::default();
    for lang in ["en", "fr"] {
        for format in ["md", "html"] {
            let mut args = vec!["report", "--no-config", "--format", format, "--today", TODAY, "--lang", lang];
            args.extend(REPORTED);
            snapshots.take(&format!("report-{format}-{lang}"), &args);
        }
    }
}

#[test]
fn portfolio_in_every_format() {
    let mut snapshots = Snapshots::default();
    for lang in ["en", "fr"] {
        for format in ["table", "md", "html", "csv", "json"] {
            let args = [
                "portfolio",
                "examples/portfolio",
                "--no-config",
                "--format",
                format,
                "--today",
                TODAY,
                "--lang",
                lang,
            ];
            snapshots.take(&format!("portfolio-{format}-{lang}"), &args);
        }
    }
}

#[test]
fn diff_in_every_format() {
    let mut snapshots = Snapshots::default();
    for lang in ["en", "fr"] {
        for format in ["table", "md", "json"] {
            let (old, new) = ("examples/border-menaka.yaml", REVISED);
            let args = ["diff", old, new, "--no-config", "--format", format, "--today", TODAY, "--lang", lang];
            snapshots.take(&format!("diff-{format}-{lang}"), &args);
        }
    }
}

#[test]
fn rules_and_explain() {
    let mut snapshots = Snapshots::default();
    for lang in ["en", "fr"] {
        for format in ["table", "json", "md"] {
            snapshots.take(
                &format!("rules-{format}-{lang}"),
                &["rules", "--format", format, "--lang", lang, "--color", "never"],
            );
        }
        snapshots.take(&format!("explain-{lang}"), &["explain", "LIV-001", "--lang", lang]);
    }
}
