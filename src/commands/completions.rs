//! `lkmc completions SHELL`: a completion script on stdout.

use crate::cli::{Cli, CompletionsArgs};
use anyhow::Result;
use clap::CommandFactory;

pub fn exec(a: &CompletionsArgs) -> Result<i32> {
    clap_complete::generate(a.shell, &mut Cli::command(), "lkmc", &mut std::io::stdout());
    Ok(0)
}
