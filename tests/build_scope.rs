//! `lkmc build` on a made-up output dir: what --clean and --force-rebuild
//! reach, which outputs make a step stale, how the kernel tarball is
//! unpacked, and what a missing host package says. Everything here is a
//! --dry-run or --plan-json except the requirement check, which stops a real
//! run before its first step.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn lkmc_in(out: &Path, args: &[&str], path_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lkmc"));
    cmd.arg("--out-dir")
        .arg(out)
        .args(["-j", "2"])
        .args(args)
        .env("LKMC_REPO", REPO)
        .env("HOME", "/nonexistent-home")
        .env_remove("TMUX");
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    cmd.output().expect("lkmc runs")
}

/// stdout of a successful run.
fn lkmc(out: &Path, args: &[&str]) -> String {
    let o = lkmc_in(out, args, None);
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success(),
        "lkmc {args:?} failed:\n{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    text
}

/// The line of `rm -r -f DIR` in a dry run.
fn rm_line(dir: &Path) -> String {
    format!("-r -f {} \\\n", dir.display())
}

#[test]
fn clean_reaches_the_named_targets_only() {
    let out = Path::new("/nonexistent/lkmc-out");
    let linux = out.join("linux/default/aarch64");
    let modules = out.join("kernel_modules/default/aarch64");
    let named = lkmc(
        out,
        &[
            "--arch",
            "aarch64",
            "--dry-run",
            "build",
            "--clean",
            "modules",
        ],
    );
    assert!(named.contains(&rm_line(&modules)), "{named}");
    assert!(!named.contains(&rm_line(&linux)), "{named}");

    let deps = lkmc(
        out,
        &[
            "--arch",
            "aarch64",
            "--dry-run",
            "build",
            "--clean",
            "--with-deps",
            "modules",
        ],
    );
    assert!(deps.contains(&rm_line(&modules)), "{deps}");
    assert!(deps.contains(&rm_line(&linux)), "{deps}");

    // No target named: the default aggregate names everything it builds.
    let all = lkmc(out, &["--arch", "aarch64", "--dry-run", "build", "--clean"]);
    assert!(all.contains(&rm_line(&modules)), "{all}");
    assert!(all.contains(&rm_line(&linux)), "{all}");
    assert!(
        all.contains(&rm_line(&out.join("userland/default/aarch64"))),
        "{all}"
    );
}

/// An aarch64 kernel and its modules that lkmc takes as up to date: the
/// files its steps compare, written in dependency order.
struct BuiltTree {
    _dir: tempfile::TempDir,
    out: PathBuf,
    modules: PathBuf,
}

fn built_tree() -> BuiltTree {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let write = |p: PathBuf, text: &str| {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(out.join("linux-source/linux-source-6.1/.lkmc-unpacked"), "");
    let linux = out.join("linux/default/aarch64");
    write(linux.join(".config"), "CONFIG_ARM64=y\n");
    write(
        linux.join("lkmc_config_request"),
        &format!(
            "base=small\nfragment={REPO}/linux_config/base\nfragment={REPO}/linux_config/aarch64\nfragment={REPO}/linux_config/gem5_arm\n"
        ),
    );
    write(linux.join("vmlinux"), "");
    write(linux.join("arch/arm64/boot/Image"), "");
    // The kernel's modules_install, then ours (written after, so newer).
    write(
        linux.join("lkmc_modules_install/lib/modules/6.1.0/modules.dep"),
        "",
    );
    let modules = out.join("kernel_modules/default/aarch64");
    write(modules.join("install/lib/modules/6.1.0/modules.dep"), "");
    write(modules.join("modules.order"), "");
    for e in std::fs::read_dir(Path::new(REPO).join("kernel_modules")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        if let Some(m) = name.strip_suffix(".c") {
            write(modules.join(format!("{m}.ko")), "");
        }
    }
    BuiltTree {
        _dir: dir,
        out,
        modules,
    }
}

fn dry_build(t: &BuiltTree, args: &[&str]) -> String {
    let mut all = vec!["--arch", "aarch64", "--dry-run", "build"];
    all.extend_from_slice(args);
    lkmc(&t.out, &all)
}

#[test]
fn made_up_tree_is_up_to_date() {
    let t = built_tree();
    let text = dry_build(&t, &["modules"]);
    assert!(text.contains("# linux-config: up to date"), "{text}");
    assert!(text.contains("# modules: up to date"), "{text}");
    assert!(!text.contains("make"), "{text}");
}

#[test]
fn a_deleted_module_is_rebuilt() {
    let t = built_tree();
    std::fs::remove_file(t.modules.join("hello.ko")).unwrap();
    let text = dry_build(&t, &["modules"]);
    assert!(!text.contains("# modules: up to date"), "{text}");
    assert!(
        text.contains(&format!("M={} \\", t.modules.display())),
        "{text}"
    );
    // The kernel is not touched for it.
    assert!(text.contains("# linux-config: up to date"), "{text}");
}

#[test]
fn a_module_that_make_left_alone_is_up_to_date() {
    // Kbuild relinks only the modules whose sources changed, so after an
    // edit most .ko files are older than the newest source.
    let t = built_tree();
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(86400);
    std::fs::File::options()
        .write(true)
        .open(t.modules.join("hello.ko"))
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let text = dry_build(&t, &["modules"]);
    assert!(text.contains("# modules: up to date"), "{text}");
}

#[test]
fn force_rebuild_reaches_the_named_targets_only() {
    let t = built_tree();
    let named = dry_build(&t, &["--force-rebuild", "modules"]);
    assert!(
        named.contains(&format!("M={} \\", t.modules.display())),
        "{named}"
    );
    assert!(named.contains("# linux-config: up to date"), "{named}");
    assert!(!named.contains("+ tar"), "{named}");
    assert!(!named.contains("tinyconfig"), "{named}");

    let deps = dry_build(&t, &["--force-rebuild", "--with-deps", "modules"]);
    assert!(deps.contains("tinyconfig"), "{deps}");
    assert!(!deps.contains("up to date"), "{deps}");
    if tarball_kernel() {
        assert!(deps.contains("+ tar"), "{deps}");
    }

    // No target named: everything of the default target is forced.
    let all = dry_build(&t, &["--force-rebuild"]);
    assert!(!all.contains("up to date"), "{all}");
    assert!(all.contains("tinyconfig"), "{all}");
}

#[test]
fn a_cleaned_target_is_built_again() {
    let t = built_tree();
    let text = dry_build(&t, &["--clean", "modules"]);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s} in:\n{text}"));
    let rm = at(&rm_line(&t.modules));
    let make = at(&format!("M={} \\", t.modules.display()));
    assert!(rm < make, "{text}");
    assert!(text.contains("# linux-config: up to date"), "{text}");
}

/// Adds what the aarch64 rootfs step compares: busybox, every userland
/// program, the initramfs and its staging tree.
fn built_rootfs(t: &BuiltTree) -> PathBuf {
    fn programs(src: &Path, rel: &Path, out: &Path) {
        for e in std::fs::read_dir(src.join(rel)).unwrap() {
            let e = e.unwrap();
            let r = rel.join(e.file_name());
            if e.path().is_dir() {
                programs(src, &r, out);
            } else if r
                .extension()
                .is_some_and(|x| x == "c" || x == "cpp" || x == "S" || x == "in")
            {
                // Programs, and the stdin files copied next to them.
                let p = if r.extension().is_some_and(|x| x == "in") {
                    out.join(&r)
                } else {
                    out.join(r.with_extension("out"))
                };
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, "").unwrap();
            }
        }
    }
    let busybox = t.out.join("busybox/aarch64/bin/busybox");
    std::fs::create_dir_all(busybox.parent().unwrap()).unwrap();
    std::fs::write(&busybox, "").unwrap();
    programs(
        &Path::new(REPO).join("userland"),
        Path::new(""),
        &t.out.join("userland/default/aarch64"),
    );
    // The guest's userland test runner that the build writes.
    std::fs::write(t.out.join("userland/default/aarch64/test.sh"), "").unwrap();
    let rootfs = t.out.join("rootfs/default/aarch64");
    std::fs::create_dir_all(rootfs.join("staging/bin")).unwrap();
    // One initramfs per emulator.
    std::fs::write(rootfs.join("initramfs.cpio"), "").unwrap();
    std::fs::write(rootfs.join("initramfs-gem5.cpio"), "").unwrap();
    std::fs::write(rootfs.join("staging/bin/busybox"), "").unwrap();
    rootfs
}

#[test]
fn a_deleted_staging_tree_is_assembled_again() {
    let t = built_tree();
    let rootfs = built_rootfs(&t);
    let text = dry_build(&t, &["rootfs"]);
    assert!(text.contains("# rootfs: up to date"), "{text}");
    std::fs::remove_dir_all(rootfs.join("staging")).unwrap();
    let text = dry_build(&t, &["rootfs"]);
    assert!(!text.contains("# rootfs: up to date"), "{text}");
    assert!(text.contains("gen_initramfs.sh"), "{text}");
    assert!(text.contains("# modules: up to date"), "{text}");
}

/// gem5's initramfs is packed once m5 is built, without gdbserver; QEMU's
/// leaves m5 out.
#[test]
fn a_built_m5_adds_the_gem5_initramfs() {
    let t = built_tree();
    let rootfs = built_rootfs(&t);
    let m5 = t.out.join("gem5/default/m5/aarch64/m5");
    std::fs::create_dir_all(m5.parent().unwrap()).unwrap();
    std::fs::write(&m5, "").unwrap();
    // The rootfs was packed before m5 existed: QEMU's initramfs only.
    std::fs::remove_file(rootfs.join("initramfs-gem5.cpio")).unwrap();
    let text = dry_build(&t, &["rootfs"]);
    assert!(!text.contains("# rootfs: up to date"), "{text}");
    let gem5_view = rootfs.join("staging-gem5").display().to_string();
    let qemu_view = rootfs.join("staging-qemu").display().to_string();
    for needle in [
        format!("rm \\\n  -f {qemu_view}/usr/bin/m5"),
        format!("-o {}", rootfs.join("initramfs-gem5.cpio").display()),
        gem5_view,
    ] {
        assert!(text.contains(&needle), "{needle} missing in:\n{text}");
    }
}

/// The kernel comes from Debian's tarball (no submodules/linux checkout).
fn tarball_kernel() -> bool {
    !Path::new(REPO).join("submodules/linux/Makefile").exists()
}

#[test]
fn tarball_is_unpacked_beside_the_tree_and_marked_last() {
    if !tarball_kernel() {
        eprintln!("submodules/linux is checked out: no tarball to unpack");
        return;
    }
    let out = Path::new("/nonexistent/lkmc-out");
    let json = lkmc(
        out,
        &["--arch", "aarch64", "--plan-json", "build", "linux-source"],
    );
    let actions: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let argv: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            let mut v = vec![a["program"].as_str().unwrap().to_string()];
            v.extend(
                a["args"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string()),
            );
            v
        })
        .collect();
    let src = out.join("linux-source/linux-source-6.1");
    let stamp = src.join(".lkmc-unpacked").display().to_string();
    let pos = |pred: &dyn Fn(&Vec<String>) -> bool| {
        argv.iter()
            .position(pred)
            .unwrap_or_else(|| panic!("{argv:?}"))
    };
    let unstamp = pos(&|a| a[0] == "rm" && a.contains(&stamp));
    let tar = pos(&|a| a[0] == "tar");
    let mv = pos(&|a| a[0] == "mv");
    let touch = pos(&|a| a[0] == "touch");
    assert!(unstamp < tar && tar < mv && mv < touch, "{argv:?}");
    assert_eq!(touch, argv.len() - 1, "the marker is written last");
    assert_eq!(argv[touch][1], stamp);
    // Unpacked into a temporary dir inside the output dir, not over the tree.
    let dest = &argv[tar][argv[tar].iter().position(|a| a == "-C").unwrap() + 1];
    assert!(Path::new(dest).starts_with(out), "{dest}");
    assert!(!Path::new(dest).starts_with(&src), "{dest}");
    assert_eq!(argv[mv].last().unwrap(), &src.display().to_string());
    // Nothing outside the output dir is removed or written.
    for a in &argv {
        if ["rm", "mv", "rmdir", "touch", "mkdir"].contains(&a[0].as_str()) {
            let paths = a.iter().skip(1).filter(|x| x.starts_with('/'));
            for p in paths {
                assert!(Path::new(p).starts_with(out), "{a:?}");
            }
        }
    }
}

#[test]
fn missing_cross_compiler_names_its_package_and_dash_d() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // A PATH with the shell tools a step starts with, but no compiler.
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    for tool in ["mkdir", "rm", "sh"] {
        if let Ok(p) = which_in_system(tool) {
            std::os::unix::fs::symlink(p, bin.join(tool)).unwrap();
        }
    }
    let o = lkmc_in(
        &out,
        &["--arch", "aarch64", "build", "baremetal"],
        Some(&bin),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("gcc-aarch64-linux-gnu"), "{err}");
    assert!(
        err.contains("lkmc build -D --arch aarch64 baremetal"),
        "{err}"
    );
    // Checked before the first step: nothing was built.
    assert!(!out.join("baremetal").exists(), "{err}");
}

fn which_in_system(tool: &str) -> Result<PathBuf, ()> {
    ["/usr/bin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join(tool))
        .find(|p| p.exists())
        .ok_or(())
}
