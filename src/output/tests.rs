//! Unit tests of output writing: whole files, no temporary left behind, and nothing written
//! through links, into pipes or folders.

use super::{existing_target, holds, prepare_folder, write_atomic};
use std::path::Path;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).expect("list").flatten().map(|e| e.file_name().to_string_lossy().into()).collect();
    names.sort();
    names
}

#[test]
fn writes_whole_files_and_leaves_no_temporary_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.md");
    write_atomic(&target, b"first").expect("write");
    write_atomic(&target, b"second").expect("overwrite");
    assert_eq!(std::fs::read(&target).expect("read"), b"second");
    assert_eq!(names(dir.path()), vec!["report.md".to_string()]);
    // A missing folder is made; a path under a file cannot be written, and says so.
    write_atomic(&dir.path().join("new/folder/report.md"), b"x").expect("write into a new folder");
    assert_eq!(std::fs::read(dir.path().join("new/folder/report.md")).expect("read"), b"x");
    assert!(write_atomic(&dir.path().join("report.md/inside.md"), b"x").is_err());
}

#[test]
fn a_link_planted_at_the_old_temporary_name_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("write");
    let planted = dir.path().join(format!(".results.sarif.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).expect("symlink");
    write_atomic(&dir.path().join("results.sarif"), b"{}").expect("write");
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "precious");
    assert_eq!(std::fs::read(dir.path().join("results.sarif")).expect("read"), b"{}");
    assert!(std::fs::symlink_metadata(&planted).expect("still there").file_type().is_symlink());
}

#[test]
fn links_folders_and_pipes_are_refused_and_named_for_what_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("file.txt");
    std::fs::write(&file, "kept").expect("write");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&file, &link).expect("symlink");
    let pipe = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&pipe).status().expect("mkfifo").success());
    let reason = |path: &Path| write_atomic(path, b"x").map_err(|e| e.to_string()).err().unwrap_or_default();
    assert!(reason(&link).starts_with("a symbolic link"), "{}", reason(&link));
    assert_eq!(reason(dir.path()), "a folder, not a file");
    assert_eq!(reason(&pipe), "a named pipe, not a regular file");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "kept");
    assert!(prepare_folder(&link).is_err());
    assert!(prepare_folder(&file).is_err());
    prepare_folder(&dir.path().join("a/b")).expect("made");
    assert!(dir.path().join("a/b").is_dir());
    assert!(existing_target(&dir.path().join("missing")).expect("nothing there").is_none());
    // The content of a pipe is never read: it is refused before opening.
    assert!(holds(&pipe, b"x").is_err());
    assert_eq!(holds(&file, b"kept").expect("read"), Some(true));
    assert_eq!(holds(&file, b"kepT").expect("read"), Some(false));
    assert_eq!(holds(&file, b"other length").expect("read"), Some(false));
    assert_eq!(holds(&dir.path().join("missing"), b"x").expect("nothing"), None);
}

#[test]
fn a_long_name_still_gets_a_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("{}.md", "é".repeat(120));
    write_atomic(&dir.path().join(&name), b"x").expect("write");
    assert_eq!(names(dir.path()), vec![name]);
}
