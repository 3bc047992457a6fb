//! Ctrl-C in the middle of a run, as a user does it: SIGINT to an `lkmc run`
//! process while its emulator works must end both, with lkmc's exit status
//! 130 (128 + SIGINT).

use crate::cli::Common;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// How long the emulator may take to appear, and lkmc to end after SIGINT.
const LIMIT: Duration = Duration::from_secs(120);

/// Starts `lkmc run` with `common`'s options and `run_args` (a free test run
/// id), waits until its child named `emulator` has run for `settle`, sends
/// lkmc SIGINT, and checks that lkmc exits 130 and the emulator is gone.
pub fn sigint_ends_the_run(
    common: &Common,
    arch: crate::arch::Arch,
    run_args: &[&str],
    emulator: &str,
    settle: Duration,
) -> Result<(), String> {
    let mut lkmc = super::lkmc_run_command(common, arch, run_args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting lkmc run: {e}"))?;
    let result = interrupt(&mut lkmc, emulator, settle);
    if result.is_err() {
        let _ = lkmc.kill();
        let _ = lkmc.wait();
    }
    result
}

fn interrupt(lkmc: &mut Child, emulator: &str, settle: Duration) -> Result<(), String> {
    let start = Instant::now();
    let emu = loop {
        if let Some(pid) = child_named(lkmc.id(), emulator) {
            break pid;
        }
        if start.elapsed() > LIMIT || lkmc.try_wait().ok().flatten().is_some() {
            return Err(format!("lkmc run never started {emulator}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(settle);
    // SAFETY: a signal to our own child process.
    unsafe { libc::kill(lkmc.id() as i32, libc::SIGINT) };
    let start = Instant::now();
    let status = loop {
        if let Some(s) = lkmc.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > LIMIT {
            return Err(format!("lkmc still runs {:?} after SIGINT", LIMIT));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    if status.code() != Some(130) {
        return Err(format!("lkmc exited with {status} after SIGINT, not 130"));
    }
    if std::path::Path::new(&format!("/proc/{emu}")).exists() {
        return Err(format!(
            "{emulator} (pid {emu}) is still there after lkmc ended"
        ));
    }
    Ok(())
}

/// The pid of a child process of `parent` whose name starts with `name`.
pub(super) fn child_named(parent: u32, name: &str) -> Option<u32> {
    let entries = std::fs::read_dir("/proc").ok()?;
    entries.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        // pid (comm) state ppid ...: comm may hold spaces, so split at ')'.
        let (head, tail) = stat.rsplit_once(')')?;
        let comm = head.split_once('(')?.1;
        let ppid: u32 = tail.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == parent && comm.starts_with(name)).then_some(pid)
    })
}
