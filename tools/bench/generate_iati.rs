//! Writes a large IATI activity file for memory benchmarks, from a real one:
//!
//!     cargo run --release --example generate-iati -- SOURCE.xml MEGABYTES OUT.xml
//!
//! The `<iati-activity>` elements of SOURCE are copied again and again, each copy's
//! identifier given a `-N` suffix so every activity is distinct, until OUT holds MEGABYTES.
//! The file is written as it grows: the generator itself holds one copy of SOURCE.

use std::io::Write;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, source, megabytes, out] = args.as_slice() else {
        return Err("usage: generate-iati SOURCE.xml MEGABYTES OUT.xml".into());
    };
    let text = std::fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?;
    let limit: u64 = megabytes.parse::<u64>().map_err(|e| format!("{megabytes}: {e}"))? * 1024 * 1024;
    let mut activities = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<iati-activity ").or_else(|| rest.find("<iati-activity>")) {
        let Some(end) = rest[start..].find("</iati-activity>") else { break };
        let end = start + end + "</iati-activity>".len();
        activities.push(&rest[start..end]);
        rest = &rest[end..];
    }
    if activities.is_empty() {
        return Err(format!("{source}: no <iati-activity> found"));
    }
    let file = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut w = std::io::BufWriter::new(file);
    let write =
        |w: &mut std::io::BufWriter<std::fs::File>, s: &str| w.write_all(s.as_bytes()).map_err(|e| e.to_string());
    write(&mut w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n")?;
    let mut written: u64 = 0;
    let mut copy = 0u64;
    while written < limit {
        copy += 1;
        for a in &activities {
            let a = a.replacen("</iati-identifier>", &format!("-{copy}</iati-identifier>"), 1);
            write(&mut w, &a)?;
            write(&mut w, "\n")?;
            written += a.len() as u64 + 1;
        }
    }
    write(&mut w, "</iati-activities>\n")?;
    w.flush().map_err(|e| e.to_string())?;
    println!("{out}: {} activities, {} MB", copy * activities.len() as u64, written / 1024 / 1024);
    Ok(())
}
