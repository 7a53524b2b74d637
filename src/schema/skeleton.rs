//! `dnh-screen new --type TYPE`: a commented skeleton of a programme description, generated
//! from the format's field table, that validates and screens as it stands (every answer it
//! cannot know is written `unknown`, so it screens with honest information gaps).
//!
//! Text generation only; nothing here reads or screens programmes.

use super::{FieldSpec, Kind, ROOT};
use crate::model::ProgrammeType;
use std::fmt::Write as _;

/// Activities typical of a programme type, for the skeleton's example entries.
fn typical_activities(kind: ProgrammeType) -> [(&'static str, &'static str); 2] {
    match kind {
        ProgrammeType::Ssr => {
            [("training", "Training for the units supported"), ("equipment", "Equipment for the units supported")]
        }
        ProgrammeType::Ddr => {
            [("reintegration", "Reintegration support for former combatants"), ("cash_transfers", "Reinsertion grants")]
        }
        ProgrammeType::Border => {
            [("checkpoints", "Controls at border posts"), ("equipment", "Equipment for border services")]
        }
        ProgrammeType::CounterTerrorism => [
            ("intelligence_sharing", "Intelligence sharing between services"),
            ("training", "Training for investigators"),
        ],
        ProgrammeType::Justice => {
            [("prosecution", "Support to prosecutions"), ("training", "Training for judges and prosecutors")]
        }
        ProgrammeType::Development => {
            [("livelihoods", "Support to local livelihoods"), ("infrastructure", "Works and services")]
        }
        ProgrammeType::Governance => {
            [("legal_reform", "Support to reforms"), ("training", "Training for local administrations")]
        }
        ProgrammeType::Reconciliation => [
            ("community_dialogue", "Community dialogue sessions"),
            ("awareness", "Public awareness on organised crime"),
        ],
    }
}

fn choices(kind: &Kind) -> Option<String> {
    match kind {
        Kind::Answer => Some("yes | no | unknown, or { answer: yes, evidence: \"where the design shows it\" }".into()),
        Kind::Choice(values) => Some(values.join(" | ")),
        Kind::List(inner) => choices(inner).map(|c| format!("list of: {c}")),
        _ => None,
    }
}

fn comment(spec: &FieldSpec) -> String {
    match choices(&spec.kind) {
        Some(c) => format!("  # {} {c}", spec.doc),
        None => format!("  # {}", spec.doc),
    }
}

/// The skeleton for a programme of `kind`.
pub fn skeleton(kind: ProgrammeType) -> String {
    let code = match kind {
        ProgrammeType::Ssr => "SSR",
        ProgrammeType::Ddr => "DDR",
        ProgrammeType::Border => "BRD",
        ProgrammeType::CounterTerrorism => "CT",
        ProgrammeType::Justice => "JUS",
        ProgrammeType::Development => "DEV",
        ProgrammeType::Governance => "GOV",
        ProgrammeType::Reconciliation => "REC",
    };
    let mut out = String::new();
    let _ = writeln!(out, "# yaml-language-server: $schema=programme.schema.json");
    let _ = writeln!(out, "# A dnh-screen programme description (format 1). Generate the schema with");
    let _ = writeln!(out, "# `dnh-screen schema > programme.schema.json` for your editor to check this file.");
    let _ = writeln!(out, "# Answers are yes, no or unknown. A field left out (or `unknown`) is an information gap:");
    let _ = writeln!(out, "# the screening treats the harm as possible. Replace every `unknown` you can answer,");
    let _ = writeln!(out, "# and say where the design shows a `yes`: {{ answer: yes, evidence: \"section 4.2\" }}.");
    for spec in ROOT {
        let value = match spec.name {
            "format" => "1".to_string(),
            "id" => format!("ML-XXX-{code}-01"),
            "title" => "Programme title".to_string(),
            "type" => kind.as_str().to_string(),
            "summary" => ">\n  What the programme does, where, with whom and for whom.".to_string(),
            "stage" => "design".to_string(),
            "partners" => {
                let _ = writeln!(out, "partners:{}", comment(spec));
                let _ = writeln!(out, "  - name: Partner name");
                let _ = writeln!(
                    out,
                    "    kind: government  # {}",
                    choices(&Kind::Choice(super::format1::PARTNER_KINDS)).unwrap_or_default()
                );
                let _ = writeln!(
                    out,
                    "    role: implementing  # {}",
                    choices(&Kind::Choice(super::format1::ROLES)).unwrap_or_default()
                );
                let _ = writeln!(out, "    vetted: unknown  # screened for links to criminal networks or corruption");
                let _ = writeln!(
                    out,
                    "    # armed: unknown  # its members bear arms (a vigilance committee, an escort, a militia)"
                );
                let _ = writeln!(
                    out,
                    "    # composition: unknown  # {}",
                    choices(&Kind::Choice(super::format1::COMPOSITIONS)).unwrap_or_default()
                );
                let _ = writeln!(out, "    # concerns: [\"any note of alleged links; each entry is a red flag\"]");
                continue;
            }
            "activities" => {
                let _ = writeln!(out, "activities:{}", comment(spec));
                for (activity, description) in typical_activities(kind) {
                    let _ = writeln!(out, "  - kind: {activity}\n    description: {description}");
                }
                let _ = writeln!(
                    out,
                    "    # where: [town]  # {}",
                    choices(&Kind::Choice(super::format1::PLACES)).unwrap_or_default()
                );
                let _ = writeln!(
                    out,
                    "    # supplies: []  # {}",
                    choices(&Kind::Choice(super::format1::SUPPLIES)).unwrap_or_default()
                );
                let _ =
                    writeln!(out, "    # enforces: unknown  # it bans, seizes, taxes or stops a trade or a movement");
                continue;
            }
            "accepted_risks" => {
                let _ = writeln!(out, "# accepted_risks:  # reviewed decisions to carry a flagged risk");
                let _ = writeln!(
                    out,
                    "#   - rule: LIV-001\n#     reason: Why the risk is carried\n#     approved_by: Who approved it\n#     until: 2026-12-31"
                );
                continue;
            }
            _ => {
                write_field(&mut out, spec, 0);
                continue;
            }
        };
        let _ = writeln!(
            out,
            "{}: {value}{}",
            spec.name,
            if spec.name == "summary" { String::new() } else { comment(spec) }
        );
    }
    out
}

/// One field: answers and open choices as `unknown`, objects expanded, the rest commented out.
fn write_field(out: &mut String, spec: &FieldSpec, depth: usize) {
    let pad = "  ".repeat(depth);
    match &spec.kind {
        Kind::Object(fields) => {
            let _ = writeln!(out, "{pad}{}:{}", spec.name, comment(spec));
            for f in *fields {
                write_field(out, f, depth + 1);
            }
        }
        Kind::Answer => {
            let _ = writeln!(out, "{pad}{}: unknown{}", spec.name, comment(spec));
        }
        Kind::Choice(values) if values.contains(&"unknown") => {
            let _ = writeln!(out, "{pad}{}: unknown{}", spec.name, comment(spec));
        }
        other => {
            let example = match other {
                Kind::Choice(values) => values.first().copied().unwrap_or("").to_string(),
                Kind::Integer { .. } => "12".into(),
                Kind::Number => "1000000".into(),
                Kind::Date => "2026-01-01".into(),
                Kind::Currency => "EUR".into(),
                Kind::Country => "ML".into(),
                Kind::List(inner) => match &**inner {
                    Kind::Country => "[ML]".into(),
                    Kind::Choice(values) => format!("[{}]", values.first().copied().unwrap_or("")),
                    _ => "[]".into(),
                },
                _ => "…".into(),
            };
            let _ = writeln!(out, "{pad}# {}: {example}{}", spec.name, comment(spec));
        }
    }
}
