//! Real boots: `lkmc run` exit status, panic detection and the hang timeout.
//! They need the aarch64 guest built (`lkmc build --arch aarch64`), as CI does
//! before running them; run them with `cargo test -- --include-ignored`.

use std::process::Command;
use std::time::{Duration, Instant};

fn lkmc(args: &[&str]) -> (i32, String, Duration) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(args)
        .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lkmc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text, t.elapsed())
}

/// Each test has its own run id, so its own ports and run dir: they run in parallel.
fn run(run_id: u32, extra: &[&str]) -> (i32, String, Duration) {
    let id = format!("--run-id={run_id}");
    let mut a = vec!["run", "--arch", "aarch64", "--net-restrict", id.as_str()];
    a.extend_from_slice(extra);
    lkmc(&a)
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn eval_exit_status_becomes_lkmcs() {
    let (code, out, _) = run(80, &["--eval", "echo guest-says-hi; exit 3"]);
    assert!(out.contains("guest-says-hi"), "{out}");
    assert_eq!(code, 3, "{out}");
    let (code, out, _) = run(80, &["--eval", "true"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn a_panic_fails_the_run_at_once() {
    // SysRq c crashes the kernel on purpose.
    let (code, out, took) = run(
        81,
        &[
            "--eval",
            "echo c > /proc/sysrq-trigger; sleep 30",
            "--timeout",
            "60",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Kernel panic - not syncing"), "{out}");
    assert!(out.contains("guest kernel panic"), "{out}");
    // Far less than the 30 s the guest would otherwise sleep.
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn a_hung_guest_is_killed_by_the_timeout() {
    let (code, out, took) = run(
        82,
        &[
            "--eval",
            "echo before-the-hang; sleep 1000",
            "--timeout",
            "4",
        ],
    );
    assert_eq!(code, 124, "{out}");
    assert!(out.contains("did not finish in time"), "{out}");
    assert!(
        out.contains("| before-the-hang"),
        "last console lines are shown: {out}"
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
#[ignore = "boots a guest: needs `lkmc build --arch aarch64`"]
fn eval_after_runs_then_the_shell_and_9p_shares_the_output_dir() {
    // With a non-tty stdin the shell reads our commands: exit powers off.
    let mut child = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(["run", "--arch", "aarch64", "--net-restrict", "--run-id=83"])
        .args(["--eval-after", "insmod hello.ko", "--timeout", "60"])
        .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::{Read, Write};
    // Type only once the shell is there: a UART drops what arrives before.
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("/lkmc #") {
        let n = stdout.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "guest ended early: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(
            b"ls /mnt/out/kernel_modules/default/aarch64/hello.ko && echo shell-$((40+2))\nexit\n",
        )
        .unwrap();
    stdout.read_to_end(&mut seen).unwrap();
    child.wait().unwrap();
    let text = String::from_utf8_lossy(&seen);
    assert!(text.contains("hello init"), "{text}");
    assert!(text.contains("shell-42"), "{text}");
}
