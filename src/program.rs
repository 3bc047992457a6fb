//! What a run runs: a kernel, a user-mode program, a baremetal program or a
//! host program, and where that program's executable is. Shared by `run`,
//! `gdb` and `test`.

use crate::cli::{Common, Emulator, RunArgs};
use crate::error::usage_error;
use crate::layout::Layout;
use anyhow::Result;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A kernel and root filesystem.
    System,
    /// One Linux program under QEMU user mode or gem5 syscall emulation.
    User,
    /// A program on the bare (emulated) hardware.
    Baremetal,
    /// A host program, directly.
    Native,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::System => "system",
            Mode::User => "user",
            Mode::Baremetal => "baremetal",
            Mode::Native => "native",
        }
    }
}

pub fn mode(c: &Common) -> Mode {
    if c.baremetal.is_some() {
        Mode::Baremetal
    } else if c.emulator == Emulator::Native {
        Mode::Native
    } else if c.userland.is_some() {
        Mode::User
    } else {
        Mode::System
    }
}

/// The program a `--userland PATH` means: a source under userland/ maps to its
/// build output; anything else is taken as the executable itself.
pub fn userland_executable(l: &Layout, path: &Path, build_dir: &Path) -> Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let src_root = l.userland_source_dir();
    if abs
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| crate::targets::userland::EXTENSIONS.contains(&x))
    {
        if !abs.exists() {
            return Err(usage_error(format!("{} does not exist", path.display())));
        }
        let rel = abs.strip_prefix(&src_root).map_err(|_| {
            usage_error(format!(
                "{} is not under {}: give the path of a built program instead",
                path.display(),
                src_root.display()
            ))
        })?;
        return Ok(crate::targets::userland::output_for(build_dir, rel));
    }
    if !abs.exists() {
        return Err(usage_error(format!("{} does not exist", path.display())));
    }
    Ok(abs)
}

pub fn cli_args(a: &RunArgs) -> Result<Vec<String>> {
    match &a.cli_args {
        None => Ok(vec![]),
        Some(s) => shlex::split(s)
            .ok_or_else(|| usage_error(format!("--cli-args '{s}' has unbalanced quotes"))),
    }
}
