//! What counts as a mark: `sensitive:` left empty withholds the name (in doubt, withhold), and
//! a name made only of common words is refused rather than blanking them everywhere.

use super::common::{Dir, STRONG, run_in};

fn with_contact(name: &str, mark: &str) -> String {
    format!("{STRONG}contacts:\n  - name: {name}\n    role: focal point\n    sensitive:{mark}\n")
}

#[test]
fn an_empty_or_null_mark_withholds_the_name() {
    for mark in ["", " ~", " null"] {
        let dir = Dir::new();
        dir.write("a.yaml", &with_contact("Kader Ouattara Zed", mark).replace("ML-SIK-DEV-99", "ML-A"));
        dir.write("b.yaml", &STRONG.replace("title: ", "title: Talks with Kader Ouattara Zed on "));
        let run = run_in(dir.path(), &["check", ".", "--format", "json", "--fail-on", "never"]);
        assert!(!run.stdout.to_lowercase().contains("ouattara"), "`sensitive:{mark}` shows the name:\n{}", run.stdout);
        assert!(!run.stderr.to_lowercase().contains("ouattara"), "{}", run.stderr);
    }
}

#[test]
fn a_name_made_only_of_common_words_is_refused() {
    for name in ["de la", "the border", "Gao Menaka", "Timbuktu"] {
        let dir = Dir::new();
        dir.write("a.yaml", &with_contact(name, " yes").replace("ML-SIK-DEV-99", "ML-A"));
        dir.write("b.yaml", &STRONG.replace("title: ", "title: Appui de la police de la région, "));
        let run = run_in(dir.path(), &["check", ".", "--format", "json", "--fail-on", "never"]);
        assert_eq!(run.status, 2, "{name}: {}", run.stderr);
        assert!(run.stderr.contains("is marked sensitive but is"), "{name}: {}", run.stderr);
        let json = run.json();
        let title = json["programmes"].as_array().and_then(|p| p.iter().find(|p| p["file"] == "b.yaml")).cloned();
        let title = title.map(|p| p["title"].to_string()).unwrap_or_default();
        assert!(title.contains("Appui de la police de la région"), "{name}: {title}");
    }
}
