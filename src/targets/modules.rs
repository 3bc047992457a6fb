//! kernel_modules/ built out of tree against lkmc's kernel. Kbuild writes its
//! objects next to the sources, so lkmc builds a copy in the output dir.

use super::Ctx;
use crate::command::{Cmd, mkdir_p};
use crate::plan::{Plan, Step};
use anyhow::{Result, bail};

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let src = l.kernel_modules_source_dir();
    let build = l.modules_build_dir();
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
    let mut make = Cmd::new("make")
        .line(["-C".to_string(), l.linux_build_dir().display().to_string()])
        .arg(format!("M={}", build.display()))
        .arg(format!("ARCH={}", l.arch.linux_arch()))
        .arg(format!("CROSS_COMPILE={}", l.cross_prefix()))
        .arg(format!("-j{}", l.jobs));
    if !c.o.modules.is_empty() {
        let objs: Vec<String> = c.o.modules.iter().map(|m| format!("{m}.o")).collect();
        make = make.arg(format!("LKMC_MODULES={}", objs.join(" ")));
    }
    if c.o.verbose {
        make = make.arg("V=1");
    }
    step = step
        .action(make.arg("modules"))
        .after(&["linux"])
        .fresh_when(vec![src, l.vmlinux()], vec![build.join("modules.order")]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
