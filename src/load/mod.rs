//! Load stage: files → raw YAML documents with spans.
//!
//! Reads bytes within explicit limits, checks the text is UTF-8 (a byte-order mark is
//! accepted), and parses one YAML document into a `Node` tree. It must not interpret the
//! document: whether it is a valid programme or rule is the next stage's question.

pub mod discover;
pub mod node;

use node::written_numbers;
pub use node::{Node, NodeKind, visible};

use crate::model::{Loc, Problem, ProblemKind as K};
use std::io::Read;
use std::path::Path;

/// The deepest nesting of flow collections the YAML parser reads (`[[…]]`, `{…}`), whatever
/// the budget: `--max-depth` cannot be raised above it.
pub const DEEPEST: usize = 255;

/// Below this depth a file is parsed on the calling thread; above it, on a thread with a stack
/// sized for the depth (each level costs the parser's recursion some kilobytes of stack).
const SHALLOW: usize = 40;

/// Limits on what one input file may cost to read and parse.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of mappings and lists.
    pub max_depth: usize,
    /// Most alias references (`*name`) in one file.
    pub max_aliases: usize,
    /// Most YAML nodes in one file.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 8 * 1024 * 1024, max_depth: 32, max_aliases: 100, max_nodes: 100_000 }
    }
}

/// Reads and parses one file into a YAML node tree.
pub fn read_document(path: &Path, display: &str, limits: &Limits) -> Result<Node, Problem> {
    let bytes = read_bytes(path, display, limits)?;
    parse_bytes(&bytes, display, limits)
}

/// Opens a regular file for reading. A pipe, socket or device is refused before it is opened:
/// reading one could wait for ever.
pub fn open_regular(path: &Path, display: &str) -> Result<std::fs::File, Problem> {
    let problem = |e: std::io::Error| {
        Problem::new(display, Loc::NONE, K::Unreadable(format!("cannot read file: {}", io_reason(&e))))
    };
    let meta = std::fs::metadata(path).map_err(problem)?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a folder" } else { "a pipe, socket or device" };
        return Err(Problem::new(
            display,
            Loc::NONE,
            K::Unreadable(format!("cannot read file: {what}, not a regular file")),
        ));
    }
    std::fs::File::open(path).map_err(problem)
}

/// Reads a file's bytes, refusing more than the size limit.
pub fn read_bytes(path: &Path, display: &str, limits: &Limits) -> Result<Vec<u8>, Problem> {
    let file = open_regular(path, display)?;
    let mut bytes = Vec::new();
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::new(display, Loc::NONE, K::Unreadable(format!("cannot read file: {}", io_reason(&e)))))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Problem::new(
            display,
            Loc::NONE,
            K::TooLarge(format!(
                "file is larger than the limit of {} bytes (raise it with --max-file-size)",
                limits.max_file_bytes
            )),
        ));
    }
    Ok(bytes)
}

/// An I/O error's reason without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Parses bytes that should hold one YAML document.
pub fn parse_bytes(bytes: &[u8], display: &str, limits: &Limits) -> Result<Node, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() as u32 + 1;
        Problem::new(display, Loc::new(line, column), K::NotUtf8("file is not UTF-8 text; save it as UTF-8".into()))
    })?;
    parse_str(text, display, limits)
}

/// Parses text that should hold one YAML document.
pub fn parse_str(text: &str, display: &str, limits: &Limits) -> Result<Node, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::new(display, Loc::NONE, K::Empty("file is empty".into())));
    }
    let limits_copy = *limits;
    let parse = move || serde_saphyr::from_str_with_options::<Node>(text, parser_options(&limits_copy));
    let parsed = if limits.max_depth <= SHALLOW {
        parse()
    } else {
        let stack = 1024 * 1024 + limits.max_depth.min(DEEPEST + 1) * 128 * 1024;
        std::thread::scope(|scope| {
            let thread = std::thread::Builder::new().stack_size(stack).spawn_scoped(scope, parse);
            match thread {
                Ok(handle) => handle.join().map_err(|_| ()),
                Err(_) => Err(()),
            }
        })
        .map_err(|()| {
            Problem::new(display, Loc::NONE, K::Unreadable("cannot start a thread to read the file".into()))
        })?
    };
    let mut node: Node = parsed.map_err(|e| yaml_problem(&e, display, limits))?;
    written_numbers(&mut node, text);
    if node.is_null() {
        return Err(Problem::new(display, Loc::NONE, K::Empty("file holds no YAML content".into())));
    }
    Ok(node)
}

/// The parser's options for `limits`.
fn parser_options(limits: &Limits) -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.flow_nesting_limit = DEEPEST;
    budget.max_aliases = limits.max_aliases;
    budget.max_nodes = limits.max_nodes;
    // Parser events (starts, ends, scalars, aliases) follow the nodes: a few per node.
    budget.max_events = limits.max_nodes.saturating_mul(4);
    budget.max_recorded_anchor_events = budget.max_events;
    options.alias_limits.max_total_replayed_events = budget.max_events;
    budget.max_documents = 2;
    options.budget = Some(budget);
    options
}

/// Turns a parser error into a one-line problem with its position.
fn yaml_problem(error: &serde_saphyr::Error, display: &str, limits: &Limits) -> Problem {
    let loc = error.location().map(|l| Loc::new(l.line() as u32, l.column() as u32)).unwrap_or(Loc::NONE);
    let text = error.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    // The parser prefixes "line N column M: "; the position is reported separately.
    let message = match first.find(": ") {
        Some(i) if first.starts_with("line ") => &first[i + 2..],
        _ => first,
    };
    let message = message.split(", set DuplicateKeyPolicy").next().unwrap_or(message);
    let message = message.replace(
        "multiple YAML documents detected; use from_str_multiple or from_str_multiple_with_options",
        "file holds several YAML documents; write one programme per file",
    );
    // The position is reported separately; drop the parser's own " at line N, column M".
    let message = match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") && !message[i..].contains('(') => message[..i].to_string(),
        _ => message,
    };
    let message = if message.contains("tabs disallowed") { format!("{message}; indent with spaces") } else { message };
    if let Some(limit) = limit_message(&message, limits) {
        return Problem::new(display, loc, K::Limit(limit));
    }
    Problem::new(display, loc, K::InvalidYaml(format!("invalid YAML: {message}")))
}

/// A parser limit reached, said in the words of the flags that set it.
fn limit_message(message: &str, limits: &Limits) -> Option<String> {
    let breach = message.strip_prefix("budget breached: ").unwrap_or(message);
    let said = if breach.starts_with("Aliases") {
        format!("more than {} alias references (`*name`); raise the limit with --max-aliases", limits.max_aliases)
    } else if breach.starts_with("Events") || breach.starts_with("alias replay limit exceeded") {
        "too many YAML nodes once aliases are expanded; raise the limit with --max-nodes".to_string()
    } else if breach.starts_with("Nodes") {
        format!("more than {} YAML nodes once aliases are expanded; raise the limit with --max-nodes", limits.max_nodes)
    } else if breach.starts_with("Depth") || breach.starts_with("recursion limit exceeded") {
        let depth = limits.max_depth.min(DEEPEST);
        let raise =
            if depth < DEEPEST { "; raise the limit with --max-depth" } else { ", the most the YAML reader nests" };
        format!("nested deeper than {depth} levels{raise}")
    } else if message.starts_with("budget breached: ") {
        let what = breach.split([' ', '{']).next().unwrap_or(breach);
        format!("too much YAML for the reader's safety budget ({what})")
    } else {
        return None;
    };
    Some(format!("file exceeds a safety limit: {said}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Node, Problem> {
        parse_str(text, "t.yaml", &Limits::default())
    }

    #[test]
    fn keeps_positions_and_strict_booleans() {
        let node = parse("a: yes\nb: true\nc:\n  - 1\n").unwrap_or(Node { loc: Loc::NONE, kind: NodeKind::Null });
        let a = node.get("a").map(|n| (n.loc, n.kind.clone()));
        assert_eq!(a, Some((Loc::new(1, 4), NodeKind::Str("yes".into()))));
        assert_eq!(node.get("b").map(|n| n.kind.clone()), Some(NodeKind::Bool(true)));
        assert_eq!(node.get("c").map(|n| n.loc), Some(Loc::new(4, 3)));
    }

    #[test]
    fn errors_name_line_and_column() {
        let err = parse("a: 1\na: 2\n").err().map(|p| (p.loc, p.kind));
        assert_eq!(err, Some((Loc::new(2, 1), K::InvalidYaml("invalid YAML: duplicate mapping key: a".to_string()))));
        let err = parse("a: 1\n---\nb: 2\n").err().map(|p| p.message().to_string());
        assert!(err.is_some_and(|m| m.contains("several YAML documents")));
        assert!(parse("   \n").is_err());
    }

    #[test]
    fn rejects_non_utf8_with_position() {
        let err = parse_bytes(b"a: 1\nb: \xff\n", "t.yaml", &Limits::default()).err().map(|p| p.loc);
        assert_eq!(err, Some(Loc::new(2, 4)));
        assert!(parse_bytes(b"\xEF\xBB\xBFa: 1\n", "t.yaml", &Limits::default()).is_ok());
    }
}
