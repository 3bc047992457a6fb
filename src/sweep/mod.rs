//! `lkmc sweep`: one `lkmc run` per point of the cross product of `--vary`
//! values, here (`--executor local`, -j at a time) or as a Slurm job array.
//! Every point is checked by planning its run before anything runs; each
//! takes its own run id (`--first-run-id` on); the results go to
//! out/sweep/NAME/results.csv, results.json and chart.svg.

pub mod chart;
mod local;
pub mod point;
pub mod points;
pub mod results;
mod slurm;
mod validate;

use crate::cli::Common;
use crate::command::{Action, rm_rf};
use crate::exec::ExecOptions;
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::slurm::{Executor, SlurmOptions};
use crate::usage_error;
use anyhow::{Context, Result};
use clap::Args;
use point::{Point, PointResult, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Args, Debug, Clone)]
pub struct SweepArgs {
    /// NAME=V1,V2,...: an `lkmc run` option and its values (repeatable: the points are
    /// the cross product). With gem5, other names are options of its config script
    /// (`--vary l2_size=256kB,1MB`).
    #[arg(
        long = "vary",
        value_name = "NAME=VALUES",
        required_unless_present = "download_dependencies"
    )]
    pub vary: Vec<String>,
    /// gem5 statistics to record, regexes as `lkmc gem5-stat` takes (repeatable).
    #[arg(long = "stat", value_name = "REGEX")]
    pub stats: Vec<String>,
    /// The sweep's dir under out/sweep/ [default: ARCH-EMULATOR-OPTIONS].
    #[arg(long)]
    pub name: Option<String>,
    /// local: points run here, -j at a time; slurm: one job array, -j tasks at a time.
    #[arg(long, value_enum, default_value_t)]
    pub executor: Executor,
    /// Point N takes run id FIRST+N (its run dir and ports).
    #[arg(long, default_value_t = 1000)]
    pub first_run_id: u32,
    /// Run only the points that failed or left no result last time (same command line).
    #[arg(long)]
    pub resume: bool,
    /// The chart's x axis [default: the first --vary].
    #[arg(long, value_name = "NAME")]
    pub chart_x: Option<String>,
    /// The chart's measure: a statistic, seconds or exit_code [default: the first
    /// statistic found, else seconds].
    #[arg(long, value_name = "MEASURE")]
    pub chart_y: Option<String>,
    /// Install the Debian packages of a Slurm cluster first (alone: only that).
    #[arg(short = 'D', long)]
    pub download_dependencies: bool,
    #[command(flatten)]
    pub slurm: SlurmOptions,
    /// `lkmc run` options of every point, e.g. `-- --eval 'nproc'`.
    #[arg(last = true)]
    pub run_args: Vec<String>,
}

/// `lkmc sweep-point`: what each point's task runs (not for users).
#[derive(Args, Debug, Clone)]
pub struct SweepPointArgs {
    #[arg(long)]
    pub dir: PathBuf,
    #[arg(long)]
    pub index: usize,
    #[arg(last = true, required = true)]
    pub argv: Vec<String>,
}

/// What sweep.json keeps: the points, to resume and to run one.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub name: String,
    pub keys: Vec<String>,
    pub stats: Vec<String>,
    pub points: Vec<Point>,
}

impl Definition {
    fn path(dir: &Path) -> PathBuf {
        dir.join("sweep.json")
    }

    /// JSON with one point a line (it is printed by --dry-run).
    fn json(&self) -> Result<String> {
        let head = serde_json::json!({"name": self.name, "keys": self.keys, "stats": self.stats});
        let head = serde_json::to_string(&head)?;
        let mut s = format!("{},\"points\":[\n", head.trim_end_matches('}'));
        let pts: Vec<String> = self
            .points
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<_, _>>()?;
        s.push_str(&pts.join(",\n"));
        s.push_str("\n]}\n");
        Ok(s)
    }

    pub fn load(dir: &Path) -> Result<Definition> {
        let p = Definition::path(dir);
        let text = std::fs::read_to_string(&p)
            .with_context(|| format!("no sweep at {} (reading {})", dir.display(), p.display()))?;
        serde_json::from_str(&text).with_context(|| format!("reading {}", p.display()))
    }
}

/// A sweep ready to run.
pub struct Sweep {
    pub def: Definition,
    pub dir: PathBuf,
    /// Each point's `lkmc sweep-point` command.
    pub commands: Vec<Vec<String>>,
    /// The points to run now: all, or with --resume those without an ok result.
    pub todo: Vec<usize>,
    pub resume: bool,
}

impl Sweep {
    /// A fresh sweep clears the last one's points; a resumed one the results
    /// of the points it runs again.
    pub fn prep(&self) -> Result<Plan> {
        let mut s = Step::new("sweep-dir", "preparing the sweep dir");
        if self.resume {
            for &i in &self.todo {
                s = s.action(crate::command::Cmd::new("rm").line([
                    "-f".to_string(),
                    point::result_path(&self.dir, i).display().to_string(),
                ]));
            }
        } else {
            s = s.action(rm_rf(self.dir.join("points")));
        }
        s = s.action(Action::write(Definition::path(&self.dir), self.def.json()?));
        let mut p = Plan::default();
        p.push(s);
        Ok(p)
    }
}

fn default_name(c: &Common, keys: &[String]) -> String {
    format!(
        "{}-{}-{}",
        c.arch().name(),
        c.emulator.name(),
        keys.join("-")
    )
}

fn check_name(n: &str) -> Result<()> {
    let ok = |ch: char| ch.is_ascii_alphanumeric() || "._-".contains(ch);
    if n.is_empty() || n.starts_with('.') || !n.chars().all(ok) {
        return Err(usage_error(format!(
            "--name '{n}': use letters, digits, '.', '_' and '-' (it names a dir)"
        )));
    }
    Ok(())
}

/// The points to run: every one, or with --resume those of the same sweep
/// that left no ok result.
fn todo(def: &Definition, dir: &Path, resume: bool) -> Result<Vec<usize>> {
    let all = def.points.iter().map(|p| p.index);
    if !resume {
        return Ok(all.collect());
    }
    let old = Definition::load(dir)?;
    if old != *def {
        return Err(usage_error(format!(
            "--resume: {} holds another sweep (other points, run ids or stats); run the same \
             command as before, or leave out --resume to start this one over",
            dir.display()
        )));
    }
    Ok(def
        .points
        .iter()
        .filter(|p| point::read_result(dir, p).status != Status::Ok)
        .map(|p| p.index)
        .collect())
}

/// The `--vary` options, checked: each name once, `--stat` regexes valid,
/// `--chart-x` among them.
fn parse_varies(a: &SweepArgs) -> Result<Vec<points::Vary>> {
    let varies = a
        .vary
        .iter()
        .map(|v| points::parse_vary(v))
        .collect::<Result<Vec<_>>>()?;
    let keys: Vec<&String> = varies.iter().map(|v| &v.name).collect();
    if let Some(k) = keys
        .iter()
        .find(|k| keys.iter().filter(|x| x == k).count() > 1)
    {
        return Err(usage_error(format!(
            "--vary {k} is given twice: give its values in one"
        )));
    }
    for s in &a.stats {
        point::stats_of("", std::slice::from_ref(s))?;
    }
    if let Some(x) = a.chart_x.as_ref().filter(|x| !keys.contains(x)) {
        return Err(usage_error(format!(
            "--chart-x {x}: not a varied option (varied: {})",
            keys.iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(varies)
}

/// Plans every point (the whole sweep fails on the first rejected one).
fn define(c: &Common, a: &SweepArgs, l: &Layout, real: bool) -> Result<Sweep> {
    let varies = parse_varies(a)?;
    let keys: Vec<String> = varies.iter().map(|v| v.name.clone()).collect();
    let name = a.name.clone().unwrap_or_else(|| default_name(c, &keys));
    check_name(&name)?;
    let dir = l.out.join("sweep").join(&name);
    let mut def = Definition {
        name,
        keys,
        stats: a.stats.clone(),
        points: Vec::new(),
    };
    let mut commands = Vec::new();
    for (index, values) in points::cross(&varies).into_iter().enumerate() {
        let (point, cmd) = define_point(c, a, &dir, index, values, real)?;
        def.points.push(point);
        commands.push(cmd);
    }
    let todo = todo(&def, &dir, a.resume)?;
    Ok(Sweep {
        def,
        dir,
        commands,
        todo,
        resume: a.resume,
    })
}

/// One point: its run id, its `lkmc run` checked by a dry run, and the
/// `lkmc sweep-point` command that runs it.
fn define_point(
    c: &Common,
    a: &SweepArgs,
    dir: &std::path::Path,
    index: usize,
    values: Vec<(String, String)>,
    real: bool,
) -> Result<(Point, Vec<String>)> {
    let exe = std::env::current_exe()?.display().to_string();
    let run_id = validate::run_id(a.first_run_id, index)?;
    let argv = points::run_argv(&exe, c, &a.run_args, &values, run_id)?;
    let label = values
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>();
    let pl = validate::check(&argv, real)
        .with_context(|| format!("point {index} ({}) is rejected", label.join(" ")))?;
    let mut cmd = vec![exe, "sweep-point".into(), "--dir".into()];
    cmd.extend([
        dir.display().to_string(),
        "--index".into(),
        index.to_string(),
        "--".into(),
    ]);
    cmd.extend(argv);
    let point = Point {
        index,
        values,
        run_id,
        emulator: pl.emulator.name().into(),
        run_dir: pl.run_dir(),
    };
    Ok((point, cmd))
}

/// `lkmc sweep`.
pub fn execute(c: &Common, a: &SweepArgs) -> Result<i32> {
    if c.run_id.is_some() {
        return Err(usage_error(
            "-n/--run-id: each point takes its own id; give the first with --first-run-id",
        ));
    }
    let l = Layout::new(c, c.arch());
    let eo = ExecOptions::from_common(c, &l, false);
    if a.download_dependencies {
        slurm::install_packages(&eo)?;
        if a.vary.is_empty() {
            return Ok(0);
        }
    }
    let s = define(c, a, &l, !eo.prints_only())?;
    if s.todo.is_empty() {
        eprintln!(
            "lkmc: --resume: every point of {} is ok already",
            s.dir.display()
        );
    }
    let ended = match a.executor {
        Executor::Local => local::run(&s, c.jobs, &eo)?,
        Executor::Slurm => slurm::run(&s, a, c.jobs, &l, &eo)?,
    };
    if eo.prints_only() {
        return Ok(0);
    }
    finish(&s, a, &ended)
}

/// Slurm's word on a task that ran: its final state and log.
pub type Ended = BTreeMap<usize, (String, PathBuf)>;

/// Collects every point's result, writes the reports and prints the table.
fn finish(s: &Sweep, a: &SweepArgs, ended: &Ended) -> Result<i32> {
    let results: Vec<PointResult> = s
        .def
        .points
        .iter()
        .map(|p| {
            let mut r = point::read_result(&s.dir, p);
            if let Some((state, log)) = ended.get(&p.index) {
                r.slurm_state = Some(state.clone());
                r.slurm_log = Some(log.clone());
            }
            r
        })
        .collect();
    results::write(&s.dir, &s.def.keys, &results)?;
    let chart = s.dir.join("chart.svg");
    let (x, y) = chart_axes(a, &s.def, &results);
    // The values of x in the order given: the first points take them in turn.
    let mut xs: Vec<String> = Vec::new();
    for p in &s.def.points {
        if let Some((_, v)) = p.values.iter().find(|(k, _)| *k == x)
            && !xs.contains(v)
        {
            xs.push(v.clone());
        }
    }
    chart::draw(&chart, &results, &xs, &x, &y)?;
    report(s, &results, &chart)
}

fn chart_axes(a: &SweepArgs, def: &Definition, results: &[PointResult]) -> (String, String) {
    let x = a.chart_x.clone().unwrap_or_else(|| def.keys[0].clone());
    let y = a.chart_y.clone().unwrap_or_else(|| {
        results::stat_names(results)
            .into_iter()
            .next()
            .unwrap_or_else(|| "seconds".into())
    });
    (x, y)
}

fn report(s: &Sweep, results: &[PointResult], chart: &Path) -> Result<i32> {
    for r in results {
        let mut line = format!(
            "point {} ({}): {}",
            r.point.index,
            r.point.label(),
            r.status.name()
        );
        if let Some(c) = r.exit_code.filter(|c| *c != 0) {
            line.push_str(&format!(" (exit {c})"));
        }
        if let Some(t) = r.seconds {
            line.push_str(&format!(" in {t:.1}s, run id {}", r.point.run_id));
        }
        if r.status != Status::Ok {
            line.push_str(&format!("; log: {}", r.log.display()));
            if let (Some(st), Some(l)) = (&r.slurm_state, &r.slurm_log) {
                line.push_str(&format!("; slurm: {st}, {}", l.display()));
            }
        }
        println!("{line}");
    }
    let n = |st: Status| results.iter().filter(|r| r.status == st).count();
    println!(
        "results: {}, {} and {}",
        s.dir.join("results.csv").display(),
        s.dir.join("results.json").display(),
        chart.display()
    );
    println!(
        "{} points: {} ok, {} failed, {} missing",
        results.len(),
        n(Status::Ok),
        n(Status::Failed),
        n(Status::Missing)
    );
    Ok(if n(Status::Ok) == results.len() { 0 } else { 1 })
}
