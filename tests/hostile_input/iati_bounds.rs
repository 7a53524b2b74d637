//! IATI files from other publishers: bounds on what one activity may make the reader hold or
//! do, budgets that would overflow, and files broken after or before their root element.

use super::{activity, check, findings, iati, ids, imported, line_of, plain};
use crate::common::{Dir, run_bounded, run_in};

/// One activity's text is bounded: more than 8 MiB of text (in many pieces or one run) or
/// more than 200,000 elements, and the activity is refused with an error naming its file and
/// line; the activities around it are screened and imported.
#[test]
fn an_oversized_activity_is_refused_and_the_others_are_read() {
    let mib = "word ".repeat(1024 * 1024 / 5);
    let pieces: String = (0..10).map(|_| format!("<narrative>{mib}</narrative>")).collect();
    let run = "x".repeat(12 * 1024 * 1024);
    let elements = "<sector code=\"15210\"/>".repeat(200_001);
    let text = iati(&[
        plain("XM-OK-1"),
        activity("XM-BIG-TEXT", &format!("<description>{pieces}</description>")),
        plain("XM-OK-2"),
        activity("XM-BIG-RUN", &format!("<title><narrative>{run}</narrative></title>")),
        activity("XM-MANY", &elements),
        plain("XM-OK-3"),
    ]);
    let dir = Dir::new();
    dir.write("big.xml", &text);
    let screened = check(dir.path(), &["big.xml"]);
    assert_eq!(screened.status, 2, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-OK-1", "XM-OK-2", "XM-OK-3"]);
    let import = run_in(dir.path(), &["import", "iati", "big.xml", "-o", "out"]);
    assert_eq!(import.status, 2, "{}", import.stderr);
    assert_eq!(imported(&dir), ["XM-OK-1.yaml", "XM-OK-2.yaml", "XM-OK-3.yaml"]);
    assert!(import.stdout.contains("3 written to out, 3 skipped (3 too large)"), "{}", import.stdout);
    for (n, what) in [(1, "8388608 bytes of text"), (3, "8388608 bytes of text"), (4, "200000 elements")] {
        let message =
            format!("error[DNH403]: big.xml:{}:1: activity not read: it holds more than {what}", line_of(&text, n));
        assert!(screened.stderr.contains(&message), "{message}\n{}", screened.stderr);
        assert!(import.stderr.contains(&message), "{message}\n{}", import.stderr);
    }
}

/// A tag longer than the bound cannot be passed over (where it ends is not known): the file
/// ends there with an error, after the activities before it.
#[test]
fn a_tag_longer_than_the_bound_ends_the_file_with_an_error() {
    let long = "x".repeat(9 * 1024 * 1024);
    let text = iati(&[plain("XM-OK-1"), activity("XM-LONG", &format!("<sector code=\"{long}\"/>")), plain("XM-OK-2")]);
    let dir = Dir::new();
    dir.write("long.xml", &text);
    let screened = check(dir.path(), &["long.xml"]);
    assert_eq!(screened.status, 2, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-OK-1"]);
    let line = line_of(&text, 1) + 2;
    let message =
        format!("error[DNH402]: long.xml:{line}:1: a tag, comment or CDATA section longer than 8388608 bytes");
    assert!(screened.stderr.contains(&message), "{message}\n{}", screened.stderr);
}

/// Nesting is bounded inside elements passed over too (a `<result>` is not read, but its
/// depth would be held).
#[test]
fn deep_nesting_where_nothing_is_read_is_an_error() {
    let deep = format!("<result>{}{}</result>", "<x>".repeat(1000), "</x>".repeat(1000));
    let text = iati(&[plain("XM-OK-1"), activity("XM-DEEP", &deep), plain("XM-OK-2")]);
    let dir = Dir::new();
    dir.write("deep.xml", &text);
    let screened = check(dir.path(), &["deep.xml"]);
    assert_eq!(screened.status, 2, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-OK-1"]);
    let message = format!("error[DNH402]: deep.xml:{}:", line_of(&text, 1) + 2);
    assert!(screened.stderr.contains(&message), "{message}\n{}", screened.stderr);
    assert!(screened.stderr.contains("elements nested deeper than 64 levels"), "{}", screened.stderr);
}

/// 99,000 participating organisations (each named twice, by the same reference or the same
/// name) and 66,000 locations (each twice): once each. Comparing each with all those before
/// it took minutes; `scripts/bench.sh --bounds` times it, and a run past 60 s fails here.
#[test]
fn organisations_and_locations_are_deduplicated_in_linear_time() {
    let orgs: String = (0..49_500)
        .map(|i| {
            let again = if i % 2 == 0 {
                format!("<participating-org role=\"1\" ref=\"XM-ORG-{i}\"><narrative>Funder {i}</narrative></participating-org>")
            } else {
                format!("<participating-org role=\"1\"><narrative>ORGANISATION {i}</narrative></participating-org>")
            };
            format!("<participating-org role=\"4\" ref=\"XM-ORG-{i}\"><narrative>Organisation {i}</narrative></participating-org>\n{again}\n")
        })
        .collect();
    let places: String = (0..66_000)
        .map(|i| format!("<location><name><narrative>Place {}</narrative></name></location>\n", i % 33_000))
        .collect();
    let text = iati(&[activity("XM-ORGS", &orgs), activity("XM-PLACES", &places)]);
    let dir = Dir::new();
    dir.write("many.xml", &text);
    let import = run_bounded(dir.path(), &["import", "iati", "many.xml", "-o", "out"]);
    assert_eq!(import.status, 0, "{}", import.stderr);
    let orgs = std::fs::read_to_string(dir.path().join("out/XM-ORGS.yaml")).expect("imported");
    assert_eq!(orgs.lines().filter(|l| l.starts_with("  - name: ")).count(), 49_500);
    let places = std::fs::read_to_string(dir.path().join("out/XM-PLACES.yaml")).expect("imported");
    let regions = places.lines().find_map(|l| l.strip_prefix("  regions: [")).unwrap_or_default();
    assert_eq!(regions.split(", ").count(), 33_000);
}

/// Budget sums are added in cents with checked arithmetic: a sum beyond the largest amount
/// added, or a value that is not a finite number, is an error naming its line (before, two
/// huge lines wrapped around, or gave a wrong number); the other activities are screened.
#[test]
fn budget_sums_never_wrap() {
    let budget = |values: &[&str]| -> String {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "<budget type=\"1\"><period-start iso-date=\"{}-01-01\"/>\n<value>{v}</value></budget>\n",
                    2020 + i
                )
            })
            .collect()
    };
    let with = |id: &str, values: &[&str]| {
        activity(
            id,
            &format!(
                "<title><narrative>Budget</narrative></title>\n<recipient-country code=\"ML\"/>\n{}",
                budget(values)
            ),
        )
    };
    let max = "92233720368547758.07";
    let text = iati(&[
        with("XM-SUM-1", &[max, max]),
        with("XM-WRAP-2", &["1e39", "1e39"]),
        with("XM-INF-3", &["1e400"]),
        with("XM-NAN-4", &["NaN"]),
        with("XM-DIGITS-5", &["123456789012345678901234567890123456789012345"]),
        with("XM-MAX-6", &[max]),
        with("XM-OK-7", &["1000.10", "2000.20"]),
    ]);
    let dir = Dir::new();
    dir.write("budgets.xml", &text);
    let screened = check(dir.path(), &["budgets.xml"]);
    assert_eq!(screened.status, 2, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-MAX-6", "XM-OK-7"]);
    let value_line = |n: usize, k: usize| line_of(&text, n) + 5 + 2 * k;
    let expected = [
        (value_line(0, 1), format!("the budget in EUR adds up, at line {}, to more than", value_line(0, 1))),
        (
            value_line(1, 0),
            format!("the value `1e39` at line {} is more than the largest amount added", value_line(1, 0)),
        ),
        (value_line(2, 0), format!("the value `1e400` at line {} is not a finite amount", value_line(2, 0))),
        (value_line(3, 0), format!("the value `NaN` at line {} is not a finite amount", value_line(3, 0))),
        (
            value_line(4, 0),
            "is more than the largest amount added (92233720368547758.07): the activity is not read".to_string(),
        ),
    ];
    for (line, says) in &expected {
        let error = screened.stderr.lines().find(|l| l.starts_with(&format!("error[DNH404]: budgets.xml:{line}:")));
        assert!(error.is_some_and(|e| e.contains(says.as_str())), "{line}: {says}\n{}", screened.stderr);
    }
    let import = run_in(dir.path(), &["import", "iati", "budgets.xml", "-o", "out"]);
    assert_eq!(import.status, 2, "{}", import.stderr);
    assert_eq!(imported(&dir), ["XM-MAX-6.yaml", "XM-OK-7.yaml"]);
    let ok = std::fs::read_to_string(dir.path().join("out/XM-OK-7.yaml")).expect("imported");
    assert!(ok.contains("budget:\n  amount: 3000.3\n  currency: EUR\n"), "{ok}");
    let max = std::fs::read_to_string(dir.path().join("out/XM-MAX-6.yaml")).expect("imported");
    assert!(max.contains("  amount: 92233720368547760.0\n"), "{max}");
    assert_eq!(findings(&screened), findings(&check(dir.path(), &["out"])));
}

/// After the root element only comments may follow: another activity, another root or text
/// there is an error naming its line; the activities inside the root are screened.
#[test]
fn content_after_the_root_element_is_an_error() {
    let root = iati(&[plain("XM-IN-1"), plain("XM-IN-2")]);
    let dir = Dir::new();
    dir.write("activity.xml", &format!("{root}{}", plain("XM-AFTER")));
    dir.write("root.xml", &format!("{root}{}", iati(&[plain("XM-SECOND")]).replace("<?xml version=\"1.0\"?>\n", "")));
    dir.write("text.xml", &format!("{root}trailing words\n"));
    dir.write("comment.xml", &format!("{root}<!-- a comment -->\n\n"));
    let after = root.lines().count() + 1;
    for name in ["activity.xml", "root.xml", "text.xml"] {
        let screened = check(dir.path(), &[name]);
        assert_eq!(screened.status, 2, "{name}: {}", screened.stderr);
        assert_eq!(ids(&screened), ["XM-IN-1", "XM-IN-2"], "{name}");
        let message = format!(
            "error[DNH402]: {name}:{after}:1: content after the root element <iati-activities> closed at line {}",
            after - 1
        );
        assert!(screened.stderr.contains(&message), "{message}\n{}", screened.stderr);
    }
    let screened = check(dir.path(), &["comment.xml"]);
    assert_eq!(screened.status, 0, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-IN-1", "XM-IN-2"]);
}

/// A file cut short between two activities (its root never closed) is an error naming the
/// line where it ends; the activities before are screened and imported.
#[test]
fn a_file_cut_between_two_activities_is_an_error() {
    let whole = iati(&[plain("XM-CUT-1"), plain("XM-CUT-2"), plain("XM-CUT-3")]);
    let cut = &whole[..whole.find("<iati-activity default-currency=\"EUR\">\n<iati-identifier>XM-CUT-3").unwrap_or(0)];
    let dir = Dir::new();
    dir.write("cut.xml", cut);
    let end = cut.lines().count() + 1;
    let message = format!(
        "cut.xml:{end}:1: the file ends before the root element <iati-activities> (line 2) is closed: it is cut short"
    );
    let screened = check(dir.path(), &["cut.xml"]);
    assert_eq!(screened.status, 2, "{}", screened.stderr);
    assert_eq!(ids(&screened), ["XM-CUT-1", "XM-CUT-2"]);
    assert!(screened.stderr.contains(&format!("error[DNH402]: {message}")), "{message}\n{}", screened.stderr);
    let import = run_in(dir.path(), &["import", "iati", "cut.xml", "-o", "out"]);
    assert_eq!(import.status, 2, "{}", import.stderr);
    assert_eq!(imported(&dir), ["XM-CUT-1.yaml", "XM-CUT-2.yaml"]);
    assert!(import.stderr.contains(&message), "{message}\n{}", import.stderr);
}

/// Words that say something else (`surveillance épidémiologique`) are passed over wherever
/// they occur: a description repeating them 40,000 times took minutes when each search began
/// again from the start; `scripts/bench.sh --bounds` times it, and a run past 60 s fails here.
#[test]
fn a_description_repeating_ignored_words_is_read_in_linear_time() {
    let words = format!("{}surveillance des frontières", "surveillance épidémiologique ".repeat(40_000));
    let text = iati(&[activity(
        "XM-WORDS",
        &format!(
            "<title><narrative xml:lang=\"fr\">Appui</narrative></title>\n<description><narrative xml:lang=\"fr\">{words}</narrative></description>"
        ),
    )]);
    let dir = Dir::new();
    dir.write("words.xml", &text);
    let import = run_bounded(dir.path(), &["import", "iati", "words.xml", "-o", "out"]);
    assert_eq!(import.status, 0, "{}", import.stderr);
    let file = std::fs::read_to_string(dir.path().join("out/XM-WORDS.yaml")).expect("imported");
    let kinds: Vec<&str> = file.lines().filter_map(|l| l.trim_start().strip_prefix("- kind: ")).collect();
    assert_eq!(kinds, ["surveillance"], "{}", &file[..file.len().min(2000)]);
}
