//! IATI activity files (standard 2.01–2.03) as programmes: streaming reading (`xml`), the
//! mapping table (`mapping`, from `data/iati-mapping.yaml`), conversion of an activity into a
//! programme document (`convert`) and its writing as a format-1 YAML file (`write`).
//!
//! Part of the load stage: an activity becomes the same raw document a YAML file would give,
//! with positions in the XML, and goes on through validation like any programme. Nothing here
//! invents a design answer IATI does not carry.

mod budget;
pub mod convert;
pub mod mapping;
pub mod safe_id;
pub mod write;
pub mod xml;

use crate::model::Problem;
use std::path::Path;

/// Whether a file is read as IATI XML by its name (`*.xml`): such files are streamed, never
/// read whole, whatever their size.
pub fn is_xml_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Whether a file's bytes start like XML (a programme file never starts with `<`).
pub fn starts_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// Whether a file found in a folder walk is an IATI activity file: an IATI root element in its
/// first kilobytes. Other XML files (test results, exports) are left alone.
pub fn is_activity_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = vec![0u8; 4096];
    let Ok(file) = crate::load::open_regular(path, "") else { return false };
    let n = file.take(4096).read(&mut head).unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    starts_like_xml(&head[..n]) && (text.contains("<iati-activities") || text.contains("<iati-activity"))
}

/// How activities are chosen and read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Recipient country codes; empty takes every activity.
    pub countries: Vec<String>,
    /// DAC sector code prefixes; empty takes every activity.
    pub sectors: Vec<String>,
    /// Preferred narrative language (`en`, `fr`).
    pub lang: String,
}

/// What became of one activity.
#[derive(Debug)]
pub enum Outcome {
    /// Converted: the programme document, its identifier and the notes on the mapping.
    Programme(convert::Converted),
    /// Not selected by `--country` or `--sector`.
    NotSelected(&'static str),
    /// Could not be read as a programme, with why (and where).
    Skipped(Problem),
}

/// Activities converted at once, in parallel: enough to keep the cores busy, few enough that
/// memory stays bounded whatever the size of the file.
const BATCH: usize = 256;

/// The most text held by one batch: a batch of large activities is converted sooner.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Reads every activity of an IATI file: `work` turns what became of each into a `T` (in
/// parallel, by batches), and `each` receives those in file order. An XML error ends the file;
/// it is returned after the activities before it have been handed over.
pub fn read<T: Send>(
    path: &Path,
    display: &str,
    options: &Options,
    work: impl Fn(Outcome) -> T + Sync,
    each: impl FnMut(T),
) -> Result<(), Problem> {
    let file = crate::load::open_regular(path, display)?;
    read_from(std::io::BufReader::with_capacity(64 * 1024, file), display, options, work, each)
}

/// As [`read`], from any buffered input.
pub fn read_from<T: Send>(
    input: impl std::io::BufRead,
    display: &str,
    options: &Options,
    work: impl Fn(Outcome) -> T + Sync,
    mut each: impl FnMut(T),
) -> Result<(), Problem> {
    use rayon::prelude::*;
    let mut batch: Vec<xml::RawActivity> = Vec::with_capacity(BATCH);
    let mut held = 0usize;
    let mut run = |batch: &mut Vec<xml::RawActivity>| {
        let done: Vec<T> = batch.par_iter().map(|raw| work(convert::activity(raw, display, options))).collect();
        batch.clear();
        done.into_iter().for_each(&mut each);
    };
    let result = xml::activities(input, convert::reads, |raw| {
        held += raw.bytes;
        batch.push(raw);
        if batch.len() == BATCH || held >= BATCH_BYTES {
            run(&mut batch);
            held = 0;
        }
    });
    run(&mut batch);
    result.map_err(|e| Problem::new(display, e.loc, crate::model::ProblemKind::InvalidIati(e.message)))
}
