//! GDB tests: GDB in batch mode against real guests, asserting where it stopped.

use super::{Runner, boot};
use crate::arch::Arch;
use crate::cli::{GdbArgs, RunArgs};
use std::io::Read;
use std::time::{Duration, Instant};

/// Runs GDB (batch) with a time limit; returns what it printed.
fn run_gdb(cmd: &crate::command::Cmd, limit: Duration) -> Result<String, String> {
    let reader = crate::exec::expression(cmd)
        .stderr_to_stdout()
        .stdin_null()
        .unchecked()
        .reader()
        .map_err(|e| format!("could not start gdb: {e}"))?;
    let reader = std::sync::Arc::new(reader);
    let r2 = reader.clone();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let d2 = done.clone();
    std::thread::spawn(move || {
        let t = Instant::now();
        while t.elapsed() < limit {
            if d2.load(std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = r2.kill();
    });
    let mut out = String::new();
    let _ = (&*reader).read_to_string(&mut out);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(out)
}

struct Case {
    name: &'static str,
    arch: Arch,
    /// Guest shell code while GDB is attached.
    eval: &'static str,
    gdb_wait: bool,
    gdb: GdbArgs,
    /// Text GDB must print when it stops.
    expect: String,
    userland: Option<&'static str>,
    /// A program under baremetal/, run on the bare emulated machine.
    baremetal: Option<&'static str>,
    /// The userland program runs in the full-system guest under gdbserver.
    gdbserver: bool,
}

/// A case that waits for GDB at the first instruction, with no guest command.
fn case(name: &'static str, arch: Arch, expect: &str) -> Case {
    Case {
        name,
        arch,
        eval: "",
        gdb_wait: true,
        gdb: GdbArgs::default(),
        expect: expect.into(),
        userland: None,
        baremetal: None,
        gdbserver: false,
    }
}

fn break_at(location: &str) -> GdbArgs {
    GdbArgs {
        break_at: Some(location.into()),
        ..Default::default()
    }
}

fn cases(arch: Arch) -> Vec<Case> {
    let mut v = vec![Case {
        eval: "true",
        gdb: break_at("start_kernel"),
        ..case("start_kernel", arch, "Breakpoint 1, start_kernel () at")
    }];
    if arch == Arch::X86_64 {
        // Each `echo` is a write(2); x86_64 syscall entry points are __x64_sys_*.
        v.push(Case {
            eval: "echo lkmc_gdb_ready; i=0; while [ $i -lt 150 ]; do echo $i > /dev/null; i=$((i+1)); usleep 20000; done",
            gdb_wait: false,
            gdb: GdbArgs {
                no_lxsymbols: true,
                ..break_at("__x64_sys_write")
            },
            ..case("post_boot_syscall", arch, "Breakpoint 1, __x64_sys_write")
        });
    }
    if matches!(arch, Arch::X86_64 | Arch::Aarch64) {
        v.push(Case {
            eval: "insmod /lkmc/hello.ko",
            gdb: GdbArgs {
                module: Some("hello".into()),
                ..Default::default()
            },
            ..case("module_init", arch, "hello_init () at")
        });
        v.push(Case {
            eval: "insmod /lkmc/timer.ko period_ms=50 && sleep 2; rmmod timer",
            gdb: GdbArgs {
                module: Some("timer".into()),
                ..break_at("lkmc_timer_callback")
            },
            ..case("module_function", arch, "lkmc_timer_callback (")
        });
    }
    v.push(Case {
        gdb: break_at("main"),
        userland: Some("c/hello.c"),
        ..case("userland_main", arch, "Breakpoint 1, main (")
    });
    if arch.supports_baremetal() {
        v.push(Case {
            gdb: break_at("main"),
            baremetal: Some("baremetal/hello.c"),
            ..case("baremetal_main", arch, "Breakpoint 1, main (")
        });
    }
    if matches!(arch, Arch::X86_64 | Arch::Aarch64) {
        v.push(Case {
            eval: "echo lkmc_gdb_ready; /lkmc/gdbserver.sh /lkmc/userland/c/hello.out",
            gdb_wait: false,
            gdb: GdbArgs {
                gdbserver: true,
                ..Default::default()
            },
            userland: Some("c/hello.c"),
            gdbserver: true,
            ..case("gdbserver_main", arch, "Breakpoint 1, main (")
        });
    }
    v
}

pub fn suite(r: &mut Runner, arch: Arch) -> anyhow::Result<()> {
    for case in cases(arch) {
        let name = format!("gdb_{}", case.name);
        if !r.wants(&name) && !r.wants(case.name) {
            continue;
        }
        let started = Instant::now();
        let res = run_case(r, &case);
        r.result("gdb", case.arch, &name, started, res);
    }
    Ok(())
}

fn run_case(r: &Runner, case: &Case) -> Result<(), String> {
    let l = r.layout(case.arch, 1);
    let mut c = r.common.clone();
    c.userland = case.userland.map(|u| l.userland_source_dir().join(u));
    c.baremetal = case.baremetal.map(|b| l.repo.join(b));
    let mut ga = GdbArgs {
        batch: true,
        ..Default::default()
    };
    ga.break_at = case.gdb.break_at.clone();
    ga.module = case.gdb.module.clone();
    ga.no_lxsymbols = case.gdb.no_lxsymbols;
    ga.gdbserver = case.gdb.gdbserver;
    ga.ex = vec!["info symbol $pc".into()];
    let gdb = crate::gdb::command(&l, &c, &ga).map_err(|e| format!("{e:#}"))?;
    if case.gdbserver {
        // GDB debugs the program; the emulator boots the whole guest.
        c.userland = None;
    }
    let limit = Duration::from_secs_f64(r.args.timeout.min(180.0));
    // The emulator runs in a thread; GDB attaches from here.
    let (l2, c2, eval, wait) = (l.clone(), c.clone(), case.eval.to_string(), case.gdb_wait);
    let timeout = limit.as_secs_f64();
    let emu = std::thread::spawn(move || {
        if c2.userland.is_some() || c2.baremetal.is_some() {
            let ra = RunArgs {
                gdb_wait: true,
                ..Default::default()
            };
            let rp = crate::run::plan(&l2, &c2, &ra)?;
            crate::exec::run_plan(&rp.prep, &super::quiet_exec(&l2))?;
            crate::run::console::run(
                &rp.main,
                &l2.termout(),
                &crate::run::console::WatchOptions {
                    timeout: Some(Duration::from_secs_f64(timeout)),
                    stop_on_oops: true,
                    echo: false,
                    interactive: false,
                },
            )
        } else {
            boot(&l2, &c2, &eval, 1, timeout, |a| a.gdb_wait = wait)
        }
    });
    if case.gdb_wait {
        std::thread::sleep(Duration::from_millis(300));
    } else {
        // Attach once the guest runs its command.
        let t = Instant::now();
        while t.elapsed() < limit {
            let text = std::fs::read_to_string(l.termout()).unwrap_or_default();
            if text.contains("lkmc_gdb_ready") {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let out = run_gdb(&gdb, limit);
    // GDB detached: let the guest finish (or kill it if it does not).
    let _ = std::process::Command::new("true").status();
    let guest = emu
        .join()
        .map_err(|_| "emulator thread panicked".to_string())?;
    let out = out?;
    match guest {
        Err(e) => return Err(format!("emulator: {e:#}\n{out}")),
        Ok(o) if o.crash.is_some() => {
            return Err(format!("guest crashed\n{}", super::tail(&o.output, 20)));
        }
        Ok(_) => {}
    }
    if out.contains(&case.expect) {
        Ok(())
    } else {
        Err(format!(
            "GDB did not stop where expected ('{}'):\n{out}",
            case.expect
        ))
    }
}
