//! The choices a run is made with that every stage may read: the language of human-readable
//! output and the rating at or above which a run fails.
//!
//! Vocabulary only, shared by the configuration, the command line and the renderers (which is
//! why it lives here and not in any of them). Nothing here parses or renders.

use super::Rating;

/// The language of human-readable output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// `--fail-on` and `fail_on:`: the rating at or above which a run fails, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Low,
    Moderate,
    Substantial,
    High,
    Never,
}

impl FailOn {
    /// The rating at or above which a run fails; `None` never fails.
    pub fn threshold(self) -> Option<Rating> {
        match self {
            FailOn::Low => Some(Rating::Low),
            FailOn::Moderate => Some(Rating::Moderate),
            FailOn::Substantial => Some(Rating::Substantial),
            FailOn::High => Some(Rating::High),
            FailOn::Never => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Low => "low",
            FailOn::Moderate => "moderate",
            FailOn::Substantial => "substantial",
            FailOn::High => "high",
            FailOn::Never => "never",
        }
    }
}
