//! Helpers for tests of the real binary on temporary folders.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A temporary folder of input files.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir { tmp: tempfile::tempdir().expect("temporary folder") }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes `text` at `relative`, creating folders.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.tmp.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }
}

/// The result of one run of the binary.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Runs `dnh-screen` with `args` in `cwd`, colour off.
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("dnh-screen")
        .expect("binary built")
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("binary runs");
    Run::from(output)
}

/// As [`run_in`], stopped after a minute: a run that waits on a pipe fails its test instead of
/// hanging the suite. (Only where a run may block: the timeout's watcher is not free.)
pub fn run_bounded(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("dnh-screen")
        .expect("binary built")
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("binary runs");
    Run::from(output)
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        let run = Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        for line in run.stderr.lines().filter(|l| l.starts_with("error")) {
            assert!(has_code(line, "error"), "an error line without its code: {line}\n{}", run.stderr);
        }
        for line in run.stderr.lines().filter(|l| l.starts_with("warning")) {
            assert!(has_code(line, "warning"), "a warning line without its code: {line}\n{}", run.stderr);
        }
        run
    }
}

/// Whether a line of `what` (`error`, `warning`) starts with its stable code: `error[DNH201]: `.
pub fn has_code(line: &str, what: &str) -> bool {
    let rest = line.strip_prefix(what).and_then(|rest| rest.strip_prefix("[DNH"));
    let Some(code) = rest.and_then(|rest| rest.get(..5)) else { return false };
    code.len() == 5 && code[..3].bytes().all(|b| b.is_ascii_digit()) && &code[3..] == "]:"
}

/// Runs `dnh-screen check --today 2026-01-15 ARGS...` in `dir`.
pub fn check(dir: &Dir, args: &[&str]) -> Run {
    let mut all = vec!["check", "--today", "2026-01-15"];
    all.extend_from_slice(args);
    run_in(dir.path(), &all)
}

/// The repository root (for examples/ and checklists/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A programme that screens Low: local analysis, vetting, oversight, feedback, livelihoods.
pub const STRONG: &str = r#"format: 1
id: ML-SIK-DEV-99
title: Market gardening cooperatives in Sikasso
type: development
summary: Supports women's market gardening cooperatives with inputs, training and access to markets.
stage: design
location:
  countries: [ML]
  regions: [Sikasso]
  border_areas: no
  remote: no
context:
  informal_economy_dependence: medium
  illicit_markets: []
  armed_groups_present: no
  state_presence: partial
  trust_in_security_forces: medium
  arms_availability: low
  corruption_risk: medium
  active_conflict: no
analysis:
  political_economy:
    done: { answer: yes, evidence: "PEA annex B" }
    date: 2025-09
    by: local
    covers: [criminal_markets, power_brokers, livelihoods, corruption, gender, cross_border]
  conflict:
    done: yes
  community_perception:
    surveys: 1
    results_shared_with_communities: { answer: yes, evidence: "restitution plan, annex D" }
partners:
  - name: Union des coopératives de Sikasso
    kind: civil_society
    role: implementing
    vetted: { answer: yes, evidence: "vetting record 2025-10" }
  - name: Association des femmes maraîchères
    kind: womens_organisation
    role: beneficiary
    vetted: { answer: yes, evidence: "vetting record 2025-10" }
activities:
  - kind: livelihoods
    description: Inputs and training for market gardening
  - kind: training
    description: Cooperative management training
measures:
  partner_vetting: { answer: yes, evidence: "Section 4.2" }
  anti_corruption: [audits, e_payments]
  civilian_oversight: { answer: yes, evidence: "community committees" }
  grievance_mechanism: { answer: yes, evidence: "hotline" }
  informant_protection: { answer: yes, evidence: "no informants used" }
  data_protection: { answer: yes, evidence: "data policy" }
  alternative_livelihoods:
    provided: { answer: yes, evidence: "component 1" }
    competitive_with_illicit_income: { answer: yes, evidence: "income study" }
  community_consultation: { answer: yes, evidence: "consultation report" }
  feedback_to_communities: { answer: yes, evidence: "quarterly meetings" }
  regional_coordination: { answer: yes, evidence: "cross-border forum" }
  disengagement_conditions: { answer: yes, evidence: "n/a" }
  crime_monitoring:
    indicators: [market prices, incidents]
    review_months: 6
  local_researchers: { answer: yes, evidence: "Université de Ségou" }
"#;

/// A border programme that bans informal trade in a remote area that lives on it, with no
/// alternative livelihood: the report's central warning.
pub const FUEL_BAN: &str = r#"format: 1
id: ML-MNK-BRD-99
title: Closing the fuel smuggling routes of Ménaka
type: border
summary: Enforces the ban on fuel imports from Niger at border crossings used by local traders.
location:
  countries: [ML]
  regions: [Ménaka]
  border_areas: yes
  remote: yes
context:
  informal_economy_dependence: high
  illicit_markets: [fuel]
  state_presence: weak
  corruption_risk: medium
partners:
  - name: Direction Générale des Douanes
    kind: security_forces
    role: beneficiary
    vetted: { answer: yes, evidence: "annex C" }
activities:
  - kind: trade_restrictions
    description: Enforce the ban on fuel imports across the border
measures:
  alternative_livelihoods:
    provided: no
"#;
