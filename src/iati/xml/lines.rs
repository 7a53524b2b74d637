//! The bytes under the XML reader: it counts lines, so an event's position gives its line and
//! column without scanning again, and it bounds what any one event can make the reader hold.
//!
//! Part of the streaming read of IATI files. A run of text longer than the limit is passed
//! over from the limit to its end (the reader sees it cut, and is told so); a tag, comment or
//! CDATA section longer than the limit is an error. It never changes the bytes it hands on.

use std::io::BufRead;

/// The largest event (a run of text, a tag, a comment) the reader is given whole.
pub const EVENT_LIMIT: u64 = 8 * 1024 * 1024;

/// Where the input stands: bytes consumed, newlines among them, the start of the last line.
#[derive(Default)]
struct Position {
    consumed: u64,
    newlines: u32,
    line_start: u64,
}

impl Position {
    fn advance(&mut self, taken: &[u8]) {
        if let Some(last) = taken.iter().rposition(|b| *b == b'\n') {
            let count = taken.iter().filter(|b| **b == b'\n').count();
            self.newlines = self.newlines.saturating_add(u32::try_from(count).unwrap_or(u32::MAX));
            self.line_start = self.consumed + last as u64 + 1;
        }
        self.consumed += taken.len() as u64;
    }
}

/// A buffered input that counts lines and bounds events (see the module).
pub struct Lines<R> {
    inner: R,
    at: Position,
    /// Where the event being read started, and whether it is text (it starts with neither
    /// `<` nor `&`).
    event_start: u64,
    in_text: bool,
    /// Text was passed over since [`Lines::take_cut`] was last asked.
    cut: bool,
    /// A tag, comment or CDATA section went past the limit.
    pub too_long: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R) -> Self {
        Lines { inner, at: Position::default(), event_start: 0, in_text: false, cut: false, too_long: false }
    }

    /// Marks the start of the next event.
    pub fn begin_event(&mut self) {
        self.event_start = self.at.consumed;
        let first = |b: &[u8]| b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b).first().copied();
        self.in_text = self.inner.fill_buf().ok().and_then(first).is_some_and(|b| b != b'<' && b != b'&');
    }

    /// Whether text was passed over since the last call.
    pub fn take_cut(&mut self) -> bool {
        std::mem::take(&mut self.cut)
    }
}

impl<R> Lines<R> {
    /// The position of the next byte to be consumed.
    pub fn here(&self) -> crate::model::Loc {
        let column = u32::try_from(self.at.consumed - self.at.line_start + 1).unwrap_or(u32::MAX);
        crate::model::Loc::new(self.at.newlines.saturating_add(1), column)
    }
}

impl<R: BufRead> std::io::Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let used = self.at.consumed - self.event_start;
        if used < EVENT_LIMIT {
            let room = usize::try_from(EVENT_LIMIT - used).unwrap_or(usize::MAX);
            // (Looked at first, then handed on: a buffer returned on one path only cannot be
            // borrowed again on the other.)
            let (len, end) = {
                let buffer = self.inner.fill_buf()?;
                // Text is handed on up to the limit, cut at a character's start.
                let mut end = room.min(buffer.len());
                while end > 0 && end < buffer.len() && buffer[end] & 0xC0 == 0x80 {
                    end -= 1;
                }
                (buffer.len(), end)
            };
            if len <= room || !self.in_text {
                return self.inner.fill_buf();
            }
            if end > 0 {
                return Ok(&self.inner.fill_buf()?[..end]);
            }
        }
        if !self.in_text {
            self.too_long = true;
            return Err(std::io::Error::other(format!("an event longer than {EVENT_LIMIT} bytes")));
        }
        // The rest of the run of text is passed over, to the next `<` or `&`.
        loop {
            let buffer = self.inner.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let (n, found) = match buffer.iter().position(|b| *b == b'<' || *b == b'&') {
                Some(i) => (i, true),
                None => (buffer.len(), false),
            };
            self.at.advance(&buffer[..n]);
            self.inner.consume(n);
            self.cut |= n > 0;
            if found {
                break;
            }
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            self.at.advance(&buffer[..amount.min(buffer.len())]);
        } else {
            self.at.consumed += amount as u64;
        }
        self.inner.consume(amount);
    }
}
