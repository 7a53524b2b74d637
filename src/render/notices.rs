//! The words of notices (what a run's settings turned off or left out), in English and
//! French, for every format that states them.
//!
//! Part of the render stage: it words `Notice`s and nothing else; which notices a run has is
//! the app's business.

use super::Lang;
use crate::model::Notice;

/// `notice` / `avis`: the word that opens a notice line.
pub fn label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "notice",
        Lang::Fr => "avis",
    }
}

/// Template labels with `notice` added (templates write `{{ t.notice }}`).
pub fn with_label(
    mut labels: std::collections::BTreeMap<&'static str, &'static str>,
    lang: Lang,
) -> std::collections::BTreeMap<&'static str, &'static str> {
    labels.insert("notice", label(lang));
    labels
}

/// A notice in one sentence.
pub fn message(notice: &Notice, lang: Lang) -> String {
    let files = |n: usize| match (lang, n) {
        (Lang::En, 1) => "1 programme file".to_string(),
        (Lang::En, n) => format!("{n} programme files"),
        (Lang::Fr, 1) => "1 fichier de programme".to_string(),
        (Lang::Fr, n) => format!("{n} fichiers de programme"),
    };
    match (notice, lang) {
        (Notice::RepositoryConfigNotRead { file }, Lang::En) => format!(
            "strict mode: {file} was not read (its fail_on, lang, checklists, templates, baseline and ignore do \
             not apply, and files that git ignores are screened too)"
        ),
        (Notice::RepositoryConfigNotRead { file }, Lang::Fr) => format!(
            "mode strict : {file} n'a pas été lu (ses fail_on, lang, checklists, templates, baseline et ignore ne \
             s'appliquent pas, et les fichiers ignorés par git sont aussi analysés)"
        ),
        (Notice::FailOnNever { origin }, Lang::En) => {
            format!("`fail_on: never` is set by {origin}: no rating makes this run fail")
        }
        (Notice::FailOnNever { origin }, Lang::Fr) => {
            format!("`fail_on: never` est fixé par {origin} : aucune note ne fait échouer cette exécution")
        }
        (Notice::IgnoreLeftOut { config, left_out, remaining: 0 }, Lang::En) => format!(
            "the `ignore` patterns of {config} left out every programme file found ({}): nothing was screened",
            files(*left_out)
        ),
        (Notice::IgnoreLeftOut { config, left_out, remaining: 0 }, Lang::Fr) => format!(
            "les motifs `ignore` de {config} ont écarté tous les fichiers de programme trouvés ({}) : rien n'a été \
             analysé",
            files(*left_out)
        ),
        (Notice::IgnoreLeftOut { config, left_out, remaining }, Lang::En) => format!(
            "the `ignore` patterns of {config} left out {}; {} left to screen",
            files(*left_out),
            files(*remaining)
        ),
        (Notice::IgnoreLeftOut { config, left_out, remaining }, Lang::Fr) => format!(
            "les motifs `ignore` de {config} ont écarté {} ; {} restent à analyser",
            files(*left_out),
            files(*remaining)
        ),
        (Notice::GitIgnoredLeftOut { left_out, remaining }, Lang::En) => format!(
            "the repository's git-ignore rules (.gitignore) left out {}; {} left to screen (--strict-config \
             screens them)",
            files(*left_out),
            files(*remaining)
        ),
        (Notice::GitIgnoredLeftOut { left_out, remaining }, Lang::Fr) => format!(
            "les règles git-ignore du dépôt (.gitignore) ont écarté {} ; {} restent à analyser (--strict-config \
             les analyse)",
            files(*left_out),
            files(*remaining)
        ),
        (Notice::ConfigNamesNotScreened { files }, Lang::En) => format!(
            "not screened, named as a configuration file but not the one in use: {}; rename them to screen them",
            files.join(", ")
        ),
        (Notice::ConfigNamesNotScreened { files }, Lang::Fr) => format!(
            "non analysés, nommés comme un fichier de configuration mais pas celui utilisé : {} ; renommez-les \
             pour les analyser",
            files.join(", ")
        ),
        (Notice::BaselineCoversAll { file, origin, known }, Lang::En) => format!(
            "the baseline {file} (set by {origin}) marks all {known} findings as known: none counts towards fail_on"
        ),
        (Notice::BaselineCoversAll { file, origin, known }, Lang::Fr) => format!(
            "la référence {file} (fixée par {origin}) marque les {known} constats comme connus : aucun ne compte \
             pour fail_on"
        ),
    }
}

/// One line per notice, `notice: …`, each ending in a newline (the terminal and standard error).
pub fn lines(notices: &[Notice], lang: Lang) -> String {
    let colon = if lang == Lang::Fr { " : " } else { ": " };
    notices.iter().map(|n| format!("{}{colon}{}\n", label(lang), message(n, lang))).collect()
}
