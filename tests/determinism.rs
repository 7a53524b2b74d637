//! Same input, same bytes: every output format, whatever the number of threads, the locale
//! and the order in which the files are named.

mod common;
use common::root;
use std::path::PathBuf;

/// The inputs: every example programme, the example portfolio and a published IATI file.
fn inputs() -> Vec<String> {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["examples", "examples/portfolio"] {
        for entry in std::fs::read_dir(root().join(dir)).expect("examples").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.push(root().join("tests/fixtures/iati/ocha-dportal-mixed-24sahel.xml"));
    files.sort();
    files.iter().map(|p| p.to_string_lossy().into_owned()).collect()
}

/// Runs the binary in `cwd` with `env`, returning stdout and the files written under `out`.
fn run(cwd: &std::path::Path, args: &[String], env: &[(&str, &str)], out: Option<&std::path::Path>) -> Vec<u8> {
    let mut cmd = assert_cmd::Command::cargo_bin("dnh-screen").expect("binary");
    cmd.current_dir(cwd).env("NO_COLOR", "1").env_remove("CI").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().expect("runs");
    if output.stdout.len() < 100 {
        // Printed with the failure: why a run wrote almost nothing.
        eprintln!(
            "SHORT {args:?} {env:?} status {:?} stderr {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut bytes = output.stdout;
    if let Some(out) = out {
        let mut files: Vec<PathBuf> = std::fs::read_dir(out).expect("written").flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            bytes.extend(f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().as_bytes());
            bytes.extend(std::fs::read(&f).expect("read"));
        }
    }
    bytes
}

/// The ways a run may differ that must not change its output.
const SETTINGS: &[&[(&str, &str)]] = &[
    &[("RAYON_NUM_THREADS", "1")],
    &[("RAYON_NUM_THREADS", "7")],
    &[("RAYON_NUM_THREADS", "3"), ("LC_ALL", "tr_TR.UTF-8"), ("LANG", "tr_TR.UTF-8")],
    &[("RAYON_NUM_THREADS", "2"), ("LC_ALL", "C"), ("TZ", "Pacific/Kiritimati")],
];

#[test]
fn every_format_is_byte_identical_across_threads_locales_and_input_order() {
    let files = inputs();
    let mut reversed = files.clone();
    reversed.reverse();
    let fixed = ["--today", "2026-11-28", "--no-config"];
    let mut commands: Vec<(Vec<&str>, bool)> = Vec::new();
    for format in ["table", "json", "sarif", "junit", "github", "csv"] {
        commands.push((vec!["check", "--format", format, "--fail-on", "never"], false));
    }
    commands.push((vec!["check", "--details", "--fail-on", "never"], false));
    for lang in ["en", "fr"] {
        commands.push((vec!["report", "--format", "md", "--lang", lang], false));
        commands.push((vec!["report", "--format", "html", "--lang", lang], false));
    }
    for format in ["table", "md", "html", "csv", "json"] {
        commands.push((vec!["portfolio", "--format", format], false));
    }
    commands.push((vec!["report", "--format", "html", "-o"], true));

    for (command, to_dir) in &commands {
        let mut first: Option<Vec<u8>> = None;
        for (i, settings) in SETTINGS.iter().enumerate() {
            let tmp = tempfile::tempdir().expect("temp");
            let out = tmp.path().join("out");
            let mut args: Vec<String> = command.iter().map(|s| s.to_string()).collect();
            if *to_dir {
                args.push("out/".to_string());
            }
            args.extend(fixed.iter().map(|s| s.to_string()));
            args.extend(if i % 2 == 0 { files.clone() } else { reversed.clone() });
            let bytes = run(tmp.path(), &args, settings, to_dir.then_some(out.as_path()));
            assert!(bytes.len() > 100, "{command:?} wrote almost nothing");
            match &first {
                None => first = Some(bytes),
                Some(expected) => assert!(
                    *expected == bytes,
                    "{command:?} differs under {settings:?}:\n{}",
                    first_difference(expected, &bytes)
                ),
            }
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let show = |s: &[u8]| String::from_utf8_lossy(&s[at.saturating_sub(80)..(at + 80).min(s.len())]).into_owned();
    format!("at byte {at}:\n--- first\n{}\n--- then\n{}", show(a), show(b))
}

#[test]
fn diff_and_rules_are_byte_identical_across_threads_and_locales() {
    let a = root().join("examples/border-menaka.yaml").to_string_lossy().into_owned();
    let b = root().join("examples/ssr-gao-police.yaml").to_string_lossy().into_owned();
    let mut commands: Vec<Vec<String>> = Vec::new();
    for format in ["table", "md", "json"] {
        let args = ["diff", &a, &b, "--format", format, "--today", "2026-11-28", "--no-config"];
        commands.push(args.iter().map(|s| s.to_string()).collect());
    }
    for format in ["table", "json", "md"] {
        for lang in ["en", "fr"] {
            commands.push(["rules", "--format", format, "--lang", lang].iter().map(|s| s.to_string()).collect());
        }
    }
    for args in &commands {
        let tmp = tempfile::tempdir().expect("temp");
        let outputs: Vec<Vec<u8>> = SETTINGS.iter().map(|s| run(tmp.path(), args, s, None)).collect();
        assert!(outputs[0].len() > 100, "{args:?} wrote almost nothing");
        for (o, s) in outputs.iter().zip(SETTINGS) {
            assert!(*o == outputs[0], "{args:?} differs under {s:?}:\n{}", first_difference(&outputs[0], o));
        }
    }
}
