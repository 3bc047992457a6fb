//! `lkmc build`: targets, their dependencies, and the plan that builds them.

pub mod baremetal;
pub mod buildroot;
pub mod busybox;
pub mod crosstool_ng;
pub mod deps;
pub mod dietlibc;
pub mod docs;
pub mod gdbserver;
pub mod gem5;
pub mod linux;
pub mod modules;
pub mod qemu;
pub mod rootfs;
pub mod userland;

use crate::arch::Arch;
use crate::cli::{BuildArgs, GccWhich, QemuWhich, RootfsWhich};
use crate::command::{Cmd, mkdir_p};
use crate::layout::Layout;
use crate::plan::{Need, Plan, Step};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

/// Build options that reach the plan functions.
#[derive(Clone, Debug, Default)]
pub struct BuildOpts {
    pub configs: Vec<String>,
    pub config_fragments: Vec<PathBuf>,
    pub custom_config_file: Option<PathBuf>,
    pub linux_config: String,
    pub modules: Vec<String>,
    /// Remove the build output first. `plan` sets it for the named targets
    /// only (all of them with `with_deps`), so a target's plan sees it only
    /// when it is to be cleaned.
    pub clean: bool,
    /// Run every step of the named targets (all with `with_deps`); `clean`
    /// does too.
    pub force_rebuild: bool,
    /// --clean and --force-rebuild reach the dependencies too.
    pub with_deps: bool,
    pub verbose: bool,
    pub extra: Vec<String>,
    pub no_apt: bool,
    /// userland: dynamic executables.
    pub no_static: bool,
    /// userland: extra compiler flags (shell words).
    pub ccflags: Option<String>,
    /// userland: -O level.
    pub optimization_level: u32,
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
            force_rebuild: a.force_rebuild,
            with_deps: a.with_deps,
            verbose,
            extra: a.extra.clone(),
            no_apt: a.no_apt,
            no_static: a.no_static,
            ccflags: a.ccflags.clone(),
            optimization_level: a.optimization_level,
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
        name: "userland-dietlibc",
        help: "userland/'s C programs linked with dietlibc (gem5 syscall emulation on arm)",
        plan: Some(userland::dietlibc_plan),
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

/// Dependencies that are the same whatever the layout.
const FIXED_DEPS: &[(&str, &[&str])] = &[
    ("modules", &["linux"]),
    ("rootfs-ext2", &["rootfs"]),
    ("overlay", &["modules", "userland"]),
    (
        "qemu-buildroot",
        &[
            "buildroot",
            "linux",
            "modules",
            "userland",
            "overlay",
            "rootfs",
        ],
    ),
    (
        "gem5-buildroot",
        &[
            "buildroot",
            "linux",
            "modules",
            "userland",
            "m5",
            "overlay",
            "rootfs",
            "gem5",
        ],
    ),
    ("gem5-baremetal", &["gem5", "baremetal"]),
];

/// Dependencies of a target for this layout (they depend on which compiler,
/// QEMU and root filesystem the user picked).
pub fn deps_of(name: &str, l: &Layout) -> Vec<&'static str> {
    let mut d: Vec<&'static str> = FIXED_DEPS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_vec())
        .unwrap_or_default();
    d.extend(layout_deps(name, l));
    d.dedup();
    d
}

/// The dependencies that depend on the layout, after the fixed ones.
fn layout_deps(name: &str, l: &Layout) -> Vec<&'static str> {
    let toolchain: Vec<&'static str> = match l.gcc_which {
        GccWhich::Buildroot => vec!["buildroot"],
        GccWhich::CrosstoolNg => vec!["crosstool-ng"],
        GccWhich::Host => vec![],
    };
    let qemu: Vec<&'static str> = match l.qemu_which {
        QemuWhich::Lkmc => vec!["qemu"],
        QemuWhich::Host => vec![],
    };
    match name {
        "linux" if l.linux_source_is_tarball() => [toolchain, vec!["linux-source"]].concat(),
        "linux" | "userland" => toolchain,
        "rootfs" => match l.rootfs_which {
            RootfsWhich::Busybox => vec!["busybox", "modules", "userland"],
            RootfsWhich::Buildroot => vec!["modules", "userland", "overlay", "buildroot"],
        },
        "baremetal" => match l.baremetal_gcc_which() {
            GccWhich::CrosstoolNg => vec!["crosstool-ng"],
            _ => vec![],
        },
        "quick" => [vec!["linux", "rootfs"], qemu].concat(),
        "qemu-buildroot" => qemu,
        "qemu-baremetal" => [qemu, vec!["baremetal"]].concat(),
        "user-mode-qemu" if l.qemu_which == QemuWhich::Lkmc => vec!["userland", "qemu-user"],
        "user-mode-qemu" => vec!["userland"],
        "all" if l.arch.supports_baremetal() => {
            vec!["quick", "user-mode-qemu", "docs", "baremetal"]
        }
        "all" => vec!["quick", "user-mode-qemu", "docs"],
        _ => vec![],
    }
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

/// The targets that --clean and --force-rebuild apply to: the named ones,
/// where an aggregate (which has no steps of its own) names everything it
/// pulls in; with --with-deps, their dependencies too.
pub fn named_targets(targets: &[String], l: &Layout, with_deps: bool) -> Result<Vec<&'static str>> {
    if with_deps {
        return resolve(targets, l);
    }
    let mut v = Vec::new();
    for t in targets {
        let found = target(t)?;
        let names = match found.plan {
            Some(_) => vec![found.name],
            None => resolve(std::slice::from_ref(t), l)?,
        };
        for n in names {
            if !v.contains(&n) {
                v.push(n);
            }
        }
    }
    Ok(v)
}

/// The steps that build `targets` and their dependencies, in order. Cleaning
/// and forcing apply to `named_targets` only.
pub fn plan(targets: &[String], l: &Layout, o: &BuildOpts) -> Result<Plan> {
    let named = named_targets(targets, l, o.with_deps)?;
    let mut p = Plan::default();
    for name in resolve(targets, l)? {
        let Some(f) = target(name)?.plan else {
            continue;
        };
        let is_named = named.contains(&name);
        let scoped = BuildOpts {
            clean: o.clean && is_named,
            ..o.clone()
        };
        let mut sub = f(&Ctx { l, o: &scoped })?;
        // Which steps run is decided before any runs: a cleaned target's
        // steps must run although their outputs still exist at that time.
        if (o.force_rebuild || o.clean) && is_named {
            sub.force_all();
        }
        p.extend(sub);
    }
    Ok(p)
}

/// What to tell a user who lacks a file of Debian package `pkg`, which
/// `lkmc build -D` installs for `target`.
pub fn install_hint(l: &Layout, what: &str, pkg: &str, target: &str) -> String {
    format!(
        "{what} is missing: it comes from the Debian package {pkg}; install it with \
         `apt-get install {pkg}`, or let lkmc install what {target} needs: \
         `lkmc build -D --arch {} {target}`",
        l.arch
    )
}

/// `apt-get download PKG:ARCH` needs apt's package index for the guest's
/// Debian arch, which `lkmc build -D` sets up (dpkg --add-architecture, apt-get
/// update). Checked as a file of /var/lib/apt/lists.
/// `step` with the actions that fetch Debian's `package` (`name:arch`) with
/// apt-get download into the download dir and unpack it into `dest` without
/// installing it (dpkg multiarch). `deb_glob` finds the file, whose name
/// carries the version.
pub fn fetch_deb(
    l: &Layout,
    step: Step,
    (package, deb_glob): (&str, &str),
    dest: &Path,
    target: &str,
) -> Step {
    let dl = l.download_dir();
    require_apt_index(l, step, package, target)
        .action(mkdir_p(&dl))
        .action(Cmd::new("apt-get").arg("download").arg(package).cwd(&dl))
        .action(mkdir_p(dest))
        .action(
            Cmd::new("sh")
                .arg("-c")
                .arg(format!("dpkg-deb -x {deb_glob} \"$0\""))
                .arg_path(dest)
                .cwd(&dl),
        )
}

pub fn require_apt_index(l: &Layout, step: Step, package: &str, target: &str) -> Step {
    let arch = l.arch.debian_arch();
    let hint = format!(
        "{package} cannot be downloaded: apt has no package index for {arch}; \
         let lkmc add the architecture and update the index: `lkmc build -D --arch {} {target}` \
         (or `dpkg --add-architecture {arch} && apt-get update`)",
        l.arch
    );
    step.require(
        Need::FileNamed {
            dir: "/var/lib/apt/lists".into(),
            contains: format!("_binary-{arch}_Packages"),
        },
        hint,
    )
}

/// The Debian package of the host's compiler for the guest arch (the
/// `GccWhich::Host` toolchain).
pub fn host_gcc_package(l: &Layout) -> String {
    if Arch::host() == Some(l.arch) {
        "gcc".into()
    } else {
        format!("gcc-{}", l.arch.debian_prefix().replace('_', "-"))
    }
}

/// With the host toolchain, Debian's cross compiler must be on PATH for a
/// step that builds for the guest (make runs it, so its own error would be
/// lost in the log). Other toolchains are targets of their own.
pub fn require_host_gcc(l: &Layout, step: Step, target: &str) -> Step {
    if l.gcc_which != GccWhich::Host {
        return step;
    }
    let gcc = format!("{}gcc", l.cross_prefix());
    let hint = install_hint(l, &gcc, &host_gcc_package(l), target);
    step.require(Need::Program(gcc), hint)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use crate::plan::Requirement;
    use clap::Parser;

    fn layout(arch: Arch) -> Layout {
        let cli = Cli::parse_from(["lkmc", "--out-dir", "/nonexistent/lkmc-out", "build"]);
        Layout::new(&cli.common, arch)
    }

    fn plan_of(arch: Arch, target: &str) -> Plan {
        let l = layout(arch);
        plan(&[target.to_string()], &l, &BuildOpts::defaults()).unwrap()
    }

    /// The requirements of the step named `step`.
    fn needs<'a>(p: &'a Plan, step: &str) -> &'a [Requirement] {
        &p.steps
            .iter()
            .find(|s| s.name == step)
            .unwrap_or_else(|| panic!("no step {step}"))
            .requires
    }

    fn hint_for<'a>(reqs: &'a [Requirement], need: &Need) -> &'a str {
        &reqs
            .iter()
            .find(|r| &r.need == need)
            .unwrap_or_else(|| panic!("{need:?} not required: {reqs:?}"))
            .hint
    }

    #[test]
    fn aggregates_name_what_they_pull_in_and_others_only_themselves() {
        let l = layout(Arch::Aarch64);
        let named = |t: &[&str], deps: bool| {
            let t: Vec<String> = t.iter().map(|s| s.to_string()).collect();
            named_targets(&t, &l, deps).unwrap()
        };
        assert_eq!(named(&["modules"], false), vec!["modules"]);
        assert!(named(&["modules"], true).contains(&"linux"));
        let quick = named(&["quick"], false);
        for t in ["linux", "modules", "userland", "busybox", "rootfs"] {
            assert!(quick.contains(&t), "{quick:?}");
        }
    }

    #[test]
    fn only_the_named_targets_are_forced() {
        let l = layout(Arch::Aarch64);
        let o = BuildOpts {
            force_rebuild: true,
            ..BuildOpts::defaults()
        };
        let p = plan(&["modules".into()], &l, &o).unwrap();
        for s in &p.steps {
            assert_eq!(s.forced, s.name == "modules", "{}", s.name);
        }
        let o = BuildOpts {
            with_deps: true,
            ..o
        };
        let p = plan(&["modules".into()], &l, &o).unwrap();
        assert!(p.steps.iter().all(|s| s.forced));
        // A cleaned target is built again: its steps are decided before the
        // clean removes their outputs.
        let o = BuildOpts {
            clean: true,
            ..BuildOpts::defaults()
        };
        let p = plan(&["userland".into()], &l, &o).unwrap();
        assert_eq!(p.steps[0].name, "userland/clean");
        assert!(p.steps.iter().all(|s| s.forced));
    }

    #[test]
    fn baremetal_requires_debian_toolchain_and_c_library() {
        let p = plan_of(Arch::Aarch64, "baremetal");
        for step in ["baremetal/lib", "baremetal/baremetal/hello"] {
            let reqs = needs(&p, step);
            let specs = Need::Path("/usr/lib/picolibc/aarch64-linux-gnu/picolibc.specs".into());
            let hint = hint_for(reqs, &specs);
            assert!(hint.contains("picolibc-aarch64-linux-gnu"), "{hint}");
            assert!(
                hint.contains("`lkmc build -D --arch aarch64 baremetal`"),
                "{hint}"
            );
            let gcc = hint_for(reqs, &Need::Program("aarch64-linux-gnu-gcc".into()));
            assert!(gcc.contains("gcc-aarch64-linux-gnu"), "{gcc}");
        }
        let p = plan_of(Arch::Arm, "baremetal");
        let reqs = needs(&p, "baremetal/lib");
        let newlib = hint_for(
            reqs,
            &Need::Path("/usr/lib/arm-none-eabi/newlib/libc.a".into()),
        );
        assert!(newlib.contains("libnewlib-arm-none-eabi"), "{newlib}");
        let gcc = hint_for(reqs, &Need::Program("arm-none-eabi-gcc".into()));
        assert!(gcc.contains("gcc-arm-none-eabi"), "{gcc}");
    }

    #[test]
    fn guest_builds_require_the_cross_compiler_and_packages() {
        let p = plan_of(Arch::Arm, "rootfs");
        let gcc = Need::Program("arm-linux-gnueabihf-gcc".into());
        for step in ["linux-config", "linux", "modules", "userland/c/hello"] {
            let hint = hint_for(needs(&p, step), &gcc);
            assert!(hint.contains("gcc-arm-linux-gnueabihf"), "{hint}");
            assert!(hint.contains("lkmc build -D --arch arm"), "{hint}");
        }
        let libc = hint_for(
            needs(&p, "userland/c/hello"),
            &Need::Path("/usr/arm-linux-gnueabihf/lib/libc.a".into()),
        );
        assert!(libc.contains("libc6-dev-armhf-cross"), "{libc}");
        let index = hint_for(
            needs(&p, "busybox"),
            &Need::FileNamed {
                dir: "/var/lib/apt/lists".into(),
                contains: "_binary-armhf_Packages".into(),
            },
        );
        assert!(index.contains("busybox-static:armhf"), "{index}");
        assert!(
            index.contains("lkmc build -D --arch arm busybox"),
            "{index}"
        );
    }

    #[test]
    fn kernel_tarball_is_required_to_unpack_it() {
        let l = layout(Arch::Aarch64);
        if !l.linux_source_is_tarball() {
            return;
        }
        let p = plan_of(Arch::Aarch64, "linux-source");
        let hint = hint_for(
            needs(&p, "linux-source"),
            &Need::Path(l.linux_source_tarball()),
        );
        assert!(hint.contains("linux-source-6.1"), "{hint}");
        assert!(
            hint.contains("lkmc build -D --arch aarch64 linux"),
            "{hint}"
        );
    }
}
