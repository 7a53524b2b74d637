//! Replays the fuzz harnesses (`dnh_screen::fuzzing`) on every input kept under `tests/fuzz/`
//! (crashes and tricky cases found while fuzzing; see `scripts/fuzz.sh`), on the examples and
//! held-out designs, and on the `when` of every core rule, so that what the fuzzer once found
//! stays fixed without a nightly toolchain.

mod common;
use dnh_screen::fuzzing;
use std::path::Path;

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_kept_programme_input_passes_the_loader_harness() {
    let root = common::root();
    let mut inputs = files(&root.join("tests/fuzz/programme"));
    assert!(inputs.len() >= 4);
    inputs.extend(files(&root.join("examples")));
    inputs.extend(files(&root.join("tests/fixtures/scenarios")));
    for path in inputs {
        let data = bytes(&path);
        let outcome = std::panic::catch_unwind(|| fuzzing::programme(&data));
        assert!(outcome.is_ok(), "{} breaks the programme harness", path.display());
    }
}

#[test]
fn every_kept_condition_and_every_core_rule_condition_passes_the_evaluator_harness() {
    let root = common::root();
    let mut inputs: Vec<(String, Vec<u8>)> =
        files(&root.join("tests/fuzz/condition")).iter().map(|p| (p.display().to_string(), bytes(p))).collect();
    assert!(inputs.len() >= 4);
    for entry in std::fs::read_dir(root.join("checklists")).into_iter().flatten().flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        for rule in files(&entry.path()) {
            let text = String::from_utf8_lossy(&bytes(&rule)).into_owned();
            inputs.push((rule.display().to_string(), when_block(&text).into_bytes()));
        }
    }
    assert!(inputs.len() > 50, "the core rules' conditions are replayed too");
    for (name, data) in inputs {
        let outcome = std::panic::catch_unwind(|| fuzzing::condition(&data));
        assert!(outcome.is_ok(), "{name} breaks the condition harness");
    }
}

/// The `when:` block of a rule file, de-indented (what `scripts/fuzz.sh` seeds the corpus with).
fn when_block(rule: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in rule.lines() {
        if let Some(rest) = line.strip_prefix("when:") {
            inside = true;
            if !rest.trim().is_empty() {
                out.push_str(rest.trim());
                out.push('\n');
            }
            continue;
        }
        if inside {
            if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
                break;
            }
            out.push_str(line.strip_prefix("  ").unwrap_or(line));
            out.push('\n');
        }
    }
    out
}

/// The harness checks that no long sensitive name survives in the JSON: a design that repeats
/// one in its title passes only because the name is withheld there too.
#[test]
fn a_sensitive_name_repeated_in_the_title_passes_the_harness() {
    let design = b"id: FZ-9\ntitle: Support to Brigade Mobile de Tessit\ntype: border\npartners:\n  - { name: Brigade Mobile de Tessit, sensitive: yes, vetted: no }\n";
    fuzzing::programme(design);
    let condition = b"{ field: measures.partner_vetting, is: yes }";
    fuzzing::condition(condition);
}
