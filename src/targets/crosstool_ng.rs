//! crosstool-NG newlib toolchain for baremetal arm and aarch64
//! (submodules/crosstool-ng).
//!
//! crosstool-NG cannot be bootstrapped or run out of its tree, so its sources
//! are copied into the build dir and run from there (`--enable-local`). The
//! toolchain config is a small defconfig from crosstool_ng_config/<arch> plus
//! the paths, which depend on the output dir.

use super::Ctx;
use crate::command::{Action, Cmd, mkdir_p, rm_rf};
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::PathBuf;

/// The copy of the sources that crosstool-NG is built and run in.
fn source_dir(c: &Ctx) -> PathBuf {
    c.l.crosstool_ng_build_dir().join("source")
}

/// The program lkmc asks for last: if it exists, the toolchain was built.
fn gcc(c: &Ctx) -> PathBuf {
    c.l.crosstool_ng_bin()
        .join(format!("{}-gcc", c.l.arch.crosstool_ng_prefix()))
}

/// Paths for the defconfig: per-arch install and work dirs, so that the two
/// toolchains of one build id never step on each other, and one download dir
/// for every build id.
fn paths_config(c: &Ctx) -> String {
    let l = c.l;
    let build = l.crosstool_ng_build_dir();
    format!(
        "CT_PREFIX_DIR=\"{}\"\nCT_WORK_DIR=\"{}\"\nCT_LOCAL_TARBALLS_DIR=\"{}\"",
        build.join("install").join(l.arch_name()).display(),
        build.join("build").join(l.arch_name()).display(),
        l.crosstool_ng_dir().join("download").display()
    )
}

/// Copy, bootstrap, configure and build the ct-ng tool itself. Done once per
/// build id: it does not depend on the arch.
fn tool_step(c: &Ctx, src: &std::path::Path) -> Step {
    let source = source_dir(c);
    let mut s = Step::new("crosstool-ng-tool", "building crosstool-NG itself");
    if c.o.clean {
        s = s.action(rm_rf(c.l.crosstool_ng_build_dir()));
    } else {
        s = s.fresh_when(vec![], vec![source.join("ct-ng")]);
    }
    s.action(mkdir_p(&source))
        .action(
            Cmd::new("cp")
                .arg("-a")
                .arg(format!("{}/.", src.display()))
                .arg_path(&source),
        )
        .action(Cmd::new(source.join("bootstrap").display().to_string()).cwd(&source))
        // Relative on purpose: the configure script records how it was called.
        .action(Cmd::new("./configure").arg("--enable-local").cwd(&source))
        .action(Cmd::new("make").arg(format!("-j{}", c.l.jobs)).cwd(&source))
}

/// Configure and build the toolchain. `ct-ng build` starts over every time
/// (about half an hour), so it only runs when the defconfig is newer than the
/// compiler it made.
fn toolchain_step(c: &Ctx) -> Step {
    let l = c.l;
    let source = source_dir(c);
    let ct_ng = source.join("ct-ng").display().to_string();
    let defconfig = l.repo.join("crosstool_ng_config").join(l.arch_name());
    let mut build = Cmd::new(&ct_ng)
        .arg("build")
        .arg(format!("CT_JOBS={}", l.jobs))
        .cwd(&source);
    if c.o.verbose {
        build = build.arg("V=1");
    }
    Step::new(
        "crosstool-ng",
        format!("building the {} baremetal toolchain", l.arch),
    )
    .action(
        Cmd::new("cp")
            .arg_path(&defconfig)
            .arg_path(source.join("defconfig")),
    )
    .action(Action::append(source.join("defconfig"), paths_config(c)))
    .action(Cmd::new(&ct_ng).arg("defconfig").cwd(&source))
    .action(build.args(c.o.extra.iter()))
    .after(&["crosstool-ng-tool"])
    .fresh_when(vec![defconfig], vec![gcc(c)])
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    if !c.l.arch.supports_baremetal() {
        return Err(crate::usage_error(
            "crosstool-NG builds the baremetal toolchains, which are for arm and aarch64: \
             add --arch aarch64 or --arch arm",
        ));
    }
    // A checkout has no Makefile or configure until it is bootstrapped.
    let mut p = Plan::default();
    let src = super::buildroot::require_submodule(c.l, &mut p, "crosstool-ng", "bootstrap");
    p.push(tool_step(c, &src));
    p.push(toolchain_step(c));
    Ok(p)
}
