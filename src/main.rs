//! lkmc: one binary that builds, runs, debugs and tests Linux kernels, kernel
//! modules, userland and baremetal programs on QEMU and gem5.

mod arch;
mod build;
mod cli;
mod command;
mod defaults;
mod exec;
mod gdb;
mod gem5_helpers;
mod getvar;
mod helpers;
mod kconfig;
mod layout;
mod plan;
mod render;
#[cfg(test)]
mod roundtrip_tests;
mod run;
mod test;
mod tools;

use clap::Parser;
use cli::{Cli, Command, Common};
use exec::ExecOptions;
use layout::Layout;
use std::process::ExitCode;

/// Bad input from the user: lkmc exits with status 2, as for a CLI parse error.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub fn usage_error(msg: impl Into<String>) -> anyhow::Error {
    UsageError(msg.into()).into()
}

pub fn exec_options(c: &Common, l: &Layout, force: bool) -> ExecOptions {
    ExecOptions {
        dry_run: c.dry_run,
        json: c.plan_json,
        style: if c.print_cmd_oneline {
            render::Style::Oneline
        } else {
            render::Style::Multiline
        },
        force,
        verbose: c.verbose,
        quiet: c.quiet,
        log_dir: l.log_dir(),
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<i32> {
    let c = &cli.common;
    if c.dry_run || c.plan_json {
        // Plans of sources that are not checked out still print under --dry-run.
        // SAFETY: set before any thread is started.
        unsafe { std::env::set_var("LKMC_DRY_RUN", "1") };
    }
    let layout = Layout::new(c, c.arch);
    if let Some(b) = &c.baremetal
        && !b.exists()
    {
        return Err(usage_error(format!("{} does not exist", b.display())));
    }
    match &cli.command {
        Command::Build(a) => build_cmd(c, a),
        Command::Run(a) => run::execute(&layout, c, a, &exec_options(c, &layout, false)),
        Command::Gdb(a) => gdb::execute(&layout, c, a),
        Command::Test(a) => test::execute(c, a),
        Command::Getvar(a) => getvar::execute(&layout, c, a),
        Command::QemuMonitor(a) => helpers::qemu_monitor(&layout, c, a),
        Command::Gem5Shell => helpers::gem5_shell(&layout, c),
        Command::Gem5Stat(a) => helpers::gem5_stat(&layout, a),
        Command::Toolchain(a) => helpers::toolchain(&layout, c, a),
    }
}

fn build_cmd(c: &Common, a: &cli::BuildArgs) -> anyhow::Result<i32> {
    let archs: Vec<arch::Arch> = if a.all_archs {
        arch::Arch::ALL.to_vec()
    } else {
        vec![c.arch]
    };
    for arch in archs {
        let l = Layout::new(c, arch);
        if a.list_targets {
            print!("{}", build::list_targets(&l));
            return Ok(0);
        }
        let o = build::BuildOpts::from_args(a, c.verbose);
        let mut targets = if a.targets.is_empty() {
            vec![build::default_target(&l).to_string()]
        } else {
            a.targets.clone()
        };
        for t in &targets {
            build::target(t).map_err(|e| usage_error(e.to_string()))?;
        }
        // --all-archs builds baremetal for the archs that have it.
        if a.all_archs && !arch.supports_baremetal() {
            let (skipped, kept): (Vec<String>, Vec<String>) = targets
                .into_iter()
                .partition(|t| build::is_baremetal_only(t));
            if !skipped.is_empty() {
                eprintln!(
                    "lkmc: {arch}: skipping {} (baremetal is for arm and aarch64)",
                    skipped.join(", ")
                );
            }
            targets = kept;
            if targets.is_empty() {
                continue;
            }
        }
        let eo = exec_options(c, &l, a.force_rebuild);
        if a.download_dependencies {
            // Run before planning the build: sources it clones change the plan.
            exec::run_plan(&build::deps::plan(&l, &o, &targets)?, &eo)?;
        }
        exec::run_plan(&build::plan(&targets, &l, &o)?, &eo)?;
    }
    Ok(0)
}

fn main() -> ExitCode {
    let repo = layout::find_repo();
    let args = match defaults::apply(std::env::args_os().collect(), &repo) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("lkmc: error: {e:#}");
            return ExitCode::from(2);
        }
    };
    let cli = Cli::parse_from(args);
    match dispatch(cli) {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("lkmc: error: {e:#}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
