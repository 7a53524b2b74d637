//! `dnh-screen checklist validate` and `dnh-screen checklist test`: tools for checklist
//! authors, on their folders or on the built-in core checklist.
//!
//! Orchestration only: loading and checking are the checklist stage's; running cases is
//! `cases`. Output is plain text, one line per problem or case.

use super::{Outcome, resolve_today, run_cases};
use crate::checklist::{self, cases};
use crate::cli::ChecklistArgs;
use crate::load::Limits;
use crate::model::{Problem, ProblemKind, Rule};
use std::collections::BTreeSet;

/// What loading the folders gave: rules, cases, problems, and the checklists under test.
struct Loaded {
    inner: checklist::Loaded,
    cases: Vec<cases::Case>,
    problems: Vec<Problem>,
    /// Ids of the checklists being validated or tested (the folders given, or the core).
    tested: Vec<String>,
}

fn load(args: &ChecklistArgs) -> Loaded {
    let limits = Limits::default();
    let inner = checklist::load_with(&args.dirs, &limits, checklist::Core::Replaceable);
    let tested: Vec<String> = if args.dirs.is_empty() {
        vec!["core".to_string()]
    } else {
        let skip = usize::from(inner.built_in_core);
        inner.checklists.iter().skip(skip).map(|c| c.id.clone()).collect()
    };
    let own: Vec<&checklist::CaseFile> = inner.case_files.iter().filter(|f| tested.contains(&f.checklist)).collect();
    let (cases, mut problems) = cases::read(&own, &limits);
    problems.extend(inner.problems.iter().cloned());
    let known: BTreeSet<&str> = inner.checklists.iter().flat_map(|c| c.rules.iter()).map(|r| r.id.as_str()).collect();
    for case in &cases {
        if !known.contains(case.rule.as_str()) {
            let message = format!("test case names unknown rule `{}`", case.rule);
            problems.push(Problem::new(&case.file, case.loc, ProblemKind::UnknownRule(message)));
        }
    }
    problems.sort();
    Loaded { inner, cases, problems, tested }
}

/// Every problem, then every warning, one line each.
fn stderr(loaded: &Loaded) -> Vec<String> {
    let errors = loaded.problems.iter().map(|p| p.error_line());
    errors.chain(loaded.inner.warnings.iter().map(|w| w.warning_line())).collect()
}

fn tested_rules(loaded: &Loaded) -> Vec<&Rule> {
    loaded.inner.checklists.iter().filter(|c| loaded.tested.contains(&c.id)).flat_map(|c| c.rules.iter()).collect()
}

/// Rules that lack a case on which they fire (or fire as a gap), or one on which they do not.
fn coverage(loaded: &Loaded) -> Vec<String> {
    let mut lines = Vec::new();
    for rule in tested_rules(loaded) {
        let mine = || loaded.cases.iter().filter(|c| c.rule == rule.id);
        let fires = mine().any(|c| c.expect != cases::Expect::Silent);
        let silent = mine().any(|c| c.expect == cases::Expect::Silent);
        match (fires, silent) {
            (true, true) => {}
            (false, true) => lines.push(format!("{}: no case on which it fires", rule.id)),
            (true, false) => lines.push(format!("{}: no case on which it stays silent", rule.id)),
            (false, false) => lines.push(format!("{}: no test cases", rule.id)),
        }
    }
    lines
}

/// `dnh-screen checklist validate DIR...`
pub fn checklist_validate(args: &ChecklistArgs) -> Outcome {
    let loaded = load(args);
    let mut stdout = String::new();
    for c in loaded.inner.checklists.iter().filter(|c| loaded.tested.contains(&c.id)) {
        let n = loaded.cases.iter().filter(|k| k.checklist == c.id).count();
        stdout.push_str(&format!("checklist `{}` {}: {} rules, {} test cases\n", c.id, c.version, c.rules.len(), n));
    }
    for line in coverage(&loaded) {
        stdout.push_str(&format!("note: {line}\n"));
    }
    if loaded.problems.is_empty() {
        stdout.push_str("no problems found\n");
    }
    Outcome { stdout, stderr: stderr(&loaded), status: if loaded.problems.is_empty() { 0 } else { 2 } }
}

/// `dnh-screen checklist test [DIR...]`
pub fn checklist_test(args: &ChecklistArgs) -> Outcome {
    let today = match resolve_today(args.today.as_deref()) {
        Ok(d) => d,
        Err(message) => return super::usage_error(message),
    };
    let loaded = load(args);
    let rules: Vec<&Rule> = loaded.inner.checklists.iter().flat_map(|c| c.rules.iter()).collect();
    let outcomes = run_cases(&loaded.cases, &rules, today);
    let mut stdout = String::new();
    for o in &outcomes {
        let c = o.case;
        let verdict = if o.passed { "ok  " } else { "FAIL" };
        stdout.push_str(&format!(
            "{verdict} {} {}: {} ({}:{})\n",
            c.rule,
            c.expect.as_str(),
            c.name,
            c.file,
            c.loc.line
        ));
        if !o.passed {
            let rating = c.rating.map(|r| format!(", rated {r}")).unwrap_or_default();
            stdout.push_str(&format!("     expected: {}{rating}; got: {}\n", c.expect.as_str(), o.got));
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let uncovered = coverage(&loaded);
    for line in &uncovered {
        stdout.push_str(&format!("note: {line}\n"));
    }
    stdout.push_str(&format!(
        "{} rules, {} cases: {} passed, {failed} failed\n",
        tested_rules(&loaded).len(),
        outcomes.len(),
        outcomes.len() - failed
    ));
    let status = if !loaded.problems.is_empty() { 2 } else { u8::from(failed > 0) };
    Outcome { stdout, stderr: stderr(&loaded), status }
}
