//! `--format csv`: one row per finding (and one per stale acceptance), RFC 4180 quoting, for
//! spreadsheets and portfolio tools. A cell that a spreadsheet would read as a formula
//! (starting with `=`, `+`, `-`, `@`) is prefixed with a quote so it stays text.
//!
//! Renders only what the report holds.

use super::{Lang, message};
use crate::model::Report;

const HEADER: [&str; 19] = [
    "file",
    "programme",
    "programme_type",
    "programme_rating",
    "rule",
    "kind",
    "risk_area",
    "title",
    "status",
    "gap",
    "known",
    "impact",
    "likelihood",
    "significance",
    "rating",
    "field",
    "line",
    "column",
    "message",
];

/// One CSV cell.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// Renders the report as CSV.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = row(&HEADER.map(String::from));
    for s in &report.screenings {
        for f in &s.findings {
            let rule = report.rule(&f.rule);
            let at = f.location();
            out.push_str(&row(&[
                s.file.clone(),
                s.id.clone(),
                s.kind.to_string(),
                s.rating.to_string(),
                f.rule.clone(),
                f.kind.as_str().to_string(),
                f.risk_area.to_string(),
                rule.map_or(String::new(), |r| r.title.get(lang.code()).to_string()),
                f.status.as_str().to_string(),
                f.gap.to_string(),
                f.known.to_string(),
                f.impact.to_string(),
                f.likelihood.to_string(),
                f.significance.to_string(),
                f.rating.to_string(),
                at.map_or(String::new(), |e| e.field.clone()),
                at.map_or(String::new(), |e| e.loc.line.to_string()),
                at.map_or(String::new(), |e| e.loc.column.to_string()),
                message(f, rule, lang),
            ]));
        }
        for a in &s.stale_acceptances {
            let mut cells = vec![String::new(); HEADER.len()];
            cells[0] = s.file.clone();
            cells[1] = s.id.clone();
            cells[2] = s.kind.to_string();
            cells[3] = s.rating.to_string();
            cells[4] = a.rule.clone();
            cells[8] = "stale_acceptance".into();
            cells[15] = "accepted_risks".into();
            cells[16] = a.loc.line.to_string();
            cells[17] = a.loc.column.to_string();
            cells[18] = format!("the accepted risk raised no finding: {} (approved by {})", a.reason, a.approved_by);
            out.push_str(&row(&cells));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn quotes_and_defuses_cells() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
    }
}
