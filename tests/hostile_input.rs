//! Hostile and broken input: every case gets a clear error naming its file (and line where
//! there is one), never a panic, and the good file beside it is still screened.
//!
//! `scripts/hostile.sh` times each case and measures its memory: it runs `write_cases` with
//! `DNH_HOSTILE_DIR` set to keep the files.

#[path = "hostile_input/bounds.rs"]
mod bounds;
mod common;
#[path = "hostile_input/iati.rs"]
mod iati;
#[path = "hostile_input/messages.rs"]
mod messages;
#[path = "hostile_input/names.rs"]
mod names;
#[path = "hostile_input/trust.rs"]
mod trust;
#[path = "hostile_input/writes.rs"]
mod writes;
use common::{Dir, STRONG, run_in};
use std::path::Path;

/// xorshift64*: the same noise on every machine.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// The cases: file name, content, and what its error must say.
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut bomb = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"]) {
        bomb.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(",")));
    }
    let many_aliases = format!("id: A\ntitle: T\ntype: ssr\nx: &x 1\ny: [{}]\n", vec!["*x"; 150].join(","));
    let deep_flow = format!("id: A\ntitle: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let mut deep_block = String::from("id: A\n");
    for i in 0..3000 {
        deep_block.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    let lol = "&lol;".repeat(10);
    let entities = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<iati-activities version=\"2.03\"><iati-activity><iati-identifier>XM-LOL</iati-identifier><title><narrative>{lol}&lol2;</narrative></title></iati-activity></iati-activities>\n"
    );
    let deep_xml = format!(
        "<iati-activities><iati-activity><iati-identifier>XM-DEEP</iati-identifier><title>{}{}</title></iati-activity></iati-activities>\n",
        "<narrative>".repeat(100_000),
        "</narrative>".repeat(100_000)
    );
    vec![
        ("alias-bomb.yaml", bomb.into_bytes(), "alias-bomb.yaml:"),
        ("many-aliases.yaml", many_aliases.into_bytes(), "more than 100 alias references"),
        ("deep-flow.yaml", deep_flow.into_bytes(), "nested deeper than 32 levels"),
        ("deep-block.yaml", deep_block.into_bytes(), "nested deeper than 32 levels"),
        ("empty.yaml", Vec::new(), "empty.yaml: file is empty"),
        ("blank.yaml", b"\n\n   \n".to_vec(), "blank.yaml: file is empty"),
        ("noise.yaml", noise(64 * 1024), "noise.yaml:"),
        ("latin1.yaml", b"id: A\ntitle: caf\xe9\ntype: ssr\n".to_vec(), "latin1.yaml:2:11: file is not UTF-8 text"),
        ("nul.yaml", b"id: A\ntitle: T\x00\ntype: ssr\n".to_vec(), "nul.yaml:2:"),
        ("duplicate-keys.yaml", b"id: A\ntitle: T\ntitle: U\ntype: ssr\n".to_vec(), "duplicate-keys.yaml:3:1:"),
        ("two-documents.yaml", b"id: A\ntitle: T\ntype: ssr\n---\nid: B\n".to_vec(), "several YAML documents"),
        ("tabs.yaml", b"id: A\ntitle: T\ntype: ssr\nlocation:\n\tcountries: [ML]\n".to_vec(), "tabs.yaml:5:"),
        ("entities.xml", entities.into_bytes(), ""),
        ("deep.xml", deep_xml.into_bytes(), "deep.xml:1:"),
        (
            "truncated.xml",
            b"<iati-activities>\n<iati-activity>\n<iati-identifier>XM-T</iati-identifier>\n".to_vec(),
            "truncated.xml:2:1: <iati-activity> is never closed",
        ),
    ]
}

fn write_all(dir: &Path) {
    for (name, bytes, _) in cases() {
        std::fs::write(dir.join(name), bytes).expect("write case");
    }
    std::fs::write(dir.join("good.yaml"), STRONG).expect("write good");
    // 200 MB, sparse: refused by size before it is read.
    let big = std::fs::File::create(dir.join("huge.yaml")).expect("create");
    big.set_len(200 * 1024 * 1024).expect("grow");
}

#[test]
fn every_hostile_file_is_named_and_the_good_one_is_still_screened() {
    let dir = Dir::new();
    write_all(dir.path());
    let run = run_in(dir.path(), &["check", ".", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let report = run.json();
    let ids: Vec<&str> =
        report["programmes"].as_array().expect("list").iter().filter_map(|p| p["id"].as_str()).collect();
    assert!(ids.contains(&"ML-SIK-DEV-99"), "{ids:?}");
    // The entities are not expanded: the activity reads, its title without them.
    assert!(ids.contains(&"XM-LOL"), "{ids:?}");
    let lol = report["programmes"].as_array().expect("list").iter().find(|p| p["id"] == "XM-LOL").cloned();
    assert!(lol.is_some_and(|p| !p["title"].as_str().unwrap_or("").contains("lollol")));
    for (name, _, expected) in cases() {
        if expected.is_empty() {
            continue;
        }
        let line =
            run.stderr.lines().find(|l| l.starts_with("error[") && l.contains(&format!("]: {name}"))).unwrap_or("");
        assert!(line.contains(expected) || run.stderr.contains(expected), "{name}: {expected}\n{}", run.stderr);
        assert!(!line.is_empty(), "{name} has no error line:\n{}", run.stderr);
    }
    assert!(
        run.stderr.contains("error[DNH102]: huge.yaml: file is larger than the limit of 8388608 bytes"),
        "{}",
        run.stderr
    );
}

#[test]
fn loops_missing_paths_and_dangling_links_are_errors_that_stop_nothing() {
    let dir = Dir::new();
    dir.write("designs/good.yaml", STRONG);
    std::os::unix::fs::symlink("..", dir.path().join("designs/loop")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.yaml", dir.path().join("designs/gone.yaml")).expect("symlink");
    let run = run_in(dir.path(), &["check", "designs", "missing.yaml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(run.json()["summary"]["programmes"], 1);
    assert!(
        run.stderr.contains("error[DNH101]: missing.yaml: cannot read path: No such file or directory"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("designs/loop") && run.stderr.contains("loop"), "{}", run.stderr);
    assert!(run.stderr.contains("designs/gone.yaml"), "{}", run.stderr);
}

/// A named pipe would block a reader for ever, and `/proc/self/mem` cannot be read at all
/// (an unreadable file, even for root): each is an error naming it, and the good file is
/// still screened. A pipe with a programme's name in a walked folder is named too, not
/// skipped unseen.
#[test]
fn pipes_and_unreadable_files_are_errors_that_stop_nothing() {
    let dir = Dir::new();
    dir.write("designs/good.yaml", STRONG);
    for pipe in ["designs/pipe.yaml", "named.yaml", "named.xml"] {
        let status = std::process::Command::new("mkfifo").arg(dir.path().join(pipe)).status().expect("mkfifo");
        assert!(status.success());
    }
    let args =
        ["check", "designs", "named.yaml", "named.xml", "/proc/self/mem", "--format", "json", "--fail-on", "never"];
    let run = run_in(dir.path(), &args);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(run.json()["summary"]["programmes"], 1);
    for named in ["named.yaml", "named.xml", "designs/pipe.yaml"] {
        let message = format!("error[DNH101]: {named}: cannot read file: a pipe, socket or device, not a regular file");
        assert!(run.stderr.contains(&message), "{}", run.stderr);
    }
    // (Input/output error on Linux; whatever the reason, an error naming the file.)
    assert!(run.stderr.contains("error[DNH101]: /proc/self/mem: "), "{}", run.stderr);
}

#[test]
fn a_bom_is_accepted() {
    let dir = Dir::new();
    dir.write("bom.yaml", &format!("\u{feff}{STRONG}"));
    let run = run_in(dir.path(), &["check", "bom.yaml", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.json()["programmes"][0]["id"], "ML-SIK-DEV-99");
}

/// Keeps the cases for `scripts/hostile.sh` when `DNH_HOSTILE_DIR` is set; otherwise checks
/// that they can be written.
#[test]
fn write_cases() {
    match std::env::var_os("DNH_HOSTILE_DIR") {
        Some(dir) => {
            std::fs::create_dir_all(&dir).expect("folder");
            write_all(Path::new(&dir));
        }
        None => {
            let dir = Dir::new();
            write_all(dir.path());
            assert_eq!(std::fs::read_dir(dir.path()).expect("folder").count(), cases().len() + 2);
        }
    }
}

/// Templates come from other organisations too: a loop without end runs out of its budget of
/// steps and stops with an error naming the template; an oversized template is refused.
#[test]
fn a_template_without_end_stops_with_an_error() {
    let dir = Dir::new();
    dir.write("good.yaml", STRONG);
    dir.write("tpl/report.md", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}");
    let run = run_in(dir.path(), &["report", "--format", "md", "--templates", "tpl", "good.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("took more than 1020000 steps") && run.stderr.contains("report.md"), "{}", run.stderr);
    dir.write("big/report.md", &"x".repeat(2 * 1024 * 1024));
    let run = run_in(dir.path(), &["report", "--format", "md", "--templates", "big", "good.yaml"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("big/report.md: template is larger than 1048576 bytes"), "{}", run.stderr);
}
