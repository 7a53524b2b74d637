//! A partner, contact or activity marked `sensitive: yes` never appears by name in any output
//! unless `--show-sensitive` is given; every human format says that something was withheld;
//! ratings, findings and portfolio joins do not depend on the flag.

mod common;
#[path = "sensitive/errors.rs"]
mod errors;
#[path = "sensitive/forms.rs"]
mod forms;
#[path = "sensitive/marks.rs"]
mod marks;
use common::{Dir, run_in};
use dnh_screen::text::fold;

/// Marked sensitive in `gao.yaml`: a partner, an activity's description, a contact. The title,
/// summary, a concern and an acceptance name them again, in other cases and accents.
const GAO: &str = r#"
id: ML-GAO-SENS
title: Support to the BRIGADE MOBILE DE TESSIT
type: border
summary: Equipment for the Brigade mobile de Tessit; meetings with Ag Intalla.
location: { countries: [ML], regions: [Gao], border_areas: yes, remote: yes }
context: { informal_economy_dependence: high, illicit_markets: [fuel] }
partners:
  - name: Brigade Mobile de Tessit
    kind: security_forces
    role: beneficiary
    vetted: no
    concerns: ["Brigade Mobile de Tessit officers escort fuel convoys"]
    sensitive: yes
  - name: Direction des Douanes
    kind: security_forces
    vetted: no
activities:
  - kind: equipment
    description: Radios for the Intalla informant network
    sensitive: yes
  - kind: trade_restrictions
    description: Enforce the fuel ban
contacts:
  - name: Ag Intalla
    role: source on convoy routes
    sensitive: yes
  - name: Awa Traoré
    role: focal point
measures: { partner_vetting: no, informant_protection: no }
accepted_risks:
  - rule: COR-001
    reason: Reviewed with Ag Intalla in March
    approved_by: Brigade Mobile de Tessit liaison
"#;

/// The same partner, not marked sensitive here: it is withheld from the whole run all the same.
const MENAKA: &str = r#"
id: ML-MNK-OTHER
title: Customs posts in Ménaka
type: border
location: { countries: [ML], regions: [Ménaka] }
partners:
  - name: Brigade mobile de Tessit
    kind: security_forces
    vetted: yes
    concerns: ["Seizures resold"]
"#;

const NAMES: &[&str] = &["tessit", "intalla", "informant network"];

fn portfolio_dir() -> Dir {
    let dir = Dir::new();
    dir.write("designs/gao.yaml", GAO);
    dir.write("designs/menaka.yaml", MENAKA);
    dir.write("designs/gao-v2.yaml", &GAO.replace("id: ML-GAO-SENS", "id: ML-GAO-SENS-2"));
    dir
}

fn assert_withheld(what: &str, text: &str) {
    assert_none_of(NAMES, what, text);
}

/// None of `names` is in `text`, as written or folded (`dnh_screen::text::fold`: case,
/// accents, compatibility forms and invisible characters ignored), nor in the strings of
/// `text` read as JSON.
fn assert_none_of(names: &[&str], what: &str, text: &str) {
    let mut texts = vec![text.to_string()];
    if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
        texts.push(json.to_string());
        dnh_screen::fuzzing::strings(&json, &mut texts);
    }
    for text in &texts {
        let (lower, folded) = (text.to_lowercase(), fold(text));
        for name in names {
            assert!(!lower.contains(name), "{what} shows `{name}`:\n{text}");
            assert!(!folded.contains(&fold(name)), "{what} shows `{name}` in another form:\n{text}");
        }
    }
}

/// Every command and format, with the texts it printed and wrote.
fn every_output(dir: &Dir, extra: &[&str]) -> Vec<(String, String)> {
    outputs(dir, extra, 1)
}

/// As `every_output`, each run ending with at most the exit status `worst`.
fn outputs(dir: &Dir, extra: &[&str], worst: i32) -> Vec<(String, String)> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let path = |p: &str| p.to_string();
    for format in ["table", "json", "sarif", "junit", "github", "csv"] {
        runs.push(["check", "--format", format, "designs"].map(path).to_vec());
    }
    runs.push(["check", "--details", "designs"].map(path).to_vec());
    runs.push(
        ["check", "designs", "--output", "json=out/check.json", "--write-baseline", "out/baseline.json"]
            .map(path)
            .to_vec(),
    );
    for lang in ["en", "fr"] {
        for format in ["md", "html"] {
            runs.push(["report", "--lang", lang, "--format", format, "designs/gao.yaml"].map(path).to_vec());
            runs.push(["portfolio", "--lang", lang, "--format", format, "designs"].map(path).to_vec());
        }
    }
    runs.push(["report", "--format", "md", "--output", "out/reports/", "designs"].map(path).to_vec());
    for format in ["table", "json", "csv"] {
        runs.push(["portfolio", "--format", format, "designs"].map(path).to_vec());
    }
    for format in ["table", "md", "json"] {
        runs.push(["diff", "--format", format, "designs/gao.yaml", "designs/menaka.yaml"].map(path).to_vec());
        runs.push(["diff", "--format", format, "designs/menaka.yaml", "designs/gao.yaml"].map(path).to_vec());
    }
    let mut out = Vec::new();
    for mut args in runs {
        args.extend(["--today", "2026-01-15"].map(path));
        args.extend(extra.iter().map(|a| a.to_string()));
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_in(dir.path(), &argv);
        assert!((0..=worst).contains(&run.status), "{argv:?}: {}{}", run.stdout, run.stderr);
        out.push((format!("{argv:?} stdout"), run.stdout));
        out.push((format!("{argv:?} stderr"), run.stderr));
    }
    for entry in walk(&dir.path().join("out")) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        out.push((entry.display().to_string(), text));
    }
    out
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files.sort();
    files
}

#[test]
fn no_output_names_what_is_marked_sensitive() {
    let dir = portfolio_dir();
    let outputs = every_output(&dir, &[]);
    assert!(outputs.len() > 40);
    for (what, text) in &outputs {
        assert_withheld(what, text);
    }
    // What is not marked sensitive is still shown.
    let json = outputs.iter().find(|(w, _)| w.contains("\"json\", \"designs\"") && w.ends_with("stdout"));
    let json = json.map(|(_, t)| t.as_str()).unwrap_or_default();
    assert!(json.contains("Support to the [withheld]"), "{json}");
    assert!(json.contains("Customs posts in Ménaka"), "{json}");
}

#[test]
fn the_names_are_shown_only_with_show_sensitive() {
    let dir = portfolio_dir();
    let shown = every_output(&dir, &["--show-sensitive"]);
    let all: String = shown.iter().map(|(_, t)| t.to_lowercase()).collect();
    // (No output quotes an activity's description whole, shown or not.)
    for name in &NAMES[..2] {
        assert!(all.contains(name), "--show-sensitive does not show `{name}`");
    }
    let report = run_in(dir.path(), &["report", "--format", "md", "--show-sensitive", "designs/gao.yaml"]);
    assert!(report.stdout.contains("Names marked sensitive are shown"), "{}", report.stdout);
}

#[test]
fn every_human_format_says_what_was_withheld() {
    let dir = portfolio_dir();
    let notice = "names marked sensitive withheld";
    let table = run_in(dir.path(), &["check", "designs"]);
    assert!(table.stdout.contains(&format!("6 {notice}")), "{}", table.stdout);
    for (command, format) in [("report", "md"), ("report", "html"), ("portfolio", "md"), ("portfolio", "html")] {
        let run = run_in(dir.path(), &[command, "--format", format, "designs/gao.yaml"]);
        assert!(run.stdout.contains(&format!("3 {notice}")), "{command} {format}:\n{}", run.stdout);
    }
    let fr = run_in(dir.path(), &["report", "--lang", "fr", "--format", "md", "designs/gao.yaml"]);
    assert!(fr.stdout.contains("3 noms marqués sensibles masqués"), "{}", fr.stdout);
    let json = run_in(dir.path(), &["check", "--format", "json", "designs"]).json();
    assert_eq!(json["summary"]["withheld"], 6);
    let withheld: Vec<i64> =
        json["programmes"].as_array().into_iter().flatten().map(|p| p["withheld"].as_i64().unwrap_or(-1)).collect();
    assert_eq!(withheld, [3, 3, 0]);
    let sarif = run_in(dir.path(), &["check", "--format", "sarif", "designs"]);
    assert!(sarif.stdout.contains(notice), "{}", sarif.stdout);
    let junit = run_in(dir.path(), &["check", "--format", "junit", "designs"]);
    assert!(junit.stdout.contains("<property name=\"withheld.ML-GAO-SENS\" value=\"3\"/>"), "{}", junit.stdout);
    let shown = run_in(dir.path(), &["check", "--format", "json", "--show-sensitive", "designs"]).json();
    assert_eq!(shown["summary"]["withheld"], 0);
}

/// Ratings, scores, findings, fingerprints and portfolio findings with and without the flag.
#[test]
fn withholding_changes_no_rating_and_no_join() {
    let dir = portfolio_dir();
    let summary = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--today", "2026-01-15", "designs"];
        args.extend_from_slice(extra);
        let json = run_in(dir.path(), &args).json();
        let programmes = json["programmes"].as_array().cloned().unwrap_or_default();
        programmes
            .iter()
            .map(|p| {
                let findings: Vec<String> = p["findings"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|f| format!("{} {} {} {}", f["rule"], f["rating"], f["significance"], f["key"]))
                    .collect();
                format!("{} {} {} {findings:?}", p["id"], p["rating"], p["score"])
            })
            .collect::<Vec<_>>()
    };
    let (hidden, shown) = (summary(&[]), summary(&["--show-sensitive"]));
    assert_eq!(hidden, shown);
    assert!(hidden.iter().any(|p| p.contains("partners[sensitive#1].concerns")), "{hidden:?}");

    let portfolio = |extra: &[&str]| {
        let mut args = vec!["portfolio", "--format", "json", "--today", "2026-01-15", "designs"];
        args.extend_from_slice(extra);
        run_in(dir.path(), &args).json()
    };
    let (hidden, shown) = (portfolio(&[]), portfolio(&["--show-sensitive"]));
    let shared = |json: &serde_json::Value| -> Vec<(String, usize)> {
        json["cross"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["rule"] == "PF-003")
            .map(|c| {
                (c["shared"].as_str().unwrap_or_default().to_string(), c["involved"].as_array().map_or(0, Vec::len))
            })
            .collect()
    };
    assert_eq!(shared(&hidden), [("[withheld]".to_string(), 3)]);
    assert_eq!(shared(&shown), [("Brigade Mobile de Tessit".to_string(), 3)]);
}

/// Two different partners marked sensitive are not one partner because both are withheld.
#[test]
fn different_withheld_partners_are_never_joined() {
    let dir = Dir::new();
    let one = |id: &str, partner: &str| {
        format!(
            "id: {id}\ntitle: T\ntype: border\nlocation: {{ countries: [ML], regions: [Gao] }}\npartners:\n  - name: {partner}\n    concerns: [\"alleged links\"]\n    sensitive: yes\n"
        )
    };
    dir.write("d/a.yaml", &one("A", "Groupe Alpha"));
    dir.write("d/b.yaml", &one("B", "Groupe Beta"));
    let json = run_in(dir.path(), &["portfolio", "--format", "json", "d"]).json();
    let pf3 = json["cross"].as_array().into_iter().flatten().filter(|c| c["rule"] == "PF-003").count();
    assert_eq!(pf3, 0, "{json}");
    assert!(json["shared_partners"].as_array().is_some_and(Vec::is_empty), "{json}");
}

#[test]
fn sensitive_is_yes_or_no() {
    let dir = Dir::new();
    dir.write("p.yaml", "id: P\ntitle: T\ntype: border\ncontacts:\n  - name: X\n    sensitive: maybe\n");
    let run = run_in(dir.path(), &["check", "p.yaml"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("p.yaml:6:16"), "{}", run.stderr);
}
