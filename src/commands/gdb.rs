//! `lkmc gdb [BREAK]`.

use crate::cli::{Common, GdbArgs};
use crate::layout::Layout;
use anyhow::Result;

pub fn exec(c: &Common, a: &GdbArgs) -> Result<i32> {
    let l = Layout::new(c, c.arch);
    crate::gdb::execute(&l, c, a, &super::exec_options(c, &l, false))
}
