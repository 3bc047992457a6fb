//! QEMU built from submodules/qemu, out of tree.
//!
//! Each (mode, arch) pair gets its own build dir, named like QEMU's target
//! (`aarch64-softmmu`, `aarch64-linux-user`), so that building one never
//! reconfigures another; QEMU's meson build leaves the binary at the top of
//! its build dir, which is where `Layout::qemu_system`/`qemu_user` look.

use super::Ctx;
use crate::command::{Cmd, mkdir_p, rm_rf};
use crate::plan::{Plan, Step};
use anyhow::Result;

/// System emulator or user mode: QEMU's name for the target and what the
/// configure line adds for it.
#[derive(Clone, Copy)]
enum Mode {
    System,
    User,
}

impl Mode {
    fn target(self, arch: &str) -> String {
        match self {
            Mode::System => format!("{arch}-softmmu"),
            Mode::User => format!("{arch}-linux-user"),
        }
    }
}

fn plan_for(c: &Ctx, mode: Mode) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    let src = super::buildroot::require_submodule(l, &mut p, "qemu", "configure");
    let target = mode.target(l.arch_name());
    let build = l.qemu_build_dir().join(&target);
    let mut configure = Cmd::new(src.join("configure").display().to_string())
        .arg(format!("--target-list={target}"))
        // A release built with a newer compiler than it was tested with
        // warns; that must not stop the build.
        .arg("--disable-werror");
    if let Mode::System = mode {
        // lkmc run shares the output dir over 9p (-virtfs) and --graphic
        // opens an SDL window: fail at configure time when their libraries
        // are missing rather than at run time.
        configure = configure.arg("--enable-virtfs").arg("--enable-sdl");
    }
    let mut config_step = Step::new(
        &format!("qemu-{target}-config"),
        format!("configuring QEMU {target}"),
    );
    if c.o.clean {
        config_step = config_step.action(rm_rf(&build));
    }
    config_step = config_step
        .action(mkdir_p(&build))
        .action(configure.cwd(&build));
    // configure is slow and its options never change: run it once.
    if !c.o.clean {
        config_step = config_step.fresh_when(
            vec![src.join("configure")],
            vec![build.join("config-host.mak")],
        );
    }

    let mut make = Cmd::new("make").arg(format!("-j{}", l.jobs)).cwd(&build);
    if c.o.verbose {
        make = make.arg("V=1");
    }
    let make_step = Step::new(&format!("qemu-{target}"), format!("building QEMU {target}"))
        .action(make.args(c.o.extra.iter()))
        .after(&[&format!("qemu-{target}-config")]);

    p.push(config_step);
    p.push(make_step);
    Ok(p)
}

/// `qemu-system-<arch>`, where `lkmc run --qemu-which lkmc` runs it from.
pub fn system_plan(c: &Ctx) -> Result<Plan> {
    plan_for(c, Mode::System)
}

/// `qemu-<arch>` for user mode.
pub fn user_plan(c: &Ctx) -> Result<Plan> {
    plan_for(c, Mode::User)
}
