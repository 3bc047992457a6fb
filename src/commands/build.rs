//! `lkmc build [TARGET...]`.

use crate::arch::Arch;
use crate::cli::{BuildArgs, Common};
use crate::error::usage_error;
use crate::exec;
use crate::layout::Layout;
use crate::targets;
use anyhow::Result;

pub fn exec(c: &Common, a: &BuildArgs) -> Result<i32> {
    let archs: Vec<Arch> = if a.all_archs {
        Arch::ALL.to_vec()
    } else {
        vec![c.arch()]
    };
    for arch in archs {
        let l = Layout::new(c, arch);
        if a.list_targets {
            print!("{}", targets::list_targets(&l));
            return Ok(0);
        }
        let Some(names) = target_names(&l, a)? else {
            continue;
        };
        let o = targets::BuildOpts::from_args(a, c.verbose);
        // --force-rebuild is carried by the plan's steps (those of the named
        // targets, see targets::plan), not by the executor, which would force
        // every step of the dependencies too.
        let eo = super::exec_options(c, &l, false);
        if a.download_dependencies {
            exec::run_plan(&targets::deps::plan(&l, &o, &names)?, &eo)?;
        }
        // After -D: the sources it cloned change the defaults (toolchain,
        // root filesystem), so the layout is resolved again.
        let l = Layout::new(c, arch);
        exec::run_plan(&targets::plan(&names, &l, &o)?, &eo)?;
    }
    Ok(0)
}

/// The targets asked for (or the default), checked; `None` when --all-archs
/// leaves nothing for this arch.
fn target_names(l: &Layout, a: &BuildArgs) -> Result<Option<Vec<String>>> {
    let mut names = if a.targets.is_empty() {
        vec![targets::default_target(l).to_string()]
    } else {
        a.targets.clone()
    };
    for t in &names {
        targets::target(t).map_err(|e| usage_error(e.to_string()))?;
    }
    // --all-archs builds baremetal for the archs that have it.
    if a.all_archs && !l.arch.supports_baremetal() {
        let (skipped, kept): (Vec<String>, Vec<String>) = names
            .into_iter()
            .partition(|t| targets::is_baremetal_only(t));
        if !skipped.is_empty() {
            eprintln!(
                "lkmc: {}: skipping {} (baremetal is for arm and aarch64)",
                l.arch,
                skipped.join(", ")
            );
        }
        names = kept;
    }
    Ok((!names.is_empty()).then_some(names))
}
