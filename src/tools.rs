//! Host tools lkmc runs, and the Debian package that provides each, so that a
//! missing tool produces an error that says what to install.

use anyhow::{Result, bail};

/// Debian package providing a program, for error messages and
/// --download-dependencies.
pub fn debian_package(program: &str) -> Option<&'static str> {
    let p = program;
    Some(match p {
        "qemu-system-x86_64" => "qemu-system-x86",
        "qemu-system-arm" | "qemu-system-aarch64" => "qemu-system-arm",
        _ if p.starts_with("qemu-") && p.ends_with("-static") => "qemu-user-static",
        "qemu-img" => "qemu-utils",
        "aarch64-linux-gnu-gcc" | "aarch64-linux-gnu-ld" => "gcc-aarch64-linux-gnu",
        "arm-linux-gnueabihf-gcc" | "arm-linux-gnueabihf-ld" => "gcc-arm-linux-gnueabihf",
        "x86_64-linux-gnu-gcc" | "x86_64-linux-gnu-ld" => "gcc-x86-64-linux-gnu",
        "arm-none-eabi-gcc" => "gcc-arm-none-eabi",
        "gdb-multiarch" => "gdb-multiarch",
        "gdb" => "gdb",
        "make" => "make",
        "gcc" => "gcc",
        "bc" => "bc",
        "flex" => "flex",
        "bison" => "bison",
        "mke2fs" => "e2fsprogs",
        "cpio" => "cpio",
        "tar" | "xz" => "xz-utils",
        "tmux" => "tmux",
        "dpkg" | "dpkg-deb" => "dpkg",
        "apt-get" => "apt",
        "git" => "git",
        "scons" => "scons",
        "asciidoctor" => "asciidoctor",
        "telnet" => "telnet",
        "rsync" => "rsync",
        "perl" => "perl",
        "busybox" => "busybox-static",
        _ => return None,
    })
}

/// Fails with an install hint when a program is not on PATH (absolute paths
/// are checked for existence).
pub fn require(program: &str) -> Result<()> {
    let found = if program.contains('/') {
        std::path::Path::new(program).exists()
    } else {
        which::which(program).is_ok()
    };
    if found {
        return Ok(());
    }
    let base = program.rsplit('/').next().unwrap_or(program);
    match debian_package(base) {
        Some(pkg) => bail!(
            "{program} not found: install it with `apt-get install {pkg}` or run `lkmc build --download-dependencies`"
        ),
        None => bail!("{program} not found: build it first (see `lkmc build --list-targets`)"),
    }
}
