//! Kconfig drops options whose dependencies are off without a word; lkmc
//! fails naming them. Needs the kernel sources (`lkmc build` unpacks them).

use std::process::Command;

#[test]
#[ignore = "configures a kernel: needs the kernel sources unpacked by `lkmc build`"]
fn a_dropped_option_is_an_error_that_names_it() {
    // 9P_FS needs NETWORK_FILESYSTEMS and INET, which `--custom-config-file`
    // of a bare tinyconfig does not give; asked for alone it is dropped.
    let out = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args([
            "build",
            "--arch",
            "aarch64",
            "--linux-build-id",
            "test-dropped",
            "linux",
            "--config",
            "CONFIG_9P_FS=y",
            "--config",
            "CONFIG_NET=n",
        ])
        .env("LKMC_REPO", env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("CONFIG_9P_FS=y"), "{err}");
    assert!(err.contains("Kconfig dropped"), "{err}");
    assert!(
        err.contains("full log:"),
        "a failed step points at its log: {err}"
    );
}
