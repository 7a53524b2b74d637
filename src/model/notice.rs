//! Notices: what a run's settings turned off or left out (a configuration that never fails,
//! `ignore` patterns that leave files out, a baseline that knows every finding, a repository
//! configuration not read in strict mode). Every output states them, so that a repository's
//! configuration cannot silence the screening unseen.
//!
//! Plain data; the words are the renderers'.

use super::programme::Loc;

/// One thing the reader of a report must know about how the run was set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `fail_on: never` in a configuration file (`origin`: file:line:column): no rating makes
    /// the run fail.
    FailOnNever { origin: String },
    /// The `ignore` patterns of the configuration file `config` left out `left_out` programme
    /// files of the folders walked; `remaining` files were left to screen.
    IgnoreLeftOut { config: String, left_out: usize, remaining: usize },
    /// The baseline `file` (set by `origin`: a flag or file:line:column) marks every one of
    /// the `known` findings that count as known, so none counts towards `fail_on`.
    BaselineCoversAll { file: String, origin: String, known: usize },
    /// Strict mode: the configuration file `file` was found and not read.
    RepositoryConfigNotRead { file: String },
    /// The repository's git-ignore rules (`.gitignore`) left out `left_out` programme files of
    /// the folders walked; `remaining` files were left to screen.
    GitIgnoredLeftOut { left_out: usize, remaining: usize },
    /// Files of the folders walked named as a configuration file (`dnh-screen.yaml`) but not
    /// the configuration in use: they are not screened.
    ConfigNamesNotScreened { files: Vec<String> },
}

impl Notice {
    /// A stable name for machines (JSON `code`, JUnit and SARIF property names).
    pub fn code(&self) -> &'static str {
        match self {
            Notice::FailOnNever { .. } => "fail_on_never",
            Notice::IgnoreLeftOut { .. } => "ignore_left_out",
            Notice::BaselineCoversAll { .. } => "baseline_covers_all",
            Notice::RepositoryConfigNotRead { .. } => "repository_config_not_read",
            Notice::GitIgnoredLeftOut { .. } => "git_ignored_left_out",
            Notice::ConfigNamesNotScreened { .. } => "config_names_not_screened",
        }
    }

    /// The file the notice is about, and where in it when known.
    pub fn location(&self) -> (String, Loc) {
        match self {
            Notice::FailOnNever { origin } => split_origin(origin),
            Notice::IgnoreLeftOut { config: file, .. }
            | Notice::BaselineCoversAll { file, .. }
            | Notice::RepositoryConfigNotRead { file } => (file.clone(), Loc::NONE),
            Notice::GitIgnoredLeftOut { .. } => (".gitignore".to_string(), Loc::NONE),
            Notice::ConfigNamesNotScreened { files } => (files.first().cloned().unwrap_or_default(), Loc::NONE),
        }
    }
}

/// `dnh-screen.yaml:3:10` → (`dnh-screen.yaml`, line 3, column 10); anything else is a file.
fn split_origin(origin: &str) -> (String, Loc) {
    let mut parts = origin.rsplitn(3, ':');
    let (column, line, file) = (parts.next(), parts.next(), parts.next());
    match (file, line.and_then(|l| l.parse().ok()), column.and_then(|c| c.parse().ok())) {
        (Some(file), Some(line), Some(column)) => (file.to_string(), Loc::new(line, column)),
        _ => (origin.to_string(), Loc::NONE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_names_its_file_and_position() {
        let notice = Notice::FailOnNever { origin: "../dnh-screen.yaml:3:10".into() };
        assert_eq!(notice.location(), ("../dnh-screen.yaml".to_string(), Loc::new(3, 10)));
        let notice = Notice::FailOnNever { origin: "c:dnh-screen.yaml".into() };
        assert_eq!(notice.location(), ("c:dnh-screen.yaml".to_string(), Loc::NONE));
    }
}
