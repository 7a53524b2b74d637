//! Validate stage: a raw YAML document → a `Programme`, or every problem it has.
//!
//! Checks the document against the format description in `schema`, collecting all problems
//! with their line and column rather than stopping at the first. It must not judge the
//! design: an absent answer stays absent here, for the evaluator to treat as a gap.

mod answer;
mod derive;
pub mod reader;
mod sensitive;
pub mod suggest;
mod value;

use crate::load::{Node, NodeKind};
use crate::model::{Acceptance, Loc, Object, Problem, ProblemKind, Programme, ProgrammeType, Value};
use crate::schema;

/// Where problems go, and the file they are in. Shared by programme and rule validation.
pub struct Sink<'a> {
    pub file: &'a str,
    pub problems: &'a mut Vec<Problem>,
    /// Where warnings go (what still works but should be written otherwise); `None` drops them.
    pub warnings: Option<&'a mut Vec<Problem>>,
}

impl<'a> Sink<'a> {
    /// A sink for problems only: warnings are dropped.
    pub fn new(file: &'a str, problems: &'a mut Vec<Problem>) -> Sink<'a> {
        Sink { file, problems, warnings: None }
    }

    pub fn push(&mut self, loc: Loc, kind: ProblemKind) {
        self.problems.push(Problem::new(self.file, loc, kind));
    }

    /// A warning: the file is read as it is, and the run does not fail because of it.
    pub fn warn(&mut self, loc: Loc, kind: ProblemKind) {
        if let Some(warnings) = self.warnings.as_deref_mut() {
            warnings.push(Problem::new(self.file, loc, kind));
        }
    }
}

/// Validates one programme document read from `file`.
pub fn programme(node: &Node, file: &str) -> Result<Programme, Vec<Problem>> {
    let mut problems = Vec::new();
    let root = match &node.kind {
        NodeKind::Map(_) => value::object(node, schema::ROOT, &value::Path::Root, &mut Sink::new(file, &mut problems)),
        other => {
            problems.push(Problem::new(
                file,
                node.loc,
                ProblemKind::WrongType(format!(
                    "a programme file must be a mapping of fields (id, title, type, …); found {}",
                    other.describe()
                )),
            ));
            None
        }
    };
    match root {
        Some(root) if problems.is_empty() => Ok(build(root, node.get("id").map_or(node.loc, |n| n.loc), file)),
        _ => {
            problems.sort();
            Err(problems)
        }
    }
}

fn build(mut root: Object, id_loc: Loc, file: &str) -> Programme {
    derive::location_zones(&mut root);
    let id = root.text("id").unwrap_or_default().to_string();
    let title = root.text("title").unwrap_or_default().to_string();
    let kind = root.text("type").and_then(ProgrammeType::parse).unwrap_or(ProgrammeType::Development);
    let accepted_risks = root
        .list("accepted_risks")
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match &item.value {
            Value::Object(o) => Some(Acceptance {
                rule: o.text("rule").unwrap_or_default().to_string(),
                reason: o.text("reason").unwrap_or_default().to_string(),
                approved_by: o.text("approved_by").unwrap_or_default().to_string(),
                until: o.date("until"),
                loc: item.loc,
            }),
            _ => None,
        })
        .collect();
    Programme { file: file.to_string(), id, id_loc, loc: Loc::new(1, 1), title, kind, root, accepted_risks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, parse_str};

    #[test]
    fn every_skeleton_validates() {
        for kind in ProgrammeType::ALL {
            let text = crate::schema::skeleton::skeleton(*kind);
            let node = parse_str(&text, "new.yaml", &Limits::default());
            let programme = node.map_err(|p| vec![p]).and_then(|n| programme(&n, "new.yaml"));
            assert!(programme.as_ref().is_ok_and(|p| p.kind == *kind), "{kind}: {programme:?}\n{text}");
        }
    }

    fn check(text: &str) -> Result<Programme, Vec<Problem>> {
        match parse_str(text, "p.yaml", &Limits::default()) {
            Ok(node) => programme(&node, "p.yaml"),
            Err(p) => Err(vec![p]),
        }
    }

    fn messages(text: &str) -> Vec<String> {
        check(text).err().unwrap_or_default().iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn accepts_a_minimal_programme() {
        let p = check("id: A-1\ntitle: T\ntype: border\n");
        assert!(p.as_ref().is_ok_and(|p| p.id == "A-1" && p.kind == ProgrammeType::Border), "{p:?}");
    }

    #[test]
    fn reports_every_problem_with_positions() {
        let m = messages("id: A 1\ntype: boarder\nmeasurse:\n  x: 1\nlocation:\n  remote: maybe\n");
        assert!(m.iter().any(|m| m.starts_with("p.yaml:1:1: missing required field `title`")), "{m:?}");
        assert!(m.iter().any(|m| m.starts_with("p.yaml:1:5: `id`")), "{m:?}");
        assert!(
            m.iter().any(|m| m.contains("2:7: `type` has unknown value `boarder`; did you mean `border`?")),
            "{m:?}"
        );
        assert!(m.iter().any(|m| m.contains("3:1: unknown field `measurse`; did you mean `measures`?")), "{m:?}");
        assert!(
            m.iter()
                .any(|m| m
                    .contains("6:11: `location.remote` has unknown value `maybe`. Valid values: yes, no, unknown.")),
            "{m:?}"
        );
    }

    #[test]
    fn answers_take_booleans_and_evidence() {
        let p = check(
            "id: A\ntitle: T\ntype: ssr\nmeasures:\n  partner_vetting: { answer: yes, evidence: annex C }\n  grievance_mechanism: false\n",
        );
        let root = p.map(|p| p.root).unwrap_or_default();
        let m = root.object("measures").cloned().unwrap_or_default();
        assert_eq!(
            m.get("partner_vetting").map(|f| &f.value),
            Some(&Value::Answer { answer: crate::model::Answer::Yes, evidence: Some("annex C".into()) })
        );
        assert_eq!(
            m.get("grievance_mechanism").map(|f| &f.value),
            Some(&Value::Answer { answer: crate::model::Answer::No, evidence: None })
        );
    }
}
