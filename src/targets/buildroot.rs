//! Buildroot (submodules/buildroot): a glibc toolchain with a cross GDB, and
//! an ext2 root filesystem with lkmc's guest files in it.
//!
//! Buildroot has no config fragments: lkmc starts from the arch's QEMU
//! defconfig, appends its own settings to .config and lets `olddefconfig`
//! settle them (the last value of an option wins). The root filesystem takes
//! lkmc's files from an overlay dir that `lkmc build overlay` assembles; since
//! the modules and userland are compiled with Buildroot's own toolchain, the
//! image is packed again once the overlay is ready (`image_plan`).

use super::Ctx;
use crate::command::{Action, Cmd, Redirect, mkdir_p, rm_rf};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// The source of an upstream project under submodules/, checked (by one file
/// that a checkout always has) before a real run of `p`; a missing checkout
/// fails with the command that fetches it.
pub fn require_submodule(l: &Layout, p: &mut Plan, name: &str, marker: &str) -> PathBuf {
    let dir = l.submodule(name);
    p.require(
        dir.join(marker),
        format!(
            "{} is not checked out: run `git submodule update --init submodules/{name}` \
             (or `lkmc build --download-dependencies {name}`)",
            dir.display()
        ),
    );
    dir
}

/// Where `lkmc build overlay` puts the guest files that Buildroot copies into
/// its root filesystem.
pub fn overlay_dir(l: &Layout) -> PathBuf {
    l.rootfs_dir().join("buildroot_overlay")
}

/// lkmc's fixed Buildroot settings, appended to every .config.
fn default_fragment(l: &Layout) -> PathBuf {
    l.repo.join("buildroot_config/default")
}

/// BusyBox applets lkmc's init and guest tests use that Buildroot leaves out.
fn busybox_fragment(l: &Layout) -> PathBuf {
    l.repo.join("buildroot_config/busybox")
}

/// `make O=<build dir>`, run in the Buildroot tree.
fn br_make(l: &Layout, src: &Path) -> Cmd {
    Cmd::new("make")
        .arg(format!("O={}", l.buildroot_build_dir().display()))
        .cwd(src)
}

/// The full build. Buildroot refuses to run some configure scripts as root
/// unless told it is fine, and takes its parallelism from BR2_JLEVEL (a
/// top-level -j is not supported).
fn br_make_all(c: &Ctx, src: &Path) -> Cmd {
    let mut m = br_make(c.l, src).env("FORCE_UNSAFE_CONFIGURE", "1");
    if c.o.verbose {
        m = m.arg("V=1");
    }
    m.args(c.o.extra.iter()).arg("all")
}

/// Settings that depend on this machine and on the command line; a quoted
/// string value is what Kconfig expects for string options.
fn lkmc_settings(c: &Ctx) -> String {
    let l = c.l;
    let mut s = vec![
        format!("BR2_JLEVEL={}", l.jobs),
        format!("BR2_DL_DIR=\"{}\"", l.buildroot_download_dir().display()),
        format!("BR2_ROOTFS_OVERLAY=\"{}\"", overlay_dir(l).display()),
        format!(
            "BR2_PACKAGE_BUSYBOX_CONFIG_FRAGMENT_FILES=\"{}\"",
            busybox_fragment(l).display()
        ),
    ];
    // --config lines for Buildroot; CONFIG_ lines are for the kernel.
    s.extend(
        c.o.configs
            .iter()
            .filter(|line| line.starts_with("BR2_"))
            .cloned(),
    );
    s.join("\n")
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    let src = require_submodule(l, &mut p, "buildroot", "Makefile");
    let build = l.buildroot_build_dir();
    let config = build.join(".config");

    let mut configure = Step::new("buildroot-config", "configuring Buildroot");
    if c.o.clean {
        configure = configure.action(rm_rf(&build));
    }
    // Buildroot's rsync of BR2_ROOTFS_OVERLAY fails when the dir is missing.
    configure = configure
        .action(mkdir_p(overlay_dir(l)))
        .action(br_make(l, &src).arg(l.arch.buildroot_defconfig()))
        .action(Cmd {
            stdout: Some(Redirect {
                path: config.clone(),
                append: true,
            }),
            ..Cmd::new("cat").arg_path(default_fragment(l))
        })
        .action(Action::append(&config, lkmc_settings(c)))
        .action(br_make(l, &src).arg("olddefconfig"));
    p.push(configure);

    p.push(
        Step::new(
            "buildroot",
            "building Buildroot (toolchain and root filesystem)",
        )
        .action(br_make_all(c, &src))
        .after(&["buildroot-config"]),
    );
    Ok(p)
}

/// Packs the root filesystem again so that it has the current overlay. A
/// `make all` of a built tree only re-runs the finalize and image steps.
pub fn image_plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    let src = require_submodule(l, &mut p, "buildroot", "Makefile");
    p.push(
        Step::new("buildroot-image", "packing the Buildroot root filesystem")
            .action(br_make_all(c, &src))
            .after(&["buildroot", "overlay"]),
    );
    Ok(p)
}

/// Assembles the overlay from scratch, so files removed from the sources
/// also leave the guest.
pub fn overlay_plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let dir = overlay_dir(l);
    let step = Step::new("overlay", "assembling the Buildroot overlay")
        .action(rm_rf(&dir))
        .actions(super::rootfs::populate(c, &dir))
        .after(&["modules", "userland/", "m5"]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
