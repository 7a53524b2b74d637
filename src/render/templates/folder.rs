//! Reading a folder of templates (`--templates DIR`, or `templates:` in a configuration file)
//! before the render stage uses them.
//!
//! The folder may come from the repository being screened, so nothing in it is trusted: a
//! symbolic link is refused (never followed, wherever it points), only regular files are
//! opened (a pipe or device is refused before it is opened), each read is bounded and the
//! folder as a whole is bounded too. It must not render anything.

use crate::model::ProblemKind as K;
use std::io::Read;
use std::path::Path;

/// The largest template file read.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The most bytes of templates read from one folder.
pub const MAX_FOLDER_BYTES: u64 = 16 * 1024 * 1024;

/// The templates of a folder: every regular file directly in it, named by its file name.
/// Subfolders are passed over; hidden files (`.gitkeep`) too.
pub fn read(dir: &Path) -> Result<Vec<(String, String)>, K> {
    let shown = crate::text::display_path(dir);
    let folder = std::fs::metadata(dir)
        .map_err(|e| K::Template(format!("{shown}: cannot read template folder: {}", crate::load::io_reason(&e))))?;
    if !folder.is_dir() {
        return Err(K::Template(format!("{shown}: a template folder must be a folder")));
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| K::Template(format!("{shown}: cannot read template folder: {}", crate::load::io_reason(&e))))?;
    let mut out = Vec::new();
    let mut total = 0u64;
    for entry in entries {
        let entry = entry.map_err(|e| {
            K::Template(format!("{shown}: cannot read template folder: {}", crate::load::io_reason(&e)))
        })?;
        let name = crate::load::visible(entry.file_name().to_string_lossy().to_string());
        let here = format!("{shown}/{name}");
        // The entry's own type: a link is not followed to find out what it points at.
        let kind = entry
            .file_type()
            .map_err(|e| K::Template(format!("{here}: cannot read: {}", crate::load::io_reason(&e))))?;
        if kind.is_dir() || name.starts_with('.') {
            continue;
        }
        if kind.is_symlink() {
            return Err(K::Template(format!(
                "{here}: template is a symbolic link; template folders are read without following links"
            )));
        }
        if !kind.is_file() {
            return Err(K::Template(format!("{here}: template is a pipe, socket or device, not a regular file")));
        }
        let text = read_one(&entry.path(), &here)?;
        total += text.len() as u64;
        if total > MAX_FOLDER_BYTES {
            return Err(K::Template(format!(
                "{shown}: the templates of the folder are larger than {MAX_FOLDER_BYTES} bytes"
            )));
        }
        out.push((name, text));
    }
    out.sort();
    Ok(out)
}

/// One template file, opened without following a link and read up to the size limit.
fn read_one(path: &Path, here: &str) -> Result<String, K> {
    let reason =
        |e: std::io::Error| K::Template(format!("{here}: cannot read template: {}", crate::load::io_reason(&e)));
    let file = open_no_follow(path).map_err(reason)?;
    // What was opened is checked again: a file swapped for a link or a pipe after the folder
    // was listed is refused too.
    if !file.metadata().map_err(reason)?.is_file() {
        return Err(K::Template(format!("{here}: template is not a regular file")));
    }
    let mut bytes = Vec::new();
    file.take(MAX_TEMPLATE_BYTES + 1).read_to_end(&mut bytes).map_err(reason)?;
    if bytes.len() as u64 > MAX_TEMPLATE_BYTES {
        return Err(K::Template(format!("{here}: template is larger than {MAX_TEMPLATE_BYTES} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| K::Template(format!("{here}: template is not UTF-8 text")))
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a pipe put there after the listing returns at once instead of
    // waiting for a writer; it is then refused as not a regular file.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a symbolic link"));
    }
    std::fs::File::open(path)
}
