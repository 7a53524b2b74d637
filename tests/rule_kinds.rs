//! Each kind of rule has the keys it honours: a portfolio rule refuses `applies_to` and
//! `modifiers` (it would ignore them), a risk rule refuses the portfolio keys; each is an
//! error at its line and column, through the binary.

mod common;
use common::{Dir, FUEL_BAN, check};

const PORTFOLIO_RULE: &str = "id: XPF-001
kind: portfolio
title: t
risk_area: livelihoods
when: { any_activity: { field: kind, is: trade_restrictions } }
other: { any_activity: { field: kind, is: livelihoods } }
sharing: region
impact: 4
likelihood: 3
rationale: r
source: { section: s, quote: q }
mitigation: m
";

fn screen(rule_file: &str, text: &str) -> common::Run {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    dir.write(rule_file, text);
    check(&dir, &["p.yaml", "--checklist", "rules"])
}

#[test]
fn a_portfolio_rule_without_programme_keys_loads() {
    let run = screen("rules/portfolio/XPF-001.yaml", PORTFOLIO_RULE);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
}

#[test]
fn a_portfolio_rule_with_applies_to_is_an_error_at_its_line_and_column() {
    let text = PORTFOLIO_RULE.replace("sharing: region\n", "sharing: region\napplies_to: [border]\n");
    let run = screen("rules/portfolio/XPF-001.yaml", &text);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "rules/portfolio/XPF-001.yaml:8:1: `applies_to` does not belong to `kind: portfolio` rules: a portfolio rule looks at every programme of the portfolio, whatever its type; remove it"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_portfolio_rule_with_modifiers_is_an_error_at_its_line_and_column() {
    let text = PORTFOLIO_RULE.replace(
        "likelihood: 3\n",
        "likelihood: 3\nmodifiers:\n  - when: { field: location.remote, is: yes }\n    likelihood: 1\n",
    );
    let run = screen("rules/portfolio/XPF-001.yaml", &text);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("XPF-001.yaml:10:1: `modifiers` does not belong to `kind: portfolio` rules: a portfolio finding is rated on the rule's own impact and likelihood; remove it"),
        "{}",
        run.stderr
    );
    // Written with no value at all, it is still refused.
    let run = screen(
        "rules/portfolio/XPF-001.yaml",
        &PORTFOLIO_RULE.replace("sharing: region\n", "sharing: region\nmodifiers:\n"),
    );
    assert!(run.stderr.contains("XPF-001.yaml:8:1: `modifiers` does not belong"), "{}", run.stderr);
}

#[test]
fn a_risk_rule_with_portfolio_keys_is_an_error_at_its_line_and_column() {
    let text = "id: XLIV-001\ntitle: t\nrisk_area: livelihoods\napplies_to: [all]\nwhen: { field: location.remote, is: yes }\nsharing: region\nimpact: 2\nlikelihood: 2\nrationale: r\nsource: { section: s, quote: q }\nmitigation: m\n";
    let run = screen("rules/livelihoods/XLIV-001.yaml", text);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("XLIV-001.yaml:6:1: `sharing` belongs to `kind: portfolio` rules"), "{}", run.stderr);
    // A risk rule still needs the types it applies to.
    let run = screen(
        "rules/livelihoods/XLIV-001.yaml",
        &text.replace("applies_to: [all]\n", "").replace("sharing: region\n", ""),
    );
    assert!(run.stderr.contains("missing required field `applies_to`"), "{}", run.stderr);
}
