//! The one rating function: impact, likelihood and floor → significance and rating, for a
//! programme's findings (`score`), portfolio findings (`evaluate::portfolio`) and the default
//! level a rule is described with (SARIF).
//!
//! Arithmetic on the model's vocabulary only; nothing here evaluates or renders.

use super::vocab::Rating;

/// A rating worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rated {
    /// The likelihood used (one less for a gap finding, never below 1).
    pub likelihood: u8,
    /// Impact × the likelihood used, 1–25.
    pub significance: u8,
    pub rating: Rating,
    /// The floor that raised the rating above what the significance gives, if one did.
    pub floor: Option<Rating>,
}

/// Rates impact × likelihood. A gap finding is scored one step less likely and floors do not
/// apply to it (a floor is a judgement on a stated fact).
pub fn rate(impact: u8, likelihood: u8, gap: bool, floor: Option<Rating>) -> Rated {
    let likelihood = if gap { likelihood.saturating_sub(1).max(1) } else { likelihood };
    let significance = impact * likelihood;
    let rating = Rating::from_significance(significance);
    match floor {
        Some(f) if !gap && f > rating => Rated { likelihood, significance, rating: f, floor: Some(f) },
        _ => Rated { likelihood, significance, rating, floor: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(r: Rated) -> (u8, u8, Rating, Option<Rating>) {
        (r.likelihood, r.significance, r.rating, r.floor)
    }

    #[test]
    fn gaps_are_less_likely_but_never_safe() {
        assert_eq!(parts(rate(4, 5, false, None)), (5, 20, Rating::High, None));
        assert_eq!(parts(rate(4, 5, true, None)), (4, 16, Rating::High, None));
        assert_eq!(parts(rate(2, 1, true, None)), (1, 2, Rating::Low, None));
    }

    #[test]
    fn floors_raise_stated_findings_only() {
        assert_eq!(parts(rate(3, 2, false, Some(Rating::High))), (2, 6, Rating::High, Some(Rating::High)));
        assert_eq!(parts(rate(3, 2, true, Some(Rating::High))), (1, 3, Rating::Low, None));
        assert_eq!(parts(rate(5, 4, false, Some(Rating::Moderate))), (4, 20, Rating::High, None));
    }
}
