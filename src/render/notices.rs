//! The words of notices (what a run's settings turned off or left out), in English and
//! French, for every format that states them.
//!
//! Part of the render stage: it words `Notice`s and nothing else; which notices a run has is
//! the app's business; the phrases are the label table's.

use super::Lang;
use super::i18n::{self, Label, fill};
use crate::model::Notice;

/// `notice` / `avis`: the word that opens a notice line.
pub fn label(lang: Lang) -> &'static str {
    Label::Notice.text(lang)
}

/// A notice in one sentence.
pub fn message(notice: &Notice, lang: Lang) -> String {
    let files = |n: usize| i18n::count(n, Label::ProgrammeFileOne, Label::ProgrammeFileMany, lang);
    match notice {
        Notice::RepositoryConfigNotRead { file } => fill(Label::NoticeConfigNotRead, lang, &[("file", file)]),
        Notice::FailOnNever { origin } => fill(Label::NoticeFailOnNever, lang, &[("origin", origin)]),
        Notice::IgnoreLeftOut { config, left_out, remaining: 0 } => {
            fill(Label::NoticeIgnoreLeftOutAll, lang, &[("config", config), ("left_out", &files(*left_out))])
        }
        Notice::IgnoreLeftOut { config, left_out, remaining } => fill(
            Label::NoticeIgnoreLeftOut,
            lang,
            &[("config", config), ("left_out", &files(*left_out)), ("remaining", &files(*remaining))],
        ),
        Notice::GitIgnoredLeftOut { left_out, remaining } => fill(
            Label::NoticeGitIgnoredLeftOut,
            lang,
            &[("left_out", &files(*left_out)), ("remaining", &files(*remaining))],
        ),
        Notice::ConfigNamesNotScreened { files } => {
            fill(Label::NoticeConfigNamesNotScreened, lang, &[("files", &files.join(", "))])
        }
        Notice::BaselineCoversAll { file, origin, known } => fill(
            Label::NoticeBaselineCoversAll,
            lang,
            &[("file", file), ("origin", origin), ("known", &known.to_string())],
        ),
    }
}

/// One line per notice, `notice: …`, each ending in a newline (the terminal and standard error).
pub fn lines(notices: &[Notice], lang: Lang) -> String {
    let colon = Label::Colon.text(lang);
    notices.iter().map(|n| format!("{}{colon} {}\n", label(lang), message(n, lang))).collect()
}
