//! The `lkmc` binary: parses the command line (after the TOML defaults) and
//! hands it to the subcommand.

use clap::Parser;
use lkmc::cli::{Cli, Command};
use lkmc::commands;
use std::process::ExitCode;

fn main() -> ExitCode {
    lkmc::error::exit_quietly_on_broken_stdout();
    let repo = lkmc::layout::find_repo();
    let args = match lkmc::defaults::apply(std::env::args_os().collect(), &repo) {
        Ok(a) => a,
        Err(e) => return lkmc::error::exit_code(Err(e)),
    };
    let cli = Cli::parse_from(args);
    let common = match cli.common.clone().resolve() {
        Ok(c) => c,
        Err(e) => return lkmc::error::exit_code(Err(e)),
    };
    let c = &common;
    lkmc::error::exit_code(match &cli.command {
        Command::Build(a) => commands::build::exec(c, a),
        Command::Run(a) => commands::run::exec(c, a),
        Command::Gdb(a) => commands::gdb::exec(c, a),
        Command::Test(a) => commands::test::exec(c, a),
        Command::Getvar(a) => commands::getvar::exec(c, a),
        Command::QemuMonitor(a) => commands::qemu_monitor::exec(c, a),
        Command::Gem5Shell => commands::gem5::shell(c),
        Command::Gem5Stat(a) => commands::gem5::stat(c, a),
        Command::Toolchain(a) => commands::toolchain::exec(c, a),
        Command::Completions(a) => commands::completions::exec(a),
        Command::Man => commands::man::exec(),
        Command::Sweep(a) => commands::sweep::exec(c, a),
        Command::SweepPoint(a) => commands::sweep::exec_point(a),
    })
}
