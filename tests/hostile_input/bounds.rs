//! Inputs far larger than any real one: each is handled correctly, at a cost that grows with
//! its size (`scripts/bench.sh --bounds` measures it), or refused with its file named.

use crate::common::{Dir, FUEL_BAN, STRONG, check, run_in};

/// A house rule whose `when` is the given `mentions` list.
fn mentions_rule(words: &[String]) -> String {
    let list: Vec<String> = words.iter().map(|w| format!("    - \"{w}\"\n")).collect();
    format!(
        "id: HOUSE-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen:\n  mentions:\n{}impact: 1\nlikelihood: 1\nrationale: r\nsource: {{ section: s, quote: q }}\nmitigation: m\n",
        list.concat()
    )
}

/// A list of 12,000 words and phrases against a summary of 100,000 words is matched in one
/// pass, with the same finds as one word at a time: whole words, prefixes, phrases, the first
/// occurrence of each as written.
#[test]
fn a_long_word_list_on_a_long_summary_finds_the_first_occurrence_of_each() {
    let dir = Dir::new();
    let mut words: Vec<String> = (0..12_000).map(|n| format!("w{n}x")).collect();
    words.extend(["stop-word*".to_string(), "Ménaka routes".to_string(), "bank".to_string()]);
    dir.write("house/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", &mentions_rule(&words));
    let filler: Vec<String> = (0..100_000).map(|n| format!("v{n}x")).collect();
    let summary = format!("{} w11999x stop wordless STOP-WORDS menaka routes, w7x banks", filler.join(" "));
    let programme = FUEL_BAN.replace(
        "summary: Enforces the ban on fuel imports from Niger at border crossings used by local traders.",
        &format!("summary: \"{summary}\""),
    );
    dir.write("ban.yaml", &programme);
    let run = check(&dir, &["ban.yaml", "--checklist", "house", "--format", "json", "--max-file-size", "10000000"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let json = run.json();
    let findings = json["programmes"][0]["findings"].as_array().cloned().unwrap_or_default();
    let house = findings.iter().find(|f| f["rule"] == "HOUSE-001").expect("the house rule fires");
    let evidence = house["evidence"].to_string();
    assert!(evidence.contains(r#"mentions \"w7x\", \"w11999x\", \"stop wordless\", \"menaka routes\""#), "{evidence}");
}

/// A phrase of more than 12 words is refused, naming the rule file and line.
#[test]
fn a_phrase_of_more_than_twelve_words_is_refused() {
    let dir = Dir::new();
    let long = (0..13).map(|n| format!("w{n}")).collect::<Vec<_>>().join(" ");
    dir.write("house/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", &mentions_rule(&[long]));
    dir.write("ban.yaml", FUEL_BAN);
    let run = check(&dir, &["ban.yaml", "--checklist", "house"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "house/livelihoods/HOUSE-001.yaml:7:7: `mentions` phrases have at most 12 words; this one has 13"
        ),
        "{}",
        run.stderr
    );
}

/// A programme with 99,000 regions: the portfolio meets it with another on its 70,001st
/// region and names that region by its true position (past 65,535).
#[test]
fn a_portfolio_over_a_programme_with_99000_regions_names_the_true_position() {
    let dir = Dir::new();
    let regions: Vec<String> = (0..99_000).map(|n| format!("R{n}")).collect();
    let many = FUEL_BAN.replace("regions: [Ménaka]", &format!("regions: [{}]", regions.join(", ")));
    dir.write("many.yaml", &many);
    dir.write("one.yaml", &STRONG.replace("regions: [Sikasso]", "regions: [R70000]"));
    let run = run_in(dir.path(), &["portfolio", ".", "--format", "json", "--today", "2026-01-15"]);
    assert!(run.status == 0 || run.status == 1, "{}", run.stderr);
    let json = run.json();
    let text = json.to_string();
    assert!(text.contains("location.regions[70000]"), "{}", &text[..text.len().min(3000)]);
}

/// Eight megabytes of one-letter words in one summary: screened, and a rule still finds the
/// word written after four million others (the words are kept as one folded string and the
/// offsets of its words, not a string apiece).
#[test]
fn a_summary_of_four_million_one_letter_words_is_screened() {
    let dir = Dir::new();
    dir.write("house/checklist.yaml", "id: house-rules\nversion: \"0.3\"\n");
    dir.write("house/livelihoods/HOUSE-001.yaml", &mentions_rule(&["a b".to_string(), "c".to_string()]));
    let summary = format!("{}b", "a ".repeat(4_000_000));
    let programme = FUEL_BAN.replace(
        "summary: Enforces the ban on fuel imports from Niger at border crossings used by local traders.",
        &format!("summary: \"{summary}\""),
    );
    dir.write("letters.yaml", &programme);
    let run = check(&dir, &["letters.yaml", "--checklist", "house", "--format", "json", "--max-file-size", "9000000"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let evidence = run.json()["programmes"][0]["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["rule"] == "HOUSE-001").map(|f| f["evidence"].to_string()))
        .expect("the house rule fires");
    assert!(evidence.contains(r#""value":"mentions \"a b\"""#), "{evidence}");
}

/// A list of four million one-letter items is refused at the node limit, naming the file.
#[test]
fn a_list_of_four_million_one_letter_items_is_refused_naming_the_file() {
    let dir = Dir::new();
    let items = vec!["a"; 4_000_000].join(",");
    let programme = FUEL_BAN.replace("illicit_markets: [fuel]", &format!("illicit_markets: [{items}]"));
    dir.write("items.yaml", &programme);
    dir.write("ok.yaml", FUEL_BAN);
    let run = check(&dir, &[".", "--format", "json", "--max-file-size", "9000000"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("items.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("more than 100000 YAML nodes"), "{}", run.stderr);
    assert_eq!(run.json()["programmes"].as_array().map(Vec::len), Some(1), "the good file is screened");
}
