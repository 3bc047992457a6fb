//! Following an array job until every task has ended: `squeue` while the
//! controller remembers the job (it keeps ended tasks for MinJobAge, with
//! their final state), then `sacct` for tasks it has forgotten.

use anyhow::{Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

/// States of a task that has not ended yet.
const ACTIVE: [&str; 10] = [
    "PENDING",
    "CONFIGURING",
    "RUNNING",
    "COMPLETING",
    "SUSPENDED",
    "REQUEUED",
    "REQUEUE_HOLD",
    "RESIZING",
    "SIGNALING",
    "STAGE_OUT",
];

pub fn is_active(state: &str) -> bool {
    ACTIVE.contains(&state)
}

/// `INDEX|STATE` lines of squeue (or `JOBID_INDEX|STATE ...` of sacct) as a
/// map; lines of other jobs' steps (`123_4.batch`) are left out.
pub fn parse_states(text: &str) -> BTreeMap<usize, String> {
    let mut m = BTreeMap::new();
    for line in text.lines() {
        let Some((id, state)) = line.trim().split_once('|') else {
            continue;
        };
        let index = id.rsplit('_').next().unwrap_or(id);
        let state = state.split_whitespace().next().unwrap_or("").to_string();
        if let Ok(i) = index.parse::<usize>() {
            m.insert(i, state);
        }
    }
    m
}

/// The tasks the controller knows of, with their states; None once it has
/// forgotten the whole job.
fn squeue(job_id: &str) -> Result<Option<BTreeMap<usize, String>>> {
    let out = duct::cmd!(
        "squeue", "-h", "-r", "-t", "all", "-j", job_id, "-o", "%K|%T"
    )
    .stdout_capture()
    .stderr_capture()
    .unchecked()
    .run()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("Invalid job id") {
            return Ok(None);
        }
        bail!("squeue -j {job_id} failed: {}", err.trim());
    }
    Ok(Some(parse_states(&String::from_utf8_lossy(&out.stdout))))
}

/// Final states from accounting; empty when the cluster keeps none.
fn sacct(job_id: &str) -> BTreeMap<usize, String> {
    let out = duct::cmd!("sacct", "-n", "-X", "-P", "-j", job_id, "-o", "JobID,State")
        .stdout_capture()
        .stderr_null()
        .unchecked()
        .run();
    match out {
        Ok(o) if o.status.success() => parse_states(&String::from_utf8_lossy(&o.stdout)),
        _ => BTreeMap::new(),
    }
}

/// The tasks of `indices` that squeue shows ended since `last`. A pending
/// task that `scancel JOB_N` removes leaves no record at all: gone from a
/// job the controller still knows, it was cancelled.
fn ended_now(
    indices: &[usize],
    last: &BTreeMap<usize, String>,
    now: Option<&BTreeMap<usize, String>>,
) -> Vec<(usize, String)> {
    let Some(now) = now else {
        return Vec::new();
    };
    let mut v = Vec::new();
    for &i in indices {
        let was_active = last.get(&i).is_none_or(|s| is_active(s));
        match now.get(&i) {
            Some(s) if !is_active(s) && was_active => v.push((i, s.clone())),
            None if was_active => v.push((i, "CANCELLED".into())),
            _ => {}
        }
    }
    v
}

fn bar(len: usize, label: &str, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(len as u64);
    b.set_style(
        ProgressStyle::with_template("{prefix} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
            .expect("static template"),
    );
    b.set_prefix(label.to_string());
    b
}

/// Waits until every task of `indices` has ended; returns each one's final
/// Slurm state (UNKNOWN when neither squeue nor sacct knows it).
pub fn follow(
    job_id: &str,
    indices: &[usize],
    label: &str,
    quiet: bool,
) -> Result<BTreeMap<usize, String>> {
    let b = bar(indices.len(), label, quiet);
    let mut last: BTreeMap<usize, String> = BTreeMap::new();
    loop {
        let now = squeue(job_id)?;
        let known = now.is_some();
        for (i, s) in ended_now(indices, &last, now.as_ref()) {
            if !quiet {
                b.suspend(|| eprintln!("lkmc: slurm job {job_id} task {i}: {s}"));
            }
            last.insert(i, s);
        }
        for (i, s) in now.unwrap_or_default() {
            last.insert(i, s);
        }
        let active = |i: &usize| last.get(i).is_none_or(|s| is_active(s));
        let running = indices.iter().filter(|i| active(i)).count();
        b.set_position((indices.len() - running) as u64);
        b.set_message(format!("job {job_id}: {running} pending or running"));
        if running == 0 || !known {
            break;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    b.finish_and_clear();
    let forgotten: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|i| last.get(i).is_none_or(|s| is_active(s)))
        .collect();
    if !forgotten.is_empty() {
        let acct = sacct(job_id);
        for i in forgotten {
            let s = acct.get(&i).cloned().unwrap_or_else(|| "UNKNOWN".into());
            last.insert(i, s);
        }
    }
    Ok(indices
        .iter()
        .map(|i| (*i, last.get(i).cloned().unwrap_or_default()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_squeue_and_sacct_lines() {
        let m = parse_states("0|COMPLETED\n3|PENDING\n");
        assert_eq!(m.get(&0).unwrap(), "COMPLETED");
        assert_eq!(m.get(&3).unwrap(), "PENDING");
        let m = parse_states("41_2|CANCELLED by 0\n41_2.batch|CANCELLED\n");
        assert_eq!(m.len(), 1);
        assert_eq!(m.get(&2).unwrap(), "CANCELLED");
        assert!(is_active("RUNNING") && !is_active("FAILED"));
    }

    #[test]
    fn a_pending_task_that_vanishes_was_cancelled() {
        let last = parse_states("0|RUNNING\n1|PENDING\n2|PENDING\n");
        let now = parse_states("0|COMPLETED\n1|RUNNING\n");
        let e = ended_now(&[0, 1, 2], &last, Some(&now));
        assert_eq!(e, vec![(0, "COMPLETED".into()), (2, "CANCELLED".into())]);
        // Reported once.
        let mut last = now.clone();
        last.insert(2, "CANCELLED".into());
        assert!(ended_now(&[0, 1, 2], &last, Some(&now)).is_empty());
        assert!(ended_now(&[0], &last, None).is_empty());
    }
}
