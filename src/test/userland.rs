//! The userland suite: every program of userland/{c,cpp,posix,linux} and
//! userland/arch/<arch>/ on every runner it applies to (its `only:` line,
//! see announced.rs): QEMU user mode, the host (`native`, host arch only)
//! and the full-system guest (one boot runs them all through the
//! /lkmc/userland/test.sh that `lkmc build userland` writes). Each must
//! print and end as its leading comment announces.
//!
//! User-mode and native runs are independent: `-j N` (default: the CPUs)
//! run at once, each with a deadline that only guards hangs. Each test's
//! output is kept in out/test/<arch>/userland/<runner>/<program>.txt. Tests
//! are named `<runner>/<program>`; a filter matches either that or the
//! program (`lkmc test --suite userland 'c/*' 'user-mode/posix/*'`).

use super::Runner;
use super::announced::{Expectations, Place};
use super::ktap::{Status, TestResult};
use crate::arch::Arch;
use crate::cli::{Common, Emulator, RunArgs};
use crate::layout::Layout;
use crate::targets::userland as build;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

const SUITE: &str = "userland";

/// A program's per-run deadline in seconds (a hang guard: these programs end
/// in well under a second), unless `--timeout` is lower.
const PROGRAM_TIMEOUT: f64 = 120.0;

/// How a program ended.
#[derive(Debug, PartialEq)]
pub enum Ending {
    Exited(i32),
    /// Killed by a signal: its number when known (the guest's shell knows
    /// it; the launcher of user-mode and native runs does not).
    Signaled(Option<i32>),
    TimedOut,
}

/// Whether `output` and `ending` are what `want` announces.
pub fn check(want: &Expectations, output: &str, ending: &Ending) -> Result<(), String> {
    let show = || super::tail(output, 30);
    match (ending, want.signal) {
        (Ending::TimedOut, _) => return Err(format!("timed out (a hang guard)\n{}", show())),
        (Ending::Exited(c), None) if *c != want.exit => {
            return Err(format!(
                "exit status {c}, expected {}\n{}",
                want.exit,
                show()
            ));
        }
        (Ending::Exited(c), Some(s)) => {
            return Err(format!(
                "exit status {c}, expected death by signal {s}\n{}",
                show()
            ));
        }
        (Ending::Signaled(got), None) => {
            return Err(format!(
                "killed by signal {}, expected exit status {}\n{}",
                got.map(|g| g.to_string()).unwrap_or_else(|| "?".into()),
                want.exit,
                show()
            ));
        }
        (Ending::Signaled(Some(g)), Some(s)) if *g != s => {
            return Err(format!(
                "killed by signal {g}, expected signal {s}\n{}",
                show()
            ));
        }
        _ => {}
    }
    if let Some(missing) = want.output.iter().find(|w| !output.contains(w.as_str())) {
        return Err(format!("expected '{missing}' in the output:\n{}", show()));
    }
    Ok(())
}

/// One user-mode or native run.
struct Job {
    test: String,
    want: Expectations,
    layout: Layout,
    common: Common,
    args: RunArgs,
}

fn wanted(r: &Runner, place: Place, program: &str) -> bool {
    r.wants(program) || r.wants(&format!("{}/{program}", place.name()))
}

fn skip(r: &mut Runner, arch: Arch, test: &str, why: String) {
    r.record(TestResult {
        suite: SUITE.into(),
        arch: arch.name().into(),
        name: test.into(),
        status: Status::Skip,
        seconds: 0.0,
        details: why,
    });
}

/// Where a test's output is kept.
fn output_file(l: &Layout, test: &str) -> PathBuf {
    l.out
        .join("test")
        .join(l.arch.name())
        .join(SUITE)
        .join(format!("{test}.txt"))
}

fn keep_output(r: &Runner, l: &Layout, test: &str, text: &str) {
    if r.dry_run() {
        return;
    }
    let f = output_file(l, test);
    if let Some(d) = f.parent() {
        let _ = std::fs::create_dir_all(d);
    }
    let _ = std::fs::write(f, text);
}

pub fn suite(r: &mut Runner, arch: Arch) -> Result<()> {
    let l = r.layout(arch);
    let src = l.userland_source_dir();
    let started = Instant::now();
    let programs = match build::programs(&src, arch) {
        Ok(p) => p,
        Err(e) => {
            r.result(SUITE, arch, "announcements", started, Err(format!("{e:#}")));
            return Ok(());
        }
    };
    let programs: Vec<(PathBuf, Expectations)> = programs
        .into_iter()
        .filter(|(rel, _)| build::in_suite(rel))
        .collect();
    let mut jobs = Vec::new();
    let native = Arch::host() == Some(arch);
    for (rel, want) in &programs {
        let program = build::name_of(rel);
        for place in [Place::UserMode, Place::Native] {
            if place == Place::Native && !native {
                continue;
            }
            if !wanted(r, place, &program) {
                continue;
            }
            let test = format!("{}/{program}", place.name());
            if let Err(why) = want.applies(arch, place) {
                skip(r, arch, &test, why);
                continue;
            }
            jobs.push(job(r, arch, rel, want, place, test));
        }
    }
    run_jobs(r, jobs);
    if crate::run::console::interrupted().is_none() {
        full_system(r, arch, &programs)?;
    }
    Ok(())
}

fn job(r: &Runner, arch: Arch, rel: &Path, want: &Expectations, place: Place, test: String) -> Job {
    let mut c = r.common.clone();
    c.emulator = if place == Place::Native {
        Emulator::Native
    } else {
        Emulator::Qemu
    };
    let layout = Layout::new(&c, arch);
    let dir = if place == Place::Native {
        build::host_build_dir(&layout)
    } else {
        layout.userland_build_dir()
    };
    let exe = build::output_for(&dir, rel);
    // `stdin:` is a file under userland/, fed as `lkmc run --stdin-file`.
    let mut args = RunArgs {
        cli_args: want.args.clone(),
        stdin_file: want
            .stdin
            .as_ref()
            .map(|f| layout.userland_source_dir().join(f)),
        ..Default::default()
    };
    if place == Place::UserMode
        && build::is_dynamic(&exe)
        && let Some(root) = build::sysroot(arch)
    {
        args.extra = vec!["-L".into(), root.display().to_string()];
    }
    // The source: the launcher maps it to the build output (of the host
    // build for native runs), which --dry-run does not need to exist.
    let source = layout.userland_source_dir().join(rel);
    c.userland = Some(source.clone());
    c.userlands = vec![source];
    Job {
        test,
        want: want.clone(),
        layout,
        common: c,
        args,
    }
}

/// Runs one job through the launcher; None under --dry-run.
fn run_job(r: &Runner, j: &Job) -> Option<TestResult> {
    let started = Instant::now();
    let timeout = r.args.timeout.min(PROGRAM_TIMEOUT);
    let res = match r.launch(j.layout.clone(), &j.common, &j.args, timeout, false) {
        Err(e) => Err(format!("{e:#}")),
        Ok(None) => return None,
        Ok(Some((_, out))) => {
            keep_output(r, &j.layout, &j.test, &out.output);
            let ending = if out.timed_out {
                Ending::TimedOut
            } else {
                match out.emulator_status {
                    Some(c) => Ending::Exited(c),
                    None => Ending::Signaled(None),
                }
            };
            check(&j.want, &out.output, &ending)
        }
    };
    let (status, details) = match res {
        Ok(()) => (Status::Pass, String::new()),
        Err(d) => (Status::Fail, d),
    };
    Some(TestResult {
        suite: SUITE.into(),
        arch: j.layout.arch.name().into(),
        name: j.test.clone(),
        status,
        seconds: started.elapsed().as_secs_f64(),
        details,
    })
}

/// The user-mode and native jobs, `-j` at once (one at a time under
/// --dry-run, so the printed commands keep their order). Each result is
/// reported as it ends.
fn run_jobs(r: &mut Runner, jobs: Vec<Job>) {
    if r.dry_run() {
        for j in &jobs {
            // Only an error has a result here: what would run is printed.
            if let Some(t) = run_job(r, j) {
                r.record(t);
            }
        }
        return;
    }
    let n = r
        .common
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    // The workers launch through a runner of their own (the same options),
    // so this one stays free to record results as they come.
    let worker = Runner {
        common: r.common,
        args: r.args,
        results: Vec::new(),
        eo: r.eo.clone(),
    };
    let queue = std::sync::Mutex::new(jobs.into_iter());
    let (tx, rx) = mpsc::channel::<TestResult>();
    std::thread::scope(|s| {
        for _ in 0..n {
            let tx = tx.clone();
            let (worker, queue) = (&worker, &queue);
            s.spawn(move || {
                loop {
                    if crate::run::console::interrupted().is_some() {
                        return;
                    }
                    let next = queue.lock().expect("not poisoned").next();
                    let Some(j) = next else { return };
                    if let Some(t) = run_job(worker, &j) {
                        let _ = tx.send(t);
                    }
                }
            });
        }
        drop(tx);
        for t in rx {
            r.record(t);
        }
    });
}

/// The patterns for the guest runner: none for all, else the wanted names.
fn guest_patterns(names: &[String], all: usize) -> Vec<String> {
    if names.len() == all {
        return Vec::new();
    }
    // The kernel command line is short (1 KiB on arm): too many names and
    // the guest runs all of them, the host keeps the wanted ones.
    if names.iter().map(|n| n.len() + 3).sum::<usize>() > 600 {
        return Vec::new();
    }
    names.to_vec()
}

/// The blocks the guest runner printed: name -> (output, status).
pub fn parse_guest(console: &str) -> std::collections::BTreeMap<String, (String, i32)> {
    let mut m = std::collections::BTreeMap::new();
    let mut cur: Option<(String, String)> = None;
    for raw in console.lines() {
        let line = raw.trim_end_matches('\r');
        // Markers may follow other text on their line (the firmware's last
        // words before a quiet kernel).
        let after = |m: &str| line.find(m).map(|i| &line[i + m.len()..]);
        if let Some(name) = after("lkmc_userland_begin ") {
            cur = Some((name.trim().to_string(), String::new()));
        } else if let Some(rest) = after("lkmc_userland_end ") {
            let mut w = rest.split_whitespace();
            let (Some(name), Some(st)) = (w.next(), w.next().and_then(|s| s.parse().ok())) else {
                continue;
            };
            if let Some((n, out)) = cur.take()
                && n == name
            {
                m.insert(n, (out, st));
            }
        } else if let Some((_, out)) = &mut cur {
            out.push_str(line);
            out.push('\n');
        }
    }
    m
}

/// A program the full-system boot runs: its name, test name, expectations.
type GuestRun<'a> = (String, String, &'a Expectations);

/// One boot of the arch's guest runs every program that applies to it.
fn full_system(r: &mut Runner, arch: Arch, programs: &[(PathBuf, Expectations)]) -> Result<()> {
    let (runs, all) = full_system_runs(r, arch, programs);
    if runs.is_empty() {
        return Ok(());
    }
    let mut c = r.common.clone();
    c.emulator = Emulator::Qemu;
    let l = Layout::new(&c, arch);
    let started = Instant::now();
    if let Err(e) = libraries_staged(&l, arch, &runs) {
        r.result(SUITE, arch, "full-system", started, Err(e));
        return Ok(());
    }
    let names: Vec<String> = runs.iter().map(|(p, _, _)| p.clone()).collect();
    let eval = guest_eval(&guest_patterns(&names, all));
    let out = match super::boot(r, l.clone(), &eval, r.args.cpus, r.args.timeout, |_| {}) {
        Ok(Some(o)) => o,
        Ok(None) => return Ok(()),
        Err(e) => {
            r.result(SUITE, arch, "full-system", started, Err(format!("{e:#}")));
            return Ok(());
        }
    };
    let per_test = started.elapsed().as_secs_f64() / runs.len() as f64;
    let missing = judge_guest_runs(r, arch, &l, runs, &out.output, per_test);
    if missing > 0 || out.crash.is_some() || out.timed_out {
        let why = if out.timed_out {
            "the boot timed out".to_string()
        } else if let Some(c) = &out.crash {
            format!("kernel {c:?} during the suite")
        } else {
            format!(
                "{missing} programs never reported (is the rootfs older than userland? `lkmc build`)"
            )
        };
        keep_output(r, &l, "full-system/console", &out.output);
        r.result(
            SUITE,
            arch,
            "full-system",
            started,
            Err(format!("{why}\n{}", super::tail(&out.output, 40))),
        );
    }
    Ok(())
}

/// The programs the boot runs (the others are skipped with their reason),
/// and how many apply to the full system at all.
fn full_system_runs<'a>(
    r: &mut Runner,
    arch: Arch,
    programs: &'a [(PathBuf, Expectations)],
) -> (Vec<GuestRun<'a>>, usize) {
    let place = Place::FullSystem;
    let mut runs = Vec::new();
    let mut all = 0;
    for (rel, want) in programs {
        let program = build::name_of(rel);
        let applies = want.applies(arch, place);
        if applies.is_ok() {
            all += 1;
        }
        if !wanted(r, place, &program) {
            continue;
        }
        let test = format!("{}/{program}", place.name());
        match applies {
            Err(why) => skip(r, arch, &test, why),
            Ok(()) => runs.push((program, test, want)),
        }
    }
    (runs, all)
}

/// A dynamic program (lkmc build --no-static) needs the shared libraries
/// staged in the rootfs.
fn libraries_staged(l: &Layout, arch: Arch, runs: &[GuestRun]) -> Result<(), String> {
    let dynamic = runs
        .iter()
        .find(|(p, _, _)| build::is_dynamic(&l.userland_build_dir().join(format!("{p}.out"))));
    let staged = build::rootfs_libs_dir(l).join(build::loader(arch)).exists();
    match dynamic {
        Some((p, _, _)) if !staged => Err(format!(
            "{p} is dynamic (lkmc build --no-static) but no shared libraries are staged \
             for the guest: build userland with --no-static, then the rootfs (`lkmc build`)"
        )),
        _ => Ok(()),
    }
}

/// The guest's command: the runner script with the programs' patterns.
fn guest_eval(patterns: &[String]) -> String {
    let mut words = vec![format!("/lkmc/userland/{}", build::GUEST_RUNNER)];
    words.extend(patterns.iter().cloned());
    format!(
        "sh {}",
        words
            .iter()
            .map(|w| crate::render::quote(w))
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// Records each program's result from the guest's console; returns how
/// many never reported.
fn judge_guest_runs(
    r: &mut Runner,
    arch: Arch,
    l: &Layout,
    runs: Vec<GuestRun>,
    console: &str,
    per_test: f64,
) -> usize {
    let blocks = parse_guest(console);
    let mut missing = 0;
    for (program, test, want) in runs {
        let res = match blocks.get(&program) {
            Some((text, status)) => {
                keep_output(r, l, &test, text);
                let ending = match *status {
                    s if s > 128 && want.signal.is_some() => Ending::Signaled(Some(s - 128)),
                    143 | 124 => Ending::TimedOut,
                    s => Ending::Exited(s),
                };
                check(want, text, &ending)
            }
            None => {
                missing += 1;
                Err("the guest never reported it (see the full-system result)".to_string())
            }
        };
        let (status, details) = match res {
            Ok(()) => (Status::Pass, String::new()),
            Err(d) => (Status::Fail, d),
        };
        r.record(TestResult {
            suite: SUITE.into(),
            arch: arch.name().into(),
            name: test,
            status,
            seconds: per_test,
            details,
        });
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test::announced::expectations;

    #[test]
    fn checks_status_signal_and_output() {
        let e = expectations("/* expect: hi\n * expect-exit: 2 */").unwrap();
        assert!(check(&e, "oh hi\n", &Ending::Exited(2)).is_ok());
        assert!(check(&e, "oh hi\n", &Ending::Exited(0)).is_err());
        assert!(check(&e, "oh\n", &Ending::Exited(2)).is_err());
        assert!(check(&e, "oh hi\n", &Ending::TimedOut).is_err());
        let s = expectations("/* expect-signal: SIGABRT */").unwrap();
        assert!(check(&s, "", &Ending::Signaled(None)).is_ok());
        assert!(check(&s, "", &Ending::Signaled(Some(6))).is_ok());
        assert!(check(&s, "", &Ending::Signaled(Some(11))).is_err());
        assert!(check(&s, "", &Ending::Exited(0)).is_err());
    }

    #[test]
    fn parses_the_guest_blocks() {
        let console = "Booting from ROM..lkmc_userland_begin c/a\r\nhello\r\n\r\nlkmc_userland_end c/a 0\r\n\
                       lkmc_userland_begin c/b\r\n\nlkmc_userland_end c/b 134\r\n\
                       lkmc_userland_begin c/c\r\nhang";
        let m = parse_guest(console);
        assert_eq!(m["c/a"], ("hello\n\n".to_string(), 0));
        assert_eq!(m["c/b"].1, 134);
        assert!(!m.contains_key("c/c"));
    }
}
