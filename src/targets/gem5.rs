//! gem5 (submodules/gem5): the simulator, its boot loaders and m5term, and
//! the m5 guest tool.
//!
//! gem5 builds out of tree by itself (scons takes any `.../build/<ISA>/`
//! target path and configures it from build_opts/<ISA>). The small C helpers
//! have plain makefiles that build next to their sources; lkmc runs them with
//! the output dir as make's working dir and the sources found through VPATH,
//! and m5's scons in a tree of links under the output dir, so the checkout
//! stays clean.

use super::Ctx;
use crate::cli::GccWhich;
use crate::command::{Cmd, mkdir_p, rm_rf};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Where `lkmc build m5` leaves the guest's m5 tool; the guest root
/// filesystems pick it up from here when it exists.
pub fn m5_binary(l: &Layout) -> PathBuf {
    l.gem5_build_dir().join("m5").join(l.arch_name()).join("m5")
}

/// Debian's cross compilers for the boot loaders: they are tiny freestanding
/// programs, and both are needed whatever the guest arch (one ARM gem5 build
/// runs arm and aarch64 guests).
const AARCH64_CROSS: &str = "aarch64-linux-gnu-";
const ARM_CROSS: &str = "arm-linux-gnueabihf-";

/// `make` in `dir` with the makefile and sources of `src_dir`.
fn make_out_of_tree(dir: &Path, src_dir: &Path, makefile: &str) -> Cmd {
    Cmd::new("make")
        .line(["-C".to_string(), dir.display().to_string()])
        .line([
            "-f".to_string(),
            src_dir.join(makefile).display().to_string(),
        ])
        .arg(format!("VPATH={}", src_dir.display()))
}

/// boot.arm64 and boot_v2.arm64 (GICv2 and GICv3 machines) and boot.arm, which
/// fs.py's --bootloader gets.
fn bootloaders_step(c: &Ctx, src: &Path) -> Step {
    let l = c.l;
    let binaries = l.gem5_system_dir().join("binaries");
    let arm64_src = src.join("system/arm/bootloader/arm64");
    let arm64_build = l.gem5_build_dir().join("bootloader/arm64");
    let arm_src = src.join("system/arm/bootloader/arm");
    let arm_build = l.gem5_build_dir().join("bootloader/arm");
    // The arm64 makefile takes a build dir and installs; the arm one does not.
    let arm64 = |target: Option<&str>| {
        let mut m = Cmd::new("make")
            .line(["-C".to_string(), arm64_src.display().to_string()])
            .arg(format!("CROSS_COMPILE={AARCH64_CROSS}"))
            .arg(format!("BUILDDIR={}", arm64_build.display()));
        if let Some(t) = target {
            m = m.arg(format!("DESTDIR={}", binaries.display())).arg(t);
        }
        m
    };
    Step::new("gem5-bootloaders", "building gem5's ARM boot loaders")
        .action(mkdir_p(&binaries))
        .action(arm64(None))
        .action(arm64(Some("install")))
        .action(mkdir_p(&arm_build))
        .action(
            make_out_of_tree(&arm_build, &arm_src, "makefile")
                .arg(format!("CROSS_COMPILE={ARM_CROSS}"))
                .arg("boot.arm"),
        )
        .action(
            Cmd::new("cp")
                .arg_path(arm_build.join("boot.arm"))
                .arg_path(binaries.join("boot.arm")),
        )
        .fresh_when(
            vec![src.join("system/arm/bootloader")],
            vec![
                binaries.join("boot.arm64"),
                binaries.join("boot_v2.arm64"),
                binaries.join("boot.arm"),
            ],
        )
}

/// m5term, gem5's terminal client (`lkmc gem5-shell`), built straight to
/// `Layout::gem5_m5term`.
fn m5term_step(c: &Ctx, src: &Path) -> Step {
    let dir = c.l.gem5_build_dir();
    Step::new("gem5-m5term", "building m5term")
        .action(mkdir_p(&dir))
        .action(make_out_of_tree(&dir, &src.join("util/term"), "Makefile").arg("m5term"))
}

/// Build settings lkmc gives gem5's Kconfig on top of build_opts/<ISA>:
/// Ruby (the detailed cache-coherence models) is off, since lkmc's fs.py and
/// se.py runs use the classic memory system, and it is about a third of the
/// objects to compile.
const GEM5_SETTINGS: [&str; 1] = ["RUBY=n"];

/// scons in the gem5 checkout. Debian's python3-config, so that gem5 embeds
/// the system Python that python3-dev matches (a pyenv or conda `python3`
/// first on PATH would otherwise be taken).
fn scons(src: &Path) -> Cmd {
    Cmd::new("scons")
        .env("PYTHON_CONFIG", "/usr/bin/python3-config")
        .cwd(src)
}

/// `scons defconfig` then `setconfig`: the build dir's Kconfig settings,
/// made once (a later build only compiles).
fn config_step(c: &Ctx, src: &Path) -> Step {
    let l = c.l;
    let dir = l.gem5_variant_dir();
    let defconfig = src.join("build_opts").join(l.arch.gem5_isa());
    Step::new("gem5-config", "configuring the gem5 build")
        .action(
            scons(src)
                .arg("defconfig")
                .arg_path(&dir)
                .arg_path(&defconfig),
        )
        .action(
            scons(src)
                .arg("setconfig")
                .arg_path(&dir)
                .args(GEM5_SETTINGS.iter()),
        )
        .fresh_when(vec![defconfig], vec![dir.join("gem5.build/config")])
        .after(&["gem5-clean"])
}

/// The simulator for the guest's ISA.
fn scons_step(c: &Ctx, src: &Path) -> Step {
    let l = c.l;
    let mut s = scons(src)
        .arg(format!("-j{}", l.jobs))
        // Style checks are for gem5's own commits.
        .arg("--ignore-style");
    if c.o.verbose {
        s = s.arg("--verbose");
    }
    s = s.arg_path(l.gem5_executable()).args(c.o.extra.iter());
    Step::new("gem5", format!("building gem5 ({})", l.arch.gem5_isa())).action(s)
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    let src = super::buildroot::require_submodule(l, &mut p, "gem5", "SConstruct");
    if c.o.clean {
        p.push(
            Step::new("gem5-clean", "removing the gem5 build").action(rm_rf(l.gem5_build_dir())),
        );
    }
    if l.arch.gem5_isa() == "ARM" {
        p.push(bootloaders_step(c, &src).after(&["gem5-clean"]));
    }
    p.push(m5term_step(c, &src));
    p.push(config_step(c, &src));
    p.push(scons_step(c, &src));
    Ok(p)
}

/// The compilers for m5: the guest's Linux toolchain (a baremetal newlib one
/// cannot build a Linux program, so Debian's stands in).
fn m5_cross_prefix(l: &Layout) -> String {
    match l.gcc_which {
        GccWhich::CrosstoolNg => format!("{}-", l.arch.debian_prefix()),
        _ => l.cross_prefix(),
    }
}

/// m5's SConstruct builds into the `build/` beside it and reads `../../include`
/// and `../../ext`. lkmc gives it a tree of links under the output dir, with
/// the same shape, so its build dir (one per ABI) is lkmc's and the checkout
/// stays clean. `src` is a copy made of links, so that an ABI whose m5op.S
/// lkmc replaces (Gem5Row::own_m5op) gets lkmc's file in its place.
fn m5_tree_step(l: &Layout, src: &Path, tree: &Path) -> Step {
    let link = |from: &Path, to: &Path| Cmd::new("ln").arg("-sfn").arg_path(from).arg_path(to);
    let m5 = tree.join("util/m5");
    let m5_src = m5.join("src");
    let mut step = Step::new("m5-tree", "linking gem5's util/m5 into the output dir")
        .action(mkdir_p(&m5))
        .action(link(&src.join("include"), &tree.join("include")))
        .action(link(&src.join("ext"), &tree.join("ext")))
        .action(link(
            &src.join("util/m5/SConstruct"),
            &m5.join("SConstruct"),
        ))
        .action(rm_rf(&m5_src))
        .action(
            Cmd::new("cp")
                .line(["-r", "--symbolic-link"])
                .arg_path(src.join("util/m5/src"))
                .arg_path(&m5_src),
        );
    if l.arch.row().gem5.own_m5op {
        let abi = l.arch.m5_arch();
        step = step.action(link(
            &l.repo.join("gem5_m5").join(abi).join("m5op.S"),
            &m5_src.join("abi").join(abi).join("m5op.S"),
        ));
    }
    step
}

/// m5, statically linked, built in the link tree and copied out (stripped)
/// per arch.
pub fn m5_plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    let src = super::buildroot::require_submodule(l, &mut p, "gem5", "SConstruct");
    let tree = l.gem5_build_dir().join("m5-tree");
    let m5_dir = tree.join("util/m5");
    let abi = l.arch.m5_arch();
    let built = m5_dir.join("build").join(abi).join("out/m5");
    let out = m5_binary(l);
    let scons = Cmd::new("scons")
        .arg(format!("-j{}", l.jobs))
        .arg(format!("{abi}.CROSS_COMPILE={}", m5_cross_prefix(l)))
        // Small: m5 is static C++ (glibc and libstdc++ in it), and the kernel
        // unpacks every byte of it at each boot. 1.65 to 1.26 MB on arm64.
        .arg(format!(
            "{abi}.CXXFLAGS=-Os -ffunction-sections -fdata-sections"
        ))
        .arg(format!("{abi}.LINKFLAGS=-Wl,--gc-sections"))
        .arg(format!("build/{abi}/out/m5"))
        .args(c.o.extra.iter())
        .cwd(&m5_dir);
    p.push(m5_tree_step(l, &src, &tree));
    p.push(
        Step::new("m5", format!("building gem5's m5 tool for {}", l.arch))
            .action(scons)
            .action(mkdir_p(out.parent().expect("m5 has a dir")))
            // Stripped: every byte of the initramfs costs boot time (the
            // build dir keeps the binary with its symbols).
            .action(
                Cmd::new(format!("{}strip", m5_cross_prefix(l)))
                    .line(["-o".to_string(), out.display().to_string()])
                    .arg_path(&built),
            )
            .after(&["m5-tree"]),
    );
    Ok(p)
}
