//! Plans: ordered steps of actions. The same plan is printed by --dry-run and
//! executed by a real run; a step skipped as up to date is skipped in both.

use crate::command::Action;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// When a step may be skipped.
#[derive(Clone, Debug)]
pub enum Freshness {
    /// Always run (e.g. make, which is incremental by itself).
    Always,
    /// Skip when every output exists and is newer than every input
    /// (directories are walked), and every `present` path exists.
    Inputs {
        inputs: Vec<PathBuf>,
        outputs: Vec<PathBuf>,
        /// Outputs that an incremental tool (make) leaves alone when their
        /// own sources did not change: older than some input, yet up to
        /// date. Only their existence is checked; `outputs` holds a file the
        /// tool writes on every run.
        present: Vec<PathBuf>,
    },
}

#[derive(Clone, Debug)]
pub struct Step {
    /// Short id, also the log file name: `linux`, `modules`, ...
    pub name: String,
    /// What the user sees while it runs.
    pub title: String,
    pub actions: Vec<Action>,
    pub freshness: Freshness,
    /// Names of earlier steps: if one of them runs, this one runs too.
    pub deps: Vec<String>,
    /// Runs even when up to date (`--force-rebuild` of the target it belongs to).
    pub forced: bool,
    /// What must be on the host for this step, checked before a real run
    /// only when the step will run (an up-to-date step needs nothing).
    pub requires: Vec<Requirement>,
}

impl Step {
    pub fn new(name: &str, title: impl Into<String>) -> Step {
        Step {
            name: name.to_string(),
            title: title.into(),
            actions: Vec::new(),
            freshness: Freshness::Always,
            deps: Vec::new(),
            forced: false,
            requires: Vec::new(),
        }
    }

    /// A host file or program this step needs; `hint` says how to get it.
    pub fn require(mut self, need: Need, hint: impl Into<String>) -> Step {
        self.requires.push(Requirement {
            need,
            hint: hint.into(),
        });
        self
    }

    pub fn action(mut self, a: impl Into<Action>) -> Step {
        self.actions.push(a.into());
        self
    }

    pub fn actions<I: IntoIterator<Item = Action>>(mut self, a: I) -> Step {
        self.actions.extend(a);
        self
    }

    pub fn fresh_when(mut self, inputs: Vec<PathBuf>, outputs: Vec<PathBuf>) -> Step {
        self.freshness = Freshness::Inputs {
            inputs,
            outputs,
            present: Vec::new(),
        };
        self
    }

    /// Outputs that must exist for the step to be up to date, whatever their
    /// age (see `Freshness::Inputs::present`). After `fresh_when`.
    pub fn fresh_only_with(mut self, paths: Vec<PathBuf>) -> Step {
        if let Freshness::Inputs { present, .. } = &mut self.freshness {
            present.extend(paths);
        }
        self
    }

    pub fn after(mut self, deps: &[&str]) -> Step {
        self.deps.extend(deps.iter().map(|s| s.to_string()));
        self
    }

    /// Whether the step's outputs are newer than its inputs.
    pub fn is_fresh(&self) -> bool {
        match &self.freshness {
            Freshness::Always => false,
            Freshness::Inputs {
                inputs,
                outputs,
                present,
            } => {
                if !present.iter().all(|p| p.exists()) {
                    return false;
                }
                let newest_input = inputs.iter().filter_map(|p| newest_mtime(p)).max();
                let oldest_output = outputs
                    .iter()
                    .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
                    .collect::<Option<Vec<_>>>()
                    .and_then(|v| v.into_iter().min());
                match (newest_input, oldest_output) {
                    (_, None) => false,
                    (None, Some(_)) => true,
                    (Some(i), Some(o)) => o >= i,
                }
            }
        }
    }
}

/// Newest modification time of a file, or of anything under a directory
/// (symlinks are not followed). None when the path does not exist.
pub fn newest_mtime(p: &Path) -> Option<SystemTime> {
    let meta = std::fs::symlink_metadata(p).ok()?;
    let mut newest = meta.modified().ok()?;
    if meta.is_dir() {
        for entry in std::fs::read_dir(p).ok()?.flatten() {
            if let Some(t) = newest_mtime(&entry.path()) {
                newest = newest.max(t);
            }
        }
    }
    Some(newest)
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// What must exist before a real run starts; `--dry-run` prints the plan
    /// without them. Checked by the executor, so planning stays pure.
    pub requires: Vec<Requirement>,
}

/// Something on the host, checked by looking at files only (planning and
/// checking run no process).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    /// A file or directory.
    Path(PathBuf),
    /// A program on PATH (or an absolute path).
    Program(String),
    /// Some file in `dir` whose name contains `contains` (e.g. an apt
    /// package index for one architecture).
    FileNamed { dir: PathBuf, contains: String },
}

impl Need {
    pub fn holds(&self) -> bool {
        match self {
            Need::Path(p) => p.exists(),
            Need::Program(p) if p.contains('/') => Path::new(p).exists(),
            Need::Program(p) => which::which(p).is_ok(),
            Need::FileNamed { dir, contains } => std::fs::read_dir(dir).is_ok_and(|rd| {
                rd.flatten()
                    .any(|e| e.file_name().to_string_lossy().contains(contains.as_str()))
            }),
        }
    }
}

/// What must hold, and what to tell the user when it does not.
#[derive(Clone, Debug)]
pub struct Requirement {
    pub need: Need,
    pub hint: String,
}

impl Plan {
    pub fn push(&mut self, s: Step) {
        self.steps.push(s);
    }
    pub fn extend(&mut self, other: Plan) {
        self.steps.extend(other.steps);
        self.requires.extend(other.requires);
    }
    /// A path that must exist before any step of the plan runs.
    pub fn require(&mut self, path: impl Into<PathBuf>, hint: impl Into<String>) {
        self.requires.push(Requirement {
            need: Need::Path(path.into()),
            hint: hint.into(),
        });
    }
    /// The first requirement that does not hold: the plan's own, then those
    /// of the steps that will run.
    pub fn unmet(&self) -> Option<&Requirement> {
        let running = steps_to_run(self, false);
        self.requires
            .iter()
            .chain(
                self.steps
                    .iter()
                    .zip(running)
                    .filter(|(_, run)| *run)
                    .flat_map(|(s, _)| s.requires.iter()),
            )
            .find(|r| !r.need.holds())
    }
    /// Marks every step as run even when up to date.
    pub fn force_all(&mut self) {
        for s in &mut self.steps {
            s.forced = true;
        }
    }
    /// All actions in order.
    #[cfg(test)]
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.steps.iter().flat_map(|s| s.actions.iter())
    }
}

/// Decides which steps run: a step runs when forced (all steps with `force`,
/// or the step's own `forced`), when it is stale, or when a step it depends
/// on runs. Returned in plan order.
pub fn steps_to_run(plan: &Plan, force: bool) -> Vec<bool> {
    let mut ran: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for s in &plan.steps {
        // A dep ending in '/' names every step under it (`userland/`).
        let dep_ran = s.deps.iter().any(|d| {
            ran.iter()
                .any(|r| *r == d || (d.ends_with('/') && r.starts_with(d.as_str())))
        });
        let run = force || s.forced || dep_ran || !s.is_fresh();
        if run {
            ran.push(&s.name);
        }
        out.push(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step that is up to date: its output is newer than its input.
    fn fresh_step(dir: &Path, name: &str) -> Step {
        let input = dir.join(format!("{name}.in"));
        let output = dir.join(format!("{name}.out"));
        std::fs::write(&input, "").unwrap();
        std::fs::write(&output, "").unwrap();
        Step::new(name, name).fresh_when(vec![input], vec![output])
    }

    #[test]
    fn forced_step_runs_alone_and_its_dependents_follow() {
        let d = tempfile::tempdir().unwrap();
        let mut p = Plan::default();
        p.push(fresh_step(d.path(), "a"));
        let mut b = fresh_step(d.path(), "b");
        b.forced = true;
        p.push(b);
        p.push(fresh_step(d.path(), "c").after(&["b"]));
        assert_eq!(steps_to_run(&p, false), vec![false, true, true]);
        assert_eq!(steps_to_run(&p, true), vec![true, true, true]);
    }

    #[test]
    fn a_missing_output_of_several_makes_the_step_stale() {
        let d = tempfile::tempdir().unwrap();
        let s = fresh_step(d.path(), "a");
        let Freshness::Inputs {
            inputs,
            mut outputs,
            ..
        } = s.freshness.clone()
        else {
            unreachable!()
        };
        assert!(s.is_fresh());
        // An older output that make left alone: present is enough.
        let old = d.path().join("old.ko");
        std::fs::write(&old, "").unwrap();
        let past = SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(past)
            .unwrap();
        let with = |extra: PathBuf| {
            Step::new("a", "a")
                .fresh_when(inputs.clone(), outputs.clone())
                .fresh_only_with(vec![extra])
        };
        assert!(with(old.clone()).is_fresh());
        assert!(!with(d.path().join("missing.ko")).is_fresh());
        outputs.push(d.path().join("missing.ko"));
        assert!(!Step::new("a", "a").fresh_when(inputs, outputs).is_fresh());
    }

    #[test]
    fn requirements_of_up_to_date_steps_are_not_checked() {
        let d = tempfile::tempdir().unwrap();
        let missing = Need::Path(d.path().join("nope"));
        let mut p = Plan::default();
        p.push(fresh_step(d.path(), "a").require(missing.clone(), "get nope"));
        assert!(p.unmet().is_none());
        p.steps[0].forced = true;
        assert_eq!(p.unmet().map(|r| r.hint.as_str()), Some("get nope"));
        // A plan-wide requirement always counts.
        let mut q = Plan::default();
        q.require(d.path().join("nope"), "plan-wide");
        assert_eq!(q.unmet().map(|r| r.hint.as_str()), Some("plan-wide"));
    }

    #[test]
    fn needs_check_files_and_path() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("x_binary-arm64_Packages.lz4"), "").unwrap();
        let named = |s: &str| Need::FileNamed {
            dir: d.path().to_path_buf(),
            contains: s.into(),
        };
        assert!(named("binary-arm64_Packages").holds());
        assert!(!named("binary-armhf_Packages").holds());
        assert!(Need::Program("sh".into()).holds());
        assert!(!Need::Program("lkmc-no-such-program".into()).holds());
        assert!(Need::Path(d.path().to_path_buf()).holds());
    }
}
