//! `lkmc run`.

use crate::cli::{Common, RunArgs};
use crate::layout::Layout;
use anyhow::Result;

pub fn exec(c: &Common, a: &RunArgs) -> Result<i32> {
    let l = Layout::new(c, c.arch());
    let eo = super::exec_options(c, &l, false);
    crate::run::execute(l, c, a, &eo)
}
