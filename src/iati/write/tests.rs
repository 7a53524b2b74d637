use super::{comment, scalar, write};
use crate::load::{Limits, Node, NodeKind, parse_bytes, visible};
use crate::model::Loc;
use proptest::prelude::*;
use serde_json::{Value, json};

fn s(text: &str) -> Node {
    Node { loc: Loc::NONE, kind: NodeKind::Str(text.into()) }
}

/// The texts of a tree, in order (what a reader of the file gets back).
fn texts(node: &Node, out: &mut Vec<String>) {
    match &node.kind {
        NodeKind::Str(t) => out.push(t.clone()),
        NodeKind::Int(i) => out.push(i.to_string()),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            texts(k, out);
            texts(v, out);
        }),
        NodeKind::Seq(items) => items.iter().for_each(|i| texts(i, out)),
        _ => {}
    }
}

/// Pieces that mean something to YAML, to a terminal or to an editor.
const NASTY: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\t",
    "\0",
    "\u{7f}",
    "\u{9b}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{200b}",
    "\u{ad}",
    "\u{a0}",
    "\u{fffe}",
    " ",
    "  ",
    ": ",
    ":",
    " #",
    "#",
    "- ",
    "-",
    "? ",
    "?",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!",
    "!!str",
    "|",
    ">",
    "'",
    "''",
    "\"",
    "\\",
    "%YAML",
    "@",
    "`",
    "---",
    "...",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "N",
    "true",
    "False",
    "null",
    "~",
    "Null",
    "0",
    "-1",
    "0x1F",
    "0o7",
    "1e3",
    ".5",
    ".inf",
    "-.Inf",
    ".nan",
    "1_000",
    "12:30",
    "2024-01-01",
    "+1",
    "measures:",
    "accepted_risks:",
    "\n  partner_vetting: yes",
    "é",
    "e\u{301}",
    "نَص",
    "𝔘",
    "😀",
    "Ｉｎｔａｌｌａ",
];

fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(NASTY).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{1,4}",
    ];
    prop::collection::vec(piece, 0..7).prop_map(|parts| parts.concat())
}

/// What serde-saphyr reads from `text`, with no type in mind, as YAML 1.2 and as 1.1.
fn typeless(text: &str) -> Vec<Value> {
    [true, false]
        .into_iter()
        .map(|strict| {
            let mut options = serde_saphyr::Options::default();
            options.strict_booleans = strict;
            serde_saphyr::from_str_with_options::<Value>(text, options)
                .unwrap_or_else(|e| panic!("does not read back ({e}):\n{text}"))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    /// A value in every place the writer puts one (block value, flow list, list of mappings)
    /// and in a comment above them reads back as exactly the same text, and nothing else.
    #[test]
    fn any_text_reads_back_as_itself(text in nasty()) {
        let q = scalar(&text);
        prop_assert!(!q.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}']), "{q}");
        let c = comment(&text);
        prop_assert!(!c.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{feff}']), "{c}");
        let doc = format!("# Imported: {c} (line 1).\nk: {q}\nl: [{q}, {q}]\nm:\n  - name: {q}\n    kind: x\n");
        let want = json!({ "k": text, "l": [text, text], "m": [{ "name": text, "kind": "x" }] });
        for got in typeless(&doc) {
            prop_assert_eq!(&got, &want, "{}", doc);
        }
        let node = parse_bytes(doc.as_bytes(), "t.yaml", &Limits::default()).unwrap_or_else(|p| panic!("{p}\n{doc}"));
        prop_assert_eq!(node.get("k").map(|n| n.kind.clone()), Some(NodeKind::Str(visible(text.clone()))));
    }
}

#[test]
fn written_files_read_back_as_the_same_tree() {
    let tricky = [
        "Worofara, Mali",
        "Berlin, Deutschland",
        "[brackets] and {braces}",
        "a # not a comment",
        "Kidal: north",
        "no",
        "- dash first",
        "'quoted'",
        "l'Amour Vivant",
        "50% & more",
        "ends with space ",
        "tab\there",
        "« guillemets »",
        "*star",
        "&anchor",
        "!tag",
        "@at",
        "`tick",
        "|pipe",
        ">fold",
        "%percent",
        "?question",
        "line\nmeasures:\n  partner_vetting: yes",
    ];
    let seq = Node { loc: Loc::NONE, kind: NodeKind::Seq(tricky.iter().map(|t| s(t)).collect()) };
    let list = Node {
        loc: Loc::NONE,
        kind: NodeKind::Seq(vec![Node { loc: Loc::NONE, kind: NodeKind::Map(vec![(s("name"), s("A, B"))]) }]),
    };
    let mut entries: Vec<(Node, Node)> = tricky.iter().enumerate().map(|(i, t)| (s(&format!("k{i}")), s(t))).collect();
    entries.push((s("regions"), seq));
    entries.push((s("partners"), list));
    entries.push((s("amount"), Node { loc: Loc::NONE, kind: NodeKind::Float(92_233_720_368_547_760.0) }));
    let root = Node { loc: Loc::NONE, kind: NodeKind::Map(entries) };
    let mut out = String::new();
    write(&root, 0, &mut out);
    let back = parse_bytes(out.as_bytes(), "t.yaml", &Limits::default()).unwrap_or_else(|p| panic!("{p}\n{out}"));
    let (mut want, mut got) = (Vec::new(), Vec::new());
    texts(&root, &mut want);
    texts(&back, &mut got);
    assert_eq!(got, want, "{out}");
    // A float too large to show a decimal point still reads back as a float.
    assert_eq!(back.get("amount").map(|n| n.kind.clone()), Some(NodeKind::Float(92_233_720_368_547_760.0)));
}

#[test]
fn scalars_and_comments_are_written_out() {
    assert_eq!(scalar("Mopti"), "Mopti");
    assert_eq!(scalar("yes"), "\"yes\"");
    assert_eq!(scalar("On"), "\"On\"");
    assert_eq!(scalar(""), "\"\"");
    assert_eq!(scalar("2024-01-01"), "\"2024-01-01\"");
    assert_eq!(scalar("a: b"), "\"a: b\"");
    assert_eq!(scalar("Appui à la région"), "Appui à la région");
    assert_eq!(scalar("#1 \"x\""), "\"#1 \\\"x\\\"\"");
    assert_eq!(scalar("a\nb\u{2028}c\u{85}d\u{feff}\u{1b}"), "\"a\\nb\\Lc\\Nd\\uFEFF\\x1B\"");
    assert_eq!(comment("XM-1\nmeasures:\r\u{2029}x"), "XM-1\\nmeasures:\\r\\u{2029}x");
}
