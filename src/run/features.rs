//! The QEMU full-system features beyond a console boot: the network card,
//! the kernel debugger, record and replay, and instruction traces. Their
//! options are resolved and checked here; qemu.rs and kernel_cli.rs emit them.

use crate::arch::Arch;
use crate::cli::{Emulator, QemuRunArgs, RunArgs};
use crate::layout::Layout;
use crate::program::Mode;
use crate::usage_error;
use anyhow::Result;
use std::path::PathBuf;

/// A virtio-net card on QEMU's user-mode network (the guest is 10.0.2.15,
/// the host 10.0.2.2), with this run id's host forwards on 127.0.0.1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Net {
    /// QEMU's restrict=on: nothing leaves the host but the forwards.
    pub restrict: bool,
    /// Guest connections to 10.0.2.100:PORT reach 127.0.0.1:PORT.
    pub guestfwds: Vec<u16>,
}

/// The guest address that `--net-guestfwd` ports are reached at.
pub const GUESTFWD_ADDRESS: &str = "10.0.2.100";

/// QEMU's log items for `--trace-insts-stdout`: each block's instructions
/// when translated, and each block run (one instruction each, nochain so
/// that every one is logged).
pub const TRACE_INSTS_LOG: &str = "in_asm,exec,nochain";

/// Where `--record` writes and `--replay` reads.
pub fn replay_file(l: &Layout) -> PathBuf {
    l.run_dir().join("replay.bin")
}

/// What a run's features need on the host before QEMU starts: QEMU
/// connects each `--net-guestfwd` port as it starts, and `--replay` reads
/// what `--record` wrote with the same run id.
pub fn check_host(l: &Layout, s: &super::RunSpec) -> Result<()> {
    let guestfwds = s.features.net.iter().flat_map(|n| &n.guestfwds);
    if let Some(p) = guestfwds
        .into_iter()
        .find(|&&p| !crate::ports::listening(p.into()))
    {
        return Err(usage_error(format!(
            "--net-guestfwd {p}: nothing listens on 127.0.0.1:{p}, and QEMU connects to it as it \
             starts: start the host's server first"
        )));
    }
    check_recording(l, s)
}

fn check_recording(l: &Layout, s: &super::RunSpec) -> Result<()> {
    let file = replay_file(l);
    if s.features.rr != Some(Rr::Replay) || file.exists() {
        return Ok(());
    }
    Err(usage_error(format!(
        "--replay: there is no recording {}: record first with `lkmc run --record -n {}` and the \
         same options",
        file.display(),
        l.run_id
    )))
}

/// Where `--trace` events go, as text.
pub fn trace_file(l: &Layout) -> PathBuf {
    l.run_dir().join("trace.txt")
}

/// The second serial port of `arch` (ttyS1, ttyAMA1): `--kgdb`'s.
pub fn second_serial(arch: Arch) -> String {
    format!("{}1", arch.console().trim_end_matches('0'))
}

/// The kernel debugger the guest runs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelDebugger {
    /// KGDB on a second serial port: the kernel waits for GDB at boot.
    Kgdb,
    /// KDB on the console, entered with SysRq g.
    Kdb,
}

/// QEMU record and replay of a whole run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rr {
    Record,
    Replay,
}

impl Rr {
    pub fn name(self) -> &'static str {
        match self {
            Rr::Record => "record",
            Rr::Replay => "replay",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    pub net: Option<Net>,
    pub kernel_debugger: Option<KernelDebugger>,
    pub rr: Option<Rr>,
    /// Every executed instruction on stdout (QEMU -d in_asm,exec).
    pub trace_insts: bool,
}

/// Resolves `a`'s feature options for a run of `m` on `e`; an error names an
/// option that cannot apply and why.
pub fn resolve(m: Mode, e: Emulator, a: &RunArgs) -> Result<Features> {
    let q = &a.qemu;
    check_applies(m, e, q)?;
    let rr = match (q.record, q.replay) {
        (true, _) => Some(Rr::Record),
        (_, true) => Some(Rr::Replay),
        _ => None,
    };
    if let Some(rr) = rr {
        check_rr(rr, a)?;
    }
    let system_qemu = m == Mode::System && e == Emulator::Qemu;
    // A recorded run has no network (its packets are not in the recording).
    let net = (system_qemu && !q.no_net && rr.is_none()).then(|| Net {
        restrict: q.net_restrict,
        guestfwds: q.net_guestfwd.clone(),
    });
    Ok(Features {
        net,
        kernel_debugger: match (q.kgdb, q.kdb) {
            (true, _) => Some(KernelDebugger::Kgdb),
            (_, true) => Some(KernelDebugger::Kdb),
            _ => None,
        },
        rr,
        trace_insts: q.trace_insts_stdout,
    })
}

/// The options that only a QEMU kernel boot (or any QEMU run) has.
fn check_applies(m: Mode, e: Emulator, q: &QemuRunArgs) -> Result<()> {
    let net = q.no_net || q.net_restrict || !q.net_guestfwd.is_empty();
    let kernel = [
        (net, "--no-net, --net-restrict and --net-guestfwd"),
        (q.kgdb, "--kgdb"),
        (q.kdb, "--kdb"),
        (q.record || q.replay, "--record and --replay"),
        (q.headless, "--headless"),
    ];
    let boots_on_qemu = m == Mode::System && e == Emulator::Qemu;
    if let Some((_, opt)) = kernel.iter().find(|(given, _)| *given && !boots_on_qemu) {
        return Err(usage_error(format!(
            "{opt}: only for a QEMU full-system run (no --userland, --baremetal or --emulator gem5)"
        )));
    }
    if q.trace_insts_stdout && e != Emulator::Qemu {
        return Err(usage_error(
            "--trace-insts-stdout is for QEMU; gem5 traces instructions with --trace ExecAll",
        ));
    }
    if q.net_restrict && q.no_net {
        return Err(usage_error(
            "--net-restrict restricts a network that --no-net removes",
        ));
    }
    Ok(())
}

/// What record and replay cannot cover.
fn check_rr(rr: Rr, a: &RunArgs) -> Result<()> {
    let why = if a.cpus > 1 {
        Some("QEMU records one CPU only: leave out --cpus")
    } else if a.kvm {
        Some("KVM runs outside QEMU's instruction counter: leave out --kvm")
    } else if a.disk {
        Some(
            "the disk needs QEMU's blkreplay driver, which lkmc does not set up: boot the initramfs",
        )
    } else if a.qemu.kgdb {
        Some("KGDB's serial port is outside the recording")
    } else if !a.qemu.net_guestfwd.is_empty() {
        Some("a recorded run has no network")
    } else {
        None
    };
    match why {
        Some(w) => Err(usage_error(format!(
            "--{} does not work here: {w}",
            rr.name()
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn features(args: &[&str]) -> Result<Features> {
        let mut argv = vec!["lkmc", "run"];
        argv.extend_from_slice(args);
        let cli = crate::cli::Cli::try_parse_from(argv).unwrap();
        let crate::cli::Command::Run(a) = &cli.command else {
            unreachable!()
        };
        let c = cli.common.resolve().unwrap();
        resolve(crate::program::mode(&c), c.emulator, a)
    }

    #[test]
    fn the_network_is_on_by_default_and_off_under_record() {
        let f = features(&[]).unwrap();
        assert_eq!(f.net.map(|n| n.restrict), Some(false));
        assert!(features(&["--no-net"]).unwrap().net.is_none());
        let f = features(&["--record"]).unwrap();
        assert_eq!((f.net, f.rr), (None, Some(Rr::Record)));
    }

    #[test]
    fn options_that_cannot_apply_are_errors() {
        for bad in [
            &["--record", "--cpus", "2"][..],
            &["--replay", "--disk"],
            &["--kgdb", "--userland", "userland/c/hello.c"],
            &["--no-net", "--emulator", "gem5"],
            &["--no-net", "--net-restrict"],
        ] {
            assert!(features(bad).is_err(), "{bad:?}");
        }
    }
}
