//! results.csv (one row per point: the values, status, exit code, wall time,
//! run id and dir, then one column per statistic) and results.json.

use super::point::PointResult;
use anyhow::Result;
use std::collections::BTreeSet;
use std::path::Path;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Every statistic any point has, sorted.
pub fn stat_names(results: &[PointResult]) -> Vec<String> {
    let names: BTreeSet<&String> = results.iter().flat_map(|r| r.stats.keys()).collect();
    names.into_iter().cloned().collect()
}

pub fn csv(keys: &[String], results: &[PointResult]) -> String {
    let stats = stat_names(results);
    let mut header: Vec<String> = vec!["index".into()];
    header.extend(keys.iter().cloned());
    header.extend(["status", "exit_code", "seconds", "run_id", "run_dir"].map(String::from));
    header.extend(stats.iter().cloned());
    let mut out = header
        .iter()
        .map(|h| csv_field(h))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for r in results {
        let mut row = vec![r.point.index.to_string()];
        row.extend(r.point.values.iter().map(|(_, v)| v.clone()));
        row.push(r.status.name().into());
        row.push(r.exit_code.map(|c| c.to_string()).unwrap_or_default());
        row.push(r.seconds.map(|s| format!("{s:.3}")).unwrap_or_default());
        row.push(r.point.run_id.to_string());
        row.push(r.point.run_dir.display().to_string());
        row.extend(
            stats
                .iter()
                .map(|s| r.stats.get(s).cloned().unwrap_or_default()),
        );
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

pub fn write(dir: &Path, keys: &[String], results: &[PointResult]) -> Result<()> {
    std::fs::write(dir.join("results.csv"), csv(keys, results))?;
    std::fs::write(
        dir.join("results.json"),
        serde_json::to_string_pretty(results)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::point::{Point, Status};

    #[test]
    fn one_row_per_point_and_a_column_per_stat() {
        let r = PointResult {
            point: Point {
                index: 0,
                values: vec![("cpus".into(), "1".into())],
                run_id: 40,
                emulator: "gem5".into(),
                run_dir: "/o/run/gem5/aarch64/40".into(),
            },
            status: Status::Ok,
            exit_code: Some(0),
            seconds: Some(1.5),
            stats: [("simSeconds".to_string(), "0.1".to_string())].into(),
            log: "/l".into(),
            slurm_state: None,
            slurm_log: None,
        };
        let mut other = r.clone();
        other.stats.clear();
        other.point.values[0].1 = "a,b".into();
        let text = csv(&["cpus".into()], &[r, other]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "index,cpus,status,exit_code,seconds,run_id,run_dir,simSeconds"
        );
        assert_eq!(lines[1], "0,1,ok,0,1.500,40,/o/run/gem5/aarch64/40,0.1");
        assert_eq!(lines[2], "0,\"a,b\",ok,0,1.500,40,/o/run/gem5/aarch64/40,");
    }
}
