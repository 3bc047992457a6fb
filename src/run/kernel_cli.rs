//! The guest kernel command line: lkmc's defaults, then the user's.

use super::features::KernelDebugger;
use super::spec::RunSpec;
use crate::arch::Arch;
use crate::guest_protocol;
use base64::Engine;

/// Shell code travels base64-encoded: the kernel command line splits on spaces
/// and has no quoting. Unknown `key=value` parameters reach init as
/// environment variables, which is how rootfs_overlay/init finds them.
pub fn encode(code: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(code.as_bytes())
}

pub struct CliOptions<'a> {
    pub arch: Arch,
    /// The serial port is /dev/console (and shows the kernel's messages).
    pub console: bool,
    pub disk: bool,
    pub spec: &'a RunSpec,
}

pub fn build(o: &CliOptions) -> String {
    let mut w: Vec<String> = Vec::new();
    if o.spec.display.graphic() {
        // The framebuffer console shows the boot too; the last console=
        // (the serial port) stays /dev/console, where init and --eval talk.
        w.push("console=tty0".into());
    }
    if o.console {
        w.push(format!("console={}", o.arch.console()));
    }
    // nokaslr: GDB needs the addresses in vmlinux. panic=-1 + QEMU -no-reboot:
    // a panic ends the emulator at once instead of hanging.
    w.extend(["nokaslr", "panic=-1", "printk.time=y"].map(String::from));
    if !o.spec.verbose_boot {
        w.push("quiet".into());
    }
    w.extend(o.arch.row().kernel_cli.iter().map(|s| s.to_string()));
    let user_init = o.spec.user_init();
    if o.disk {
        w.extend(["root=/dev/vda", "rw"].map(String::from));
        if user_init.is_none() {
            w.push("init=/init".into());
        }
    } else if let Some(init) = user_init {
        // An initramfs boot runs rdinit=, not init=: the user's init takes
        // the place of ours either way.
        w.push(format!("rdinit={init}"));
    }
    if let Some(e) = &o.spec.eval {
        w.push(format!("{}={}", guest_protocol::EVAL_PARAM, encode(e)));
    }
    if let Some(e) = &o.spec.eval_after {
        w.push(format!(
            "{}={}",
            guest_protocol::EVAL_AFTER_PARAM,
            encode(e)
        ));
    }
    if o.spec.quit_after_boot {
        w.push(format!("{}=1", guest_protocol::QUIT_AFTER_BOOT_PARAM));
    }
    w.extend(kernel_debugger(o));
    w.extend(o.spec.kernel_cli.iter().cloned());
    if !o.spec.kernel_cli_after_dash.is_empty() {
        w.push("--".into());
        w.extend(o.spec.kernel_cli_after_dash.iter().cloned());
    }
    w.join(" ")
}

/// `--kgdb`: KGDB on the second serial port, the kernel waiting for GDB
/// early in the boot; `--kdb`: KDB on the console.
fn kernel_debugger(o: &CliOptions) -> Vec<String> {
    match o.spec.features.kernel_debugger {
        Some(KernelDebugger::Kgdb) => vec![
            format!("kgdboc={}", super::features::second_serial(o.arch)),
            "kgdbwait".into(),
        ],
        Some(KernelDebugger::Kdb) => vec![format!("kgdboc={}", o.arch.console())],
        None => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line of `lkmc run --arch aarch64 --kernel-cli W...`.
    fn cli(disk: bool, kernel_cli: &[&str]) -> String {
        use clap::Parser;
        let mut argv = vec!["lkmc", "--out-dir", "/nonexistent/lkmc-out", "run"];
        argv.extend(kernel_cli.iter().flat_map(|w| ["--kernel-cli", w]));
        let cli = crate::cli::Cli::parse_from(argv);
        let crate::cli::Command::Run(a) = &cli.command else {
            unreachable!()
        };
        let l = crate::layout::Layout::new(&cli.common, Arch::Aarch64);
        let spec = RunSpec::resolve(&l, &cli.common, a).unwrap();
        build(&CliOptions {
            arch: Arch::Aarch64,
            console: true,
            disk,
            spec: &spec,
        })
    }

    #[test]
    fn the_users_init_replaces_ours() {
        assert!(cli(true, &[]).contains("init=/init"));
        let disk = cli(true, &["init=/bin/sh"]);
        assert_eq!(disk.matches("init=").count(), 1, "{disk}");
        let ramfs = cli(false, &["init=/bin/sh"]);
        assert!(
            ramfs.contains("rdinit=/bin/sh") && ramfs.contains(" init=/bin/sh"),
            "{ramfs}"
        );
        assert!(!cli(false, &[]).contains("init="));
    }

    #[test]
    fn eval_is_base64() {
        assert_eq!(encode("insmod hello.ko"), "aW5zbW9kIGhlbGxvLmtv");
    }
}
