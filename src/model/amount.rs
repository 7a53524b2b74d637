//! An amount of money held exactly: a decimal in units of 10⁻¹⁸, added with checked arithmetic,
//! so a sum never wraps, saturates or is rounded off.
//!
//! Types only, shared by the IATI import (budget lines) and the portfolio (budget totals).
//! Nothing here decides what a refused amount means for a programme; it says why it is refused.

/// Decimal places held.
pub const PLACES: usize = 18;
const ONE: i128 = 1_000_000_000_000_000_000;
/// The largest amount added, in units of 10⁻¹⁸: 92,233,720,368,547,758.07 (cents in a signed
/// 64-bit integer).
const MAX: i128 = i64::MAX as i128 * 10_000_000_000_000_000;
/// The largest amount added, as messages write it.
pub const LARGEST: &str = "92233720368547758.07";

/// An exact amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(i128);

/// Why a written amount is not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Not written as a decimal number (`1,000`, `1 000`, `12abc`).
    NotAnAmount,
    /// `inf`, `NaN`, or beyond what a float holds (`1e400`).
    NotFinite,
    /// More decimal places than are held.
    TooManyPlaces,
    /// More than the largest amount added.
    TooLarge,
    /// Less than the smallest amount added (its negative).
    TooSmall,
}

impl Amount {
    pub const ZERO: Amount = Amount(0);

    /// Reads a decimal as written: digits, an optional `.` and fraction, an optional exponent
    /// (`1e6`), with surrounding spaces.
    pub fn parse(written: &str) -> Result<Amount, Unread> {
        let t = written.trim();
        let (negative, rest) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let exponent_ok = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) || !exponent_ok {
            return Err(if t.parse::<f64>().is_ok() { Unread::NotFinite } else { Unread::NotAnAmount });
        }
        if exponent.is_some() && t.parse::<f64>().is_ok_and(|v| !v.is_finite()) {
            return Err(Unread::NotFinite);
        }
        // value = significant × 10^-scale
        let all = format!("{whole}{fraction}");
        let significant = all.trim_start_matches('0');
        let trimmed = significant.trim_end_matches('0');
        if trimmed.is_empty() {
            return Ok(Amount::ZERO);
        }
        let exp: i64 = exponent.map_or(0, |e| {
            let (sign, e) = match e.strip_prefix('-') {
                Some(e) => (-1, e),
                None => (1, e.strip_prefix('+').unwrap_or(e)),
            };
            sign * e.parse::<i64>().unwrap_or(i64::MAX / 4)
        });
        let scale = (fraction.len() as i64) - exp - (significant.len() - trimmed.len()) as i64;
        let shift = PLACES as i64 - scale;
        if shift < 0 {
            return Err(Unread::TooManyPlaces);
        }
        let over = if negative { Unread::TooSmall } else { Unread::TooLarge };
        let mut value: i128 = 0;
        for b in trimmed.bytes() {
            value = value.checked_mul(10).and_then(|v| v.checked_add(i128::from(b - b'0'))).ok_or(over)?;
            if value > MAX {
                return Err(over);
            }
        }
        for _ in 0..shift {
            value = value.checked_mul(10).filter(|v| *v <= MAX).ok_or(over)?;
        }
        Ok(Amount(if negative { -value } else { value }))
    }

    /// The sum, when it is within the largest amount added (and its negative).
    pub fn checked_add(self, other: Amount) -> Result<Amount, Unread> {
        match self.0.checked_add(other.0) {
            Some(v) if v > MAX => Err(Unread::TooLarge),
            Some(v) if v < -MAX => Err(Unread::TooSmall),
            Some(v) => Ok(Amount(v)),
            None => Err(if other.0 < 0 { Unread::TooSmall } else { Unread::TooLarge }),
        }
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The whole units, when the amount has no fraction.
    pub fn whole(self) -> Option<i64> {
        (self.0 % ONE == 0).then(|| i64::try_from(self.0 / ONE).ok()).flatten()
    }

    /// The digits of the whole units (without sign) and of the fraction (without trailing
    /// zeros; empty when whole).
    pub fn parts(self) -> (String, String) {
        let v = self.0.unsigned_abs();
        let whole = (v / ONE as u128).to_string();
        let fraction = format!("{:018}", v % ONE as u128);
        (whole, fraction.trim_end_matches('0').to_string())
    }

    /// The nearest float (exact when the amount has at most 15 significant digits).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl std::fmt::Display for Amount {
    /// As a plain decimal: `1000`, `-2.5`, `0.001`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, fraction) = self.parts();
        let sign = if self.is_negative() { "-" } else { "" };
        if fraction.is_empty() { write!(f, "{sign}{whole}") } else { write!(f, "{sign}{whole}.{fraction}") }
    }
}

#[cfg(test)]
mod tests {
    use super::{Amount, Unread};

    #[test]
    fn amounts_are_read_exactly_or_refused() {
        let read = |t: &str| Amount::parse(t).map(|a| a.to_string());
        assert_eq!(read("1000.10"), Ok("1000.1".into()));
        assert_eq!(read(" -2.5 "), Ok("-2.5".into()));
        assert_eq!(read("0.001"), Ok("0.001".into()));
        assert_eq!(read("5803906.7155"), Ok("5803906.7155".into()));
        assert_eq!(read(".5"), Ok("0.5".into()));
        assert_eq!(read("5."), Ok("5".into()));
        assert_eq!(read("1e6"), Ok("1000000".into()));
        assert_eq!(read("1.5E-3"), Ok("0.0015".into()));
        assert_eq!(read("000"), Ok("0".into()));
        assert_eq!(read("0e999999999999999999999"), Ok("0".into()));
        assert_eq!(read("92233720368547758.07"), Ok("92233720368547758.07".into()));
        assert_eq!(read("0.000000000000000001"), Ok("0.000000000000000001".into()));
        assert_eq!(read("1.0000000000000000000"), Ok("1".into()));
        assert_eq!(read("0.0000000000000000001"), Err(Unread::TooManyPlaces));
        assert_eq!(read("1e-19"), Err(Unread::TooManyPlaces));
        for bad in ["1,000", "1 000", "12abc", "1e", "e5", "--1", "1.2.3", "", ".", "n/a"] {
            assert_eq!(read(bad), Err(Unread::NotAnAmount), "{bad}");
        }
        for inf in ["inf", "NaN", "-infinity", "1e400"] {
            assert_eq!(read(inf), Err(Unread::NotFinite), "{inf}");
        }
        for huge in ["92233720368547758.08", "99999999999999999999999999999999999999999", "1e39", "1e300"] {
            assert_eq!(read(huge), Err(Unread::TooLarge), "{huge}");
            assert_eq!(read(&format!("-{huge}")), Err(Unread::TooSmall), "-{huge}");
        }
    }

    #[test]
    fn sums_are_checked() {
        let max = Amount::parse("92233720368547758.07").unwrap();
        let cent = Amount::parse("0.01").unwrap();
        let min = Amount::parse("-92233720368547758.07").unwrap();
        assert_eq!(max.checked_add(cent), Err(Unread::TooLarge));
        assert_eq!(min.checked_add(Amount::parse("-0.01").unwrap()), Err(Unread::TooSmall));
        assert_eq!(max.checked_add(min), Ok(Amount::ZERO));
        assert_eq!(
            Amount::parse("0.001").unwrap().checked_add(Amount::parse("1000").unwrap()).unwrap().to_string(),
            "1000.001"
        );
        assert_eq!(Amount::parse("3000.3").unwrap().to_f64(), 3000.3);
        assert_eq!(Amount::parse("12").unwrap().whole(), Some(12));
        assert_eq!(Amount::parse("12.5").unwrap().whole(), None);
    }
}
