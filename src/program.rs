//! What a run runs: a kernel, a user-mode program, a baremetal program or a
//! host program, and where that program's executable is. Shared by `run`,
//! `gdb` and `test`.

use crate::arch::Arch;
use crate::cli::{Common, Emulator, GccWhich};
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

/// Where a dynamically linked guest program finds its loader and libraries
/// on the host (the root and its library dirs), or None when the program can
/// use the host's own.
pub fn guest_sysroot(l: &Layout) -> Option<(PathBuf, Vec<&'static str>)> {
    match l.gcc_which {
        GccWhich::Buildroot => Some((l.buildroot_target_dir(), vec!["lib", "usr/lib"])),
        GccWhich::Host if Arch::host() != Some(l.arch) => Some((
            PathBuf::from("/usr").join(l.arch.debian_prefix()),
            vec!["lib"],
        )),
        _ => None,
    }
}

/// Whether `exe` is an ELF file with a program interpreter (a dynamic loader).
/// Reads its program headers (at its start, where linkers put them); a file
/// that is absent or not ELF is not.
pub fn is_dynamic(exe: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(exe)
        .and_then(|f| f.take(64 << 10).read_to_end(&mut head))
        .is_ok_and(|_| has_interpreter(&head))
}

fn has_interpreter(b: &[u8]) -> bool {
    const PT_INTERP: u32 = 3;
    if b.len() < 52 || &b[..4] != b"\x7fELF" {
        return false;
    }
    let is64 = b[4] == 2;
    let le = b[5] == 1;
    let num = |off: usize, len: usize| -> Option<u64> {
        let bytes = b.get(off..off + len)?;
        let mut v = 0u64;
        for (i, x) in bytes.iter().enumerate() {
            let shift = if le { i } else { len - 1 - i } * 8;
            v |= (*x as u64) << shift;
        }
        Some(v)
    };
    let (phoff, phentsize, phnum) = if is64 {
        (num(0x20, 8), num(0x36, 2), num(0x38, 2))
    } else {
        (num(0x1c, 4), num(0x2a, 2), num(0x2c, 2))
    };
    let (Some(phoff), Some(size), Some(n)) = (phoff, phentsize, phnum) else {
        return false;
    };
    (0..n).any(|i| num((phoff + i * size) as usize, 4) == Some(PT_INTERP as u64))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_lkmc_binary_is_dynamic_and_text_is_not() {
        assert!(super::is_dynamic(&std::env::current_exe().unwrap()));
        assert!(!super::is_dynamic(std::path::Path::new("Cargo.toml")));
    }
}
