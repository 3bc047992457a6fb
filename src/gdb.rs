//! `lkmc gdb`: GDB attached to a run's GDB port with the right symbols: the
//! kernel (vmlinux + the kernel's GDB scripts + lx-symbols for our modules),
//! a user-mode program, or a baremetal program.

use crate::arch::Arch;
use crate::cli::{Common, Emulator, GdbArgs};
use crate::command::Cmd;
use crate::layout::Layout;
use crate::program::{self as run, Mode};
use crate::run_record::{self, RunRecord};
use crate::usage_error;
use anyhow::{Context, Result, anyhow, bail};
use clap::ValueEnum;
use std::path::Path;
use std::time::{Duration, Instant};

fn ex(c: Cmd, command: impl AsRef<str>) -> Cmd {
    c.line(["-ex", command.as_ref()])
}

fn split(opt: &Option<String>) -> Result<Vec<String>> {
    match opt {
        None => Ok(vec![]),
        Some(s) => {
            shlex::split(s).ok_or_else(|| usage_error(format!("unbalanced quotes in '{s}'")))
        }
    }
}

/// The program whose symbols GDB loads.
fn symbol_file(l: &Layout, c: &Common, m: Mode) -> Result<std::path::PathBuf> {
    Ok(match m {
        Mode::System => l.vmlinux(),
        Mode::User => run::userland_executable(
            l,
            c.userland.as_ref().expect("user mode has a program"),
            &l.userland_executables_dir(),
        )?,
        Mode::Native => run::userland_executable(
            l,
            c.userland.as_ref().expect("native mode has a program"),
            &crate::targets::userland::host_build_dir(l),
        )?,
        Mode::Baremetal => crate::targets::baremetal::program_image(
            l,
            c.baremetal.as_ref().expect("baremetal mode has a program"),
        )?,
    })
}

/// GDB with the user's --before words and settings every session wants.
fn gdb_start(l: &Layout, a: &GdbArgs) -> Result<Cmd> {
    let mut g = Cmd::new(l.gdb().display().to_string()).arg("-q");
    if a.batch {
        g = g.line(["-nx", "-batch"]);
    }
    g = g.args(split(&a.before)?);
    g = ex(g, "set pagination off");
    Ok(ex(g, "set confirm off"))
}

/// GDB for a process in the full-system guest, run there with
/// `/lkmc/gdbserver.sh PROGRAM` on the virtio serial port lkmc forwards.
fn gdbserver_command(l: &Layout, c: &Common, a: &GdbArgs) -> Result<Cmd> {
    let Some(prog) = &c.userland else {
        return Err(usage_error(
            "--gdbserver needs --userland PROGRAM (the program gdbserver runs in the guest)",
        ));
    };
    let exe = run::userland_executable(l, prog, &l.userland_build_dir())?;
    let mut g = gdb_start(l, a)?;
    // The guest's libraries, for the dynamic loader's symbols.
    g = ex(g, format!("set sysroot {}", l.gdbserver_root().display()));
    g = ex(g, format!("file {}", exe.display()));
    // A guest under TCG on a busy host can take over GDB's default 2 s to
    // answer: GDB would send again, then read the first answer as the reply
    // to its next packet ("Remote replied unexpectedly").
    g = ex(g, "set remotetimeout 30");
    let port = if a.net {
        l.gdbserver_net_port()
    } else {
        l.hostfwd_port()
    };
    g = ex(g, format!("target remote localhost:{port}"));
    g = ex(
        g,
        format!("break {}", a.break_at.as_deref().unwrap_or("main")),
    );
    if !a.no_continue {
        g = ex(g, "continue");
    }
    for e in &a.ex {
        g = ex(g, e);
    }
    Ok(g.args(split(&a.after)?))
}

pub fn command(l: &Layout, c: &Common, a: &GdbArgs) -> Result<Cmd> {
    let m = run::mode(c);
    if m == Mode::Native {
        return Err(usage_error(
            "lkmc gdb attaches to an emulator; for native programs run gdb directly",
        ));
    }
    if a.gdbserver {
        return gdbserver_command(l, c, a);
    }
    if a.kgdb && m != Mode::System {
        return Err(usage_error(
            "--kgdb debugs the kernel of a full-system run: leave out --userland/--baremetal",
        ));
    }
    let g = load_symbols(gdb_start(l, a)?, l, c, m)?;
    let g = ex(g, format!("target remote localhost:{}", port(l, a)));
    let mut g = match (&a.module, m) {
        (Some(module), Mode::System) => break_in_module(g, l, a, module)?,
        (Some(_), _) => {
            return Err(usage_error(
                "--module is for kernel modules in a full-system run",
            ));
        }
        (None, _) => break_and_continue(g, l, a, m),
    };
    for e in &a.ex {
        g = ex(g, e);
    }
    g = g.args(split(&a.after)?);
    if m == Mode::System {
        g = g.cwd(l.linux_build_dir());
    }
    Ok(g)
}

/// The port GDB attaches to: QEMU's GDB stub, the guest's gdbserver
/// (forwarded), or the serial port a `--kgdb` kernel waits on.
fn port(l: &Layout, a: &GdbArgs) -> u32 {
    if a.gdbserver {
        l.hostfwd_port()
    } else if a.kgdb {
        l.extra_serial_port()
    } else {
        l.gdb_port()
    }
}

/// What the kernel prints when KGDB waits for GDB: at boot (kgdbwait) or
/// after SysRq g (KDB first, which hands over to GDB's first packet).
pub const KGDB_WAITING: [&str; 2] = ["KGDB: Waiting for connection", "Entering kdb"];

/// `--kgdb`: GDB's first packets must reach a kernel that reads them, so
/// wait until run `l`'s console says the kernel waits.
fn wait_for_kgdb(l: &Layout, quiet: bool) -> Result<()> {
    let started = Instant::now();
    let waiting = || {
        let text = std::fs::read_to_string(l.termout()).unwrap_or_default();
        KGDB_WAITING.iter().any(|w| text.contains(w))
    };
    if !quiet && !waiting() {
        eprintln!(
            "lkmc: waiting for the kernel of run {} to wait for KGDB...",
            l.run_id
        );
    }
    while !waiting() {
        if started.elapsed() > ATTACH_DEADLINE || !run_record::in_use(&l.out, l.run_id) {
            bail!(
                "the kernel of run {} is not waiting for KGDB: start it with `lkmc run --kgdb`, \
                 or enter the debugger with `echo g > /proc/sysrq-trigger` in the guest",
                l.run_id
            );
        }
        std::thread::sleep(POLL);
    }
    Ok(())
}

/// The program's symbols; for a kernel also its own GDB scripts (lx-symbols,
/// lx-dmesg, lx-ps, ...).
fn load_symbols(g: Cmd, l: &Layout, c: &Common, m: Mode) -> Result<Cmd> {
    let file = symbol_file(l, c, m)?;
    if m != Mode::System {
        return Ok(ex(g, format!("file {}", file.display())));
    }
    let g = ex(
        g,
        format!("add-auto-load-safe-path {}", l.linux_build_dir().display()),
    );
    let g = ex(g, format!("file {}", file.display()));
    Ok(ex(
        g,
        format!(
            "source {}",
            l.linux_build_dir().join("vmlinux-gdb.py").display()
        ),
    ))
}

/// `--module M [FUNC]`: gdb/lkmc.py loads all of the module's sections
/// (lx-symbols leaves out .init.text) when it is inserted, then breaks.
fn break_in_module(g: Cmd, l: &Layout, a: &GdbArgs, module: &str) -> Result<Cmd> {
    let ko = l.modules_build_dir().join(format!("{module}.ko"));
    let src = l.kernel_modules_source_dir().join(format!("{module}.c"));
    if !src.exists() {
        return Err(usage_error(format!(
            "no module '{module}': {} does not exist",
            src.display()
        )));
    }
    let g = g.line([
        "-x".to_string(),
        l.repo.join("gdb/lkmc.py").display().to_string(),
    ]);
    let mut words = vec![module.to_string(), ko.display().to_string()];
    words.extend(a.break_at.clone());
    let words: Vec<String> = words.iter().map(|w| crate::render::quote(w)).collect();
    let g = ex(g, format!("lkmc-module {}", words.join(" ")));
    Ok(ex(g, "continue"))
}

/// The user's breakpoint, continue, and the symbols of modules already loaded.
fn break_and_continue(mut g: Cmd, l: &Layout, a: &GdbArgs, m: Mode) -> Cmd {
    if let Some(b) = &a.break_at {
        g = ex(g, format!("break {b}"));
    }
    if !a.no_continue {
        g = ex(g, "continue");
    }
    if m == Mode::System && !a.no_lxsymbols {
        g = ex(g, format!("lx-symbols {}", l.modules_build_dir().display()));
    }
    g
}

/// How long `lkmc gdb` waits for a live run to record itself and open its
/// GDB port (a run that is still writing its files, or gem5 starting up).
const ATTACH_DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// The mode of the run GDB attaches to: a gdbserver session debugs a
/// process of a full-system guest.
fn run_mode(c: &Common, a: &GdbArgs) -> Mode {
    if a.gdbserver {
        Mode::System
    } else {
        run::mode(c)
    }
}

/// The options of a session attached to run `id` described by `r`: its arch
/// and emulator when they were not given; an error when they were given and
/// differ from the run's, or when the run is of another mode.
pub fn resolve(c: &Common, a: &GdbArgs, id: u32, r: &RunRecord) -> Result<Common> {
    let arch = *Arch::ALL
        .iter()
        .find(|x| x.name() == r.arch)
        .ok_or_else(|| anyhow!("run {id} records an unknown arch '{}'", r.arch))?;
    if let Some(asked) = c.arch
        && asked != arch
    {
        return Err(usage_error(format!(
            "run {id} is an {arch} run, not {asked}: leave out --arch (lkmc gdb takes the \
             run's), or pass -n with the id of an {asked} run"
        )));
    }
    let emulator = *Emulator::value_variants()
        .iter()
        .find(|e| e.name() == r.emulator)
        .ok_or_else(|| anyhow!("run {id} records an unknown emulator '{}'", r.emulator))?;
    // --emulator defaults to qemu: only another value is known to be asked for.
    if c.emulator != Emulator::Qemu && c.emulator != emulator {
        return Err(usage_error(format!(
            "run {id} runs on {}, not {}: leave out --emulator",
            emulator.name(),
            c.emulator.name()
        )));
    }
    let want = run_mode(c, a);
    if r.mode != want.name() {
        let hint = match r.mode.as_str() {
            "user" => "pass --userland PROGRAM, the program it runs",
            "baremetal" => "pass --baremetal PROGRAM, the program it runs",
            "system" => {
                "leave out --userland/--baremetal, or add --gdbserver to debug a process of the guest"
            }
            _ => "GDB cannot attach to it",
        };
        return Err(usage_error(format!(
            "run {id} is a {} run, not a {} one: {hint}",
            r.mode,
            want.name()
        )));
    }
    let mut c = c.clone();
    c.arch = Some(arch);
    c.emulator = emulator;
    Ok(c)
}

/// The record of the live run `id`: an error at once when no run holds the
/// id; a run that holds it but has not recorded itself yet is waited for.
fn live_run(c: &Common, out: &Path, id: u32) -> Result<RunRecord> {
    let started = Instant::now();
    loop {
        if !run_record::in_use(out, id) {
            bail!(
                "no lkmc run holds run id {id}, so there is nothing to attach GDB to: start one \
                 first, e.g. `lkmc run{}{} --gdb-wait` in another shell, or pass -n with the \
                 id of a running one",
                c.arch.map(|a| format!(" --arch {a}")).unwrap_or_default(),
                if id == 0 {
                    String::new()
                } else {
                    format!(" -n {id}")
                }
            );
        }
        if let Some(r) = run_record::read_live(out, id) {
            return Ok(r);
        }
        if started.elapsed() > ATTACH_DEADLINE {
            bail!(
                "run id {id} is held but its run wrote no record in {}s",
                ATTACH_DEADLINE.as_secs()
            );
        }
        std::thread::sleep(POLL);
    }
}

/// Waits until `port` of live run `id` listens, or the run ends, or the deadline.
pub fn wait_for_port(out: &Path, id: u32, port: u32, quiet: bool) -> Result<()> {
    if crate::ports::listening(port) {
        return Ok(());
    }
    if !quiet {
        eprintln!("lkmc: waiting for run {id} to open its GDB port {port}...");
    }
    let ended = || !run_record::in_use(out, id);
    if crate::ports::wait_listening(port, ATTACH_DEADLINE, ended) {
        return Ok(());
    }
    if ended() {
        bail!("run {id} ended before its GDB port {port} opened");
    }
    bail!(
        "run {id} is live but nothing listens on its GDB port {port} after {}s",
        ATTACH_DEADLINE.as_secs()
    )
}

/// Replaces this process with `g`: GDB then owns the terminal alone, so
/// Ctrl-C reaches only GDB (which interrupts the guest) and no lkmc process
/// is left to be killed by it. Returns only on failure.
fn exec_replacing(g: &Cmd) -> Result<i32> {
    use std::os::unix::process::CommandExt;
    crate::tools::require(&g.program)?;
    let mut p = std::process::Command::new(&g.program);
    p.args(&g.args);
    if let Some(d) = &g.cwd {
        p.current_dir(d);
    }
    for (k, v) in &g.env {
        p.env(k, v);
    }
    if let Some(i) = &g.stdin {
        p.stdin(std::fs::File::open(i).with_context(|| format!("opening {}", i.display()))?);
    }
    let e = p.exec();
    Err(anyhow!(e).context(format!("could not start {}", g.program)))
}

/// `lkmc gdb`: attaches to the live run of `c`'s run id, with that run's
/// arch and emulator; with --dry-run or --plan-json prints the command.
pub fn execute(c: &Common, a: &GdbArgs) -> Result<i32> {
    let id = c.run_id.unwrap_or(0);
    let out = Layout::new(c, c.arch()).out;
    let prints_only = c.dry_run || c.plan_json;
    // A dry run prints what a real one would run: the live run's arch when
    // there is one, but no run is needed.
    let record = if prints_only {
        run_record::read_live(&out, id)
    } else {
        Some(live_run(c, &out, id)?)
    };
    let c = match &record {
        Some(r) => resolve(c, a, id, r)?,
        None => c.clone(),
    };
    let l = Layout::new(&c, c.arch());
    let g = command(&l, &c, a)?;
    let eo = crate::exec::ExecOptions::from_common(&c, &l, false);
    if let Some(code) = crate::exec::print_only("gdb", &g, &eo)? {
        return Ok(code);
    }
    if a.gdbserver && !l.gdbserver_root().join("usr/bin/gdbserver").exists() {
        return Err(usage_error(format!(
            "gdbserver is not in the guest yet: run `lkmc build --arch {} gdbserver rootfs` and boot again",
            l.arch
        )));
    }
    if let Some(d) = &g.cwd
        && !d.is_dir()
    {
        bail!(
            "{} does not exist: build the kernel first (`lkmc build --arch {}`)",
            d.display(),
            l.arch
        );
    }
    wait_for_port(&l.out, l.run_id, port(&l, a), c.quiet)?;
    if a.kgdb {
        wait_for_kgdb(&l, c.quiet)?;
    }
    crate::exec::save_script(&l.run_dir().join("gdb.sh"), &g)?;
    if !c.quiet {
        eprintln!("{}", crate::render::multiline(&g));
    }
    exec_replacing(&g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> (Common, GdbArgs) {
        let mut all = vec!["lkmc", "gdb"];
        all.extend_from_slice(args);
        let cli = crate::cli::Cli::try_parse_from(all).unwrap();
        match cli.command {
            crate::cli::Command::Gdb(a) => (cli.common.resolve().unwrap(), a),
            _ => unreachable!(),
        }
    }

    fn record(arch: &str, emulator: &str, mode: &str) -> RunRecord {
        RunRecord {
            arch: arch.into(),
            emulator: emulator.into(),
            mode: mode.into(),
            gdb_wait: true,
            gdb_port: 45457,
        }
    }

    #[test]
    fn takes_the_runs_arch_and_emulator_when_not_given() {
        let (c, a) = parse(&[]);
        let r = resolve(&c, &a, 0, &record("aarch64", "gem5", "system")).unwrap();
        assert_eq!((r.arch, r.emulator), (Some(Arch::Aarch64), Emulator::Gem5));
        let (c, a) = parse(&["--arch", "arm"]);
        let r = resolve(&c, &a, 0, &record("arm", "qemu", "system")).unwrap();
        assert_eq!(r.arch, Some(Arch::Arm));
    }

    #[test]
    fn a_given_arch_or_emulator_or_mode_that_differs_is_an_error() {
        let err = |args: &[&str], r: RunRecord| {
            let (c, a) = parse(args);
            format!("{:#}", resolve(&c, &a, 4, &r).unwrap_err())
        };
        let e = err(&["--arch", "x86_64"], record("aarch64", "qemu", "system"));
        assert!(e.contains("run 4 is an aarch64 run, not x86_64"), "{e}");
        let e = err(&["--emulator", "gem5"], record("aarch64", "qemu", "system"));
        assert!(e.contains("run 4 runs on qemu, not gem5"), "{e}");
        let e = err(&[], record("arm", "qemu", "user"));
        assert!(e.contains("--userland PROGRAM"), "{e}");
        let e = err(
            &["--userland", "userland/c/hello.c"],
            record("arm", "qemu", "system"),
        );
        assert!(e.contains("--gdbserver"), "{e}");
        // gdbserver debugs a process of a full-system run.
        let (c, a) = parse(&["--gdbserver", "--userland", "userland/c/hello.c"]);
        assert!(resolve(&c, &a, 4, &record("arm", "qemu", "system")).is_ok());
    }
}
