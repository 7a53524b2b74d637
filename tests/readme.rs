//! The README's format reference names every field of the format, and its two commands exist.

mod common;
use dnh_screen::schema;

#[test]
fn format_reference_names_every_field() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README.md");
    for path in schema::paths(schema::ROOT) {
        assert!(
            readme.contains(&format!("`{path}")),
            "README does not document `{path}`"
        );
    }
    for field in schema::PARTNER.iter().chain(schema::ACTIVITY) {
        assert!(
            readme.contains(&format!("`{}`", field.name)),
            "README does not document `{}`",
            field.name
        );
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
