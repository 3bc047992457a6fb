//! `lkmc toolchain TOOL -- ARGS`: a tool of the selected cross toolchain.

use crate::cli::{Common, ToolchainArgs};
use crate::command::Cmd;
use crate::layout::Layout;
use anyhow::Result;

pub fn exec(c: &Common, a: &ToolchainArgs) -> Result<i32> {
    let l = Layout::new(c, c.arch());
    let cmd = Cmd::new(format!("{}{}", l.cross_prefix(), a.tool)).args(a.args.iter());
    if let Some(code) =
        crate::exec::print_only("toolchain", &cmd, &super::exec_options(c, &l, false))?
    {
        return Ok(code);
    }
    crate::exec::run_foreground(&cmd)
}
