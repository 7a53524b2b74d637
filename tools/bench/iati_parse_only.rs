//! The bare-parse baseline for IATI benchmarks: reads every XML event of the files with the
//! same XML parser (quick-xml, streaming) and counts the `<iati-activity>` elements; nothing else.
//!
//!     cargo run --release --example iati-parse-only -- FILE.xml...

use quick_xml::events::Event;

fn main() -> Result<(), String> {
    let mut activities = 0u64;
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::with_capacity(64 * 1024, file));
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf).map_err(|e| format!("{path}: {e}"))? {
                Event::Start(e) if e.name().as_ref() == "iati-activity" => activities += 1,
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    println!("{activities} activities");
    Ok(())
}
