//! `lkmc getvar [NAME]`.

use crate::cli::{Common, GetvarArgs};
use crate::layout::Layout;
use anyhow::Result;

pub fn exec(c: &Common, a: &GetvarArgs) -> Result<i32> {
    crate::getvar::execute(&Layout::new(c, c.arch()), c, a)
}
