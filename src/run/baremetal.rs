//! Baremetal runs: the image, its argument block, and the QEMU command. The
//! gem5 command is in gem5.rs, next to the other fs.py runs.

use crate::cli::{Common, RunArgs};
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::targets::baremetal as bm;
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
    require_memory_for_arguments(&a.memory)?;
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

/// The argument block sits 48 MiB into RAM: the machine needs more than that.
fn require_memory_for_arguments(memory: &str) -> Result<()> {
    let m = memory.trim().trim_end_matches(['B', 'b', 'i']);
    let (digits, unit) = m.split_at(m.find(|c: char| !c.is_ascii_digit()).unwrap_or(m.len()));
    let mib = digits.parse::<u64>().ok().and_then(|n| match unit {
        "" | "M" | "m" => Some(n),
        "G" | "g" => Some(n * 1024),
        "K" | "k" => Some(n / 1024),
        _ => None,
    });
    match mib {
        Some(n) if n >= 64 => Ok(()),
        Some(_) => Err(crate::usage_error(format!(
            "--memory {memory} is too small for a baremetal run: lkmc loads the program's \
             arguments 48 MiB into RAM; give 64M or more"
        ))),
        None => Err(crate::usage_error(format!(
            "--memory {memory}: give a size such as 256M or 1G"
        ))),
    }
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
        // CPUs other than the first wait in start.S.
        .line(["-smp".to_string(), a.cpus.to_string()])
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
    q = super::qemu::trace_and_gdb_wait(q, l, a);
    // The image last, as the program of user-mode runs: `lkmc run` checks
    // that it exists.
    q = q.line(["-kernel".to_string(), image.display().to_string()]);
    Ok(q.args(a.extra.iter()))
}

#[cfg(test)]
mod tests {
    use super::require_memory_for_arguments as check;

    #[test]
    fn memory_must_hold_the_argument_block() {
        assert!(check("256M").is_ok());
        assert!(check("1G").is_ok());
        assert!(check("64MiB").is_ok());
        assert!(check("32M").is_err());
        assert!(check("lots").is_err());
    }
}
