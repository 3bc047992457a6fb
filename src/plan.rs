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
    /// (directories are walked).
    Inputs {
        inputs: Vec<PathBuf>,
        outputs: Vec<PathBuf>,
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
}

impl Step {
    pub fn new(name: &str, title: impl Into<String>) -> Step {
        Step {
            name: name.to_string(),
            title: title.into(),
            actions: Vec::new(),
            freshness: Freshness::Always,
            deps: Vec::new(),
        }
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
        self.freshness = Freshness::Inputs { inputs, outputs };
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
            Freshness::Inputs { inputs, outputs } => {
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

/// A path that must exist, and what to tell the user when it does not.
#[derive(Clone, Debug)]
pub struct Requirement {
    pub path: PathBuf,
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
    pub fn require(&mut self, path: impl Into<PathBuf>, hint: impl Into<String>) {
        self.requires.push(Requirement {
            path: path.into(),
            hint: hint.into(),
        });
    }
    /// The first requirement that does not hold.
    pub fn unmet(&self) -> Option<&Requirement> {
        self.requires.iter().find(|r| !r.path.exists())
    }
    /// All actions in order.
    #[cfg(test)]
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.steps.iter().flat_map(|s| s.actions.iter())
    }
}

/// Decides which steps run: a step runs when forced, when it is stale, or when
/// a step it depends on runs. Returned in plan order.
pub fn steps_to_run(plan: &Plan, force: bool) -> Vec<bool> {
    let mut ran: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for s in &plan.steps {
        // A dep ending in '/' names every step under it (`userland/`).
        let dep_ran = s.deps.iter().any(|d| {
            ran.iter()
                .any(|r| *r == d || (d.ends_with('/') && r.starts_with(d.as_str())))
        });
        let run = force || dep_ran || !s.is_fresh();
        if run {
            ran.push(&s.name);
        }
        out.push(run);
    }
    out
}
