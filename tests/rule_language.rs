//! The condition language through the binary: a misspelt operator is an error at its line and
//! column; the state tests (`state: absent | unknown | missing`) and their older spelling
//! (`is: absent`), which still works with a warning; `every_partner` on an empty list.

mod common;
use common::{Dir, FUEL_BAN, check};

/// A rule file whose `when` is `when` (indented under `when:`, starting on line 6).
fn rule(when: &str) -> String {
    format!(
        "id: XANA-001\ntitle: t\nrisk_area: analysis\napplies_to: [all]\nwhen:\n{when}\nimpact: 2\nlikelihood: 2\nrationale: r\nsource: {{ section: s, quote: q }}\nmitigation: m\n"
    )
}

/// Screens FUEL_BAN with the one user rule; returns the run and whether XANA-001 was raised.
fn screen(when: &str) -> (common::Run, bool) {
    let dir = Dir::new();
    dir.write("p.yaml", FUEL_BAN);
    dir.write("rules/analysis/XANA-001.yaml", &rule(when));
    let run = check(&dir, &["p.yaml", "--checklist", "rules", "--format", "json", "--fail-on", "never"]);
    let raised = run.status == 0 && run.stdout.contains("\"XANA-001\"");
    (run, raised)
}

#[test]
fn a_misspelt_operator_is_an_error_at_its_line_and_column() {
    let (run, _) = screen("  field: measures.crime_monitoring.indicators\n  at_mots: 0");
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("XANA-001.yaml:7:3: unknown operator `at_mots`; did you mean `at_most`?"),
        "{}",
        run.stderr
    );
    // It is not read as another operator: the rule is not loaded at all.
    assert!(!run.stdout.contains("\"XANA-001\""), "{}", run.stdout);
    let (run, _) = screen("  field: location.remote\n  iss: yes");
    assert!(run.stderr.contains("XANA-001.yaml:7:3: unknown operator `iss`; did you mean `is`?"), "{}", run.stderr);
    // A misspelt key that is not an operator is named as a field of the condition.
    let (run, _) = screen("  field: location.remote\n  is: yes\n  if_mising: false");
    assert!(
        run.stderr.contains("8:3: unknown field `if_mising` in `condition`; did you mean `if_missing`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn state_tests_look_at_gaps() {
    // FUEL_BAN leaves the grievance mechanism out and states remoteness.
    let (run, raised) = screen("  field: measures.grievance_mechanism\n  state: absent");
    assert!(raised, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(screen("  field: measures.grievance_mechanism\n  state: missing").1);
    assert!(!screen("  field: measures.grievance_mechanism\n  state: unknown").1);
    assert!(!screen("  field: location.remote\n  state: missing").1);
    let (run, _) = screen("  field: location.remote\n  state: abesnt");
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("7:10: `state` has unknown value `abesnt`; did you mean `absent`?"), "{}", run.stderr);
}

#[test]
fn the_older_spelling_is_absent_still_works_with_a_warning() {
    let (new, _) = screen("  field: measures.grievance_mechanism\n  state: absent");
    let (old, raised) = screen("  field: measures.grievance_mechanism\n  is: absent");
    assert!(raised, "{}", old.stderr);
    assert_eq!(old.stdout, new.stdout, "the same findings either way");
    assert!(
        old.stderr.contains(
            "warning[DNH306]: rules/analysis/XANA-001.yaml:7:7: `is: absent` tests the field's state, not a value: write `state: absent`"
        ),
        "{}",
        old.stderr
    );
    let (old, raised) = screen("  field: location.remote\n  is: missing");
    assert!(!raised && old.stderr.contains("write `state: missing`"), "{}", old.stderr);
    // `is_not` on a state is refused, with the spelling to use.
    let (run, _) = screen("  field: location.remote\n  is_not: absent");
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("write `not: { field: location.remote, state: absent }` instead"), "{}", run.stderr);
}

#[test]
fn is_absent_on_a_field_that_can_hold_absent_compares_the_value() {
    // `context.state_presence` may be `absent` (no state presence): that is a value, not a gap.
    let (run, raised) = screen("  field: context.state_presence\n  is: absent");
    assert!(!raised, "FUEL_BAN says `weak`: {}", run.stdout);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(screen("  field: context.state_presence\n  is: weak").1);
}

#[test]
fn every_partner_on_an_empty_list_is_true_and_any_partner_false() {
    let dir = Dir::new();
    dir.write("p.yaml", &FUEL_BAN.replace(
        "partners:\n  - name: Direction Générale des Douanes\n    kind: security_forces\n    role: beneficiary\n    vetted: { answer: yes, evidence: \"annex C\" }\n",
        "partners: []\n",
    ));
    for (when, expected) in [
        ("  every_partner: { field: kind, is: armed_group }", true),
        ("  any_partner: { field: kind, is: security_forces }", false),
    ] {
        dir.write("rules/analysis/XANA-001.yaml", &rule(when));
        let run = check(&dir, &["p.yaml", "--checklist", "rules", "--format", "json", "--fail-on", "never"]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(run.stdout.contains("\"XANA-001\""), expected, "{when}");
    }
}

#[test]
fn the_core_checklist_loads_without_warnings() {
    let loaded = dnh_screen::checklist::load(&[], &dnh_screen::load::Limits::default());
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}
