//! An activity's budget: its budget lines summed in one currency (revised budgets replace the
//! original of their period), or its commitments when it publishes no budget.
//!
//! Part of converting an activity. Amounts are read exactly as the decimals they are written as
//! (to 18 decimal places: IATI values are XML Schema decimals, so `0.001` is an amount) and
//! added with checked arithmetic: a sum never wraps, saturates or is rounded off. A value that
//! is not written as a decimal (`1,000`, `1 000`), is not finite, or a total beyond the largest
//! this tool adds (92,233,720,368,547,758.07, or its negative) is an error naming its line, not
//! a wrong number. Currencies are never added together.

use super::convert::{map, text};
use super::xml::Elem;
use crate::load::{Node, NodeKind};
use crate::model::Loc;
use crate::model::amount::{Amount, LARGEST, PLACES, Unread};
use std::collections::HashMap;

/// Why a budget cannot be summed, and where.
pub type Refusal = (Loc, String);

/// The end of a refusal for a value or sum `unread`: what is wrong, then that the activity is not read.
fn why(unread: Unread) -> String {
    let what = match unread {
        Unread::TooLarge => format!("more than the largest amount added ({LARGEST})"),
        Unread::TooSmall => format!("less than the smallest amount added (-{LARGEST})"),
        Unread::NotFinite => "not a finite amount".to_string(),
        Unread::TooManyPlaces => format!("an amount with more than {PLACES} decimal places"),
        Unread::NotAnAmount => {
            "not an amount (IATI values are written with digits and a `.` before the decimals, without `,` or spaces)"
                .to_string()
        }
    };
    format!("{what}: the activity is not read")
}

/// A published value as written, for a message: at most 60 characters.
fn shown(t: &str) -> String {
    if t.chars().count() <= 60 { t.to_string() } else { format!("{}…", t.chars().take(60).collect::<String>()) }
}

/// A published amount: `None` when it holds no digit at all (`n/a`, empty: the line is passed
/// over, as before), an error when it is written otherwise than as an amount this tool adds exactly.
fn amount(written: &str, loc: Loc) -> Result<Option<Amount>, Refusal> {
    let t = written.trim();
    match Amount::parse(t) {
        Ok(a) => Ok(Some(a)),
        Err(Unread::NotAnAmount) if !t.bytes().any(|b| b.is_ascii_digit()) => Ok(None),
        Err(unread) => Err((loc, format!("the value `{}` at line {} is {}", shown(t), loc.line, why(unread)))),
    }
}

/// A budget line: its amount in cents, currency and where.
struct Line {
    amount: Amount,
    currency: String,
    loc: Loc,
}

/// The budget of activity `a`, noting what was left aside.
pub fn budget(a: &Elem, notes: &mut Vec<String>) -> Result<Option<Node>, Refusal> {
    let default_currency = a.attr("default-currency").map(str::to_uppercase);
    let value = |v: &Elem| -> Result<Option<Line>, Refusal> {
        let Some(amount) = amount(&v.text, v.loc)? else { return Ok(None) };
        let currency = v.attr("currency").map(str::to_uppercase).or_else(|| default_currency.clone());
        Ok(currency.map(|currency| Line { amount, currency, loc: v.loc }))
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
    lines.retain(|l| !l.amount.is_zero());
    let mut source = "budget";
    if lines.is_empty() {
        source = "commitments";
        for t in a.all("transaction").filter(|t| t.child("transaction-type").and_then(|c| c.attr("code")) == Some("2"))
        {
            if let Some(line) = t.child("value").map(value).transpose()?.flatten() {
                lines.extend(Some(line).filter(|l| !l.amount.is_zero()));
            }
        }
    }
    let Some(first) = lines.first() else { return Ok(None) };
    let currency =
        default_currency.filter(|d| lines.iter().any(|l| &l.currency == d)).unwrap_or_else(|| first.currency.clone());
    let loc = lines.iter().find(|l| l.currency == currency).map_or(first.loc, |l| l.loc);
    let mut total = Amount::ZERO;
    for l in lines.iter().filter(|l| l.currency == currency) {
        total = total.checked_add(l.amount).map_err(|unread| {
            (l.loc, format!("the {source} in {currency} adds up, at line {}, to {}", l.loc.line, why(unread)))
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
    let amount = match total.whole() {
        Some(units) => NodeKind::Int(units),
        None => NodeKind::Float(total.to_f64()),
    };
    Ok(Some(map(vec![("amount", Node { loc, kind: amount }), ("currency", text(currency, loc))], loc)))
}

#[cfg(test)]
mod tests {
    use super::amount;
    use crate::model::Loc;

    #[test]
    fn amounts_are_read_exactly_or_refused_with_their_line() {
        let at = Loc::new(7, 3);
        let read = |t: &str| amount(t, at).map(|a| a.map(|a| a.to_string())).map_err(|e| e.1);
        assert_eq!(read("1000.10"), Ok(Some("1000.1".into())));
        assert_eq!(read(" -2.5 "), Ok(Some("-2.5".into())));
        assert_eq!(read("1.005"), Ok(Some("1.005".into())));
        assert_eq!(read("0.001"), Ok(Some("0.001".into())));
        assert_eq!(read("5803906.7155"), Ok(Some("5803906.7155".into())));
        assert_eq!(read("1e6"), Ok(Some("1000000".into())));
        assert_eq!(read("n/a"), Ok(None));
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("."), Ok(None));
        assert_eq!(read("92233720368547758.07"), Ok(Some("92233720368547758.07".into())));
        let refused = |t: &str, says: &str| {
            let e = read(t).expect_err(t);
            assert!(e.starts_with(&format!("the value `{}` at line 7 is {says}", t.trim())), "{t}: {e}");
            assert!(e.ends_with("the activity is not read"), "{t}: {e}");
        };
        for huge in ["92233720368547758.08", "99999999999999999999999999999999999999999", "1e39"] {
            refused(huge, "more than the largest amount added (92233720368547758.07)");
        }
        refused("-99999999999999999999", "less than the smallest amount added (-92233720368547758.07)");
        for inf in ["1e400", "inf", "NaN"] {
            refused(inf, "not a finite amount");
        }
        for written in ["1,000", "1 000", "1.000,50", "12abc"] {
            refused(written, "not an amount");
        }
        refused("0.0000000000000000001", "an amount with more than 18 decimal places");
    }
}
