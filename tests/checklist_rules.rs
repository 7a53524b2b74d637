//! The core checklist: every rule loads, has a unique id equal to its file name, quotes the
//! source report verbatim, and covers every risk area; user checklists are checked like
//! programme files.

mod common;
use common::{Dir, FUEL_BAN, check, root};
use dnh_screen::checklist;
use dnh_screen::load::Limits;
use dnh_screen::model::{ProgrammeType, RiskArea, RuleKind};

/// Whitespace collapsed, markdown emphasis removed, HTML superscripts dropped.
fn normalise(text: &str) -> String {
    let text = text.replace("<sup>", "").replace("</sup>", "").replace('*', "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn core_rules_load_without_problems() {
    let loaded = checklist::load(&[], &Limits::default());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let core = &loaded.checklists[0];
    assert_eq!(core.id, "core");
    assert!(core.rules.len() >= 48, "{} rules", core.rules.len());
    for area in RiskArea::ALL {
        let n = core.rules.iter().filter(|r| r.risk_area == *area).count();
        assert!(n >= 4, "risk area {area} has {n} rules");
    }
    for kind in ProgrammeType::ALL {
        let specific = core.rules.iter().any(|r| r.types().is_some_and(|t| t.contains(kind)));
        assert!(specific, "no rule written specifically for {kind} programmes");
    }
    let contradictions = core.rules.iter().filter(|r| r.kind() == RuleKind::Contradiction).count();
    assert!(contradictions >= 3, "{contradictions} contradiction checks");
}

#[test]
fn ids_are_unique_and_match_file_names() {
    let loaded = checklist::load(&[], &Limits::default());
    let mut ids: Vec<&str> = loaded.checklists[0].rules.iter().map(|r| r.id.as_str()).collect();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before);
    for rule in &loaded.checklists[0].rules {
        let folder =
            if rule.kind() == RuleKind::Portfolio { "portfolio".to_string() } else { rule.risk_area.to_string() };
        let expected = format!("checklists/{folder}/{}.yaml", rule.id);
        assert_eq!(rule.file, expected);
    }
}

#[test]
fn every_quote_is_verbatim_in_the_source_report() {
    let report = std::fs::read_to_string(root().join("docs/source/bamako-2014-organised-crime-meeting-report.md"))
        .expect("source report in docs/source");
    let report = normalise(&report);
    let loaded = checklist::load(&[], &Limits::default());
    for rule in &loaded.checklists[0].rules {
        let quote = normalise(&rule.source.quote);
        assert!(quote.len() >= 40, "{}: quote too short to rest on", rule.id);
        assert!(report.contains(&quote), "{}: quote not found verbatim:\n{quote}", rule.id);
        assert!(!rule.source.section.is_empty(), "{}", rule.id);
    }
}

#[test]
fn every_rule_is_documented_in_both_languages() {
    let loaded = checklist::load(&[], &Limits::default());
    for rule in &loaded.checklists[0].rules {
        for (what, text) in [("title", &rule.title), ("rationale", &rule.rationale), ("mitigation", &rule.mitigation)] {
            assert!(text.fr.as_deref().is_some_and(|f| !f.is_empty()), "{} lacks a French {what}", rule.id);
        }
        assert!(rule.source.fr.is_some(), "{} lacks a French rendering of its quote", rule.id);
    }
}

#[test]
fn a_user_rule_with_mistakes_is_reported_with_positions() {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    dir.write(
        "rules/livelihoods/XLIV-001.yaml",
        "id: XLIV-001\ntitle: Test\nrisk_area: livelihood\napplies_to: [all]\nwhen:\n  field: measures.partner_veting\n  is: yes\nimpact: 7\nlikelihood: 2\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n",
    );
    let run = check(&dir, &["p.yaml", "--checklist", "rules"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let err = &run.stderr;
    assert!(err.contains("rules/livelihoods/XLIV-001.yaml:3:12: `risk_area` has unknown value `livelihood`; did you mean `livelihoods`?"), "{err}");
    assert!(err.contains("6:10: `measures.partner_veting` is not a field of the programme format; did you mean `measures.partner_vetting`?"), "{err}");
    assert!(err.contains("8:9: `impact` must be between 1 and 5; found 7"), "{err}");
    assert!(run.stdout.contains("ML-MNK-BRD-99"), "the programme is still screened with the valid rules");
}

#[test]
fn a_user_rule_fires_and_clashing_ids_are_refused() {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    dir.write("rules/checklist.yaml", "id: house\nversion: \"2.1\"\ntitle: House rules\n");
    dir.write(
        "rules/livelihoods/HLIV-001.yaml",
        r#"id: HLIV-001
title: { en: Fuel ban without price monitoring, fr: Interdiction du carburant sans suivi des prix }
risk_area: livelihoods
applies_to: [border]
when:
  all:
    - mentions: [fuel, carburant]
    - any_activity: { field: kind, is: trade_restrictions }
impact: 3
likelihood: 3
rationale: Prices rise first.
source:
  section: Crime sensitivity
  quote: "where trade is the main economic opportunity and food security source"
mitigation: Track prices monthly.
"#,
    );
    let clash = std::fs::read_to_string(root().join("checklists/livelihoods/LIV-001.yaml")).expect("core rule");
    dir.write("rules/livelihoods/LIV-001.yaml", &clash);
    let run = check(&dir, &["p.yaml", "--checklist", "rules", "--format", "json"]);
    assert_eq!(run.status, 2, "the clashing id is an error");
    let json = run.json();
    assert!(run.stderr.contains("rules/livelihoods/LIV-001.yaml:1:5: rule id `LIV-001` is already used by checklists/livelihoods/LIV-001.yaml"), "{}", run.stderr);
    let house = json["checklists"].as_array().and_then(|c| c.iter().find(|c| c["id"] == "house").cloned());
    assert_eq!(house.map(|h| (h["version"].clone(), h["rules"].clone())), Some(("2.1".into(), 1.into())));
    let findings = json["programmes"][0]["findings"].as_array().cloned().unwrap_or_default();
    let hit = findings.iter().find(|f| f["rule"] == "HLIV-001").cloned().unwrap_or_default();
    assert_eq!(hit["significance"], 9);
    assert!(hit["evidence"].as_array().is_some_and(|e| e.iter().any(|e| e["field"] == "summary")), "{hit}");
}

#[test]
fn condition_mistakes_are_caught_when_rules_load() {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    let rule = |when: &str| {
        format!(
            "id: XANA-001\ntitle: t\nrisk_area: analysis\napplies_to: [all]\nwhen:\n{when}\nimpact: 2\nlikelihood: 2\nrationale: r\nsource: {{ section: s, quote: q }}\nmitigation: m\n"
        )
    };
    let cases = [
        ("  field: context.corruption_risk\n  is: extreme", "`context.corruption_risk` has unknown value `extreme`"),
        ("  field: context.illicit_markets\n  is: gold", "is a list: use `contains`"),
        ("  any_partner: { field: knd, is: media }", "`knd` is not a field of a partner; did you mean `kind`?"),
        ("  field: location.remote\n  is: yes\n  one_of: [yes]", "a field test needs exactly one of"),
        ("  alll: []", "unknown field `alll` in `condition`; did you mean `all`?"),
        ("  field: title\n  at_least: 2", "`at_least` compares numbers or list lengths"),
    ];
    for (when, expected) in cases {
        dir.write("rules/analysis/XANA-001.yaml", &rule(when));
        let run = check(&dir, &["p.yaml", "--checklist", "rules"]);
        assert_eq!(run.status, 2);
        assert!(run.stderr.contains(expected), "{when}\n{}", run.stderr);
    }
}

#[test]
fn rule_ids_are_registered_and_retired_ids_are_never_reused() {
    let registry = std::fs::read_to_string(root().join("docs/rule-ids.md")).expect("docs/rule-ids.md");
    let rows: Vec<(String, String)> = registry
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells.get(1)?.trim_matches('`');
            let status = cells.get(2)?;
            (dnh_screen::checklist::rule::valid_id(id)).then(|| (id.to_string(), status.to_string()))
        })
        .collect();
    let loaded = checklist::load(&[], &Limits::default());
    let ids: Vec<&str> = loaded.checklists[0].rules.iter().map(|r| r.id.as_str()).collect();
    for id in &ids {
        let row = rows.iter().find(|(r, _)| r == id);
        assert!(row.is_some_and(|(_, s)| s == "active"), "{id} is not registered as active in docs/rule-ids.md");
    }
    for (id, status) in &rows {
        match status.as_str() {
            "active" => assert!(ids.contains(&id.as_str()), "{id} is registered active but has no rule"),
            "retired" => assert!(!ids.contains(&id.as_str()), "{id} is retired and must not be reused"),
            other => panic!("{id}: unknown status {other}"),
        }
    }
}
