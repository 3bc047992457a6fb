//! `lkmc man`: the man page, in roff, on stdout.

use crate::cli::Cli;
use anyhow::Result;
use clap::CommandFactory;

pub fn exec() -> Result<i32> {
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
    Ok(0)
}
