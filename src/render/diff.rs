//! `dnh-screen diff OLD NEW`: what changed between two versions of a design, as text (the
//! terminal), Markdown or JSON. Findings are matched by rule and field path, never by line.
//!
//! Part of the render stage: it compares two finished screenings and words the changes; it
//! must not screen anything itself.

use super::Lang;
use super::i18n::{self, Label};
use crate::model::{Rating, Report, Screening};
use crate::schema;
use serde::Serialize;

#[derive(Serialize)]
pub struct DiffView {
    pub diff_version: u32,
    pub old: Side,
    pub new: Side,
    pub resolved: Vec<Change>,
    pub added: Vec<Change>,
    pub rerated: Vec<Change>,
    pub unchanged: usize,
    pub gaps_filled: Vec<GapChange>,
    pub gaps_opened: Vec<GapChange>,
    /// How many names marked sensitive (in either version) are withheld, or that they are shown.
    pub sensitive: Option<String>,
}

#[derive(Serialize)]
pub struct Side {
    pub file: String,
    pub id: String,
    pub rating: Rating,
    pub rating_name: &'static str,
    pub score: u32,
    pub findings: usize,
    pub gaps: usize,
}

#[derive(Serialize)]
pub struct Change {
    pub rule: String,
    pub title: String,
    pub field: String,
    pub before: Option<Rating>,
    pub after: Option<Rating>,
    pub significance_before: Option<u8>,
    pub significance_after: Option<u8>,
}

#[derive(Serialize)]
pub struct GapChange {
    pub field: String,
    pub question: Option<&'static str>,
}

fn side(s: &Screening, lang: Lang) -> Side {
    Side {
        file: s.file.clone(),
        id: s.id.clone(),
        rating: s.rating,
        rating_name: i18n::rating(s.rating, lang),
        score: s.score,
        findings: s.counting().count(),
        gaps: s.gaps.len(),
    }
}

/// Compares the first screening of `old` with the first of `new`.
pub fn build(old_report: &Report, old: &Screening, new_report: &Report, new: &Screening, lang: Lang) -> DiffView {
    let code = lang.code();
    let title =
        |report: &Report, rule: &str| report.rule(rule).map_or(String::new(), |r| r.title.get(code).to_string());
    let before: Vec<_> = old.counting().collect();
    let after: Vec<_> = new.counting().collect();
    let same = |a: &&crate::model::Finding, b: &&crate::model::Finding| a.rule == b.rule && a.key == b.key;
    let mut resolved = Vec::new();
    let mut rerated = Vec::new();
    let mut unchanged = 0;
    for f in &before {
        match after.iter().find(|g| same(f, g)) {
            None => resolved.push(Change {
                rule: f.rule.clone(),
                title: title(old_report, &f.rule),
                field: f.key.clone(),
                before: Some(f.rating),
                after: None,
                significance_before: Some(f.significance),
                significance_after: None,
            }),
            Some(g) if g.rating != f.rating || g.significance != f.significance => rerated.push(Change {
                rule: f.rule.clone(),
                title: title(new_report, &f.rule),
                field: f.key.clone(),
                before: Some(f.rating),
                after: Some(g.rating),
                significance_before: Some(f.significance),
                significance_after: Some(g.significance),
            }),
            Some(_) => unchanged += 1,
        }
    }
    let added = after
        .iter()
        .filter(|g| !before.iter().any(|f| same(f, g)))
        .map(|g| Change {
            rule: g.rule.clone(),
            title: title(new_report, &g.rule),
            field: g.key.clone(),
            before: None,
            after: Some(g.rating),
            significance_before: None,
            significance_after: Some(g.significance),
        })
        .collect();
    let gap = |field: &str| GapChange { field: field.to_string(), question: schema::question(field, code) };
    DiffView {
        diff_version: 1,
        old: side(old, lang),
        new: side(new, lang),
        resolved,
        added,
        rerated,
        unchanged,
        gaps_filled: old
            .gaps
            .iter()
            .filter(|g| !new.gaps.iter().any(|n| n.field == g.field))
            .map(|g| gap(&g.field))
            .collect(),
        gaps_opened: new
            .gaps
            .iter()
            .filter(|g| !old.gaps.iter().any(|o| o.field == g.field))
            .map(|g| gap(&g.field))
            .collect(),
        sensitive: i18n::sensitive_notice(
            usize::from(old.sensitive.max(new.sensitive)),
            new_report.show_sensitive,
            lang,
        ),
    }
}

pub fn json(view: &DiffView) -> String {
    let mut text = serde_json::to_string_pretty(view).unwrap_or_default();
    text.push('\n');
    text
}

fn rating(r: Option<Rating>, lang: Lang) -> String {
    r.map_or_else(|| "—".to_string(), |r| i18n::rating(r, lang).to_string())
}

/// Text for the terminal, or Markdown (`markdown`): the same sections either way.
pub fn text(view: &DiffView, lang: Lang, markdown: bool) -> String {
    let l = |k: Label| k.text(lang).to_string();
    let colon = l(Label::Colon);
    let esc = |s: &str| if markdown { super::templates::md_escape(s) } else { s.to_string() };
    let mut out = String::new();
    let heading = |out: &mut String, text: &str| {
        if markdown {
            out.push_str(&format!("\n## {text}\n\n"));
        } else {
            out.push_str(&format!("\n{text}{colon}\n"));
        }
    };
    if markdown {
        out.push_str(&format!("# {}{colon} {} — {}\n\n", l(Label::DiffTitle), esc(&view.old.id), esc(&view.new.file)));
    } else {
        out.push_str(&format!("{}{colon} {} → {}\n", l(Label::DiffTitle), view.old.file, view.new.file));
    }
    out.push_str(&format!(
        "{}{colon} {} ({} {}) → {} ({} {})\n",
        l(Label::Rating),
        view.old.rating_name,
        l(Label::Score),
        view.old.score,
        view.new.rating_name,
        l(Label::Score),
        view.new.score
    ));
    out.push_str(&format!(
        "{}{colon} {} → {} · {}{colon} {} → {}\n",
        l(Label::Findings),
        view.old.findings,
        view.new.findings,
        l(Label::Gaps),
        view.old.gaps,
        view.new.gaps
    ));
    let changes = |out: &mut String, key: Label, list: &[Change]| {
        if list.is_empty() {
            return;
        }
        heading(out, &format!("{} ({})", l(key), list.len()));
        if markdown {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n",
                l(Label::Rule),
                l(Label::Title),
                l(Label::Field),
                l(Label::Rating)
            ));
        }
        for c in list {
            let change = format!("{} → {}", rating(c.before, lang), rating(c.after, lang));
            if markdown {
                out.push_str(&format!("| {} | {} | `{}` | {change} |\n", c.rule, esc(&c.title), c.field));
            } else {
                out.push_str(&format!("  {} {} [{}] {}\n", c.rule, change, c.field, c.title));
            }
        }
    };
    changes(&mut out, Label::DiffNew, &view.added);
    changes(&mut out, Label::DiffResolved, &view.resolved);
    changes(&mut out, Label::DiffRerated, &view.rerated);
    for (key, gaps) in [(Label::DiffGapsFilled, &view.gaps_filled), (Label::DiffGapsOpened, &view.gaps_opened)] {
        if gaps.is_empty() {
            continue;
        }
        heading(&mut out, &format!("{} ({})", l(key), gaps.len()));
        for g in gaps {
            let q = g.question.map(|q| format!("{colon} {}", esc(q))).unwrap_or_default();
            out.push_str(&format!("{}`{}`{q}\n", if markdown { "- " } else { "  " }, g.field));
        }
    }
    out.push_str(&format!("\n{} {}\n", view.unchanged, l(Label::DiffUnchanged)));
    if let Some(notice) = &view.sensitive {
        out.push_str(&format!("\n{}.\n", esc(notice)));
    }
    out
}
