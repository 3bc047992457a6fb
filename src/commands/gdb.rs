//! `lkmc gdb [BREAK]`.

use crate::cli::{Common, GdbArgs};
use anyhow::Result;

/// Attaches to the live run of the run id (its arch and emulator unless
/// given); a real session replaces lkmc with GDB.
pub fn exec(c: &Common, a: &GdbArgs) -> Result<i32> {
    crate::gdb::execute(c, a)
}
