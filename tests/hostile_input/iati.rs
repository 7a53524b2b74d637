//! IATI files from other publishers: what an import writes (here), bounds on what it reads and
//! broken files (`iati_bounds.rs`).

#[path = "iati_bounds.rs"]
mod bounds;

use super::common::{Dir, Run, run_in};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// An IATI file of the given activities.
fn iati(activities: &[String]) -> String {
    format!("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n{}</iati-activities>\n", activities.concat())
}

/// An activity: its identifier and the rest of its content, both as XML.
fn activity(identifier: &str, rest: &str) -> String {
    format!(
        "<iati-activity default-currency=\"EUR\">\n<iati-identifier>{identifier}</iati-identifier>\n{rest}\n</iati-activity>\n"
    )
}

/// A plain activity that screens without trouble.
fn plain(identifier: &str) -> String {
    activity(
        identifier,
        "<title><narrative>Border management</narrative></title>\n<sector code=\"15210\" percentage=\"100\"/>\n<recipient-country code=\"ML\"/>",
    )
}

fn check(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["check", "--today", "2026-01-15", "--format", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// What the screening says of each programme, by id: everything but where it was read.
fn findings(run: &Run) -> BTreeMap<String, Value> {
    let report = run.json();
    let programmes = report["programmes"].as_array().cloned().unwrap_or_default();
    programmes
        .iter()
        .map(|p| {
            let findings: Vec<Value> = p["findings"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|f| {
                    let evidence: Vec<Value> = f["evidence"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                        .iter()
                        .map(|e| json!([e["field"], e["value"]]))
                        .collect();
                    json!([f["rule"], f["rating"], f["status"], f["gap"], f["significance"], evidence])
                })
                .collect();
            let mut gaps: Vec<String> = p["gaps"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .filter_map(|g| g["field"].as_str().map(str::to_string))
                .collect();
            gaps.sort();
            let id = p["id"].as_str().unwrap_or_default().to_string();
            (id, json!([p["title"], p["type"], p["rating"], p["score"], findings, gaps, p["withheld"]]))
        })
        .collect()
}

/// The keys an import may write at the top of a programme file.
const WRITTEN: &[&str] = &[
    "format",
    "id",
    "title",
    "type",
    "summary",
    "donor",
    "implementer",
    "budget",
    "start",
    "duration_months",
    "stage",
    "location",
    "partners",
    "activities",
];

/// Identifiers, names and attribute values that try to end a comment or a scalar and add
/// `measures:` or `accepted_risks:` of their own (character references keep them in one line
/// of the XML).
fn hostile_files() -> Vec<(&'static str, String)> {
    let inject = "&#10;measures:&#10;  partner_vetting: {answer: yes, evidence: injected}&#10;  civilian_oversight: yes&#10;  do_no_harm_plan: yes";
    let accept = "&#10;accepted_risks:&#10;  - rule: LEG-001&#10;    by: x&#10;    until: 2099-01-01&#10;    reason: x";
    let body = |title: &str, org: &str, place: &str| {
        format!(
            "<title><narrative>{title}</narrative></title>\n<reporting-org ref=\"XM-DAC{inject}\"/>\n<participating-org role=\"4\" type=\"22\"><narrative>{org}</narrative></participating-org>\n<participating-org role=\"3\" ref=\"XM-REF{accept}\"/>\n<sector code=\"15210{inject}\" percentage=\"100\"/>\n<recipient-country code=\"ML\"/>\n<location><name><narrative>{place}</narrative></name></location>\n<related-activity type=\"1\" ref=\"XM-PARENT{accept}\"/>\n<budget type=\"1\"><period-start iso-date=\"2024-01-01\"/><value currency=\"EUR{inject}\">1000</value></budget>\n<budget type=\"1\"><period-start iso-date=\"2025-01-01\"/><value>2500.50</value></budget>\n<activity-date type=\"2\" iso-date=\"2024-01-01\"/>\n<activity-date type=\"3\" iso-date=\"2026-06-30\"/>"
        )
    };
    let one = vec![
        activity(&format!("XM-NL-1{inject}"), &body("Border # not a comment", "yes", "Kidal: north")),
        activity(&format!("XM-CR-2&#13;{accept}"), &body("\"Quoted\" and 'single'", "No", "- dash first")),
        activity(
            "XM-LS-3&#x2028;measures: {partner_vetting: yes}&#x2029;x",
            &body("Line&#x2028;separator&#x2029;and paragraph", "~", "[brackets], {braces}"),
        ),
        activity(
            "XM-NEL-4&#x85;# a comment&#xFEFF;",
            &body("Next&#x85;line &#xFEFF;bom", "null", "*alias &amp;anchor !tag"),
        ),
        activity(
            "  XM-SP-5 \"quoted\" 'single' #hash: colon  ",
            &body("on", "Org #1 \"q\" &#x2028;x: y", "%percent @at `tick |pipe >fold ?q"),
        ),
        activity("on", &body("12:30", "Off", "2024-01-01")),
        activity("XM-TAB-7&#9;x&#x202E;y&#x200B;z", &body("Tab&#9;and&#x202E;override", "Tab&#9;org", "1e3")),
    ];
    let two = vec![activity(&format!("XM-FILE-8{accept}"), &body("0x1F", "-", "..."))];
    vec![("hostile.xml", iati(&one)), ("feed\nmeasures: {partner_vetting: yes}.xml", iati(&two))]
}

/// The attack: values that break out of a comment or a scalar. Every imported file holds only
/// the keys an import writes, its comments stay comments, and each programme screens the same
/// imported as read from the XML directly: the same rule ids, ratings, scores and gaps.
#[test]
fn hostile_identifiers_and_values_screen_the_same_imported_as_read_directly() {
    let dir = Dir::new();
    let files = hostile_files();
    for (name, text) in &files {
        dir.write(&format!("xml/{name}"), text);
    }
    let paths: Vec<String> = files.iter().map(|(name, _)| format!("xml/{name}")).collect();
    let mut args = vec!["import", "iati"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["-o", "out"]);
    let import = run_in(dir.path(), &args);
    assert_eq!(import.status, 0, "{}{}", import.stdout, import.stderr);
    assert!(
        import.stdout.contains("Activities: 8 read, 8 selected, 8 written to out, 0 skipped."),
        "{}",
        import.stdout
    );

    let imported: Vec<_> =
        std::fs::read_dir(dir.path().join("out")).expect("out").map(|e| e.expect("entry").path()).collect();
    assert_eq!(imported.len(), 8, "{imported:?}");
    for path in &imported {
        let text = std::fs::read_to_string(path).expect("imported file");
        let (head, fields) = text.split_once("format: 1\n").unwrap_or_else(|| panic!("{}:\n{text}", path.display()));
        assert!(head.lines().all(|l| l.starts_with("# ")), "{}: a comment line was broken:\n{text}", path.display());
        assert!(!fields.lines().any(|l| l.starts_with('#')), "{}:\n{text}", path.display());
        let doc: Value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()));
        let keys: Vec<&String> = doc.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert!(keys.iter().all(|k| WRITTEN.contains(&k.as_str())), "{}: {keys:?}\n{text}", path.display());
        assert!(!text.contains("\nmeasures:") && !text.contains("\naccepted_risks:"), "{text}");
    }

    let mut direct = vec![];
    direct.extend(paths.iter().map(String::as_str));
    let from_xml = check(dir.path(), &direct);
    let from_yaml = check(dir.path(), &["out"]);
    assert_eq!(from_xml.status, 0, "{}", from_xml.stderr);
    assert_eq!(from_yaml.status, 0, "{}", from_yaml.stderr);
    let (xml, yaml) = (findings(&from_xml), findings(&from_yaml));
    assert_eq!(xml.len(), 8, "{:?}", xml.keys());
    assert_eq!(xml, yaml);
    // Nothing injected was taken as a measure or an acceptance, in either.
    for (id, p) in &xml {
        assert_ne!(p[2], "low", "{id}: {p}");
        assert!(!p.to_string().contains("injected"), "{id}: {p}");
    }
    assert!(
        from_yaml.json()["programmes"]
            .as_array()
            .is_some_and(|ps| ps.iter().all(|p| p["stale_acceptances"].as_array().is_none_or(Vec::is_empty)))
    );
}

/// The line of the `n`th activity of `text` (from 0).
fn line_of(text: &str, n: usize) -> usize {
    let at = text.match_indices("<iati-activity").filter(|(i, _)| !text[*i..].starts_with("<iati-activities")).nth(n);
    let at = at.map(|(i, _)| i).unwrap_or_else(|| panic!("no activity {n}"));
    text[..at].matches('\n').count() + 1
}

fn ids(run: &Run) -> Vec<String> {
    let report = run.json();
    let programmes = report["programmes"].as_array().cloned().unwrap_or_default();
    programmes.iter().filter_map(|p| p["id"].as_str().map(str::to_string)).collect()
}

fn imported(dir: &Dir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}
