//! Running the emulator with its console watched: output is shown and saved
//! to termout.txt, a kernel panic or oops ends the run with failure within a
//! second, `--timeout` kills a hung guest, and the guest's
//! `lkmc_exit_status_N` becomes lkmc's exit status. SIGINT, SIGTERM or
//! SIGHUP to lkmc end the emulator, and lkmc exits 128 + the signal.

use crate::command::Cmd;
use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Crash {
    Panic,
    Oops,
}

#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// The emulator's own exit code (None when killed).
    pub emulator_status: Option<i32>,
    pub guest_status: Option<i32>,
    pub crash: Option<Crash>,
    pub timed_out: bool,
    /// The signal that made lkmc end the run.
    pub signal: Option<i32>,
    /// The user ended the run with Ctrl-A X (gem5; QEMU exits by itself).
    pub quit: bool,
    pub output: String,
}

/// The last signal (SIGINT, SIGTERM, SIGHUP) that ended a run of this
/// process: callers that run several (test suites) stop there.
static INTERRUPTED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

pub fn interrupted() -> Option<i32> {
    match INTERRUPTED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s),
    }
}

impl Outcome {
    /// lkmc's exit code for this run.
    pub fn exit_code(&self) -> i32 {
        if let Some(sig) = self.signal {
            128 + sig
        } else if self.quit {
            0
        } else if self.timed_out {
            124
        } else if self.crash.is_some() {
            1
        } else if let Some(s) = self.guest_status {
            s
        } else {
            self.emulator_status.unwrap_or(1)
        }
    }
}

pub struct WatchOptions {
    pub timeout: Option<Duration>,
    /// An oops (as opposed to a panic) ends the run.
    pub stop_on_oops: bool,
    /// Echo the console to our stdout.
    pub echo: bool,
    /// Where what the user types goes (an interactive shell).
    pub keyboard: Keyboard,
    /// The program gets our stdout itself instead of a pipe (user-mode
    /// programs: their C library then flushes each line, so output shows as
    /// GDB steps); nothing is scanned or saved.
    pub passthrough: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyboard {
    /// Nowhere: the emulator's stdin is /dev/null.
    None,
    /// The emulator's stdin is ours (QEMU's console is on its stdio).
    Emulator,
    /// lkmc types it into gem5's guest terminal on this port.
    Gem5Terminal(u16),
}

/// Markers the kernel prints when it crashes.
pub fn detect_crash(text: &str) -> Option<Crash> {
    if text.contains("Kernel panic - not syncing") {
        return Some(Crash::Panic);
    }
    const OOPS: [&str; 5] = [
        "Oops:",
        "Internal error: Oops",
        "BUG: kernel NULL pointer dereference",
        "Unable to handle kernel",
        "general protection fault",
    ];
    if OOPS.iter().any(|m| text.contains(m)) || text.contains("\nBUG: ") {
        return Some(Crash::Oops);
    }
    None
}

/// The last `lkmc_exit_status_N` the guest printed.
pub fn guest_status(text: &str) -> Option<i32> {
    crate::guest_protocol::last_exit_status(text)
        .or_else(|| crate::guest_protocol::gem5_exit_code(text))
}

struct TermiosGuard(Option<libc::termios>);

impl TermiosGuard {
    fn save() -> TermiosGuard {
        // SAFETY: tcgetattr only writes into the struct we pass.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
                return TermiosGuard(Some(t));
            }
        }
        TermiosGuard(None)
    }
}

impl Drop for TermiosGuard {
    fn drop(&mut self) {
        // QEMU puts the terminal in raw mode; put it back even if it was killed.
        if let Some(t) = &self.0 {
            // SAFETY: restoring attributes read by tcgetattr on the same fd.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, t);
            }
        }
    }
}

/// Ends the running emulator (from a timer, a crash or a signal).
pub(super) type Kill = Arc<dyn Fn() + Send + Sync>;

/// The emulator's command, dying with lkmc: Ctrl-C or a kill never leaves a
/// QEMU behind.
fn emulator(cmd: &Cmd, o: &WatchOptions) -> duct::Expression {
    let mut e = crate::exec::expression(cmd).unchecked();
    if !o.passthrough {
        e = e.stderr_to_stdout();
    }
    if o.keyboard != Keyboard::Emulator {
        e = e.stdin_null();
    }
    e.before_spawn(|c| {
        use std::os::unix::process::CommandExt;
        // SAFETY: prctl is async-signal-safe and touches no memory of ours.
        unsafe {
            c.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        Ok(())
    })
}

/// Calls `kill` after `delay` unless `done` was set first; sets `fired`.
fn kill_after(delay: Duration, done: &Arc<AtomicBool>, fired: Option<Arc<AtomicBool>>, kill: Kill) {
    let done = done.clone();
    std::thread::spawn(move || {
        let start = Instant::now();
        while start.elapsed() < delay {
            if done.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if let Some(f) = fired {
            f.store(true, Ordering::SeqCst);
        }
        kill();
    });
}

/// Runs `cmd` watched as `o` says; the console goes to `termout` too.
pub fn run(cmd: &Cmd, termout: &Path, o: &WatchOptions) -> Result<Outcome> {
    let _term = TermiosGuard::save();
    let done = Arc::new(AtomicBool::new(false));
    let timed_out = Arc::new(AtomicBool::new(false));
    let quit = Arc::new(AtomicBool::new(false));
    let start = |what: &str| format!("could not start {} ({what})", cmd.program);
    let mut out = if o.passthrough {
        let handle = Arc::new(
            emulator(cmd, o)
                .start()
                .with_context(|| start("passthrough"))?,
        );
        let h = handle.clone();
        guard(o, &done, &timed_out, Arc::new(move || drop(h.kill())));
        let status = handle.wait().map(|x| x.status.code()).unwrap_or(None);
        Outcome {
            emulator_status: status,
            ..Outcome::default()
        }
    } else {
        let reader = Arc::new(
            emulator(cmd, o)
                .reader()
                .with_context(|| start("watched"))?,
        );
        let r = reader.clone();
        let kill: Kill = Arc::new(move || drop(r.kill()));
        guard(o, &done, &timed_out, kill.clone());
        if let Keyboard::Gem5Terminal(port) = o.keyboard {
            super::gem5_keyboard::raw_stdin();
            super::gem5_keyboard::forward(port, done.clone(), quit.clone(), kill.clone());
        }
        let mut out = watch(&reader, termout, o, &done, kill)?;
        if let Ok(Some(x)) = reader.try_wait() {
            out.emulator_status = x.status.code();
        }
        out
    };
    done.store(true, Ordering::SeqCst);
    CURRENT.lock().expect("not poisoned").take();
    out.signal = interrupted();
    out.timed_out = timed_out.load(Ordering::SeqCst);
    out.quit = quit.load(Ordering::SeqCst);
    Ok(out)
}

/// The deadline and the signals, for the emulator that `kill` ends.
fn guard(o: &WatchOptions, done: &Arc<AtomicBool>, timed_out: &Arc<AtomicBool>, kill: Kill) {
    if let Some(t) = o.timeout {
        kill_after(t, done, Some(timed_out.clone()), kill.clone());
    }
    watch_signals();
    *CURRENT.lock().expect("not poisoned") = Some(kill);
}

/// Reads the console to its end: echoed, saved, scanned for crashes.
fn watch(
    reader: &duct::ReaderHandle,
    termout: &Path,
    o: &WatchOptions,
    done: &Arc<AtomicBool>,
    kill: Kill,
) -> Result<Outcome> {
    let mut log = std::fs::File::create(termout)
        .with_context(|| format!("creating {}", termout.display()))?;
    let mut out = Outcome::default();
    let mut text = String::new();
    let mut buf = [0u8; 4096];
    let stdout = std::io::stdout();
    loop {
        let n = match (&*reader).read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let chunk = &buf[..n];
        log.write_all(chunk)?;
        if o.echo {
            let mut s = stdout.lock();
            s.write_all(chunk)?;
            s.flush()?;
        }
        // Scan only the new text plus a little overlap for split markers.
        let scan_from = text.len().saturating_sub(64);
        text.push_str(&String::from_utf8_lossy(chunk));
        if out.crash.is_none()
            && let Some(c) = detect_crash(&text[floor_char(&text, scan_from)..])
        {
            if c == Crash::Panic || o.stop_on_oops {
                // Give the kernel a second to print the trace, then end the run.
                kill_after(Duration::from_millis(1000), done, None, kill.clone());
            }
            out.crash = Some(c);
        }
    }
    if out.crash.is_none() {
        out.crash = detect_crash(&text);
        if out.crash == Some(Crash::Oops) && !o.stop_on_oops {
            // Reported but not fatal when the user allowed oopses.
            out.crash = None;
        }
    }
    out.guest_status = guest_status(&text);
    out.output = text;
    Ok(out)
}

/// The emulator being watched, which a signal to lkmc ends.
static CURRENT: std::sync::Mutex<Option<Kill>> = std::sync::Mutex::new(None);

/// SIGINT, SIGTERM or SIGHUP to lkmc end the watched emulator (lkmc then
/// exits 128 + the signal), or lkmc itself when none runs. A terminal's
/// Ctrl-C only arrives here when the emulator does not own the terminal.
fn watch_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            for sig in signals.forever() {
                INTERRUPTED.store(sig, Ordering::SeqCst);
                match CURRENT.lock().expect("not poisoned").as_ref() {
                    Some(kill) => kill(),
                    None => std::process::exit(128 + sig),
                }
            }
        });
    });
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_crashes_and_status() {
        assert_eq!(
            detect_crash("x\n[ 1.0] Kernel panic - not syncing: hello panic"),
            Some(Crash::Panic)
        );
        assert_eq!(
            detect_crash("[ 1.0] BUG: kernel NULL pointer dereference, address: 0"),
            Some(Crash::Oops)
        );
        assert_eq!(detect_crash("all good\n"), None);
        assert_eq!(
            guest_status("a\nlkmc_exit_status_3\nlkmc_exit_status_0\n"),
            Some(0)
        );
        assert_eq!(guest_status("nothing"), None);
        assert_eq!(
            guest_status("Exiting @ tick 1\nSimulated exit code not 0! Exit code is 3\n"),
            Some(3)
        );
    }
}
