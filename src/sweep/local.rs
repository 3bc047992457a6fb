//! `--executor local`: the points' `lkmc sweep-point` commands run on this
//! machine, -j at a time (each point has its own run id, so its own ports).

use super::{Ended, Sweep};
use crate::command::Cmd;
use crate::exec::ExecOptions;
use crate::plan::Step;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::sync::Mutex;

/// A point's command as printed: `sweep-point ... --` on one line, then the
/// run, one option (with its value) per line.
pub fn command(argv: &[String]) -> Cmd {
    let split = argv
        .iter()
        .position(|w| w == "--")
        .unwrap_or(argv.len() - 1);
    let mut c = Cmd::new(&argv[0]).line(&argv[1..=split]);
    let mut rest = argv[split + 1..].iter().peekable();
    while let Some(w) = rest.next() {
        let mut line = vec![w.clone()];
        // `--eval CODE`: the value goes on the option's line.
        if w.starts_with('-')
            && !w.contains('=')
            && w != "--"
            && let Some(v) = rest.next_if(|v| !v.starts_with('-'))
        {
            line.push(v.clone());
        }
        c = c.line(line);
    }
    c
}

fn bar(n: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(n as u64);
    b.set_style(
        ProgressStyle::with_template("sweep [{elapsed_precise}] {bar:30} {pos}/{len} points")
            .expect("static template"),
    );
    b
}

/// Prints the points' commands, or runs them; Slurm has no word here.
pub fn run(s: &Sweep, jobs: Option<usize>, eo: &ExecOptions) -> Result<Ended> {
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);
    let mut plan = s.prep()?;
    if eo.prints_only() {
        if !eo.json {
            println!("# {} points, up to {jobs} at a time:", s.todo.len());
        }
        let cmds = s.todo.iter().map(|&i| command(&s.commands[i]).into());
        plan.push(Step::new("points", "running the points").actions(cmds));
        crate::exec::run_plan(&plan, eo)?;
        return Ok(Ended::new());
    }
    let quiet = ExecOptions {
        quiet: true,
        ..eo.clone()
    };
    crate::exec::run_plan(&plan, &quiet)?;
    let queue = Mutex::new(s.todo.iter().copied().collect::<VecDeque<usize>>());
    let b = bar(s.todo.len(), eo.quiet);
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(s.todo.len()) {
            scope.spawn(|| {
                while let Some(i) = queue.lock().expect("not poisoned").pop_front() {
                    let out = crate::exec::expression(&command(&s.commands[i]))
                        .stdout_capture()
                        .stderr_to_stdout()
                        .unchecked()
                        .run();
                    let text = match out {
                        Ok(o) => String::from_utf8_lossy(&o.stdout).trim().to_string(),
                        Err(e) => format!("point {i}: could not start: {e}"),
                    };
                    if !eo.quiet {
                        b.suspend(|| eprintln!("lkmc: {text}"));
                    }
                    b.inc(1);
                }
            });
        }
    });
    b.finish_and_clear();
    Ok(Ended::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_command_keeps_every_word_in_order() {
        let argv: Vec<String> = [
            "lkmc",
            "sweep-point",
            "--dir",
            "d",
            "--index",
            "0",
            "--",
            "lkmc",
            "run",
            "--cpus=1",
            "--eval",
            "nproc",
            "--kvm",
            "--",
            "--x=1",
        ]
        .map(String::from)
        .to_vec();
        let c = command(&argv);
        let mut all = vec![c.program.clone()];
        all.extend(c.args.clone());
        assert_eq!(all, argv);
        let text = crate::render::multiline(&c);
        assert!(text.contains("  --eval nproc \\\n"), "{text}");
        assert!(
            text.contains("  sweep-point --dir d --index 0 -- \\\n"),
            "{text}"
        );
    }
}
