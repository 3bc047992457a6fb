//! `lkmc sweep` and the hidden `lkmc sweep-point` its tasks run.

use crate::cli::Common;
use crate::sweep::{SweepArgs, SweepPointArgs};
use anyhow::Result;

pub fn exec(c: &Common, a: &SweepArgs) -> Result<i32> {
    crate::sweep::execute(c, a)
}

pub fn exec_point(a: &SweepPointArgs) -> Result<i32> {
    crate::sweep::point::execute(&a.dir, a.index, &a.argv)
}
