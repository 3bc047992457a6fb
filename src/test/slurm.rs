//! `lkmc test --executor slurm`: the test matrix as one job array, one task
//! per arch and suite (or per chunk of the modules suite's tests, with
//! --tests-per-task), each an `lkmc test` writing its own report; the
//! reports are merged into out/test/ with the same closing line as a local
//! run. A task that left no report counts as one failed test that says so.

use super::ktap::{Status, TestResult};
use super::{Runner, Suite};
use crate::arch::Arch;
use crate::cli::{Common, TestArgs};
use crate::command::{Action, rm_rf};
use crate::exec::ExecOptions;
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::slurm::{self, ArrayJob, follow, shared_fs};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// One array task: a suite on an arch, for the tests of `filters`.
struct Task {
    arch: Arch,
    suite: Suite,
    filters: Vec<String>,
}

/// The guest tests of the modules suite that `filters` select, as the guest's
/// runner finds them (rootfs_overlay/lkmc/test/NAME.sh but lib and run).
fn module_tests(l: &Layout, filters: &[String]) -> Result<Vec<String>> {
    let dir = l.rootfs_overlay_source_dir().join("lkmc/test");
    let mut names = Vec::new();
    for e in std::fs::read_dir(&dir)? {
        let p = e?.path();
        let Some(name) = p.file_name().and_then(|n| n.to_str()?.strip_suffix(".sh")) else {
            continue;
        };
        let wanted = filters.is_empty() || filters.iter().any(|f| super::glob_match(f, name));
        if name != "lib" && name != "run" && wanted {
            names.push(name.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// The matrix: (arch, suite) pairs as a local run takes them; with
/// --tests-per-task, the modules suite split in chunks of tests.
fn matrix(c: &Common, a: &TestArgs, l: &Layout) -> Result<Vec<Task>> {
    let suites = Suite::parse_list(&a.suites)?;
    let archs = if a.all_archs {
        Arch::ALL.to_vec()
    } else {
        vec![c.arch()]
    };
    let mut m = Vec::new();
    for &arch in &archs {
        for &suite in &suites {
            if a.suites == "all" && !suite.in_all_for(arch) {
                continue;
            }
            let chunks = match a.tests_per_task {
                Some(n) if suite == Suite::Modules => module_tests(l, &a.filters)?
                    .chunks(n as usize)
                    .map(<[String]>::to_vec)
                    .collect(),
                _ => vec![a.filters.clone()],
            };
            m.extend(chunks.into_iter().map(|filters| Task {
                arch,
                suite,
                filters,
            }));
        }
    }
    Ok(m)
}

/// One task's `lkmc test`, its report in `report`.
fn task_argv(exe: &str, c: &Common, a: &TestArgs, t: &Task, report: &Path) -> Vec<String> {
    let mut v = vec![exe.to_string(), "test".into()];
    let common = crate::sweep::points::common_words(c);
    v.extend(common.into_iter().filter(|w| !w.starts_with("--arch=")));
    v.push(format!("--arch={}", t.arch.name()));
    v.push(format!("--suite={}", t.suite.name()));
    v.push(format!("--timeout={}", a.timeout));
    v.push(format!("--cpus={}", a.cpus));
    v.push(format!("--report-dir={}", report.display()));
    if !t.filters.is_empty() {
        v.push("--".into());
        v.extend(t.filters.iter().cloned());
    }
    v
}

/// A task's results, or one failed test saying it left none.
fn task_results(dir: &Path, arch: Arch, s: Suite, state: &str, log: &Path) -> Vec<TestResult> {
    let text = std::fs::read_to_string(dir.join("results.json")).ok();
    if let Some(r) = text.and_then(|t| serde_json::from_str::<Vec<TestResult>>(&t).ok()) {
        return r;
    }
    vec![TestResult {
        suite: s.name().into(),
        arch: arch.name().into(),
        name: "slurm-task".into(),
        status: Status::Fail,
        seconds: 0.0,
        details: format!(
            "the Slurm task of this suite left no report (Slurm state {state}); its log: {}",
            log.display()
        ),
    }]
}

pub fn execute(c: &Common, a: &TestArgs) -> Result<i32> {
    let l = Layout::new(c, c.arch());
    let eo = ExecOptions::from_common(c, &l, false);
    let m = matrix(c, a, &l)?;
    let dir: PathBuf = l.out.join("test").join("slurm");
    let report = |i: usize| dir.join(i.to_string());
    let exe = std::env::current_exe()?.display().to_string();
    let job = ArrayJob {
        name: "lkmc-test".into(),
        dir: dir.join("job"),
        workdir: l.repo.clone(),
        tasks: m
            .iter()
            .enumerate()
            .map(|(i, t)| (i, task_argv(&exe, c, a, t, &report(i))))
            .collect(),
        throttle: c.jobs,
    };
    let mut plan = Plan::default();
    plan.push(
        Step::new("sbatch-script", "writing the sbatch script")
            .action(rm_rf(&dir))
            .action(Action::write(
                job.script_path(),
                slurm::script(&job, &a.slurm),
            )),
    );
    let submit = slurm::submit_cmd(&job, &a.slurm)?;
    if !eo.prints_only() {
        slurm::require_client()?;
        shared_fs::check(&l.out, a.slurm.partition.as_deref())?;
    }
    if a.build {
        let archs: Vec<Arch> = m.iter().map(|t| t.arch).collect();
        build(c, a, &archs, &eo)?;
    }
    if eo.prints_only() {
        plan.push(Step::new("submit", "submitting").action(submit));
        return crate::exec::run_plan(&plan, &eo).map(|_| 0);
    }
    let id = slurm::write_and_submit(&plan, &submit, &eo)?;
    eprintln!(
        "lkmc: submitted {} test tasks as Slurm job {id} (script: {})",
        m.len(),
        job.script_path().display()
    );
    let indices: Vec<usize> = (0..m.len()).collect();
    let states = follow::follow(&id, &indices, "test", eo.quiet)?;
    let mut r = Runner {
        common: c,
        args: a,
        results: Vec::new(),
        eo,
    };
    for (i, t) in m.iter().enumerate() {
        let state = states.get(&i).map(String::as_str).unwrap_or("UNKNOWN");
        for res in task_results(&report(i), t.arch, t.suite, state, &job.log_path(&id, i)) {
            r.record(res);
        }
    }
    super::finish(c, a, &r.results)
}

/// `--build`: built here (or printed), once per arch, before any task starts.
fn build(c: &Common, a: &TestArgs, archs: &[Arch], eo: &ExecOptions) -> Result<()> {
    let suites = Suite::parse_list(&a.suites)?;
    let r = Runner {
        common: c,
        args: a,
        results: Vec::new(),
        eo: eo.clone(),
    };
    let mut done: Vec<Arch> = Vec::new();
    for &arch in archs {
        if !done.contains(&arch) {
            super::build_for(&r, &suites, arch)?;
            done.push(arch);
        }
    }
    Ok(())
}
