//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,title=…::…`), by rating: High → error, Substantial and
//! Moderate → warning, Low → notice; accepted and stale acceptances as notices; bad input as
//! errors. See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
//!
//! Renders only what the report holds; every value is escaped as the commands require.

use super::{Lang, message};
use crate::model::{Loc, Rating, Report, Status};

fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: &str, file: &str, loc: Loc, title: &str, text: &str) -> String {
    let mut props = format!("file={}", property(file));
    if loc.is_known() {
        props.push_str(&format!(",line={},col={}", loc.line, loc.column));
    }
    format!("::{level} {props},title={}::{}\n", property(title), data(text))
}

/// The annotation level of a rating.
pub fn level(r: Rating) -> &'static str {
    match r {
        Rating::High => "error",
        Rating::Substantial | Rating::Moderate => "warning",
        Rating::Low => "notice",
    }
}

/// Renders the report as workflow commands.
pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for n in &report.notices {
        let (file, loc) = n.location();
        out.push_str(&command("warning", &file, loc, "dnh-screen: notice", &super::notices::message(n, lang)));
    }
    // The checklists used, when a folder added to the built-in one.
    if report.checklists.len() > 1 || report.checklists.iter().any(|c| c.id != "core") {
        let names: Vec<String> = report.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect();
        out.push_str(&format!("::notice title={}::{}\n", property("dnh-screen: checklists"), data(&names.join(" + "))));
    }
    for e in &report.errors {
        let title = format!("dnh-screen: input error {}", e.code());
        out.push_str(&command("error", &e.file, e.loc, &title, e.message()));
    }
    for s in &report.screenings {
        for f in &s.findings {
            let loc = f.location().map_or(Loc::NONE, |e| e.loc);
            let text = format!("{}: {}", s.id, message(f, report.rule(&f.rule), lang));
            let title = format!("{} {} ({})", f.rule, f.rating, f.significance);
            match f.status {
                Status::Accepted => {
                    let reason = f
                        .acceptance
                        .as_ref()
                        .map_or(String::new(), |a| format!(" Accepted by {}: {}", a.approved_by, a.reason));
                    out.push_str(&command(
                        "notice",
                        &s.file,
                        loc,
                        &format!("{title}, accepted"),
                        &format!("{text}.{reason}"),
                    ));
                }
                Status::ExpiredAcceptance => {
                    out.push_str(&command(
                        level(f.rating),
                        &s.file,
                        loc,
                        &format!("{title}, acceptance expired"),
                        &text,
                    ));
                }
                Status::Open if f.known => {
                    out.push_str(&command("notice", &s.file, loc, &format!("{title}, in baseline"), &text));
                }
                Status::Open => out.push_str(&command(level(f.rating), &s.file, loc, &title, &text)),
            }
        }
        for a in &s.stale_acceptances {
            let text = format!(
                "{}: the accepted risk {} raised no finding; the acceptance is stale ({})",
                s.id, a.rule, a.reason
            );
            out.push_str(&command("notice", &s.file, a.loc, &format!("{} stale acceptance", a.rule), &text));
        }
        if let Some(notice) = super::i18n::sensitive_notice(usize::from(s.sensitive), report.show_sensitive, lang) {
            out.push_str(&command("notice", &s.file, Loc::NONE, "sensitive names", &format!("{}: {notice}", s.id)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_values_as_workflow_commands_require() {
        let line = command("error", "a,b:c.yaml", Loc::new(3, 4), "T: x, y", "50% done\nnext");
        assert_eq!(line, "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=T%3A x%2C y::50%25 done%0Anext\n");
    }
}
