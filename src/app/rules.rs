//! `dnh-screen rules` and `dnh-screen explain`: the checklist for people who read it.
//!
//! Orchestration only: load the checklists and their cases, filter, pass to the renderers.

use super::{Outcome, use_color};
use crate::checklist::{self, cases};
use crate::cli::{ExplainArgs, RulesArgs, RulesFormat};
use crate::load::Limits;
use crate::model::{Problem, ProblemKind, Rule};
use crate::render::{self, Style};

/// The loaded rules, their cases (for examples) and any problem found loading them.
fn load(dirs: &[std::path::PathBuf]) -> (checklist::Loaded, Vec<cases::Case>, Vec<Problem>) {
    let limits = Limits::default();
    let loaded = checklist::load(dirs, &limits);
    let files: Vec<&checklist::CaseFile> = loaded.case_files.iter().collect();
    let (cases, mut problems) = cases::read(&files, &limits);
    problems.extend(loaded.problems.iter().cloned());
    problems.sort();
    (loaded, cases, problems)
}

fn stderr(problems: &[Problem], loaded: &checklist::Loaded) -> Vec<String> {
    let errors = problems.iter().map(|p| p.error_line());
    errors.chain(loaded.warnings.iter().map(|w| w.warning_line())).collect()
}

/// `dnh-screen rules`.
pub fn rules(args: &RulesArgs) -> Outcome {
    let (loaded, cases, problems) = load(&args.checklists);
    let rules: Vec<&Rule> = loaded
        .checklists
        .iter()
        .flat_map(|c| c.rules.iter())
        .filter(|r| args.area.is_none_or(|a| r.risk_area == a.into()))
        .filter(|r| args.r#type.is_none_or(|t| r.applies_to(t.into())))
        .collect();
    let stdout = match args.format {
        RulesFormat::Table => {
            let style = Style { color: use_color(args.color), details: false, lang: args.lang };
            render::rules::table(&rules, style)
        }
        RulesFormat::Json => render::rules::json(&rules, &cases, args.lang),
        RulesFormat::Md => {
            let view = render::rules::view(&loaded.checklists, &rules, &cases, args.lang);
            match render::rules::markdown("checklist.md", &view) {
                Ok(text) => text,
                Err(e) => return Outcome { stdout: String::new(), stderr: vec![super::error_line(e)], status: 2 },
            }
        }
    };
    Outcome { stdout, stderr: stderr(&problems, &loaded), status: if problems.is_empty() { 0 } else { 2 } }
}

/// `dnh-screen explain ID`.
pub fn explain(args: &ExplainArgs) -> Outcome {
    let (loaded, cases, problems) = load(&args.checklists);
    let all: Vec<&Rule> = loaded.checklists.iter().flat_map(|c| c.rules.iter()).collect();
    let wanted = args.id.to_uppercase();
    let Some(rule) = all.iter().find(|r| r.id == wanted) else {
        let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        let hint = crate::text::did_you_mean(&wanted, ids.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_else(|| "; `dnh-screen rules` lists them".to_string());
        return Outcome {
            stdout: String::new(),
            stderr: vec![super::error_line(ProblemKind::UnknownRule(format!("no rule `{}`{hint}", args.id)))],
            status: 2,
        };
    };
    #[derive(serde::Serialize)]
    struct Context {
        r: render::rules::RuleView,
        t: std::collections::BTreeMap<&'static str, &'static str>,
    }
    let context = Context { r: render::rules::rule_view(rule, &cases, args.lang), t: render::i18n::labels(args.lang) };
    match render::rules::markdown("explain.md", &context) {
        Ok(stdout) => {
            Outcome { stdout, stderr: stderr(&problems, &loaded), status: if problems.is_empty() { 0 } else { 2 } }
        }
        Err(e) => Outcome { stdout: String::new(), stderr: vec![super::error_line(e)], status: 2 },
    }
}
