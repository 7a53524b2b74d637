//! The programme loader, end to end: arbitrary bytes through load, validate, evaluate, score
//! and render (`dnh_screen::fuzzing::programme` holds the invariants).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dnh_screen::fuzzing::programme(data));
