//! The kernel: sources, configuration from fragments, and the build.

use super::Ctx;
use crate::cli::GccWhich;
use crate::command::{Action, Cmd, mkdir_p, rm_rf};
use crate::plan::{Need, Plan, Step};
use anyhow::{Result, bail};
use std::path::PathBuf;

/// Unpacks Debian's linux-source tarball once into the output dir.
///
/// The tarball is unpacked into a temporary dir next to the tree and renamed
/// into place, and the "unpacked" marker is written last: an interrupted
/// unpack leaves no marker, so the next build unpacks again. Nothing outside
/// the output dir is written or removed.
pub fn source_plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    if !l.linux_source_is_tarball() {
        return Ok(p);
    }
    let src = l.linux_source_dir();
    let parent = src.parent().expect("source dir has a parent").to_path_buf();
    let top = src.file_name().expect("source dir has a name");
    let tmp = parent.join(".lkmc-unpacking");
    let stamp = source_stamp(c);
    let tarball = l.linux_source_tarball();
    let package = format!("linux-source-{}", crate::layout::DEBIAN_LINUX_VERSION);
    let hint = super::install_hint(l, &tarball.display().to_string(), &package, "linux");
    p.push(
        Step::new("linux-source", "unpacking the kernel sources")
            // First, so that a tree left half replaced is never counted as done.
            .action(Cmd::new("rm").arg("-f").arg_path(&stamp))
            .action(rm_rf(&tmp))
            .action(mkdir_p(&tmp))
            .action(
                Cmd::new("tar")
                    .line(["-x", "-f"])
                    .arg_path(&tarball)
                    .line(["-C".to_string(), tmp.display().to_string()]),
            )
            .action(rm_rf(&src))
            .action(
                Cmd::new("mv")
                    .arg("-T")
                    .arg_path(tmp.join(top))
                    .arg_path(&src),
            )
            .action(Cmd::new("rmdir").arg_path(&tmp))
            .action(Cmd::new("touch").arg_path(&stamp))
            .require(Need::Path(tarball), hint)
            .fresh_when(vec![], vec![stamp]),
    );
    Ok(p)
}

/// Written once the unpacked tree is in place.
pub fn source_stamp(c: &Ctx) -> PathBuf {
    c.l.linux_source_dir().join(".lkmc-unpacked")
}

/// `make` in the kernel tree with the arch, compiler and output dir set.
pub fn kernel_make(c: &Ctx) -> Cmd {
    let l = c.l;
    let m = Cmd::new("make")
        .line(["-C".to_string(), l.linux_source_dir().display().to_string()])
        .arg(format!("O={}", l.linux_build_dir().display()));
    with_kbuild_args(c, m)
}

/// What every Kbuild make of lkmc takes after its directories: the arch,
/// the compiler, the jobs, and V=1 under --verbose.
pub fn with_kbuild_args(c: &Ctx, make: Cmd) -> Cmd {
    let l = c.l;
    let make = make
        .arg(format!("ARCH={}", l.arch.linux_arch()))
        .arg(format!("CROSS_COMPILE={}", l.cross_prefix()))
        .arg(format!("-j{}", l.jobs));
    if c.o.verbose { make.arg("V=1") } else { make }
}

/// Fragments merged on top of the base config, in order. Later ones win.
pub fn fragments(c: &Ctx) -> Vec<PathBuf> {
    let cfg = c.l.linux_config_dir();
    let mut v = Vec::new();
    if c.o.custom_config_file.is_none() {
        v.push(cfg.join("base"));
        v.push(cfg.join(c.l.arch.name()));
        if let Some(f) = c.l.arch.row().gem5.kernel_fragment {
            v.push(cfg.join(f));
        }
        // What costs boot time (ftrace) is in the full kernel only, and in
        // the debug kernel, whose boots are slow anyway (its tests use it).
        if c.o.linux_config == "full" || c.l.linux_id == "debug" {
            v.push(cfg.join("full"));
        }
        if c.l.linux_id == "debug" {
            v.push(cfg.join("debug"));
        }
    }
    v.extend(c.o.config_fragments.iter().map(|f| absolute(f)));
    if !c.o.configs.is_empty() {
        v.push(cli_fragment(c));
    }
    v
}

fn cli_fragment(c: &Ctx) -> PathBuf {
    c.l.linux_build_dir().join("lkmc_cli_config")
}

fn absolute(p: &std::path::Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    }
}

/// `make <target>` that gives the base .config before fragments.
fn base_config_target(c: &Ctx) -> Result<&'static str> {
    Ok(match c.o.linux_config.as_str() {
        "small" => "tinyconfig",
        "full" => "defconfig",
        other => bail!(
            "unknown --linux-config '{other}': use small (tinyconfig-based) or full (defconfig-based)"
        ),
    })
}

/// What kbuild runs besides make: the compiler, the parser generators and
/// calculator of its build scripts, and the arch's own tools.
fn require_tools(c: &Ctx, mut step: Step) -> Step {
    let arch_tools = c.l.arch.row().linux_build_tools;
    for &tool in ["flex", "bison", "bc"].iter().chain(arch_tools) {
        step = step.require(
            Need::Program(tool.into()),
            super::install_hint(c.l, tool, tool, "linux"),
        );
    }
    super::require_host_gcc(c.l, step, "linux")
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    check_request(c)?;
    let mut p = Plan::default();
    p.push(config_step(c)?);
    p.push(build_step(c));
    // `make TARGET` (extra arguments) may build no modules to install.
    if c.o.extra.is_empty() {
        p.push(install_step(c));
    }
    Ok(p)
}

/// Config inputs that would only fail inside make.
fn check_request(c: &Ctx) -> Result<()> {
    if c.l.gcc_which == GccWhich::CrosstoolNg {
        bail!("the kernel needs a Linux toolchain: use --gcc-which host or buildroot");
    }
    for f in &c.o.config_fragments {
        if !f.is_file() {
            bail!("config fragment {} does not exist", f.display());
        }
    }
    if let Some(f) = &c.o.custom_config_file
        && !f.is_file()
    {
        bail!("custom config file {} does not exist", f.display());
    }
    for line in &c.o.configs {
        if !line.starts_with("CONFIG_") || !line.contains('=') {
            bail!("--config '{line}' is not a kernel config line such as CONFIG_KASAN=y");
        }
    }
    Ok(())
}

/// What was asked of the config (base, fragments, --config lines): a
/// different request reconfigures.
fn config_request(c: &Ctx, frags: &[PathBuf]) -> String {
    let mut request = format!("base={}\n", c.o.linux_config);
    if let Some(f) = &c.o.custom_config_file {
        request.push_str(&format!("custom={}\n", absolute(f).display()));
    }
    for f in frags {
        request.push_str(&format!("fragment={}\n", f.display()));
    }
    for line in &c.o.configs {
        request.push_str(&format!("config={line}\n"));
    }
    request
}

/// .config: the base config or the user's file, the fragments merged in,
/// olddefconfig, then a check that every requested option took.
fn config_step(c: &Ctx) -> Result<Step> {
    let build = c.l.linux_build_dir();
    let frags = fragments(c);
    let request = config_request(c, &frags);
    let request_file = build.join("lkmc_config_request");
    let mut config = Step::new("linux-config", "configuring the kernel").action(mkdir_p(&build));
    if c.o.clean {
        config
            .actions
            .insert(0, crate::command::rm_rf(&build).into());
    }
    if !c.o.configs.is_empty() {
        config = config.action(Action::write(cli_fragment(c), c.o.configs.join("\n")));
    }
    config = match &c.o.custom_config_file {
        Some(f) => config.action(
            Cmd::new("cp")
                .arg_path(absolute(f))
                .arg_path(build.join(".config")),
        ),
        None => config.action(kernel_make(c).arg(base_config_target(c)?)),
    };
    if !frags.is_empty() {
        let merge =
            c.l.linux_source_dir()
                .join("scripts/kconfig/merge_config.sh");
        config = config.action(
            Cmd::new(merge.display().to_string())
                .arg("-m")
                .line(["-O".to_string(), build.display().to_string()])
                .arg_path(build.join(".config"))
                .args(frags.iter().map(|f| f.display().to_string())),
        );
    }
    config = config
        .action(kernel_make(c).arg("olddefconfig"))
        .action(Action::CheckKernelConfig {
            config: build.join(".config"),
            fragments: frags.clone(),
        })
        .action(Action::write(&request_file, request.clone()));
    let mut inputs = frags;
    inputs.extend(c.o.custom_config_file.iter().map(|f| absolute(f)));
    let stale_request =
        std::fs::read_to_string(&request_file).ok().as_deref() != Some(request.as_str());
    config = require_tools(c, config.after(&["linux-source"]));
    if !stale_request && !c.o.clean {
        config = config.fresh_when(inputs, vec![build.join(".config")]);
    }
    Ok(config)
}

/// `make`, with pinned build metadata: the same sources give the same
/// kernel, and `uname -a` does not change with every rebuild.
fn build_step(c: &Ctx) -> Step {
    let l = c.l;
    let make = kernel_make(c)
        .env("KBUILD_BUILD_USER", "lkmc")
        .env("KBUILD_BUILD_HOST", "lkmc")
        .env("KBUILD_BUILD_VERSION", "1")
        .env("KBUILD_BUILD_TIMESTAMP", "Thu Jan  1 00:00:00 UTC 1970")
        .args(c.o.extra.iter());
    let step = require_tools(
        c,
        Step::new("linux", "building the kernel")
            .action(make)
            .after(&["linux-config"]),
    );
    // Debian's tarball never changes under us, so an existing kernel newer than
    // its .config is up to date; a checked-out submodule may have been edited,
    // and make decides.
    if l.linux_source_is_tarball() && c.o.extra.is_empty() {
        return step.fresh_when(
            vec![l.linux_build_dir().join(".config")],
            vec![l.vmlinux(), l.linux_image()],
        );
    }
    step
}

/// Where the kernel's own modules (the config's `=m` options) are installed,
/// as `lib/modules/<release>/kernel/...`: the modules step installs ours next
/// to them and runs depmod over both.
pub fn modules_install_dir(l: &crate::layout::Layout) -> PathBuf {
    l.linux_build_dir().join("lkmc_modules_install")
}

/// `make modules_install` into `modules_install_dir`, from scratch so that a
/// module turned off leaves it, stripped of debug info (the host keeps the
/// .ko files with it) and without the `build` and `source` links to host
/// paths. Its own step, so that a kernel make that changed nothing does not
/// install again (and rebuild the rootfs).
fn install_step(c: &Ctx) -> Step {
    let build = c.l.linux_build_dir();
    let dir = modules_install_dir(c.l);
    let order = build.join("modules.order");
    // The kernel's modules, as the last build listed them.
    let mut inputs: Vec<PathBuf> = std::fs::read_to_string(&order)
        .unwrap_or_default()
        .lines()
        .map(|ko| build.join(ko))
        .collect();
    inputs.extend([order, build.join("System.map")]);
    Step::new("linux-modules", "installing the kernel's modules")
        .action(rm_rf(&dir))
        .action(
            kernel_make(c)
                .arg(format!("INSTALL_MOD_PATH={}", dir.display()))
                .arg("INSTALL_MOD_STRIP=1")
                .arg("modules_install"),
        )
        .action(
            Cmd::new("find")
                .arg_path(dir.join("lib/modules"))
                .line(["-mindepth", "2", "-maxdepth", "2", "-type", "l"])
                .line(["(", "-name", "build", "-o", "-name", "source", ")"])
                .arg("-delete"),
        )
        .after(&["linux"])
        .fresh_when(inputs, vec![dir])
}
