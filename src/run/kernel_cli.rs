//! The guest kernel command line: lkmc's defaults, then the user's.

use crate::arch::Arch;
use crate::cli::RunArgs;
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
    pub console: bool,
    pub disk: bool,
    pub args: &'a RunArgs,
}

pub fn build(o: &CliOptions) -> String {
    let mut w: Vec<String> = Vec::new();
    if o.console {
        w.push(format!("console={}", o.arch.console()));
    }
    // nokaslr: GDB needs the addresses in vmlinux. panic=-1 + QEMU -no-reboot:
    // a panic ends the emulator at once instead of hanging.
    w.extend(["nokaslr", "panic=-1", "printk.time=y", "quiet"].map(String::from));
    w.extend(o.arch.row().kernel_cli.iter().map(|s| s.to_string()));
    if o.disk {
        w.extend(["root=/dev/vda", "rw", "init=/init"].map(String::from));
    }
    if let Some(e) = &o.args.eval {
        w.push(format!("{}={}", guest_protocol::EVAL_PARAM, encode(e)));
    }
    if let Some(e) = &o.args.eval_after {
        w.push(format!(
            "{}={}",
            guest_protocol::EVAL_AFTER_PARAM,
            encode(e)
        ));
    }
    w.extend(o.args.kernel_cli.iter().cloned());
    if !o.args.kernel_cli_after_dash.is_empty() {
        w.push("--".into());
        w.extend(o.args.kernel_cli_after_dash.iter().cloned());
    }
    w.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_is_base64() {
        assert_eq!(encode("insmod hello.ko"), "aW5zbW9kIGhlbGxvLmtv");
    }
}
