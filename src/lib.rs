//! lkmc: builds, runs, debugs and tests Linux kernels, kernel modules,
//! userland and baremetal programs on QEMU and gem5.
//!
//! Every external action is a [`command::Cmd`] value inside a [`plan::Plan`]:
//! the same value is printed by `--dry-run` and executed by a real run.
//! `commands/` holds one thin file per subcommand; the rest is the library.

pub mod arch;
pub mod cli;
pub mod command;
pub mod commands;
pub mod defaults;
pub mod error;
pub mod exec;
pub mod gdb;
pub mod gem5_helpers;
pub mod getvar;
pub mod guest_protocol;
pub mod kconfig;
pub mod layout;
pub mod plan;
pub mod ports;
pub mod program;
pub mod qemu_monitor;
pub mod render;
#[cfg(test)]
mod render_props;
#[cfg(test)]
mod roundtrip_tests;
pub mod run;
pub mod run_record;
pub mod slurm;
pub mod sweep;
pub mod targets;
pub mod test;
pub mod tools;

pub use error::usage_error;
