//! The closed vocabularies of the programme format and of the checklist: programme types,
//! risk areas, ratings and three-valued answers, each with its exact YAML spelling.
//!
//! This module only names things. It must not read files, evaluate rules or format reports;
//! the spellings here are part of the public contract (spec/programme-format.md) and never change.

use serde::Serialize;

/// Declares a closed enum whose variants have a fixed snake_case spelling.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the specification lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every spelling, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The exact YAML spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the exact spelling; anything else is `None`.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The kind of programme being screened.
    ProgrammeType {
        Ssr = "ssr",
        Ddr = "ddr",
        Border = "border",
        CounterTerrorism = "counter_terrorism",
        Justice = "justice",
        Development = "development",
        Governance = "governance",
        Reconciliation = "reconciliation",
    }
}

vocabulary! {
    /// The nine risk areas; every rule belongs to exactly one. Reports group by them in this order.
    RiskArea {
        Analysis = "analysis",
        Livelihoods = "livelihoods",
        Corruption = "corruption",
        Legitimacy = "legitimacy",
        Settlement = "settlement",
        Targeting = "targeting",
        CommunitySafety = "community_safety",
        Displacement = "displacement",
        Ownership = "ownership",
    }
}

vocabulary! {
    /// A rating, ordered from least to most severe.
    Rating {
        Low = "low",
        Moderate = "moderate",
        Substantial = "substantial",
        High = "high",
    }
}

vocabulary! {
    /// A written three-valued answer. An absent answer is not a variant: it is the field's absence.
    Answer {
        Yes = "yes",
        No = "no",
        Unknown = "unknown",
    }
}

impl Rating {
    /// The rating of a significance (impact × likelihood, 1–25).
    pub fn from_significance(significance: u8) -> Rating {
        match significance {
            0..=4 => Rating::Low,
            5..=9 => Rating::Moderate,
            10..=15 => Rating::Substantial,
            _ => Rating::High,
        }
    }
}

impl RiskArea {
    /// The area's name for people, as the specification's table gives it.
    pub fn title(self) -> &'static str {
        match self {
            RiskArea::Analysis => "Understanding of crime dynamics",
            RiskArea::Livelihoods => "Livelihoods and the informal economy",
            RiskArea::Corruption => "Corruption and state complicity",
            RiskArea::Legitimacy => "Security governance and trust",
            RiskArea::Settlement => "Spoilers and political settlements",
            RiskArea::Targeting => "Counter-terrorism targeting",
            RiskArea::CommunitySafety => "Safety of communities and informants",
            RiskArea::Displacement => "Displacement across borders and regions",
            RiskArea::Ownership => "Local ownership and public debate",
        }
    }
}

/// A value of three-valued logic: what a condition says of a design.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    /// The design does not say.
    Unknown,
}

impl Tri {
    pub fn from_bool(value: bool) -> Tri {
        if value { Tri::True } else { Tri::False }
    }

    pub fn negate(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for t in ProgrammeType::ALL {
            assert_eq!(ProgrammeType::parse(t.as_str()), Some(*t));
        }
        for a in RiskArea::ALL {
            assert_eq!(RiskArea::parse(a.as_str()), Some(*a));
        }
        assert_eq!(RiskArea::ALL.len(), 9);
        assert_eq!(Rating::parse("High"), None);
    }

    #[test]
    fn significance_bands_follow_the_spec() {
        let bands: Vec<Rating> = (1..=25).map(Rating::from_significance).collect();
        assert_eq!(bands[3], Rating::Low);
        assert_eq!(bands[4], Rating::Moderate);
        assert_eq!(bands[8], Rating::Moderate);
        assert_eq!(bands[9], Rating::Substantial);
        assert_eq!(bands[14], Rating::Substantial);
        assert_eq!(bands[15], Rating::High);
        assert!(Rating::Low < Rating::High);
    }
}
