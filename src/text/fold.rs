//! Folding: a text reduced to the words a reader sees in it, so that two spellings of one name
//! compare equal. Compatibility forms are unified (NFKC: `Ａｇ` is `Ag`), case is folded
//! (`İbrahim` is `ibrahim`, `ß` is `ss`), diacritics are removed (`Intallā`, `Te\u{301}ssit`,
//! Arabic harakat and tatweel), invisible characters are removed (soft hyphen, zero-width
//! characters, bidirectional controls, also when written out as `\u{200b}`), and everything
//! that is not a letter or a digit separates words.
//!
//! Each folded word keeps the byte span it came from, so a match in the folded text can be
//! blanked in the original. Folding must not drop a letter a reader sees.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// One word of a folded text: its bytes in the folded text (`start..end`) and in the
/// original (`from..to`, with any accent or invisible character written inside or after it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub from: usize,
    pub to: usize,
}

/// A folded text: its words, each followed by one space, and where each came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub words: Vec<Word>,
}

impl Folded {
    pub fn of(text: &str) -> Folded {
        let mut folder = Folder { keep: true, ..Folder::default() };
        folder.run(text);
        Folded { text: folder.out, words: folder.words }
    }
}

/// The folded words of a text joined by single spaces: what two spellings of one name share.
pub fn fold(text: &str) -> String {
    let mut folder = Folder::default();
    folder.run(text);
    let mut out = folder.out;
    out.pop();
    out
}

/// Characters a reader does not see, removed without separating words: those quoting writes
/// out, tatweel (an Arabic letter stretched) and combining marks (diacritics).
fn invisible(c: char) -> bool {
    super::shown::unseen(c) || c == '\u{640}' || is_combining_mark(c)
}

/// Letters that no decomposition takes apart, as they are folded.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ı' => "i",
        'ł' => "l",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ς' => "σ",
        _ => return None,
    })
}

/// What a character read in the text does to the folded text.
enum Read {
    /// Removed; the word it is in goes on.
    Hidden,
    /// Ends the word it is in.
    Gap,
    /// Anything else: decomposed, lower-cased, its marks removed.
    Other(char),
}

#[derive(Default)]
struct Folder {
    out: String,
    words: Vec<Word>,
    /// Keep the words' spans (not needed for `fold`).
    keep: bool,
    /// The word being written: where it starts in the output and in the original.
    open: Option<(usize, usize)>,
    /// Where the word being written ends in the original so far.
    to: usize,
    parts: Vec<char>,
}

impl Folder {
    fn run(&mut self, text: &str) {
        self.out.reserve(text.len() + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                self.letter(char::from(b.to_ascii_lowercase()), i, i + 1);
                i += 1;
                continue;
            }
            let (read, len) = if b == b'\\' {
                written_out(&text[i..]).unwrap_or((Read::Gap, 1))
            } else if b.is_ascii() {
                (Read::Gap, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                let read = if invisible(c) {
                    Read::Hidden
                } else if c.is_control() || c.is_whitespace() {
                    Read::Gap
                } else {
                    Read::Other(c)
                };
                (read, c.len_utf8())
            };
            let end = i + len;
            match read {
                Read::Hidden if self.open.is_some() => self.to = end,
                Read::Hidden => {}
                Read::Gap => self.gap(),
                Read::Other(c) => self.other(c, i, end),
            }
            i = end;
        }
        self.gap();
    }

    fn other(&mut self, c: char, from: usize, to: usize) {
        let mut parts = std::mem::take(&mut self.parts);
        parts.clear();
        decompose_compatible(c, |d| parts.push(d));
        for &d in &parts {
            if invisible(d) {
                if self.open.is_some() {
                    self.to = to;
                }
                continue;
            }
            for lower in d.to_lowercase().filter(|l| !invisible(*l)) {
                match special(lower) {
                    Some(text) => text.chars().for_each(|l| self.letter(l, from, to)),
                    None if lower.is_alphanumeric() => self.letter(lower, from, to),
                    None => self.gap(),
                }
            }
        }
        self.parts = parts;
    }

    fn letter(&mut self, c: char, from: usize, to: usize) {
        if self.open.is_none() {
            self.open = Some((self.out.len(), from));
        }
        self.out.push(c);
        self.to = to;
    }

    fn gap(&mut self) {
        if let Some((start, from)) = self.open.take() {
            if self.keep {
                self.words.push(Word { start, end: self.out.len(), from, to: self.to });
            }
            self.out.push(' ');
        }
    }
}

/// A character written out as `\u{…}` (how text with control or invisible characters is
/// kept): what it reads as, and the length of the escape. `None` when it is not one.
fn written_out(text: &str) -> Option<(Read, usize)> {
    let rest = text.strip_prefix("\\u{")?;
    let close = rest.find('}').filter(|n| (1..=6).contains(n))?;
    let c = u32::from_str_radix(&rest[..close], 16).ok().and_then(char::from_u32)?;
    let read = if invisible(c) {
        Read::Hidden
    } else if c.is_control() {
        Read::Gap
    } else {
        return None;
    };
    Some((read, close + 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Brigade mobile de TESSIT"), "brigade mobile de tessit");
        assert_eq!(fold("Te\u{301}ssit"), fold("Téssit"));
        assert_eq!(fold("Téssit"), "tessit");
        assert_eq!(fold("Ａｇ Ｉｎｔａｌｌａ"), "ag intalla");
        assert_eq!(fold("İbrahim"), "ibrahim");
        assert_eq!(fold("Ag Intallā"), "ag intalla");
        assert_eq!(fold("Straße, Łódź, Søren"), "strasse lodz soren");
        assert_eq!(fold("ΣΟΦΟΣ"), fold("σοφος"));
        assert_eq!(fold("l’armée  et\tla\npolice"), "l armee et la police");
    }

    #[test]
    fn removes_invisible_characters_inside_words() {
        assert_eq!(fold("Tes\u{ad}sit"), "tessit");
        assert_eq!(fold("Int\u{200b}al\u{200d}la\u{feff}"), "intalla");
        assert_eq!(fold("Ag \u{202e}Intalla\u{202c}"), "ag intalla");
        assert_eq!(fold("Tes\\u{200b}sit and Ag\\u{1b}Intalla"), "tessit and ag intalla");
        assert_eq!(fold("a\\u{41}b"), "a u 41 b");
    }

    #[test]
    fn arabic_with_or_without_harakat() {
        let bare = "محمد الأنصاري";
        assert_eq!(fold("مُحَمَّد الأَنْصَارِي"), fold(bare));
        assert_eq!(fold("محـــمد الأنصاري"), fold(bare));
        assert_eq!(fold("أحمد"), fold("احمد"));
    }

    #[test]
    fn words_keep_their_original_spans() {
        let text = "Vu: Te\u{301}ssit\u{ad}, Ｇａｏ";
        let folded = Folded::of(text);
        assert_eq!(folded.text, "vu tessit gao ");
        let spans: Vec<&str> = folded.words.iter().map(|w| &text[w.from..w.to]).collect();
        assert_eq!(spans, ["Vu", "Te\u{301}ssit\u{ad}", "Ｇａｏ"]);
        let folds: Vec<&str> = folded.words.iter().map(|w| &folded.text[w.start..w.end]).collect();
        assert_eq!(folds, ["vu", "tessit", "gao"]);
        assert_eq!(Folded::of("  ,; "), Folded::default());
    }
}
