//! The gem5 suite: a full-system boot whose `--eval` status becomes lkmc's,
//! `m5 dumpstats` in stats.txt, a checkpoint restored without booting again,
//! syscall emulation of a program with its exit status, a baremetal
//! program, GDB stopping the kernel at start_kernel, and `poweroff` typed
//! on the guest's terminal port ending the simulation, a shell typed into
//! in lkmc's own terminal (Ctrl-C, Ctrl-A X), and Ctrl-C (SIGINT to lkmc)
//! ending it mid-boot. ARM guests only (lkmc
//! builds gem5 for ARM); without a gem5 build every case is skipped, saying
//! so.

use super::ktap::{Status, TestResult};
use super::live::Live;
use super::{Runner, tail};
use crate::arch::Arch;
use crate::cli::{Common, Emulator, RunArgs};
use crate::layout::Layout;
use crate::run::console::Outcome;
use anyhow::Result;
use std::io::Write;
use std::time::{Duration, Instant};

const SUITE: &str = "gem5";
/// The kernel's first message (with --verbose-boot).
const BOOT_MESSAGE: &str = "Booting Linux";

type CaseFn = fn(&Runner, Arch) -> Result<Option<()>, String>;

const CASES: [(&str, CaseFn); 9] = [
    ("gem5_eval_exit_status", eval_exit_status),
    ("gem5_checkpoint_restore", checkpoint_restore),
    ("gem5_se_hello", se_hello),
    ("gem5_se_exit_status", se_exit_status),
    ("gem5_baremetal_hello", baremetal_hello),
    ("gem5_gdb_start_kernel", gdb_start_kernel),
    ("gem5_shell_poweroff", shell_poweroff),
    ("gem5_keys_typed_in_lkmc_run", keys_typed_in_lkmc_run),
    ("gem5_sigint_ends_the_run", sigint_ends_the_run),
];

pub fn suite(r: &mut Runner, arch: Arch) -> Result<()> {
    let skip = why_skip(r, arch);
    for (name, case) in CASES {
        if !r.wants(name) {
            continue;
        }
        let started = Instant::now();
        if let Some(why) = skip.clone().or_else(|| why_case_skips(r, name, arch)) {
            r.record(TestResult {
                suite: SUITE.into(),
                arch: arch.name().into(),
                name: name.into(),
                status: Status::Skip,
                seconds: 0.0,
                details: why,
            });
            continue;
        }
        match case(r, arch) {
            Ok(None) => {} // --dry-run: printed
            Ok(Some(())) => r.result(SUITE, arch, name, started, Ok(())),
            Err(e) => r.result(SUITE, arch, name, started, Err(e)),
        }
    }
    Ok(())
}

/// The program each syscall-emulation case runs (under userland/).
const SE_PROGRAMS: [(&str, &str); 2] = [
    ("gem5_se_hello", "c/hello.c"),
    ("gem5_se_exit_status", "c/exit_status.c"),
];

/// Why one case cannot run on this arch, if it cannot: a syscall-emulation
/// case needs its program built for gem5 (with dietlibc on arm).
fn why_case_skips(r: &Runner, name: &str, arch: Arch) -> Option<String> {
    let (_, program) = SE_PROGRAMS.iter().find(|(case, _)| *case == name)?;
    let l = layout(r, arch);
    let exe = crate::targets::userland::output_for(
        &l.userland_executables_dir(),
        std::path::Path::new(program),
    );
    let target = if l.userland_uses_dietlibc() {
        "userland-dietlibc"
    } else {
        "userland"
    };
    (!r.dry_run() && !exe.exists()).then(|| {
        format!(
            "{} is absent: `lkmc build --arch {arch} {target}` builds it",
            exe.display()
        )
    })
}

/// Why the suite cannot run here, if it cannot.
fn why_skip(r: &Runner, arch: Arch) -> Option<String> {
    if arch.row().gem5.bootloader.is_none() {
        return Some(format!(
            "lkmc builds gem5 for ARM guests; {arch} needs an X86 gem5 build"
        ));
    }
    let exe = layout(r, arch).gem5_executable();
    if r.dry_run() || exe.exists() {
        return None;
    }
    Some(format!(
        "no gem5 build ({} is absent): `lkmc build -D --arch {arch} gem5` builds it (hours on 2 cores)",
        exe.display()
    ))
}

fn gem5_common(r: &Runner) -> Common {
    let mut c = r.common.clone();
    c.emulator = Emulator::Gem5;
    c
}

fn layout(r: &Runner, arch: Arch) -> Layout {
    Layout::new(&gem5_common(r), arch)
}

/// One gem5 run; None under --dry-run.
fn run(
    r: &Runner,
    arch: Arch,
    c: &Common,
    a: RunArgs,
) -> Result<Option<(Layout, Outcome)>, String> {
    let timeout = r.args.timeout;
    let a = RunArgs {
        timeout: Some(timeout),
        ..a
    };
    r.launch(Layout::new(c, arch), c, &a, timeout, true)
        .map_err(|e| format!("{e:#}"))
}

fn expect_status(o: &Outcome, want: i32, shown: &str) -> Result<(), String> {
    if o.exit_code() != want || !o.output.contains(shown) {
        return Err(format!(
            "wanted exit status {want} and '{shown}' on the console, got {}\n{}",
            o.exit_code(),
            tail(&o.output, 30)
        ));
    }
    Ok(())
}

/// `lkmc run --emulator gem5 --eval 'm5 dumpstats; exit 3'` exits 3, and
/// stats.txt holds that dump and the one gem5 makes at its exit.
fn eval_exit_status(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let a = RunArgs {
        eval: Some("echo lkmc_on_gem5; m5 dumpstats; exit 3".into()),
        ..Default::default()
    };
    let Some((l, o)) = run(r, arch, &gem5_common(r), a)? else {
        return Ok(None);
    };
    expect_status(&o, 3, "lkmc_on_gem5")?;
    let stats = std::fs::read_to_string(l.m5out_dir().join("stats.txt")).unwrap_or_default();
    let dumps = stats.matches("Begin Simulation Statistics").count();
    if dumps < 2 {
        return Err(format!(
            "stats.txt has {dumps} dump(s): m5 dumpstats and the final dump make 2"
        ));
    }
    // What `lkmc gem5-stat sim_insts` prints: a count per dump.
    let re = regex::Regex::new("^sim_insts$").expect("a valid regex");
    let insts = crate::gem5_helpers::matching_stats(&stats, &re);
    let counted = |line: &String| {
        line.split_whitespace()
            .nth(1)
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|v| v > 0)
    };
    if insts.len() < 2 || !insts.iter().all(counted) {
        return Err(format!(
            "gem5-stat sim_insts: wanted a count per dump, got {insts:?}"
        ));
    }
    Ok(Some(()))
}

/// A checkpoint taken after the boot, restored in the same run dir: the
/// restored run reads its own readfile and never boots the kernel again.
fn checkpoint_restore(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let eval = "m5 checkpoint; m5 readfile > /tmp/after.sh; sh /tmp/after.sh";
    // The kernel's boot messages on, to see that the restored run has none.
    let first = RunArgs {
        eval: Some(eval.into()),
        gem5_readfile: Some("echo lkmc_first_run; exit 0".into()),
        verbose_boot: true,
        ..Default::default()
    };
    let Some((l, o)) = run(r, arch, &gem5_common(r), first)? else {
        return Ok(None);
    };
    expect_status(&o, 0, "lkmc_first_run")?;
    expect_status(&o, 0, BOOT_MESSAGE)?;
    let mut c = gem5_common(r);
    c.run_id = Some(l.run_id);
    let again = RunArgs {
        gem5_restore: Some(1),
        gem5_readfile: Some("echo lkmc_restored; exit 4".into()),
        verbose_boot: true,
        ..Default::default()
    };
    let (_, o) = run(r, arch, &c, again)?.expect("a real run");
    expect_status(&o, 4, "lkmc_restored")?;
    if o.output.contains(BOOT_MESSAGE) {
        return Err("the restored run booted the kernel again".into());
    }
    Ok(Some(()))
}

fn userland_common(r: &Runner, arch: Arch, program: &str) -> Common {
    let mut c = gem5_common(r);
    c.userland = Some(layout(r, arch).userland_source_dir().join(program));
    c
}

/// se.py runs a program and its output reaches lkmc's.
fn se_hello(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let c = userland_common(r, arch, SE_PROGRAMS[0].1);
    let Some((_, o)) = run(r, arch, &c, RunArgs::default())? else {
        return Ok(None);
    };
    expect_status(&o, 0, "hello")?;
    Ok(Some(()))
}

/// The program's exit status, which gem5 prints, is lkmc's.
fn se_exit_status(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let c = userland_common(r, arch, SE_PROGRAMS[1].1);
    let a = RunArgs {
        cli_args: Some("42".into()),
        ..Default::default()
    };
    let Some((_, o)) = run(r, arch, &c, a)? else {
        return Ok(None);
    };
    expect_status(&o, 42, "exiting with 42")?;
    Ok(Some(()))
}

fn baremetal_hello(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let mut c = gem5_common(r);
    c.baremetal = Some(layout(r, arch).repo.join("baremetal/hello.c"));
    let Some((_, o)) = run(r, arch, &c, RunArgs::default())? else {
        return Ok(None);
    };
    expect_status(&o, 0, "hello baremetal")?;
    Ok(Some(()))
}

/// Ctrl-C (SIGINT to lkmc) ten seconds into a boot: lkmc exits 130 and its
/// gem5 is gone.
fn sigint_ends_the_run(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    if r.dry_run() {
        return Ok(None);
    }
    let run = ["--eval", "sleep 1000", "--timeout", "600"];
    super::interrupt::sigint_ends_the_run(
        &gem5_common(r),
        arch,
        &run,
        "gem5",
        Duration::from_secs(10),
    )?;
    Ok(Some(()))
}

/// gem5 waits for GDB on its remote port; GDB breaks at start_kernel.
fn gdb_start_kernel(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    super::gdb::start_kernel_on(r, &gem5_common(r), arch)?;
    Ok((!r.dry_run()).then_some(()))
}

/// The guest shell's prompt (the shell starts in /lkmc).
const SHELL_PROMPT: &str = "/lkmc #";

/// `poweroff` typed on the run's terminal port (where `lkmc gem5-shell`
/// connects; m5term itself needs a tty) ends gem5 through m5 exit, with
/// status 0.
fn shell_poweroff(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    let Some(live) = Live::start(r, arch, &gem5_common(r), RunArgs::default())? else {
        return Ok(None);
    };
    if !live.wait_for(SHELL_PROMPT) {
        let o = live.end()?;
        return Err(format!("no shell prompt\n{}", tail(&o.output, 30)));
    }
    let port = live.l.gem5_terminal_port() as u16;
    let mut term = std::net::TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| format!("the terminal port {port}: {e}"))?;
    // A line typed just as the shell starts can be lost (seen here: the
    // first line after the prompt vanished), so a command is typed until
    // its output shows that the shell reads; then poweroff.
    let t = Instant::now();
    let mut typed: Option<Instant> = None;
    let mut ready = false;
    while !live.emu.is_finished() && t.elapsed() < live.limit {
        let console = std::fs::read_to_string(live.l.termout()).unwrap_or_default();
        if !ready && console.contains("lkmc_shell_42") {
            ready = true;
            let _ = term.write_all(b"poweroff\r");
        } else if !ready && typed.is_none_or(|at| at.elapsed() > Duration::from_secs(10)) {
            typed = Some(Instant::now());
            let _ = term.write_all(b"echo lkmc_shell_$((6*7))\r");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    drop(term);
    let o = live.end()?;
    expect_status(&o, 0, "poweroff")?;
    Ok(Some(()))
}

/// A shell in `lkmc run`'s own terminal, as on QEMU: a command typed there
/// runs in the guest, Ctrl-C stops the guest's command, and Ctrl-A X ends
/// the run with status 0 and no gem5 left.
fn keys_typed_in_lkmc_run(r: &Runner, arch: Arch) -> Result<Option<()>, String> {
    if r.dry_run() {
        return Ok(None);
    }
    let limit = super::live::limit(r);
    let timeout = limit.as_secs().to_string();
    let mut run = super::pty_run::PtyRun::start(&gem5_common(r), arch, &["--timeout", &timeout])?;
    let shown = |run: &super::pty_run::PtyRun| tail(&run.screen(), 30);
    if !run.wait_for(SHELL_PROMPT, limit) {
        return Err(format!("no shell prompt\n{}", shown(&run)));
    }
    let gem5 = super::interrupt::child_named(run.pid(), "gem5");
    // As in shell_poweroff: a line typed as the shell starts can be lost.
    let start = Instant::now();
    while !run.wait_for("lkmc_shell_42", Duration::from_secs(10)) {
        if start.elapsed() > limit {
            return Err(format!("typed commands never ran\n{}", shown(&run)));
        }
        run.type_keys(b"echo lkmc_shell_$((6*7))\r")?;
    }
    run.type_keys(b"sleep 1000\r")?;
    std::thread::sleep(Duration::from_secs(2));
    run.type_keys(b"\x03echo lkmc_after_$((6*7))\r")?;
    if !run.wait_for("lkmc_after_42", limit) {
        return Err(format!("Ctrl-C did not end sleep\n{}", shown(&run)));
    }
    run.type_keys(b"\x01x")?;
    match run.wait(limit) {
        Some(0) => {}
        code => {
            return Err(format!(
                "Ctrl-A X: lkmc ended with {code:?}, not 0\n{}",
                shown(&run)
            ));
        }
    }
    if let Some(pid) = gem5.filter(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists()) {
        return Err(format!("gem5 (pid {pid}) is still there after Ctrl-A X"));
    }
    Ok(Some(()))
}
