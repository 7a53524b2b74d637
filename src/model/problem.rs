//! Problems: what is wrong with an input (a programme, a rule, a configuration, an IATI file)
//! or with what a run was asked to do, each of one kind with a stable code (`DNH201`) and name
//! (`unknown_field`) that machines and users can rely on across versions.
//!
//! Plain data, shared by every stage. The kind is the source of truth: its code, its name, and
//! the message it shows (which quotes the input as written). Callers decide by kind, never by
//! the words of the message. Nothing here reads files or renders a format.

use super::programme::Loc;
use std::cmp::Ordering;
use std::fmt;

/// Declares the kinds: each with its code, name and what it means (the README's table).
macro_rules! kinds {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal, $name:literal, $meaning:literal; )*) => {
        /// What is wrong. Each kind holds the message it shows: one line, quoting the input.
        #[derive(thiserror::Error, Clone, Debug, PartialEq, Eq)]
        pub enum Kind {
            $( $(#[doc = $doc])* #[error("{0}")] $variant(String), )*
        }

        impl Kind {
            /// Every kind, in code order (each built with its message).
            pub const ALL: &[fn(String) -> Kind] = &[$( Kind::$variant ),*];

            /// The stable code, such as `DNH201`.
            pub fn code(&self) -> &'static str {
                match self { $( Kind::$variant(_) => $code, )* }
            }

            /// The stable lowercase name, such as `unknown_field`.
            pub fn name(&self) -> &'static str {
                match self { $( Kind::$variant(_) => $name, )* }
            }

            /// What the kind means, in a few words (the README's table of codes).
            pub fn meaning(&self) -> &'static str {
                match self { $( Kind::$variant(_) => $meaning, )* }
            }

            /// The message shown.
            pub fn message(&self) -> &str {
                match self { $( Kind::$variant(m) )|* => m }
            }

            /// The message, to withhold names from it.
            pub fn message_mut(&mut self) -> &mut String {
                match self { $( Kind::$variant(m) )|* => m }
            }
        }
    };
}

kinds! {
    // DNH1xx: reading an input file or folder.
    Unreadable = "DNH101", "unreadable",
        "a path or file that cannot be read: it does not exist, is a folder, a pipe or a device, or the read failed";
    TooLarge = "DNH102", "too_large", "a file larger than `--max-file-size`";
    NotUtf8 = "DNH103", "not_utf8", "a file that is not UTF-8 text";
    Empty = "DNH104", "empty", "a file that is empty or holds no YAML content";
    InvalidYaml = "DNH105", "invalid_yaml",
        "YAML that does not parse: its syntax, tabs for indentation, a duplicate key, several documents";
    Limit = "DNH106", "limit", "nesting, aliases or nodes beyond `--max-depth`, `--max-aliases` or `--max-nodes`";
    CannotWalk = "DNH107", "cannot_walk", "a folder that cannot be walked (a loop of links, no permission)";
    SymbolicLink = "DNH108", "symbolic_link", "a symbolic link in a checklist folder (links are not followed)";
    // DNH2xx: the fields of a file (programme, rule, test case, configuration).
    UnknownField = "DNH201", "unknown_field", "a field the format does not have";
    UnknownValue = "DNH202", "unknown_value", "a value that is not one of the field's values";
    WrongType = "DNH203", "wrong_type",
        "a value of the wrong type: text for a number, a list for a mapping, quoted text for an answer";
    MissingField = "DNH204", "missing_field", "a required field that is absent or has no value";
    OutOfRange = "DNH205", "out_of_range", "a number outside its field's range";
    EmptyValue = "DNH206", "empty_value", "a text or list that is empty";
    InvalidValue = "DNH207", "invalid_value",
        "a value of the right type that is not valid where it is (a date, an id, a pattern, evidence without an answer)";
    DuplicateId = "DNH208", "duplicate_id", "a programme id already used by another file";
    CommonSensitiveName = "DNH209", "common_sensitive_name",
        "a name marked sensitive that is a common word, which cannot be withheld";
    BudgetNotAdded = "DNH210", "budget_not_added", "a budget that cannot be added exactly to the sums by rating";
    UnsupportedFormat = "DNH211", "unsupported_format", "a programme `format` other than 1";
    // DNH3xx: rule, checklist and test-case files.
    InvalidRule = "DNH301", "invalid_rule",
        "a rule that is not valid: its id, file name, risk area, conditions or modifiers";
    DuplicateRuleId = "DNH302", "duplicate_rule_id", "a rule id already used by another rule";
    ChecklistRefused = "DNH303", "checklist_refused",
        "a checklist folder not loaded: not a folder, the id `core`, an id already loaded or not valid";
    InvalidTestCase = "DNH304", "invalid_test_case", "a test-case file or case that is not valid";
    UnknownRule = "DNH305", "unknown_rule", "a test case, or `dnh-screen explain`, naming a rule that is not loaded";
    RuleWrittenOtherwise = "DNH306", "rule_written_otherwise",
        "a rule that is read as it is but should be written otherwise (a warning)";
    // DNH4xx: IATI import.
    UnsupportedIatiVersion = "DNH401", "unsupported_iati_version", "an IATI activity of version 1 (2.01 to 2.03 are read)";
    InvalidIati = "DNH402", "invalid_iati",
        "an XML file that is not one IATI activity document: malformed, cut short, entities, content after the root";
    ActivityTooLarge = "DNH403", "activity_too_large", "an IATI activity beyond the bounds of what is read";
    IatiAmountNotRead = "DNH404", "iati_amount_not_read", "an IATI budget value that cannot be read or added";
    NoIatiIdentifier = "DNH405", "no_iati_identifier", "an IATI activity without an `<iati-identifier>`";
    DuplicateIatiActivity = "DNH406", "duplicate_iati_activity",
        "an IATI activity published twice: one copy is imported, the one updated last (a warning)";
    // DNH5xx: configuration, baseline, templates, output.
    InvalidConfig = "DNH501", "invalid_config",
        "a configuration that is not valid: a path out of its folder, a value of `DNH_SCREEN_NO_REPO_CONFIG`";
    InvalidBaseline = "DNH502", "invalid_baseline", "a baseline that cannot be read, is not one, or is of another version";
    Template = "DNH503", "template",
        "a template that cannot be read or rendered, or goes beyond its bounds of steps or bytes";
    CannotWrite = "DNH504", "cannot_write",
        "an output that cannot be written: a link, device, pipe or folder where a file is expected, or the write failed";
    KeptDifferingFile = "DNH505", "kept_differing_file",
        "a file already there that differs from what would be written: kept as it is (a warning)";
    // DNH6xx: the command line.
    Usage = "DNH601", "usage", "a command-line value that is not valid, or a command without what it needs";
}

/// A problem with an input file (a programme, a rule, a path that cannot be read), or with
/// what a command was asked to do (`file` empty when it names no file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub loc: Loc,
    pub kind: Kind,
}

impl Problem {
    /// A problem; its file name and message are kept on one line with nothing hidden (a
    /// quoted key or value cannot hide a character or print a line that looks like another).
    pub fn new(file: impl Into<String>, loc: Loc, mut kind: Kind) -> Problem {
        let file = file.into();
        let message = kind.message_mut();
        *message = crate::text::shown(message);
        Problem { file: crate::text::shown(&file), loc, kind }
    }

    /// A problem that names no file: a command-line value, a command that cannot run.
    pub fn general(kind: Kind) -> Problem {
        Problem::new(String::new(), Loc::NONE, kind)
    }

    /// The message shown, without file or position.
    pub fn message(&self) -> &str {
        self.kind.message()
    }

    /// The kind's stable code, such as `DNH201`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The problem as a terminal line: `error[DNH201]: file:line:column: message`.
    pub fn error_line(&self) -> String {
        format!("error[{}]: {self}", self.code())
    }

    /// The problem as a warning line: `warning[DNH306]: file:line:column: message`.
    pub fn warning_line(&self) -> String {
        format!("warning[{}]: {self}", self.code())
    }
}

/// Problems sort by file, position and message (then code), as they are read.
impl Ord for Problem {
    fn cmp(&self, other: &Self) -> Ordering {
        (&self.file, self.loc, self.message(), self.code()).cmp(&(
            &other.file,
            other.loc,
            other.message(),
            other.code(),
        ))
    }
}

impl PartialOrd for Problem {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            write!(f, "{}", self.message())
        } else if self.loc.is_known() {
            write!(f, "{}:{}:{}: {}", self.file, self.loc.line, self.loc.column, self.message())
        } else {
            write!(f, "{}: {}", self.file, self.message())
        }
    }
}

impl std::error::Error for Problem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn all() -> Vec<Kind> {
        Kind::ALL.iter().map(|make| make(String::new())).collect()
    }

    #[test]
    fn codes_unique() {
        let kinds = all();
        let codes: BTreeSet<&str> = kinds.iter().map(Kind::code).collect();
        let names: BTreeSet<&str> = kinds.iter().map(Kind::name).collect();
        assert_eq!(codes.len(), kinds.len(), "two kinds share a code");
        assert_eq!(names.len(), kinds.len(), "two kinds share a name");
    }

    #[test]
    fn codes_are_grouped_and_in_order() {
        let codes: Vec<&str> = all().iter().map(Kind::code).collect();
        for code in &codes {
            let digits = code.strip_prefix("DNH").unwrap_or("");
            assert!(digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()), "{code}");
            assert!(("1"..="6").contains(&&digits[..1]), "{code} is in no group");
        }
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        for kind in all() {
            let name = kind.name();
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "{name}");
            assert!(!kind.meaning().is_empty());
        }
    }

    #[test]
    fn a_problem_shows_its_code_and_keeps_its_message() {
        let p = Problem::new("a\nb.yaml", Loc::new(3, 5), Kind::UnknownField("unknown field `x\ty`".into()));
        assert_eq!(p.error_line(), "error[DNH201]: a\\u{a}b.yaml:3:5: unknown field `x\\u{9}y`");
        assert_eq!(p.kind.to_string(), p.message());
        let general = Problem::general(Kind::Usage("no rule `X`".into()));
        assert_eq!(general.error_line(), "error[DNH601]: no rule `X`");
    }
}
