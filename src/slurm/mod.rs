//! Slurm job arrays: lkmc writes one sbatch script whose array task N runs
//! the Nth command, submits it with `sbatch --parsable` and follows the tasks
//! (follow.rs). Sweeps and `lkmc test --executor slurm` both use it.

pub mod follow;
pub mod shared_fs;

use crate::command::Cmd;
use crate::render::quote;
use crate::usage_error;
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Where the points or tests run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Executor {
    /// On this machine, up to -j at a time.
    #[default]
    Local,
    /// As one Slurm job array (sbatch), up to -j tasks at a time.
    Slurm,
}

/// The Debian packages of a Slurm cluster: the client commands, the
/// controller, the node daemon and the authentication they share.
pub const DEBIAN_PACKAGES: [&str; 4] = ["slurm-client", "slurmctld", "slurmd", "munge"];

/// What each array task asks of Slurm.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Slurm (--executor slurm)")]
pub struct SlurmOptions {
    /// Slurm partition of the tasks (default: the cluster's default).
    #[arg(long)]
    pub partition: Option<String>,
    /// CPUs of each task.
    #[arg(long, default_value_t = 1)]
    pub cpus_per_task: u32,
    /// Memory of each task, as sbatch --mem takes it (e.g. 2G).
    #[arg(long = "mem")]
    pub mem: Option<String>,
    /// Time limit of each task, as sbatch --time takes it (e.g. 30:00).
    #[arg(long = "time")]
    pub time: Option<String>,
    /// More sbatch options, shell-split, e.g. "--account=x --qos=y".
    #[arg(long, allow_hyphen_values = true)]
    pub sbatch_args: Option<String>,
}

impl Default for SlurmOptions {
    /// What the command line gives without Slurm options.
    fn default() -> Self {
        SlurmOptions {
            partition: None,
            cpus_per_task: 1,
            mem: None,
            time: None,
            sbatch_args: None,
        }
    }
}

/// One job array: task `index` runs `argv`.
pub struct ArrayJob {
    pub name: String,
    /// The script and the tasks' Slurm logs go here.
    pub dir: PathBuf,
    /// The tasks run here (the lkmc checkout, so they find it).
    pub workdir: PathBuf,
    pub tasks: Vec<(usize, Vec<String>)>,
    /// At most this many tasks at a time (`%M`).
    pub throttle: Option<usize>,
}

impl ArrayJob {
    pub fn script_path(&self) -> PathBuf {
        self.dir.join("job.sbatch")
    }

    /// Slurm's log of one task (`--output` below).
    pub fn log_path(&self, job_id: &str, index: usize) -> PathBuf {
        self.dir.join(format!("{job_id}_{index}.out"))
    }
}

/// `0-5`, `1,3-4`: the indices as sbatch's --array takes them.
pub fn array_spec(indices: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < indices.len() {
        let start = indices[i];
        let mut end = start;
        while i + 1 < indices.len() && indices[i + 1] == end + 1 {
            i += 1;
            end = indices[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(",")
}

/// The sbatch script: the resources as #SBATCH lines, then a `case` on the
/// array index with each task's command, so the script alone says what runs.
pub fn script(job: &ArrayJob, o: &SlurmOptions) -> String {
    let indices: Vec<usize> = job.tasks.iter().map(|(i, _)| *i).collect();
    let mut array = array_spec(&indices);
    if let Some(m) = job.throttle {
        array.push_str(&format!("%{m}"));
    }
    let mut s = String::from("#!/bin/sh\n");
    let mut opt = |k: &str, v: &str| s.push_str(&format!("#SBATCH --{k}={v}\n"));
    opt("job-name", &job.name);
    opt("array", &array);
    opt("cpus-per-task", &o.cpus_per_task.to_string());
    if let Some(m) = &o.mem {
        opt("mem", m);
    }
    if let Some(t) = &o.time {
        opt("time", t);
    }
    if let Some(p) = &o.partition {
        opt("partition", p);
    }
    opt("output", &job.dir.join("%A_%a.out").display().to_string());
    s.push_str("set -eu\n");
    s.push_str(&format!(
        "cd {}\n",
        quote(&job.workdir.display().to_string())
    ));
    s.push_str("case \"$SLURM_ARRAY_TASK_ID\" in\n");
    for (i, argv) in &job.tasks {
        let words: Vec<String> = argv.iter().map(|w| quote(w)).collect();
        s.push_str(&format!("{i}) exec {} ;;\n", words.join(" ")));
    }
    s.push_str("*) echo \"no task $SLURM_ARRAY_TASK_ID in this array\" >&2; exit 2 ;;\nesac\n");
    s
}

/// `sbatch --parsable [--sbatch-args] SCRIPT`: prints the job id.
pub fn submit_cmd(job: &ArrayJob, o: &SlurmOptions) -> Result<Cmd> {
    let mut c = Cmd::new("sbatch").arg("--parsable");
    if let Some(extra) = &o.sbatch_args {
        let words = shlex::split(extra).ok_or_else(|| {
            usage_error(format!("--sbatch-args {extra:?} is not valid shell words"))
        })?;
        c = c.args(words);
    }
    Ok(c.arg_path(job.script_path()))
}

/// Fails with what to install when the Slurm client commands are missing.
pub fn require_client() -> Result<()> {
    if which::which("sbatch").is_ok() && which::which("squeue").is_ok() {
        return Ok(());
    }
    bail!(
        "sbatch not found: --executor slurm needs Slurm's client commands. Install them with \
         `apt-get install slurm-client` (a cluster of your own also needs slurmctld, slurmd \
         and munge: `lkmc sweep --executor slurm -D` installs all four, and \
         scripts/slurm-local.sh start runs a one-node cluster on this machine)"
    )
}

/// Runs the submit command; returns the job id.
/// Writes the job's files (quietly: the user sees the submission) and
/// submits it; returns the job id.
pub fn write_and_submit(
    files: &crate::plan::Plan,
    submit_cmd: &Cmd,
    eo: &crate::exec::ExecOptions,
) -> Result<String> {
    let quiet = crate::exec::ExecOptions {
        quiet: true,
        ..eo.clone()
    };
    crate::exec::run_plan(files, &quiet)?;
    submit(submit_cmd)
}

pub fn submit(c: &Cmd) -> Result<String> {
    let out = crate::exec::expression(c)
        .stdout_capture()
        .stderr_capture()
        .unchecked()
        .run()
        .with_context(|| format!("starting {}", crate::render::oneline(c)))?;
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let hint = if err.contains("contact slurm controller") {
            "\nis a controller running? On this machine: scripts/slurm-local.sh start"
        } else {
            ""
        };
        bail!(
            "`{}` failed: {}{hint}",
            crate::render::oneline(c),
            err.trim()
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    // --parsable prints `id` or `id;cluster`.
    let id = text.trim().split(';').next().unwrap_or("").to_string();
    if id.is_empty() || !id.chars().all(|ch| ch.is_ascii_digit()) {
        bail!("sbatch printed no job id: {text:?} {err}");
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_specs_compress_runs() {
        assert_eq!(array_spec(&[0, 1, 2, 3, 4, 5]), "0-5");
        assert_eq!(array_spec(&[3]), "3");
        assert_eq!(array_spec(&[1, 3, 4, 7]), "1,3-4,7");
    }

    #[test]
    fn script_has_resources_and_one_case_per_task() {
        let job = ArrayJob {
            name: "lkmc-x".into(),
            dir: "/o/slurm".into(),
            workdir: "/repo".into(),
            tasks: vec![(0, vec!["a".into()]), (1, vec!["b c".into()])],
            throttle: Some(2),
        };
        let o = SlurmOptions {
            mem: Some("1G".into()),
            ..Default::default()
        };
        let s = script(&job, &o);
        assert!(s.contains("#SBATCH --array=0-1%2\n"), "{s}");
        assert!(s.contains("#SBATCH --mem=1G\n"), "{s}");
        assert!(s.contains("#SBATCH --output=/o/slurm/%A_%a.out\n"), "{s}");
        assert!(s.contains("1) exec 'b c' ;;\n"), "{s}");
        assert!(!s.contains("--partition"), "{s}");
    }
}
