//! `lkmc gdb`: being written.
use crate::cli::{Common, GdbArgs};
use crate::layout::Layout;
use anyhow::{Result, bail};

pub fn execute(_l: &Layout, _c: &Common, _a: &GdbArgs) -> Result<i32> {
    bail!("lkmc gdb is being written")
}
