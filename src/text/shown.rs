//! Text as a message quotes it: on one line, with nothing hidden. Every character a reader
//! cannot see or that would start a new line (control characters, line breaks, tabs, spaces
//! other than the plain one, zero-width characters, soft hyphens, bidirectional controls,
//! variation selectors, tag characters) is written out as `\u{200d}`, so `meas\u{200d}ures`
//! is not mistaken for `measures` and a quoted value cannot print a line of its own.
//!
//! Pure function of text, used where problems are made; it must not change what is compared.

/// Characters a reader does not see: soft hyphen, combining grapheme joiner, Arabic letter
/// mark, Hangul fillers, Khmer and Mongolian invisible vowels and selectors, zero-width
/// characters and marks, bidirectional controls, word joiner and invisible operators,
/// variation selectors, byte order mark, interlinear annotation, shorthand format and
/// musical formatting controls, tags. Folding removes them; quoting writes them out.
pub fn unseen(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Whether `c` is written out when quoted.
fn hidden(c: char) -> bool {
    (c.is_whitespace() && c != ' ') || c.is_control() || unseen(c)
}

/// `text` on one line with every hidden character written out as `\u{…}`.
pub fn shown(text: &str) -> String {
    written_out(text, hidden)
}

/// `text` with each character for which `hide` holds written out as `\u{…}`.
pub fn written_out(text: &str, hide: impl Fn(char) -> bool) -> String {
    if !text.chars().any(&hide) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as shown in reports and messages: as given, with forward slashes and no leading
/// `./`, on one line (a line break or an invisible character in a file name is written out,
/// so a name cannot print a line that looks like the tool's own).
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    shown(text)
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn hidden_characters_and_line_breaks_are_written_out() {
        assert_eq!(shown("meas\u{200d}ures"), "meas\\u{200d}ures");
        assert_eq!(shown("a\nerror: b\r\tc\u{a0}d\u{ad}e"), "a\\u{a}error: b\\u{d}\\u{9}c\\u{a0}d\\u{ad}e");
        assert_eq!(shown("Te\u{301}ssit, Ménaka, غاو"), "Te\u{301}ssit, Ménaka, غاو");
    }
}
