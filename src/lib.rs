//! dnh-screen: screens the designs of security and development programmes for crime-related
//! harm, against checklists that are data.
//!
//! The pipeline, one module a stage, data flowing one way:
//! discover/load (`load`) → validate (`validate`, against `schema`) → evaluate (`evaluate`,
//! with rules from `checklist`) → score (`score`) → render (`render`). `app` runs the stages;
//! `model` holds the types they pass along. The library never touches the network.

pub mod aggregate;
pub mod app;
pub mod assets;
pub mod baseline;
pub mod checklist;
pub mod cli;
pub mod config;
pub mod evaluate;
#[doc(hidden)]
pub mod fuzzing;
pub mod iati;
pub mod lang;
pub mod load;
pub mod model;
pub mod output;
pub mod redact;
pub mod render;
pub mod schema;
pub mod score;
pub mod text;
pub mod validate;
