//! A guest booting in a thread while a test talks to it from outside (its
//! network, its terminal port, GDB), then ends it and judges its outcome.

use super::Runner;
use crate::arch::Arch;
use crate::cli::{Common, RunArgs};
use crate::layout::Layout;
use crate::run::console::{Keyboard, Outcome, WatchOptions};
use crate::run::launch;
use crate::run_record::TEST_IDS;
use std::time::{Duration, Instant};

/// Seconds a step may take: a guard against hangs only.
pub fn limit(r: &Runner) -> Duration {
    Duration::from_secs_f64(r.args.timeout.min(300.0))
}

pub fn watch(limit: Duration) -> WatchOptions {
    WatchOptions {
        timeout: Some(limit),
        stop_on_oops: true,
        echo: false,
        keyboard: Keyboard::None,
        passthrough: false,
    }
}

/// A guest booting in a thread while the test talks to it from outside.
pub struct Live {
    pub l: Layout,
    _claim: crate::run_record::Claim,
    pub emu: std::thread::JoinHandle<anyhow::Result<Outcome>>,
    pub limit: Duration,
}

impl Live {
    /// Claims a test run id and boots `a`; None under --dry-run (printed).
    pub fn start(r: &Runner, arch: Arch, c: &Common, a: RunArgs) -> Result<Option<Live>, String> {
        let fail = |e: anyhow::Error| format!("{e:#}");
        let l = Layout::new(c, arch);
        let a = super::confined(c, &a);
        if r.dry_run() {
            crate::run::print(l, c, &a, TEST_IDS, &r.eo).map_err(fail)?;
            return Ok(None);
        }
        let (l, claim) = launch::claim(l, c, TEST_IDS).map_err(fail)?;
        let (l2, c2, limit) = (l.clone(), c.clone(), limit(r));
        let emu =
            std::thread::spawn(move || launch::start(&l2, &c2, &a, &watch(limit), |_| Ok(())));
        Ok(Some(Live {
            l,
            _claim: claim,
            emu,
            limit,
        }))
    }

    /// Waits until the console shows `text` (false: the run ended or hung).
    pub fn wait_for(&self, text: &str) -> bool {
        let t = Instant::now();
        loop {
            let console = std::fs::read_to_string(self.l.termout()).unwrap_or_default();
            if console.contains(text) {
                return true;
            }
            if t.elapsed() > self.limit || self.emu.is_finished() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Ends QEMU from its monitor (for guests that wait forever).
    pub fn quit(&self) {
        let _ = crate::qemu_monitor::ask(self.l.qemu_monitor_port(), "quit");
    }

    pub fn end(self) -> Result<Outcome, String> {
        let o = self
            .emu
            .join()
            .map_err(|_| "the emulator thread panicked".to_string())?
            .map_err(|e| format!("{e:#}"))?;
        match &o.crash {
            Some(c) => Err(format!("kernel {c:?}\n{}", super::tail(&o.output, 20))),
            None => Ok(o),
        }
    }
}
