//! `lkmc qemu-monitor COMMAND...`.

use crate::cli::{Common, MonitorArgs};
use crate::layout::Layout;
use anyhow::Result;

pub fn exec(c: &Common, a: &MonitorArgs) -> Result<i32> {
    crate::qemu_monitor::send(&Layout::new(c, c.arch()), c, a)
}
