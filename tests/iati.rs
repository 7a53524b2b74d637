//! `import iati` and IATI files given to `check` and `portfolio`: real published activities
//! (tests/fixtures/iati, see SOURCES.md) read back against the XML itself (roxmltree), and
//! small hand-written files for versions, languages, currencies and broken XML.

mod common;
use common::{Dir, root, run_in};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn fixture(name: &str) -> String {
    root().join("tests/fixtures/iati").join(name).to_string_lossy().into_owned()
}

fn import(dir: &Dir, args: &[&str]) -> common::Run {
    let mut all = vec!["import", "iati"];
    all.extend_from_slice(args);
    run_in(dir.path(), &all)
}

/// An imported programme file as JSON.
fn programme(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("folder").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

/// The first narrative of a child element (the fixture gives one language per element).
fn narrative(a: roxmltree::Node, child: &str) -> Option<String> {
    let elem = a.children().find(|c| c.has_tag_name(child))?;
    let text = elem.children().find(|n| n.has_tag_name("narrative"))?.text()?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn every_published_activity_becomes_a_programme_matching_its_source() {
    let dir = Dir::new();
    let source = fixture("ocha-dportal-mixed-24sahel.xml");
    let run = import(&dir, &[&source, "-o", "out"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("Activities: 100 read, 100 selected, 100 written to out, 0 skipped."),
        "{}",
        run.stdout
    );

    let text = std::fs::read_to_string(&source).expect("fixture");
    let doc = roxmltree::Document::parse(&text).expect("fixture parses");
    let mut checked_budgets = 0;
    for a in doc.root_element().children().filter(|n| n.has_tag_name("iati-activity")) {
        let identifier = a.children().find(|c| c.has_tag_name("iati-identifier")).and_then(|n| n.text()).expect("id");
        let file = dir.path().join("out").join(format!("{identifier}.yaml"));
        let p = programme(&file);
        let head = std::fs::read_to_string(&file).expect("file");
        assert!(
            head.starts_with(&format!("# Imported by dnh-screen from {source}, IATI activity {identifier}")),
            "{head}"
        );
        assert_eq!(p["id"], identifier);
        assert_eq!(p["title"].as_str(), narrative(a, "title").as_deref(), "{identifier}");
        // Countries: the activity's recipient countries, in order.
        let countries: Vec<String> = a
            .children()
            .filter(|c| c.has_tag_name("recipient-country"))
            .filter_map(|c| c.attribute("code"))
            .map(str::to_string)
            .collect();
        if !countries.is_empty() {
            let got: Vec<String> = p["location"]["countries"]
                .as_array()
                .map(|l| l.iter().filter_map(|c| c.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            assert_eq!(got, countries, "{identifier}");
        }
        // Partners: every named participating organisation but the reporting one, once.
        // (named by its ref or by its name: publishers mistype refs).
        let reporting = a.children().find(|c| c.has_tag_name("reporting-org"));
        let reporting_name = reporting.and_then(|r| narrative(r.parent().expect("activity"), "reporting-org"));
        let mut expected: Vec<String> = a
            .children()
            .filter(|c| {
                c.has_tag_name("participating-org") && c.attribute("ref") != reporting.and_then(|r| r.attribute("ref"))
            })
            .filter_map(|o| o.children().find(|n| n.has_tag_name("narrative")).and_then(|n| n.text()))
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|n| Some(n) != reporting_name.as_ref())
            .collect();
        expected.sort();
        expected.dedup();
        let mut got: Vec<String> = p["partners"]
            .as_array()
            .map(|l| l.iter().filter_map(|o| o["name"].as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        got.sort();
        assert_eq!(got, expected, "{identifier}");
        // Budget: where every line is an original budget in the default currency, their sum.
        let currency = a.attribute("default-currency");
        let budgets: Vec<roxmltree::Node> = a.children().filter(|c| c.has_tag_name("budget")).collect();
        let values: Vec<roxmltree::Node> =
            budgets.iter().filter_map(|b| b.children().find(|v| v.has_tag_name("value"))).collect();
        let simple = !budgets.is_empty()
            && budgets.iter().all(|b| b.attribute("type") == Some("1"))
            && values.iter().all(|v| v.attribute("currency").or(currency) == currency);
        if simple {
            let cents: i64 = values
                .iter()
                .map(|v| (v.text().unwrap_or("0").trim().parse::<f64>().unwrap_or(0.0) * 100.0).round() as i64)
                .sum();
            let amount = p["budget"]["amount"].as_f64().expect("amount");
            assert_eq!((amount * 100.0).round() as i64, cents, "{identifier}");
            assert_eq!(p["budget"]["currency"].as_str(), currency, "{identifier}");
            checked_budgets += 1;
        }
        // Nothing IATI does not carry is written.
        for absent in ["measures", "analysis", "context", "acceptances"] {
            assert!(p.get(absent).is_none(), "{identifier} has `{absent}`");
        }
    }
    assert!(checked_budgets > 50, "only {checked_budgets} budgets compared");

    // Every imported programme screens, with its gaps listed.
    let check = run_in(dir.path(), &["check", "out", "--format", "json", "--fail-on", "never"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let report = check.json();
    let programmes = report["programmes"].as_array().expect("programmes");
    assert_eq!(programmes.len(), 100);
    for p in programmes {
        let gaps: Vec<&str> = p["gaps"].as_array().expect("gaps").iter().filter_map(|g| g["field"].as_str()).collect();
        for field in ["measures.partner_vetting", "analysis.political_economy.done", "measures.community_consultation"]
        {
            assert!(gaps.contains(&field), "{}: {field} is not a gap: {gaps:?}", p["id"]);
        }
    }
}

/// The official example: values checked by hand against the annotated file.
#[test]
fn the_official_example_maps_as_documented() {
    let dir = Dir::new();
    let run = import(&dir, &[&fixture("iati-official-example-2.03.xml"), "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let path = dir.path().join("out/AA-AAA-123456789-ABC123.yaml");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("# Mapping: type `development` from DAC sector 111 (50%)."), "{text}");
    assert!(text.contains("# Mapping: other sectors: 112 (50%) → development."), "{text}");
    let p = programme(&path);
    assert_eq!(p["title"], "Activity title");
    assert_eq!(p["donor"], "Organisation name");
    assert_eq!(p["location"]["countries"], serde_json::json!(["AF", "AG"]));
    assert_eq!(p["budget"], serde_json::json!({"amount": 3000, "currency": "EUR"}));
    assert_eq!(p["start"], "2012-04-28");
    assert_eq!(p["duration_months"], 45);
    assert_eq!(p["stage"], "implementation");
    // Agency A reports the activity: it is the donor, not a partner.
    assert_eq!(
        p["partners"],
        serde_json::json!([
            {"name": "Name of Agency B", "kind": "international", "role": "co_funder"},
            {"name": "Name of Agency C", "kind": "government"}
        ])
    );
}

#[test]
fn checking_the_xml_gives_what_checking_the_imported_files_gives() {
    let dir = Dir::new();
    let source = fixture("ocha-dportal-mixed-24sahel.xml");
    let run = import(&dir, &[&source, "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let summary = |args: &[&str]| -> BTreeMap<String, Value> {
        let mut all = vec!["check", "--today", "2026-01-15", "--format", "json", "--fail-on", "never"];
        all.extend_from_slice(args);
        let r = run_in(dir.path(), &all);
        assert_eq!(r.status, 0, "{}", r.stderr);
        let report = r.json();
        report["programmes"]
            .as_array()
            .expect("programmes")
            .iter()
            .map(|p| {
                let rules: Vec<Value> =
                    p["findings"].as_array().expect("findings").iter().map(|f| f["rule"].clone()).collect();
                // Gaps are listed in file order, which differs between XML and YAML: compare as sets.
                let mut gaps: Vec<String> = p["gaps"]
                    .as_array()
                    .expect("gaps")
                    .iter()
                    .filter_map(|g| g["field"].as_str().map(str::to_string))
                    .collect();
                gaps.sort();
                let key = p["id"].as_str().expect("id").to_string();
                (key, serde_json::json!([p["rating"], p["score"], p["title"], p["type"], rules, gaps]))
            })
            .collect()
    };
    let from_xml = summary(&[&source]);
    let from_yaml = summary(&["out"]);
    assert_eq!(from_xml.len(), 100);
    assert_eq!(from_xml, from_yaml);

    // The portfolio reads the XML directly too, with the same totals.
    let portfolio = |path: &str| {
        let r = run_in(dir.path(), &["portfolio", "--today", "2026-01-15", path, "--format", "json"]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        let mut v = r.json();
        strip_places(&mut v);
        v
    };
    assert_eq!(portfolio(&source), portfolio("out"));
}

/// Drops where things are (files, lines, columns): the XML and the YAML place them differently.
fn strip_places(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| !matches!(k.as_str(), "file" | "files" | "line" | "column"));
            map.values_mut().for_each(strip_places);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_places),
        _ => {}
    }
}

const TWO_LANGUAGES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" xmlns:acme="http://example.org/acme">
 <iati-activity default-currency="EUR" xml:lang="en">
  <iati-identifier>XM-TEST-1/A</iati-identifier>
  <reporting-org ref="XM-TEST" type="10"><narrative>Test Ministry</narrative></reporting-org>
  <title>
   <narrative>Border posts in Kayes</narrative>
   <narrative xml:lang="fr">Postes frontières à Kayes</narrative>
  </title>
  <description type="1"><narrative xml:lang="fr">Construction de postes frontieres et formation des douaniers.</narrative></description>
  <acme:rating acme:score="5">extension element, ignored</acme:rating>
  <participating-org ref="XM-IMPL" role="4" type="22"><narrative>Association Kayes</narrative></participating-org>
  <recipient-country code="ML" percentage="100"/>
  <sector vocabulary="1" code="33120" percentage="70"/>
  <sector vocabulary="1" code="15130" percentage="30"/>
  <sector vocabulary="99" code="15210" percentage="100"/>
  <budget type="1"><period-start iso-date="2024-01-01"/><value>1000.10</value></budget>
  <budget type="1"><period-start iso-date="2025-01-01"/><value currency="USD">500</value></budget>
  <budget type="2"><period-start iso-date="2024-01-01"/><value>1200.20</value></budget>
  <budget type="1"><period-start iso-date="2026-01-01"/><value>300</value></budget>
  <location><name><narrative>Kayes</narrative></name></location>
 </iati-activity>
</iati-activities>
"#;

#[test]
fn languages_sectors_currencies_and_inferred_activities() {
    let dir = Dir::new();
    dir.write("donor.xml", TWO_LANGUAGES);
    let run = import(&dir, &["donor.xml", "-o", "en"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // `/` is not safe in a file name or id.
    let en_path = dir.path().join("en/XM-TEST-1-A.yaml");
    let en = programme(&en_path);
    assert_eq!(en["id"], "XM-TEST-1-A");
    assert_eq!(en["title"], "Border posts in Kayes");
    // Only a French description: it is taken whatever the language asked for.
    assert_eq!(en["summary"], "Construction de postes frontieres et formation des douaniers.");
    // 33120 has the largest percentage; vocabulary 99 is ignored; the other is noted.
    assert_eq!(en["type"], "border");
    let text = std::fs::read_to_string(&en_path).expect("file");
    assert!(text.contains("other sectors: 15130 (30%) → justice"), "{text}");
    assert!(!text.contains("15210"), "{text}");
    // The revised 2024 budget replaces the original; USD is never added to EUR.
    assert_eq!(en["budget"], serde_json::json!({"amount": 1500.2, "currency": "EUR"}));
    assert!(text.contains("budget in USD left aside: currencies are never added together"), "{text}");
    assert_eq!(en["implementer"], "Association Kayes");
    assert_eq!(
        en["partners"][0],
        serde_json::json!({"name": "Association Kayes", "kind": "civil_society", "role": "implementing"})
    );
    assert_eq!(en["location"]["regions"], serde_json::json!(["Kayes"]));
    // Activities only as inferred, each naming the words it rests on.
    let kinds: BTreeMap<String, String> = en["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| (a["kind"].as_str().unwrap_or("").to_string(), a["inferred_from"].as_str().unwrap_or("").to_string()))
        .collect();
    assert!(kinds["checkpoints"].contains("\"postes frontieres\""), "{kinds:?}");
    assert!(kinds["training"].contains("\"formation\""), "{kinds:?}");
    assert!(kinds["infrastructure"].contains("\"construction\""), "{kinds:?}");
    assert!(kinds.keys().all(|k| ["checkpoints", "training", "infrastructure"].contains(&k.as_str())), "{kinds:?}");

    let run = import(&dir, &["donor.xml", "-o", "fr", "--lang", "fr"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let fr = programme(&dir.path().join("fr/XM-TEST-1-A.yaml"));
    assert_eq!(fr["title"], "Postes frontières à Kayes");

    // Checking the XML with --lang fr reads the same narratives as that import.
    let check = run_in(dir.path(), &["check", "donor.xml", "--lang", "fr", "--format", "json", "--fail-on", "never"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    assert_eq!(check.json()["programmes"][0]["title"], "Postes frontières à Kayes");
}

#[test]
fn country_and_sector_select_activities() {
    let dir = Dir::new();
    let source = fixture("ocha-dportal-mixed-24sahel.xml");
    let text = std::fs::read_to_string(&source).expect("fixture");
    let doc = roxmltree::Document::parse(&text).expect("fixture parses");
    let activities: Vec<roxmltree::Node> =
        doc.root_element().children().filter(|n| n.has_tag_name("iati-activity")).collect();
    let has = |a: &roxmltree::Node, tag: &str, pred: &dyn Fn(&str) -> bool| {
        a.children().filter(|c| c.has_tag_name(tag)).any(|c| {
            matches!(c.attribute("vocabulary"), None | Some("1") | Some("2")) && c.attribute("code").is_some_and(pred)
        })
    };
    let in_mali = activities.iter().filter(|a| has(a, "recipient-country", &|c| c == "ML")).count();
    let gov_in_mali_or_niger = activities
        .iter()
        .filter(|a| {
            has(a, "recipient-country", &|c| c == "ML" || c == "NE") && has(a, "sector", &|c| c.starts_with("151"))
        })
        .count();
    assert!(in_mali > 0 && gov_in_mali_or_niger > 0 && gov_in_mali_or_niger < in_mali);

    let run = import(&dir, &[&source, "-o", "ml", "--country", "ML"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(yaml_files(&dir.path().join("ml")).len(), in_mali);
    let expected = format!(
        "Activities: 100 read, {in_mali} selected ({} not selected: {} by country)",
        100 - in_mali,
        100 - in_mali
    );
    assert!(run.stdout.contains(&expected), "{}", run.stdout);

    let run = import(&dir, &[&source, "-o", "gov", "--country", "ml,NE", "--sector", "151"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let files = yaml_files(&dir.path().join("gov"));
    assert_eq!(files.len(), gov_in_mali_or_niger);
    for f in &files {
        let countries = programme(f)["location"]["countries"].clone();
        assert!(countries.as_array().is_some_and(|c| c.iter().any(|c| c == "ML" || c == "NE")), "{countries}");
    }
}

#[test]
fn old_versions_and_broken_xml_are_reported_and_the_rest_is_imported() {
    let dir = Dir::new();
    dir.write(
        "mixed.xml",
        "<iati-activities version=\"2.01\">\n<iati-activity version=\"1.05\"><iati-identifier>XM-OLD</iati-identifier></iati-activity>\n<iati-activity><iati-identifier>XM-NEW</iati-identifier><title><narrative>New</narrative></title></iati-activity>\n<iati-activity><title><narrative>No id</narrative></title></iati-activity>\n</iati-activities>\n",
    );
    dir.write(
        "broken.xml",
        "<iati-activities version=\"2.03\">\n<iati-activity>\n<iati-identifier>XM-GOOD</iati-identifier>\n</iati-activity>\n<iati-activity>\n<iati-identifier>XM-BAD</iati-identifier>\n<title></narrative></title>\n</iati-activity>\n</iati-activities>\n",
    );
    let run = import(&dir, &["broken.xml", "mixed.xml", "-o", "out"]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    let names: Vec<String> = yaml_files(&dir.path().join("out"))
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names, ["XM-GOOD.yaml", "XM-NEW.yaml"]);
    assert!(run.stderr.contains("error[DNH402]: broken.xml:7:"), "{}", run.stderr);
    assert!(run.stderr.contains("malformed XML"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error[DNH401]: mixed.xml:2:1: IATI version 1.05 activity not supported"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error[DNH405]: mixed.xml:4:1: activity without an <iati-identifier>"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains(
            "Activities: 4 read, 2 selected, 2 written to out, 2 skipped (1 no identifier, 1 unsupported IATI version)."
        ),
        "{}",
        run.stdout
    );

    // `check` reports the same problems and still screens the good activities.
    let check = run_in(dir.path(), &["check", "broken.xml", "mixed.xml", "--format", "json"]);
    assert_eq!(check.status, 2);
    let report = check.json();
    let ids: Vec<&str> =
        report["programmes"].as_array().expect("list").iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, ["XM-GOOD", "XM-NEW"]);
    let errors: Vec<String> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| format!("{}:{}", e["file"].as_str().unwrap_or(""), e["line"]))
        .collect();
    assert!(errors.contains(&"broken.xml:7".to_string()) && errors.contains(&"mixed.xml:2".to_string()), "{errors:?}");
}

#[test]
fn folders_take_iati_files_by_content_and_leave_other_xml_alone() {
    let dir = Dir::new();
    dir.write("designs/activities.xml", TWO_LANGUAGES);
    dir.write("designs/junit.xml", "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"x\"/></testsuites>\n");
    dir.write("named/export.txt", TWO_LANGUAGES);
    let run = run_in(dir.path(), &["check", "designs", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["programmes"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["programmes"][0]["file"], "designs/activities.xml");
    // Findings point at lines of the XML.
    let lines: Vec<u64> = report["programmes"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["evidence"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["line"].as_u64())
        .collect();
    assert!(!lines.is_empty() && lines.iter().all(|l| (3..=20).contains(l)), "{lines:?}");
    // A file named on the command line is read by its content, whatever its extension.
    let run = run_in(dir.path(), &["check", "named/export.txt", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.json()["programmes"][0]["id"], "XM-TEST-1-A");
    // An XML file that is not IATI, named explicitly, is an error that says so.
    let run = run_in(dir.path(), &["check", "designs/junit.xml"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("designs/junit.xml:2:1: not an IATI activity file: the root element is <testsuites>"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_activity_is_imported_once_and_files_completed_by_hand_are_kept() {
    let dir = Dir::new();
    dir.write("a.xml", TWO_LANGUAGES);
    dir.write("b.xml", TWO_LANGUAGES);
    let run = import(&dir, &["a.xml", "b.xml", "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[DNH406]: b.xml:3: activity XM-TEST-1/A is already imported from a.xml:3"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("1 written to out, 1 skipped (1 duplicate identifier)"), "{}", run.stdout);

    // Again: nothing changes.
    let run = import(&dir, &["a.xml", "-o", "out"]);
    assert!(run.stdout.contains("1 written to out (1 unchanged)"), "{}", run.stdout);
    // Completed by hand: kept, unless --force.
    let path = dir.path().join("out/XM-TEST-1-A.yaml");
    let completed = format!("{}measures:\n  partner_vetting: true\n", std::fs::read_to_string(&path).expect("file"));
    std::fs::write(&path, &completed).expect("write");
    let run = import(&dir, &["a.xml", "-o", "out"]);
    assert!(run.stderr.contains("exists and differs"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).expect("file"), completed);
    let run = import(&dir, &["a.xml", "-o", "out", "--force"]);
    assert_eq!(run.status, 0);
    assert!(!std::fs::read_to_string(&path).expect("file").contains("partner_vetting"));
}

/// Shapes met in published files: the reporting organisation implementing, organisations
/// named by their category or twice, zero budgets, Spanish narratives, parent activities.
const PUBLISHED_SHAPES: &str = r#"<iati-activities version="2.03">
 <iati-activity default-currency="USD" xml:lang="es" last-updated-datetime="2021-01-01T00:00:00">
  <iati-identifier>XM-SHAPES-1</iati-identifier>
  <reporting-org ref="XM-DAC-41301" type="40"><narrative>FAO</narrative></reporting-org>
  <title><narrative>Apoyo a los medios de vida, sin embargo</narrative></title>
  <description type="1"><narrative>Media Luna Roja y construcción</narrative><narrative xml:lang="en">Livelihood support</narrative></description>
  <participating-org ref="XM-DAC-41301" role="4" type="40"><narrative>FAO</narrative></participating-org>
  <participating-org ref="21000" role="4" type="21"><narrative>INTERNATIONAL NGO</narrative></participating-org>
  <participating-org ref="G59437756" role="4" type="22"><narrative>ACP - Associació Catalana per la Pau</narrative></participating-org>
  <participating-org ref="G59437756" role="2" type="22"><narrative>ASSOCIACIO CATALANA PER LA PAU</narrative></participating-org>
  <recipient-country code="NE"/>
  <related-activity ref="XM-SHAPES" type="1"/>
  <budget type="1"><period-start iso-date="2020-01-01"/><value>0</value></budget>
  <transaction><transaction-type code="2"/><value>70000000</value></transaction>
 </iati-activity>
</iati-activities>
"#;

#[test]
fn published_shapes_are_read_for_what_they_mean() {
    let dir = Dir::new();
    dir.write("shapes.xml", PUBLISHED_SHAPES);
    let run = import(&dir, &["shapes.xml", "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let path = dir.path().join("out/XM-SHAPES-1.yaml");
    let text = std::fs::read_to_string(&path).expect("file");
    let p = programme(&path);
    // FAO reports and implements: donor, implementer and partner.
    assert_eq!(p["donor"], "FAO");
    assert_eq!(p["implementer"], "FAO");
    let names: Vec<&str> =
        p["partners"].as_array().expect("partners").iter().filter_map(|o| o["name"].as_str()).collect();
    assert_eq!(names, ["FAO", "ACP - Associació Catalana per la Pau"]);
    assert!(text.contains("named only by its category (\"INTERNATIONAL NGO\") left out"), "{text}");
    // Zero budget lines say nothing: the commitments stand in.
    assert_eq!(p["budget"], serde_json::json!({"amount": 70000000, "currency": "USD"}));
    // Only the English narrative is read for activity kinds ("sin embargo", "Media Luna",
    // "construcción" are Spanish).
    let kinds: Vec<&str> =
        p["activities"].as_array().expect("activities").iter().filter_map(|a| a["kind"].as_str()).collect();
    assert_eq!(kinds, ["livelihoods"]);
    assert!(text.contains("part of activity XM-SHAPES (its parent in IATI)"), "{text}");

    // The same activity published again, updated later: the later copy is kept.
    let later = PUBLISHED_SHAPES.replace("2021-01-01T00:00:00", "2022-06-01T00:00:00").replace("NE", "ML");
    dir.write("later.xml", &later);
    let run = import(&dir, &["shapes.xml", "later.xml", "-o", "again"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("later.xml:2: activity XM-SHAPES-1 was also published in shapes.xml:2; this copy, updated later (2022-06-01T00:00:00), replaces it"), "{}", run.stderr);
    let p = programme(&dir.path().join("again/XM-SHAPES-1.yaml"));
    assert_eq!(p["location"]["countries"], serde_json::json!(["ML"]));
    let run = import(&dir, &["later.xml", "shapes.xml", "-o", "again2"]);
    assert!(
        run.stderr.contains("shapes.xml:2: activity XM-SHAPES-1 is already imported from later.xml:2"),
        "{}",
        run.stderr
    );
    let p = programme(&dir.path().join("again2/XM-SHAPES-1.yaml"));
    assert_eq!(p["location"]["countries"], serde_json::json!(["ML"]));
}

#[test]
fn countries_and_sectors_come_from_transactions_when_only_there() {
    let dir = Dir::new();
    dir.write(
        "tx.xml",
        r#"<iati-activities version="2.02">
 <iati-activity default-currency="EUR">
  <iati-identifier>XM-TX-1</iati-identifier>
  <title><narrative>Appui au pôle judiciaire spécialisé</narrative></title>
  <activity-status code="1"/>
  <activity-date type="1" iso-date="2027-01-01"/>
  <activity-date type="3" iso-date="2028-12-31"/>
  <transaction>
   <transaction-type code="2"/><value currency="EUR">250000</value>
   <recipient-country code="ML"/><sector vocabulary="1" code="15130"/>
  </transaction>
  <transaction>
   <transaction-type code="2"/><value currency="XOF">1000000</value>
   <recipient-country code="NE"/><sector vocabulary="1" code="15130"/>
  </transaction>
  <transaction><transaction-type code="3"/><value>99</value><recipient-country code="ML"/></transaction>
 </iati-activity>
</iati-activities>
"#,
    );
    let run = import(&dir, &["tx.xml", "-o", "out", "--country", "NE"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let path = dir.path().join("out/XM-TX-1.yaml");
    let text = std::fs::read_to_string(&path).expect("file");
    let p = programme(&path);
    assert_eq!(p["location"]["countries"], serde_json::json!(["ML", "NE"]));
    assert_eq!(p["type"], "justice");
    // Commitments (type 2) in the default currency; the XOF one is noted, never added;
    // the disbursement (type 3) is not a commitment.
    assert_eq!(p["budget"], serde_json::json!({"amount": 250000, "currency": "EUR"}));
    assert!(text.contains("commitments in XOF left aside"), "{text}");
    assert_eq!(p["stage"], "concept");
    assert_eq!(p["start"], "2027-01-01");
    assert_eq!(p["duration_months"], 24);
    // The French title gives a kind, marked as inferred.
    assert_eq!(p["activities"][0]["kind"], "prosecution");
    assert_eq!(p["activities"][0]["inferred_from"], "words in the IATI title or description: \"pole judiciaire\"");
}
