//! The activity being built as its events arrive, and the end of a file: what the reading loop
//! in `xml` hands over, refuses or reports.
//!
//! Part of the streaming read of IATI files. It holds one activity at a time and never more
//! than the bounds of `xml` allow; it knows XML positions, not IATI's meaning.

use super::{Elem, MAX_TEXT, RawActivity, XmlError};
use crate::model::Loc;

/// The activity being read.
pub(super) struct Current {
    /// Its open elements, the activity first; empty once refused.
    pub stack: Vec<Elem>,
    pub name: String,
    pub loc: Loc,
    pub elements: usize,
    pub bytes: usize,
    pub refused: Option<String>,
}

impl Current {
    /// Stops building: what is held is dropped, the rest of the activity passed over.
    pub fn refuse(&mut self, why: String, skip: &mut usize) {
        *skip += self.stack.len();
        self.stack.clear();
        self.refused.get_or_insert(why);
    }

    pub fn add_text(&mut self, text: &str, skip: &mut usize) {
        if text.len() > MAX_TEXT - self.bytes.min(MAX_TEXT) {
            return self.refuse(format!("activity not read: it holds more than {MAX_TEXT} bytes of text"), skip);
        }
        if let Some(top) = self.stack.last_mut() {
            // Whitespace before any text is layout between elements: not kept.
            if !(top.text.is_empty() && text.trim().is_empty()) {
                self.bytes += text.len();
                top.text.push_str(text);
            }
        }
    }
}

/// Where `text`, read at `loc`, has its first character other than white space.
pub(super) fn past_space(loc: Loc, text: &str) -> Loc {
    let space = &text[..text.len() - text.trim_start().len()];
    space.chars().fold(loc, |at, c| if c == '\n' { Loc::new(at.line + 1, 1) } else { Loc::new(at.line, at.column + 1) })
}

/// The attributes of a tag, values normalised as XML says.
pub(super) fn attributes(e: &quick_xml::events::BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            let key = a.key.as_ref().to_string();
            let value =
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default();
            (key, value)
        })
        .collect()
}

/// Closes the innermost open element of the current activity; the activity itself, once
/// closed, is handed over.
pub(super) fn end_element(
    current: &mut Option<Current>,
    each: &mut impl FnMut(RawActivity),
    version: &Option<String>,
    root: &Option<(String, Loc)>,
    closed: &mut Option<Loc>,
    loc: Loc,
) {
    let Some(c) = current.as_mut() else { return };
    let Some(elem) = c.stack.pop() else { return };
    if let Some(parent) = c.stack.last_mut() {
        parent.children.push(elem);
        return;
    }
    let bytes = c.bytes;
    *current = None;
    each(RawActivity { elem, version: version.clone(), refused: None, bytes });
    if root.as_ref().is_some_and(|(n, _)| n == "iati-activity") {
        *closed = Some(loc);
    }
}

pub(super) fn activity_refused(c: Current, version: &Option<String>) -> RawActivity {
    let elem = Elem { name: c.name, loc: c.loc, ..Elem::default() };
    RawActivity { elem, version: version.clone(), refused: c.refused, bytes: 0 }
}

/// The end of the input: an error unless every element it opened was closed.
pub(super) fn end_of_file(
    loc: Loc,
    root: &Option<(String, Loc)>,
    closed: Option<Loc>,
    current: &Option<Current>,
    skip: usize,
) -> Result<(), XmlError> {
    let error = |loc: Loc, message: String| Err(XmlError { loc, message });
    match (root, current) {
        (None, _) => error(loc, "no XML element found".to_string()),
        (_, Some(c)) => error(c.loc, format!("<{}> is never closed", c.name)),
        _ if skip > 0 => error(loc, "the file ends inside an element".to_string()),
        (Some((name, at)), None) if closed.is_none() => error(
            loc,
            format!("the file ends before the root element <{name}> (line {}) is closed: it is cut short", at.line),
        ),
        _ => Ok(()),
    }
}
