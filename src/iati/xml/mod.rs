//! A streaming reader of IATI activity files: one `<iati-activity>` at a time as a small
//! element tree with positions, so a file of any size is read in bounded memory.
//!
//! Part of the load stage for IATI input. It knows XML, not IATI's meaning; unknown elements
//! and namespaces are kept as they are and ignored later. An activity larger than the bounds
//! below is handed over refused (with why), not built; the file goes on after it. A file that
//! ends before its root element does, or holds anything but comments after it, is an error.

mod lines;
mod parts;

use parts::{Current, activity_refused, attributes, end_element, end_of_file, past_space};

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
    /// Why the activity was not read (larger than a bound): then `elem` has no children.
    pub refused: Option<String>,
    /// Bytes of text and attributes held.
    pub bytes: usize,
}

/// What stopped a file from being read to its end.
#[derive(Debug)]
pub struct XmlError {
    pub loc: Loc,
    pub message: String,
}

/// The most elements one activity may hold: larger ones are refused, not read.
pub const MAX_ELEMENTS: usize = 200_000;

/// The most bytes of text and attribute values one activity may hold.
pub const MAX_TEXT: usize = 8 * 1024 * 1024;

/// The deepest nesting read (IATI needs five or six levels).
const MAX_DEPTH: usize = 64;

/// Reads every activity of `input`, calling `each` for each in file order. Only the children
/// of an activity that `keep` names are read (with all they hold); the others are passed over
/// without being built. Stops at the first XML error, after the activities before it have
/// been handed over.
pub fn activities<R: BufRead>(
    input: R,
    keep: impl Fn(&str) -> bool,
    mut each: impl FnMut(RawActivity),
) -> Result<(), XmlError> {
    let mut reader = quick_xml::Reader::from_reader(lines::Lines::new(input));
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut version: Option<String> = None;
    let mut current: Option<Current> = None;
    // Open elements passed over without being built (0: none).
    let mut skip = 0usize;
    // The root element: its name and line, and where it closed.
    let mut root: Option<(String, Loc)> = None;
    let mut closed: Option<Loc> = None;
    let error = |loc: Loc, message: String| Err(XmlError { loc, message });
    loop {
        reader.get_mut().begin_event();
        let loc = reader.get_ref().here();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) if reader.get_ref().too_long => {
                let what = "a tag, comment or CDATA section";
                return error(
                    loc,
                    format!("{what} longer than {} bytes: the rest of the file is not read", lines::EVENT_LIMIT),
                );
            }
            Err(e) => return error(reader.get_ref().here(), format!("malformed XML: {e}")),
        };
        let cut = reader.get_mut().take_cut();
        if let (Some(after), Some((name, _))) = (closed, &root) {
            let content = match &event {
                Event::Start(_) | Event::Empty(_) | Event::CData(_) | Event::GeneralRef(_) => true,
                Event::Text(t) => !t.xml10_content().trim().is_empty(),
                _ => false,
            };
            if content {
                let loc = match &event {
                    Event::Text(t) => past_space(loc, &t.xml10_content()),
                    _ => loc,
                };
                let message = format!(
                    "content after the root element <{name}> closed at line {}: the file is not one IATI document",
                    after.line
                );
                return error(loc, message);
            }
        }
        let open = current.as_ref().map_or(0, |c| c.stack.len()) + skip + usize::from(root.is_some());
        match event {
            Event::Start(_) | Event::Empty(_) if open >= MAX_DEPTH => {
                return error(loc, format!("elements nested deeper than {MAX_DEPTH} levels"));
            }
            Event::Start(_) if skip > 0 => skip += 1,
            Event::End(_) if skip > 0 => {
                skip -= 1;
                if skip == 0 && current.as_ref().is_some_and(|c| c.stack.is_empty()) {
                    // The end of a refused activity.
                    let done = current.take().map(|c| activity_refused(c, &version));
                    done.into_iter().for_each(&mut each);
                    if root.as_ref().is_some_and(|(n, _)| n == "iati-activity") {
                        closed = Some(loc);
                    }
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) if skip == 0 => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = e.name().as_ref().to_string();
                if root.is_none() {
                    if name != "iati-activities" && name != "iati-activity" {
                        return error(loc, format!("not an IATI activity file: the root element is <{name}>"));
                    }
                    root = Some((name.clone(), loc));
                    if name == "iati-activities" {
                        version = attributes(e).into_iter().find(|(k, _)| k == "version").map(|(_, v)| v);
                        if is_empty {
                            closed = Some(loc);
                        }
                        buf.clear();
                        continue;
                    }
                }
                let Some(c) = current.as_mut() else {
                    if name == "iati-activity" {
                        let attrs = attributes(e);
                        let bytes = attrs.iter().map(|(k, v)| k.len() + v.len()).sum();
                        let elem = Elem { name: name.clone(), attrs, text: String::new(), children: Vec::new(), loc };
                        let c = Current { stack: vec![elem], name, loc, elements: 1, bytes, refused: None };
                        current = Some(c);
                        if is_empty {
                            end_element(&mut current, &mut each, &version, &root, &mut closed, loc);
                        }
                    } else {
                        // Anything else in the root is passed over.
                        skip = usize::from(!is_empty);
                    }
                    buf.clear();
                    continue;
                };
                if c.stack.len() == 1 && !keep(&name) {
                    skip = usize::from(!is_empty);
                    buf.clear();
                    continue;
                }
                let attrs = attributes(e);
                let bytes: usize = attrs.iter().map(|(k, v)| k.len() + v.len()).sum();
                c.elements += 1;
                if c.elements > MAX_ELEMENTS {
                    c.refuse(format!("activity not read: it holds more than {MAX_ELEMENTS} elements"), &mut skip);
                    skip += usize::from(!is_empty);
                } else if bytes > MAX_TEXT - c.bytes.min(MAX_TEXT) {
                    c.refuse(format!("activity not read: it holds more than {MAX_TEXT} bytes of text"), &mut skip);
                    skip += usize::from(!is_empty);
                } else {
                    c.bytes += bytes;
                    let elem = Elem { name, attrs, text: String::new(), children: Vec::new(), loc };
                    c.stack.push(elem);
                    if is_empty {
                        end_element(&mut current, &mut each, &version, &root, &mut closed, loc);
                    }
                }
            }
            Event::End(_) => match current {
                Some(_) => end_element(&mut current, &mut each, &version, &root, &mut closed, loc),
                None => closed = Some(loc),
            },
            Event::Text(ref t) if skip == 0 => {
                if let Some(c) = current.as_mut() {
                    c.add_text(&t.xml10_content(), &mut skip);
                    if cut && c.refused.is_none() {
                        c.refuse(format!("activity not read: it holds more than {MAX_TEXT} bytes of text"), &mut skip);
                    }
                }
            }
            Event::CData(ref t) if skip == 0 => {
                if let Some(c) = current.as_mut() {
                    c.add_text(&t.xml10_content(), &mut skip);
                }
            }
            Event::GeneralRef(ref r) if skip == 0 => {
                if let Some(c) = current.as_mut() {
                    let text = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().map(String::from)
                    } else {
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).map(str::to_string)
                    };
                    c.add_text(text.as_deref().unwrap_or_default(), &mut skip);
                }
            }
            Event::Eof => return end_of_file(loc, &root, closed, &current, skip),
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests;
