//! IATI files from other publishers: what an import writes, bounds on what it reads, broken files.
