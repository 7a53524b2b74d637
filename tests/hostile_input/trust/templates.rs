//! Template folders from a repository: links refused wherever they point, only regular
//! files opened, and every render bounded in steps and in bytes of output.

use crate::common::{Dir, STRONG, root, run_in};
use assert_cmd::Command;
use std::time::Duration;

/// `report --format md --templates tpl good.yaml` in `dir`, with a secret in the environment
/// and a time limit (a pipe must not hold the run).
fn report(dir: &Dir, templates: &str) -> (i32, String, String) {
    let output = Command::cargo_bin("dnh-screen")
        .expect("binary built")
        .current_dir(dir.path())
        .env("DNH_TEST_RUNNER_SECRET", "s3cr3t-token-value")
        .args(["report", "--format", "md", "--templates", templates, "good.yaml", "--today", "2026-01-15"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("binary runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

/// `report.md -> /proc/self/environ` put the runner's environment into the report. Every
/// link is refused, even one that stays inside the folder.
#[test]
fn a_template_that_is_a_link_is_refused_wherever_it_points() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    dir.write("inside/other.md", "{{ programmes }}");
    let targets = [("environ", "/proc/self/environ"), ("zero", "/dev/zero"), ("inside", "other.md")];
    for (folder, target) in targets {
        std::fs::create_dir_all(dir.path().join(folder)).expect("folder");
        std::os::unix::fs::symlink(target, dir.path().join(folder).join("report.md")).expect("link");
        let (status, stdout, stderr) = report(&dir, folder);
        assert_eq!(status, 2, "{folder}: {stderr}");
        let expected = format!(
            "error[DNH503]: {folder}/report.md: template is a symbolic link; template folders are read without following links"
        );
        assert!(stderr.contains(&expected), "{folder}: {stderr}");
        assert!(!stdout.contains("s3cr3t") && !stderr.contains("s3cr3t"), "{folder}");
        assert!(stdout.is_empty(), "{folder}: nothing rendered");
    }
}

/// A pipe at a template's name would block the read for ever; it is refused before it is opened.
#[test]
fn a_template_that_is_a_pipe_is_refused_at_once() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    std::fs::create_dir_all(dir.path().join("tpl")).expect("folder");
    let fifo = std::process::Command::new("mkfifo").arg(dir.path().join("tpl/report.md")).status();
    assert!(fifo.is_ok_and(|s| s.success()));
    let (status, _, stderr) = report(&dir, "tpl");
    assert_eq!(status, 2);
    assert!(
        stderr.contains("error[DNH503]: tpl/report.md: template is a pipe, socket or device, not a regular file"),
        "{stderr}"
    );
}

/// Templates that would write gigabytes from a few bytes: each stops with an error naming
/// the template and the limit, quickly, and writes nothing.
#[test]
fn template_output_is_bounded_in_bytes_and_steps() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    let bombs = [
        // 150 bytes that reached 1.3 GB: string repetition in a loop.
        ("repeat", "{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}", "wrote more than 16842752 bytes"),
        // One big string printed again and again.
        ("printed", "{% set x = \"x\" * 1000000 %}{% for i in range(1000) %}{{ x }}{% endfor %}", "wrote more than"),
        // A joiner repeated between many items.
        ("join", &format!("{{{{ range(100000) | join(\"{}\") }}}}", "y".repeat(5000)), "took more than 1020000 steps"),
        // A list turned into a string, repeated.
        ("string", "{% for i in range(1000) %}{{ range(100000) | list | string }}{% endfor %}", "report.md"),
        // Work without output.
        ("loop", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "took more than"),
        // A string doubled forty times.
        (
            "double",
            "{% set ns = namespace(s=\"x\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
            "took more than",
        ),
        // Output captured in a block, never written.
        (
            "capture",
            "{% set s %}{% for i in range(100000) %}{{ \"x\" * 100000 }}{% endfor %}{% endset %}",
            "took more than",
        ),
    ];
    for (name, source, expected) in bombs {
        dir.write(&format!("{name}/report.md"), source);
        let (status, stdout, stderr) = report(&dir, name);
        assert_eq!(status, 2, "{name}: {stderr}");
        assert!(stderr.contains("error[DNH503]: template error: report.md (templates of "), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}: nothing is written");
    }
}

/// The budget grows with the programmes: a copy of the built-in templates renders a
/// combined report and a portfolio of 200 programmes (about 3,400 steps and 25 KB of HTML
/// each, against 20,000 steps and 64 KiB allowed).
#[test]
fn a_copy_of_the_built_in_templates_fits_its_budget() {
    let dir = Dir::new();
    for n in 0..200 {
        dir.write(&format!("portfolio/p{n:03}.yaml"), &STRONG.replace("ML-SIK-DEV-99", &format!("ML-SIK-DEV-{n:03}")));
    }
    for entry in std::fs::read_dir(root().join("templates")).expect("templates").flatten() {
        std::fs::copy(entry.path(), dir.path().join("copy").join(entry.file_name()))
            .or_else(|_| {
                std::fs::create_dir_all(dir.path().join("copy"))?;
                std::fs::copy(entry.path(), dir.path().join("copy").join(entry.file_name()))
            })
            .expect("copy template");
    }
    for (command, format) in [("report", "html"), ("report", "md"), ("portfolio", "html"), ("portfolio", "md")] {
        let args = [command, "portfolio", "--format", format, "--templates", "copy", "--today", "2026-01-15"];
        let run = run_in(dir.path(), &args);
        assert_eq!(run.status, 0, "{command} {format}: {}", run.stderr);
        let built_in = run_in(dir.path(), &[command, "portfolio", "--format", format, "--today", "2026-01-15"]);
        assert_eq!(run.stdout, built_in.stdout, "{command} {format}: the copy renders as the built-in ones");
    }
}
