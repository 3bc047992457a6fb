//! The suites that run in a booted guest.

use super::ktap::{self, Status, TestResult};
use super::{Runner, boot, tail};
use crate::arch::Arch;
use anyhow::Result;
use std::time::Instant;

fn quote_all(words: &[String]) -> String {
    words
        .iter()
        .map(|w| crate::render::quote(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The guest a KTAP boot runs in.
struct Guest<'a> {
    linux_id: Option<&'a str>,
    cpus: u32,
    memory: &'a str,
    /// Seconds for the whole boot: a guard against hangs only.
    timeout: f64,
}

/// Runs the guest's KTAP runner with `patterns` in one boot and records each test.
fn ktap_boot(r: &mut Runner, arch: Arch, suite: &str, patterns: &[String], g: Guest) -> Result<()> {
    let mut l = r.layout(arch);
    if let Some(id) = g.linux_id {
        l.linux_id = id.to_string();
    }
    let started = Instant::now();
    // smp.sh checks that the guest sees the CPUs it was given.
    let eval = format!(
        "lkmc_cpus={} sh /lkmc/test/run.sh {}",
        g.cpus,
        quote_all(patterns)
    );
    let memory = g.memory.to_string();
    let out = match boot(r, l, &eval, g.cpus, g.timeout, |a| a.memory = memory) {
        Ok(Some(o)) => o,
        Ok(None) => return Ok(()),
        Err(e) => {
            r.result(suite, arch, "boot", started, Err(format!("{e:#}")));
            return Ok(());
        }
    };
    let (results, plan) = ktap::parse(&out.output, suite, arch.name());
    for t in results.iter().cloned() {
        r.record(t);
    }
    // A crash, a hang or a short count fails the boot: tests that never
    // reported are not passes.
    let missing = plan.map(|p| p.saturating_sub(results.len())).unwrap_or(0);
    if out.crash.is_some() || out.timed_out || plan.is_none() || missing > 0 {
        let why = if out.timed_out {
            "timed out".to_string()
        } else if let Some(c) = &out.crash {
            format!("kernel {c:?} during the suite")
        } else if plan.is_none() {
            "the guest runner never started".to_string()
        } else {
            format!("{missing} tests never reported")
        };
        r.result(
            suite,
            arch,
            "boot",
            started,
            Err(format!("{why}\n{}", tail(&out.output, 40))),
        );
    }
    Ok(())
}

pub fn modules(r: &mut Runner, arch: Arch) -> Result<()> {
    let patterns = if r.args.filters.is_empty() {
        vec!["*".to_string()]
    } else {
        r.args.filters.clone()
    };
    let guest = Guest {
        linux_id: None,
        cpus: r.args.cpus,
        memory: "512M",
        timeout: r.args.timeout,
    };
    ktap_boot(r, arch, "modules", &patterns, guest)
}

/// The first line of a crash test says what the console must show.
fn expected_text(script: &str) -> Option<String> {
    script
        .lines()
        .next()?
        .strip_prefix("# expect:")
        .map(|s| s.trim().to_string())
}

pub fn crash(r: &mut Runner, arch: Arch) -> Result<()> {
    let dir = r
        .layout(arch)
        .rootfs_overlay_source_dir()
        .join("lkmc/test/crash");
    for name in crash_tests(&dir) {
        if !r.wants(&name) {
            continue;
        }
        let script = std::fs::read_to_string(dir.join(format!("{name}.sh")))?;
        let started = Instant::now();
        let Some(expect) = expected_text(&script) else {
            let why = "first line must be `# expect: TEXT`".to_string();
            r.result("crash", arch, &name, started, Err(why));
            continue;
        };
        let l = r.layout(arch);
        let eval = format!("sh /lkmc/test/crash/{name}.sh");
        // A crash test ends in a second; the limit only guards against hangs.
        let res = match boot(r, l, &eval, 1, r.args.timeout, |_| {}) {
            Err(e) => Err(format!("{e:#}")),
            Ok(None) => continue,
            // 77: the test says it cannot run on this kernel.
            Ok(Some(o)) if o.guest_status == Some(77) => {
                r.record(TestResult {
                    suite: "crash".into(),
                    arch: arch.name().into(),
                    name: name.clone(),
                    status: Status::Skip,
                    seconds: started.elapsed().as_secs_f64(),
                    details: tail(&o.output, 3),
                });
                continue;
            }
            Ok(Some(o)) => judge_crash(&o, &expect),
        };
        r.result("crash", arch, &name, started, res);
    }
    Ok(())
}

/// The crash tests' names (rootfs_overlay/lkmc/test/crash/NAME.sh), sorted.
fn crash_tests(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".sh")
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A crash test passes when lkmc saw the crash and the console shows the text
/// the test expects.
fn judge_crash(o: &crate::run::console::Outcome, expect: &str) -> Result<(), String> {
    match (&o.crash, o.output.contains(expect)) {
        (Some(_), true) => Ok(()),
        (None, _) => Err(format!("no crash detected\n{}", tail(&o.output, 30))),
        (Some(c), false) => Err(format!(
            "{c:?} detected but '{expect}' not shown\n{}",
            tail(&o.output, 30)
        )),
    }
}

/// Every userland program on every runner it applies to: see userland.rs.
pub fn userland(r: &mut Runner, arch: Arch) -> Result<()> {
    super::userland::suite(r, arch)
}

/// The tracker's tests on the debug kernel (KASAN, kmemleak, lockdep,
/// atomic-sleep checks): run.sh fails a test whose run made the kernel report
/// a bug. The ftrace test too: the debug kernel has linux_config/full's
/// tracers, which the default kernel leaves out for boot time.
pub fn tracker_debug(r: &mut Runner, arch: Arch) -> Result<()> {
    let l = r.layout(arch);
    let mut dl = l.clone();
    dl.linux_id = "debug".into();
    if !dl.linux_image().exists() {
        let started = Instant::now();
        r.result(
            "tracker-debug",
            arch,
            "build",
            started,
            Err(format!(
                "the debug kernel is not built: run `lkmc build --arch {arch} --linux-build-id debug`"
            )),
        );
        return Ok(());
    }
    // KASAN, kmemleak and lockdep: the kernel panics at boot in 256M, and
    // the tracker's tests took 250 s on a loaded 2-core machine.
    let guest = Guest {
        linux_id: Some("debug"),
        cpus: 2,
        memory: "1G",
        timeout: r.args.timeout.max(1800.0),
    };
    let tests = ["tracker*".to_string(), "ftrace".to_string()];
    ktap_boot(r, arch, "tracker-debug", &tests, guest)
}
