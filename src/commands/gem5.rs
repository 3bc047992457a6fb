//! `lkmc gem5-shell` and `lkmc gem5-stat [REGEX]`.

use crate::cli::{Common, Gem5StatArgs};
use crate::layout::Layout;
use anyhow::Result;

pub fn shell(c: &Common) -> Result<i32> {
    let l = Layout::new(c, c.arch());
    crate::gem5_helpers::shell(&l, &super::exec_options(c, &l, false))
}

pub fn stat(c: &Common, a: &Gem5StatArgs) -> Result<i32> {
    crate::gem5_helpers::stat(&Layout::new(c, c.arch()), a)
}
