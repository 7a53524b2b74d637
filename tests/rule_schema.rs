//! `dnh-screen schema --rules` and `--cases`: every built-in rule file and test-case file
//! validates against the generated schemas, and the schemas refuse what the checklist stage
//! refuses (misspelt operators, unknown field paths, values a field cannot hold, keys a kind
//! of rule does not honour). No network: the schemas are compiled from the binary's output.

mod common;
use common::{root, run_in};
use serde_json::Value;

fn schema(flag: &str) -> jsonschema::Validator {
    let run = run_in(&root(), &["schema", flag]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let schema: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::validator_for(&schema).expect("a valid draft-07 schema")
}

fn yaml_as_json(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator.iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

#[test]
fn every_built_in_rule_and_case_file_validates() {
    let (rules, cases) = (schema("--rules"), schema("--cases"));
    let (mut rule_files, mut case_files) = (0, 0);
    for entry in ignore::Walk::new(root().join("checklists")).flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "yaml") || path.file_name().is_some_and(|n| n == "checklist.yaml") {
            continue;
        }
        let doc = yaml_as_json(&std::fs::read_to_string(path).expect("readable"));
        let is_case = path.components().any(|c| c.as_os_str() == "tests");
        let found = errors(if is_case { &cases } else { &rules }, &doc);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
        if is_case { case_files += 1 } else { rule_files += 1 }
    }
    assert!(rule_files >= 56, "{rule_files} rule files");
    assert!(case_files >= 50, "{case_files} case files");
}

const RULE: &str = "id: XANA-001
title: { en: t, fr: t }
risk_area: analysis
applies_to: [all]
when: { field: location.remote, is: yes }
impact: 2
likelihood: 2
rationale: r
source: { section: s, quote: q }
mitigation: m
";

#[test]
fn the_rule_schema_refuses_what_the_checklist_refuses() {
    let rules = schema("--rules");
    assert!(errors(&rules, &yaml_as_json(RULE)).is_empty(), "{:#?}", errors(&rules, &yaml_as_json(RULE)));
    let portfolio = "id: XPF-001\nkind: portfolio\ntitle: t\nrisk_area: livelihoods\nwhen: { field: partners, at_least: 1 }\nother: { field: partners, at_least: 1 }\nsharing: partner\npartner_where: { field: concerns, at_least: 1 }\nimpact: 4\nlikelihood: 3\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n";
    assert!(errors(&rules, &yaml_as_json(portfolio)).is_empty(), "{:#?}", errors(&rules, &yaml_as_json(portfolio)));
    let when = |w: &str| RULE.replace("{ field: location.remote, is: yes }", w);
    for bad in [
        when("{ field: location.remote, iss: yes }"),
        when("{ field: location.remote, is: maybe }"),
        when("{ field: location.remot, is: yes }"),
        when("{ field: context.illicit_markets, is: gold }"),
        when("{ field: context.illicit_markets, contains: diamonds }"),
        when("{ field: title, at_least: 2 }"),
        when("{ field: location.remote, state: abesnt }"),
        when("{ any_partner: { field: knd, is: media } }"),
        when("{ alll: [] }"),
        RULE.replace("risk_area: analysis", "risk_area: analyses"),
        RULE.replace("applies_to: [all]\n", ""),
        RULE.replace("impact: 2", "impact: 7"),
        RULE.replace("mitigation: m\n", "mitigation: m\nsharing: region\n"),
        portfolio.replace("sharing: partner\n", "sharing: partner\napplies_to: [border]\n"),
        portfolio.replace(
            "impact: 4\n",
            "impact: 4\nmodifiers: [{ when: { field: location.remote, is: yes }, likelihood: 1 }]\n",
        ),
    ] {
        assert!(!rules.is_valid(&yaml_as_json(&bad)), "the schema accepted:\n{bad}");
    }
    // The state tests, and `is: absent` on a field that holds the value `absent`.
    for good in [
        when("{ field: measures.grievance_mechanism, state: absent }"),
        when("{ field: context.state_presence, is: absent }"),
        when("{ field: measures.crime_monitoring.review_months, exceeds_field: duration_months }"),
        when("{ mentions: [ban*, interdi*], in: [summary] }"),
    ] {
        assert!(errors(&rules, &yaml_as_json(&good)).is_empty(), "{good}: {:#?}", errors(&rules, &yaml_as_json(&good)));
    }
}

#[test]
fn the_case_schema_refuses_what_the_checklist_refuses() {
    let cases = schema("--cases");
    let good = "- rule: LIV-001\n  name: a case\n  expect: fires\n  programme: { id: T-1, title: t, type: border }\n";
    assert!(errors(&cases, &yaml_as_json(good)).is_empty(), "{:#?}", errors(&cases, &yaml_as_json(good)));
    for bad in [
        good.replace("expect: fires", "expect: fire"),
        good.replace("type: border", "type: boarder"),
        good.replace("  programme: { id: T-1, title: t, type: border }\n", ""),
        good.replace("name: a case", "name: a case\n  rating: severe"),
    ] {
        assert!(!cases.is_valid(&yaml_as_json(&bad)), "the schema accepted:\n{bad}");
    }
}
