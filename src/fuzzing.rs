//! Fuzz harnesses: the whole pipeline on arbitrary bytes, and the rule-condition evaluator on
//! arbitrary conditions, with the invariants each must keep. `fuzz/` drives them with
//! libFuzzer; `tests/fuzz_regressions.rs` replays every input kept under `tests/fuzz/`.
//!
//! Not a pipeline stage: it only calls the stages in the order `app` does and panics when an
//! invariant breaks (a panic is what the fuzzer reports). It must not touch files.

use crate::checklist::{self, condition::Scope as RuleScope};
use crate::evaluate::condition::{self, Scope, Texts};
use crate::evaluate::{self, Gather};
use crate::load::{self, Limits};
use crate::model::{Checklist, Date, Problem, Report, Rule, Tri};
use crate::render::{self, Lang, templates, view};
use crate::validate::reader::Sink;
use crate::{redact, score, validate};
use std::sync::OnceLock;

const FILE: &str = "fuzz.yaml";

/// The core checklist, loaded once.
fn core() -> &'static [Checklist] {
    static CORE: OnceLock<Vec<Checklist>> = OnceLock::new();
    CORE.get_or_init(|| checklist::load(&[], &Limits::default()).checklists)
}

fn today() -> Date {
    Date::parse("2026-01-15").unwrap_or_else(|| panic!("a fixed date parses"))
}

/// Every problem names the file it is about and says something.
fn check_problems(problems: &[Problem]) {
    assert!(!problems.is_empty(), "a rejected input is rejected with a reason");
    for p in problems {
        assert_eq!(p.file, FILE, "{p}");
        assert!(!p.message().trim().is_empty(), "{p:?}");
    }
}

/// Load, validate, evaluate, score and render a programme file made of `data`.
///
/// Invariants: bad input is a problem naming the file, never a panic; the summary pass
/// (`Gather::Gaps`) rates as the full pass does; the rating is the highest counting finding's;
/// JSON output parses; nothing marked sensitive survives in the JSON.
pub fn programme(data: &[u8]) {
    let limits = Limits::default();
    let node = match load::parse_bytes(data, FILE, &limits) {
        Ok(node) => node,
        Err(problem) => return check_problems(&[problem]),
    };
    let programme = match validate::programme(&node, FILE) {
        Ok(p) => p,
        Err(problems) => return check_problems(&problems),
    };
    let rules: Vec<&Rule> = core().iter().flat_map(|c| c.rules.iter()).collect();
    let texts = Texts::of(&programme);
    let judging = || score::Judging { today: today(), ignore_acceptances: false, rules: &rules, texts: &texts };
    let full = evaluate::evaluate(&programme, &texts, &rules, today(), Gather::All);
    let quick = evaluate::evaluate(&programme, &texts, &rules, today(), Gather::Gaps);
    let quick_rules: Vec<&str> = quick.iter().map(|h| h.rule.id.as_str()).collect();
    let full_rules: Vec<&str> = full.iter().map(|h| h.rule.id.as_str()).collect();
    assert_eq!(quick_rules, full_rules, "the summary pass raises what the full pass raises");
    let screening = score::screen(&programme, full, evaluate::unsupported(&programme), judging());
    let quick = score::screen(&programme, quick, Vec::new(), judging());
    assert_eq!(screening.rating, quick.rating);
    let highest = screening.counting().map(|f| f.rating).max();
    assert_eq!(highest.unwrap_or(crate::model::Rating::Low), screening.rating);

    let sensitive_names = redact::marks::collect(&node, FILE).names;
    let mut report = Report {
        tool_version: String::new(),
        checklists: core().to_vec(),
        screenings: vec![screening],
        errors: Vec::new(),
        warnings: Vec::new(),
        today: today(),
        ignore_acceptances: false,
        baseline_used: false,
        show_sensitive: false,
        sensitive_names,
        notices: Vec::new(),
    };
    let withheld = redact::Withheld::new(&report.sensitive_names);
    redact::apply(&mut report, &withheld, false);
    let json = render::json::render(&report, Lang::En);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("JSON output parses: {e}"));
    // Names long enough not to be one of the report's own words (a rating, a field name).
    let long: Vec<String> =
        report.sensitive_names.iter().filter(|n| crate::text::fold(n).len() >= 12).cloned().collect();
    let long = redact::Withheld::new(&long);
    let mut texts = Vec::new();
    strings(&parsed["programmes"], &mut texts);
    for text in texts {
        let text = text.replace(redact::PLACEHOLDER, " ");
        assert!(long.scrub(&text).is_none(), "a name marked sensitive is shown: {text:?}");
    }
    if let Err(e) = templates::render("report.md", &view::build(&report, Lang::Fr)) {
        panic!("the report renders: {e}");
    }
}

/// Every string of a JSON value (what a reader of the report sees).
pub fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Example designs conditions are evaluated against: what the rules meet in practice.
const PROGRAMMES: &[&str] = &[
    include_str!("../examples/border-menaka.yaml"),
    include_str!("../examples/ddr-mopti-reintegration.yaml"),
    include_str!("../examples/justice-bamako-specialised-court.yaml"),
    "id: EMPTY\ntitle: Nothing answered\ntype: development\n",
];

/// Parse `data` as a rule's `when` condition and evaluate it on every example.
///
/// Invariants: a condition that does not parse is rejected with a reason; the evaluator
/// without evidence (the quick pass) and with it agree; a true or unknown answer comes with evidence, each item
/// naming a field.
pub fn condition(data: &[u8]) {
    static PARSED: OnceLock<Vec<crate::model::Programme>> = OnceLock::new();
    let programmes = PARSED.get_or_init(|| {
        PROGRAMMES
            .iter()
            .filter_map(|text| load::parse_str(text, "example.yaml", &Limits::default()).ok())
            .filter_map(|node| validate::programme(&node, "example.yaml").ok())
            .collect()
    });
    assert_eq!(programmes.len(), PROGRAMMES.len(), "every example is a valid programme");
    let Ok(node) = load::parse_bytes(data, FILE, &Limits::default()) else { return };
    let mut problems = Vec::new();
    let parsed = checklist::condition::parse(&node, RuleScope::Programme, &mut Sink::new(FILE, &mut problems));
    let Some(when) = parsed else { return check_problems(&problems) };
    for programme in programmes {
        let texts = Texts::of(programme);
        let scope = Scope::programme(programme, &texts, today());
        let quick = condition::truth(&when, scope);
        let (tri, evidence) = condition::eval(&when, scope);
        assert_eq!(quick, tri, "truth and eval agree on {}", programme.id);
        if tri != Tri::False {
            for e in &evidence {
                assert!(!e.field.is_empty(), "evidence names a field: {e:?}");
            }
        }
    }
}
