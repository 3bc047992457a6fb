//! The userland programs and their suite, without running any of them.

use std::path::Path;
use std::process::Command;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// Every program's announcement parses (an unknown `only:` word or a bad
/// `expect-exit:` is an error), for every arch, and no two sources of an
/// arch build the same program.
#[test]
fn every_announcement_parses() {
    let src = Path::new(REPO).join("userland");
    for arch in lkmc::arch::Arch::ALL {
        let programs = lkmc::targets::userland::programs(&src, arch)
            .unwrap_or_else(|e| panic!("{arch}: {e:#}"));
        let in_suite = programs
            .iter()
            .filter(|(rel, _)| lkmc::targets::userland::in_suite(rel))
            .count();
        // The issue asks for at least 120 per arch.
        assert!(in_suite >= 120, "{arch}: only {in_suite} programs");
    }
}

/// `lkmc test --dry-run --suite userland` prints a QEMU user-mode command per
/// program that applies, the native ones for the host's arch, and the boot.
#[test]
fn dry_run_prints_each_run() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args([
            "test",
            "--dry-run",
            "--arch",
            "aarch64",
            "--suite",
            "userland",
        ])
        .env("LKMC_REPO", REPO)
        .env("LKMC_OUT_DIR", dir.path().join("out"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{text}");
    let user = text.matches("qemu-aarch64").count();
    assert!(user >= 120, "{user} user-mode commands:\n{text}");
    assert!(
        text.contains("userland/default/aarch64/cpp/hello.out"),
        "{text}"
    );
    assert!(text.contains("qemu-system-aarch64"), "{text}");
    // `stdin:` goes to lkmc run --stdin-file, which redirects the program's stdin.
    assert!(text.contains("/getchar.out \\\n  < "), "{text}");
    assert!(
        !text.contains("skip aarch64 userland user-mode/c/getchar"),
        "{text}"
    );
    // Skips say why, and manual programs never run.
    assert!(
        text.contains("skip aarch64 userland user-mode/posix/sleep_forever")
            && text.contains("only: manual"),
        "{text}"
    );
    assert!(!text.contains("aarch64/posix/sleep_forever.out"), "{text}");
    assert!(
        !dir.path().join("out/test").exists(),
        "a dry run wrote results"
    );
}
