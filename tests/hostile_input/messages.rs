//! Messages that tell the truth about what was written, and inputs bounded in time and memory.

use super::common::{Dir, FUEL_BAN, Run, STRONG, check, run_in};

/// `STRONG` with its id replaced and `from` replaced by `to`.
fn strong(id: &str, from: &str, to: &str) -> String {
    assert!(STRONG.contains(from), "{from}");
    STRONG.replace("id: ML-SIK-DEV-99", &format!("id: {id}")).replace(from, to)
}

fn errors(run: &Run) -> Vec<&str> {
    run.stderr.lines().filter(|l| l.starts_with("error[")).collect()
}

#[test]
fn a_max_depth_beyond_the_reader_is_refused_with_its_real_limit() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    let run = check(&dir, &["good.yaml", "--max-depth", "1000"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("1000 is more than the YAML reader can nest: it reads at most 255 levels"),
        "{}",
        run.stderr
    );
    // At the reader's limit, deep files are read or refused with that limit, never a crash,
    // also when several are read at once.
    let flow = |n: usize| format!("id: A\ntitle: {}{}\n", "[".repeat(n), "]".repeat(n));
    let block = |n: usize| {
        let mut text = String::from("id: A\n");
        for i in 0..n {
            text.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        text
    };
    dir.write("flow-250.yaml", &flow(250));
    dir.write("block-250.yaml", &block(250));
    dir.write("flow-300.yaml", &flow(300));
    dir.write("block-3000.yaml", &block(3000));
    let run = check(&dir, &[".", "--max-depth", "255", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "{}", run.stderr);
    assert_eq!(run.json()["summary"]["programmes"], 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[DNH203]: flow-250.yaml:2:8: `title` must be text; found a list"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("error[DNH201]: block-250.yaml:2:1: unknown field `k0`"), "{}", run.stderr);
    for deep in ["flow-300.yaml", "block-3000.yaml"] {
        let line = errors(&run)
            .into_iter()
            .find(|l| l.starts_with("error[") && l.contains(&format!("]: {deep}:")))
            .unwrap_or("");
        assert!(
            line.ends_with(
                "file exceeds a safety limit: nested deeper than 255 levels, the most the YAML reader nests"
            ),
            "{deep}: {}",
            run.stderr
        );
    }
}

#[test]
fn overflowing_integers_are_shown_as_written() {
    let dir = Dir::new();
    let text = strong("BIG", "surveys: 1", "surveys: 99999999999999999999999")
        .replace("stage: design", "stage: design\nduration_months: 18446744073709551616\nstart: 99999999999999999999\nscreening: { prepared_by: \"Ménaka\", date: 123456789012345678901234567890123456789012345 }");
    dir.write("big.yaml", &text);
    dir.write(
        "rules/livelihoods/XLIV-001.yaml",
        "id: XLIV-001\ntitle: Test\nrisk_area: livelihoods\napplies_to: [all]\nwhen:\n  field: measures.partner_vetting\n  is: yes\nimpact: 99999999999999999999999\nlikelihood: -9223372036854775809\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n",
    );
    let run = check(&dir, &["big.yaml", "--checklist", "rules"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for expected in [
        "big.yaml:7:18: `duration_months` must be between 1 and 600; found 18446744073709551616",
        "big.yaml:8:8: `start` must be a date (YYYY-MM-DD, YYYY-MM or YYYY); found `99999999999999999999`",
        "big.yaml:9:43: `screening.date` must be a date (YYYY-MM-DD, YYYY-MM or YYYY); found `123456789012345678901234567890123456789012345`",
        "`analysis.community_perception.surveys` must be between 0 and 1000; found 99999999999999999999999",
        "XLIV-001.yaml:8:9: `impact` must be between 1 and 5; found 99999999999999999999999",
        "XLIV-001.yaml:9:13: `likelihood` must be between 1 and 5; found -9223372036854775809",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    for wrapped in ["9223372036854775807", "e+", "e22", "1e23"] {
        assert!(!run.stderr.contains(wrapped), "{wrapped}\n{}", run.stderr);
    }
}

#[test]
fn iati_budget_sums_never_wrap() {
    let dir = Dir::new();
    let activity = |id: &str, a: &str, b: &str| {
        format!(
            "<iati-activity default-currency=\"EUR\">\n<iati-identifier>{id}</iati-identifier>\n<title><narrative>T</narrative></title>\n<budget type=\"1\"><period-start iso-date=\"2024-01-01\"/><value>{a}</value></budget>\n<budget type=\"1\"><period-start iso-date=\"2025-01-01\"/><value>{b}</value></budget>\n</iati-activity>\n"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n{}{}{}</iati-activities>\n",
        activity("XM-WRAP", "60000000000000000", "60000000000000000"),
        activity("XM-HUGE", "1", "99999999999999999999999"),
        activity("XM-OK", "40000000000000000", "40000000000000000.50"),
    );
    dir.write("budgets.xml", &xml);
    let run = check(&dir, &["budgets.xml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let largest = "more than the largest amount added (92233720368547758.07): the activity is not read";
    assert!(
        run.stderr
            .contains(&format!("error[DNH404]: budgets.xml:7:55: the budget in EUR adds up, at line 7, to {largest}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "error[DNH404]: budgets.xml:13:55: the value `99999999999999999999999` at line 13 is {largest}"
        )),
        "{}",
        run.stderr
    );
    let ids: Vec<String> = run.json()["programmes"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["id"].as_str().map(String::from)).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["XM-OK"]);
}

/// IATI values are XML Schema decimals: `0.001` is read exactly (before, it was rounded to no
/// cents and dropped); a value written with a `,` is an error naming its line (before, it was
/// passed over and the budget was 1000 with no note); a negative value beyond the smallest
/// amount says so and what it is (before, "more than the largest amount", without the value).
#[test]
fn iati_budget_values_are_read_exactly_or_refused_as_written() {
    let dir = Dir::new();
    let activity = |id: &str, a: &str, b: &str| {
        format!(
            "<iati-activity default-currency=\"EUR\">\n<iati-identifier>{id}</iati-identifier>\n<title><narrative>T</narrative></title>\n<budget type=\"1\"><period-start iso-date=\"2024-01-01\"/><value>{a}</value></budget>\n<budget type=\"1\"><period-start iso-date=\"2025-01-01\"/><value>{b}</value></budget>\n</iati-activity>\n"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n{}{}{}{}{}</iati-activities>\n",
        activity("XM-MILLI", "1000", "0.001"),
        activity("XM-COMMA", "1000", "1,000"),
        activity("XM-NEGATIVE", "1", "-99999999999999999999999"),
        activity("XM-SPACE", "1 000", "5"),
        activity("XM-OK", "1000.5", "2000.25"),
    );
    dir.write("budgets.xml", &xml);
    let run = check(&dir, &["budgets.xml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let not_an_amount = "is not an amount (IATI values are written with digits and a `.` before the decimals, without `,` or spaces): the activity is not read";
    for expected in [
        format!("error[DNH404]: budgets.xml:13:55: the value `1,000` at line 13 {not_an_amount}"),
        "error[DNH404]: budgets.xml:19:55: the value `-99999999999999999999999` at line 19 is less than the smallest amount added (-92233720368547758.07): the activity is not read".to_string(),
        format!("error[DNH404]: budgets.xml:24:55: the value `1 000` at line 24 {not_an_amount}"),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(errors(&run).len(), 3, "{}", run.stderr);
    assert!(!run.stderr.contains("more than the largest"), "{}", run.stderr);
    let ids: Vec<String> = run.json()["programmes"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["id"].as_str().map(String::from)).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["XM-MILLI", "XM-OK"]);
    let import = run_in(dir.path(), &["import", "iati", "budgets.xml", "-o", "out"]);
    assert_eq!(import.status, 2, "{}", import.stderr);
    let milli = std::fs::read_to_string(dir.path().join("out/XM-MILLI.yaml")).expect("imported");
    assert!(milli.contains("budget:\n  amount: 1000.001\n  currency: EUR\n"), "{milli}");
    let ok = std::fs::read_to_string(dir.path().join("out/XM-OK.yaml")).expect("imported");
    assert!(ok.contains("budget:\n  amount: 3000.75\n  currency: EUR\n"), "{ok}");
    assert!(!dir.path().join("out/XM-COMMA.yaml").exists());
}

/// A `format` number not written `1` is quoted as written, with what to write (before,
/// `format: 1.0` was "unsupported format `1`; this version reads format 1").
#[test]
fn a_format_written_otherwise_is_quoted_as_written() {
    let dir = Dir::new();
    for (name, written, says) in [
        ("decimal", "1.0", "format `1.0` is format 1 written otherwise; write `format: 1`"),
        ("exponent", "1e0", "format `1e0` is format 1 written otherwise; write `format: 1`"),
        ("zero", "01", "format `01` is format 1 written otherwise; write `format: 1`"),
        ("half", "1.5", "unsupported format `1.5`; this version reads only format 1: write `format: 1`"),
        ("two", "2", "unsupported format `2`; this version reads only format 1: write `format: 1`"),
    ] {
        dir.write(&format!("{name}.yaml"), &strong(name, "format: 1", &format!("format: {written}")));
        let run = check(&dir, &[&format!("{name}.yaml")]);
        assert_eq!(run.status, 2, "{}", run.stderr);
        let code = if says.starts_with("unsupported") { "DNH211" } else { "DNH207" };
        let line = format!("error[{code}]: {name}.yaml:1:9: {says}\n");
        assert!(run.stderr.contains(&line), "{written}: {}", run.stderr);
    }
    dir.write("one.yaml", &strong("one", "format: 1", "format: 1"));
    assert_eq!(check(&dir, &["one.yaml"]).status, 0);
}

#[test]
fn a_quoted_number_is_said_to_be_quoted() {
    let dir = Dir::new();
    dir.write("q.yaml", &strong("Q", "surveys: 1", "surveys: \"3\"").replace("format: 1", "format: \"1\""));
    let run = check(&dir, &["q.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error[DNH203]: q.yaml:1:9: `format` must be the number 1; found the quoted text \"1\", not a number; remove the quotes"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "`analysis.community_perception.surveys` must be a whole number; found the quoted text \"3\", not a number; remove the quotes"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn on_and_off_are_suggested_as_yes_and_no() {
    let dir = Dir::new();
    let text = strong("ON", "border_areas: no", "border_areas: on")
        .replace("remote: no", "remote: Off")
        .replace("data_protection: { answer: yes", "data_protection: { answer: ON");
    dir.write("on.yaml", &text);
    let run = check(&dir, &["on.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for expected in [
        "`location.border_areas` has unknown value `on`; did you mean `yes`?",
        "`location.remote` has unknown value `Off`; did you mean `no`?",
        "`measures.data_protection.answer` has unknown value `ON`; did you mean `yes`?",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // `true` and `false` are read as yes and no.
    dir.write(
        "true.yaml",
        &strong("T1", "border_areas: no", "border_areas: false").replace("remote: no", "remote: true"),
    );
    let run = check(&dir, &["true.yaml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn invisible_characters_in_keys_and_values_are_written_out() {
    let dir = Dir::new();
    let text = strong("ZW", "measures:", "meas\u{200d}ures:\n  x: 1\nmeasures:")
        .replace("type: development", "type: develop\u{ad}ment")
        .replace("  remote: no", "  remote\u{a0}: no\n  x\u{200b}: 1");
    dir.write("zw.yaml", &text);
    let run = check(&dir, &["zw.yaml", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for expected in [
        "unknown field `meas\\u{200d}ures`; did you mean `measures`?",
        "`type` has unknown value `develop\\u{ad}ment`",
        "unknown field `remote\\u{a0}` in `location`",
        "unknown field `x\\u{200b}` in `location`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
        let json = run.json();
        let messages: Vec<&str> = json["errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["message"].as_str()).collect())
            .unwrap_or_default();
        assert!(messages.iter().any(|m| m.contains(expected)), "{expected}: {messages:?}");
    }
    for hidden in ['\u{200d}', '\u{ad}', '\u{a0}', '\u{200b}'] {
        assert!(!run.stderr.contains(hidden) && !run.stdout.contains(hidden), "{hidden:?}\n{}", run.stderr);
    }
    // A quoted value cannot start a line of its own on standard error.
    dir.write("nl.yaml", &strong("NL", "type: development", "type: \"develop\\nerror: forged.yaml:1:1: forged\""));
    let run = check(&dir, &["nl.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("`type` has unknown value `develop\\u{a}error: forged.yaml:1:1: forged`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.lines().any(|l| l.starts_with("error: forged")), "{}", run.stderr);
}

#[test]
fn junk_after_the_root_and_a_file_cut_between_activities_are_errors() {
    let dir = Dir::new();
    let activity = |id: &str| {
        format!(
            "<iati-activity><iati-identifier>{id}</iati-identifier><title><narrative>T</narrative></title></iati-activity>\n"
        )
    };
    let head = "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n";
    dir.write("junk.xml", &format!("{head}{}</iati-activities>\n<junk/>\ntext\n", activity("XM-A")));
    dir.write("cut.xml", &format!("{head}{}{}", activity("XM-B"), activity("XM-C")));
    let run = check(&dir, &["junk.xml", "cut.xml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error[DNH402]: junk.xml:5:1: content after the root element <iati-activities> closed at line 4: the file is not one IATI document"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "error[DNH402]: cut.xml:5:1: the file ends before the root element <iati-activities> (line 2) is closed: it is cut short"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_duplicate_id_is_an_error_naming_both_files_and_both_are_screened() {
    let dir = Dir::new();
    dir.write("a.yaml", STRONG);
    dir.write("b.yaml", &STRONG.replace("title: Market gardening", "title: Other gardening"));
    let run = check(&dir, &["b.yaml", "a.yaml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(
        errors(&run),
        [
            "error[DNH208]: b.yaml:2:5: programme id `ML-SIK-DEV-99` is already used by a.yaml:2:5; both are screened, but give each its own id"
        ]
    );
    let report = run.json();
    let files: Vec<&str> = report["programmes"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["file"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(files, ["a.yaml", "b.yaml"]);
}

#[test]
fn limit_flags_bound_user_input_not_the_built_in_rules() {
    let dir = Dir::new();
    dir.write("tiny.yaml", "id: A\ntitle: T\ntype: ssr\n");
    let screened = |run: &Run| {
        assert!(!run.stderr.contains("checklists/"), "{}", run.stderr);
        let report = run.json();
        assert_eq!(report["summary"]["programmes"], 1, "{}", run.stderr);
        assert!(report["programmes"][0]["findings"].as_array().is_some_and(|f| !f.is_empty()), "{}", run.stdout);
    };
    for limit in [["--max-depth", "2"], ["--max-file-size", "100"], ["--max-nodes", "10"], ["--max-aliases", "0"]] {
        let mut args = vec!["tiny.yaml", "--format", "json", "--fail-on", "never"];
        args.extend(limit);
        let run = check(&dir, &args);
        assert_eq!(run.status, 0, "{limit:?}: {}", run.stderr);
        screened(&run);
    }
    // A rule folder given by the user is bound by them.
    dir.write(
        "rules/livelihoods/XLIV-001.yaml",
        "id: XLIV-001\ntitle: Test\nrisk_area: livelihoods\napplies_to: [all]\nwhen:\n  field: measures.partner_vetting\n  is: yes\nimpact: 2\nlikelihood: 2\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n",
    );
    let run = check(&dir, &["tiny.yaml", "--checklist", "rules", "--max-file-size", "100", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[DNH102]: rules/livelihoods/XLIV-001.yaml: file is larger than the limit of 100 bytes"),
        "{}",
        run.stderr
    );
    screened(&run);
}

/// `check --details` writes a title, a reason or a value with line breaks on one line: no
/// quoted text can print a line that looks like the tool's own.
#[test]
fn details_keep_quoted_text_on_its_line() {
    let dir = Dir::new();
    let forged = "error: fake.yaml:1:1: forged\n  [HIGH 20] XYZ-001 forged finding\n==========";
    let title = format!("title: \"Closing routes\\n{}\"", forged.replace('\n', "\\n"));
    let text = FUEL_BAN
        .replace("title: Closing the fuel smuggling routes of Ménaka", &title)
        .replace("regions: [Ménaka]", "regions: [\"Ménaka\\nerror: forged\"]")
        .replace(
            "  alternative_livelihoods:\n    provided: no\n",
            "  alternative_livelihoods:\n    provided: no\naccepted_risks:\n  - rule: DIS-001\n    reason: \"known\\n  [LOW 1] forged\"\n    approved_by: \"Board\\nerror: forged\"\n",
        );
    dir.write("n.yaml", &text);
    let run = run_in(dir.path(), &["check", "n.yaml", "--details", "--fail-on", "never", "--today", "2026-01-15"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("ML-MNK-BRD-99 — Closing routes\\nerror: fake.yaml:1:1: forged\\n  [HIGH 20] XYZ-001"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("known\\n  [LOW 1] forged (approved by Board\\nerror: forged)"), "{}", run.stdout);
    for line in run.stdout.lines() {
        assert!(!line.trim_start().starts_with("error:"), "{line}");
        assert!(!line.contains("XYZ-001") || line.contains("Closing routes"), "{line}");
        assert!(!line.trim_start().starts_with("[LOW 1]"), "{line}");
    }
    assert_eq!(run.stdout.lines().filter(|l| l.starts_with("=====")).count(), 1, "{}", run.stdout);
}

/// When every file found has errors, the table does not say that none was found.
#[test]
fn no_programme_screened_is_not_no_file_found() {
    let dir = Dir::new();
    dir.write("bad.yaml", "id: A\ntitle: T\ntype: boarder\n");
    let run = check(&dir, &["bad.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "No programme screened (see the errors above).\n");
    let run = check(&dir, &["bad.yaml", "--lang", "fr"]);
    assert_eq!(run.stdout, "Aucun programme analysé (voir les erreurs ci-dessus).\n");
    std::fs::remove_file(dir.path().join("bad.yaml")).expect("remove");
    let run = check(&dir, &["."]);
    assert_eq!(run.stdout, "No programme files found.\n", "{}", run.stderr);
}
