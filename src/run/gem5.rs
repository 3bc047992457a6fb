//! gem5 full system (fs.py), syscall emulation (se.py), and baremetal runs.

use super::Mode;
use crate::cli::{Common, RunArgs};
use crate::command::Cmd;
use crate::layout::Layout;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn command(_l: &Layout, _c: &Common, _a: &RunArgs, _m: Mode, _prep: &mut Plan) -> Result<Cmd> {
    bail!("gem5 runs are being written")
}

pub fn qemu_baremetal(_l: &Layout, _c: &Common, _a: &RunArgs, _prep: &mut Plan) -> Result<Cmd> {
    bail!("baremetal runs are being written")
}
