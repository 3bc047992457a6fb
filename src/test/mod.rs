//! `lkmc test`: being written.
use crate::cli::{Common, TestArgs};
use anyhow::{Result, bail};

pub fn execute(_c: &Common, _a: &TestArgs) -> Result<i32> {
    bail!("lkmc test is being written")
}
