//! Executing plans. Build steps log everything to a file under the output dir
//! and show a spinner with the latest output line; a failure prints the log's
//! tail and its path.

use crate::command::{Action, Cmd};
use crate::plan::{Plan, steps_to_run};
use crate::render::{self, Style};
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct ExecOptions {
    pub dry_run: bool,
    pub json: bool,
    pub style: Style,
    pub force: bool,
    pub verbose: bool,
    pub quiet: bool,
    pub log_dir: PathBuf,
}

impl ExecOptions {
    /// The options of one invocation: the dry-run flag travels here, never
    /// through the environment.
    pub fn from_common(c: &crate::cli::Common, l: &crate::layout::Layout, force: bool) -> Self {
        ExecOptions {
            dry_run: c.dry_run,
            json: c.plan_json,
            style: if c.print_cmd_oneline {
                Style::Oneline
            } else {
                Style::Multiline
            },
            force,
            verbose: c.verbose,
            quiet: c.quiet,
            log_dir: l.log_dir(),
        }
    }

    /// Whether commands are only printed.
    pub fn prints_only(&self) -> bool {
        self.dry_run || self.json
    }
}

/// For subcommands that run one command: with --dry-run or --plan-json it is
/// printed and `Some(0)` returned; otherwise `None`, and the caller runs it.
pub fn print_only(name: &str, cmd: &Cmd, o: &ExecOptions) -> Result<Option<i32>> {
    if !(o.dry_run || o.json) {
        return Ok(None);
    }
    let mut p = Plan::default();
    p.push(crate::plan::Step::new(name, name).action(cmd.clone()));
    run_plan(&p, o)?;
    Ok(Some(0))
}

/// Runs a command in the foreground with our terminal; returns its exit code.
pub fn run_foreground(cmd: &Cmd) -> Result<i32> {
    crate::tools::require(&cmd.program)?;
    let status = expression(cmd).unchecked().run()?.status;
    Ok(status.code().unwrap_or(1))
}

/// Prints or runs a plan.
pub fn run_plan(plan: &Plan, o: &ExecOptions) -> Result<()> {
    let selected = steps_to_run(plan, o.force);
    if o.json {
        let actions: Vec<&Action> = plan
            .steps
            .iter()
            .zip(&selected)
            .filter(|(_, run)| **run)
            .flat_map(|(s, _)| s.actions.iter())
            .collect();
        println!("{}", serde_json::to_string_pretty(&actions)?);
        return Ok(());
    }
    if !o.dry_run
        && let Some(r) = plan.unmet()
    {
        bail!("{}", r.hint);
    }
    for (step, run) in plan.steps.iter().zip(selected) {
        if o.dry_run {
            if !run {
                println!("# {}: up to date", step.name);
                continue;
            }
            for a in &step.actions {
                println!("{}", render::action(a, o.style));
            }
            continue;
        }
        if !run {
            if !o.quiet {
                eprintln!("lkmc: {}: up to date", step.name);
            }
            continue;
        }
        run_step(&step.name, &step.title, &step.actions, o)?;
    }
    Ok(())
}

fn run_step(name: &str, title: &str, actions: &[Action], o: &ExecOptions) -> Result<()> {
    std::fs::create_dir_all(&o.log_dir)
        .with_context(|| format!("creating log dir {}", o.log_dir.display()))?;
    let log_path = o.log_dir.join(format!("{name}.log"));
    if let Some(parent) = log_path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut log =
        File::create(&log_path).with_context(|| format!("creating log {}", log_path.display()))?;
    let started = Instant::now();
    let bar = spinner(title, o);
    for a in actions {
        writeln!(log, "{}", render::action(a, o.style))?;
        if o.verbose {
            bar.suspend(|| eprintln!("{}", render::action(a, o.style)));
        }
        let result = match a {
            Action::WriteFile {
                path,
                content,
                append,
            } => write_file(path, content, *append),
            Action::Run(c) => run_logged(c, &mut log, &log_path, &bar, o.verbose),
            Action::CheckKernelConfig { config, fragments } => {
                crate::kconfig::check(config, fragments)
            }
        };
        if let (Err(e), Action::Run(c)) = (&result, a)
            && c.allow_failure
        {
            bar.suspend(|| {
                eprintln!(
                    "lkmc: warning: {e:#} (going on; log: {})",
                    log_path.display()
                )
            });
            continue;
        }
        if let Err(e) = result {
            bar.finish_and_clear();
            log.flush().ok();
            let tail = tail_lines(&log_path, 25);
            bail!(
                "step '{name}' failed: {e:#}\n--- last lines of {} ---\n{tail}--- full log: {} ---",
                log_path.display(),
                log_path.display()
            );
        }
    }
    bar.finish_and_clear();
    if !o.quiet {
        eprintln!(
            "lkmc: {name}: done in {:.1}s (log: {})",
            started.elapsed().as_secs_f64(),
            log_path.display()
        );
    }
    Ok(())
}

fn spinner(title: &str, o: &ExecOptions) -> ProgressBar {
    if o.quiet || o.verbose || !std::io::stderr().is_terminal() {
        if !o.quiet {
            eprintln!("lkmc: {title}...");
        }
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {prefix}: {wide_msg}")
            .expect("static template"),
    );
    bar.set_prefix(title.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

pub fn write_file(path: &Path, content: &str, append: bool) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    f.write_all(content.as_bytes())?;
    Ok(())
}

/// Builds the duct expression for a command, without its output handling.
pub fn expression(c: &Cmd) -> duct::Expression {
    let mut e = duct::cmd(&c.program, &c.args);
    if let Some(d) = &c.cwd {
        e = e.dir(d);
    }
    for (k, v) in &c.env {
        e = e.env(k, v);
    }
    if let Some(p) = &c.stdin {
        e = e.stdin_path(p);
    }
    e
}

fn run_logged(
    c: &Cmd,
    log: &mut File,
    log_path: &Path,
    bar: &ProgressBar,
    verbose: bool,
) -> Result<()> {
    let e = expression(c).unchecked();
    if let Some(r) = &c.stdout {
        // The command's stdout goes where it asked; its stderr still goes to the log.
        let out = OpenOptions::new()
            .create(true)
            .write(true)
            .append(r.append)
            .truncate(!r.append)
            .open(&r.path)
            .with_context(|| format!("opening {}", r.path.display()))?;
        let err = OpenOptions::new().append(true).open(log_path)?;
        let result = e
            .stdout_file(out)
            .stderr_file(err)
            .run()
            .with_context(|| missing_program_hint(&c.program))?;
        return check_status(c, result.status);
    }
    let reader = e
        .stderr_to_stdout()
        .reader()
        .with_context(|| missing_program_hint(&c.program))?;
    let mut lines = BufReader::new(&reader);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match lines.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {
                log.write_all(&buf)?;
                let line = String::from_utf8_lossy(&buf);
                if verbose {
                    eprint!("{line}");
                } else {
                    bar.set_message(line.trim_end().to_string());
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let status = reader
        .try_wait()?
        .map(|o| o.status)
        .context("process did not finish")?;
    check_status(c, status)
}

fn check_status(c: &Cmd, status: std::process::ExitStatus) -> Result<()> {
    if status.success() {
        Ok(())
    } else {
        bail!(
            "`{}` exited with {}",
            render::oneline(c),
            status
                .code()
                .map(|x| x.to_string())
                .unwrap_or_else(|| "a signal".into())
        )
    }
}

fn missing_program_hint(program: &str) -> String {
    let base = Path::new(program)
        .file_name()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    match crate::tools::debian_package(&base) {
        Some(pkg) => format!(
            "could not start {program}: install it with `apt-get install {pkg}` (or `lkmc build --download-dependencies`)"
        ),
        None => format!("could not start {program}"),
    }
}

fn tail_lines(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut s = lines[start..].join("\n");
    s.push('\n');
    s
}

/// Leaves a command as a runnable script (what ran, to run it again).
pub fn save_script(path: &Path, cmd: &Cmd) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d)?;
    }
    std::fs::write(
        path,
        format!("#!/bin/sh\n{} \"$@\"\n", render::oneline(cmd)),
    )?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))?;
    Ok(())
}
