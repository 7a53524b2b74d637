//! Calendar dates as programme files write them (`2025`, `2025-01`, `2025-01-15`), with the
//! arithmetic screening needs: expiry of acceptances, months between dates, today's date.
//!
//! Pure values: nothing here reads the clock (the caller passes today's day count).

use std::fmt;

/// A calendar date as the format allows it: a year, a month, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)? as u16;
        let month = match parts.next() {
            None => {
                return Some(Date { year, month: None, day: None });
            }
            Some(m) => parse_digits(m, 2)? as u8,
        };
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = parse_digits(d, 2)? as u8;
                if d < 1 || d > days_in_month(year, month) {
                    return None;
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Date { year, month: Some(month), day })
    }

    /// The last day this date covers: `2026-06` lasts until 30 June 2026.
    pub fn last_day(self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Date { year: self.year, month: Some(month), day: Some(day) }
    }

    /// The first day this date covers.
    pub fn first_day(self) -> Date {
        Date { year: self.year, month: Some(self.month.unwrap_or(1)), day: Some(self.day.unwrap_or(1)) }
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier), by calendar month.
    pub fn months_until(self, later: Date) -> i32 {
        let a = self.first_day();
        let b = later.first_day();
        (i32::from(b.year) - i32::from(a.year)) * 12 + i32::from(b.month.unwrap_or(1)) - i32::from(a.month.unwrap_or(1))
    }

    /// This date moved forward by whole months (the day is kept within the month).
    pub fn add_months(self, months: u32) -> Date {
        let d = self.first_day();
        let index = u32::from(d.year) * 12 + u32::from(d.month.unwrap_or(1)) - 1 + months;
        let year = (index / 12) as u16;
        let month = (index % 12) as u8 + 1;
        let day = d.day.unwrap_or(1).min(days_in_month(year, month));
        Date { year, month: Some(month), day: Some(day) }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// The civil date of a day count since 1970-01-01 (proleptic Gregorian calendar).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's days_from_civil inverse.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month: Some(month), day: Some(day) }
    }
}

#[cfg(test)]
mod epoch_tests {
    use super::Date;

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_454).to_string(), "2026-01-01");
        assert_eq!(Date::from_days_since_epoch(19_782).to_string(), "2024-02-29");
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_parse_and_reject() {
        assert_eq!(Date::parse("2024-11").map(|d| d.to_string()), Some("2024-11".into()));
        assert!(Date::parse("2024-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("24-01-01").is_none());
        assert!(Date::parse("2024-13").is_none());
        assert_eq!(Date::parse("2026-06").map(|d| d.last_day().to_string()), Some("2026-06-30".into()));
    }

    #[test]
    fn months_between_dates() {
        let a = Date::parse("2024-11").unwrap_or(Date { year: 0, month: None, day: None });
        let b = Date::parse("2025-02-10").unwrap_or(a);
        assert_eq!(a.months_until(b), 3);
        assert_eq!(a.add_months(14).to_string(), "2026-01-01");
    }
}
