//! baremetal/: programs that run on the emulated hardware with no OS, linked
//! with lkmc's start-up code (baremetal/lib) and a small C library.
//!
//! Each image is built for one emulator and machine: the start-up code has the
//! UART and RAM addresses compiled in, as there is no device tree to read.

use super::Ctx;
use crate::arch::{BaremetalRow, Libc};
use crate::cli::{Emulator, GccWhich};
use crate::command::{Cmd, mkdir_p};
use crate::layout::Layout;
use crate::plan::{Need, Plan, Step};
use crate::usage_error;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Where a machine has its RAM, its PL011 UART and its GICv2 (distributor
/// and CPU interface).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Machine {
    pub ram_base: u64,
    pub uart_base: u64,
    pub gicd_base: u64,
    pub gicc_base: u64,
}

/// Program code, data, heap and stack sit in the first 48 MiB of RAM; lkmc
/// loads the argument block right after them.
const ARGV_OFFSET: u64 = 0x300_0000;
/// Code and read-only data; picolibc's linker script puts RAM after it.
const CODE_SIZE: u64 = 0x20_0000;
const STACK_SIZE: u64 = 0x1_0000;

const MACHINES: &[(Emulator, &str, Machine)] = &[
    (
        Emulator::Qemu,
        "virt",
        Machine {
            ram_base: 0x4000_0000,
            uart_base: 0x0900_0000,
            gicd_base: 0x0800_0000,
            gicc_base: 0x0801_0000,
        },
    ),
    // (VExpress_GEM5_V2 has a GICv3, which gic.c does not drive.)
    (
        Emulator::Gem5,
        "VExpress_GEM5_V1",
        Machine {
            ram_base: 0x8000_0000,
            uart_base: 0x1c09_0000,
            gicd_base: 0x2c00_1000,
            gicc_base: 0x2c00_2000,
        },
    ),
];

/// The addresses of the selected emulator and machine.
pub fn machine(l: &Layout) -> Result<Machine> {
    MACHINES
        .iter()
        .find(|(e, name, _)| *e == l.emulator && *name == l.machine)
        .map(|(_, _, m)| *m)
        .ok_or_else(|| {
            let known: Vec<&str> = MACHINES
                .iter()
                .filter(|(e, _, _)| *e == l.emulator)
                .map(|(_, n, _)| *n)
                .collect();
            usage_error(format!(
                "baremetal programs know the addresses of these {} machines only: {} (not {})",
                l.emulator.name(),
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                },
                l.machine
            ))
        })
}

/// Where lkmc loads the program's arguments (see baremetal/lib/runtime.c).
pub fn argv_address(m: Machine) -> u64 {
    m.ram_base + ARGV_OFFSET
}

/// The argument block: a header with the count, then one argument per line.
pub fn argv_block(args: &[String]) -> Result<String> {
    if let Some(bad) = args.iter().find(|a| a.contains('\n')) {
        return Err(usage_error(format!(
            "baremetal arguments cannot contain a newline: {bad:?}"
        )));
    }
    let mut s = format!(
        "{} {}\n",
        crate::guest_protocol::BAREMETAL_ARGV_MAGIC,
        args.len()
    );
    for a in args {
        s.push_str(a);
        s.push('\n');
    }
    Ok(s)
}

struct Toolchain {
    gcc: String,
    libc: Libc,
    /// crosstool-NG's, whose newlib is built for its own float ABI.
    crosstool_ng: bool,
    /// The arch's baremetal row: Debian's packages and the compile flags.
    row: &'static BaremetalRow,
}

/// Debian's baremetal toolchain: the compiler and the C library file that
/// gcc would otherwise fail on with little explanation (`cannot read spec
/// file picolibc.specs`), with their packages. None for crosstool-NG's,
/// which is a target of its own.
fn debian_requirements(l: &Layout, t: &Toolchain) -> Vec<(Need, String)> {
    if t.crosstool_ng {
        return Vec::new();
    }
    let (lib, lib_pkg) = (t.row.libc_file, t.row.libc_package);
    vec![
        (
            Need::Program(t.gcc.clone()),
            super::install_hint(l, &t.gcc, t.row.gcc_package, "baremetal"),
        ),
        (
            Need::Path(PathBuf::from(lib)),
            super::install_hint(l, lib, lib_pkg, "baremetal"),
        ),
    ]
}

/// crosstool-NG's newlib toolchain when selected (or checked out), else
/// Debian's: arm-none-eabi-gcc with newlib, aarch64-linux-gnu-gcc with picolibc.
fn toolchain(l: &Layout) -> Toolchain {
    let row = l.arch.row().baremetal.as_ref();
    let row = row.expect("plan() checks require_arch first");
    match l.baremetal_gcc_which() {
        GccWhich::CrosstoolNg => Toolchain {
            gcc: format!(
                "{}/{}-gcc",
                l.crosstool_ng_bin().display(),
                l.arch.crosstool_ng_prefix()
            ),
            libc: Libc::Newlib,
            crosstool_ng: true,
            row,
        },
        _ => Toolchain {
            gcc: row.gcc.into(),
            libc: row.libc,
            crosstool_ng: false,
            row,
        },
    }
}

fn hex(v: u64) -> String {
    format!("{v:#x}")
}

/// Flags for compiling, shared by the runtime and the programs.
fn compile_flags(l: &Layout, t: &Toolchain, m: Machine) -> Vec<String> {
    let mut f: Vec<String> = Vec::new();
    let arch_flags = if t.crosstool_ng {
        t.row.crosstool_ng_cflags
    } else {
        t.row.cflags
    };
    f.extend(arch_flags.iter().map(|s| s.to_string()));
    if t.libc == Libc::Picolibc {
        // A Linux-targeted gcc: picolibc's specs swap in its headers and
        // libraries; no position-independent code on bare metal.
        f.extend(["--specs=picolibc.specs", "-fno-pie"].map(String::from));
    }
    f.extend(["-O0", "-g3", "-Wall", "-Werror"].map(String::from));
    f.push(format!(
        "-I{}",
        l.baremetal_source_dir().join("lib").display()
    ));
    f.push(format!("-DLKMC_UART_BASE={}", hex(m.uart_base)));
    f.push(format!("-DLKMC_RAM_BASE={}", hex(m.ram_base)));
    f.push(format!("-DLKMC_ARGV_ADDR={}", hex(argv_address(m))));
    f.push(format!("-DLKMC_GICD_BASE={}", hex(m.gicd_base)));
    f.push(format!("-DLKMC_GICC_BASE={}", hex(m.gicc_base)));
    if l.emulator == Emulator::Gem5 {
        f.push("-DLKMC_GEM5".into());
    }
    f
}

/// Flags for linking: lkmc's start-up code instead of the C library's, and
/// the program placed at the start of RAM.
fn link_flags(l: &Layout, t: &Toolchain, m: Machine) -> Vec<String> {
    let mut f: Vec<String> = vec!["-nostartfiles".into(), "-static".into()];
    match t.libc {
        Libc::Newlib => {
            f.push(format!(
                "-T{}",
                l.baremetal_source_dir().join("lib/link.ld").display()
            ));
            f.push(format!("-Wl,--defsym=lkmc_ram_base={}", hex(m.ram_base)));
        }
        Libc::Picolibc => {
            // picolibc's own linker script, told where "flash" (code) and
            // RAM are: both in the machine's RAM, below the argument block.
            let ram = m.ram_base + CODE_SIZE;
            f.push("-no-pie".into());
            for (sym, v) in [
                ("__flash", m.ram_base),
                ("__flash_size", CODE_SIZE),
                ("__ram", ram),
                ("__ram_size", argv_address(m) - ram),
                ("__stack_size", STACK_SIZE),
            ] {
                f.push(format!("-Wl,--defsym={sym}={}", hex(v)));
            }
        }
    }
    f
}

/// The runtime's sources, relative to baremetal/lib.
fn runtime_sources(l: &Layout, t: &Toolchain) -> Vec<PathBuf> {
    let arch = l.arch.name();
    let libc = match t.libc {
        Libc::Newlib => "newlib.c",
        Libc::Picolibc => "picolibc.c",
    };
    [
        format!("{arch}/start.S"),
        format!("{arch}/mmu.c"),
        "runtime.c".into(),
        "gic.c".into(),
        libc.into(),
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect()
}

/// Every program for this arch, relative to the repo: baremetal/*.c, the
/// arch's baremetal/arch/<arch>/*.{c,S}, and userland/c/, which is plain
/// ISO C and so runs on bare metal too, less the programs that announce they
/// are not for baremetal (`only: linux`) or not for this arch.
pub fn sources(l: &Layout) -> Vec<PathBuf> {
    let repo = &l.repo;
    let mut v = Vec::new();
    let list = |dir: &Path, exts: &[&str], v: &mut Vec<PathBuf>| {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut found: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| exts.contains(&x))
            })
            .map(|p| p.strip_prefix(repo).expect("under the repo").to_path_buf())
            .collect();
        found.sort();
        v.extend(found);
    };
    list(&l.baremetal_source_dir(), &["c"], &mut v);
    list(
        &l.baremetal_source_dir().join("arch").join(l.arch.name()),
        &["c", "S"],
        &mut v,
    );
    let mut userland_c = Vec::new();
    list(&l.userland_source_dir().join("c"), &["c"], &mut userland_c);
    // Those announced for Linux only (`only: linux`, see test/announced.rs)
    // or for other archs are not baremetal programs.
    userland_c.retain(|rel| {
        crate::test::announced::of_file(&repo.join(rel)).is_ok_and(|e| {
            e.applies(l.arch, crate::test::announced::Place::Baremetal)
                .is_ok()
        })
    });
    v.extend(userland_c);
    v
}

const PROGRAMS_ARE: &str =
    "baremetal programs are baremetal/*.c, baremetal/arch/<arch>/*.{c,S} and userland/c/*.c";

/// The image of a program: `<build dir>/<path from the repo>.elf`.
pub fn image_for(l: &Layout, rel: &Path) -> PathBuf {
    l.baremetal_build_dir().join(rel).with_extension("elf")
}

/// The image `--baremetal PATH` means: a source in the repo maps to its
/// image; anything else is taken as an image itself.
pub fn program_image(l: &Layout, path: &Path) -> Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    if !abs.exists() {
        return Err(usage_error(format!(
            "{} does not exist; {PROGRAMS_ARE}",
            path.display(),
        )));
    }
    let is_source = abs
        .extension()
        .is_some_and(|x| x == "c" || x == "S" || x == "s");
    if !is_source {
        return Ok(abs);
    }
    let abs = abs.canonicalize()?;
    let repo = l.repo.canonicalize().unwrap_or_else(|_| l.repo.clone());
    let rel = abs.strip_prefix(&repo).map_err(|_| {
        usage_error(format!(
            "{} is not in {}: give the path of a built image instead",
            path.display(),
            repo.display()
        ))
    })?;
    if !sources(l).iter().any(|s| s == rel) {
        return Err(usage_error(format!(
            "{} is not a baremetal program for {}: {PROGRAMS_ARE}",
            path.display(),
            l.arch,
        )));
    }
    Ok(image_for(l, rel))
}

/// Baremetal programs exist for arm and aarch64 only.
pub fn require_arch(l: &Layout) -> Result<()> {
    if l.arch.supports_baremetal() {
        return Ok(());
    }
    Err(usage_error(format!(
        "baremetal programs are for arm and aarch64, not {}: add --arch aarch64 or --arch arm",
        l.arch
    )))
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    require_arch(l)?;
    let m = machine(l)?;
    let t = toolchain(l);
    let b = Build {
        cflags: compile_flags(l, &t, m),
        lflags: link_flags(l, &t, m),
        needs: debian_requirements(l, &t),
        objects: runtime_sources(l, &t)
            .iter()
            .map(|s| {
                l.baremetal_build_dir()
                    .join("lib")
                    .join(s.file_name().expect("a file"))
                    .with_extension("o")
            })
            .collect(),
        t,
    };
    let mut p = Plan::default();
    if c.o.clean {
        p.push(
            Step::new("baremetal/clean", "cleaning the baremetal build")
                .action(crate::command::rm_rf(l.baremetal_build_dir())),
        );
    }
    p.push(runtime_step(l, &b));
    for rel in sources(l) {
        p.push(program_step(l, &b, &rel));
    }
    Ok(p)
}

/// What every baremetal compile shares: the toolchain, its flags, the
/// packages it needs, and the runtime's objects.
struct Build {
    t: Toolchain,
    cflags: Vec<String>,
    lflags: Vec<String>,
    needs: Vec<(Need, String)>,
    objects: Vec<PathBuf>,
}

fn with_needs(mut step: Step, b: &Build) -> Step {
    for (need, hint) in &b.needs {
        step = step.require(need.clone(), hint.clone());
    }
    step
}

/// baremetal/lib: the start-up code and C library glue, compiled once.
fn runtime_step(l: &Layout, b: &Build) -> Step {
    let lib_src = l.baremetal_source_dir().join("lib");
    let lib_dir = l.baremetal_build_dir().join("lib");
    let mut lib = with_needs(
        Step::new("baremetal/lib", "compiling the baremetal runtime").action(mkdir_p(&lib_dir)),
        b,
    );
    for (src, obj) in runtime_sources(l, &b.t).iter().zip(&b.objects) {
        lib = lib.action(
            Cmd::new(&b.t.gcc)
                .args(b.cflags.iter())
                .arg("-c")
                .line(["-o".to_string(), obj.display().to_string()])
                .arg_path(lib_src.join(src)),
        );
    }
    lib.fresh_when(vec![lib_src], b.objects.clone())
}

/// One program linked with the runtime into its image.
fn program_step(l: &Layout, b: &Build, rel: &Path) -> Step {
    let image = image_for(l, rel);
    let mut inputs = vec![l.repo.join(rel)];
    inputs.extend(b.objects.iter().cloned());
    let step = with_needs(
        Step::new(
            &format!("baremetal/{}", rel.with_extension("").display()),
            format!("building {}", rel.display()),
        ),
        b,
    );
    step.action(mkdir_p(image.parent().expect("image has a parent")))
        .action(
            Cmd::new(&b.t.gcc)
                .args(b.cflags.iter())
                .args(b.lflags.iter())
                .line(["-o".to_string(), image.display().to_string()])
                .args(b.objects.iter().map(|o| o.display().to_string()))
                .arg_path(l.repo.join(rel)),
        )
        .fresh_when(inputs, vec![image])
        .after(&["baremetal/lib"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_block_has_count_and_lines() {
        let b = argv_block(&["prog".into(), "a b".into(), "".into()]).unwrap();
        assert_eq!(b, "lkmc_argv 3\nprog\na b\n\n");
        assert!(argv_block(&["x\ny".into()]).is_err());
    }
}
