//! `lkmc gdb`: GDB attached to a run's GDB port with the right symbols: the
//! kernel (vmlinux + the kernel's GDB scripts + lx-symbols for our modules),
//! a user-mode program, or a baremetal program.

use crate::cli::{Common, GdbArgs};
use crate::command::Cmd;
use crate::layout::Layout;
use crate::program::{self as run, Mode};
use crate::usage_error;
use anyhow::Result;

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
        Mode::User | Mode::Native => run::userland_executable(
            l,
            c.userland.as_ref().expect("user mode has a program"),
            &l.userland_build_dir(),
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
    g = ex(g, format!("target remote localhost:{}", l.hostfwd_port()));
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
    let mut g = gdb_start(l, a)?;
    let file = symbol_file(l, c, m)?;
    if m == Mode::System {
        g = ex(
            g,
            format!("add-auto-load-safe-path {}", l.linux_build_dir().display()),
        );
    }
    g = ex(g, format!("file {}", file.display()));
    if m == Mode::System {
        // The kernel's own GDB scripts: lx-symbols, lx-dmesg, lx-ps, ...
        g = ex(
            g,
            format!(
                "source {}",
                l.linux_build_dir().join("vmlinux-gdb.py").display()
            ),
        );
    }
    g = ex(g, format!("target remote localhost:{}", l.gdb_port()));
    let modules_dir = l.modules_build_dir().display().to_string();
    match (&a.module, m) {
        (Some(module), Mode::System) => {
            let ko = l.modules_build_dir().join(format!("{module}.ko"));
            let src = l.kernel_modules_source_dir().join(format!("{module}.c"));
            if !src.exists() {
                return Err(usage_error(format!(
                    "no module '{module}': {} does not exist",
                    src.display()
                )));
            }
            // gdb/lkmc.py loads all of the module's sections (lx-symbols
            // leaves out .init.text) when it is inserted, then breaks.
            g = g.line([
                "-x".to_string(),
                l.repo.join("gdb/lkmc.py").display().to_string(),
            ]);
            let mut words = vec![module.clone(), ko.display().to_string()];
            words.extend(a.break_at.clone());
            let words: Vec<String> = words.iter().map(|w| crate::render::quote(w)).collect();
            g = ex(g, format!("lkmc-module {}", words.join(" ")));
            g = ex(g, "continue");
        }
        (Some(_), _) => {
            return Err(usage_error(
                "--module is for kernel modules in a full-system run",
            ));
        }
        (None, _) => {
            if let Some(b) = &a.break_at {
                g = ex(g, format!("break {b}"));
            }
            if !a.no_continue {
                g = ex(g, "continue");
            }
            if m == Mode::System && !a.no_lxsymbols {
                g = ex(g, format!("lx-symbols {modules_dir}"));
            }
        }
    }
    for e in &a.ex {
        g = ex(g, e);
    }
    g = g.args(split(&a.after)?);
    if m == Mode::System {
        g = g.cwd(l.linux_build_dir());
    }
    Ok(g)
}

pub fn execute(l: &Layout, c: &Common, a: &GdbArgs, eo: &crate::exec::ExecOptions) -> Result<i32> {
    let g = command(l, c, a)?;
    if let Some(code) = crate::exec::print_only("gdb", &g, eo)? {
        return Ok(code);
    }
    if a.gdbserver && !l.gdbserver_root().join("usr/bin/gdbserver").exists() {
        return Err(usage_error(format!(
            "gdbserver is not in the guest yet: run `lkmc build --arch {} gdbserver rootfs` and boot again",
            l.arch
        )));
    }
    crate::exec::save_script(&l.run_dir().join("gdb.sh"), &g)?;
    if !c.quiet {
        eprintln!("{}", crate::render::multiline(&g));
    }
    crate::exec::run_foreground(&g)
}
