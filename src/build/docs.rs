//! README.adoc to HTML.
use super::Ctx;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_c: &Ctx) -> Result<Plan> {
    bail!("the docs target is being written")
}
