//! The bare parse, for comparison with screening: finds the same files `dnh-screen check`
//! would, reads them and parses each with the same YAML parser into the same node tree, in
//! parallel as screening does, and nothing else.
//!
//!     cargo run --release --example parse-only -- DIR...

use dnh_screen::load::{self, Limits, discover};
use rayon::prelude::*;
use std::path::PathBuf;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let (inputs, problems) = discover::discover(&paths, &discover::Exclude::default());
    let limits = Limits::default();
    let parsed: usize = inputs
        .par_iter()
        .map(|input| usize::from(load::read_document(&input.path, &input.display, &limits).is_ok()))
        .sum();
    println!("{parsed} of {} files parsed, {} problems", inputs.len(), problems.len());
}
