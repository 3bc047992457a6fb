//! baremetal/ programs.
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_c: &Ctx) -> Result<Plan> {
    bail!("the baremetal target is being written")
}
