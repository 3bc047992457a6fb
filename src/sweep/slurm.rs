//! `--executor slurm`: the points to run become one job array (task N runs
//! point N's `lkmc sweep-point`), submitted and followed to its end.

use super::{Ended, Sweep, SweepArgs};
use crate::command::Action;
use crate::exec::ExecOptions;
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::slurm::{self, ArrayJob, follow, shared_fs};
use anyhow::Result;

/// `-D`: the packages of a Slurm cluster, as `lkmc build -D` installs packages.
pub fn install_packages(eo: &ExecOptions) -> Result<()> {
    let mut p = Plan::default();
    p.push(crate::targets::deps::apt_step(&slurm::DEBIAN_PACKAGES));
    crate::exec::run_plan(&p, eo)
}

fn job(s: &Sweep, throttle: Option<usize>, l: &Layout) -> ArrayJob {
    ArrayJob {
        name: format!("lkmc-sweep-{}", s.def.name),
        dir: s.dir.join("slurm"),
        workdir: l.repo.clone(),
        tasks: s.todo.iter().map(|&i| (i, s.commands[i].clone())).collect(),
        throttle,
    }
}

/// Prints the script and the sbatch command, or submits and follows the job.
pub fn run(
    s: &Sweep,
    a: &SweepArgs,
    throttle: Option<usize>,
    l: &Layout,
    eo: &ExecOptions,
) -> Result<Ended> {
    let job = job(s, throttle, l);
    let mut plan = s.prep()?;
    plan.push(
        Step::new("sbatch-script", "writing the sbatch script").action(Action::write(
            job.script_path(),
            slurm::script(&job, &a.slurm),
        )),
    );
    let submit = slurm::submit_cmd(&job, &a.slurm)?;
    if eo.prints_only() {
        plan.push(Step::new("submit", "submitting").action(submit));
        crate::exec::run_plan(&plan, eo)?;
        return Ok(Ended::new());
    }
    if s.todo.is_empty() {
        return Ok(Ended::new());
    }
    slurm::require_client()?;
    shared_fs::check(&l.out, a.slurm.partition.as_deref())?;
    let id = slurm::write_and_submit(&plan, &submit, eo)?;
    std::fs::write(job.dir.join("job_id"), format!("{id}\n"))?;
    if !eo.quiet {
        eprintln!(
            "lkmc: submitted {} points as Slurm job {id} (script: {}, logs: {})",
            s.todo.len(),
            job.script_path().display(),
            job.dir.display()
        );
    }
    let states = follow::follow(&id, &s.todo, "sweep", eo.quiet)?;
    Ok(states
        .into_iter()
        .map(|(i, st)| (i, (st, job.log_path(&id, i))))
        .collect())
}
