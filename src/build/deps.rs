//! --download-dependencies: being written.
use super::BuildOpts;
use crate::layout::Layout;
use crate::plan::Plan;
use anyhow::{Result, bail};

pub fn plan(_l: &Layout, _o: &BuildOpts, _targets: &[String]) -> Result<Plan> {
    bail!("--download-dependencies is being written")
}
