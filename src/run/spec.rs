//! A run resolved once: what the command line (or a test) asked for, checked
//! and put in the form the command builders use. The clap structs stop here;
//! qemu.rs, gem5.rs, baremetal.rs and kernel_cli.rs only see a `RunSpec`.

use crate::cli::{Common, Emulator, RootfsWhich, RunArgs};
use crate::layout::Layout;
use crate::program::Mode;
use crate::usage_error;
use anyhow::Result;
use std::path::PathBuf;
use std::time::Duration;

/// `--memory`: the text as given (QEMU reads it as is) and its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    pub text: String,
    pub bytes: u64,
}

impl Memory {
    pub fn mib(&self) -> u64 {
        self.bytes >> 20
    }
}

/// Where the guest's screen goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Display {
    /// The serial console on lkmc's terminal (the default).
    Console,
    /// A window (`--graphic`).
    Window,
    /// A VNC server (`--graphic --vnc`).
    Vnc,
    /// The display device with no window (`--graphic --headless`): the
    /// monitor's `screendump` shows the screen.
    Headless,
}

impl Display {
    /// The guest has a screen (and a framebuffer console on it).
    pub fn graphic(self) -> bool {
        self != Display::Console
    }
}

/// The split `--gdb` / `--tmux` opens beside the emulator.
#[derive(Clone, Debug)]
pub struct TmuxSplit {
    /// The lkmc subcommand run in the split (gdb, gem5-shell, ...).
    pub program: String,
    /// Its arguments; None means lkmc's default for the mode.
    pub args: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RunSpec {
    pub mode: Mode,
    pub emulator: Emulator,
    /// `--userland` programs (gem5 syscall emulation runs one per CPU).
    pub userlands: Vec<PathBuf>,
    pub baremetal: Option<PathBuf>,
    /// `--cli-args`, split once.
    pub cli_args: Vec<String>,
    pub stdin_file: Option<PathBuf>,
    pub memory: Memory,
    pub cpus: u32,
    pub kvm: bool,
    /// The emulator waits for GDB before the first instruction.
    pub gdb_wait: bool,
    pub tmux: Option<TmuxSplit>,
    pub display: Display,
    pub eval: Option<String>,
    pub eval_after: Option<String>,
    pub kernel_cli: Vec<String>,
    pub kernel_cli_after_dash: Vec<String>,
    /// The root filesystem is the ext2 image as a disk, not the initramfs.
    pub disk: bool,
    pub share_out_dir: bool,
    pub quit_after_boot: bool,
    pub verbose_boot: bool,
    pub allow_oops: bool,
    pub trace: Option<String>,
    pub debug_vm: bool,
    pub timeout: Option<Duration>,
    pub gem5_readfile: Option<String>,
    pub gem5_restore: Option<u32>,
    /// gem5's own options (CPU model, caches, ...).
    pub gem5: super::gem5::Gem5Spec,
    /// A device tree blob instead of the emulator's own.
    pub dtb: Option<PathBuf>,
    /// Network, kernel debugger, record/replay, instruction trace.
    pub features: super::features::Features,
    /// Extra emulator arguments, after lkmc's.
    pub extra: Vec<String>,
    /// `--out-dir` as given, passed on to the lkmc of the tmux split.
    pub out_dir: Option<PathBuf>,
}

impl RunSpec {
    /// Checks `a` against the mode and emulator it runs in and resolves it.
    pub fn resolve(l: &Layout, c: &Common, a: &RunArgs) -> Result<RunSpec> {
        let mode = crate::program::mode(c);
        reject_options_of_other_modes(mode, l.emulator, a)?;
        check_text(l, a)?;
        Ok(RunSpec {
            mode,
            emulator: l.emulator,
            userlands: userlands(c),
            baremetal: c.baremetal.clone(),
            cli_args: split_cli_args(a.cli_args.as_deref())?,
            stdin_file: stdin_file(a)?,
            memory: memory(&a.memory)?,
            cpus: a.cpus,
            kvm: a.kvm,
            gdb_wait: a.gdb_wait || a.gdb,
            tmux: tmux(l, a),
            display: display(a),
            eval: a.eval.clone(),
            eval_after: a.eval_after.clone(),
            kernel_cli: a.kernel_cli.clone(),
            kernel_cli_after_dash: a.kernel_cli_after_dash.clone(),
            disk: a.disk || l.rootfs_which == RootfsWhich::Buildroot,
            // 9p reads host files as they are now: not replayable.
            share_out_dir: !(a.no_9p || a.qemu.record || a.qemu.replay),
            quit_after_boot: a.quit_after_boot,
            verbose_boot: a.verbose_boot,
            allow_oops: a.allow_oops,
            trace: a.trace.clone(),
            debug_vm: a.debug_vm,
            timeout: a.timeout.map(Duration::from_secs_f64),
            gem5_readfile: a.gem5_readfile.clone(),
            gem5_restore: a.gem5_restore,
            gem5: super::gem5::Gem5Spec::resolve(mode, l.emulator, &a.gem5)?,
            dtb: dtb(mode, &a.gem5)?,
            features: super::features::resolve(mode, l.emulator, a)?,
            extra: a.extra.clone(),
            out_dir: c.out_dir.clone(),
        })
    }

    /// The program of a user-mode or native run.
    pub fn userland(&self) -> Option<&PathBuf> {
        self.userlands.first()
    }

    /// The user's `--kernel-cli init=PROG`, which replaces lkmc's init.
    pub fn user_init(&self) -> Option<&str> {
        self.kernel_cli
            .iter()
            .flat_map(|w| w.split_whitespace())
            .filter_map(|w| w.strip_prefix("init="))
            .next_back()
    }
}

fn display(a: &RunArgs) -> Display {
    match (a.graphic, a.vnc, a.qemu.headless) {
        (false, _, _) => Display::Console,
        (true, _, true) => Display::Headless,
        (true, false, _) => Display::Window,
        (true, true, _) => Display::Vnc,
    }
}

/// `--userland` as given, or the one program a test put in `c.userland`.
fn userlands(c: &Common) -> Vec<PathBuf> {
    if c.userlands.is_empty() {
        c.userland.iter().cloned().collect()
    } else {
        c.userlands.clone()
    }
}

fn tmux(l: &Layout, a: &RunArgs) -> Option<TmuxSplit> {
    if !(a.tmux || a.gdb || a.tmux_program.is_some() || a.tmux_args.is_some()) {
        return None;
    }
    // gem5's guest console is a terminal port: --tmux opens it there; --gdb
    // (and --tmux on QEMU) opens GDB.
    let program = a.tmux_program.clone().unwrap_or_else(|| {
        if l.emulator == Emulator::Gem5 && !a.gdb {
            "gem5-shell"
        } else {
            "gdb"
        }
        .to_string()
    });
    Some(TmuxSplit {
        program,
        args: a.tmux_args.clone(),
    })
}

pub fn split_cli_args(s: Option<&str>) -> Result<Vec<String>> {
    match s {
        None => Ok(vec![]),
        Some(s) => shlex::split(s)
            .ok_or_else(|| usage_error(format!("--cli-args '{s}' has unbalanced quotes"))),
    }
}

fn stdin_file(a: &RunArgs) -> Result<Option<PathBuf>> {
    let Some(p) = &a.stdin_file else {
        return Ok(None);
    };
    if !p.is_file() {
        return Err(usage_error(format!(
            "--stdin-file {}: no such file",
            p.display()
        )));
    }
    Ok(Some(std::path::absolute(p)?))
}

/// `--dtb`: for a kernel, and a file that exists.
fn dtb(m: Mode, a: &crate::cli::Gem5RunArgs) -> Result<Option<PathBuf>> {
    let Some(p) = &a.dtb else {
        return Ok(None);
    };
    if m != Mode::System {
        return Err(usage_error(format!(
            "--dtb does not apply to {}: it describes the machine to a kernel",
            mode_name(m)
        )));
    }
    if !p.is_file() {
        return Err(usage_error(format!("--dtb {}: no such file", p.display())));
    }
    Ok(Some(std::path::absolute(p)?))
}

/// `--memory`, parsed and checked against what can boot and what the host has.
fn memory(text: &str) -> Result<Memory> {
    let bytes = parse_size(text).ok_or_else(|| {
        usage_error(format!(
            "--memory '{text}' is not a size: give e.g. 512M or 2G"
        ))
    })?;
    if bytes < 16 << 20 {
        return Err(usage_error(format!(
            "--memory {text} is below 16M: no kernel boots in it"
        )));
    }
    // An address space of 1T is fine for the host, but the emulator would
    // really try to back it: anything over the host's RAM fails late.
    if let Some(host) = host_memory()
        && bytes > host
    {
        return Err(usage_error(format!(
            "--memory {text} is more than this machine's {} MiB of RAM",
            host >> 20
        )));
    }
    Ok(Memory {
        text: text.to_string(),
        bytes,
    })
}

/// Text that would only fail inside the emulator or the guest.
fn check_text(l: &Layout, a: &RunArgs) -> Result<()> {
    let words = a.kernel_cli.iter().chain(&a.kernel_cli_after_dash);
    if let Some(w) = words.clone().find(|w| w.chars().any(char::is_control)) {
        return Err(usage_error(format!(
            "--kernel-cli {w:?} has a control character (a newline?): the kernel command line is one line"
        )));
    }
    if l.emulator == Emulator::Gem5 && (a.graphic || a.vnc) {
        return Err(usage_error(
            "--graphic and --vnc are for QEMU: gem5's console is a terminal port (`lkmc gem5-shell`)",
        ));
    }
    Ok(())
}

/// `512M`, `2G`, `1024K`, or bytes.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits.parse().ok()?;
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

fn host_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb << 10)
}

/// Options that only mean something in another mode are errors, not silently
/// ignored: the user would think they took effect.
fn reject_options_of_other_modes(m: Mode, e: Emulator, a: &RunArgs) -> Result<()> {
    const KERNEL: &str = "it is for booting a kernel";
    const GEM5: &str = "it is for --emulator gem5";
    let system_only = m != Mode::System;
    let checks: [(bool, &str, &str); 17] = [
        (system_only && a.eval.is_some(), "--eval", KERNEL),
        (
            system_only && a.eval_after.is_some(),
            "--eval-after",
            KERNEL,
        ),
        (
            system_only && !a.kernel_cli.is_empty(),
            "--kernel-cli",
            KERNEL,
        ),
        (
            system_only && !a.kernel_cli_after_dash.is_empty(),
            "--kernel-cli-after-dash",
            KERNEL,
        ),
        (system_only && a.disk, "--disk", KERNEL),
        (
            system_only && a.quit_after_boot,
            "--quit-after-boot",
            KERNEL,
        ),
        (system_only && a.verbose_boot, "--verbose-boot", KERNEL),
        (system_only && a.graphic, "--graphic", KERNEL),
        (system_only && a.vnc, "--vnc", KERNEL),
        (
            m == Mode::System && a.cli_args.is_some(),
            "--cli-args",
            "it is for --userland and --baremetal programs; words for the guest's init go in \
             --kernel-cli-after-dash",
        ),
        (
            !matches!(m, Mode::User | Mode::Native) && a.stdin_file.is_some(),
            "--stdin-file",
            "it feeds a --userland program; a guest reads files from the 9p share or --eval",
        ),
        (
            m == Mode::Baremetal && a.kvm,
            "--kvm",
            "baremetal programs run under TCG",
        ),
        (
            m == Mode::Native && a.gdb_wait,
            "--gdb-wait",
            "there is no emulator to wait",
        ),
        (
            m == Mode::Native && a.trace.is_some(),
            "--trace",
            "there is no emulator to trace",
        ),
        (
            m == Mode::Native && a.kvm,
            "--kvm",
            "there is no emulator to accelerate",
        ),
        (
            e != Emulator::Gem5 && a.gem5_readfile.is_some(),
            "--gem5-readfile",
            GEM5,
        ),
        (
            e != Emulator::Gem5 && a.gem5_restore.is_some(),
            "--gem5-restore",
            GEM5,
        ),
    ];
    match checks.iter().find(|(given, _, _)| *given) {
        None => Ok(()),
        Some((_, opt, why)) => Err(usage_error(format!(
            "{opt} does not apply to {}: {why}",
            mode_name(m)
        ))),
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::System => "a full-system run",
        Mode::User => "--userland runs",
        Mode::Baremetal => "--baremetal runs",
        Mode::Native => "--emulator native runs",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("256M"), Some(256 << 20));
        assert_eq!(parse_size("2GiB"), Some(2 << 30));
        assert_eq!(parse_size("1024"), Some(1024));
        assert_eq!(parse_size("lots"), None);
    }

    #[test]
    fn memory_below_a_kernel_is_refused() {
        assert!(memory("8M").is_err());
        assert_eq!(memory("64M").unwrap().mib(), 64);
    }

    #[test]
    fn cli_args_split_once() {
        assert_eq!(
            split_cli_args(Some("a 'b c'")).unwrap(),
            vec!["a".to_string(), "b c".to_string()]
        );
        assert!(split_cli_args(Some("'open")).is_err());
    }
}
