//! One point of a sweep as it runs: `lkmc sweep-point` runs the point's
//! `lkmc run` command with its output in the point's log, and records the
//! exit status, the wall time and the chosen gem5 statistics. Both executors
//! run points through it, so a point runs the same on Slurm and here.

use super::Definition;
use crate::gem5_helpers::matching_stats;
use anyhow::{Context, Result, bail};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A point as the sweep defines it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub index: usize,
    pub values: Vec<(String, String)>,
    pub run_id: u32,
    pub emulator: String,
    pub run_dir: PathBuf,
}

impl Point {
    /// `cpus=1 memory=128M`.
    pub fn label(&self) -> String {
        let v: Vec<String> = self
            .values
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        v.join(" ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Failed,
    /// The point left no result: it never ran, or was killed (Slurm cancel, node loss).
    Missing,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed => "failed",
            Status::Missing => "missing",
        }
    }
}

/// What a point produced.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PointResult {
    #[serde(flatten)]
    pub point: Point,
    pub status: Status,
    pub exit_code: Option<i32>,
    pub seconds: Option<f64>,
    /// The last value of each gem5 statistic matching a --stat regex.
    pub stats: BTreeMap<String, String>,
    /// stdout and stderr of its `lkmc run`.
    pub log: PathBuf,
    pub slurm_state: Option<String>,
    pub slurm_log: Option<PathBuf>,
}

pub fn point_dir(sweep_dir: &Path, index: usize) -> PathBuf {
    sweep_dir.join("points").join(index.to_string())
}

pub fn result_path(sweep_dir: &Path, index: usize) -> PathBuf {
    point_dir(sweep_dir, index).join("result.json")
}

/// The result a point left, or Missing.
pub fn read_result(sweep_dir: &Path, p: &Point) -> PointResult {
    let text = std::fs::read_to_string(result_path(sweep_dir, p.index)).ok();
    match text.and_then(|t| serde_json::from_str::<PointResult>(&t).ok()) {
        Some(r) if r.point == *p => r,
        _ => PointResult {
            point: p.clone(),
            status: Status::Missing,
            exit_code: None,
            seconds: None,
            stats: BTreeMap::new(),
            log: point_dir(sweep_dir, p.index).join("log.txt"),
            slurm_state: None,
            slurm_log: None,
        },
    }
}

/// The last value of each statistic matching one of `regexes` (each dump
/// adds values; the last is the whole run's).
pub fn stats_of(text: &str, regexes: &[String]) -> Result<BTreeMap<String, String>> {
    let mut m = BTreeMap::new();
    for r in regexes {
        let re = Regex::new(r)
            .map_err(|e| crate::usage_error(format!("--stat '{r}' is not a valid regex: {e}")))?;
        for line in matching_stats(text, &re) {
            if let Some((k, v)) = line.split_once(' ') {
                m.insert(k.to_string(), v.to_string());
            }
        }
    }
    Ok(m)
}

/// gem5's statistics of the run, kept next to the point's log (the run dir
/// belongs to the run id, which later runs reuse).
fn collect_stats(p: &Point, dir: &Path, regexes: &[String]) -> Result<BTreeMap<String, String>> {
    let stats = p.run_dir.join("m5out").join("stats.txt");
    if p.emulator != "gem5" || !stats.exists() {
        return Ok(BTreeMap::new());
    }
    std::fs::copy(&stats, dir.join("stats.txt"))?;
    stats_of(&std::fs::read_to_string(&stats)?, regexes)
}

/// `lkmc sweep-point --dir D --index I -- ARGV`: exits with the point's status.
pub fn execute(sweep_dir: &Path, index: usize, argv: &[String]) -> Result<i32> {
    let def = Definition::load(sweep_dir)?;
    let Some(p) = def.points.iter().find(|p| p.index == index) else {
        bail!("{} has no point {index}", sweep_dir.display());
    };
    let Some((program, args)) = argv.split_first() else {
        bail!("sweep-point: no command after --");
    };
    let dir = point_dir(sweep_dir, index);
    std::fs::create_dir_all(&dir)?;
    let _ = std::fs::remove_file(result_path(sweep_dir, index));
    let log_path = dir.join("log.txt");
    let log = File::create(&log_path)?;
    let started = Instant::now();
    let out = duct::cmd(program, args)
        .stdin_null()
        .stdout_file(log.try_clone()?)
        .stderr_file(log)
        .unchecked()
        .run()
        .with_context(|| format!("starting {program}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let code = out
        .status
        .code()
        .unwrap_or_else(|| 128 + out.status.signal().unwrap_or(0));
    let r = PointResult {
        point: p.clone(),
        status: if code == 0 {
            Status::Ok
        } else {
            Status::Failed
        },
        exit_code: Some(code),
        seconds: Some(seconds),
        stats: collect_stats(p, &dir, &def.stats)?,
        log: log_path,
        slurm_state: None,
        slurm_log: None,
    };
    std::fs::write(
        result_path(sweep_dir, index),
        serde_json::to_string_pretty(&r)?,
    )?;
    println!(
        "point {index} ({}): {} in {seconds:.1}s (exit {code}, log: {})",
        p.label(),
        r.status.name(),
        r.log.display()
    );
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_dump_wins() {
        let text = "---------- Begin Simulation Statistics ----------\n\
                    simSeconds 0.1 # s\nsimInsts 10 # n\n\
                    ---------- Begin Simulation Statistics ----------\n\
                    simSeconds 0.2 # s\n";
        let m = stats_of(text, &["^simSeconds$".into(), "Insts".into()]).unwrap();
        assert_eq!(m.get("simSeconds").unwrap(), "0.2");
        assert_eq!(m.get("simInsts").unwrap(), "10");
        assert!(stats_of(text, &["(".into()]).is_err());
    }

    #[test]
    fn a_gem5_points_stats_are_read_and_kept_beside_its_log() {
        let d = tempfile::tempdir().unwrap();
        let run_dir = d.path().join("run");
        std::fs::create_dir_all(run_dir.join("m5out")).unwrap();
        std::fs::write(run_dir.join("m5out/stats.txt"), "simInsts 42 # n\n").unwrap();
        let mut p = Point {
            index: 0,
            values: vec![],
            run_id: 40,
            emulator: "gem5".into(),
            run_dir,
        };
        let m = collect_stats(&p, d.path(), &["Insts".into()]).unwrap();
        assert_eq!(m.get("simInsts").unwrap(), "42");
        assert!(d.path().join("stats.txt").exists());
        p.emulator = "qemu".into();
        assert!(
            collect_stats(&p, d.path(), &["Insts".into()])
                .unwrap()
                .is_empty()
        );
    }
}
