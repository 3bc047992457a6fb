//! kernel_modules/ built out of tree against lkmc's kernel. Kbuild writes its
//! objects next to the sources, so lkmc builds a copy in the output dir.

use super::Ctx;
use crate::command::{Action, Cmd, mkdir_p, rm_rf};
use crate::layout::Layout;
use crate::plan::{Need, Plan, Step};
use anyhow::{Result, bail};

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let src = l.kernel_modules_source_dir();
    let build = l.modules_build_dir();
    let files = source_files(c)?;
    let mut step = Step::new("modules", "building kernel modules");
    if c.o.clean {
        step = step.action(crate::command::rm_rf(&build));
    }
    // -p keeps the sources' times so that Kbuild rebuilds only what changed.
    step = step.action(mkdir_p(&build)).action(
        Cmd::new("cp")
            .line(["-p", "-u"])
            .args(files.iter().map(|f| src.join(f).display().to_string()))
            .arg_path(&build),
    );
    // Kbuild relinks only the modules whose sources changed, and rewrites
    // modules.order only when it relinked one (not after a kernel relink that
    // left the modules alone): the install dir, made anew at the end of each
    // run, is what must be newer than the inputs; each .ko must exist (one
    // deleted is rebuilt).
    let kos: Vec<_> = expected_modules(c, &files)
        .iter()
        .map(|m| build.join(format!("{m}.ko")))
        .collect();
    step = super::require_host_gcc(l, step, "modules")
        .action(kbuild_make(c).arg("modules"))
        .actions(install(c))
        .require(
            Need::Program("/sbin/depmod".into()),
            super::install_hint(l, "depmod", "kmod", "modules"),
        )
        .after(&["linux", "linux-modules"])
        .fresh_when(
            vec![src, l.vmlinux(), super::linux::modules_install_dir(l)],
            vec![install_dir(l)],
        )
        .fresh_only_with(kos);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}

/// The files of kernel_modules/, sorted; an error for a `--module` that is
/// not among them.
fn source_files(c: &Ctx) -> Result<Vec<String>> {
    let src = c.l.kernel_modules_source_dir();
    let mut files: Vec<String> = std::fs::read_dir(&src)
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", src.display()))?
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    files.sort();
    for m in &c.o.modules {
        if !files.contains(&format!("{m}.c")) {
            bail!("no module named '{m}': kernel_modules/{m}.c does not exist");
        }
    }
    Ok(files)
}

/// Kbuild's make of the out-of-tree modules against lkmc's kernel (only
/// those of `--module` when given).
fn kbuild_make(c: &Ctx) -> Cmd {
    let l = c.l;
    let make = Cmd::new("make")
        .line(["-C".to_string(), l.linux_build_dir().display().to_string()])
        .arg(format!("M={}", l.modules_build_dir().display()));
    let mut make = super::linux::with_kbuild_args(c, make);
    if !c.o.modules.is_empty() {
        let objs: Vec<String> = c.o.modules.iter().map(|m| format!("{m}.o")).collect();
        make = make.arg(format!("LKMC_MODULES={}", objs.join(" ")));
    }
    make
}

/// The modules installed as on a distro, for the rootfs to copy:
/// `lib/modules/<release>/{kernel,extra}/*.ko` and depmod's modules.dep.
pub fn install_dir(l: &Layout) -> std::path::PathBuf {
    l.modules_build_dir().join("install")
}

/// Every module built so far (a `--module` build leaves the others' .ko
/// files), installed as Kbuild's `modules_install INSTALL_MOD_STRIP=1` would
/// (stripped of debug info, in `extra/`) on top of the kernel's own modules,
/// then depmod over both. Done here rather than by Kbuild: a make of the
/// kernel tree costs about a second of the edit-one-module loop.
fn install(c: &Ctx) -> Vec<Action> {
    let dir = install_dir(c.l);
    vec![
        rm_rf(&dir).into(),
        mkdir_p(&dir).into(),
        Cmd::new("cp")
            .arg("-a")
            .arg(format!(
                "{}/.",
                super::linux::modules_install_dir(c.l).display()
            ))
            .arg_path(&dir)
            .into(),
        Cmd::new("sh")
            .arg("-c")
            .arg(
                "set -e; rel=$(cat \"$1\"/include/config/kernel.release); \
                 extra=\"$0\"/lib/modules/$rel/extra; mkdir -p \"$extra\"; \
                 for ko in \"$2\"/*.ko; do \"$3\"strip --strip-debug -o \"$extra/${ko##*/}\" \"$ko\"; done; \
                 /sbin/depmod -b \"$0\" \"$rel\"",
            )
            .arg_path(&dir)
            .arg_path(c.l.linux_build_dir())
            .arg_path(c.l.modules_build_dir())
            .arg(c.l.cross_prefix())
            .into(),
        // cp -a gave the dir the kernel's install time, older than the files
        // written into it since: the dir's own time is the step's output.
        Cmd::new("touch").arg_path(&dir).into(),
    ]
}

/// The modules the build makes, by name: those of --module, else every
/// kernel_modules/*.c less the x86-only ones on other archs (Kbuild's
/// `lkmc_x86_only`, read from kernel_modules/Kbuild so the list lives there).
pub fn expected_modules(c: &Ctx, files: &[String]) -> Vec<String> {
    if !c.o.modules.is_empty() {
        return c.o.modules.clone();
    }
    let kbuild =
        std::fs::read_to_string(c.l.kernel_modules_source_dir().join("Kbuild")).unwrap_or_default();
    let x86_only = x86_only_modules(&kbuild);
    let is_x86 = c.l.arch.linux_arch() == "x86";
    files
        .iter()
        .filter(|f| !f.ends_with(".mod.c"))
        .filter_map(|f| f.strip_suffix(".c"))
        .filter(|m| is_x86 || !x86_only.iter().any(|x| x == m))
        .map(String::from)
        .collect()
}

/// The names in Kbuild's `lkmc_x86_only := a.o b.o` line.
fn x86_only_modules(kbuild: &str) -> Vec<String> {
    kbuild
        .lines()
        .filter_map(|line| line.trim().strip_prefix("lkmc_x86_only"))
        .filter_map(|rest| rest.trim_start().strip_prefix(":="))
        .flat_map(|objs| objs.split_whitespace())
        .filter_map(|o| o.strip_suffix(".o"))
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kbuild_x86_only_line_is_read() {
        let kbuild = "lkmc_all := x\nlkmc_x86_only := float.o ring0.o\nobj-m += y\n";
        assert_eq!(x86_only_modules(kbuild), vec!["float", "ring0"]);
        let repo = crate::layout::find_repo();
        let real = std::fs::read_to_string(repo.join("kernel_modules/Kbuild")).unwrap();
        assert!(!x86_only_modules(&real).is_empty());
    }
}
