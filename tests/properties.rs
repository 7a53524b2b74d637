//! Properties of the scoring, over designs generated from the format's own schema:
//! - claiming a safeguard (`no` → `yes`) never raises a programme's rating;
//! - filling a gap (absent or `unknown`) with a safe answer never raises it;
//! - the output is the same bytes whatever the order of the input files.
//!
//! A design is built from a tape of choices (one byte per decision, 0 meaning "absent" or
//! "the first value"), so a failing case shrinks towards the smallest design that fails.

mod common;
use dnh_screen::checklist;
use dnh_screen::evaluate::{self, Gather, condition::Texts};
use dnh_screen::load::{self, Limits};
use dnh_screen::model::{Checklist, Date, ProgrammeType, Rating, Rule, RuleKind};
use dnh_screen::schema::{self, FieldSpec, Kind};
use dnh_screen::{score, validate};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// Texts that the rules' `mentions` tests look for, and some they do not.
const TEXTS: &[&str] = &[
    "Enforce the ban on fuel imports across the border",
    "Vehicles and radios for mobile brigades",
    "Cash for former combatants and their commanders",
    "Community dialogue on trafficking and banditry",
    "Disarmament and weapons collection",
    "Support to the national anti-corruption office",
    "Public finance and procurement for communes",
    "Road repairs",
];
const DATES: &[&str] = &["2019-03", "2024-06-01", "2025-12", "2026-01-10"];

struct Tape<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Tape<'_> {
    fn next(&mut self) -> usize {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        usize::from(b)
    }

    fn pick<'v>(&mut self, values: &[&'v str]) -> &'v str {
        values[self.next() % values.len()]
    }
}

/// A design drawn from the tape: every field of the format, optional ones sometimes absent.
fn design(tape: &mut Tape, id: &str) -> Value {
    let mut root = object(schema::ROOT, tape);
    root.insert("id".into(), json!(id));
    root.insert("type".into(), json!(tape.pick(ProgrammeType::NAMES)));
    root.remove("accepted_risks");
    root.remove("format");
    Value::Object(root)
}

fn object(fields: &'static [FieldSpec], tape: &mut Tape) -> Map<String, Value> {
    let mut out = Map::new();
    for f in fields {
        if !f.required && tape.next().is_multiple_of(3) {
            continue;
        }
        out.insert(f.name.into(), value(&f.kind, tape));
    }
    out
}

fn value(kind: &'static Kind, tape: &mut Tape) -> Value {
    match kind {
        Kind::Answer => json!(tape.pick(&["no", "yes", "unknown"])),
        Kind::Choice(values) => json!(tape.pick(values)),
        Kind::Text => json!(tape.pick(TEXTS)),
        Kind::Id => json!("P-1"),
        Kind::Integer { min, max } => json!(min + (tape.next() as i64) % (max - min + 1).min(30)),
        Kind::Number => json!(tape.next() * 1000),
        Kind::Date => json!(tape.pick(DATES)),
        Kind::Currency => json!(tape.pick(&["EUR", "XOF"])),
        Kind::Country => json!(tape.pick(&["ML", "NE", "BF"])),
        Kind::Format => json!(1),
        Kind::List(inner) => {
            let n = tape.next() % 4;
            Value::Array((0..n).map(|_| value(inner, tape)).collect())
        }
        Kind::Object(fields) => Value::Object(object(fields, tape)),
    }
}

fn core() -> &'static [Checklist] {
    static CORE: OnceLock<Vec<Checklist>> = OnceLock::new();
    CORE.get_or_init(|| checklist::load(&[], &Limits::default()).checklists)
}

/// The rating of a design, through the library's own stages.
///
/// Contradiction checks are left out: they exist to flag a stated answer that disagrees with
/// another (`political_economy.done: no` beside a list of what it covers), so a claim written
/// beside its opposite raises them on purpose; the properties are about the risk rules.
fn rating(design: &Value) -> Rating {
    let text = design.to_string();
    let node = load::parse_str(&text, "p.yaml", &Limits::default()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let programme =
        validate::programme(&node, "p.yaml").unwrap_or_else(|e| panic!("generated design invalid: {e:?}\n{text}"));
    let rules: Vec<&Rule> =
        core().iter().flat_map(|c| c.rules.iter()).filter(|r| r.kind() != RuleKind::Contradiction).collect();
    let today = Date::parse("2026-01-15").expect("date");
    let texts = Texts::of(&programme);
    let hits = evaluate::evaluate(&programme, &texts, &rules, today, Gather::All);
    let judging = score::Judging { today, ignore_acceptances: false, rules: &rules, texts: &texts };
    score::screen(&programme, hits, Vec::new(), judging).rating
}

/// Every place in the design where `spec` holds, as (path, value, field spec); list items are
/// visited too.
fn places<'d>(
    v: &'d Value,
    fields: &'static [FieldSpec],
    path: &mut Vec<PathPart>,
    out: &mut Vec<(Vec<PathPart>, Option<&'d Value>, &'static FieldSpec)>,
) {
    for f in fields {
        path.push(PathPart::Key(f.name));
        let here = v.get(f.name);
        out.push((path.clone(), here, f));
        match (&f.kind, here) {
            // Below an absent object too: its fields are gaps as well.
            (Kind::Object(inner), child) => places(child.unwrap_or(&Value::Null), inner, path, out),
            (Kind::List(Kind::Object(inner)), Some(Value::Array(items))) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(PathPart::Index(i));
                    places(item, inner, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
        path.pop();
    }
}

#[derive(Clone, Debug)]
enum PathPart {
    Key(&'static str),
    Index(usize),
}

/// The design with `value` written at `path` (parents made as needed).
fn with(design: &Value, path: &[PathPart], value: Value) -> Value {
    let mut out = design.clone();
    let mut at = &mut out;
    for (i, part) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        at = match part {
            PathPart::Key(k) => {
                let Value::Object(map) = at else { panic!("not an object at {path:?}") };
                if last {
                    map.insert((*k).into(), value);
                    return out;
                }
                map.entry(*k).or_insert_with(|| json!({}))
            }
            PathPart::Index(n) => &mut at[*n],
        };
    }
    out
}

fn dotted(path: &[PathPart]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|p| match p {
            PathPart::Key(k) => (*k).to_string(),
            PathPart::Index(i) => format!("[{i}]"),
        })
        .collect();
    parts.join(".").replace(".[", "[")
}

/// The safe answer to a question, where one is clear: what lowers the risk the question asks
/// about. `None` for questions with no safe side (a partner's kind, who did the analysis).
fn safe_answer(path: &str, spec: &FieldSpec) -> Option<Value> {
    let safe = match path.rsplit('.').next().unwrap_or(path) {
        "informal_economy_dependence" | "arms_availability" | "corruption_risk" => json!("low"),
        "illicit_markets" => json!([]),
        "armed_groups_present" => json!("no"),
        "state_presence" => json!("strong"),
        "trust_in_security_forces" => json!("high"),
        "border_areas" | "remote" => json!("no"),
        "date" if path.starts_with("analysis.") => json!("2026-01"),
        "covers" => json!(schema::find(schema::ROOT, "analysis.political_economy.covers").map_or(json!([]), |f| {
            match f.kind {
                Kind::List(Kind::Choice(values)) => json!(values),
                _ => json!([]),
            }
        })),
        "anti_corruption" => json!(["asset_declarations", "audits", "cash_controls", "whistleblowing", "e_payments"]),
        "indicators" => json!(["fuel prices at the border", "seizures by route"]),
        // Re-screened every month: never longer than the programme.
        "review_months" => json!(1),
        _ if spec.safeguard => json!("yes"),
        _ => return None,
    };
    Some(safe)
}

fn tape() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..400)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn claiming_a_safeguard_never_raises_the_rating(bytes in tape()) {
        let d = design(&mut Tape { bytes: &bytes, at: 0 }, "P-1");
        let before = rating(&d);
        let mut all = Vec::new();
        places(&d, schema::ROOT, &mut Vec::new(), &mut all);
        for (path, value, spec) in all {
            if !spec.safeguard || value != Some(&json!("no")) {
                continue;
            }
            let after = rating(&with(&d, &path, json!("yes")));
            prop_assert!(after <= before, "{} no → yes raised {before:?} to {after:?}\n{d}", dotted(&path));
        }
    }

    #[test]
    fn filling_a_gap_with_a_safe_answer_never_raises_the_rating(bytes in tape()) {
        let d = design(&mut Tape { bytes: &bytes, at: 0 }, "P-1");
        let before = rating(&d);
        let mut all = Vec::new();
        places(&d, schema::ROOT, &mut Vec::new(), &mut all);
        for (path, value, spec) in all {
            let gap = value.is_none() || value == Some(&json!("unknown"));
            let Some(safe) = safe_answer(&dotted(&path), spec) else { continue };
            if !gap || spec.question.is_none() {
                continue;
            }
            let after = rating(&with(&d, &path, safe.clone()));
            prop_assert!(after <= before, "{} gap → {safe} raised {before:?} to {after:?}\n{d}", dotted(&path));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Three to five designs, given on the command line in two orders (and a third as a
    /// folder): the same bytes for `check` and `portfolio`.
    #[test]
    fn output_is_the_same_for_any_order_of_input_files(bytes in tape(), n in 3usize..6, turn in 1usize..5) {
        let dir = common::Dir::new();
        let mut tape = Tape { bytes: &bytes, at: 0 };
        let mut files = Vec::new();
        for i in 0..n {
            let name = format!("d{}.yaml", (i * 7) % n);
            dir.write(&name, &design(&mut tape, &format!("P-{i}")).to_string());
            files.push(name);
        }
        let mut turned = files.clone();
        turned.rotate_left(turn % n);
        turned.reverse();
        for command in [&["check", "--format", "json"][..], &["portfolio", "--format", "json"][..]] {
            let run = |paths: &[String]| {
                let mut args: Vec<&str> = command.to_vec();
                args.extend(["--today", "2026-01-15"]);
                args.extend(paths.iter().map(String::as_str));
                common::run_in(dir.path(), &args).stdout
            };
            let first = run(&files);
            prop_assert!(first.starts_with('{'), "{first}");
            prop_assert_eq!(&first, &run(&turned));
        }
    }
}
