//! Buildroot: toolchain and root filesystem (submodules/buildroot).
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_c: &Ctx) -> Result<Plan> {
    bail!("the buildroot target is being written")
}
pub fn overlay_plan(_c: &Ctx) -> Result<Plan> {
    bail!("the overlay target is being written")
}
