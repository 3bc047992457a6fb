//! Baremetal runs: the image, its argument block, and the QEMU command. The
//! gem5 command is in gem5.rs, next to the other fs.py runs.

use crate::build::baremetal as bm;
use crate::cli::{Common, RunArgs};
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::PathBuf;

/// The image `--baremetal` names.
pub fn image(l: &Layout, c: &Common) -> Result<PathBuf> {
    bm::program_image(l, c.baremetal.as_ref().expect("baremetal mode"))
}

/// Writes the argument block (argv[0] is the image's name) into the run dir
/// and returns it with the address the runtime reads it from.
pub fn arguments(
    l: &Layout,
    a: &RunArgs,
    image: &std::path::Path,
    prep: &mut Plan,
) -> Result<(PathBuf, u64)> {
    let m = bm::machine(l)?;
    let mut args = vec![
        image
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    ];
    args.extend(super::cli_args(a)?);
    let file = l.run_dir().join("baremetal_argv.txt");
    prep.push(
        Step::new("baremetal-argv", "writing the program's arguments")
            .action(Action::write(&file, bm::argv_block(&args)?)),
    );
    Ok((file, bm::argv_address(m)))
}

/// QEMU runs the image as its "kernel": an ELF is loaded where it is linked
/// and started at its entry. Semihosting gives the program a way to end
/// QEMU with its exit status.
pub fn qemu(l: &Layout, c: &Common, a: &RunArgs, prep: &mut Plan) -> Result<Cmd> {
    let image = image(l, c)?;
    let (argv, argv_addr) = arguments(l, a, &image, prep)?;
    let mut q = Cmd::new(l.qemu_system().display().to_string())
        .line(["-machine".to_string(), l.machine.clone()])
        .line(["-accel", "tcg"])
        .line(["-cpu", l.arch.qemu_cpu()])
        .line(["-m".to_string(), a.memory.clone()])
        .arg("-nographic")
        .arg("-no-reboot")
        .line(["-nic", "none"])
        .arg("-semihosting")
        .line([
            "-monitor".to_string(),
            format!("telnet:127.0.0.1:{},server,nowait", l.qemu_monitor_port()),
        ])
        .line([
            "-gdb".to_string(),
            format!("tcp:127.0.0.1:{}", l.gdb_port()),
        ])
        .line([
            "-device".to_string(),
            format!(
                "loader,file={},addr={argv_addr:#x},force-raw=on",
                argv.display()
            ),
        ]);
    if let Some(t) = &a.trace {
        q = q.line([
            "-trace".to_string(),
            format!(
                "enable={t},file={}",
                l.run_dir().join("trace.bin").display()
            ),
        ]);
    }
    if a.gdb_wait || a.gdb {
        q = q.arg("-S");
    }
    // The image last, as the program of user-mode runs: `lkmc run` checks
    // that it exists.
    q = q.line(["-kernel".to_string(), image.display().to_string()]);
    Ok(q.args(a.extra.iter()))
}
