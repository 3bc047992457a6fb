//! Checking a point before anything runs: its `lkmc run` command runs with
//! --dry-run, so a value the run rejects fails the whole sweep with the
//! run's own reason.

use crate::cli::Cli;
use crate::layout::Layout;
use crate::usage_error;
use anyhow::Result;
use clap::Parser;

/// The highest run id whose QEMU ports (QEMU_PORT_BASE + 10 * id + 6) exist.
const MAX_RUN_ID: u32 = (65535 - crate::layout::QEMU_PORT_BASE - 6) / 10;

/// Point `index`'s run id.
pub fn run_id(first: u32, index: usize) -> Result<u32> {
    let id = first as u64 + index as u64;
    if id > MAX_RUN_ID as u64 {
        return Err(usage_error(format!(
            "point {index} would take run id {id}, but ids end at {MAX_RUN_ID} (their ports \
             end at 65535): give a lower --first-run-id or fewer points"
        )));
    }
    Ok(id as u32)
}

/// Checks `argv` (`lkmc run ...`) by running it with --dry-run: the run's
/// own checks, and its own reason when it rejects a value. With `real`, the
/// run id must also be free. Returns the point's layout.
pub fn check(argv: &[String], real: bool) -> Result<Layout> {
    let mut dry = argv.to_vec();
    dry.insert(2, "--dry-run".into());
    let out = duct::cmd(&dry[0], &dry[1..])
        .stdout_null()
        .stderr_capture()
        .unchecked()
        .run()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.trim().lines().last().unwrap_or("").to_string();
        return Err(usage_error(
            last.trim_start_matches("lkmc: error: ").to_string(),
        ));
    }
    // The run's layout as the child sees it: with the defaults files.
    let args = argv.iter().map(std::ffi::OsString::from).collect();
    let args = crate::defaults::apply(args, &crate::layout::find_repo())?;
    let cli = Cli::try_parse_from(args).map_err(|e| usage_error(e.to_string()))?;
    let c = cli.common.resolve()?;
    let mut l = Layout::new(&c, c.arch());
    l.run_id = c.run_id.expect("a point's command has its run id");
    if real && crate::run_record::in_use(&l.out, l.run_id) {
        return Err(usage_error(format!(
            "run id {} is in use by another lkmc run: give another --first-run-id",
            l.run_id
        )));
    }
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stop_where_ports_do() {
        assert_eq!(run_id(1000, 5).unwrap(), 1005);
        assert!(run_id(MAX_RUN_ID, 1).is_err());
    }
}
