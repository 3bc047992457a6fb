//! `lkmc run`: boot a guest, or run a user-mode, baremetal or native program.

pub mod baremetal;
pub mod console;
pub mod gem5;
pub mod kernel_cli;
pub mod launch;
pub mod qemu;

pub use crate::program::{Mode, cli_args, mode, userland_executable};

use crate::cli::{Common, Emulator, RootfsWhich, RunArgs};
use crate::command::{Cmd, mkdir_p};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::usage_error;
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

pub struct RunPlan {
    pub mode: Mode,
    /// Files to write or convert before the emulator starts.
    pub prep: Plan,
    /// The tmux split that starts GDB or a shell next to the emulator.
    pub tmux: Option<Cmd>,
    pub main: Cmd,
}

/// The command that opens GDB (or another program) in a tmux split.
fn tmux_split(l: &Layout, c: &Common, a: &RunArgs) -> Result<Option<Cmd>> {
    if !(a.tmux || a.gdb || a.tmux_program.is_some() || a.tmux_args.is_some()) {
        return Ok(None);
    }
    // gem5's guest console is a terminal port: --tmux opens it there; --gdb
    // (and --tmux on QEMU) opens GDB.
    let program = a.tmux_program.clone().unwrap_or_else(|| {
        if l.emulator == Emulator::Gem5 && !a.gdb {
            "gem5-shell"
        } else {
            "gdb"
        }
        .to_string()
    });
    let lkmc = std::env::current_exe()?.display().to_string();
    let mut words = vec![
        lkmc,
        program,
        format!("--arch={}", l.arch),
        format!("--run-id={}", l.run_id),
        format!("--linux-build-id={}", l.linux_id),
        format!("--emulator={}", l.emulator.name()),
    ];
    if let Some(o) = &c.out_dir {
        words.push(format!("--out-dir={}", o.display()));
    }
    if let Some(u) = &c.userland {
        words.push(format!("--userland={}", u.display()));
    }
    if let Some(b) = &c.baremetal {
        words.push(format!("--baremetal={}", b.display()));
    }
    match &a.tmux_args {
        Some(t) => words.extend(shlex::split(t).unwrap_or_default()),
        None if a.gdb => words.push(
            if c.userland.is_some() || c.baremetal.is_some() {
                "main"
            } else {
                "start_kernel"
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

/// Values that would only fail inside the emulator or the guest.
fn check_values(l: &Layout, a: &RunArgs) -> Result<()> {
    let bytes = parse_size(&a.memory).ok_or_else(|| {
        usage_error(format!(
            "--memory '{}' is not a size: give e.g. 512M or 2G",
            a.memory
        ))
    })?;
    if bytes < 16 << 20 {
        return Err(usage_error(format!(
            "--memory {} is below 16M: no kernel boots in it",
            a.memory
        )));
    }
    // An address space of 1T is fine for the host, but the emulator would
    // really try to back it: anything over the host's RAM fails late.
    if let Some(host) = host_memory()
        && bytes > host
    {
        return Err(usage_error(format!(
            "--memory {} is more than this machine's {} MiB of RAM",
            a.memory,
            host >> 20
        )));
    }
    let words = a.kernel_cli.iter().chain(&a.kernel_cli_after_dash);
    if let Some(w) = words.clone().find(|w| w.chars().any(char::is_control)) {
        return Err(usage_error(format!(
            "--kernel-cli {w:?} has a control character (a newline?): the kernel command line is one line"
        )));
    }
    if l.emulator == Emulator::Gem5 && (a.graphic || a.vnc) {
        return Err(usage_error(
            "--graphic and --vnc are for QEMU: gem5's console is a terminal port (`lkmc gem5-shell`)",
        ));
    }
    Ok(())
}

/// `512M`, `2G`, `1024K`, or bytes.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits.parse().ok()?;
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

fn host_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb << 10)
}

/// Options that only mean something in another mode are errors, not silently
/// ignored: the user would think they took effect.
fn reject_options_of_other_modes(m: Mode, e: Emulator, a: &RunArgs) -> Result<()> {
    const KERNEL: &str = "it is for booting a kernel";
    let checks: [(bool, &str, &str); 15] = [
        (m != Mode::System && a.eval.is_some(), "--eval", KERNEL),
        (
            m != Mode::System && a.eval_after.is_some(),
            "--eval-after",
            KERNEL,
        ),
        (
            m != Mode::System && !a.kernel_cli.is_empty(),
            "--kernel-cli",
            KERNEL,
        ),
        (
            m != Mode::System && !a.kernel_cli_after_dash.is_empty(),
            "--kernel-cli-after-dash",
            KERNEL,
        ),
        (m != Mode::System && a.disk, "--disk", KERNEL),
        (
            m != Mode::System && a.quit_after_boot,
            "--quit-after-boot",
            KERNEL,
        ),
        (
            m != Mode::System && a.verbose_boot,
            "--verbose-boot",
            KERNEL,
        ),
        (m != Mode::System && a.graphic, "--graphic", KERNEL),
        (m != Mode::System && a.vnc, "--vnc", KERNEL),
        (
            m == Mode::System && a.cli_args.is_some(),
            "--cli-args",
            "it is for --userland and --baremetal programs; words for the guest's init go in \
             --kernel-cli-after-dash",
        ),
        (
            m == Mode::Baremetal && a.kvm,
            "--kvm",
            "baremetal programs run under TCG",
        ),
        (
            m == Mode::Native && a.gdb_wait,
            "--gdb-wait",
            "there is no emulator to wait",
        ),
        (
            m == Mode::Native && a.trace.is_some(),
            "--trace",
            "there is no emulator to trace",
        ),
        (
            e != Emulator::Gem5 && a.gem5_readfile.is_some(),
            "--gem5-readfile",
            "it is for --emulator gem5",
        ),
        (
            e != Emulator::Gem5 && a.gem5_restore.is_some(),
            "--gem5-restore",
            "it is for --emulator gem5",
        ),
    ];
    let mode_name = match m {
        Mode::System => "a full-system run",
        Mode::User => "--userland runs",
        Mode::Baremetal => "--baremetal runs",
        Mode::Native => "--emulator native runs",
    };
    match checks.iter().find(|(given, _, _)| *given) {
        None => Ok(()),
        Some((_, opt, why)) => Err(usage_error(format!(
            "{opt} does not apply to {mode_name}: {why}"
        ))),
    }
}

pub fn plan(l: &Layout, c: &Common, a: &RunArgs) -> Result<RunPlan> {
    let m = mode(c);
    if m == Mode::Baremetal {
        crate::targets::baremetal::require_arch(l)?;
    }
    if m == Mode::Native && Some(l.arch) != crate::arch::Arch::host() {
        return Err(usage_error(format!(
            "--emulator native runs host programs, so --arch must be the host's ({})",
            std::env::consts::ARCH
        )));
    }
    if a.kvm && Some(l.arch) != crate::arch::Arch::host() {
        return Err(usage_error(format!(
            "--kvm needs a guest of the host's arch, not {}",
            l.arch
        )));
    }
    reject_options_of_other_modes(m, l.emulator, a)?;
    check_values(l, a)?;
    let run_dir = l.run_dir();
    let mut prep = Plan::default();
    prep.push(Step::new("run-dir", "preparing the run dir").action(mkdir_p(&run_dir)));
    let tmux = tmux_split(l, c, a)?;
    let main = match (m, l.emulator) {
        (Mode::System, Emulator::Qemu) => qemu::system(l, a),
        (Mode::User, Emulator::Qemu) => {
            let exe = userland_executable(
                l,
                c.userland.as_ref().expect("user mode"),
                &l.userland_build_dir(),
            )?;
            qemu::user(l, a, &exe, &cli_args(a)?)
        }
        (Mode::Native, _) => {
            let path = c
                .userland
                .as_ref()
                .ok_or_else(|| usage_error("--emulator native needs --userland PROGRAM"))?;
            let exe = userland_executable(l, path, &crate::targets::userland::host_build_dir(l))?;
            Cmd::new(exe.display().to_string()).args(cli_args(a)?)
        }
        (Mode::Baremetal, Emulator::Qemu) => baremetal::qemu(l, c, a, &mut prep)?,
        (_, Emulator::Gem5) => gem5::command(l, c, a, m, &mut prep)?,
        (_, Emulator::Native) => {
            return Err(usage_error(
                "baremetal programs run on --emulator qemu or gem5, not native",
            ));
        }
    };
    let main = if a.debug_vm && m != Mode::Native {
        under_gdb(main)
    } else {
        main
    };
    Ok(RunPlan {
        mode: m,
        prep,
        tmux,
        main,
    })
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

/// What must exist before a real run, with the command that makes it.
pub(crate) fn check_inputs(l: &Layout, a: &RunArgs, rp: &RunPlan) -> Result<()> {
    let build_hint = |what: &str, target: &str| {
        anyhow::anyhow!(
            "{what} is not built yet: run `lkmc build --arch {}{}`",
            l.arch,
            if target.is_empty() {
                String::new()
            } else {
                format!(" {target}")
            }
        )
    };
    if rp.mode == Mode::System && l.emulator == Emulator::Qemu {
        if !l.linux_image().exists() {
            return Err(build_hint(
                &format!("the kernel ({})", l.linux_image().display()),
                "",
            ));
        }
        if a.disk || l.rootfs_which == RootfsWhich::Buildroot {
            if !l.rootfs_ext2().exists() {
                return Err(build_hint("the ext2 root filesystem", "rootfs-ext2"));
            }
        } else if !l.initramfs().exists() {
            return Err(build_hint("the initramfs", "rootfs"));
        }
    }
    if rp.mode == Mode::Baremetal {
        let image = rp
            .main
            .args
            .iter()
            .rev()
            .find(|x| Path::new(x).is_absolute());
        if let Some(i) = image
            && !Path::new(i).exists()
        {
            let target = if l.emulator == Emulator::Gem5 {
                "--emulator gem5 baremetal"
            } else {
                "baremetal"
            };
            return Err(build_hint(i, target));
        }
    }
    if matches!(rp.mode, Mode::User | Mode::Native) {
        let exe = rp
            .main
            .args
            .iter()
            .rev()
            .find(|x| Path::new(x).is_absolute())
            .cloned();
        let exe = if rp.mode == Mode::Native {
            Some(rp.main.program.clone())
        } else {
            exe
        };
        if let Some(e) = exe
            && !Path::new(&e).exists()
        {
            return Err(build_hint(
                &e.to_string(),
                if rp.mode == Mode::Native {
                    "userland-host"
                } else {
                    "userland"
                },
            ));
        }
    }
    crate::tools::require(&rp.main.program)?;
    Ok(())
}

/// Prints the run that `l` would start now (with the run id it would take).
pub fn print(
    mut l: Layout,
    c: &Common,
    a: &RunArgs,
    ids: std::ops::Range<u32>,
    eo: &crate::exec::ExecOptions,
) -> Result<()> {
    l.run_id = crate::run_record::peek(&l.out, c.run_id, ids);
    let rp = plan(&l, c, a)?;
    let mut all = rp.prep.clone();
    let mut s = Step::new("run", "running");
    if let Some(t) = &rp.tmux {
        s = s.action(t.clone());
    }
    all.push(s.action(rp.main.clone()));
    crate::exec::run_plan(&all, eo)
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
    let watch = console::WatchOptions {
        timeout: a.timeout.map(Duration::from_secs_f64),
        stop_on_oops: !a.allow_oops,
        echo: true,
        // The guest shell reads our stdin, a terminal or not; --eval needs none.
        interactive: a.eval.is_none(),
        // A user-mode program writes to our terminal itself, so its output
        // is line-buffered and shows as GDB steps over each printf.
        passthrough: matches!(mode(c), Mode::User | Mode::Native),
    };
    let outcome = launch::start(&l, c, a, &watch, |rp| {
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
            hints(&l, c, a, rp);
        }
        Ok(())
    })?;
    report(&l, &outcome);
    Ok(outcome.exit_code())
}

/// What a user at a fresh console needs to know: how to quit, and after
/// --gdb-wait what to type in another shell.
fn hints(l: &Layout, c: &Common, a: &RunArgs, rp: &RunPlan) {
    if (a.gdb_wait || a.gdb) && rp.tmux.is_none() {
        let mut words = vec![format!("lkmc gdb --arch {}", l.arch)];
        if l.run_id != 0 {
            words.push(format!("-n {}", l.run_id));
        }
        if l.emulator != Emulator::Qemu {
            words.push(format!("--emulator {}", l.emulator.name()));
        }
        if let Some(u) = &c.userland {
            words.push(format!(
                "--userland {}",
                crate::render::quote(&u.display().to_string())
            ));
        }
        if let Some(b) = &c.baremetal {
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
    if rp.mode == Mode::System && l.emulator == Emulator::Qemu && a.eval.is_none() && !a.graphic {
        eprintln!("lkmc: quit: `poweroff` in the guest, or Ctrl-A X; Ctrl-C goes to the guest");
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
