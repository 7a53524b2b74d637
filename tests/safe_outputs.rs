//! Programme text is shown, never run: a `<script>` and a `{{ }}` written in every text field
//! of a programme come out as text in every format, escaped where the format needs it.

mod common;
use common::{Dir, run_in};
use dnh_screen::schema::{self, FieldSpec, Kind};
use std::fmt::Write as _;

const SCRIPT: &str = "<script>alert(1)</script>";
const TEMPLATE: &str = "{{ 7*7 }}{% if true %}TPL{% endif %}";

fn payload(field: &str) -> String {
    // Quoted for YAML: the payload holds `{`, `%`, `<` and `"`.
    serde_json::to_string(&format!("{field} {SCRIPT} {TEMPLATE} \"q\" & 'a'")).unwrap_or_default()
}

/// A value for every field of `fields`, text fields holding the payload.
fn write_fields(fields: &'static [FieldSpec], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for f in fields {
        if f.name == "accepted_risks" || f.name == "format" {
            continue;
        }
        let _ = write!(out, "{pad}{}:", f.name);
        write_value(&f.kind, f.name, indent, out);
    }
}

fn write_value(kind: &'static Kind, name: &str, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match kind {
        Kind::Text => {
            let _ = writeln!(out, " {}", payload(name));
        }
        Kind::Answer => {
            let _ = writeln!(out, "\n{pad}  answer: no\n{pad}  evidence: {}", payload(name));
        }
        Kind::Choice(values) => {
            let _ = writeln!(out, " {}", values.first().copied().unwrap_or("unknown"));
        }
        Kind::Id => {
            let _ = writeln!(out, " ML-XSS-01");
        }
        Kind::Integer { min, .. } => {
            let _ = writeln!(out, " {}", (*min).max(1));
        }
        Kind::Number => {
            let _ = writeln!(out, " 1000");
        }
        Kind::Date => {
            let _ = writeln!(out, " 2025-01-01");
        }
        Kind::Currency => {
            let _ = writeln!(out, " EUR");
        }
        Kind::Country => {
            let _ = writeln!(out, " ML");
        }
        Kind::Format => {
            let _ = writeln!(out, " 1");
        }
        Kind::Object(inner) => {
            let _ = writeln!(out);
            write_fields(inner, indent + 2, out);
        }
        Kind::List(item) => match item {
            Kind::Object(inner) => {
                let _ = writeln!(out);
                let mut body = String::new();
                write_fields(inner, indent + 4, &mut body);
                let body = body.trim_start().to_string();
                let _ = write!(out, "{pad}  - {body}");
            }
            other => {
                let _ = writeln!(out);
                let _ = write!(out, "{pad}  -");
                write_value(other, name, indent + 2, out);
            }
        },
    }
}

fn hostile_programme() -> String {
    let mut out = String::from("format: 1\n");
    write_fields(schema::ROOT, 0, &mut out);
    out
}

#[test]
fn script_and_template_text_stay_text_in_every_format() {
    let dir = Dir::new();
    dir.write("xss.yaml", &hostile_programme());
    let today = ["--today", "2026-11-28", "--no-config"];
    let valid = run_in(dir.path(), &["check", "xss.yaml", "--format", "json", "--fail-on", "never", "--no-config"]);
    assert_eq!(valid.status, 0, "the programme is valid:\n{}\n{}", valid.stderr, hostile_programme());

    let mut runs: Vec<(String, Vec<&str>)> = Vec::new();
    for format in ["table", "json", "sarif", "junit", "github", "csv"] {
        // Failing at Low, so JUnit and annotations carry every finding's message.
        runs.push((format!("check {format}"), vec!["check", "xss.yaml", "--format", format, "--fail-on", "low"]));
    }
    runs.push(("check --details".into(), vec!["check", "xss.yaml", "--details", "--fail-on", "never"]));
    for format in ["md", "html"] {
        for lang in ["en", "fr"] {
            runs.push((
                format!("report {format} {lang}"),
                vec!["report", "xss.yaml", "--format", format, "--lang", lang],
            ));
        }
    }
    for format in ["table", "md", "html", "csv", "json"] {
        runs.push((format!("portfolio {format}"), vec!["portfolio", "xss.yaml", "--format", format]));
    }
    for (name, mut args) in runs {
        args.extend(today);
        let run = run_in(dir.path(), &args);
        assert!(run.status == 0 || (run.status == 1 && name.starts_with("check")), "{name}: {}", run.stderr);
        let out = &run.stdout;
        // Never evaluated as a template.
        // (Markdown escapes `*`, `{` and `}`; the words stay.)
        assert!(!out.contains("TPL") || out.contains("if true"), "{name}: template code ran:\n{out}");
        assert!(!out.contains(" 49"), "{name}: template code ran:\n{out}");
        // The formats that carry the programme's words show them; the others (summary
        // table, SARIF, JUnit, annotations, CSV) name rules, fields and places only.
        if ["check json", "check --details"].contains(&name.as_str())
            || name.starts_with("report")
            || name.starts_with("portfolio md")
            || name.starts_with("portfolio html")
            || name.starts_with("portfolio json")
        {
            assert!(out.contains("7*7") || out.contains("7\\*7"), "{name}: the text is not shown:\n{out}");
        }
        if name == "check junit" {
            assert!(!out.contains("<script"), "{name}: markup in XML:\n{out}");
        }
        // Never a live script where a browser or a Markdown viewer would run it.
        if name.contains("html") || name.contains("md") {
            let live = out.match_indices("<script").any(|(i, _)| !out[..i].ends_with('\\'));
            assert!(!live, "{name}: a live <script>:\n{out}");
            assert!(out.contains("&lt;script&gt;") || out.contains("\\<script\\>"), "{name}: the script text is lost");
        }
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("dnh-screen");
    let examples = common::root().join("examples");
    let mut child = Command::new(bin)
        .args(["report", "--format", "html", "--today", "2026-11-28"])
        .arg(&examples)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // The reader goes away at once (as `| head -c0` would): the report is far larger than a pipe holds.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn output_files_are_written_whole_with_nothing_left_beside_them() {
    let dir = Dir::new();
    dir.write("a.yaml", common::STRONG);
    let run = run_in(dir.path(), &["report", "a.yaml", "--format", "html", "-o", "out/", "--today", "2026-11-28"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ML-SIK-DEV-99.html"], "no temporary file is left");
    let html = std::fs::read_to_string(dir.path().join("out/ML-SIK-DEV-99.html")).expect("read");
    assert!(html.trim_end().ends_with("</html>"), "the whole report is written");
}

/// Terminal escape sequences and bidirectional overrides written in a programme (or in a file
/// name) are shown written out (`\u{1b}`), never sent: no output nor message carries them.
#[test]
fn escape_sequences_are_shown_never_sent() {
    let dir = Dir::new();
    let design = "id: ESC-1\ntitle: \"Evil \\e]0;pwned\\a \\e[2J \\u202e reversed\"\ntype: border\n\
                  partners:\n  - { name: \"\\e[31mred\\r\", vetted: no, concerns: [\"\\x9b6n\"] }\n\
                  accepted_risks:\n  - { rule: LIV-001, reason: \"\\e[5m\", approved_by: \"\\u2066x\" }\n";
    dir.write("a.yaml", design);
    dir.write("b\u{1b}[31m.yaml", "");
    let mut runs = Vec::new();
    for format in ["table", "json", "sarif", "junit", "github", "csv"] {
        runs.push(run_in(dir.path(), &["check", "--color", "always", "--details", "--format", format, "."]));
    }
    for format in ["md", "html"] {
        runs.push(run_in(dir.path(), &["report", "--format", format, "a.yaml"]));
        runs.push(run_in(dir.path(), &["portfolio", "--format", format, "."]));
    }
    runs.push(run_in(dir.path(), &["portfolio", "--color", "always", "."]));
    runs.push(run_in(dir.path(), &["diff", "a.yaml", "a.yaml"]));
    for run in &runs {
        // Colour codes the tool writes itself start with `ESC [` and a digit, then `m`; strip
        // them, and nothing of the programme's may remain.
        let own = |text: &str| {
            let mut out = String::new();
            let mut rest = text;
            while let Some(i) = rest.find("\u{1b}[") {
                out.push_str(&rest[..i]);
                let tail = &rest[i + 2..];
                let end = tail.find('m').filter(|&e| tail[..e].bytes().all(|b| b.is_ascii_digit() || b == b';'));
                match end {
                    Some(e) => rest = &tail[e + 1..],
                    None => {
                        out.push_str("\u{1b}[");
                        rest = tail;
                    }
                }
            }
            out.push_str(rest);
            out
        };
        // (CSV ends its lines with CR LF, as RFC 4180 asks.)
        for text in [own(&run.stdout).replace("\r\n", "\n"), run.stderr.clone()] {
            for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\u{202e}', '\u{2066}'] {
                assert!(!text.contains(bad), "{:?} sent:\n{text}", bad);
            }
        }
    }
    let json = run_in(dir.path(), &["check", "--format", "json", "a.yaml"]).json();
    assert_eq!(json["programmes"][0]["title"], "Evil \\u{1b}]0;pwned\\u{7} \\u{1b}[2J \\u{202e} reversed");
    let stderr = run_in(dir.path(), &["check", "."]).stderr;
    assert!(stderr.contains("b\\u{1b}[31m.yaml: file is empty"), "{stderr}");
}
