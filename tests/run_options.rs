//! Options that cannot work are errors with a reason and exit status 2,
//! before anything runs; `lkmc test --dry-run` prints and starts nothing.

use std::process::Command;

fn lkmc(args: &[&str]) -> (i32, String) {
    let out_dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(args)
        .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
        .env("LKMC_OUT_DIR", out_dir.path())
        .output()
        .expect("lkmc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), text)
}

#[test]
fn impossible_run_options_exit_2_with_a_reason() {
    let cases: [(&[&str], &str); 10] = [
        (
            &["--stdin-file", "userland/c/getchar.in"],
            "--stdin-file does not apply to a full-system run",
        ),
        (
            &[
                "-a",
                "aarch64",
                "-u",
                "userland/c/getchar.c",
                "--stdin-file",
                "/nonexistent",
            ],
            "--stdin-file /nonexistent: no such file",
        ),
        (
            &["-e", "native", "-u", "userland/c/hello.c", "--kvm"],
            "--kvm does not apply to --emulator native runs",
        ),
        (&["--emulator", "gem5", "--graphic"], "are for QEMU"),
        (&["--emulator", "gem5", "--vnc"], "are for QEMU"),
        (&["--cpus", "0"], "--cpus"),
        (&["--memory", "1T"], "more than this machine"),
        (&["--memory", "lots"], "is not a size"),
        (&["--kernel-cli", "a\nb"], "control character"),
        (
            &[
                "--arch",
                "aarch64",
                "-u",
                "userland/c/hello.c",
                "-u",
                "userland/c/hello.c",
            ],
            "--userland was given 2 times",
        ),
    ];
    for (args, why) in cases {
        let mut a = vec!["run", "--dry-run"];
        a.extend_from_slice(args);
        let (code, text) = lkmc(&a);
        assert_eq!(code, 2, "{args:?}: {text}");
        assert!(text.contains(why), "{args:?}: {text}");
    }
}

/// The file is the program's stdin on every runner of a user-mode program:
/// QEMU user mode and native as a redirection, gem5's se.py as --input.
#[test]
fn stdin_file_is_the_programs_stdin() {
    let input = format!("{}/userland/c/getchar.in", env!("CARGO_MANIFEST_DIR"));
    for (runner, redirect) in [
        (&["-a", "aarch64"][..], format!("< {input}")),
        (&["-e", "native"][..], format!("< {input}")),
        (
            &["-e", "gem5", "-a", "aarch64"][..],
            format!("--input {input}"),
        ),
    ] {
        let mut a = vec!["run", "--dry-run", "-u", "userland/c/getchar.c"];
        a.extend_from_slice(runner);
        a.extend(["--stdin-file", "userland/c/getchar.in"]);
        let (code, text) = lkmc(&a);
        assert_eq!(code, 0, "{runner:?}: {text}");
        assert!(text.contains(&redirect), "{runner:?}: {text}");
    }
}

#[test]
fn debug_vm_has_no_short_flag_that_means_something_else_in_build() {
    let (code, text) = lkmc(&["run", "--dry-run", "-D"]);
    assert_eq!(code, 2, "{text}");
}

/// Under strace: the only program started is lkmc itself.
#[test]
fn test_dry_run_prints_every_test_and_starts_no_process() {
    if Command::new("strace").arg("-V").output().is_err() {
        panic!("strace is needed for this test: apt-get install strace");
    }
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace");
    let o = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=execve,execveat,clone3,vfork,fork",
            "-o",
        ])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_lkmc"))
        .args(["test", "--dry-run", "--all-archs", "--suite", "all"])
        .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
        .env("LKMC_OUT_DIR", dir.path().join("out"))
        .output()
        .expect("strace runs");
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for emulator in [
        "qemu-system-x86_64",
        "qemu-system-arm",
        "qemu-system-aarch64",
        "qemu-aarch64",
        "gdb-multiarch",
    ] {
        assert!(
            text.contains(emulator),
            "no {emulator} command printed:\n{text}"
        );
    }
    let trace = std::fs::read_to_string(&trace).unwrap();
    let execs: Vec<&str> = trace.lines().filter(|l| l.contains("execve(")).collect();
    assert_eq!(
        execs.len(),
        1,
        "lkmc started programs:\n{}",
        execs.join("\n")
    );
}
