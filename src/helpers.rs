//! Small helper subcommands: being written.
use crate::cli::{Common, Gem5StatArgs, MonitorArgs, ToolchainArgs};
use crate::layout::Layout;
use anyhow::{Result, bail};

pub fn qemu_monitor(_l: &Layout, _c: &Common, _a: &MonitorArgs) -> Result<i32> {
    bail!("being written")
}
pub fn gem5_shell(_l: &Layout, _c: &Common) -> Result<i32> {
    bail!("being written")
}
pub fn gem5_stat(_l: &Layout, _a: &Gem5StatArgs) -> Result<i32> {
    bail!("being written")
}
pub fn toolchain(_l: &Layout, _c: &Common, _a: &ToolchainArgs) -> Result<i32> {
    bail!("being written")
}
