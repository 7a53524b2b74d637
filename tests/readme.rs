//! The README's format reference names every field of the format, and its two commands exist.

mod common;
use dnh_screen::schema;

#[test]
fn format_reference_names_every_field() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README.md");
    for path in schema::paths(schema::ROOT) {
        assert!(readme.contains(&format!("`{path}")), "README does not document `{path}`");
    }
    for field in schema::PARTNER.iter().chain(schema::ACTIVITY) {
        assert!(readme.contains(&format!("`{}`", field.name)), "README does not document `{}`", field.name);
    }
}

#[test]
fn readme_gives_the_two_commands_and_ci_runs_the_tests() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README.md");
    assert!(readme.contains("cargo run --release -- check examples/"));
    assert!(readme.contains("\ncargo test\n"));
    let ci = std::fs::read_to_string(common::root().join(".ci/run")).expect(".ci/run");
    assert!(ci.contains("\ncargo test\n"));
}

/// The YAML blocks of the README that follow `marker` (the first one after it).
fn yaml_block_after(readme: &str, marker: &str) -> String {
    let start = readme.find(marker).unwrap_or_else(|| panic!("README lacks {marker}"));
    let rest = &readme[start..];
    let open = rest.find("```yaml\n").map(|i| i + "```yaml\n".len()).unwrap_or(0);
    let close = rest[open..].find("```").map(|i| open + i).unwrap_or(rest.len());
    rest[open..close].to_string()
}

#[test]
fn the_readme_rule_and_its_cases_work_as_written() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README.md");
    let rule = yaml_block_after(&readme, "In short, a rule:");
    let cases = yaml_block_after(&readme, "and its test cases");
    let dir = common::Dir::new();
    dir.write("house-rules/livelihoods/HLIV-001.yaml", &rule);
    dir.write("house-rules/livelihoods/tests/HLIV-001.yaml", &cases);
    let validate = common::run_in(dir.path(), &["checklist", "validate", "house-rules"]);
    assert_eq!(validate.status, 0, "{}{}", validate.stdout, validate.stderr);
    let test = common::run_in(dir.path(), &["checklist", "test", "house-rules"]);
    assert_eq!(test.status, 0, "{}{}", test.stdout, test.stderr);
    assert!(test.stdout.contains("1 rules, 2 cases: 2 passed, 0 failed"), "{}", test.stdout);
}

/// The README's count of core rules is the number the built-in checklist loads.
#[test]
fn the_readme_counts_the_core_rules_right() {
    let dir = common::Dir::new();
    let listed = common::run_in(dir.path(), &["rules", "--format", "json"]);
    assert_eq!(listed.status, 0, "{}", listed.stderr);
    let count = listed.json().as_array().map(Vec::len);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let stated = format!("The core checklist ({} rules in nine risk areas", count.unwrap_or(0));
    assert!(readme.contains(&stated), "README does not say: {stated}");
}

/// Every problem code is in the README's table of codes, with its name, once; and the table
/// names no code the tool does not have.
#[test]
fn readme_documents_every_problem_code() {
    use dnh_screen::model::ProblemKind;
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README.md");
    let kinds: Vec<ProblemKind> = ProblemKind::ALL.iter().map(|make| make(String::new())).collect();
    for kind in &kinds {
        let row = format!("| `{}` | `{}` | {} |", kind.code(), kind.name(), kind.meaning());
        assert_eq!(readme.matches(&row).count(), 1, "README's table of codes lacks the row {row}");
    }
    let rows = readme.lines().filter(|l| l.starts_with("| `DNH")).count();
    assert_eq!(rows, kinds.len(), "README's table of codes has rows for codes the tool does not have");
}
