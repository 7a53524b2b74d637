//! An activity's budget: its budget lines summed in one currency (revised budgets replace the
//! original of their period), or its commitments when it publishes no budget.
//!
//! Part of converting an activity. Amounts are read as the decimals they are written as and
//! added in cents with checked arithmetic: a sum never wraps or saturates. An amount that is
//! not a finite number, or a total beyond the largest this tool adds (cents in a signed 64-bit
//! integer, 92,233,720,368,547,758.07), is an error naming its line, not a wrong number.
//! Currencies are never added together.

use super::convert::{map, text};
use super::xml::Elem;
use crate::load::{Node, NodeKind};
use crate::model::Loc;
use std::collections::HashMap;

/// The largest amount added, in cents.
const MAX_CENTS: i128 = i64::MAX as i128;

/// Why a budget cannot be summed, and where.
pub type Refusal = (Loc, String);

fn too_large(loc: Loc, what: &str) -> Refusal {
    (loc, format!("{what} more than the largest amount added (92233720368547758.07): the activity is not read"))
}

/// A published amount in cents (half a cent away from zero): `None` when it is not a number
/// at all (the line is passed over, as before), an error when it is a number this tool cannot
/// add exactly.
fn cents(written: &str, loc: Loc) -> Result<Option<i128>, Refusal> {
    let t = written.trim();
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let decimal =
        !(whole.is_empty() && fraction.is_empty()) && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit());
    if !decimal {
        // Other spellings of a number (`1e6`): read as such, and refused when not finite.
        return match t.parse::<f64>() {
            Err(_) => Ok(None),
            Ok(v) if v.is_finite() && (v * 100.0).abs() < MAX_CENTS as f64 => Ok(Some((v * 100.0).round() as i128)),
            Ok(v) if v.is_finite() => Err(too_large(loc, &format!("the value `{t}` at line {} is", loc.line))),
            Ok(_) => Err((
                loc,
                format!("the value `{t}` at line {} is not a finite amount: the activity is not read", loc.line),
            )),
        };
    }
    let mut value: i128 = 0;
    let over = || too_large(loc, &format!("the value at line {} is", loc.line));
    let mut fraction = fraction.bytes();
    let places = [fraction.next(), fraction.next()];
    for b in whole.bytes().chain(places.iter().map(|p| p.unwrap_or(b'0'))) {
        value = value.checked_mul(10).and_then(|v| v.checked_add(i128::from(b - b'0'))).ok_or_else(over)?;
        if value > MAX_CENTS {
            return Err(over());
        }
    }
    if fraction.next().is_some_and(|b| b >= b'5') {
        value += 1;
    }
    if value > MAX_CENTS {
        return Err(over());
    }
    Ok(Some(if negative { -value } else { value }))
}

/// A budget line: its amount in cents, currency and where.
struct Line {
    cents: i128,
    currency: String,
    loc: Loc,
}

/// The budget of activity `a`, noting what was left aside.
pub fn budget(a: &Elem, notes: &mut Vec<String>) -> Result<Option<Node>, Refusal> {
    let default_currency = a.attr("default-currency").map(str::to_uppercase);
    let value = |v: &Elem| -> Result<Option<Line>, Refusal> {
        let Some(cents) = cents(&v.text, v.loc)? else { return Ok(None) };
        let currency = v.attr("currency").map(str::to_uppercase).or_else(|| default_currency.clone());
        Ok(currency.map(|currency| Line { cents, currency, loc: v.loc }))
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut by_period: HashMap<String, usize> = HashMap::new();
    for b in a.all("budget") {
        let period = b.child("period-start").and_then(|p| p.attr("iso-date")).unwrap_or("").to_string();
        let Some(line) = b.child("value").map(value).transpose()?.flatten() else { continue };
        let revised = b.attr("type") == Some("2");
        match by_period.get(&period).filter(|_| !period.is_empty()) {
            Some(&at) if revised => lines[at] = line,
            Some(_) => {}
            None => {
                by_period.insert(period, lines.len());
                lines.push(line);
            }
        }
    }
    // Lines of zero say nothing of the amount (some publishers fill budgets with zeros).
    lines.retain(|l| l.cents != 0);
    let mut source = "budget";
    if lines.is_empty() {
        source = "commitments";
        for t in a.all("transaction").filter(|t| t.child("transaction-type").and_then(|c| c.attr("code")) == Some("2"))
        {
            if let Some(line) = t.child("value").map(value).transpose()?.flatten() {
                lines.extend(Some(line).filter(|l| l.cents != 0));
            }
        }
    }
    let Some(first) = lines.first() else { return Ok(None) };
    let currency =
        default_currency.filter(|d| lines.iter().any(|l| &l.currency == d)).unwrap_or_else(|| first.currency.clone());
    let loc = lines.iter().find(|l| l.currency == currency).map_or(first.loc, |l| l.loc);
    let mut total: i128 = 0;
    for l in lines.iter().filter(|l| l.currency == currency) {
        total = total.checked_add(l.cents).filter(|t| t.abs() <= MAX_CENTS).ok_or_else(|| {
            too_large(l.loc, &format!("the {source} in {currency} adds up, at line {}, to", l.loc.line))
        })?;
    }
    let mut others: Vec<String> = lines.iter().filter(|l| l.currency != currency).map(|l| l.currency.clone()).collect();
    others.sort();
    others.dedup();
    if !others.is_empty() {
        notes.push(format!("{source} in {} left aside: currencies are never added together", others.join(", ")));
    }
    if source == "commitments" {
        notes.push("budget: the sum of the commitments (the activity publishes no budget)".into());
    }
    let amount = match i64::try_from(total / 100) {
        Ok(units) if total % 100 == 0 => NodeKind::Int(units),
        _ => NodeKind::Float(total as f64 / 100.0),
    };
    Ok(Some(map(vec![("amount", Node { loc, kind: amount }), ("currency", text(currency, loc))], loc)))
}

#[cfg(test)]
mod tests {
    use super::{MAX_CENTS, cents};
    use crate::model::Loc;

    #[test]
    fn amounts_are_read_exactly_and_never_wrap() {
        let at = Loc::new(7, 3);
        let read = |t: &str| cents(t, at).map_err(|e| e.1);
        assert_eq!(read("1000.10"), Ok(Some(100_010)));
        assert_eq!(read(" -2.5 "), Ok(Some(-250)));
        assert_eq!(read("1.005"), Ok(Some(101)));
        assert_eq!(read("5803906.7155"), Ok(Some(580_390_672)));
        assert_eq!(read(".5"), Ok(Some(50)));
        assert_eq!(read("1e6"), Ok(Some(100_000_000)));
        assert_eq!(read("n/a"), Ok(None));
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("."), Ok(None));
        assert_eq!(read("92233720368547758.07"), Ok(Some(MAX_CENTS)));
        for huge in ["92233720368547758.08", "99999999999999999999999999999999999999999", "1e400", "inf", "NaN"] {
            let e = read(huge).expect_err(huge);
            assert!(e.contains("at line 7 is") && e.ends_with("the activity is not read"), "{huge}: {e}");
        }
    }
}
