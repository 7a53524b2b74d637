//! Writing output files: atomically (a temporary file beside the target, then a rename), so
//! an interrupted run never leaves a half-written report behind.
//!
//! The last step after rendering. It must not render or change what it is given.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, true)
}

/// As [`write_atomic`], without waiting for the disk: for the many small files of an import,
/// which a rerun rewrites. An interrupted run still leaves no half-written file.
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, false)
}

fn write_through_temp(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "output".to_string());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        std::fs::create_dir_all(dir)?;
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::write_atomic;

    #[test]
    fn writes_whole_files_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.md");
        write_atomic(&target, b"first").expect("write");
        write_atomic(&target, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"second");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into())
            .collect();
        assert_eq!(names, vec!["report.md".to_string()]);
        // A missing folder is made; a path under a file cannot be written, and says so.
        write_atomic(&dir.path().join("new/folder/report.md"), b"x").expect("write into a new folder");
        assert_eq!(std::fs::read(dir.path().join("new/folder/report.md")).expect("read"), b"x");
        assert!(write_atomic(&dir.path().join("report.md/inside.md"), b"x").is_err());
    }
}
