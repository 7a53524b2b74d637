//! Messages that tell the truth about what was written, and inputs bounded in time and memory.
