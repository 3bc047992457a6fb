//! QEMU built from submodules/qemu.
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn system_plan(_c: &Ctx) -> Result<Plan> {
    bail!("the qemu target is being written")
}
pub fn user_plan(_c: &Ctx) -> Result<Plan> {
    bail!("the qemu-user target is being written")
}
