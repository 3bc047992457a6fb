//! GDB tests: GDB in batch mode against real guests, asserting where it stopped.

use super::Runner;
use crate::arch::Arch;
use crate::cli::{Common, GdbArgs, RunArgs};
use crate::run::console::{Keyboard, WatchOptions};
use crate::run::launch;
use crate::run_record::TEST_IDS;
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
    /// GDB debugs the kernel through KGDB (`lkmc run --kgdb`).
    kgdb: bool,
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
        kgdb: false,
    }
}

fn break_at(location: &str) -> GdbArgs {
    GdbArgs {
        break_at: Some(location.into()),
        ..Default::default()
    }
}

/// The emulator waits for GDB, which breaks at start_kernel; the guest then
/// boots and runs `true`.
fn start_kernel_case(arch: Arch) -> Case {
    Case {
        eval: "true",
        gdb: break_at("start_kernel"),
        ..case("start_kernel", arch, "Breakpoint 1, start_kernel () at")
    }
}

/// The start_kernel case on the emulator `common` names: the gem5 suite's
/// GDB case.
pub fn start_kernel_on(r: &Runner, common: &Common, arch: Arch) -> Result<(), String> {
    run_case(r, common, &start_kernel_case(arch))
}

fn cases(arch: Arch) -> Vec<Case> {
    let mut v = vec![start_kernel_case(arch)];
    v.push(kgdb_case(arch));
    if let Some(write) = arch.row().gdb_tests.syscall_write {
        // Each `echo` is a write(2).
        v.push(Case {
            eval: "echo lkmc_gdb_ready; i=0; while [ $i -lt 150 ]; do echo $i > /dev/null; i=$((i+1)); usleep 20000; done",
            gdb_wait: false,
            gdb: GdbArgs {
                no_lxsymbols: true,
                ..break_at(write)
            },
            ..case("post_boot_syscall", arch, &format!("Breakpoint 1, {write}"))
        });
    }
    if arch.row().gdb_tests.modules {
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
    if arch.row().gdb_tests.gdbserver {
        v.push(gdbserver_case(arch, false));
        v.push(gdbserver_case(arch, true));
    }
    v
}

/// hello.c's main under gdbserver in the guest, reached through the virtio
/// serial port or (`net`) the network's forward.
fn gdbserver_case(arch: Arch, net: bool) -> Case {
    Case {
        eval: if net {
            "/lkmc/gdbserver.sh --net /lkmc/userland/c/hello.out"
        } else {
            "/lkmc/gdbserver.sh /lkmc/userland/c/hello.out"
        },
        gdb_wait: false,
        gdb: GdbArgs {
            gdbserver: true,
            net,
            ..Default::default()
        },
        userland: Some("c/hello.c"),
        gdbserver: true,
        ..case(
            if net {
                "gdbserver_net_main"
            } else {
                "gdbserver_main"
            },
            arch,
            "Breakpoint 1, main (",
        )
    }
}

/// The kernel waits in KGDB on its second serial port; GDB breaks in the
/// rest of the boot.
fn kgdb_case(arch: Arch) -> Case {
    Case {
        eval: "true",
        gdb_wait: false,
        gdb: GdbArgs {
            kgdb: true,
            no_lxsymbols: true,
            ..break_at("do_sys_openat2")
        },
        kgdb: true,
        ..case("kgdb", arch, "Breakpoint 1, do_sys_openat2 (")
    }
}

pub fn suite(r: &mut Runner, arch: Arch) -> anyhow::Result<()> {
    for case in cases(arch) {
        let name = format!("gdb_{}", case.name);
        if !r.wants(&name) && !r.wants(case.name) {
            continue;
        }
        let started = Instant::now();
        let res = run_case(r, r.common, &case);
        r.result("gdb", case.arch, &name, started, res);
    }
    Ok(())
}

/// The emulator and GDB options of one case: GDB attaches to `emulator`.
struct Setup {
    gdb_common: Common,
    emulator_common: Common,
    gdb: GdbArgs,
    run: RunArgs,
    /// The emulator waits for GDB (else GDB attaches once the guest says so).
    waits: bool,
}

fn setup(common: &Common, case: &Case, l: &crate::layout::Layout) -> Setup {
    let mut c = common.clone();
    c.userland = case.userland.map(|u| l.userland_source_dir().join(u));
    c.baremetal = case.baremetal.map(|b| l.repo.join(b));
    let gdb = GdbArgs {
        batch: true,
        break_at: case.gdb.break_at.clone(),
        module: case.gdb.module.clone(),
        no_lxsymbols: case.gdb.no_lxsymbols,
        gdbserver: case.gdb.gdbserver,
        net: case.gdb.net,
        kgdb: case.gdb.kgdb,
        ex: vec!["info symbol $pc".into()],
        ..Default::default()
    };
    let mut emulator_common = c.clone();
    if case.gdbserver {
        // GDB debugs the program; the emulator boots the whole guest.
        emulator_common.userland = None;
    }
    let user_or_baremetal =
        emulator_common.userland.is_some() || emulator_common.baremetal.is_some();
    let waits = case.gdb_wait || user_or_baremetal;
    let mut run = RunArgs {
        gdb_wait: waits,
        eval: (!user_or_baremetal).then(|| case.eval.to_string()),
        memory: "512M".into(),
        ..Default::default()
    };
    run.qemu.kgdb = case.kgdb;
    Setup {
        run: super::confined(&emulator_common, &run),
        gdb_common: c,
        emulator_common,
        gdb,
        waits,
    }
}

/// One case against the emulator `common` names (QEMU, or gem5 for the
/// gem5 suite's case).
fn run_case(r: &Runner, common: &Common, case: &Case) -> Result<(), String> {
    let fail = |e: anyhow::Error| format!("{e:#}");
    let l = crate::layout::Layout::new(common, case.arch);
    let s = setup(common, case, &l);
    if r.dry_run() {
        crate::run::print(l.clone(), &s.emulator_common, &s.run, TEST_IDS, &r.eo).map_err(fail)?;
        // GDB's ports are those of the run id that the run above would take.
        let mut l = l;
        l.run_id = crate::run_record::peek(&l.out, None, TEST_IDS, launch::ports_free(&l));
        let gdb = crate::gdb::command(&l, &s.gdb_common, &s.gdb).map_err(fail)?;
        crate::exec::print_only("gdb", &gdb, &r.eo).map_err(fail)?;
        return Ok(());
    }
    if case.gdbserver && !l.gdbserver_root().join("usr/bin/gdbserver").exists() {
        return Err(format!(
            "gdbserver is not in the {} guest: run `lkmc build --arch {} gdbserver rootfs`",
            case.arch, case.arch
        ));
    }
    let (l, claim) = launch::claim(l, &s.gdb_common, TEST_IDS).map_err(fail)?;
    let gdb = crate::gdb::command(&l, &s.gdb_common, &s.gdb).map_err(fail)?;
    let limit = Duration::from_secs_f64(r.args.timeout.min(180.0));
    // The emulator runs in a thread; GDB attaches from here.
    let watch = WatchOptions {
        timeout: Some(limit),
        stop_on_oops: true,
        echo: false,
        keyboard: Keyboard::None,
        passthrough: false,
    };
    let (l2, emu_common, ra) = (l.clone(), s.emulator_common, s.run);
    let emu = std::thread::spawn(move || launch::start(&l2, &emu_common, &ra, &watch, |_| Ok(())));
    let ready = if s.waits {
        crate::ports::wait_listening(l.gdb_port(), limit, || emu.is_finished())
    } else {
        guest_says_ready(&l.termout(), ready_text(case), limit, || emu.is_finished())
    };
    let out = if ready {
        run_gdb(&gdb, limit)
    } else {
        Err("the emulator never got ready for GDB".to_string())
    };
    if case.kgdb {
        // The kernel may stay in the debugger once GDB has gone.
        let _ = crate::qemu_monitor::ask(l.qemu_monitor_port(), "quit");
    }
    // GDB detached: the guest finishes (or its watch ends it).
    let guest = emu
        .join()
        .map_err(|_| "emulator thread panicked".to_string())?;
    drop(claim);
    judge(case, out?, guest)
}

/// What the console shows when GDB may attach: the guest command's line,
/// gdbserver having opened its serial port (GDB's packets sent before that
/// are lost, and its retries then read stale replies) or its TCP port, or
/// the kernel waiting in KGDB.
fn ready_text(case: &Case) -> &'static str {
    if case.kgdb {
        crate::gdb::KGDB_WAITING[0]
    } else if case.gdbserver && case.gdb.net {
        "Listening on port"
    } else if case.gdbserver {
        "Remote debugging using"
    } else {
        crate::guest_protocol::GDB_READY
    }
}

/// Waits until the guest's console says it is ready for GDB.
fn guest_says_ready(
    termout: &std::path::Path,
    ready: &str,
    limit: Duration,
    ended: impl Fn() -> bool,
) -> bool {
    let t = Instant::now();
    loop {
        let text = std::fs::read_to_string(termout).unwrap_or_default();
        if text.contains(ready) {
            return true;
        }
        if t.elapsed() > limit || ended() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Passes when the guest ran cleanly and GDB stopped where the case says.
fn judge(
    case: &Case,
    out: String,
    guest: anyhow::Result<crate::run::console::Outcome>,
) -> Result<(), String> {
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
