//! What a person does at the guest console, through a real pseudo-terminal
//! (tmux, each test on its own tmux server), and what a shell does to a
//! running lkmc: several runs at once, signals. They boot the aarch64 guest
//! (`lkmc build --arch aarch64`, which CI does first); run them with
//! `cargo test -- --include-ignored`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LKMC: &str = env!("CARGO_BIN_EXE_lkmc");
const REPO: &str = env!("CARGO_MANIFEST_DIR");
/// Only guards against hangs: a busy 2-core machine boots in seconds.
const LIMIT: Duration = Duration::from_secs(240);

mod common;
use common::tmux;

/// A console test's terminal: lkmc (or any command) in the tmux pane `t`,
/// followed by its exit status.
struct Tmux {
    tmux: tmux::Tmux,
}

impl Tmux {
    fn start(name: &str, command: &str) -> Tmux {
        let script = format!("cd {REPO} && {command}; echo LKMC_EXIT=$?; sleep 600");
        Tmux {
            tmux: tmux::Tmux::start(name, "run", &script),
        }
    }

    fn keys(&self, keys: &[&str]) {
        self.tmux.keys("t", keys);
    }

    /// Waits until the screen shows `text` `times` times.
    fn wait_for(&self, text: &str, times: usize) -> String {
        let mut at = 0;
        for _ in 0..times {
            at = self.tmux.wait_for("t", at, text, LIMIT);
        }
        self.tmux.screen("t")
    }
}

fn interactive_run(name: &str, run_id: u32) -> Tmux {
    let t = Tmux::start(
        name,
        &format!("{LKMC} run --arch aarch64 --net-restrict -n {run_id} --timeout 600"),
    );
    t.wait_for("/lkmc #", 1);
    t
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn poweroff_at_the_guest_shell_ends_the_run_with_0() {
    let t = interactive_run("poweroff", 70);
    t.keys(&["poweroff", "Enter"]);
    t.wait_for("LKMC_EXIT=0", 1);
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn reboot_at_the_guest_shell_ends_the_run_with_0() {
    let t = interactive_run("reboot", 71);
    t.keys(&["reboot", "Enter"]);
    t.wait_for("LKMC_EXIT=0", 1);
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn ctrl_c_stops_the_guest_command_and_ctrl_a_x_quits() {
    let t = interactive_run("keys", 72);
    t.keys(&["sleep 1000", "Enter"]);
    std::thread::sleep(Duration::from_secs(1));
    t.keys(&["C-c"]);
    // The shell is back: a new prompt, and a command runs.
    t.wait_for("/lkmc #", 2);
    t.keys(&["echo still-$((40+2))", "Enter"]);
    t.wait_for("still-42", 1);
    t.keys(&["C-a", "x"]);
    let s = t.wait_for("LKMC_EXIT=", 1);
    assert!(s.contains("LKMC_EXIT=0"), "{s}");
}

/// Four runs started at once without `-n` each take a free run id (its own
/// ports): none fails on a port in use.
#[test]
#[ignore = "boots guests: needs `lkmc build --arch aarch64`"]
fn four_runs_at_once_without_run_ids_all_pass() {
    let children: Vec<_> = (0..4)
        .map(|i| {
            Command::new(LKMC)
                .args(["run", "--arch", "aarch64", "--net-restrict"])
                .args(["--timeout", "600", "--eval"])
                .arg(format!("echo run-{i}-ok"))
                .env("LKMC_REPO", REPO)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("lkmc starts")
        })
        .collect();
    for (i, c) in children.into_iter().enumerate() {
        let o = c.wait_with_output().expect("lkmc runs");
        let text = String::from_utf8_lossy(&o.stdout);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "run {i}: {text}{err}");
        assert!(text.contains(&format!("run-{i}-ok")), "{text}");
    }
}

/// SIGINT (and SIGTERM) to lkmc end the emulator: lkmc exits 128 + the
/// signal and no QEMU of that run is left.
#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn a_signal_ends_the_run_and_its_emulator() {
    for (sig, id) in [("INT", 73), ("TERM", 74)] {
        // A console left by an earlier run would look like this one's.
        let termout = format!("{REPO}/out/run/qemu/aarch64/{id}/termout.txt");
        let _ = std::fs::remove_file(&termout);
        let child = Command::new(LKMC)
            .args([
                "run",
                "--arch",
                "aarch64",
                "--net-restrict",
                "-n",
                &id.to_string(),
            ])
            .args([
                "--timeout",
                "600",
                "--eval",
                "echo lkmc-sleeping; sleep 1000",
            ])
            .env("LKMC_REPO", REPO)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("lkmc starts");
        let pid = child.id();
        let start = Instant::now();
        while !std::fs::read_to_string(&termout)
            .unwrap_or_default()
            .contains("lkmc-sleeping")
        {
            assert!(
                start.elapsed() < LIMIT,
                "the guest never started its command"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        assert!(
            Command::new("kill")
                .arg(format!("-{sig}"))
                .arg(pid.to_string())
                .status()
                .unwrap()
                .success()
        );
        let o = child.wait_with_output().unwrap();
        let want = 128 + if sig == "INT" { 2 } else { 15 };
        assert_eq!(o.status.code(), Some(want), "SIG{sig}");
        // The emulator's monitor port of this run id is gone with it.
        let monitor = format!("telnet:127.0.0.1:{}", 21000 + 10 * id);
        let left = Command::new("pgrep")
            .args(["-f", &monitor])
            .output()
            .unwrap();
        assert!(
            left.stdout.is_empty(),
            "a QEMU of run {id} was left: {}",
            String::from_utf8_lossy(&left.stdout)
        );
    }
}
