//! Tasks write their results under the out dir and lkmc reads them on the
//! submitting machine: when the partition has nodes other than this machine,
//! the out dir must be on a filesystem they share.

use anyhow::{Result, bail};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// statfs magic numbers of network and cluster filesystems.
const SHARED: [(i64, &str); 9] = [
    (0x6969, "nfs"),
    (0x0BD0_0BD0, "lustre"),
    (0x4750_4653, "gpfs"),
    (0xFF53_4D42, "cifs"),
    (0xFE53_4D42, "smb2"),
    (0x1983_0326, "beegfs"),
    (0x00C3_6400, "ceph"),
    (0x6573_5546, "fuse"),
    (0x0102_1997, "9p"),
];

fn fs_magic(dir: &Path) -> Option<i64> {
    let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: statfs fills the zeroed struct we own; the path is NUL-terminated.
    let mut s: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut s) } != 0 {
        return None;
    }
    Some(s.f_type as i64)
}

fn this_host() -> Vec<String> {
    let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string()];
    if let Ok(h) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
        let h = h.trim().to_string();
        names.push(h.split('.').next().unwrap_or(&h).to_string());
        names.push(h);
    }
    names
}

/// The nodes that are not this machine, of `nodes`.
pub fn remote_nodes(nodes: &[String], local: &[String]) -> Vec<String> {
    nodes
        .iter()
        .filter(|n| !local.contains(n))
        .cloned()
        .collect()
}

/// The partition's nodes (`sinfo -N`), each once.
fn partition_nodes(partition: Option<&str>) -> Result<Vec<String>> {
    let mut args = vec!["-h", "-N", "-o", "%N"];
    if let Some(p) = partition {
        args.extend(["-p", p]);
    }
    let out = duct::cmd("sinfo", &args)
        .stdout_capture()
        .stderr_capture()
        .unchecked()
        .run()?;
    if !out.status.success() {
        bail!(
            "sinfo failed: {}\nis a controller running? On this machine: scripts/slurm-local.sh start",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort();
    v.dedup();
    Ok(v)
}

/// Fails when the tasks may run on other machines and `out` is on a local
/// filesystem of this one.
pub fn check(out: &Path, partition: Option<&str>) -> Result<()> {
    let remote = remote_nodes(&partition_nodes(partition)?, &this_host());
    if remote.is_empty() {
        return Ok(());
    }
    let magic = fs_magic(out).unwrap_or(0);
    if SHARED.iter().any(|(m, _)| *m == magic) {
        return Ok(());
    }
    bail!(
        "the out dir {} is on a filesystem of this machine only (statfs type {magic:#x}), but \
         the tasks can run on {}: they would write their results where lkmc cannot read them. \
         Give --out-dir a directory every node mounts (NFS, Lustre, GPFS, CephFS, BeeGFS), \
         or --partition one whose only node is this machine",
        out.display(),
        remote.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_other_machines_are_remote() {
        let local = vec!["localhost".to_string(), "vm".to_string()];
        let nodes = vec!["localhost".to_string(), "n1".to_string()];
        assert_eq!(remote_nodes(&nodes, &local), vec!["n1".to_string()]);
        assert!(remote_nodes(&local, &local).is_empty());
    }

    #[test]
    fn a_local_tmp_dir_is_not_shared() {
        let d = tempfile::tempdir().unwrap();
        let m = fs_magic(d.path()).unwrap();
        assert!(!SHARED.iter().any(|(x, _)| *x == m));
    }
}
