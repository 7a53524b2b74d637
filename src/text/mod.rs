//! Text as it is compared, not as it is shown: folding (`fold`) and finding folded phrases in
//! one pass over a text (`phrases` for names, `mentions` for the word lists of rules); and text
//! as a message quotes it, on one line with nothing hidden (`shown`, and `display_path` for paths); and the lighter
//! folding and word splitting of rule word lists (`words`: Latin accents and case only).
//!
//! Shared by the stages that compare names written by different people: withholding names
//! marked sensitive, joining partners across programmes, matching rule word lists. Pure functions of text; nothing
//! here knows programmes or reports, and nothing here changes what is shown but `shown`.

pub mod fold;
pub mod mentions;
pub mod phrases;
pub mod shown;
pub mod similar;
pub mod words;

pub use fold::{Folded, fold};
pub use phrases::Phrases;
pub use shown::{display_path, shown};
pub use similar::did_you_mean;
