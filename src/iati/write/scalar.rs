//! Text as it goes into an imported programme file: YAML scalars that read back as exactly
//! the text given, and comment text that stays on its one line.
//!
//! Part of the writing of imported files. Whatever a publisher put in an identifier, a name or
//! an attribute (line breaks, `: `, ` #`, quotes, `yes`, invisible characters), it comes out as
//! one scalar or one comment line: it can never add a key, end a comment or change a type.

use std::fmt::Write as _;

/// Characters that break a line for some YAML reader or some editor, or that a reader of the
/// file would not see: never written as themselves in a comment or a quoted scalar.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{85}'
                | '\u{ad}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{fffe}'
                | '\u{ffff}'
        )
}

/// Words a YAML reader (1.1 or 1.2) takes for a boolean or for nothing when written plain.
const NOT_TEXT: [&str; 12] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "nil", "none", "~"];

/// Whether `s` reads back as itself written plain, in a block or in a flow list: it starts
/// with a letter, holds only letters, digits, single spaces and `. _ - ( ) / '`, and is not a
/// word YAML gives another type. Anything else is quoted.
fn is_plain(s: &str) -> bool {
    s.starts_with(char::is_alphabetic)
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-' | '(' | ')' | '/' | '\''))
        && !NOT_TEXT.contains(&s.to_lowercase().as_str())
}

/// A YAML scalar that reads back as `s`: plain when that is safe, else double-quoted with
/// every line break, quote, backslash and hidden character escaped (so always one line).
pub fn scalar(s: &str) -> String {
    if is_plain(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if hidden(c) && u32::from(c) <= 0xff => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c if hidden(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a `#` comment: every line break and hidden character written out (`\n`,
/// `\u{2028}`), so the comment ends where the file's own line does.
pub fn comment(s: &str) -> String {
    if !s.chars().any(hidden) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A number that reads back as the same floating-point number (never as an integer).
pub fn float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf".into() } else { "-.inf".into() };
    }
    let text = f.to_string();
    if text.contains(['.', 'e', 'E']) { text } else { format!("{text}.0") }
}
