//! The rule-condition evaluator: arbitrary bytes as a rule's `when`, evaluated on the example
//! designs (`dnh_screen::fuzzing::condition` holds the invariants).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dnh_screen::fuzzing::condition(data));
