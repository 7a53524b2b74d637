//! Sensitive names written in other Unicode forms, in files with errors, and at scale.
