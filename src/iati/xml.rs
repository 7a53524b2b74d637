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

/// Reads every activity of `input`, calling `each` for each in file order. Stops at the first
/// XML error, after the activities before it have been handed over.
pub fn activities<R: BufRead>(input: R, mut each: impl FnMut(RawActivity)) -> Result<(), XmlError> {
    let mut reader = quick_xml::Reader::from_reader(input);
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut version: Option<String> = None;
    let mut stack: Vec<Elem> = Vec::new();
    let mut elements = 0usize;
    // Line counting: events cover the text between tags, so counting their newlines (and the
    // newlines inside tags) keeps the current line.
    let mut line: u32 = 1;
    let mut line_start: u64 = 0;
    let mut saw_root = false;
    loop {
        let start = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| XmlError {
                loc: Loc::new(line, (reader.error_position().saturating_sub(line_start) + 1) as u32),
                message: format!("malformed XML: {e}"),
            })?
            .into_owned();
        let loc = Loc::new(line, (start.saturating_sub(line_start) + 1) as u32);
        let end = reader.buffer_position();
        let newlines = buf.iter().filter(|&&b| b == b'\n').count() as u32;
        if newlines > 0 {
            line += newlines;
            let tail = buf.iter().rev().position(|&b| b == b'\n').unwrap_or(0) as u64;
            line_start = end.saturating_sub(tail + u64::from(!matches!(event, Event::Text(_) | Event::GeneralRef(_))));
        }
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
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
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
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
        let result = activities(text.as_bytes(), |a| out.push(a));
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
