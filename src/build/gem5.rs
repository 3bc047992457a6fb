//! gem5 and its m5 guest tool.
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_c: &Ctx) -> Result<Plan> {
    bail!("the gem5 target is being written")
}
pub fn m5_plan(_c: &Ctx) -> Result<Plan> {
    bail!("the m5 target is being written")
}
