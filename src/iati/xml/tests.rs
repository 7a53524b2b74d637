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

/// A run of text past the bound is cut at a character's start and passed over to its end:
/// its activity is refused, the lines after it are still counted, the next activity read.
#[test]
fn a_long_run_of_text_is_passed_over_and_its_activity_refused() {
    let run = "é\n".repeat(3 * 1024 * 1024 + 1);
    let text = format!(
        "<iati-activities>\n<iati-activity>\n<title>{run}</title>\n</iati-activity>\n<iati-activity>\n<iati-identifier>B</iati-identifier>\n</iati-activity>\n</iati-activities>\n"
    );
    let (acts, err) = read(&text);
    assert!(err.is_none(), "{err:?}");
    assert_eq!(acts.len(), 2);
    assert!(acts[0].refused.as_deref().is_some_and(|r| r.contains("8388608 bytes of text")), "{:?}", acts[0].refused);
    assert!(acts[0].elem.children.is_empty());
    assert_eq!(acts[1].elem.loc, Loc::new(3 * 1024 * 1024 + 6, 1));
    assert!(acts[1].refused.is_none() && acts[1].elem.child("iati-identifier").is_some());
}

#[test]
fn the_root_must_close_and_nothing_may_follow_it() {
    let (acts, err) = read("<iati-activities>\n<iati-activity/>\n");
    assert_eq!(acts.len(), 1);
    assert!(err.is_some_and(|e| e.loc.line == 3 && e.message.contains("cut short")));
    let (acts, err) = read("<iati-activity>\n</iati-activity>\n<iati-activity/>\n");
    assert_eq!(acts.len(), 1);
    assert!(err.is_some_and(|e| e.loc == Loc::new(3, 1) && e.message.contains("content after the root element")));
    let (acts, err) = read("<iati-activities/>\n<!-- end -->\n");
    assert!(acts.is_empty() && err.is_none(), "{err:?}");
}
