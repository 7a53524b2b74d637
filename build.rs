//! Embeds the core checklist, the default templates and the data tables into the binary, so the tool runs with
//! no set-up. Generates `embedded.rs` in OUT_DIR: a sorted list of (relative path, contents).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut out = String::new();
    for (name, folder) in [("CHECKLIST_FILES", "checklists"), ("TEMPLATE_FILES", "templates"), ("DATA_FILES", "data")] {
        let base = root.join(folder);
        println!("cargo:rerun-if-changed={}", base.display());
        let mut files = Vec::new();
        collect(&base, &mut files);
        files.sort();
        writeln!(out, "pub static {name}: &[(&str, &str)] = &[").expect("write to string");
        for file in files {
            let relative = file.strip_prefix(&base).expect("under base").to_string_lossy().replace('\\', "/");
            writeln!(out, "    ({relative:?}, include_str!({:?})),", file.display().to_string())
                .expect("write to string");
        }
        writeln!(out, "];").expect("write to string");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(dest, out).expect("write embedded.rs");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')) {
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}
