//! Everything the host and the guest agree on, defined once on the host
//! side. The guest side is shell and C under rootfs_overlay/ and
//! baremetal/lib/; a test below checks that each name is still used there.

/// Kernel parameter (init sees it as a variable): base64 shell code that
/// init runs instead of a shell, then powers off.
pub const EVAL_PARAM: &str = "lkmc_eval";
/// Kernel parameter: base64 shell code run at the end of boot, then the shell.
pub const EVAL_AFTER_PARAM: &str = "lkmc_eval_after";
/// Kernel parameter: power off once the boot (and the eval-after code) is done.
pub const QUIT_AFTER_BOOT_PARAM: &str = "lkmc_quit_after_boot";
/// The guest prints this followed by the `--eval` code's exit status.
pub const EXIT_STATUS_PREFIX: &str = "lkmc_exit_status_";
/// Kernel parameter telling init that it runs on gem5, where only
/// `m5 exit` ends the simulation (a reboot does not).
pub const GEM5_PARAM: &str = "lkmc_gem5";
/// Kernel parameter telling init to run the `m5 readfile` script once booted
/// (given only with --gem5-readfile).
pub const GEM5_READFILE_PARAM: &str = "lkmc_gem5_readfile";
/// 9p mount tag of the host's output dir (mounted at /mnt/out).
pub const OUT_9P_TAG: &str = "lkmc_out";
/// Name of the virtio serial port that gdbserver in the guest talks on.
pub const GDBSERVER_PORT_NAME: &str = "lkmc.gdbserver";
/// The guest's TCP port where `gdbserver.sh --net` listens (forwarded from
/// the host's gdbserver_net_port).
pub const GDBSERVER_GUEST_PORT: u32 = 1234;
/// First word of the argument block lkmc loads for baremetal programs.
pub const BAREMETAL_ARGV_MAGIC: &str = "lkmc_argv";
/// A line that guest commands of the GDB tests print when GDB may attach
/// (host side only: the tests' own guest commands print it).
pub const GDB_READY: &str = "lkmc_gdb_ready";

/// What gem5's config scripts print when the simulated program (syscall
/// emulation) or `m5 fail` ends with a non-zero status; gem5 itself exits 0.
pub const GEM5_EXIT_CODE_PREFIX: &str = "Simulated exit code not 0! Exit code is ";

/// `lkmc_exit_status_N` as the guest prints it.
pub fn exit_status_line(status: i32) -> String {
    format!("{EXIT_STATUS_PREFIX}{status}")
}

/// The status gem5 reports for the simulated program, when not 0.
pub fn gem5_exit_code(output: &str) -> Option<i32> {
    output
        .lines()
        .filter_map(|l| l.strip_prefix(GEM5_EXIT_CODE_PREFIX)?.trim().parse().ok())
        .next_back()
}

/// The last exit status the guest printed on its console.
pub fn last_exit_status(console: &str) -> Option<i32> {
    console
        .lines()
        .filter_map(|l| {
            let i = l.find(EXIT_STATUS_PREFIX)?;
            let digits: String = l[i + EXIT_STATUS_PREFIX.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            digits.parse().ok()
        })
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guest_sources() -> String {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = String::new();
        let mut dirs = vec![repo.join("rootfs_overlay"), repo.join("baremetal/lib")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    text.push_str(&t);
                }
            }
        }
        text
    }

    #[test]
    fn the_guest_side_uses_every_name() {
        let guest = guest_sources();
        for name in [
            EVAL_PARAM,
            EVAL_AFTER_PARAM,
            QUIT_AFTER_BOOT_PARAM,
            EXIT_STATUS_PREFIX,
            GEM5_PARAM,
            GEM5_READFILE_PARAM,
            OUT_9P_TAG,
            GDBSERVER_PORT_NAME,
            &format!(":{GDBSERVER_GUEST_PORT}"),
            BAREMETAL_ARGV_MAGIC,
        ] {
            assert!(
                guest.contains(name),
                "nothing under rootfs_overlay/ or baremetal/lib uses {name}"
            );
        }
    }

    #[test]
    fn reads_the_last_status() {
        let console = format!("a\n{}\n{}\n", exit_status_line(3), exit_status_line(0));
        assert_eq!(last_exit_status(&console), Some(0));
        assert_eq!(last_exit_status("nothing"), None);
    }
}
