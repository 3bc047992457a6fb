//! gem5 full system (fs.py), syscall emulation (se.py), and baremetal runs.
//!
//! gem5 takes its own options first (output dir, listeners, debug flags),
//! then the config script and the script's options. The scripts are gem5's
//! classic example configs, which gem5 keeps under configs/deprecated/.

use super::Mode;
use super::kernel_cli::{self, CliOptions};
use super::spec::{Memory, RunSpec};
use crate::arch::Gem5Bootloader;
use crate::cli::{Emulator, Gem5RunArgs};
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use crate::usage_error;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

/// `uname -r` that syscall emulation reports: the kernel lkmc builds, so that
/// a guest program sees the same system under gem5 as in a full-system guest.
const SE_KERNEL_RELEASE: &str = "6.1.0";

/// The gem5-only options of a run, checked.
#[derive(Clone, Debug, Default)]
pub struct Gem5Spec {
    pub cpu_type: Option<String>,
    pub caches: bool,
    pub l2cache: bool,
    pub trace_stdout: bool,
    /// Words for gem5 itself, before the config script.
    pub exe_args: Vec<String>,
}

impl Gem5Spec {
    pub fn resolve(m: Mode, e: Emulator, a: &Gem5RunArgs) -> Result<Gem5Spec> {
        let given = [
            (a.cpu_type.is_some(), "--cpu-type"),
            (a.caches, "--caches"),
            (a.l2cache, "--l2cache"),
            (a.trace_stdout, "--trace-stdout"),
            (a.gem5_exe_args.is_some(), "--gem5-exe-args"),
        ];
        if e != Emulator::Gem5
            && let Some((_, opt)) = given.iter().find(|(g, _)| *g)
        {
            return Err(usage_error(format!(
                "{opt} does not apply to --emulator {}: it is for --emulator gem5",
                e.name()
            )));
        }
        if m == Mode::Baremetal && (a.caches || a.l2cache) {
            return Err(usage_error(
                "--caches and --l2cache are for kernels and --userland programs: fs.py's \
                 --bare-metal machine has no cache options",
            ));
        }
        let exe_args = match &a.gem5_exe_args {
            None => vec![],
            Some(w) => shlex::split(w).ok_or_else(|| {
                usage_error(format!("--gem5-exe-args '{w}' has unbalanced quotes"))
            })?,
        };
        Ok(Gem5Spec {
            cpu_type: a.cpu_type.clone(),
            caches: a.caches || a.l2cache,
            l2cache: a.l2cache,
            trace_stdout: a.trace_stdout,
            exe_args,
        })
    }
}

pub fn command(l: &Layout, s: &RunSpec, prep: &mut Plan) -> Result<Cmd> {
    if s.gem5.trace_stdout && s.trace.is_none() {
        return Err(usage_error(
            "--trace-stdout says where the --trace FLAGS output goes: give --trace too",
        ));
    }
    if s.kvm && s.gem5.cpu_type.is_some() {
        return Err(usage_error(
            "--kvm picks gem5's KVM CPU: leave out --cpu-type",
        ));
    }
    let cmd = match s.mode {
        Mode::System => full_system(l, s, prep)?,
        Mode::User => syscall_emulation(l, s)?,
        Mode::Baremetal => bare_metal(l, s, prep)?,
        Mode::Native => bail!("--emulator gem5 does not run native programs"),
    };
    Ok(cmd)
}

/// `--memory` as gem5 writes sizes (MB is MiB for gem5, as M is for QEMU).
fn gem5_memory(m: &Memory) -> String {
    format!("{}B", kernel_memory(m))
}

/// `--memory` as the kernel's mem= takes it: whole GiB as G, else M.
fn kernel_memory(m: &Memory) -> String {
    match m.mib() {
        mib if mib % 1024 == 0 => format!("{}G", mib / 1024),
        mib => format!("{mib}M"),
    }
}

/// The gem5 binary with gem5's own options, then the config script. The
/// listeners (GDB, terminal) are on even when gem5's stdin is not a
/// terminal, as under lkmc's console.
fn gem5_base(l: &Layout, s: &RunSpec, script: &str) -> Cmd {
    let mut g = Cmd::new(l.gem5_executable().display().to_string())
        .args(s.gem5.exe_args.iter())
        .line(["--outdir".to_string(), l.m5out_dir().display().to_string()])
        .line(["--listener-mode", "on"]);
    if let Some(flags) = &s.trace {
        // The trace goes to m5out/trace.txt unless asked onto the console.
        let file = if s.gem5.trace_stdout {
            "cout"
        } else {
            "trace.txt"
        };
        g = g
            .line(["--debug-flags".to_string(), flags.clone()])
            .line(["--debug-file", file]);
    }
    g.arg(
        l.gem5_source_dir()
            .join("configs/deprecated/example")
            .join(script)
            .display()
            .to_string(),
    )
}

/// lkmc's CPU model when none is named and there are no caches. It is the
/// atomic CPU with instruction fetches read straight from memory (gem5's
/// backdoor) instead of through the memory bus: the same instructions, ticks
/// and CPU statistics as AtomicSimpleCPU, a fifth less host time (the aarch64
/// boot: 31.9 s against 39.2 s, run after run). Only the memory's fetch
/// counts differ. It bypasses caches, so with --caches the plain atomic CPU
/// is the default.
const DEFAULT_CPU: &str = "NonCachingSimpleCPU";
const CACHED_DEFAULT_CPU: &str = "AtomicSimpleCPU";

/// The `--cpu-type` gem5 gets: KVM's, the user's, or lkmc's default.
fn cpu_type<'a>(l: &Layout, s: &'a RunSpec) -> &'a str {
    match &s.gem5.cpu_type {
        _ if s.kvm => l.arch.row().gem5.kvm_cpu,
        Some(t) => t,
        None if s.gem5.caches || extra_asks_for_caches(s) => CACHED_DEFAULT_CPU,
        None => DEFAULT_CPU,
    }
}

/// Caches (or Ruby) asked of the config script directly, after `--`.
fn extra_asks_for_caches(s: &RunSpec) -> bool {
    s.extra
        .iter()
        .any(|w| matches!(w.as_str(), "--caches" | "--l2cache" | "--ruby"))
}

/// CPUs, memory, CPU model and caches: the same options in fs.py and se.py.
fn cpus_and_memory(mut g: Cmd, l: &Layout, s: &RunSpec, cpus: u32) -> Cmd {
    let cpu = cpu_type(l, s);
    g = g
        .line(["--num-cpus".to_string(), cpus.to_string()])
        .line(["--mem-size".to_string(), gem5_memory(&s.memory)])
        .line(["--cpu-type", cpu]);
    if runs_atomic(cpu) && !s.extra.iter().any(|w| w.starts_with("--mem-type")) {
        g = g.line(["--mem-type", "SimpleMemory"]);
    }
    if s.gem5.caches {
        g = g.arg("--caches");
    }
    if s.gem5.l2cache {
        g = g.arg("--l2cache");
    }
    g
}

/// The atomic CPUs (fs.py's and se.py's default, and lkmc's) take no timing
/// from memory: the scripts' default DRAM controller (DDR3_1600_8x8) changes
/// nothing in their simulation (the same ticks and instructions) but adds its
/// own statistics, and costs a fifth to a quarter of the host time of a
/// boot. So lkmc gives them SimpleMemory; `-- --mem-type NAME` chooses.
fn runs_atomic(cpu: &str) -> bool {
    cpu.contains("AtomicSimpleCPU") || cpu == DEFAULT_CPU
}

/// A `--param` assignment, evaluated by the config script on the system tree.
fn param(value: impl AsRef<str>) -> [String; 2] {
    ["--param".to_string(), value.as_ref().to_string()]
}

/// The guest console goes to gem5's stdout, where lkmc watches it; the
/// terminal port (`lkmc gem5-shell`) is per run id.
fn terminal(g: Cmd, l: &Layout) -> Cmd {
    let term = l.arch.row().gem5.terminal;
    g.line(socket_param(
        &format!("{term}.port"),
        l.gem5_terminal_port(),
    ))
    .line(param(format!("{term}.outfile = \"stdoutput\"")))
}

/// Sets a socket parameter of gem5's system: --param refuses socket
/// parameters through its `system...` names, so this goes through the
/// simulation's root object.
fn socket_param(path: &str, port: u32) -> [String; 2] {
    param(format!(
        "import m5; m5.objects.Root.getInstance().{path} = {port}"
    ))
}

/// GDB's port is per run id (gem5 24 ignores its --remote-gdb-port option:
/// the port is the workload's parameter); --gdb-wait holds the first
/// instruction until GDB attaches.
fn remote_gdb(g: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let g = g.line(socket_param(
        "system.workload.remote_gdb_port",
        l.gdb_port(),
    ));
    if s.gdb_wait { g.arg("--wait-gdb") } else { g }
}

/// The boot loader fs.py loads before an ARM kernel: GICv3 machines (V2)
/// have their own.
fn bootloader(l: &Layout, b: &Gem5Bootloader) -> PathBuf {
    let name = if l.machine.contains("V2") {
        b.gicv3
    } else {
        b.gicv2
    };
    l.gem5_system_dir().join("binaries").join(name)
}

/// Whether the kernel's root filesystem is the ext2 image on gem5's IDE
/// disk: asked with --disk, and always on X86, whose fs.py has no initrd.
/// ARM loads the initramfs, as QEMU does.
pub(super) fn boots_from_disk(l: &Layout, s: &RunSpec) -> bool {
    s.disk || l.arch.row().gem5.bootloader.is_none()
}

/// Kernel command line: early console on the UART and a fixed
/// loops_per_jiffy skip slow steps of a simulated boot; ARM kernels need
/// mem= to see the memory gem5 gives them. Then lkmc's usual parameters
/// (console, eval, the user's).
fn kernel_command_line(l: &Layout, s: &RunSpec) -> String {
    let mut w: Vec<String> = Vec::new();
    let g = &l.arch.row().gem5;
    if let Some((machine, word)) = g.earlycon
        && l.machine.starts_with(machine)
    {
        w.push(word.into());
    }
    w.extend(g.kernel_cli.iter().map(|s| s.to_string()));
    if g.kernel_mem {
        w.push(format!("mem={}", kernel_memory(&s.memory)));
    }
    if boots_from_disk(l, s) {
        // gem5's disk is IDE: /dev/sda.
        w.extend(["root=/dev/sda", "rw"].map(String::from));
        if s.user_init().is_none() {
            w.push("init=/init".into());
        }
    }
    // Reaches init as $lkmc_gem5: a guest reboot does not end gem5, so init
    // powers off with `m5 exit` instead, and runs the m5 readfile script.
    w.push(format!("{}=1", crate::guest_protocol::GEM5_PARAM));
    if s.gem5_readfile.is_some() {
        w.push(format!("{}=1", crate::guest_protocol::GEM5_READFILE_PARAM));
    }
    w.push(kernel_cli::build(&CliOptions {
        arch: l.arch,
        console: true,
        disk: false,
        spec: s,
    }));
    // fs.py fills `%(mem)s`-style fields in with Python's `%`: a literal %
    // must be doubled.
    w.join(" ").replace('%', "%%")
}

/// fs.py: boots lkmc's vmlinux with its initramfs (or the ext2 disk).
fn full_system(l: &Layout, s: &RunSpec, prep: &mut Plan) -> Result<Cmd> {
    let readfile = l.run_dir().join("readfile");
    // What `m5 readfile` returns in the guest; written even when empty so a
    // stale one from an earlier run never leaks in.
    prep.push(
        Step::new("gem5-readfile", "writing the m5 readfile").action(Action::write(
            &readfile,
            s.gem5_readfile.clone().unwrap_or_default(),
        )),
    );
    let mut g =
        gem5_base(l, s, "fs.py").line(["--kernel".to_string(), l.vmlinux().display().to_string()]);
    if boots_from_disk(l, s) {
        g = g.line([
            "--disk-image".to_string(),
            l.rootfs_ext2().display().to_string(),
        ]);
    }
    g = cpus_and_memory(g, l, s, s.cpus)
        .line(["--script".to_string(), readfile.display().to_string()])
        .line(["--command-line".to_string(), kernel_command_line(l, s)]);
    check_room_for_initramfs(l, s)?;
    g = arm_workload(g, l, s);
    if let Some(d) = &s.dtb {
        g = g.line(["--dtb-filename".to_string(), d.display().to_string()]);
    }
    g = remote_gdb(terminal(g, l), l, s);
    if let Some(n) = s.gem5_restore {
        g = g.line([
            "--checkpoint-restore".to_string(),
            checkpoint_index(&l.m5out_dir(), n)?.to_string(),
        ]);
        // fs.py restores with AtomicSimpleCPU, then switches to --cpu-type:
        // lkmc's default restores as it runs, with no switch.
        if cpu_type(l, s) == DEFAULT_CPU {
            g = g.line(["--restore-with-cpu", DEFAULT_CPU]);
        }
    }
    Ok(g.args(s.extra.iter()))
}

/// ARM's fs.py writes the device tree 128 MiB into RAM and the initramfs at
/// 130 MiB: with less memory than that, gem5 stops before the first
/// instruction with a panic of an unrelated device ("invalid access size").
fn check_room_for_initramfs(l: &Layout, s: &RunSpec) -> Result<()> {
    if l.arch.row().gem5.bootloader.is_none() || boots_from_disk(l, s) {
        return Ok(());
    }
    let memory = s.memory.bytes;
    let initramfs = std::fs::metadata(l.initramfs()).map_or(0, |m| m.len());
    let needed = (130 << 20) + initramfs;
    if memory >= needed {
        return Ok(());
    }
    Err(usage_error(format!(
        "--memory {}: gem5's ARM machines load the initramfs 130 MiB into RAM, so this \
         {} MiB initramfs needs --memory {}M or more (or --disk)",
        s.memory.text,
        initramfs.div_ceil(1 << 20),
        needed.div_ceil(1 << 20)
    )))
}

/// ARM's fs.py takes the machine and a boot loader, loads the initramfs
/// with the kernel, and can end gem5 on a guest panic or oops.
fn arm_workload(mut g: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let Some(b) = &l.arch.row().gem5.bootloader else {
        return g;
    };
    g = g
        .line(["--machine-type".to_string(), l.machine.clone()])
        .line([
            "--bootloader".to_string(),
            bootloader(l, b).display().to_string(),
        ]);
    if !boots_from_disk(l, s) {
        g = g.line(param(format!(
            "system.workload.initrd_filename = \"{}\"",
            l.initramfs().display()
        )));
    }
    let extensions = l.arch.row().gem5.isa_extensions;
    if !extensions.is_empty() {
        // Through the root object: --param cannot read system.release.
        g = g.line(param(format!(
            "import m5; r = m5.objects.Root.getInstance().system.release; \
             r.extensions = list(r.extensions) + {extensions:?}"
        )));
    }
    g = g.line(param("system.workload.panic_on_panic = True"));
    if !s.allow_oops {
        g = g.line(param("system.workload.panic_on_oops = True"));
    }
    g
}

/// fs.py numbers the checkpoints in m5out by tick (1 = earliest); lkmc's
/// --gem5-restore N means the Nth most recently taken one.
fn checkpoint_index(m5out: &Path, n: u32) -> Result<usize> {
    let mut cpts: Vec<(u64, std::time::SystemTime)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(m5out) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if let Some(tick) = name.strip_prefix("cpt.").and_then(|t| t.parse().ok()) {
                let mtime = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                cpts.push((tick, mtime));
            }
        }
    }
    if n == 0 || n as usize > cpts.len() {
        return Err(usage_error(format!(
            "--gem5-restore {n}: {} has {} checkpoint(s); 1 is the most recent \
             (take one in the guest with `m5 checkpoint`)",
            m5out.display(),
            cpts.len()
        )));
    }
    let mut by_time = cpts.clone();
    by_time.sort_by(|x, y| y.1.cmp(&x.1).then(y.0.cmp(&x.0)));
    let wanted = by_time[n as usize - 1].0;
    let mut ticks: Vec<u64> = cpts.iter().map(|c| c.0).collect();
    ticks.sort_unstable();
    Ok(ticks
        .iter()
        .position(|t| *t == wanted)
        .expect("tick is listed")
        + 1)
}

/// se.py: the --userland programs (one per CPU), their system calls served
/// by gem5.
fn syscall_emulation(l: &Layout, s: &RunSpec) -> Result<Cmd> {
    let exes = s
        .userlands
        .iter()
        .map(|u| super::userland_executable(l, u, &l.userland_executables_dir()))
        .collect::<Result<Vec<_>>>()?;
    // se.py splits --options on blanks and ';' without quoting.
    if let Some(bad) = s
        .cli_args
        .iter()
        .find(|w| w.is_empty() || w.contains(|ch: char| ch.is_whitespace() || ch == ';'))
    {
        return Err(usage_error(format!(
            "gem5's se.py cannot pass the argument '{bad}': it splits --options on blanks and ';'"
        )));
    }
    if s.kvm && !l.arch.row().gem5.se_kvm {
        return Err(usage_error(
            "gem5 runs KVM in syscall emulation for x86_64 only",
        ));
    }
    let mut g = gem5_base(l, s, "se.py");
    if !s.cli_args.is_empty() {
        g = g.line(["--options".to_string(), s.cli_args.join(" ")]);
    }
    let cpus = s.cpus.max(exes.len() as u32);
    let workloads = if exes.len() > 1 { "cpu[:]" } else { "cpu[0]" };
    g = cpus_and_memory(g, l, s, cpus).line(param(format!(
        "system.{workloads}.workload[:].release = \"{SE_KERNEL_RELEASE}\""
    )));
    g = dynamic_loader(g, l, &exes);
    if let Some(f) = &s.stdin_file {
        g = g.line(["--input".to_string(), f.display().to_string()]);
    }
    g = remote_gdb(g, l, s);
    // The programs last, as for QEMU user mode: `lkmc run` checks that the
    // last path of the command exists.
    let cmd = exes
        .iter()
        .map(|e| e.display().to_string())
        .collect::<Vec<_>>()
        .join(";");
    Ok(g.line(["--cmd".to_string(), cmd]).args(s.extra.iter()))
}

/// A static program needs nothing; for a dynamic one gem5 loads the guest's
/// loader and libraries from the toolchain's tree.
fn dynamic_loader(mut g: Cmd, l: &Layout, exes: &[PathBuf]) -> Cmd {
    if !exes.iter().any(|e| crate::program::is_dynamic(e)) {
        return g;
    }
    if let Some((root, dirs)) = crate::program::guest_sysroot(l) {
        g = g.line(["--interp-dir".to_string(), root.display().to_string()]);
        for d in dirs {
            g = g.line([
                "--redirects".to_string(),
                format!("/{d}={}", root.join(d).display()),
            ]);
        }
    }
    g
}

/// fs.py with --bare-metal: the image is the "kernel", started at its entry
/// (auto_reset_addr) in the highest exception level, AArch64 on aarch64.
/// gem5 loads the argument block where the runtime reads it.
fn bare_metal(l: &Layout, s: &RunSpec, prep: &mut Plan) -> Result<Cmd> {
    let image = super::baremetal::image(l, s)?;
    let (argv, argv_addr) = super::baremetal::arguments(l, s, &image, prep)?;
    let mut g = gem5_base(l, s, "fs.py")
        .arg("--bare-metal")
        .line(["--machine-type".to_string(), l.machine.clone()]);
    g = cpus_and_memory(g, l, s, s.cpus).line(param("system.auto_reset_addr = True"));
    if l.arch.row().gem5.highest_el_is_64 {
        g = g.line(param("system.highest_el_is_64 = True"));
    }
    g = g
        .line(param(format!(
            "system.workload.extras = [\"{}\"]",
            argv.display()
        )))
        .line(param(format!(
            "system.workload.extras_addrs = [{argv_addr:#x}]"
        )));
    g = remote_gdb(terminal(g, l), l, s);
    g = g.line(["--kernel".to_string(), image.display().to_string()]);
    Ok(g.args(s.extra.iter()))
}
