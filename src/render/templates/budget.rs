//! What one render of a template from elsewhere may cost: steps (minijinja fuel, which also
//! pays for the data a template creates) and bytes of output, both growing with the number
//! of programmes rendered.
//!
//! Part of the render stage. Built-in templates are not limited (their output grows with the
//! input, which is bounded); a template from a folder could loop or repeat a string without
//! end, so it is stopped with an error naming the template and the limit, never after the
//! output has filled the memory or the disk.

use std::io::Write;

/// Steps a template from a folder may take: this many, plus `FUEL_PER_PROGRAMME` for each
/// programme rendered.
pub const FUEL_BASE: u64 = 1_000_000;
pub const FUEL_PER_PROGRAMME: u64 = 20_000;

/// Bytes of output a template from a folder may write: this many, plus
/// `OUTPUT_PER_PROGRAMME` for each programme rendered.
pub const OUTPUT_BASE: usize = 16 * 1024 * 1024;
pub const OUTPUT_PER_PROGRAMME: usize = 64 * 1024;

/// The budget of one render over `programmes` programmes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub fuel: u64,
    pub output: usize,
}

impl Budget {
    pub fn for_programmes(programmes: usize) -> Budget {
        let n = programmes as u64;
        Budget {
            fuel: FUEL_BASE.saturating_add(FUEL_PER_PROGRAMME.saturating_mul(n)),
            output: OUTPUT_BASE.saturating_add(OUTPUT_PER_PROGRAMME.saturating_mul(programmes)),
        }
    }
}

/// Output collected up to a limit; one byte more and every write fails (the render stops).
pub struct Bounded {
    pub bytes: Vec<u8>,
    limit: usize,
    pub exceeded: bool,
}

impl Bounded {
    pub fn new(limit: usize) -> Bounded {
        Bounded { bytes: Vec::new(), limit, exceeded: false }
    }
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.exceeded || self.bytes.len().saturating_add(buf.len()) > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("template output over its limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_grows_with_the_programmes() {
        assert_eq!(Budget::for_programmes(0), Budget { fuel: 1_000_000, output: 16 << 20 });
        assert_eq!(Budget::for_programmes(10), Budget { fuel: 1_200_000, output: (16 << 20) + 640 * 1024 });
    }

    #[test]
    fn a_write_past_the_limit_fails_and_keeps_failing() {
        let mut out = Bounded::new(4);
        assert!(out.write_all(b"abc").is_ok());
        assert!(out.write_all(b"de").is_err());
        assert!(out.write_all(b"d").is_err(), "once over, always over, even for a byte that would fit");
        assert_eq!(out.bytes, b"abc");
        assert!(out.exceeded);
    }
}
