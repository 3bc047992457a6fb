//! `lkmc test`: boots guests and runs the test suites in them, reports each
//! test as it ends, writes JUnit XML and JSON, and ends with the line
//! `N passed, N failed, N skipped`. Exit status 1 when anything failed.

mod announced;
mod baremetal;
mod gdb;
pub mod ktap;
pub mod report;
mod suites;

use crate::arch::Arch;
use crate::cli::{Common, RunArgs, TestArgs};
use crate::layout::Layout;
use crate::run::console::{self, Outcome};
use crate::usage_error;
use anyhow::Result;
use ktap::{Status, TestResult};
use std::time::{Duration, Instant};

pub const SUITES: [&str; 6] = [
    "modules",
    "crash",
    "gdb",
    "userland",
    "baremetal",
    "tracker-debug",
];

/// Run ids 90 and up: tests never take the ports of a user's own runs.
pub const TEST_RUN_ID: u32 = 90;

pub struct Runner<'a> {
    pub common: &'a Common,
    pub args: &'a TestArgs,
    pub results: Vec<TestResult>,
}

impl Runner<'_> {
    pub fn layout(&self, arch: Arch, run_id_offset: u32) -> Layout {
        let mut l = Layout::new(self.common, arch);
        l.run_id = TEST_RUN_ID + run_id_offset;
        l
    }

    pub fn record(&mut self, r: TestResult) {
        let mark = match r.status {
            Status::Pass => "ok",
            Status::Fail => "not ok",
            Status::Skip => "skip",
        };
        println!(
            "{mark} {} {} {} ({:.2}s)",
            r.arch, r.suite, r.name, r.seconds
        );
        if r.status == Status::Fail {
            for line in r
                .details
                .lines()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                println!("    | {line}");
            }
        }
        self.results.push(r);
    }

    pub fn result(
        &mut self,
        suite: &str,
        arch: Arch,
        name: &str,
        started: Instant,
        res: Result<(), String>,
    ) {
        let (status, details) = match res {
            Ok(()) => (Status::Pass, String::new()),
            Err(d) => (Status::Fail, d),
        };
        self.record(TestResult {
            suite: suite.into(),
            arch: arch.name().into(),
            name: name.into(),
            status,
            seconds: started.elapsed().as_secs_f64(),
            details,
        });
    }

    pub fn wants(&self, name: &str) -> bool {
        self.args.filters.is_empty() || self.args.filters.iter().any(|f| glob_match(f, name))
    }
}

/// Shell-style `*` and `?` matching, as the guest runner does.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    fn m(p: &[char], n: &[char]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some('*'), _) => m(&p[1..], n) || (!n.is_empty() && m(p, &n[1..])),
            (Some('?'), Some(_)) => m(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => m(&p[1..], &n[1..]),
            _ => false,
        }
    }
    m(
        &pattern.chars().collect::<Vec<_>>(),
        &name.chars().collect::<Vec<_>>(),
    )
}

/// Boots the guest of `l` running `eval`, with the console saved in its run dir.
pub fn boot(
    l: &Layout,
    c: &Common,
    eval: &str,
    cpus: u32,
    timeout: f64,
    extra: impl FnOnce(&mut RunArgs),
) -> Result<Outcome> {
    let mut a = RunArgs {
        eval: Some(eval.to_string()),
        cpus,
        memory: "512M".into(),
        timeout: Some(timeout),
        ..Default::default()
    };
    extra(&mut a);
    let rp = crate::run::plan(l, c, &a)?;
    std::fs::create_dir_all(l.run_dir())?;
    if c.verbose {
        eprintln!("{}", crate::render::multiline(&rp.main));
    }
    console::run(
        &rp.main,
        &l.termout(),
        &console::WatchOptions {
            timeout: Some(Duration::from_secs_f64(timeout)),
            stop_on_oops: true,
            echo: c.verbose,
            interactive: false,
        },
    )
}

/// Runs the small preparation steps of a run (run dir, argument files) silently.
pub fn quiet_exec(l: &Layout) -> crate::exec::ExecOptions {
    crate::exec::ExecOptions {
        dry_run: false,
        json: false,
        style: crate::render::Style::Multiline,
        force: false,
        verbose: false,
        quiet: true,
        log_dir: l.log_dir(),
    }
}

/// The last lines of a console, for failure reports.
pub fn tail(text: &str, n: usize) -> String {
    let v: Vec<&str> = text.lines().collect();
    v[v.len().saturating_sub(n)..].join("\n")
}

pub fn execute(c: &Common, a: &TestArgs) -> Result<i32> {
    let suites: Vec<String> = if a.suites == "all" {
        SUITES.iter().map(|s| s.to_string()).collect()
    } else {
        a.suites.split(',').map(|s| s.trim().to_string()).collect()
    };
    for s in &suites {
        if !SUITES.contains(&s.as_str()) {
            return Err(usage_error(format!(
                "unknown suite '{s}'; valid: {}, all",
                SUITES.join(", ")
            )));
        }
    }
    let archs: Vec<Arch> = if a.all_archs {
        Arch::ALL.to_vec()
    } else {
        vec![c.arch]
    };
    let mut r = Runner {
        common: c,
        args: a,
        results: Vec::new(),
    };
    for &arch in &archs {
        if a.build {
            let l = Layout::new(c, arch);
            let mut targets = vec![crate::targets::default_target(&l).to_string()];
            if suites.iter().any(|s| s == "userland") {
                targets.push("userland".into());
            }
            if suites.iter().any(|s| s == "baremetal") && arch.supports_baremetal() {
                targets.push("baremetal".into());
            }
            let p = crate::targets::plan(&targets, &l, &crate::targets::BuildOpts::defaults())?;
            crate::exec::run_plan(&p, &crate::exec::ExecOptions::from_common(c, &l, false))?;
        }
        for s in &suites {
            // The debug kernel is built for x86_64 (KASAN is fastest to build there).
            if s == "baremetal" && !arch.supports_baremetal() && a.suites == "all" {
                continue;
            }
            if s == "tracker-debug" && arch != Arch::X86_64 && a.suites == "all" {
                continue;
            }
            match s.as_str() {
                "modules" => suites::modules(&mut r, arch)?,
                "crash" => suites::crash(&mut r, arch)?,
                "userland" => suites::userland(&mut r, arch)?,
                "baremetal" => baremetal::suite(&mut r, arch)?,
                "tracker-debug" => suites::tracker_debug(&mut r, arch)?,
                "gdb" => gdb::suite(&mut r, arch)?,
                _ => unreachable!("checked above"),
            }
        }
    }
    let l = Layout::new(c, c.arch);
    let dir = l.out.join("test");
    report::write_all(&dir, &r.results)?;
    println!(
        "results: {} and {}",
        dir.join("junit.xml").display(),
        dir.join("results.json").display()
    );
    if r.results.is_empty() {
        println!("no test matched");
        return Ok(1);
    }
    println!("{}", report::summary_line(&r.results));
    let (_, failed, _) = report::counts(&r.results);
    Ok(if failed == 0 { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("tracker*", "tracker_stress"));
        assert!(glob_match("*", "x"));
        assert!(glob_match("h?llo", "hello"));
        assert!(!glob_match("hello", "hello2"));
    }
}
