//! userland/: C programs built for the guest (static, so they need no libc in
//! the rootfs and run under QEMU user mode as they are), or for the host.

use super::Ctx;
use crate::arch::Arch;
use crate::cli::GccWhich;
use crate::command::{Cmd, mkdir_p};
use crate::plan::{Need, Plan, Step};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Every C source under `dir`, relative to it, sorted.
pub fn sources(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if p.extension().is_some_and(|x| x == "c") {
                out.push(p.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

/// Where a userland source's program goes: `c/hello.c` -> `<build>/c/hello.out`.
pub fn output_for(build_dir: &Path, rel: &Path) -> PathBuf {
    build_dir.join(rel).with_extension("out")
}

fn compile(gcc: &str, src_root: &Path, rel: &Path, out: &Path, static_: bool, c: &Ctx) -> Cmd {
    let mut cmd = Cmd::new(gcc);
    if static_ {
        cmd = cmd.arg("-static");
    }
    cmd = cmd
        .line(["-O0", "-g"])
        .line(["-Wall", "-Werror"])
        .arg(format!("-I{}", src_root.display()))
        .line(["-o".to_string(), out.display().to_string()])
        .arg_path(src_root.join(rel))
        .arg("-lpthread");
    if c.o.verbose {
        cmd = cmd.arg("-v");
    }
    cmd
}

/// The guest's compiler and its static C library, with the host toolchain:
/// without the library the link fails on `cannot find -lc`.
fn guest_requirements(c: &Ctx) -> Vec<(Need, String)> {
    let l = c.l;
    if l.gcc_which != GccWhich::Host {
        return Vec::new();
    }
    let gcc = format!("{}gcc", l.cross_prefix());
    let prefix = l.arch.debian_prefix();
    let (libc, pkg) = if Arch::host() == Some(l.arch) {
        (format!("/usr/lib/{prefix}/libc.a"), "libc6-dev".to_string())
    } else {
        (
            format!("/usr/{prefix}/lib/libc.a"),
            format!("libc6-dev-{}-cross", l.arch.debian_arch()),
        )
    };
    vec![
        (
            Need::Program(gcc.clone()),
            super::install_hint(l, &gcc, &super::host_gcc_package(l), "userland"),
        ),
        (
            Need::Path(PathBuf::from(&libc)),
            super::install_hint(l, &libc, &pkg, "userland"),
        ),
    ]
}

fn plan_with(
    c: &Ctx,
    gcc: &str,
    build_dir: &Path,
    static_: bool,
    prefix: &str,
    needs: &[(Need, String)],
) -> Result<Plan> {
    let src_root = c.l.userland_source_dir();
    let mut p = Plan::default();
    if c.o.clean {
        p.push(
            Step::new(&format!("{prefix}clean"), "cleaning userland")
                .action(crate::command::rm_rf(build_dir)),
        );
    }
    for rel in sources(&src_root) {
        let out = output_for(build_dir, &rel);
        let name = format!("{prefix}{}", rel.with_extension("").display());
        let mut step = Step::new(&name, format!("compiling userland/{}", rel.display()));
        for (need, hint) in needs {
            step = step.require(need.clone(), hint.clone());
        }
        let step = step
            .action(mkdir_p(out.parent().expect("output has a parent")))
            .action(compile(gcc, &src_root, &rel, &out, static_, c))
            .fresh_when(vec![src_root.join(&rel)], vec![out]);
        p.push(step);
    }
    Ok(p)
}

/// Guest programs, static, with the selected cross compiler.
pub fn plan(c: &Ctx) -> Result<Plan> {
    let gcc = format!("{}gcc", c.l.cross_prefix());
    plan_with(
        c,
        &gcc,
        &c.l.userland_build_dir(),
        true,
        "userland/",
        &guest_requirements(c),
    )
}

/// Host programs for `--emulator native`.
pub fn host_plan(c: &Ctx) -> Result<Plan> {
    plan_with(c, "gcc", &host_build_dir(c.l), false, "userland-host/", &[])
}

pub fn host_build_dir(l: &crate::layout::Layout) -> PathBuf {
    l.out.join("userland").join(&l.userland_id).join("host")
}
