//! `lkmc run` on a pseudo-terminal, as a person runs it: the test reads the
//! screen and types keys, and lkmc sees a real terminal on its stdin.

use crate::cli::Common;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct PtyRun {
    lkmc: Child,
    keys: File,
    screen: Arc<Mutex<String>>,
}

impl PtyRun {
    /// Starts `lkmc run` with `common`'s options and `run_args` (on a free
    /// test run id) on a new pseudo-terminal.
    pub fn start(
        common: &Common,
        arch: crate::arch::Arch,
        run_args: &[&str],
    ) -> Result<PtyRun, String> {
        let (master, slave) = open_pty()?;
        let io = |f: &OwnedFd| f.try_clone().map(Stdio::from).map_err(|e| e.to_string());
        let lkmc = super::lkmc_run_command(common, arch, run_args)
            .stdin(io(&slave)?)
            .stdout(io(&slave)?)
            .stderr(io(&slave)?)
            .spawn()
            .map_err(|e| format!("starting lkmc run: {e}"))?;
        drop(slave);
        let keys = File::from(master.try_clone().map_err(|e| e.to_string())?);
        let screen = Arc::new(Mutex::new(String::new()));
        let s = screen.clone();
        std::thread::spawn(move || {
            let mut from = File::from(master);
            let mut buf = [0u8; 4096];
            // Ends with EIO once every holder of the terminal is gone.
            while let Ok(n) = from.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock()
                    .expect("not poisoned")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Ok(PtyRun { lkmc, keys, screen })
    }

    pub fn pid(&self) -> u32 {
        self.lkmc.id()
    }

    pub fn screen(&self) -> String {
        self.screen.lock().expect("not poisoned").clone()
    }

    /// Waits until the screen shows `text`, lkmc ends, or `limit` passes.
    pub fn wait_for(&mut self, text: &str, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.screen().contains(text) {
                return true;
            }
            if self.exit_code().is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        false
    }

    pub fn type_keys(&mut self, keys: &[u8]) -> Result<(), String> {
        self.keys
            .write_all(keys)
            .map_err(|e| format!("typing: {e}"))
    }

    /// lkmc's exit code, once it has ended.
    pub fn exit_code(&mut self) -> Option<i32> {
        self.lkmc
            .try_wait()
            .ok()
            .flatten()
            .map(|s| s.code().unwrap_or(-1))
    }

    /// Waits for lkmc to end; kills it after `limit`.
    pub fn wait(&mut self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(code) = self.exit_code() {
                return Some(code);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let _ = self.lkmc.kill();
        let _ = self.lkmc.wait();
        None
    }
}

impl Drop for PtyRun {
    fn drop(&mut self) {
        if self.exit_code().is_none() {
            let _ = self.lkmc.kill();
            let _ = self.lkmc.wait();
        }
    }
}

fn open_pty() -> Result<(OwnedFd, OwnedFd), String> {
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes two descriptors, which we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if rc != 0 {
        return Err(format!("openpty: {}", std::io::Error::last_os_error()));
    }
    // SAFETY: both descriptors are fresh from openpty and owned here only.
    Ok(unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) })
}
