//! `lkmc build`: targets, their dependencies, and the plan that builds them.

pub mod baremetal;
pub mod buildroot;
pub mod busybox;
pub mod crosstool_ng;
pub mod deps;
pub mod docs;
pub mod gdbserver;
pub mod gem5;
pub mod linux;
pub mod modules;
pub mod qemu;
pub mod rootfs;
pub mod userland;

use crate::cli::{BuildArgs, GccWhich, QemuWhich, RootfsWhich};
use crate::layout::Layout;
use crate::plan::Plan;
use anyhow::{Result, bail};
use std::path::PathBuf;

/// Build options that reach the plan functions.
#[derive(Clone, Debug, Default)]
pub struct BuildOpts {
    pub configs: Vec<String>,
    pub config_fragments: Vec<PathBuf>,
    pub custom_config_file: Option<PathBuf>,
    pub linux_config: String,
    pub modules: Vec<String>,
    pub clean: bool,
    pub verbose: bool,
    pub extra: Vec<String>,
    pub no_apt: bool,
}

impl BuildOpts {
    pub fn from_args(a: &BuildArgs, verbose: bool) -> BuildOpts {
        BuildOpts {
            configs: a.configs.clone(),
            config_fragments: a.config_fragments.clone(),
            custom_config_file: a.custom_config_file.clone(),
            linux_config: a.linux_config.clone(),
            modules: a.modules.clone(),
            clean: a.clean,
            verbose,
            extra: a.extra.clone(),
            no_apt: a.no_apt,
        }
    }

    /// What `lkmc run` and `lkmc test` use when they build for themselves.
    pub fn defaults() -> BuildOpts {
        BuildOpts {
            linux_config: "small".into(),
            ..Default::default()
        }
    }
}

pub struct Ctx<'a> {
    pub l: &'a Layout,
    pub o: &'a BuildOpts,
}

type PlanFn = fn(&Ctx) -> Result<Plan>;

pub struct Target {
    pub name: &'static str,
    pub help: &'static str,
    /// Built before this one. Resolved per layout by `deps_of`.
    pub plan: Option<PlanFn>,
}

const TARGETS: &[Target] = &[
    Target {
        name: "linux-source",
        help: "unpack Debian's linux-source tarball (when submodules/linux is not checked out)",
        plan: Some(linux::source_plan),
    },
    Target {
        name: "linux",
        help: "configure and build the kernel",
        plan: Some(linux::plan),
    },
    Target {
        name: "modules",
        help: "build kernel_modules/ out of tree against the kernel",
        plan: Some(modules::plan),
    },
    Target {
        name: "userland",
        help: "build userland/ for the guest",
        plan: Some(userland::plan),
    },
    Target {
        name: "busybox",
        help: "fetch busybox-static for the guest arch",
        plan: Some(busybox::plan),
    },
    Target {
        name: "gdbserver",
        help: "gdbserver for the guest (the rootfs includes it once built)",
        plan: Some(gdbserver::plan),
    },
    Target {
        name: "rootfs",
        help: "assemble the guest root tree and its initramfs",
        plan: Some(rootfs::plan),
    },
    Target {
        name: "rootfs-ext2",
        help: "ext2 disk image of the guest root tree (lkmc run --disk)",
        plan: Some(rootfs::ext2_plan),
    },
    Target {
        name: "baremetal",
        help: "build baremetal/ for the selected emulator and machine",
        plan: Some(baremetal::plan),
    },
    Target {
        name: "buildroot",
        help: "Buildroot toolchain and root filesystem (submodules/buildroot)",
        plan: Some(buildroot::plan),
    },
    Target {
        name: "overlay",
        help: "copy lkmc's guest files into the Buildroot overlay",
        plan: Some(buildroot::overlay_plan),
    },
    Target {
        name: "crosstool-ng",
        help: "crosstool-NG newlib toolchain for baremetal (submodules/crosstool-ng)",
        plan: Some(crosstool_ng::plan),
    },
    Target {
        name: "qemu",
        help: "QEMU system emulator from submodules/qemu",
        plan: Some(qemu::system_plan),
    },
    Target {
        name: "qemu-user",
        help: "QEMU user mode from submodules/qemu",
        plan: Some(qemu::user_plan),
    },
    Target {
        name: "gem5",
        help: "gem5 from submodules/gem5",
        plan: Some(gem5::plan),
    },
    Target {
        name: "m5",
        help: "gem5's m5 guest tool, into the guest overlay",
        plan: Some(gem5::m5_plan),
    },
    Target {
        name: "docs",
        help: "README.adoc to out/README.html",
        plan: Some(docs::plan),
    },
    Target {
        name: "userland-host",
        help: "userland/ for the host (--emulator native)",
        plan: Some(userland::host_plan),
    },
    // Aggregates.
    Target {
        name: "quick",
        help: "kernel + modules + userland + busybox initramfs (default without Buildroot)",
        plan: None,
    },
    Target {
        name: "qemu-buildroot",
        help: "Buildroot + kernel + modules + userland for QEMU",
        plan: None,
    },
    Target {
        name: "gem5-buildroot",
        help: "Buildroot + kernel + modules + userland + m5 for gem5",
        plan: None,
    },
    Target {
        name: "qemu-baremetal",
        help: "QEMU + crosstool-NG + baremetal",
        plan: None,
    },
    Target {
        name: "gem5-baremetal",
        help: "gem5 + crosstool-NG + baremetal",
        plan: None,
    },
    Target {
        name: "user-mode-qemu",
        help: "userland + QEMU user mode",
        plan: None,
    },
    Target {
        name: "all",
        help: "everything for the selected arch",
        plan: None,
    },
];

pub fn target(name: &str) -> Result<&'static Target> {
    match TARGETS.iter().find(|t| t.name == name) {
        Some(t) => Ok(t),
        None => bail!(
            "unknown build target '{name}'; valid targets: {}",
            TARGETS
                .iter()
                .map(|t| t.name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Targets that exist for the baremetal archs only.
pub fn is_baremetal_only(name: &str) -> bool {
    matches!(
        name,
        "baremetal" | "qemu-baremetal" | "gem5-baremetal" | "crosstool-ng"
    )
}

/// Dependencies of a target for this layout (they depend on which compiler,
/// QEMU and root filesystem the user picked).
pub fn deps_of(name: &str, l: &Layout) -> Vec<&'static str> {
    let toolchain: Vec<&'static str> = match l.gcc_which {
        GccWhich::Buildroot => vec!["buildroot"],
        GccWhich::CrosstoolNg => vec!["crosstool-ng"],
        GccWhich::Host => vec![],
    };
    let qemu: Vec<&'static str> = match l.qemu_which {
        QemuWhich::Lkmc => vec!["qemu"],
        QemuWhich::Host => vec![],
    };
    let mut d: Vec<&'static str> = match name {
        "linux" => {
            let mut v = toolchain.clone();
            if l.linux_source_is_tarball() {
                v.push("linux-source");
            }
            v
        }
        "modules" => vec!["linux"],
        "userland" => toolchain.clone(),
        "rootfs" => match l.rootfs_which {
            RootfsWhich::Busybox => vec!["busybox", "modules", "userland"],
            RootfsWhich::Buildroot => vec!["modules", "userland", "overlay", "buildroot"],
        },
        "rootfs-ext2" => vec!["rootfs"],
        "overlay" => vec!["modules", "userland"],
        "baremetal" => match l.baremetal_gcc_which() {
            GccWhich::CrosstoolNg => vec!["crosstool-ng"],
            _ => vec![],
        },
        "quick" => {
            let mut v = vec!["linux", "rootfs"];
            v.extend(qemu.clone());
            v
        }
        "qemu-buildroot" => {
            let mut v = vec![
                "buildroot",
                "linux",
                "modules",
                "userland",
                "overlay",
                "rootfs",
            ];
            v.extend(qemu);
            v
        }
        "gem5-buildroot" => vec![
            "buildroot",
            "linux",
            "modules",
            "userland",
            "m5",
            "overlay",
            "rootfs",
            "gem5",
        ],
        "m5" => vec![],
        "qemu-baremetal" => {
            let mut v = qemu;
            v.push("baremetal");
            v
        }
        "gem5-baremetal" => vec!["gem5", "baremetal"],
        "user-mode-qemu" => {
            let mut v = vec!["userland"];
            if l.qemu_which == QemuWhich::Lkmc {
                v.push("qemu-user");
            }
            v
        }
        "all" => {
            let mut v = vec!["quick", "user-mode-qemu", "docs"];
            if l.arch.supports_baremetal() {
                v.push("baremetal");
            }
            v
        }
        _ => vec![],
    };
    d.dedup();
    d
}

/// Default target: the quick path unless Buildroot is checked out.
pub fn default_target(l: &Layout) -> &'static str {
    match l.rootfs_which {
        RootfsWhich::Busybox => "quick",
        RootfsWhich::Buildroot => "qemu-buildroot",
    }
}

/// Targets in build order: dependencies first, each once.
pub fn resolve(targets: &[String], l: &Layout) -> Result<Vec<&'static str>> {
    fn visit(
        name: &str,
        l: &Layout,
        seen: &mut Vec<&'static str>,
        stack: &mut Vec<String>,
    ) -> Result<()> {
        let t = target(name)?;
        if seen.contains(&t.name) {
            return Ok(());
        }
        if stack.iter().any(|s| s == name) {
            bail!("dependency cycle at {name}");
        }
        stack.push(name.to_string());
        for d in deps_of(name, l) {
            visit(d, l, seen, stack)?;
        }
        stack.pop();
        seen.push(t.name);
        Ok(())
    }
    let mut seen = Vec::new();
    for t in targets {
        visit(t, l, &mut seen, &mut Vec::new())?;
    }
    Ok(seen)
}

pub fn plan(targets: &[String], l: &Layout, o: &BuildOpts) -> Result<Plan> {
    let ctx = Ctx { l, o };
    let mut p = Plan::default();
    for name in resolve(targets, l)? {
        if let Some(f) = target(name)?.plan {
            p.extend(f(&ctx)?);
        }
    }
    Ok(p)
}

pub fn list_targets(l: &Layout) -> String {
    let mut s = String::new();
    for t in TARGETS {
        let d = deps_of(t.name, l);
        s.push_str(&format!("{:<16} {}", t.name, t.help));
        if !d.is_empty() {
            s.push_str(&format!(" [needs: {}]", d.join(", ")));
        }
        s.push('\n');
    }
    s
}
