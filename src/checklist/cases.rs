//! Rule test cases: files in a checklist's `tests/` folders, each a list of cases naming a
//! rule, a programme, and whether the rule must fire on it, fire as a gap, or stay silent.
//!
//! Part of the checklist stage: it reads and validates cases (their programmes through the
//! same validation as any programme file). Running them is the app's work; nothing here
//! evaluates rules.

use super::CaseFile;
use crate::load::{self, Limits, Node, NodeKind};
use crate::model::{Date, Loc, Problem, ProblemKind as K, Programme, Rating};
use crate::validate;
use crate::validate::reader::{self, Map, Sink};

/// What a case expects of its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A finding on stated answers.
    Fires,
    /// A finding raised because information is missing.
    Gap,
    /// No finding.
    Silent,
}

impl Expect {
    pub fn as_str(self) -> &'static str {
        match self {
            Expect::Fires => "fires",
            Expect::Gap => "gap",
            Expect::Silent => "silent",
        }
    }
}

/// One test case.
#[derive(Clone, Debug)]
pub struct Case {
    pub file: String,
    pub loc: Loc,
    pub checklist: String,
    pub rule: String,
    pub name: String,
    pub expect: Expect,
    /// The rating the finding must have, when given.
    pub rating: Option<Rating>,
    /// The day to screen on, when the case depends on it.
    pub today: Option<Date>,
    pub programme: Programme,
    /// For portfolio rules: further programmes screened beside `programme` (a `programmes:` list).
    pub others: Vec<Programme>,
    /// The programme as written in the case file, for `explain`.
    pub source: String,
}

pub const CASE_KEYS: &[&str] = &["rule", "name", "expect", "rating", "today", "programme", "programmes"];

/// Reads every case of every file; problems are returned beside the good cases.
pub fn read(files: &[&CaseFile], limits: &Limits) -> (Vec<Case>, Vec<Problem>) {
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let node = match load::parse_str(&file.text, &file.display, limits) {
            Ok(node) => node,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let NodeKind::Seq(items) = &node.kind else {
            problems.push(Problem::new(
                &file.display,
                node.loc,
                K::InvalidTestCase("a test file must be a list of cases".into()),
            ));
            continue;
        };
        for item in items {
            let mut sink = Sink::new(&file.display, &mut problems);
            if let Some(case) = read_case(item, file, &mut sink) {
                cases.push(case);
            }
        }
    }
    (cases, problems)
}

fn read_case(node: &Node, file: &CaseFile, sink: &mut Sink) -> Option<Case> {
    let map = Map::open(node, CASE_KEYS, "test case", sink)?;
    let rule = map.require("rule", sink).and_then(|n| reader::text(n, "rule", sink));
    let name = map.require("name", sink).and_then(|n| reader::text(n, "name", sink));
    let expect = map
        .require("expect", sink)
        .and_then(|n| reader::choice(n, "expect", &["fires", "gap", "silent"], parse_expect, sink));
    let rating = match map.get("rating") {
        Some(n) => Some(reader::choice(n, "rating", crate::model::Rating::NAMES, Rating::parse, sink)?),
        None => None,
    };
    let today = match map.get("today") {
        Some(n) => {
            let text = reader::text(n, "today", sink)?;
            match Date::parse(&text) {
                Some(d) if d.day.is_some() => Some(d),
                _ => {
                    sink.push(
                        n.loc,
                        K::InvalidTestCase(format!("`today` must be a date written YYYY-MM-DD; found `{text}`")),
                    );
                    return None;
                }
            }
        }
        None => None,
    };
    let nodes: Vec<&Node> = match (map.get("programme"), map.get("programmes")) {
        (Some(one), None) => vec![one],
        (None, Some(list @ Node { kind: NodeKind::Seq(items), .. })) if items.len() >= 2 => {
            let _ = list;
            items.iter().collect()
        }
        (None, Some(list)) => {
            sink.push(list.loc, K::InvalidTestCase("`programmes` must list at least two programmes".into()));
            return None;
        }
        (Some(_), Some(_)) => {
            sink.push(
                node.loc,
                K::InvalidTestCase("a test case has either `programme` or `programmes`, not both".into()),
            );
            return None;
        }
        (None, None) => {
            sink.push(
                node.loc,
                K::MissingField("missing required field `programme` (or `programmes`, for portfolio rules)".into()),
            );
            return None;
        }
    };
    let mut programmes = Vec::new();
    for n in &nodes {
        match validate::programme(n, &file.display) {
            Ok(p) => programmes.push(p),
            Err(problems) => sink.problems.extend(problems),
        }
    }
    if programmes.len() != nodes.len() {
        return None;
    }
    let programme_node = nodes[0];
    let programme = programmes.remove(0);
    Some(Case {
        file: file.display.clone(),
        loc: node.loc,
        checklist: file.checklist.clone(),
        rule: rule?,
        name: name?,
        expect: expect?,
        rating,
        today,
        programme,
        others: programmes,
        source: excerpt(&file.text, programme_node),
    })
}

fn parse_expect(text: &str) -> Option<Expect> {
    match text {
        "fires" => Some(Expect::Fires),
        "gap" => Some(Expect::Gap),
        "silent" => Some(Expect::Silent),
        _ => None,
    }
}

/// The lines of `text` a block node spans (up to the next line indented less), dedented:
/// a readable copy of a case's programme.
fn excerpt(text: &str, node: &Node) -> String {
    let indent = node.loc.column.saturating_sub(1) as usize;
    let mut out = String::new();
    for (i, line) in text.lines().skip((node.loc.line as usize).saturating_sub(1)).enumerate() {
        let leading = line.len() - line.trim_start().len();
        if i > 0 && !line.trim().is_empty() && leading < indent {
            break;
        }
        let cut = if i == 0 { indent } else { leading.min(indent) };
        out.push_str(line.get(cut..).unwrap_or(line.trim_start()));
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
