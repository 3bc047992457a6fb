//! One file per subcommand. Each takes the parsed options, resolves them into
//! the library's values and calls into the library: no logic lives here.

pub mod build;
pub mod completions;
pub mod gdb;
pub mod gem5;
pub mod getvar;
pub mod man;
pub mod qemu_monitor;
pub mod run;
pub mod sweep;
pub mod test;
pub mod toolchain;

use crate::cli::Common;
use crate::exec::ExecOptions;
use crate::layout::Layout;

/// How plans of this invocation are printed or executed.
pub fn exec_options(c: &Common, l: &Layout, force: bool) -> ExecOptions {
    ExecOptions::from_common(c, l, force)
}
