//! Writing output files: only regular files, atomically (a temporary file beside the target,
//! then a rename), so an interrupted run never leaves a half-written report behind.
//!
//! The last step after rendering. It must not render or change what it is given, and it
//! never writes through a symbolic link, into a device, a named pipe or a socket, nor at a
//! name another process could guess beforehand: the temporary file gets a random name and is
//! created only if nothing is there (`temporary`), and is removed if the run is interrupted.

mod temporary;
#[cfg(test)]
mod tests;

use std::fs::Metadata;
use std::io::{Error, ErrorKind, Read, Write};
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

/// What is at a path the tool is about to write: `None` when nothing is, the metadata of a
/// regular file, or an error saying why nothing is written there (a symbolic link, whatever
/// it points to; a folder; a device, pipe or socket). The link itself is looked at, never
/// followed.
pub fn existing_target(path: &Path) -> std::io::Result<Option<Metadata>> {
    match std::fs::symlink_metadata(unslashed(path)) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(meta) => Err(refusal(&meta, "file")),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Makes sure `path` is a folder to write files into, creating it (and its parents) when
/// missing. A symbolic link, or anything else than a folder, is refused.
pub fn prepare_folder(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(unslashed(path)) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(meta) => Err(refusal(&meta, "folder")),
        Err(e) if e.kind() == ErrorKind::NotFound => std::fs::create_dir_all(path),
        Err(e) => Err(e),
    }
}

/// Whether the regular file at `path` holds exactly `bytes`: `None` when there is no file.
/// Anything else than a regular file is refused, never opened for reading (a named pipe
/// would block the run); a file of another size is not read at all.
pub fn holds(path: &Path, bytes: &[u8]) -> std::io::Result<Option<bool>> {
    let Some(meta) = existing_target(path)? else { return Ok(None) };
    if meta.len() != bytes.len() as u64 {
        return Ok(Some(false));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file be swapped after the look above: no link followed, no wait on a pipe.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refusal(&meta, "file"));
    }
    let mut existing = Vec::with_capacity(bytes.len());
    file.take(bytes.len() as u64 + 1).read_to_end(&mut existing)?;
    Ok(Some(existing == bytes))
}

/// The path without a trailing `/`, which would have the link it names followed.
fn unslashed(path: &Path) -> std::path::PathBuf {
    path.components().collect()
}

/// Why nothing is written at a path that holds `meta` where a `wanted` ("file" or "folder")
/// was expected.
fn refusal(meta: &Metadata, wanted: &str) -> Error {
    let kind = meta.file_type();
    let what = if kind.is_symlink() {
        "a symbolic link, not followed when writing".to_string()
    } else if kind.is_dir() {
        format!("a folder, not a {wanted}")
    } else if kind.is_file() {
        format!("a file, not a {wanted}")
    } else {
        format!("{}, not a regular {wanted}", special_kind(meta))
    };
    Error::new(ErrorKind::InvalidInput, what)
}

#[cfg(unix)]
fn special_kind(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "a special file"
}

fn write_through_temp(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "output".to_string());
    existing_target(path)?;
    std::fs::create_dir_all(dir)?;
    let mut temp = temporary::Temporary::new_in(dir, &name)?;
    temp.file().write_all(bytes)?;
    if sync {
        temp.file().sync_all()?;
    }
    // Dropped on any error above: the temporary file is removed.
    temp.persist(path)
}
