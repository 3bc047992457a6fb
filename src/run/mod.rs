//! `lkmc run`: boot a guest, or run a user-mode, baremetal or native program.

pub mod baremetal;
pub mod console;
pub mod features;
pub mod gem5;
mod gem5_keyboard;
pub mod kernel_cli;
pub mod launch;
pub mod qemu;

pub mod spec;

pub use crate::program::{Mode, mode, userland_executable};
pub use spec::RunSpec;

use crate::cli::{Common, Emulator, RunArgs};
use crate::command::{Cmd, mkdir_p};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::usage_error;
use anyhow::Result;
use std::path::Path;

pub struct RunPlan {
    pub mode: Mode,
    /// Files to write or convert before the emulator starts.
    pub prep: Plan,
    /// The tmux split that starts GDB or a shell next to the emulator.
    pub tmux: Option<Cmd>,
    pub main: Cmd,
}

/// The command that opens GDB (or another program) in a tmux split.
fn tmux_split(l: &Layout, s: &RunSpec) -> Result<Option<Cmd>> {
    let Some(split) = &s.tmux else {
        return Ok(None);
    };
    let lkmc = std::env::current_exe()?.display().to_string();
    let mut words = vec![
        lkmc,
        split.program.clone(),
        format!("--arch={}", l.arch),
        format!("--run-id={}", l.run_id),
        format!("--linux-build-id={}", l.linux_id),
        format!("--emulator={}", l.emulator.name()),
    ];
    if let Some(o) = &s.out_dir {
        words.push(format!("--out-dir={}", o.display()));
    }
    if let Some(u) = s.userland() {
        words.push(format!("--userland={}", u.display()));
    }
    if let Some(b) = &s.baremetal {
        words.push(format!("--baremetal={}", b.display()));
    }
    match &split.args {
        Some(t) => words.extend(shlex::split(t).unwrap_or_default()),
        None if s.gdb_wait => words.push(
            if s.mode == Mode::System {
                "start_kernel"
            } else {
                "main"
            }
            .into(),
        ),
        None => {}
    }
    let inner = words
        .iter()
        .map(|w| crate::render::quote(w))
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Some(
        Cmd::new("tmux")
            .line(["split-window", "-h", "-d"])
            .arg(format!(
                "trap : INT; {inner}; printf 'press enter to close'; read x"
            )),
    ))
}

/// Resolves the command line's run and plans it.
pub fn plan(l: &Layout, c: &Common, a: &RunArgs) -> Result<RunPlan> {
    plan_spec(l, &RunSpec::resolve(l, c, a)?)
}

/// Arch constraints of the mode, which need the layout.
fn check_arch(l: &Layout, s: &RunSpec) -> Result<()> {
    if s.mode == Mode::Baremetal {
        crate::targets::baremetal::require_arch(l)?;
    }
    let host = crate::arch::Arch::host();
    if s.mode == Mode::Native && Some(l.arch) != host {
        return Err(usage_error(format!(
            "--emulator native runs host programs, so --arch must be the host's ({})",
            std::env::consts::ARCH
        )));
    }
    if s.kvm && Some(l.arch) != host {
        return Err(usage_error(format!(
            "--kvm needs a guest of the host's arch, not {}",
            l.arch
        )));
    }
    Ok(())
}

pub fn plan_spec(l: &Layout, s: &RunSpec) -> Result<RunPlan> {
    check_arch(l, s)?;
    let mut prep = Plan::default();
    prep.push(Step::new("run-dir", "preparing the run dir").action(mkdir_p(l.run_dir())));
    let tmux = tmux_split(l, s)?;
    let main = emulator_command(l, s, &mut prep)?;
    let main = if s.debug_vm && s.mode != Mode::Native {
        under_gdb(main)
    } else {
        main
    };
    Ok(RunPlan {
        mode: s.mode,
        prep,
        tmux,
        main,
    })
}

/// The one place that picks the builder for a mode on an emulator.
fn emulator_command(l: &Layout, s: &RunSpec, prep: &mut Plan) -> Result<Cmd> {
    Ok(match (s.mode, s.emulator) {
        (Mode::System, Emulator::Qemu) => qemu::system(l, s),
        (Mode::User, Emulator::Qemu) => qemu::user(l, s, &user_program(l, s)?),
        (Mode::Native, _) => {
            let path = s
                .userland()
                .ok_or_else(|| usage_error("--emulator native needs --userland PROGRAM"))?;
            let exe = userland_executable(l, path, &crate::targets::userland::host_build_dir(l))?;
            let mut cmd = Cmd::new(exe.display().to_string()).args(s.cli_args.iter());
            cmd.stdin = s.stdin_file.clone();
            cmd
        }
        (Mode::Baremetal, Emulator::Qemu) => baremetal::qemu(l, s, prep)?,
        (_, Emulator::Gem5) => gem5::command(l, s, prep)?,
        (_, Emulator::Native) => {
            return Err(usage_error(
                "baremetal programs run on --emulator qemu or gem5, not native",
            ));
        }
    })
}

/// The guest executable of a user-mode run.
pub fn user_program(l: &Layout, s: &RunSpec) -> Result<std::path::PathBuf> {
    let path = s.userland().expect("user mode has --userland");
    userland_executable(l, path, &l.userland_executables_dir())
}

/// --debug-vm: the emulator itself under the host's GDB.
fn under_gdb(cmd: Cmd) -> Cmd {
    let mut g = Cmd::new("gdb").arg("-q").arg("--args");
    g.args.push(cmd.program.clone());
    g.line_starts.push(true);
    g.args.extend(cmd.args.iter().cloned());
    g.line_starts.extend(cmd.line_starts.iter().copied());
    g.env = cmd.env;
    g
}

/// A file a run needs, what to call it, and the build target that makes it.
struct Input {
    path: std::path::PathBuf,
    what: String,
    target: &'static str,
}

/// What must exist before a real run, with the command that makes it.
pub(crate) fn check_inputs(l: &Layout, s: &RunSpec, rp: &RunPlan) -> Result<()> {
    for i in inputs(l, s, rp) {
        if !i.path.exists() {
            let target = if i.target.is_empty() {
                String::new()
            } else {
                format!(" {}", i.target)
            };
            anyhow::bail!(
                "{} is not built yet: run `lkmc build --arch {}{target}`",
                i.what,
                l.arch
            );
        }
    }
    crate::tools::require(&rp.main.program)?;
    features::check_host(l, s)
}

fn inputs(l: &Layout, s: &RunSpec, rp: &RunPlan) -> Vec<Input> {
    let input = |path: std::path::PathBuf, what: Option<&str>, target| Input {
        what: what.map_or_else(|| path.display().to_string(), str::to_string),
        path,
        target,
    };
    // The program or image is the last absolute path of the command (the
    // builders put it there), or the command itself when run natively.
    let last_path = || {
        rp.main
            .args
            .iter()
            .rev()
            .find(|x| Path::new(x).is_absolute())
            .map(std::path::PathBuf::from)
    };
    match (s.mode, s.emulator) {
        (Mode::System, Emulator::Qemu) => {
            let kernel = l.linux_image();
            let what = format!("the kernel ({})", kernel.display());
            let root = if s.disk {
                input(
                    l.rootfs_ext2(),
                    Some("the ext2 root filesystem"),
                    "rootfs-ext2",
                )
            } else {
                input(l.initramfs(), Some("the initramfs"), "rootfs")
            };
            vec![input(kernel, Some(&what), ""), root]
        }
        // gem5's initramfs is packed once m5 is built (its guests end with
        // m5 exit); X86's fs.py boots the disk image.
        (Mode::System, Emulator::Gem5) if !gem5::boots_from_disk(l, s) => {
            vec![input(
                l.initramfs(),
                Some("gem5's initramfs (with m5)"),
                "m5 rootfs",
            )]
        }
        (Mode::System, _) => vec![],
        (Mode::Baremetal, e) => last_path()
            .map(|p| {
                let target = if e == Emulator::Gem5 {
                    "--emulator gem5 baremetal"
                } else {
                    "baremetal"
                };
                input(p, None, target)
            })
            .into_iter()
            .collect(),
        (Mode::Native, _) => vec![input(rp.main.program.clone().into(), None, "userland-host")],
        (Mode::User, _) => last_path()
            .map(|p| {
                let target = if l.userland_uses_dietlibc() {
                    "userland-dietlibc"
                } else {
                    "userland"
                };
                input(p, None, target)
            })
            .into_iter()
            .collect(),
    }
}

/// Prints the run that `l` would start now (with the run id it would take).
pub fn print(
    mut l: Layout,
    c: &Common,
    a: &RunArgs,
    ids: std::ops::Range<u32>,
    eo: &crate::exec::ExecOptions,
) -> Result<()> {
    l.run_id = crate::run_record::peek(&l.out, c.run_id, ids, launch::ports_free(&l));
    let rp = plan(&l, c, a)?;
    let mut all = rp.prep.clone();
    let mut s = Step::new("run", "running");
    if let Some(t) = &rp.tmux {
        s = s.action(t.clone());
    }
    all.push(s.action(rp.main.clone()));
    crate::exec::run_plan(&all, eo)
}

/// The guest shell reads our stdin, a terminal or not; --eval needs none.
/// On gem5 lkmc types it into the guest's terminal port, but not when a
/// tmux split has `lkmc gem5-shell` there (gem5 takes one connection).
fn keyboard(l: &Layout, spec: &RunSpec) -> console::Keyboard {
    match (spec.emulator, spec.mode) {
        _ if spec.eval.is_some() => console::Keyboard::None,
        (Emulator::Gem5, Mode::System)
            if spec
                .tmux
                .as_ref()
                .is_some_and(|t| t.program == "gem5-shell") =>
        {
            console::Keyboard::None
        }
        (Emulator::Gem5, Mode::System) => {
            console::Keyboard::Gem5Terminal(l.gem5_terminal_port() as u16)
        }
        _ => console::Keyboard::Emulator,
    }
}

/// Prints or runs; returns lkmc's exit code.
pub fn execute(l: Layout, c: &Common, a: &RunArgs, eo: &crate::exec::ExecOptions) -> Result<i32> {
    if eo.prints_only() {
        print(l, c, a, crate::run_record::USER_IDS, eo)?;
        return Ok(0);
    }
    let (l, _claim) = launch::claim(l, c, crate::run_record::USER_IDS)?;
    if c.run_id.is_none() && l.run_id != 0 {
        eprintln!(
            "lkmc: run id 0 is in use: this run takes id {} (its own ports and run dir)",
            l.run_id
        );
    }
    let spec = RunSpec::resolve(&l, c, a)?;
    let watch = console::WatchOptions {
        timeout: spec.timeout,
        stop_on_oops: !spec.allow_oops,
        echo: true,
        keyboard: keyboard(&l, &spec),
        // A user-mode program writes to our terminal itself, so its output
        // is line-buffered and shows as GDB steps over each printf.
        // gem5 prints the program's exit status: its output is watched.
        passthrough: matches!(spec.mode, Mode::User | Mode::Native)
            && spec.emulator != Emulator::Gem5,
    };
    let outcome = launch::start_spec(&l, c, &spec, &watch, |rp| {
        if rp.tmux.is_some() && std::env::var_os("TMUX").is_none() {
            return Err(usage_error(
                "--gdb and --tmux open a tmux split, so run lkmc inside tmux (start `tmux` first); \
                 or use two shells: `lkmc run --gdb-wait` in one and `lkmc gdb` in the other",
            ));
        }
        crate::exec::save_script(&l.out.join("run.sh"), &rp.main)?;
        if let Some(t) = &rp.tmux {
            crate::exec::expression(t).run()?;
        }
        if !eo.quiet {
            eprintln!(
                "{}",
                crate::render::action(&rp.main.clone().into(), eo.style)
            );
            hints(&l, &spec, rp);
        }
        Ok(())
    })?;
    report(&l, &outcome);
    Ok(outcome.exit_code())
}

/// What a user at a fresh console needs to know: how to quit, and after
/// --gdb-wait what to type in another shell.
fn hints(l: &Layout, s: &RunSpec, rp: &RunPlan) {
    if s.gdb_wait && rp.tmux.is_none() {
        let mut words = vec![format!("lkmc gdb --arch {}", l.arch)];
        if l.run_id != 0 {
            words.push(format!("-n {}", l.run_id));
        }
        if l.emulator != Emulator::Qemu {
            words.push(format!("--emulator {}", l.emulator.name()));
        }
        if let Some(u) = s.userland() {
            words.push(format!(
                "--userland {}",
                crate::render::quote(&u.display().to_string())
            ));
        }
        if let Some(b) = &s.baremetal {
            words.push(format!(
                "--baremetal {}",
                crate::render::quote(&b.display().to_string())
            ));
        }
        let at = if rp.mode == Mode::System {
            "start_kernel"
        } else {
            "main"
        };
        eprintln!(
            "lkmc: waiting for GDB on port {}; in another shell: {} {at}",
            l.gdb_port(),
            words.join(" ")
        );
    }
    if s.features.kernel_debugger == Some(features::KernelDebugger::Kgdb) {
        let id = match l.run_id {
            0 => String::new(),
            n => format!("-n {n} "),
        };
        eprintln!(
            "lkmc: the kernel waits for GDB on its second serial port (127.0.0.1:{}); in another \
             shell: lkmc gdb --arch {} {id}--kgdb",
            l.extra_serial_port(),
            l.arch
        );
    }
    let quit = "lkmc: quit: `poweroff` in the guest, or Ctrl-A X; Ctrl-C goes to the guest";
    match keyboard(l, s) {
        console::Keyboard::Emulator
            if rp.mode == Mode::System && s.display == spec::Display::Console =>
        {
            eprintln!("{quit}")
        }
        console::Keyboard::Gem5Terminal(port) => eprintln!(
            "{quit}. What you type goes to gem5's terminal port {port}, which then takes \
             no other client (`lkmc gem5-shell`): for that, run with stdin from /dev/null"
        ),
        _ => {}
    }
}

fn report(l: &Layout, o: &console::Outcome) {
    if o.timed_out {
        eprintln!("\nlkmc: the guest did not finish in time and was killed; last console lines:");
        for line in last_lines(&o.output, 15) {
            eprintln!("  | {line}");
        }
    }
    match o.crash {
        Some(console::Crash::Panic) => eprintln!(
            "\nlkmc: guest kernel panic (console: {})",
            l.termout().display()
        ),
        Some(console::Crash::Oops) => eprintln!(
            "\nlkmc: guest kernel oops (console: {}); --allow-oops keeps going",
            l.termout().display()
        ),
        None => {}
    }
}

fn last_lines(s: &str, n: usize) -> Vec<&str> {
    let v: Vec<&str> = s.lines().collect();
    v[v.len().saturating_sub(n)..].to_vec()
}
