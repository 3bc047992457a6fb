//! crosstool-NG newlib toolchain for baremetal.
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_c: &Ctx) -> Result<Plan> {
    bail!("the crosstool-ng target is being written")
}
