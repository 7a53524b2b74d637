//! Temporary files beside their target: a random name, created only where nothing exists
//! (`O_EXCL`, so a link planted at a guessed name is never followed), recorded while alive
//! so that SIGINT or SIGTERM removes them before the run ends (with status 130 or 143).
//!
//! Part of writing output; it must not choose where the final file goes.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files alive now, removed if a signal ends the run.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temporary file, removed when dropped unless it was persisted.
pub struct Temporary {
    // Dropped first: the file is removed, then forgotten.
    file: tempfile::NamedTempFile,
    _entry: Entry,
}

/// The record of a live temporary file, forgotten when dropped.
struct Entry(PathBuf);

impl Drop for Entry {
    fn drop(&mut self) {
        live().retain(|p| p != &self.0);
    }
}

impl Temporary {
    /// Creates `.NAME.XXXXXX.tmp` in `dir`, readable as any new file would be (umask applies).
    pub fn new_in(dir: &Path, name: &str) -> std::io::Result<Temporary> {
        watch_signals();
        // Short enough that the temporary name stays within the 255 bytes a name may have.
        let mut cut = name.len().min(120);
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        let prefix = format!(".{}.", &name[..cut]);
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // Created and recorded under one lock, so a signal never misses a file.
        let mut live = live();
        let file = builder.tempfile_in(dir)?;
        let path = file.path().to_path_buf();
        live.push(path.clone());
        Ok(Temporary { file, _entry: Entry(path) })
    }

    pub fn file(&mut self) -> &mut std::fs::File {
        self.file.as_file_mut()
    }

    /// Renames the file to `target` (replacing what is there, never writing through it).
    pub fn persist(self, target: &Path) -> std::io::Result<()> {
        let Temporary { file, _entry } = self;
        // On failure the file comes back with the error and is removed as it drops.
        file.persist(target).map(drop).map_err(|e| e.error)
    }
}

/// From the first temporary file on, SIGINT and SIGTERM remove the live temporary files and
/// end the run with the usual status (128 + the signal).
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
        let watcher = std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no temporary file is made after this.
                let live = live();
                for path in live.iter() {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
        drop(watcher);
    });
}

#[cfg(not(unix))]
fn watch_signals() {}
