//! Real `lkmc build` runs against the guest kernels that CI builds first
//! (`lkmc build --arch ARCH` in .ci/run): the .ko files lkmc expects are the
//! ones Kbuild makes, a deleted .ko is rebuilt, and --force-rebuild/--clean
//! of modules leave the kernel alone. The modules are built in a temporary
//! output dir that links to the default one's kernel, so the default output
//! dir is only read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn lkmc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(args)
        .env("LKMC_REPO", REPO)
        .env_remove("TMUX")
        .output()
        .expect("lkmc runs")
}

fn getvar(arch: &str, name: &str) -> PathBuf {
    let o = lkmc(&["--arch", arch, "getvar", name]);
    assert!(o.status.success());
    PathBuf::from(String::from_utf8_lossy(&o.stdout).trim())
}

/// A real build in `out`; returns what lkmc said (its step lines).
fn build(out: &Path, args: &[&str]) -> String {
    let mut all = vec!["--out-dir", out.to_str().unwrap(), "--arch", "aarch64"];
    all.push("build");
    all.extend_from_slice(args);
    let o = lkmc(&all);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "lkmc {all:?} failed:\n{text}");
    text
}

#[test]
#[ignore = "needs the guest kernels and modules built in the default output dir (CI builds them first)"]
fn built_modules_are_up_to_date_for_every_built_arch() {
    let mut checked = 0;
    for arch in ["x86_64", "arm", "aarch64"] {
        let modules = getvar(arch, "kernel_modules_build_dir");
        if !modules.join("modules.order").exists() {
            continue;
        }
        checked += 1;
        let o = lkmc(&["--arch", arch, "--dry-run", "build", "modules"]);
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("# modules: up to date"),
            "{arch}: the modules built in {} do not match the .ko files lkmc expects \
             (or kernel_modules/ changed since they were built):\n{text}",
            modules.display()
        );
    }
    assert!(checked > 0, "no modules built: run `lkmc build` first");
}

#[test]
#[ignore = "needs the aarch64 kernel built in the default output dir (CI builds it first); builds the modules (about a minute)"]
fn deleted_ko_is_rebuilt_and_modules_options_leave_the_kernel_alone() {
    let linux = getvar("aarch64", "linux_build_dir");
    assert!(
        linux.join("vmlinux").exists(),
        "build the aarch64 kernel first: lkmc build --arch aarch64"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let link = |real: PathBuf, rel: &str| {
        let at = out.join(rel);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(real, at).unwrap();
    };
    link(linux.clone(), "linux/default/aarch64");
    let source = getvar("aarch64", "linux_source_dir");
    if source.starts_with(getvar("aarch64", "out_dir")) {
        link(source, "linux-source/linux-source-6.1");
    }
    let kos = out.join("kernel_modules/default/aarch64");

    build(&out, &["modules"]);
    let again = build(&out, &["modules"]);
    assert!(again.contains("modules: up to date"), "{again}");

    std::fs::remove_file(kos.join("hello.ko")).unwrap();
    let rebuilt = build(&out, &["modules"]);
    assert!(rebuilt.contains("modules: done"), "{rebuilt}");
    assert!(kos.join("hello.ko").exists(), "{rebuilt}");

    for opt in ["--force-rebuild", "--clean"] {
        let text = build(&out, &[opt, "modules"]);
        assert!(text.contains("modules: done"), "{opt}: {text}");
        assert!(text.contains("linux-config: up to date"), "{opt}: {text}");
        assert!(!text.contains("linux: done"), "{opt}: {text}");
        assert!(!text.contains("linux-source: done"), "{opt}: {text}");
        assert!(kos.join("hello.ko").exists(), "{opt}: {text}");
    }
}
