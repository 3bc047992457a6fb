//! `--dry-run` of the targets built from upstream sources (Buildroot,
//! crosstool-NG, QEMU, gem5, m5, the docs) and of gem5 runs. None of those
//! sources is on the test machine: the plans must still print exactly.
//! Paths show as $LKMC (the repo) and $OUT (the output dir); compilers, QEMU
//! and the root filesystem are given explicitly so a checked-out submodule
//! does not change the defaults under the snapshots.

use std::path::Path;
mod common;

use std::process::Command;

const OUT: &str = "/nonexistent/lkmc-upstream-out";
const REPO: &str = env!("CARGO_MANIFEST_DIR");
const PINNED: [&str; 8] = [
    "--gcc-which",
    "host",
    "--qemu-which",
    "host",
    "--rootfs-which",
    "busybox",
    "-j",
    "2",
];

/// Runs lkmc; returns its exit code and stdout + stderr with paths replaced.
fn lkmc_in(out: &str, repo: &str, args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(PINNED)
        .args(common::run_id::pinned(args))
        .env("LKMC_REPO", repo)
        .env("LKMC_OUT_DIR", out)
        .env("HOME", "/nonexistent-home")
        .env_remove("TMUX")
        .output()
        .expect("lkmc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (
        o.status.code().unwrap_or(-1),
        text.replace(out, "$OUT").replace(repo, "$LKMC"),
    )
}

/// A dry run that must succeed.
fn dry(args: &[&str]) -> String {
    let mut all = vec!["--dry-run"];
    all.extend_from_slice(args);
    let (code, text) = lkmc_in(OUT, REPO, &all);
    assert_eq!(code, 0, "lkmc {args:?} failed:\n{text}");
    text
}

/// Asserts that each needle occurs, in this order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match text[from..].find(n) {
            Some(i) => from += i + n.len(),
            None => panic!("'{n}' missing (or out of order) in:\n{text}"),
        }
    }
}

#[test]
fn buildroot_configures_then_builds_for_every_arch() {
    for (arch, defconfig) in [
        ("x86_64", "qemu_x86_64_defconfig"),
        ("arm", "qemu_arm_vexpress_defconfig"),
        ("aarch64", "qemu_aarch64_virt_defconfig"),
    ] {
        let text = dry(&["build", "--arch", arch, "buildroot"]);
        let build = format!("O=$OUT/buildroot/build/default/{arch}");
        assert_in_order(
            &text,
            &[
                &format!("mkdir \\\n  -p $OUT/rootfs/default/{arch}/buildroot_overlay"),
                "cd $LKMC/submodules/buildroot &&",
                &build,
                defconfig,
                "cat \\\n  $LKMC/buildroot_config/default \\\n  >> ",
                &format!("cat << 'EOF' >> $OUT/buildroot/build/default/{arch}/.config"),
                "BR2_JLEVEL=2\n",
                "BR2_DL_DIR=\"$OUT/buildroot/download\"",
                &format!("BR2_ROOTFS_OVERLAY=\"$OUT/rootfs/default/{arch}/buildroot_overlay\""),
                "BR2_PACKAGE_BUSYBOX_CONFIG_FRAGMENT_FILES=\"$LKMC/buildroot_config/busybox\"",
                "olddefconfig",
                "FORCE_UNSAFE_CONFIGURE=1",
                &build,
                "all",
            ],
        );
        insta::assert_snapshot!(format!("buildroot_{arch}"), text);
    }
}

#[test]
fn buildroot_takes_br2_config_lines_clean_and_make_args() {
    let text = dry(&[
        "build",
        "buildroot",
        "--config",
        "BR2_PACKAGE_HTOP=y",
        "--clean",
        "-v",
        "--",
        "busybox-reconfigure",
    ]);
    assert_in_order(
        &text,
        &[
            "rm \\\n  -r -f $OUT/buildroot/build/default/x86_64",
            "BR2_PACKAGE_HTOP=y\nEOF",
            "olddefconfig",
            "V=1 \\\n  busybox-reconfigure \\\n  all",
        ],
    );
}

#[test]
fn buildroot_fragments_disable_the_kernel_and_pick_glibc() {
    let default = std::fs::read_to_string(Path::new(REPO).join("buildroot_config/default"))
        .expect("buildroot_config/default");
    for line in [
        "# BR2_LINUX_KERNEL is not set",
        "# BR2_PACKAGE_HOST_QEMU is not set",
        "BR2_TOOLCHAIN_BUILDROOT_GLIBC=y",
        "BR2_PACKAGE_HOST_GDB_PYTHON3=y",
        "BR2_TARGET_ROOTFS_EXT2_2r1=y",
    ] {
        assert!(default.lines().any(|l| l == line), "{line} missing");
    }
    let busybox = std::fs::read_to_string(Path::new(REPO).join("buildroot_config/busybox"))
        .expect("buildroot_config/busybox");
    assert!(busybox.lines().any(|l| l == "CONFIG_CTTYHACK=y"));
}

#[test]
fn overlay_is_assembled_after_modules_and_userland() {
    let text = dry(&["build", "--arch", "aarch64", "overlay"]);
    let overlay = "$OUT/rootfs/default/aarch64/buildroot_overlay";
    assert_in_order(
        &text,
        &[
            "modules",
            "aarch64-linux-gnu-gcc",
            &format!("rm \\\n  -r -f {overlay}"),
            &format!("$LKMC/rootfs_overlay/. \\\n  {overlay}"),
            // The installed modules (lib/modules/...), linked from /lkmc.
            &format!("$OUT/kernel_modules/default/aarch64/install/. \\\n  {overlay}"),
            "../lib/modules/*/extra/*.ko",
            &format!("{overlay}/lkmc/userland"),
            "$OUT/gem5/default/m5/aarch64/m5",
            &format!("{overlay}/usr/bin"),
        ],
    );
}

#[test]
fn crosstool_ng_builds_in_a_copy_for_arm_and_aarch64() {
    for (arch, prefix_dir) in [("arm", "install/arm"), ("aarch64", "install/aarch64")] {
        let text = dry(&["build", "--arch", arch, "crosstool-ng"]);
        let source = "$OUT/crosstool-ng/build/default/source";
        assert_in_order(
            &text,
            &[
                &format!("$LKMC/submodules/crosstool-ng/. \\\n  {source}"),
                &format!("cd {source} && \\\n  {source}/bootstrap"),
                "./configure \\\n  --enable-local",
                "make \\\n  -j2",
                &format!("$LKMC/crosstool_ng_config/{arch} \\\n  {source}/defconfig"),
                &format!("CT_PREFIX_DIR=\"$OUT/crosstool-ng/build/default/{prefix_dir}\""),
                "CT_LOCAL_TARBALLS_DIR=\"$OUT/crosstool-ng/download\"",
                &format!("{source}/ct-ng \\\n  defconfig"),
                &format!("{source}/ct-ng \\\n  build \\\n  CT_JOBS=2"),
            ],
        );
        insta::assert_snapshot!(format!("crosstool_ng_{arch}"), text);
        let config =
            std::fs::read_to_string(Path::new(REPO).join("crosstool_ng_config").join(arch))
                .unwrap();
        assert!(config.contains("CT_LIBC_NEWLIB=y"));
        assert_eq!(config.contains("CT_ARCH_64=y"), arch == "aarch64");
    }
}

#[test]
fn crosstool_ng_refuses_x86_64() {
    let (code, text) = lkmc_in(OUT, REPO, &["--dry-run", "build", "crosstool-ng"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("arm and aarch64"), "{text}");
}

#[test]
fn qemu_configures_once_per_mode_and_arch() {
    for arch in ["x86_64", "arm", "aarch64"] {
        let text = dry(&["build", "--arch", arch, "qemu"]);
        let dir = format!("$OUT/qemu/default/{arch}-softmmu");
        assert_in_order(
            &text,
            &[
                &format!("mkdir \\\n  -p {dir}"),
                &format!("cd {dir} && \\\n  $LKMC/submodules/qemu/configure"),
                &format!("--target-list={arch}-softmmu"),
                "--enable-virtfs",
                &format!("cd {dir} && \\\n  make \\\n  -j2"),
            ],
        );
        let text = dry(&["build", "--arch", arch, "qemu-user"]);
        assert_in_order(
            &text,
            &[
                &format!("--target-list={arch}-linux-user"),
                &format!("cd $OUT/qemu/default/{arch}-linux-user && \\\n  make"),
            ],
        );
        assert!(!text.contains("--enable-virtfs"), "{text}");
    }
    insta::assert_snapshot!("qemu_aarch64", dry(&["build", "--arch", "aarch64", "qemu"]));
    insta::assert_snapshot!(
        "qemu_user_arm",
        dry(&["build", "--arch", "arm", "qemu-user"])
    );
}

#[test]
fn qemu_binaries_are_where_the_builds_leave_them() {
    let mut all = vec!["getvar", "--arch", "arm", "--qemu-which", "lkmc"];
    all.push("qemu_system");
    let (_, text) = lkmc_in(OUT, REPO, &all);
    assert_eq!(text.trim(), "$OUT/qemu/default/arm-softmmu/qemu-system-arm");
    let (_, text) = lkmc_in(
        OUT,
        REPO,
        &[
            "getvar",
            "--arch",
            "arm",
            "--qemu-which",
            "lkmc",
            "qemu_user",
        ],
    );
    assert_eq!(text.trim(), "$OUT/qemu/default/arm-linux-user/qemu-arm");
}

#[test]
fn gem5_builds_bootloaders_for_arm_only() {
    for arch in ["arm", "aarch64"] {
        let text = dry(&["build", "--arch", arch, "gem5"]);
        assert_in_order(
            &text,
            &[
                "$LKMC/submodules/gem5/system/arm/bootloader/arm64",
                "CROSS_COMPILE=aarch64-linux-gnu-",
                "DESTDIR=$OUT/gem5/default/system/binaries",
                "install",
                "-f $LKMC/submodules/gem5/system/arm/bootloader/arm/makefile",
                "CROSS_COMPILE=arm-linux-gnueabihf-",
                "$OUT/gem5/default/system/binaries/boot.arm",
                "-f $LKMC/submodules/gem5/util/term/Makefile",
                "m5term",
                // Kconfig settings once: build_opts/ARM without Ruby.
                "PYTHON_CONFIG=/usr/bin/python3-config",
                "defconfig \\\n  $OUT/gem5/default/build/ARM \\\n  $LKMC/submodules/gem5/build_opts/ARM",
                "setconfig \\\n  $OUT/gem5/default/build/ARM \\\n  RUBY=n",
                "cd $LKMC/submodules/gem5 && \\\n  PYTHON_CONFIG=/usr/bin/python3-config \\\n  scons",
                "--ignore-style",
                "$OUT/gem5/default/build/ARM/gem5.opt",
            ],
        );
    }
    let x86 = dry(&["build", "gem5"]);
    assert!(!x86.contains("bootloader"), "{x86}");
    assert!(
        x86.contains("$OUT/gem5/default/build/X86/gem5.opt"),
        "{x86}"
    );
    insta::assert_snapshot!("gem5_aarch64", dry(&["build", "--arch", "aarch64", "gem5"]));
    insta::assert_snapshot!("gem5_x86_64", x86);
}

#[test]
fn m5_is_cross_compiled_per_abi_and_copied_out() {
    for (arch, abi, prefix) in [
        ("x86_64", "x86", "x86_64-linux-gnu-"),
        ("arm", "arm", "arm-linux-gnueabihf-"),
        ("aarch64", "arm64", "aarch64-linux-gnu-"),
    ] {
        let text = dry(&["build", "--arch", arch, "m5"]);
        assert_in_order(
            &text,
            &[
                "cp \\\n  -r --symbolic-link \\\n  $LKMC/submodules/gem5/util/m5/src \\\n  $OUT/gem5/default/m5-tree/util/m5/src",
                "cd $OUT/gem5/default/m5-tree/util/m5 && \\\n  scons",
                &format!("{abi}.CROSS_COMPILE={prefix}"),
                &format!("build/{abi}/out/m5"),
                &format!("mkdir \\\n  -p $OUT/gem5/default/m5/{arch}"),
                &format!(
                    "{prefix}strip \\\n  -o $OUT/gem5/default/m5/{arch}/m5 \\\n  \
                     $OUT/gem5/default/m5-tree/util/m5/build/{abi}/out/m5"
                ),
            ],
        );
        // lkmc's m5op.S where gem5's puts arguments where gem5 does not read them.
        let own = "ln \\\n  -sfn \\\n  $LKMC/gem5_m5/arm/m5op.S \\\n  \
                   $OUT/gem5/default/m5-tree/util/m5/src/abi/arm/m5op.S";
        assert_eq!(text.contains(own), arch == "arm", "{text}");
    }
    insta::assert_snapshot!("m5_aarch64", dry(&["build", "--arch", "aarch64", "m5"]));
}

#[test]
fn docs_are_built_with_asciidoctor() {
    insta::assert_snapshot!("docs", dry(&["build", "docs"]));
}

#[test]
fn missing_sources_fail_with_the_command_that_fetches_them() {
    // An empty repo: no submodule is there, whatever this checkout has.
    let repo = tempfile::tempdir().unwrap();
    let repo = repo.path().to_str().unwrap();
    for (target, name) in [
        ("buildroot", "buildroot"),
        ("qemu", "qemu"),
        ("gem5", "gem5"),
        ("m5", "gem5"),
    ] {
        let (code, text) = lkmc_in(OUT, repo, &["build", target]);
        assert_eq!(code, 1, "{text}");
        assert!(
            text.contains(&format!("git submodule update --init submodules/{name}")),
            "{text}"
        );
    }
    let (code, text) = lkmc_in(OUT, repo, &["build", "--arch", "arm", "crosstool-ng"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("submodules/crosstool-ng"), "{text}");
}

#[test]
fn gem5_full_system_every_arch() {
    for arch in ["x86_64", "arm", "aarch64"] {
        let text = dry(&["--emulator", "gem5", "--arch", arch, "run"]);
        assert_in_order(
            &text,
            &[
                &format!("cat << 'EOF' > $OUT/run/gem5/{arch}/0/readfile"),
                &format!("$OUT/gem5/default/build/{}/gem5.opt", isa(arch)),
                &format!("--outdir $OUT/run/gem5/{arch}/0/m5out"),
                "--listener-mode on",
                "$LKMC/submodules/gem5/configs/deprecated/example/fs.py",
                &format!("--kernel $OUT/linux/default/{arch}/vmlinux"),
            ],
        );
        // ARM boots the initramfs; X86's fs.py has no initrd: the disk.
        let root: &[&str] = if arch == "x86_64" {
            &[
                "--disk-image $OUT/rootfs/default/x86_64/rootfs.ext2",
                "--num-cpus 1",
                "--command-line '",
                "root=/dev/sda",
                "init=/init",
                "lkmc_gem5=1",
            ]
        } else {
            &[
                "--num-cpus 1",
                "--mem-size 256MB",
                &format!("--script $OUT/run/gem5/{arch}/0/readfile"),
                "--command-line '",
                "lkmc_gem5=1",
                "' \\\n",
                &format!(
                    "system.workload.initrd_filename = \"$OUT/rootfs/default/{arch}/initramfs-gem5.cpio\""
                ),
            ]
        };
        assert_in_order(&text, root);
        assert_eq!(
            text.contains("--disk-image"),
            arch == "x86_64",
            "only X86 boots from the disk:\n{text}"
        );
        insta::assert_snapshot!(format!("run_gem5_{arch}"), text);
    }
}

fn isa(arch: &str) -> &'static str {
    if arch == "x86_64" { "X86" } else { "ARM" }
}

#[test]
fn gem5_arm_machine_bootloader_and_panic() {
    let text = dry(&["-e", "gem5", "-a", "aarch64", "run", "--memory", "1G"]);
    assert_in_order(
        &text,
        &[
            "--mem-size 1GB",
            "earlycon=pl011,0x1c090000",
            "mem=1G",
            "console=ttyAMA0",
            "--machine-type VExpress_GEM5_V1",
            "--bootloader $OUT/gem5/default/system/binaries/boot.arm64",
            "--param 'system.workload.panic_on_panic = True'",
            "--param 'system.workload.panic_on_oops = True'",
            "--param 'import m5; m5.objects.Root.getInstance().system.terminal.port = 3456'",
            "--param 'system.terminal.outfile = \"stdoutput\"'",
        ],
    );
    let v2 = dry(&[
        "-e",
        "gem5",
        "-a",
        "aarch64",
        "--machine",
        "VExpress_GEM5_V2",
        "run",
        "--allow-oops",
    ]);
    assert!(v2.contains("binaries/boot_v2.arm64"), "{v2}");
    assert!(!v2.contains("panic_on_oops"), "{v2}");
    let arm = dry(&["-e", "gem5", "-a", "arm", "run"]);
    assert!(arm.contains("binaries/boot.arm \\"), "{arm}");
    let x86 = dry(&["-e", "gem5", "run"]);
    assert!(
        !x86.contains("--bootloader") && !x86.contains("panic_on"),
        "{x86}"
    );
    assert!(x86.contains("system.pc.com_1.device.port = 3456"), "{x86}");
}

#[test]
fn gem5_run_options() {
    let text = dry(&[
        "-e",
        "gem5",
        "-a",
        "aarch64",
        "--run-id",
        "2",
        "run",
        "--gdb-wait",
        "--trace",
        "Exec,-ExecSymbol",
        "--cpus",
        "2",
        "--gem5-readfile",
        "m5 exit",
        "--eval",
        "true",
        "--",
        "--caches",
    ]);
    assert_in_order(
        &text,
        &[
            "$OUT/run/gem5/aarch64/2/readfile\nm5 exit\nEOF",
            "--debug-flags Exec,-ExecSymbol",
            "--debug-file trace.txt",
            "fs.py",
            "--num-cpus 2",
            "lkmc_eval=dHJ1ZQ==",
            "system.terminal.port = 3464",
            "m5.objects.Root.getInstance().system.workload.remote_gdb_port = 7002",
            "--wait-gdb",
            "--caches",
        ],
    );
    // Caches after `--` get the atomic CPU: lkmc's default bypasses them.
    assert!(text.contains("--cpu-type AtomicSimpleCPU"), "{text}");
    let cached = dry(&["-e", "gem5", "-a", "aarch64", "run", "--l2cache"]);
    assert!(cached.contains("--cpu-type AtomicSimpleCPU"), "{cached}");
    let plain = dry(&["-e", "gem5", "-a", "aarch64", "run"]);
    assert!(plain.contains("--cpu-type NonCachingSimpleCPU"), "{plain}");
    insta::assert_snapshot!("run_gem5_options", text);
    // fs.py fills the command line in with Python's %.
    let percent = dry(&["-e", "gem5", "run", "--kernel-cli", "x=50%"]);
    assert!(percent.contains(" x=50%%'"), "{percent}");
    let kvm = dry(&["-e", "gem5", "run", "--kvm"]);
    assert!(kvm.contains("--cpu-type X86KvmCPU"), "{kvm}");
    let vm = dry(&["-e", "gem5", "run", "--debug-vm"]);
    assert_in_order(
        &vm,
        &["+ gdb \\\n  -q \\\n  --args \\\n  $OUT/gem5/default/build/X86/gem5.opt"],
    );
}

#[test]
fn gem5_restore_picks_the_nth_most_recent_checkpoint() {
    let out = tempfile::tempdir().unwrap();
    let m5out = out.path().join("run/gem5/aarch64/0/m5out");
    // cpt.900 was taken first, then cpt.100 (after a restore of an earlier
    // state): fs.py numbers them by tick, lkmc by age.
    let now = std::time::SystemTime::now();
    for (tick, age) in [(900u64, 20u64), (100, 10), (500, 30)] {
        let d = m5out.join(format!("cpt.{tick}"));
        std::fs::create_dir_all(&d).unwrap();
        let t = now - std::time::Duration::from_secs(age);
        std::fs::File::open(&d).unwrap().set_modified(t).unwrap();
    }
    let dir = out.path().to_str().unwrap();
    let restore = |more: &[&str]| {
        let mut args = vec![
            "--dry-run",
            "-e",
            "gem5",
            "-a",
            "aarch64",
            "run",
            "--gem5-restore",
        ];
        args.extend_from_slice(more);
        lkmc_in(dir, REPO, &args)
    };
    for (n, index) in [("1", "1"), ("2", "3"), ("3", "2")] {
        let (code, text) = restore(&[n]);
        assert_eq!(code, 0, "{text}");
        assert!(
            text.contains(&format!("--checkpoint-restore {index}")),
            "--gem5-restore {n}:\n{text}"
        );
        // lkmc's default CPU restores as itself; a named one is switched to
        // after fs.py's atomic restore.
        assert!(
            text.contains("--restore-with-cpu NonCachingSimpleCPU"),
            "{text}"
        );
    }
    let (code, text) = restore(&["1", "--cpu-type", "TimingSimpleCPU"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("--restore-with-cpu"), "{text}");
    let (code, text) = restore(&["4"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("has 3 checkpoint(s)"), "{text}");
}

#[test]
fn gem5_syscall_emulation() {
    for arch in ["x86_64", "arm", "aarch64"] {
        let text = dry(&[
            "-e",
            "gem5",
            "-a",
            arch,
            "--userland",
            "userland/c/command_line_arguments.c",
            "run",
            "--cli-args",
            "a b",
        ]);
        assert_in_order(
            &text,
            &[
                "$LKMC/submodules/gem5/configs/deprecated/example/se.py",
                "--options 'a b'",
                "--num-cpus 1",
                "--mem-size 256MB",
                "--param 'system.cpu[0].workload[:].release = \"6.1.0\"'",
                // arm's programs are the dietlibc build (gem5 cannot start glibc's).
                &format!(
                    "--cmd $OUT/userland/default/{}/c/command_line_arguments.out",
                    if arch == "arm" { "arm-dietlibc" } else { arch }
                ),
            ],
        );
        insta::assert_snapshot!(format!("run_gem5_se_{arch}"), text);
    }
    let static_ = dry(&[
        "-e",
        "gem5",
        "-a",
        "aarch64",
        "--static",
        "--userland",
        "userland/c/hello.c",
        "run",
        "--gdb-wait",
    ]);
    assert!(!static_.contains("--redirects"), "{static_}");
    assert_in_order(
        &static_,
        &[
            "--wait-gdb",
            "--cmd $OUT/userland/static/aarch64/c/hello.out",
        ],
    );
}

#[test]
fn gem5_syscall_emulation_rejects_what_se_py_cannot_pass() {
    let (code, text) = lkmc_in(
        OUT,
        REPO,
        &[
            "--dry-run",
            "-e",
            "gem5",
            "--userland",
            "userland/c/hello.c",
            "run",
            "--cli-args",
            "'a b'",
        ],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("'a b'"), "{text}");
}

/// gem5's ARM machines load the initramfs 130 MiB into RAM: less memory is
/// an error that says how much, not a gem5 panic about another device.
#[test]
fn gem5_arm_memory_must_hold_the_initramfs() {
    let args = [
        "--dry-run",
        "-a",
        "aarch64",
        "-e",
        "gem5",
        "run",
        "--memory",
    ];
    let (code, text) = lkmc_in(OUT, REPO, &[&args[..], &["128M"]].concat());
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("needs --memory 130M or more"), "{text}");
    let (code, text) = lkmc_in(OUT, REPO, &[&args[..], &["130M"]].concat());
    assert_eq!(code, 0, "{text}");
}

#[test]
fn gem5_shell_and_stat() {
    let text = dry(&["gem5-shell", "--run-id", "1"]);
    assert_eq!(
        text.trim(),
        "+ $OUT/gem5/default/m5term \\\n  localhost \\\n  3460 \\\n;"
    );
    let out = tempfile::tempdir().unwrap();
    let m5out = out.path().join("run/gem5/x86_64/0/m5out");
    std::fs::create_dir_all(&m5out).unwrap();
    std::fs::write(
        m5out.join("stats.txt"),
        "---------- Begin Simulation Statistics ----------\n\
         simTicks 1000 # Number of ticks simulated (Tick)\n\
         system.cpu.numCycles 2 # Number of cpu cycles simulated (Cycle)\n",
    )
    .unwrap();
    let dir = out.path().to_str().unwrap();
    let (code, text) = lkmc_in(dir, REPO, &["gem5-stat", "Ticks$"]);
    assert_eq!((code, text.as_str()), (0, "simTicks 1000\n"));
    let (code, _) = lkmc_in(dir, REPO, &["gem5-stat", "nothing"]);
    assert_eq!(code, 1);
}
