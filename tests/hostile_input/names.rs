//! File names come from the repository too: a line break in a name is written out in every
//! message, so a name cannot print a line that looks like the tool's own.

use super::common::{Dir, STRONG, run_in};

/// No line of `text` starts with one of the forged lines.
fn forged(text: &str) -> bool {
    let lines = ["error: forged", "measures:", "::notice::x", "::error::y", "#.xml"];
    text.lines().any(|l| lines.iter().any(|forged| l.starts_with(forged)))
}

#[test]
fn a_line_break_in_a_file_name_is_written_out() {
    let dir = Dir::new();
    dir.write("designs/b\nerror: forged\n::notice::x.yaml", STRONG);
    dir.write("designs/c\n::error::y.yaml", "id: [\n");
    for format in ["table", "github", "json", "csv"] {
        let run = run_in(dir.path(), &["check", "designs", "--format", format, "--fail-on", "never"]);
        assert!(!forged(&run.stdout) && !forged(&run.stderr), "{format}:\n{}\n{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("c\\u{a}::error::y.yaml"), "{format}:\n{}", run.stderr);
    }
    let xml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/iati/iati-official-example-2.03.xml"
    ))
    .expect("fixture");
    dir.write("in/a\nmeasures: x\n#.xml", &xml);
    let run = run_in(dir.path(), &["import", "iati", "in/a\nmeasures: x\n#.xml", "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!forged(&run.stdout) && !forged(&run.stderr), "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("a\\u{a}measures: x\\u{a}#.xml: "), "{}", run.stdout);
}
