//! Sensitive names written in other Unicode forms, in files with errors, and at scale.

use super::common::{Dir, run_in};
use super::{GAO, assert_none_of, every_output};

/// Marked sensitive in `gao.yaml` besides GAO's names: a name with a dotted capital I, and
/// an Arabic name written without harakat.
const MORE_CONTACTS: &str =
    "contacts:\n  - name: İbrahim Ag Mohamed\n    sensitive: yes\n  - name: محمد الأنصاري\n    sensitive: yes\n";

/// The marked names, each written in other forms: decomposed accents, full-width letters,
/// dotted capitals, macrons, soft hyphens, zero-width and bidirectional characters inside,
/// the words run together, Arabic with harakat and tatweel. One title each (titles are in
/// every output), and in concerns, acceptances, a partner's name and the summary.
const FORMS: &[&str] = &[
    "Brigade mobile de Te\\u0301ssit",
    "ＢＲＩＧＡＤＥ ＭＯＢＩＬＥ ＤＥ ＴＥＳＳＩＴ",
    "BRIGADE MOBILE DE TESSİT",
    "Brigade mobile de Tes\\u00adsit",
    "Ａｇ Ｉｎｔａｌｌａ",
    "Ag Intallā",
    "Ag In\\u200btal\\u200dla",
    "Ag \\u202eIntalla\\u202c",
    "AgIntalla",
    "IBRAHIM AG MOHAMED",
    "ibrahim ag mohamed",
    "مُحَمَّد الأَنْصَارِي",
    "محـــمد الأنصاري",
    "radios for the intalla informant netwo\\u00adrk",
];

/// Folded, what no output may contain.
const NAMES: &[&str] = &["tessit", "intalla", "informant network", "ibrahim ag mohamed", "محمد الانصاري"];

fn form_file(n: usize, form: &str) -> String {
    format!(
        r#"id: ML-FORM-{n}
title: "Support to {form}"
type: border
summary: "Meetings with {form}."
location: {{ countries: [ML], regions: [Gao], border_areas: yes, remote: yes }}
context: {{ informal_economy_dependence: high, illicit_markets: [fuel] }}
partners:
  - name: "{form}"
    kind: security_forces
    role: beneficiary
    vetted: no
    concerns: ["{form} escorts fuel convoys"]
activities:
  - kind: trade_restrictions
    description: "Enforce the fuel ban with {form}"
measures: {{ partner_vetting: no }}
accepted_risks:
  - rule: COR-001
    reason: "Reviewed with {form}"
    approved_by: "{form}"
"#
    )
}

fn forms_dir() -> Dir {
    let dir = Dir::new();
    dir.write("designs/gao.yaml", &GAO.replace("contacts:\n", MORE_CONTACTS));
    for (n, form) in FORMS.iter().enumerate() {
        let name = if n == 0 { "designs/menaka.yaml".to_string() } else { format!("designs/form-{n}.yaml") };
        dir.write(&name, &form_file(n, form));
    }
    dir
}

#[test]
fn names_in_other_unicode_forms_are_withheld_from_every_output() {
    let dir = forms_dir();
    let outputs = every_output(&dir, &[]);
    for (what, text) in &outputs {
        assert_none_of(NAMES, what, text);
    }
    // Every form reaches the outputs: with --show-sensitive each title is shown as written.
    let shown = run_in(dir.path(), &["check", "--format", "json", "--show-sensitive", "designs"]).json();
    let titles: Vec<String> = shown["programmes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["title"].as_str().map(str::to_string))
        .collect();
    for form in FORMS {
        // (Bidirectional controls are shown written out.)
        let written = unescape(form).replace('\u{202e}', "\\u{202e}").replace('\u{202c}', "\\u{202c}");
        assert!(titles.iter().any(|t| t.contains(&written)), "{written:?} not in {titles:?}");
    }
    let hidden = run_in(dir.path(), &["check", "--format", "json", "designs"]).json();
    let withheld =
        hidden["programmes"].as_array().into_iter().flatten().filter(|p| p["title"] == "Support to [withheld]");
    assert_eq!(withheld.count(), FORMS.len());
}

/// A form as the YAML reader reads it (`\u0301` is one character).
fn unescape(form: &str) -> String {
    let mut out = String::new();
    let mut rest = form;
    while let Some(at) = rest.find("\\u") {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 2..at + 6).and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
        out.extend(code);
        rest = &rest[at + 6..];
    }
    out.push_str(rest);
    out
}

/// The same partner written in other forms in several programmes is one shared partner.
#[test]
fn the_portfolio_joins_a_partner_written_in_other_forms() {
    let dir = Dir::new();
    let one = |id: &str, name: &str| {
        format!(
            "id: {id}\ntitle: T\ntype: border\nlocation: {{ countries: [ML], regions: [Gao] }}\npartners:\n  - name: \"{name}\"\n    kind: security_forces\n    vetted: {}\n    concerns: [\"seizures resold\"]\n",
            if id == "A" { "yes" } else { "no" }
        )
    };
    dir.write("d/a.yaml", &one("A", "Garde Nationale de Ménaka"));
    dir.write("d/b.yaml", &one("B", "GARDE NATIONALE DE ME\\u0301NAKA"));
    dir.write("d/c.yaml", &one("C", "Ｇａｒｄｅ　Ｎａｔｉｏｎａｌｅ de Me\\u00adnaka"));
    let json = run_in(dir.path(), &["portfolio", "--format", "json", "d"]).json();
    let shared = json["shared_partners"].as_array().cloned().unwrap_or_default();
    assert_eq!(shared.len(), 1, "{json}");
    assert_eq!(shared[0]["uses"].as_array().map(Vec::len), Some(3), "{json}");
}
