//! `lkmc test`: boots guests and runs the test suites in them, reports each
//! test as it ends, writes JUnit XML and JSON, and ends with the line
//! `N passed, N failed, N skipped`. Exit status 1 when anything failed.

pub mod announced;
mod baremetal;
mod features;
mod gdb;
mod gem5;
mod interrupt;
pub mod ktap;
mod live;
mod pty_run;
pub mod report;
mod slurm;
mod suites;
mod userland;

/// `lkmc run` with `common`'s options, `arch` and `run_args`, on a free
/// test run id, for the cases that start it as a process. This lkmc runs
/// through /proc/self/exe, which still works when a rebuild has replaced
/// the file during a long test run.
fn lkmc_run_command(
    common: &Common,
    arch: crate::arch::Arch,
    run_args: &[&str],
) -> std::process::Command {
    let l = Layout::new(common, arch);
    let id = crate::run_record::peek(&l.out, None, TEST_IDS, launch::ports_free(&l));
    let mut c = common.clone();
    c.arch = Some(arch);
    let mut lkmc = std::process::Command::new("/proc/self/exe");
    lkmc.args(crate::sweep::points::common_words(&c))
        .arg(format!("--run-id={id}"))
        .arg("run")
        .args(run_args);
    lkmc
}

use crate::arch::Arch;
use crate::cli::{Common, RunArgs, TestArgs};
use crate::layout::Layout;
use crate::run::console::{self, Outcome};
use crate::run::launch;
use crate::run_record::TEST_IDS;
use crate::usage_error;
use anyhow::Result;
use ktap::{Status, TestResult};
use std::time::{Duration, Instant};

/// A test guest's network reaches nothing but the host's forwards to
/// 127.0.0.1 (QEMU's restrict=on): no test sends traffic off the machine.
/// Only QEMU kernel boots have a network card.
pub fn confined(c: &Common, a: &RunArgs) -> RunArgs {
    let mut a = a.clone();
    let boots_on_qemu = crate::program::mode(c) == crate::program::Mode::System
        && c.emulator == crate::cli::Emulator::Qemu;
    if boots_on_qemu && !a.qemu.no_net {
        a.qemu.net_restrict = true;
    }
    a
}

pub struct Runner<'a> {
    pub common: &'a Common,
    pub args: &'a TestArgs,
    pub results: Vec<TestResult>,
    /// `--dry-run`: every test's commands are printed and nothing runs.
    pub eo: crate::exec::ExecOptions,
}

impl Runner<'_> {
    pub fn layout(&self, arch: Arch) -> Layout {
        Layout::new(self.common, arch)
    }

    pub fn dry_run(&self) -> bool {
        self.eo.prints_only()
    }

    /// The one way tests start an emulator: under --dry-run its commands are
    /// printed (None); otherwise it takes a free test run id and runs with
    /// its console watched, within `timeout` seconds.
    pub fn launch(
        &self,
        l: Layout,
        c: &Common,
        a: &RunArgs,
        timeout: f64,
        stop_on_oops: bool,
    ) -> Result<Option<(Layout, Outcome)>> {
        let a = &confined(c, a);
        if self.dry_run() {
            crate::run::print(l, c, a, TEST_IDS, &self.eo)?;
            return Ok(None);
        }
        let watch = console::WatchOptions {
            timeout: Some(Duration::from_secs_f64(timeout)),
            stop_on_oops,
            echo: c.verbose,
            keyboard: console::Keyboard::None,
            passthrough: false,
        };
        launch::claim_and_start(l, c, a, TEST_IDS, &watch).map(Some)
    }

    pub fn record(&mut self, r: TestResult) {
        let mark = match r.status {
            Status::Pass => "ok",
            Status::Fail => "not ok",
            Status::Skip => "skip",
        };
        // A skip says why (its last line of details, as in JUnit).
        let why = match (&r.status, r.details.lines().last()) {
            (&Status::Skip, Some(w)) if !w.trim().is_empty() => format!(": {}", w.trim()),
            _ => String::new(),
        };
        println!(
            "{mark} {} {} {} ({:.2}s){why}",
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

/// Boots the guest of `l` running `eval` (None under --dry-run).
pub fn boot(
    r: &Runner,
    l: Layout,
    eval: &str,
    cpus: u32,
    timeout: f64,
    extra: impl FnOnce(&mut RunArgs),
) -> Result<Option<Outcome>> {
    let mut a = RunArgs {
        eval: Some(eval.to_string()),
        cpus,
        memory: "512M".into(),
        timeout: Some(timeout),
        ..Default::default()
    };
    extra(&mut a);
    Ok(r.launch(l, r.common, &a, timeout, true)?.map(|(_, o)| o))
}

/// The last lines of a console, for failure reports.
pub fn tail(text: &str, n: usize) -> String {
    let v: Vec<&str> = text.lines().collect();
    v[v.len().saturating_sub(n)..].join("\n")
}

/// The test suites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    Modules,
    Crash,
    Gdb,
    Userland,
    Baremetal,
    TrackerDebug,
    Gem5,
    Features,
}

impl Suite {
    pub const ALL: [Suite; 8] = [
        Suite::Modules,
        Suite::Crash,
        Suite::Gdb,
        Suite::Userland,
        Suite::Baremetal,
        Suite::TrackerDebug,
        Suite::Gem5,
        Suite::Features,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Suite::Modules => "modules",
            Suite::Crash => "crash",
            Suite::Gdb => "gdb",
            Suite::Userland => "userland",
            Suite::Baremetal => "baremetal",
            Suite::TrackerDebug => "tracker-debug",
            Suite::Gem5 => "gem5",
            Suite::Features => "features",
        }
    }

    /// `--suite` values: names separated by commas, or `all`.
    pub fn parse_list(s: &str) -> Result<Vec<Suite>> {
        if s == "all" {
            return Ok(Suite::ALL.to_vec());
        }
        s.split(',')
            .map(|w| {
                let w = w.trim();
                Suite::ALL
                    .into_iter()
                    .find(|x| x.name() == w)
                    .ok_or_else(|| {
                        usage_error(format!(
                            "unknown suite '{w}'; valid: {}, all",
                            Suite::ALL.map(Suite::name).join(", ")
                        ))
                    })
            })
            .collect()
    }

    /// Whether `--suite all` runs this suite on `arch`: baremetal is for arm
    /// and aarch64, the debug kernel is built for x86_64 (KASAN is fastest
    /// to build there).
    fn in_all_for(self, arch: Arch) -> bool {
        match self {
            Suite::Baremetal => arch.supports_baremetal(),
            Suite::TrackerDebug => arch == Arch::X86_64,
            // lkmc builds gem5 for ARM.
            Suite::Gem5 => arch.row().gem5.bootloader.is_some(),
            _ => true,
        }
    }

    fn run(self, r: &mut Runner, arch: Arch) -> Result<()> {
        match self {
            Suite::Modules => suites::modules(r, arch),
            Suite::Crash => suites::crash(r, arch),
            Suite::Userland => suites::userland(r, arch),
            Suite::Baremetal => baremetal::suite(r, arch),
            Suite::TrackerDebug => suites::tracker_debug(r, arch),
            Suite::Gem5 => gem5::suite(r, arch),
            Suite::Gdb => gdb::suite(r, arch),
            Suite::Features => features::suite(r, arch),
        }
    }
}

/// `--build`: what the suites need, built first (printed under --dry-run).
fn build_for(r: &Runner, suites: &[Suite], arch: Arch) -> Result<()> {
    let l = r.layout(arch);
    let mut targets = vec![crate::targets::default_target(&l).to_string()];
    if suites.contains(&Suite::Userland) {
        targets.push("userland".into());
        if Arch::host() == Some(arch) {
            targets.push("userland-host".into());
        }
    }
    if suites.contains(&Suite::Baremetal) && arch.supports_baremetal() {
        targets.push("baremetal".into());
    }
    let p = crate::targets::plan(&targets, &l, &crate::targets::BuildOpts::defaults())?;
    crate::exec::run_plan(&p, &r.eo)
}

pub fn execute(c: &Common, a: &TestArgs) -> Result<i32> {
    if a.executor == crate::slurm::Executor::Slurm {
        return slurm::execute(c, a);
    }
    let suites = Suite::parse_list(&a.suites)?;
    let archs: Vec<Arch> = if a.all_archs {
        Arch::ALL.to_vec()
    } else {
        vec![c.arch()]
    };
    let mut r = Runner {
        common: c,
        args: a,
        results: Vec::new(),
        eo: crate::exec::ExecOptions::from_common(c, &Layout::new(c, c.arch()), false),
    };
    for &arch in &archs {
        if a.build {
            build_for(&r, &suites, arch)?;
        }
        for &s in &suites {
            if a.suites == "all" && !s.in_all_for(arch) {
                continue;
            }
            s.run(&mut r, arch)?;
            if let Some(sig) = console::interrupted() {
                eprintln!("lkmc: interrupted (signal {sig}): the remaining tests did not run");
                return Ok(128 + sig);
            }
        }
    }
    if r.dry_run() {
        return Ok(0);
    }
    finish(c, a, &r.results)
}

/// Writes the reports and prints the closing line; exit status 1 when
/// anything failed.
fn finish(c: &Common, a: &TestArgs, results: &[TestResult]) -> Result<i32> {
    let dir = a
        .report_dir
        .clone()
        .unwrap_or_else(|| Layout::new(c, c.arch()).out.join("test"));
    report::write_all(&dir, results)?;
    println!(
        "results: {} and {}",
        dir.join("junit.xml").display(),
        dir.join("results.json").display()
    );
    if results.is_empty() {
        println!("no test matched");
        return Ok(1);
    }
    println!("{}", report::summary_line(results));
    let (_, failed, _) = report::counts(results);
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
