//! Text as it is compared, not as it is shown: folding (`fold`) and finding folded phrases in
//! one pass over a text (`phrases` for names, `mentions` for the word lists of rules); and text
//! as a message quotes it, on one line with nothing hidden (`shown`).
//!
//! Shared by the stages that compare names written by different people: withholding names
//! marked sensitive, and joining partners across programmes. Pure functions of text; nothing
//! here knows programmes or reports, and nothing here changes what is shown but `shown`.

pub mod fold;
pub mod mentions;
pub mod phrases;
pub mod shown;

pub use fold::{Folded, fold};
pub use phrases::Phrases;
pub use shown::shown;
