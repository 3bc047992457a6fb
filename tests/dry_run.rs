//! Snapshots of `--dry-run` over the matrix of builds, runs and GDB sessions.
//! The output dir does not exist, so every step shows (nothing is up to date),
//! and paths are shown as $LKMC (the repo) and $OUT (the output dir).

mod common;

use std::process::Command;

const OUT: &str = "/nonexistent/lkmc-out";

fn lkmc(args: &[&str]) -> String {
    let repo = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(common::run_id::pinned(args))
        .env("LKMC_REPO", repo)
        .env("LKMC_OUT_DIR", OUT)
        .env("HOME", "/nonexistent-home")
        .env_remove("TMUX")
        .output()
        .expect("lkmc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "lkmc {args:?} failed:\n{text}");
    text.replace(OUT, "$OUT")
        .replace(env!("CARGO_BIN_EXE_lkmc"), "$LKMC_EXE")
        .replace(repo, "$LKMC")
}

fn snap(name: &str, args: &[&str]) {
    let mut all = vec!["-j", "2", "--dry-run"];
    all.extend_from_slice(args);
    insta::assert_snapshot!(name, lkmc(&all));
}

#[test]
fn build_quick_every_arch() {
    for arch in ["x86_64", "arm", "aarch64"] {
        snap(&format!("build_quick_{arch}"), &["build", "--arch", arch]);
    }
}

#[test]
fn build_kernel_with_config_lines_and_fragments() {
    snap(
        "build_linux_config",
        &[
            "build",
            "--arch",
            "aarch64",
            "linux",
            "--config",
            "CONFIG_KASAN=y",
            "--config",
            "CONFIG_CMDLINE=\"a b\"",
            "--config-fragment",
            "linux_config/debug",
        ],
    );
    snap(
        "build_linux_full",
        &[
            "build",
            "linux",
            "--linux-config",
            "full",
            "--linux-build-id",
            "full",
        ],
    );
    snap(
        "build_modules_subset",
        &["build", "--arch", "arm", "modules", "--module", "hello"],
    );
    snap("build_rootfs_ext2", &["build", "rootfs-ext2"]);
    snap("build_userland_host", &["build", "userland-host"]);
}

#[test]
fn run_every_arch() {
    for arch in ["x86_64", "arm", "aarch64"] {
        snap(&format!("run_{arch}"), &["run", "--arch", arch]);
    }
}

#[test]
fn run_options() {
    snap(
        "run_eval",
        &["run", "--eval", "insmod hello.ko; echo 'done'"],
    );
    snap(
        "run_eval_after",
        &[
            "run",
            "--arch",
            "aarch64",
            "--eval-after",
            "insmod hello.ko",
        ],
    );
    snap(
        "run_disk",
        &["run", "--disk", "--cpus", "2", "--memory", "1G"],
    );
    snap("run_kvm", &["run", "--kvm"]);
    snap("run_debug_vm", &["run", "--debug-vm", "--arch", "arm"]);
    snap(
        "run_gdb_wait",
        &["run", "--arch", "arm", "--gdb-wait", "--run-id", "3"],
    );
    snap("run_gdb_tmux", &["run", "--gdb", "--arch", "aarch64"]);
    snap(
        "run_gem5_tmux",
        &["run", "--emulator", "gem5", "--tmux", "--arch", "aarch64"],
    );
    snap(
        "run_tmux_args",
        &["run", "--tmux-args", "--no-continue hello_init", "--tmux"],
    );
    snap(
        "run_graphic_vnc",
        &["run", "--graphic", "--vnc", "--arch", "aarch64"],
    );
    snap(
        "run_kernel_cli",
        &[
            "run",
            "--kernel-cli",
            "loglevel=8",
            "--kernel-cli-after-dash",
            "myarg",
            "--trace",
            "exec_tb",
            "--no-9p",
            "--",
            "-d",
            "in_asm",
        ],
    );
    snap(
        "run_oneline",
        &["run", "--print-cmd-oneline", "--eval", "true"],
    );
    run_guest_features();
}

/// Network, kernel debuggers, record/replay, traces, a headless display.
fn run_guest_features() {
    snap(
        "run_net_kgdb_trace",
        &[
            "run",
            "--arch",
            "aarch64",
            "--net-restrict",
            "--net-guestfwd",
            "45000",
            "--kgdb",
            "--trace",
            "pl011_write,virtio_set_status",
        ],
    );
    snap(
        "run_record_kdb",
        &[
            "run", "--arch", "arm", "--record", "--kdb", "--eval", "true",
        ],
    );
    snap(
        "run_replay_headless_insts",
        &[
            "run",
            "--replay",
            "--graphic",
            "--headless",
            "--no-net",
            "--trace-insts-stdout",
        ],
    );
}

#[test]
fn run_user_mode_and_native() {
    for arch in ["x86_64", "arm", "aarch64"] {
        snap(
            &format!("run_userland_{arch}"),
            &[
                "run",
                "--arch",
                arch,
                "--userland",
                "userland/c/command_line_arguments.c",
                "--cli-args",
                "a 'b c'",
            ],
        );
    }
    snap(
        "run_userland_gdb_wait",
        &[
            "run",
            "--arch",
            "aarch64",
            "--userland",
            "userland/c/hello.c",
            "--gdb-wait",
        ],
    );
    snap(
        "run_native",
        &[
            "run",
            "--emulator",
            "native",
            "--userland",
            "userland/c/hello.c",
        ],
    );
}

#[test]
fn baremetal_builds_and_runs() {
    for arch in ["arm", "aarch64"] {
        snap(
            &format!("build_baremetal_{arch}"),
            &["build", "--arch", arch, "baremetal"],
        );
        snap(
            &format!("run_baremetal_{arch}"),
            &[
                "run",
                "--arch",
                arch,
                "--baremetal",
                "baremetal/arguments.c",
                "--cli-args",
                "'a b' c",
            ],
        );
        snap(
            &format!("run_baremetal_gem5_{arch}"),
            &[
                "run",
                "--arch",
                arch,
                "--emulator",
                "gem5",
                "--baremetal",
                "userland/c/hello.c",
            ],
        );
    }
    snap(
        "build_baremetal_gem5_aarch64",
        &[
            "build",
            "--arch",
            "aarch64",
            "--emulator",
            "gem5",
            "baremetal",
        ],
    );
    snap(
        "build_qemu_baremetal_aarch64",
        &[
            "build",
            "--arch",
            "aarch64",
            "--qemu-which",
            "lkmc",
            "--gcc-which",
            "crosstool-ng",
            "qemu-baremetal",
        ],
    );
    snap(
        "build_baremetal_crosstool_ng_arm",
        &[
            "build",
            "--arch",
            "arm",
            "--gcc-which",
            "crosstool-ng",
            "baremetal",
        ],
    );
    snap(
        "run_baremetal_gdb_wait",
        &[
            "run",
            "--arch",
            "aarch64",
            "--baremetal",
            "baremetal/hello.c",
            "--gdb-wait",
            "--run-id",
            "1",
        ],
    );
    snap(
        "gdb_baremetal",
        &[
            "gdb",
            "--arch",
            "aarch64",
            "--baremetal",
            "baremetal/hello.c",
            "main",
        ],
    );
}

#[test]
fn gdb_sessions() {
    for arch in ["x86_64", "arm", "aarch64"] {
        snap(
            &format!("gdb_start_kernel_{arch}"),
            &["gdb", "--arch", arch, "start_kernel"],
        );
    }
    snap("gdb_no_continue", &["gdb", "--no-continue"]);
    snap(
        "gdb_file_line",
        &["gdb", "init/main.c:1000", "--run-id", "2"],
    );
    snap("gdb_module_init", &["gdb", "--module", "hello"]);
    snap(
        "gdb_module_function",
        &["gdb", "--module", "hello", "hello_exit", "--batch"],
    );
    snap(
        "gdb_userland",
        &[
            "gdb",
            "--arch",
            "arm",
            "--userland",
            "userland/c/hello.c",
            "main",
        ],
    );
    snap(
        "gdb_before_after",
        &["gdb", "--before", "-nx", "--after", "-ex 'info registers'"],
    );
}

#[test]
fn getvar_lists_paths() {
    insta::assert_snapshot!(
        "getvar_aarch64",
        lkmc(&["getvar", "--arch", "aarch64", "-j", "2"])
    );
    assert_eq!(
        lkmc(&["getvar", "vmlinux"]).trim(),
        "$OUT/linux/default/x86_64/vmlinux"
    );
    assert_eq!(
        lkmc(&["getvar", "gdb_port", "--run-id", "2"]).trim(),
        "21023"
    );
}

#[test]
fn plan_json_has_argv_env_cwd() {
    let text = lkmc(&["run", "--plan-json", "--eval", "true"]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let last = v.as_array().unwrap().last().unwrap();
    assert_eq!(last["kind"], "run");
    assert_eq!(last["program"], "qemu-system-x86_64");
    assert!(
        last["args"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "-no-reboot")
    );
}

fn lkmc_status(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(args)
        .env("LKMC_OUT_DIR", OUT)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn bad_input_exits_2_with_a_useful_message() {
    let (code, err) = lkmc_status(&["run", "--arch", "mips", "--dry-run"]);
    assert_eq!(code, 2);
    assert!(err.contains("x86_64") && err.contains("aarch64"), "{err}");
    let (code, err) = lkmc_status(&["run", "--emulator", "bochs", "--dry-run"]);
    assert_eq!(code, 2);
    assert!(err.contains("qemu") && err.contains("gem5"), "{err}");
    let (code, err) = lkmc_status(&["run", "--baremetal", "baremetal/hello.c", "--dry-run"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--arch aarch64"), "{err}");
    let (code, err) = lkmc_status(&[
        "run",
        "--arch",
        "arm",
        "--baremetal",
        "baremetal/no_such.c",
        "--dry-run",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    let (code, err) = lkmc_status(&[
        "run",
        "--arch",
        "arm",
        "--emulator",
        "gem5",
        "--machine",
        "RealViewPBX",
        "--baremetal",
        "baremetal/hello.c",
        "--dry-run",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("VExpress_GEM5_V1"), "{err}");
    let (code, err) = lkmc_status(&[
        "run",
        "--arch",
        "arm",
        "--baremetal",
        "baremetal/hello.c",
        "--eval",
        "true",
        "--dry-run",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--eval does not apply"), "{err}");
    let (code, err) = lkmc_status(&["run", "--userland", "no/such/file.c", "--dry-run"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    let (code, err) = lkmc_status(&["build", "no-such-target", "--dry-run"]);
    assert_eq!(code, 2);
    assert!(err.contains("valid targets"), "{err}");
}

/// `lkmc ... | head` must not end in a panic when head stops reading.
#[test]
fn a_closed_stdout_ends_lkmc_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(["--dry-run", "build", "--arch", "arm"])
        .env("LKMC_OUT_DIR", OUT)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader is gone before lkmc prints
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(141), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
