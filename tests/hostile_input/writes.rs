//! Writes only where told: temporary files, outputs that are devices or links, baselines and imports.

use super::common::{Dir, FUEL_BAN, Run, STRONG, run_bounded};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("dnh-screen")
}

/// Runs `script` with `sh` in `cwd`, `$BIN` the binary: `exec $BIN` keeps the shell's
/// process id, so `$$` names the temporary files the run would once have used.
fn shell(cwd: &Path, script: &str) -> Run {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(cwd)
        .env("BIN", bin())
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    Run::from(output)
}

fn mkfifo(path: &Path) {
    assert!(std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo").success());
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).expect("list").flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
    names.sort();
    names
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// An IATI file of one activity per identifier, its description `words` long.
fn activities(ids: &[(&str, usize)]) -> String {
    let mut xml = String::from("<iati-activities version=\"2.03\">\n");
    for (id, words) in ids {
        xml.push_str(&format!(
            "<iati-activity><iati-identifier>{id}</iati-identifier><title><narrative>Activity</narrative></title>\
             <description><narrative>{}</narrative></description></iati-activity>\n",
            "word ".repeat(*words)
        ));
    }
    xml.push_str("</iati-activities>\n");
    xml
}

#[test]
fn links_planted_at_guessable_temporary_names_are_never_followed() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    dir.write("victim.txt", "precious");
    dir.write("a.xml", &activities(&[("XM-1", 1)]));
    std::fs::create_dir(dir.path().join("out")).expect("folder");
    let run = shell(
        dir.path(),
        "ln -s victim.txt .results.sarif.$$.tmp && ln -s victim.txt .base.json.$$.tmp && \
         exec \"$BIN\" check good.yaml --output sarif=results.sarif --write-baseline base.json",
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let run = shell(dir.path(), "ln -s ../victim.txt out/.XM-1.yaml.$$.tmp && exec \"$BIN\" import iati a.xml -o out");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("victim.txt")).expect("read"), "precious");
    assert!(std::fs::read_to_string(dir.path().join("results.sarif")).expect("sarif").contains("\"version\""));
    assert!(std::fs::read_to_string(dir.path().join("base.json")).expect("baseline").contains("baseline_version"));
    assert!(std::fs::read_to_string(dir.path().join("out/XM-1.yaml")).expect("import").contains("XM-1"));
    let planted = names(dir.path()).into_iter().filter(|n| n.ends_with(".tmp")).count();
    assert_eq!(planted, 2, "the planted links are left as they were: {:?}", names(dir.path()));
}

#[test]
fn outputs_that_are_not_regular_files_are_refused_by_name() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    dir.write("victim.txt", "precious");
    mkfifo(&dir.path().join("pipe"));
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null")).expect("symlink");
    std::os::unix::fs::symlink("victim.txt", dir.path().join("link")).expect("symlink");
    std::fs::create_dir(dir.path().join("folder")).expect("folder");
    std::os::unix::fs::symlink("folder", dir.path().join("folder-link")).expect("symlink");
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("sock")).expect("socket");
    let reasons = [
        ("pipe", "a named pipe, not a regular file"),
        ("null", "a symbolic link, not followed when writing"),
        ("link", "a symbolic link, not followed when writing"),
        ("folder", "a folder, not a file"),
        ("sock", "a socket, not a regular file"),
    ];
    for (target, reason) in reasons {
        let sarif = format!("sarif={target}");
        let runs: [Vec<&str>; 3] = [
            vec!["check", "good.yaml", "--output", &sarif],
            vec!["check", "good.yaml", "--write-baseline", target],
            vec!["portfolio", "good.yaml", "-o", target],
        ];
        for args in runs {
            let run = run_bounded(dir.path(), &args);
            assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("error[DNH504]: {target}: cannot write: {reason}")),
                "{args:?}: {}",
                run.stderr
            );
        }
        if target != "folder" {
            let run = run_bounded(dir.path(), &["report", "good.yaml", "--format", "md", "-o", target]);
            assert_eq!(run.status, 2, "{target}: {}", run.stderr);
            assert!(run.stderr.contains(&format!("error[DNH504]: {target}: cannot write: {reason}")), "{}", run.stderr);
        }
        let run = run_bounded(dir.path(), &["new", "--type", "ssr", "-o", target]);
        assert_eq!(run.status, 2, "{target}: {}", run.stderr);
        assert!(run.stderr.contains(target), "{}", run.stderr);
    }
    // A report folder that is a link is refused too, written with or without the last `/`.
    for target in ["folder-link", "folder-link/"] {
        let run = run_bounded(dir.path(), &["report", "good.yaml", "--format", "md", "-o", target]);
        assert_eq!(run.status, 2, "{target}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("error[DNH504]: {target}: cannot write: a symbolic link")),
            "{}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("victim.txt")).expect("read"), "precious");
    assert!(is_fifo(&dir.path().join("pipe")));
    assert!(is_link(&dir.path().join("null")) && is_link(&dir.path().join("link")));
    assert!(names(&dir.path().join("folder")).is_empty());
    assert!(std::fs::symlink_metadata(dir.path().join("sock")).is_ok_and(|m| m.file_type().is_socket()));
}

/// Stops the run the moment one of its temporary files exists, sends `signal`, and lets it
/// go on: it removes its temporary files and ends with 128 + the signal.
fn interrupt_while_writing(signal: libc::c_int) {
    let dir = Dir::new();
    let mut args: Vec<String> = vec!["check".into(), common_examples(), "--fail-on".into(), "never".into()];
    for i in 0..60 {
        args.push("--output".into());
        args.push(format!("json=out/report-{i}.json"));
    }
    let out = dir.path().join("out");
    let mut child =
        std::process::Command::new(bin()).current_dir(dir.path()).args(&args).spawn().expect("binary starts");
    let pid = child.id() as libc::pid_t;
    let temporaries = || names(&out).into_iter().filter(|n| n.ends_with(".tmp")).count();
    let stopped = || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with('T'))
    };
    let mut caught = false;
    while !caught && child.try_wait().expect("wait").is_none() {
        if out.is_dir() && temporaries() > 0 {
            // SAFETY: `kill` only sends a signal to the child started above.
            unsafe { libc::kill(pid, libc::SIGSTOP) };
            while !stopped() && child.try_wait().expect("wait").is_none() {
                std::thread::yield_now();
            }
            caught = temporaries() > 0;
            if caught {
                // SAFETY: as above.
                unsafe { libc::kill(pid, signal) };
            }
            // SAFETY: as above.
            unsafe { libc::kill(pid, libc::SIGCONT) };
        }
    }
    let status = child.wait().expect("wait");
    assert!(caught, "the run ended before a temporary file was seen");
    assert_eq!(status.code(), Some(128 + signal), "{status:?}");
    assert_eq!(temporaries(), 0, "{:?}", names(&out));
    assert!(names(&out).len() < 60, "the run was interrupted before its last output");
}

fn common_examples() -> String {
    super::common::root().join("examples").to_string_lossy().into_owned()
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    interrupt_while_writing(libc::SIGTERM);
    interrupt_while_writing(libc::SIGINT);
}

#[test]
fn a_baseline_is_read_only_from_a_regular_file_of_bounded_size() {
    let dir = Dir::new();
    dir.write("good.yaml", FUEL_BAN);
    mkfifo(&dir.path().join("pipe.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).expect("symlink");
    let huge = std::fs::File::create(dir.path().join("huge.json")).expect("create");
    huge.set_len(64 * 1024 * 1024 + 1).expect("sparse");
    let cases = [
        ("pipe.json", "pipe.json: cannot read baseline: a pipe, socket or device, not a regular file"),
        ("zero.json", "zero.json: cannot read baseline: a pipe, socket or device, not a regular file"),
        ("huge.json", "huge.json: cannot read baseline: larger than the limit of 67108864 bytes (64 MiB)"),
    ];
    for (baseline, message) in cases {
        let run = run_bounded(dir.path(), &["check", "good.yaml", "--baseline", baseline, "--fail-on", "never"]);
        assert_eq!(run.status, 2, "{baseline}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("error[DNH502]: {message}")), "{}", run.stderr);
    }
    // A baseline it wrote itself is read, and knows every finding.
    let run = run_bounded(dir.path(), &["check", "good.yaml", "--write-baseline", "base.json"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let run = run_bounded(dir.path(), &["check", "good.yaml", "--baseline", "base.json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn imported_file_names_stay_in_their_folder_and_visible() {
    let dir = Dir::new();
    let long = "x".repeat(300);
    let (long_a, long_b) = (format!("{long}A"), format!("{long}B"));
    let ids = [".hidden", "../../escape", "..", ".", "a..b", "/etc/cron.d/job", &long_a, &long_b];
    let ids: Vec<(&str, usize)> = ids.iter().map(|id| (*id, 1)).collect();
    dir.write("in/a.xml", &activities(&ids));
    let run = run_bounded(&dir.path().join("in"), &["import", "iati", "a.xml", "-o", "out"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(names(dir.path()), vec!["in"]);
    assert_eq!(names(&dir.path().join("in")), vec!["a.xml", "out"]);
    let written = names(&dir.path().join("in/out"));
    assert_eq!(written.len(), ids.len(), "{written:?}");
    for name in &written {
        assert!(!name.starts_with('.') && !name.contains("..") && name.len() <= 255, "{name}");
    }
    assert_eq!(written.iter().filter(|n| n.starts_with(&"x".repeat(200))).count(), 2, "{written:?}");
    // Each is a programme file that screens.
    let run = run_bounded(&dir.path().join("in"), &["check", "out", "--fail-on", "never"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn an_import_target_that_is_not_a_regular_file_is_refused_and_the_others_written() {
    let dir = Dir::new();
    dir.write("a.xml", &activities(&[("XM-PIPE", 1), ("XM-FOLDER", 1), ("XM-LINK", 1), ("XM-GOOD", 1)]));
    dir.write("victim.txt", "precious");
    std::fs::create_dir_all(dir.path().join("out/XM-FOLDER.yaml")).expect("folder");
    mkfifo(&dir.path().join("out/XM-PIPE.yaml"));
    std::os::unix::fs::symlink("../victim.txt", dir.path().join("out/XM-LINK.yaml")).expect("symlink");
    for force in [false, true] {
        let mut args = vec!["import", "iati", "a.xml", "-o", "out"];
        if force {
            args.push("--force");
        }
        let run = run_bounded(dir.path(), &args);
        assert_eq!(run.status, 2, "{}", run.stderr);
        for message in [
            "error[DNH504]: out/XM-PIPE.yaml: cannot write: a named pipe, not a regular file",
            "error[DNH504]: out/XM-FOLDER.yaml: cannot write: a folder, not a file",
            "error[DNH504]: out/XM-LINK.yaml: cannot write: a symbolic link, not followed when writing",
        ] {
            assert!(run.stderr.contains(message), "{message}\n{}", run.stderr);
        }
        assert!(
            run.stdout.contains("1 written to out") && run.stdout.contains("3 could not be written"),
            "{}",
            run.stdout
        );
        assert!(!run.stderr.contains("kept"), "{}", run.stderr);
    }
    assert!(is_fifo(&dir.path().join("out/XM-PIPE.yaml")) && is_link(&dir.path().join("out/XM-LINK.yaml")));
    assert_eq!(std::fs::read_to_string(dir.path().join("victim.txt")).expect("read"), "precious");
    assert!(dir.path().join("out/XM-GOOD.yaml").is_file());
}

/// A file size limit (`ulimit -f`) makes the write of the large activity fail as a full
/// disk would: an error and status 2, not a file "kept", and the small ones are written.
#[test]
fn a_failed_import_write_is_an_error_and_the_others_are_written() {
    let dir = Dir::new();
    dir.write("a.xml", &activities(&[("XM-SMALL-1", 1), ("XM-LARGE", 10_000), ("XM-SMALL-2", 1)]));
    let run = shell(dir.path(), "trap '' XFSZ; ulimit -f 16 && exec \"$BIN\" import iati a.xml -o out");
    assert_eq!(run.status, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("error[DNH504]: out/XM-LARGE.yaml: cannot write: File too large"), "{}", run.stderr);
    assert!(run.stdout.contains("2 written to out") && run.stdout.contains("1 could not be written"), "{}", run.stdout);
    assert_eq!(names(&dir.path().join("out")), vec!["XM-SMALL-1.yaml", "XM-SMALL-2.yaml"]);
}

#[test]
fn a_report_folder_goes_on_after_one_document_fails() {
    let dir = Dir::new();
    dir.write("a.yaml", STRONG);
    dir.write("b.yaml", FUEL_BAN);
    std::fs::create_dir(dir.path().join("out")).expect("folder");
    mkfifo(&dir.path().join("out/ML-SIK-DEV-99.md"));
    let run = run_bounded(dir.path(), &["report", "a.yaml", "b.yaml", "--format", "md", "-o", "out/"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("out/ML-SIK-DEV-99.md: cannot write: a named pipe"), "{}", run.stderr);
    assert!(run.stdout.contains("wrote out/ML-MNK-BRD-99.md"), "{}", run.stdout);
    assert!(
        std::fs::read_to_string(dir.path().join("out/ML-MNK-BRD-99.md")).expect("written").contains("ML-MNK-BRD-99")
    );
}
