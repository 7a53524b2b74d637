//! A streaming reader of IATI activity files: one `<iati-activity>` at a time as a small
//! element tree with positions, so a file of any size is read in bounded memory.
//!
//! Part of the load stage for IATI input. It knows XML, not IATI's meaning; unknown elements
//! and namespaces are kept as they are and ignored later.

use crate::model::Loc;
use quick_xml::events::Event;
use std::io::BufRead;

/// An element of an activity: name (with its prefix, if any), attributes, text, children.
#[derive(Clone, Debug, Default)]
pub struct Elem {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Elem>,
    pub loc: Loc,
}

impl Elem {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
    }

    pub fn child(&self, name: &str) -> Option<&Elem> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Elem> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// One activity as read, with what its file says around it.
#[derive(Debug)]
pub struct RawActivity {
    pub elem: Elem,
    /// The `version` of the enclosing `<iati-activities>`.
    pub version: Option<String>,
}

/// What stopped a file from being read to its end.
#[derive(Debug)]
pub struct XmlError {
    pub loc: Loc,
    pub message: String,
}

/// The most elements one activity may hold: larger ones are reported, not read.
const MAX_ELEMENTS: usize = 200_000;

/// The deepest nesting read in an activity (IATI needs five or six levels).
const MAX_DEPTH: usize = 64;

/// A buffered input that counts the lines it hands over, so an event's position (the bytes
/// consumed before it) gives its line and column without scanning events again.
struct Lines<R> {
    inner: R,
    consumed: u64,
    newlines: u32,
    /// The offset just after the last newline consumed.
    line_start: u64,
}

impl<R: BufRead> std::io::Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            let taken = &buffer[..amount.min(buffer.len())];
            if let Some(last) = taken.iter().rposition(|b| *b == b'\n') {
                self.newlines += taken.iter().filter(|b| **b == b'\n').count() as u32;
                self.line_start = self.consumed + last as u64 + 1;
            }
        }
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

impl<R> Lines<R> {
    /// The position of the next byte to be consumed.
    fn here(&self) -> Loc {
        Loc::new(self.newlines + 1, (self.consumed - self.line_start + 1) as u32)
    }
}

/// Reads every activity of `input`, calling `each` for each in file order. Only the children
/// of an activity that `keep` names are read (with all they hold); the others are passed over
/// without being built. Stops at the first XML error, after the activities before it have
/// been handed over.
pub fn activities<R: BufRead>(
    input: R,
    keep: impl Fn(&str) -> bool,
    mut each: impl FnMut(RawActivity),
) -> Result<(), XmlError> {
    let mut reader = quick_xml::Reader::from_reader(Lines { inner: input, consumed: 0, newlines: 0, line_start: 0 });
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut version: Option<String> = None;
    let mut stack: Vec<Elem> = Vec::new();
    let mut elements = 0usize;
    // Depth inside a child that is passed over (0: none).
    let mut skipping = 0usize;
    let mut saw_root = false;
    loop {
        let loc = reader.get_ref().here();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| XmlError { loc: reader.get_ref().here(), message: format!("malformed XML: {e}") })?;
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                Event::Eof => {
                    return Err(XmlError { loc, message: "the file ends inside an element".to_string() });
                }
                _ => {}
            }
            buf.clear();
            continue;
        }
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if stack.len() == 1 && !keep(e.name().as_ref()) {
                    skipping = usize::from(!is_empty);
                    buf.clear();
                    continue;
                }
                let name = e.name().as_ref().to_string();
                if !saw_root {
                    saw_root = true;
                    if name != "iati-activities" && name != "iati-activity" {
                        return Err(XmlError {
                            loc,
                            message: format!("not an IATI activity file: the root element is <{name}>"),
                        });
                    }
                }
                let mut attrs = Vec::new();
                for a in e.attributes().flatten() {
                    let key = a.key.as_ref().to_string();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    attrs.push((key, value));
                }
                if stack.is_empty() && name == "iati-activities" {
                    version = attrs.iter().find(|(k, _)| k == "version").map(|(_, v)| v.clone());
                    buf.clear();
                    continue;
                }
                if stack.is_empty() && name != "iati-activity" {
                    buf.clear();
                    continue;
                }
                elements += 1;
                if elements > MAX_ELEMENTS {
                    return Err(XmlError {
                        loc,
                        message: format!("an activity holds more than {MAX_ELEMENTS} elements"),
                    });
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError { loc, message: format!("elements nested deeper than {MAX_DEPTH} levels") });
                }
                let elem = Elem { name, attrs, text: String::new(), children: Vec::new(), loc };
                if is_empty {
                    finish(elem, &mut stack, &version, &mut each, &mut elements);
                } else {
                    stack.push(elem);
                }
            }
            Event::End(_) => {
                if let Some(elem) = stack.pop() {
                    finish(elem, &mut stack, &version, &mut each, &mut elements);
                }
            }
            Event::Text(t) => {
                // Whitespace before any text is layout between elements: not kept.
                if let Some(top) = stack.last_mut() {
                    let content = t.xml10_content();
                    if !(top.text.is_empty() && content.trim().is_empty()) {
                        top.text.push_str(&content);
                    }
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = stack.last_mut() {
                    if r.is_char_ref() {
                        if let Ok(Some(c)) = r.resolve_char_ref() {
                            top.text.push(c);
                        }
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content()) {
                        top.text.push_str(s);
                    }
                }
            }
            Event::Eof => {
                if !saw_root {
                    return Err(XmlError { loc, message: "no XML element found".to_string() });
                }
                if let Some(open) = stack.first() {
                    return Err(XmlError { loc: open.loc, message: format!("<{}> is never closed", open.name) });
                }
                return Ok(());
            }
            _ => {}
        }
        buf.clear();
    }
}

fn finish(
    elem: Elem,
    stack: &mut [Elem],
    version: &Option<String>,
    each: &mut impl FnMut(RawActivity),
    elements: &mut usize,
) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(elem),
        None => {
            *elements = 0;
            each(RawActivity { elem, version: version.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<RawActivity>, Option<XmlError>) {
        let mut out = Vec::new();
        let result = activities(text.as_bytes(), |_| true, |a| out.push(a));
        (out, result.err())
    }

    #[test]
    fn reads_activities_with_positions_and_entities() {
        let text = "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n <iati-activity xml:lang=\"fr\">\n  <iati-identifier>XM-1</iati-identifier>\n  <title><narrative>Appui &#xE0; Mopti &amp; Gao</narrative></title>\n  <sector code=\"15210\" percentage=\"60\"/>\n  <ext:thing xmlns:ext=\"http://example.org\">ignored</ext:thing>\n </iati-activity>\n</iati-activities>\n";
        let (acts, err) = read(text);
        assert!(err.is_none(), "{err:?}");
        assert_eq!(acts.len(), 1);
        let a = &acts[0].elem;
        assert_eq!(acts[0].version.as_deref(), Some("2.03"));
        assert_eq!(a.loc, Loc::new(3, 2));
        assert_eq!(a.attr("xml:lang"), Some("fr"));
        let title = a.child("title").and_then(|t| t.child("narrative")).map(|n| n.text.clone());
        assert_eq!(title.as_deref(), Some("Appui à Mopti & Gao"));
        let sector = a.child("sector").map(|s| (s.attr("code"), s.loc));
        assert_eq!(sector, Some((Some("15210"), Loc::new(6, 3))));
        assert!(a.child("ext:thing").is_some());
    }

    #[test]
    fn malformed_xml_names_the_line() {
        let text = "<iati-activities>\n<iati-activity>\n<iati-identifier>A</iati-identifier>\n</iati-activity>\n<iati-activity>\n<title>\n</iati-activity>\n";
        let (acts, err) = read(text);
        assert_eq!(acts.len(), 1, "the activity before the error is kept");
        let err = err.map(|e| (e.loc.line, e.message));
        assert!(err.as_ref().is_some_and(|(line, m)| *line == 7 && m.contains("malformed XML")), "{err:?}");
        let (_, err) = read("<html><body/></html>");
        assert!(err.is_some_and(|e| e.message.contains("not an IATI activity file")));
    }
}
