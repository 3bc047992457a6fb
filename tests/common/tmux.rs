//! A tmux server of a test's own (its own socket, never the user's), killed
//! with whatever it runs when the test ends, passed or not. Panes are named
//! as tmux targets (`t`, `t:run.0`).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A server with session `t` (200x50), its first window `window`
    /// running `command`.
    pub fn start(name: &str, window: &str, command: &str) -> Tmux {
        let t = Tmux {
            socket: format!("lkmc-test-{name}-{}", std::process::id()),
        };
        t.cmd(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "200",
            "-y",
            "50",
            "-n",
            window,
            command,
        ]);
        t
    }

    /// Runs a tmux command on this server; it must succeed.
    pub fn cmd(&self, args: &[&str]) -> String {
        let o = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .output()
            .expect("tmux runs");
        assert!(
            o.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// Sends tmux key names (`Enter`, `C-c`, or words) to `pane`.
    pub fn keys(&self, pane: &str, keys: &[&str]) {
        let mut a = vec!["send-keys", "-t", pane];
        a.extend_from_slice(keys);
        self.cmd(&a);
    }

    /// Types `line` into `pane` literally, then Enter.
    pub fn type_line(&self, pane: &str, line: &str) {
        self.cmd(&["send-keys", "-t", pane, "-l", line]);
        self.cmd(&["send-keys", "-t", pane, "Enter"]);
    }

    /// What `pane` shows, with its history; empty when it does not exist.
    pub fn screen(&self, pane: &str) -> String {
        Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "capture-pane",
                "-p",
                "-J",
                "-S",
                "-5000",
            ])
            .args(["-t", pane])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    /// Every pane's screen, for a failure report.
    fn all_screens(&self) -> String {
        let panes = self.cmd(&[
            "list-panes",
            "-a",
            "-F",
            "#{session_name}:#{window_name}.#{pane_index}",
        ]);
        panes
            .lines()
            .map(|p| format!("--- {p} ---\n{}", self.screen(p)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Waits until `pane` shows `what` after the first `after` bytes of its
    /// text; returns where it ends.
    pub fn wait_for(&self, pane: &str, after: usize, what: &str, limit: Duration) -> usize {
        let t = Instant::now();
        loop {
            let s = self.screen(pane);
            if let Some(i) = s.get(after..).and_then(|rest| rest.find(what)) {
                return after + i + what.len();
            }
            assert!(
                t.elapsed() < limit,
                "{pane} did not show {what:?} in {limit:?}.\n{}",
                self.all_screens()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
