//! Run ids. Each id has its own run dir and ports; a running `lkmc run` (or
//! test boot) holds the lock file `out/run/<id>.lock` for its whole life, so
//! two lkmc processes never share an id, and leaves `out/run/<id>.json`
//! saying what runs there, for `lkmc gdb` and the other helpers.

use crate::error::usage_error;
use anyhow::{Context, Result};
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

/// Ids that runs without `-n` take; tests take theirs from `TEST_IDS`, so
/// they never take the ports of a user's own runs.
pub const USER_IDS: std::ops::Range<u32> = 0..90;
pub const TEST_IDS: std::ops::Range<u32> = 90..200;

/// A run id held until this value is dropped (or the process dies: the
/// kernel releases the lock).
#[derive(Debug)]
pub struct Claim {
    pub id: u32,
    _lock: File,
}

fn lock_path(out: &Path, id: u32) -> PathBuf {
    out.join("run").join(format!("{id}.lock"))
}

fn record_path(out: &Path, id: u32) -> PathBuf {
    out.join("run").join(format!("{id}.json"))
}

/// Takes the lock of `id` if nobody holds it. A failed try is repeated a
/// few times: `in_use` probes hold a shared lock for an instant.
fn try_lock(out: &Path, id: u32) -> Result<Option<Claim>> {
    let path = lock_path(out, id);
    std::fs::create_dir_all(path.parent().expect("has a parent"))?;
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    for _ in 0..5 {
        // SAFETY: flock on a file descriptor we own.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(Some(Claim { id, _lock: f }));
        }
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    Ok(None)
}

/// Whether a live lkmc process holds `id`: a shared-lock probe, so that
/// probes (dry runs, `lkmc gdb`) never disturb each other, and no file is
/// created for an id nobody took.
pub fn in_use(out: &Path, id: u32) -> bool {
    let Ok(f) = File::open(lock_path(out, id)) else {
        return false;
    };
    // SAFETY: flock on a file descriptor we own; the lock ends with `f`.
    unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) != 0 }
}

/// The id a run takes: `requested` (an error when it is in use), or the
/// lowest free id of `range` whose ports are free (`ports_free`): the lock
/// files only see runs of the same output dir, not those of another checkout.
pub fn claim(
    out: &Path,
    requested: Option<u32>,
    range: std::ops::Range<u32>,
    ports_free: impl Fn(u32) -> bool,
) -> Result<Claim> {
    if let Some(id) = requested {
        return try_lock(out, id)?.ok_or_else(|| {
            usage_error(format!(
                "run id {id} is in use by another lkmc run; leave out -n to take a free one, \
                 or end that run first"
            ))
        });
    }
    for id in range.clone() {
        if let Some(c) = try_lock(out, id)?
            && ports_free(id)
        {
            return Ok(c);
        }
    }
    Err(usage_error(format!(
        "every run id from {} to {} is in use (by lkmc runs, or something listens on its ports)",
        range.start,
        range.end - 1
    )))
}

/// The id a run would take now, without holding it (what `--dry-run` prints).
pub fn peek(
    out: &Path,
    requested: Option<u32>,
    range: std::ops::Range<u32>,
    ports_free: impl Fn(u32) -> bool,
) -> u32 {
    requested.unwrap_or_else(|| {
        range
            .clone()
            .find(|&id| !in_use(out, id) && ports_free(id))
            .unwrap_or(range.start)
    })
}

/// What a run leaves for `lkmc gdb` and friends.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub arch: String,
    pub emulator: String,
    /// system, user, baremetal or native.
    pub mode: String,
    /// The emulator waits for GDB before the first instruction.
    pub gdb_wait: bool,
    pub gdb_port: u32,
}

pub fn write(out: &Path, id: u32, r: &RunRecord) -> Result<()> {
    let path = record_path(out, id);
    std::fs::write(&path, serde_json::to_string(r)?)
        .with_context(|| format!("writing {}", path.display()))
}

/// The record of the run that holds `id` now (None when no run holds it).
pub fn read_live(out: &Path, id: u32) -> Option<RunRecord> {
    if !in_use(out, id) {
        return None;
    }
    let text = std::fs::read_to_string(record_path(out, id)).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: u32) -> bool {
        true
    }

    #[test]
    fn ids_whose_ports_are_taken_are_passed_over() {
        let d = tempfile::tempdir().unwrap();
        let taken_elsewhere = |id: u32| id != 0;
        assert_eq!(peek(d.path(), None, USER_IDS, taken_elsewhere), 1);
        assert_eq!(
            claim(d.path(), None, USER_IDS, taken_elsewhere).unwrap().id,
            1
        );
    }

    #[test]
    fn two_claims_never_share_an_id() {
        let d = tempfile::tempdir().unwrap();
        let a = claim(d.path(), None, USER_IDS, any).unwrap();
        let b = claim(d.path(), None, USER_IDS, any).unwrap();
        assert_eq!((a.id, b.id), (0, 1));
        assert!(claim(d.path(), Some(0), USER_IDS, any).is_err());
        assert_eq!(peek(d.path(), None, USER_IDS, any), 2);
        drop(a);
        assert_eq!(claim(d.path(), None, USER_IDS, any).unwrap().id, 0);
        assert!(claim(d.path(), Some(0), USER_IDS, any).is_ok());
    }

    #[test]
    fn a_record_is_read_only_while_its_run_lives() {
        let d = tempfile::tempdir().unwrap();
        let c = claim(d.path(), Some(3), USER_IDS, any).unwrap();
        let r = RunRecord {
            arch: "aarch64".into(),
            emulator: "qemu".into(),
            mode: "system".into(),
            gdb_wait: true,
            gdb_port: 45487,
        };
        write(d.path(), 3, &r).unwrap();
        assert_eq!(read_live(d.path(), 3), Some(r));
        drop(c);
        // A process that another test forks in these moments shares the
        // lock's open file until its exec closes it: give that a moment.
        let t = std::time::Instant::now();
        while read_live(d.path(), 3).is_some() && t.elapsed().as_secs() < 5 {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(read_live(d.path(), 3), None);
    }
}
