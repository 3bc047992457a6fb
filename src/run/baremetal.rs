//! Baremetal runs: the image, its argument block, and the QEMU command. The
//! gem5 command is in gem5.rs, next to the other fs.py runs.

use super::spec::RunSpec;
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::targets::baremetal as bm;
use anyhow::Result;
use std::path::PathBuf;

/// The image `--baremetal` names.
pub fn image(l: &Layout, s: &RunSpec) -> Result<PathBuf> {
    bm::program_image(l, s.baremetal.as_ref().expect("baremetal mode"))
}

/// Writes the argument block (argv[0] is the image's name) into the run dir
/// and returns it with the address the runtime reads it from.
pub fn arguments(
    l: &Layout,
    s: &RunSpec,
    image: &std::path::Path,
    prep: &mut Plan,
) -> Result<(PathBuf, u64)> {
    let m = bm::machine(l)?;
    require_memory_for_arguments(&s.memory)?;
    let mut args = vec![
        image
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    ];
    args.extend(s.cli_args.iter().cloned());
    let file = l.run_dir().join("baremetal_argv.txt");
    prep.push(
        Step::new("baremetal-argv", "writing the program's arguments")
            .action(Action::write(&file, bm::argv_block(&args)?)),
    );
    Ok((file, bm::argv_address(m)))
}

/// The argument block sits 48 MiB into RAM: the machine needs more than that.
fn require_memory_for_arguments(m: &super::spec::Memory) -> Result<()> {
    if m.mib() >= 64 {
        return Ok(());
    }
    Err(crate::usage_error(format!(
        "--memory {} is too small for a baremetal run: lkmc loads the program's \
         arguments 48 MiB into RAM; give 64M or more",
        m.text
    )))
}

/// QEMU runs the image as its "kernel": an ELF is loaded where it is linked
/// and started at its entry. Semihosting gives the program a way to end
/// QEMU with its exit status.
pub fn qemu(l: &Layout, s: &RunSpec, prep: &mut Plan) -> Result<Cmd> {
    let image = image(l, s)?;
    let (argv, argv_addr) = arguments(l, s, &image, prep)?;
    let mut q = Cmd::new(l.qemu_system().display().to_string())
        .line(["-machine".to_string(), l.machine.clone()])
        .line(["-accel", super::qemu::tcg(s)])
        .line(["-cpu", l.arch.qemu_cpu()])
        .line(["-m".to_string(), s.memory.text.clone()])
        // CPUs other than the first wait in start.S.
        .line(["-smp".to_string(), s.cpus.to_string()])
        .arg("-nographic")
        .arg("-no-reboot")
        .line(["-nic", "none"])
        .arg("-semihosting");
    q = super::qemu::control_ports(q, l).line([
        "-device".to_string(),
        format!(
            "loader,file={},addr={argv_addr:#x},force-raw=on",
            argv.display()
        ),
    ]);
    q = super::qemu::trace_and_gdb_wait(q, l, s);
    // The image last, as the program of user-mode runs: `lkmc run` checks
    // that it exists.
    q = q.line(["-kernel".to_string(), image.display().to_string()]);
    Ok(q.args(s.extra.iter()))
}

#[cfg(test)]
mod tests {
    use super::require_memory_for_arguments as check;
    use crate::run::spec::Memory;

    fn mib(n: u64) -> Memory {
        Memory {
            text: format!("{n}M"),
            bytes: n << 20,
        }
    }

    #[test]
    fn memory_must_hold_the_argument_block() {
        assert!(check(&mib(256)).is_ok());
        assert!(check(&mib(64)).is_ok());
        assert!(check(&mib(32)).is_err());
    }
}
