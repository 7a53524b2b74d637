//! A file with mistakes in it still has its names withheld from every other programme, and no
//! error message quotes what is written in a partner, contact or activity marked sensitive.

use super::common::{Dir, run_in};
use super::{GAO, NAMES, assert_none_of, outputs};

/// Names GAO marks sensitive, written in full in another programme that marks nothing.
const OTHER: &str = r#"
id: ML-MNK-OTHER
title: Customs posts with the Brigade Mobile de Tessit
type: border
summary: Meetings with Ag Intalla; Radios for the Intalla informant network.
location: { countries: [ML], regions: [Ménaka] }
partners:
  - name: Brigade mobile de Tessit
    kind: security_forces
    vetted: yes
    concerns: ["Ag Intalla reports seizures resold"]
accepted_risks:
  - rule: COR-001
    reason: Reviewed with Ag Intalla
    approved_by: Brigade Mobile de Tessit liaison
"#;

/// GAO with one mistake of each kind: a field the format does not have, YAML that does not
/// parse (a duplicate key, a tab, an unclosed quote, a flow list left open, the contacts on one
/// line in a list left open).
fn broken() -> Vec<(&'static str, String)> {
    vec![
        ("unknown field", format!("{GAO}measurse: {{ partner_vetting: no }}\n")),
        ("duplicate key", GAO.replace("type: border\n", "type: border\ntype: ssr\n")),
        ("tab", GAO.replace("    role: beneficiary\n", "\trole: beneficiary\n")),
        ("unclosed quote", GAO.replace("summary: Equipment", "summary: \"Equipment")),
        ("open flow list", GAO.replace("illicit_markets: [fuel]", "illicit_markets: [fuel")),
        // The contacts written on one line, their list left open.
        (
            "open list of contacts on one line",
            GAO.replace(
                "contacts:\n  - name: Ag Intalla\n    role: source on convoy routes\n    sensitive: yes\n  - name: Awa Traoré\n    role: focal point\n",
                "contacts: [{name: Ag Intalla, role: source on convoy routes, sensitive: \"yes\"}, {name: Awa Traoré}\n",
            ),
        ),
    ]
}

#[test]
fn a_file_with_errors_still_withholds_its_names_from_every_other_programme() {
    for (mistake, gao) in broken() {
        let dir = Dir::new();
        dir.write("designs/gao.yaml", &gao);
        dir.write("designs/menaka.yaml", OTHER);
        let check = run_in(dir.path(), &["check", "--format", "json", "designs"]);
        assert_eq!(check.status, 2, "{mistake}: {}", check.stderr);
        assert!(check.stderr.contains("gao.yaml:"), "{mistake}: {}", check.stderr);
        let json = check.json();
        assert_eq!(json["programmes"][0]["title"], "Customs posts with the [withheld]", "{mistake}: {json}");
        for (what, text) in outputs(&dir, &[], 2) {
            assert_none_of(NAMES, &format!("{mistake}: {what}"), &text);
        }
    }
}

/// A contact and a partner marked sensitive, each with mistakes whose messages would quote
/// what is written: a key that is a name, values that are not valid.
const QUOTING: &str = r#"id: ML-ERR
title: T
type: border
partners:
  - name: Groupe Konaté
    kind: Groupe Konaté militia
    vetting_date: met Moussa Konaté in March
    Moussa Konaté: informant
    sensitive: yes
  - name: Open Partner
    kind: the Open Partner union
contacts:
  - name: Moussa Konaté
    role: [source]
    sensitve: yes
"#;

#[test]
fn errors_in_a_sensitive_item_name_the_field_and_line_not_the_value() {
    let dir = Dir::new();
    dir.write("p.yaml", QUOTING);
    let run = run_in(dir.path(), &["check", "p.yaml"]);
    assert_eq!(run.status, 2);
    let lower = run.stderr.to_lowercase();
    for name in ["konate", "konaté", "moussa", "militia", "march", "informant"] {
        assert!(!lower.contains(name), "`{name}` quoted:\n{}", run.stderr);
    }
    for expected in [
        "p.yaml:6:11: `partners[0].kind` has unknown value `[withheld]`",
        "p.yaml:7:19: `partners[0].vetting_date` must be a date (YYYY-MM-DD, YYYY-MM or YYYY); found `[withheld]`",
        "p.yaml:8:5: unknown field `[withheld]` in `partners[0]`",
        "p.yaml:14:11: `contacts[0].role` must be text",
        "p.yaml:15:5: unknown field `[withheld]` in `contacts[0]`; did you mean `sensitive`?",
    ] {
        assert!(run.stderr.contains(expected), "no `{expected}` in:\n{}", run.stderr);
    }
    // A partner not marked sensitive is quoted as before.
    assert!(run.stderr.contains("has unknown value `the Open Partner union`"), "{}", run.stderr);
}

/// A value quoted in an error of another file is withheld when it is a name marked sensitive.
#[test]
fn errors_of_other_files_withhold_names_marked_sensitive() {
    let dir = Dir::new();
    dir.write("d/gao.yaml", GAO);
    dir.write("d/bad.yaml", "id: B\ntitle: T\ntype: Ag Intalla\npartners:\n  - name: X\n    kind: Ag Intallā\n");
    let run = run_in(dir.path(), &["check", "d"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("bad.yaml:3:7: `type` has unknown value `[withheld]`"), "{}", run.stderr);
    assert_none_of(NAMES, "stderr", &run.stderr);
}

/// Withholding `yes`, `Gao`, `Al` or `border` would blank them from every programme's text:
/// such a name is refused, naming the file and line, and nothing is blanked.
#[test]
fn a_common_word_marked_sensitive_is_refused_not_withheld() {
    let dir = Dir::new();
    dir.write(
        "d/a.yaml",
        "id: A\ntitle: T\ntype: border\npartners:\n  - name: Gao\n    sensitive: yes\n  - name: Ménaka\n    sensitive: yes\ncontacts:\n  - name: 'yes'\n    sensitive: yes\n  - name: Al\n    sensitive: yes\n  - name: Ag Intalla\n    sensitive: yes\nactivities:\n  - kind: training\n    description: Border\n    sensitive: yes\n",
    );
    dir.write(
        "d/b.yaml",
        "id: B\ntitle: Al and Ag Intalla at the border of Gao and Menaka\ntype: border\nlocation: { countries: [ML], regions: [Gao, Ménaka], border_areas: yes }\n",
    );
    let run = run_in(dir.path(), &["check", "--format", "json", "d"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for at in ["a.yaml:5:11: `partners[0].name`", "a.yaml:7:11: `partners[1].name`", "a.yaml:10:11: `contacts[0].name`"]
    {
        let line = run.stderr.lines().find(|l| l.contains(at)).unwrap_or_else(|| panic!("no {at}:\n{}", run.stderr));
        assert!(line.contains("is marked sensitive but is a common word"), "{line}");
        assert!(line.contains("would blank that word from the text of every programme"), "{line}");
    }
    assert!(run.stderr.contains("a.yaml:12:11: `contacts[1].name` is marked sensitive but is shorter than 3 letters"));
    assert!(run.stderr.contains("a.yaml:18:18: `activities[0].description` is marked sensitive but is a common word"));
    let json = run.json();
    let programmes = json["programmes"].as_array().cloned().unwrap_or_default();
    assert_eq!(programmes.len(), 1, "the file with refused names is not screened");
    // Only the name that is not a common word is withheld from the other programme.
    assert_eq!(programmes[0]["title"], "Al and [withheld] at the border of Gao and Menaka");
    assert!(json.to_string().contains("[Gao, Ménaka]"), "{json}");
}
