//! Command-line interface: one `lkmc` binary with subcommands that replace
//! upstream LKMC's scripts. Options shared by every subcommand are global.

use crate::arch::Arch;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "lkmc",
    version,
    about = "Build, run, debug and test Linux kernels, modules, userland and baremetal code in QEMU and gem5",
    args_override_self = true
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Serialize)]
pub enum Emulator {
    #[value(alias = "q")]
    Qemu,
    #[value(alias = "g")]
    Gem5,
    #[value(alias = "n")]
    Native,
}

impl Emulator {
    pub fn name(self) -> &'static str {
        match self {
            Emulator::Qemu => "qemu",
            Emulator::Gem5 => "gem5",
            Emulator::Native => "native",
        }
    }
}

/// gem5's build variants (scons targets `gem5.<type>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Gem5BuildType {
    Opt,
    Fast,
    Debug,
}

impl Gem5BuildType {
    pub fn name(self) -> &'static str {
        match self {
            Gem5BuildType::Opt => "opt",
            Gem5BuildType::Fast => "fast",
            Gem5BuildType::Debug => "debug",
        }
    }
}

/// Which compilers build the kernel, modules and userland.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GccWhich {
    /// Buildroot's toolchain (needs submodules/buildroot).
    Buildroot,
    /// crosstool-NG's newlib toolchain (baremetal).
    CrosstoolNg,
    /// The distro's cross compilers (gcc-aarch64-linux-gnu, ...).
    Host,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QemuWhich {
    /// QEMU built by lkmc from submodules/qemu.
    Lkmc,
    /// The distro's qemu-system-* on PATH.
    Host,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GdbWhich {
    Buildroot,
    Host,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RootfsWhich {
    /// initramfs and ext2 image assembled by lkmc from busybox-static (fast path).
    Busybox,
    /// Buildroot's rootfs.ext2 (needs submodules/buildroot).
    Buildroot,
}

/// Options every subcommand takes (listed after the subcommand's own in --help).
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Common options")]
pub struct Common {
    /// Guest architecture [default: x86_64; `lkmc gdb` and the helpers: the arch of the run they attach to].
    #[arg(short = 'a', long, global = true)]
    pub arch: Option<Arch>,
    /// Emulator: qemu, gem5, or native (run on the host, userland only).
    #[arg(short = 'e', long, global = true, default_value = "qemu")]
    pub emulator: Emulator,
    /// Print the commands that would run, exactly, and run nothing.
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// Print each command on one line (with --dry-run, or as commands run).
    #[arg(long, global = true)]
    pub print_cmd_oneline: bool,
    /// Print the plan as JSON (argv, env, cwd of each command, in order) and run nothing.
    #[arg(long, global = true)]
    pub plan_json: bool,
    /// Where everything lkmc writes goes (default: <repo>/out).
    #[arg(long, global = true, env = "LKMC_OUT_DIR")]
    pub out_dir: Option<PathBuf>,
    /// TOML file with default options (in addition to lkmc.toml and ~/.config/lkmc/config.toml).
    #[arg(long, global = true)]
    pub config_file: Option<PathBuf>,
    #[arg(short = 'L', long, global = true, default_value = "default")]
    pub linux_build_id: String,
    #[arg(long, global = true, default_value = "default")]
    pub buildroot_build_id: String,
    #[arg(long, global = true, default_value = "default")]
    pub userland_build_id: String,
    #[arg(short = 'M', long, global = true, default_value = "default")]
    pub gem5_build_id: String,
    /// gem5 binary: opt (optimized, with debug flags for --trace), fast (no tracing), debug.
    #[arg(long, global = true, value_enum, default_value_t = Gem5BuildType::Opt)]
    pub gem5_build_type: Gem5BuildType,
    #[arg(long, global = true, default_value = "default")]
    pub qemu_build_id: String,
    #[arg(long, global = true, default_value = "default")]
    pub crosstool_ng_build_id: String,
    /// Run id: each id has its own run dir and ports. `lkmc run` without it takes the lowest
    /// free id; `lkmc gdb` and the helpers attach to id 0.
    #[arg(short = 'n', long, global = true)]
    pub run_id: Option<u32>,
    /// Compilers: default buildroot when submodules/buildroot is checked out, else host.
    #[arg(long, global = true)]
    pub gcc_which: Option<GccWhich>,
    /// QEMU: default lkmc when submodules/qemu is checked out, else host.
    #[arg(long, global = true)]
    pub qemu_which: Option<QemuWhich>,
    /// GDB: default buildroot's when built, else gdb-multiarch.
    #[arg(long, global = true)]
    pub gdb_which: Option<GdbWhich>,
    /// Root filesystem: default buildroot when submodules/buildroot is checked out, else busybox.
    #[arg(long, global = true)]
    pub rootfs_which: Option<RootfsWhich>,
    /// Emulated machine (QEMU: pc, virt; gem5: VExpress_GEM5_V1, RealViewPBX).
    #[arg(long, global = true)]
    pub machine: Option<String>,
    /// Parallel jobs for builds (default: CPUs available).
    #[arg(short = 'j', long, global = true)]
    pub jobs: Option<usize>,
    /// Show build output as it happens, make V=1.
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,
    /// Print less.
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
    /// A user-mode program: a userland/ source or a built program (run, gdb, getvar).
    #[arg(short = 'u', long = "userland", global = true, action = clap::ArgAction::Append)]
    pub userlands: Vec<PathBuf>,
    /// The program of `--userland`, set by `resolve`.
    #[arg(skip)]
    pub userland: Option<PathBuf>,
    /// A baremetal program (arm, aarch64): a baremetal/ or userland/c/ source, or a built image.
    #[arg(short = 'b', long, global = true)]
    pub baremetal: Option<PathBuf>,
    /// Link userland programs statically.
    #[arg(long = "static", global = true)]
    pub static_: bool,
}

impl Common {
    /// Checks what clap cannot and fills the derived fields: one `--userland`
    /// (gem5 alone runs several, one per CPU).
    pub fn resolve(mut self) -> anyhow::Result<Common> {
        if self.userlands.len() > 1 && self.emulator != Emulator::Gem5 {
            return Err(crate::error::usage_error(format!(
                "--userland was given {} times: {} runs one program (only gem5 runs one per CPU)",
                self.userlands.len(),
                self.emulator.name()
            )));
        }
        self.userland = self.userlands.first().cloned();
        Ok(self)
    }

    /// The guest arch asked for, or x86_64.
    pub fn arch(&self) -> Arch {
        self.arch.unwrap_or(Arch::X86_64)
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build targets and what they depend on (default: the whole quick path).
    Build(BuildArgs),
    /// Boot a guest, or run a user-mode / baremetal / native program.
    Run(RunArgs),
    /// Attach GDB to a run started with --gdb-wait (or a running guest).
    Gdb(GdbArgs),
    /// Run the guest test suites and report KTAP, JUnit and JSON.
    Test(TestArgs),
    /// Print a path or value (no NAME: list them all).
    Getvar(GetvarArgs),
    /// Send a command to the QEMU monitor of a running guest.
    QemuMonitor(MonitorArgs),
    /// Connect to the terminal of a running gem5.
    Gem5Shell,
    /// Print gem5 statistics matching a regex from m5out/stats.txt.
    Gem5Stat(Gem5StatArgs),
    /// Run a tool of the selected toolchain, e.g. `lkmc toolchain readelf -- -h x.ko`.
    Toolchain(ToolchainArgs),
    /// Print a shell completion script: `lkmc completions bash > ~/.local/share/bash-completion/completions/lkmc`.
    Completions(CompletionsArgs),
    /// Print lkmc's man page (roff): `lkmc man | man -l -`.
    Man,
    /// Run `lkmc run` over the cross product of option values, here or as a Slurm job array.
    Sweep(crate::sweep::SweepArgs),
    /// One point of a sweep (what `lkmc sweep` runs for each point).
    #[command(hide = true)]
    SweepPoint(crate::sweep::SweepPointArgs),
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug, Default)]
pub struct BuildArgs {
    /// Targets (see --list-targets). Default: quick (or qemu-buildroot with Buildroot checked out).
    pub targets: Vec<String>,
    /// Install the host packages and fetch the sources the targets need.
    #[arg(short = 'D', long)]
    pub download_dependencies: bool,
    /// With --download-dependencies: skip apt, only fetch sources.
    #[arg(long)]
    pub no_apt: bool,
    /// List targets and their dependencies.
    #[arg(long)]
    pub list_targets: bool,
    /// Kernel (CONFIG_*) or Buildroot (BR2_*) config line; repeatable.
    #[arg(long = "config", value_name = "LINE")]
    pub configs: Vec<String>,
    /// Extra kernel config fragment file; repeatable.
    #[arg(long = "config-fragment", value_name = "FILE")]
    pub config_fragments: Vec<PathBuf>,
    /// Use this exact kernel .config instead of lkmc's fragments.
    #[arg(long)]
    pub custom_config_file: Option<PathBuf>,
    /// Kernel config flavour from linux_config/: small (tinyconfig-based, default) or full (defconfig-based).
    #[arg(long, default_value = "small")]
    pub linux_config: String,
    /// Rebuild the named targets even when they look up to date (not their dependencies: see --with-deps).
    #[arg(long)]
    pub force_rebuild: bool,
    /// Remove the named targets' build output first (not their dependencies': see --with-deps).
    #[arg(long)]
    pub clean: bool,
    /// Make --force-rebuild and --clean reach the named targets' dependencies too.
    #[arg(long)]
    pub with_deps: bool,
    /// Build for all three archs.
    #[arg(short = 'A', long)]
    pub all_archs: bool,
    /// Only these modules (kernel_modules/NAME.c) for the modules target.
    #[arg(long = "module", value_name = "NAME")]
    pub modules: Vec<String>,
    /// userland: link dynamically instead of statically (QEMU user mode then runs them with
    /// -L the cross sysroot; the full-system guest has no shared libraries for them).
    #[arg(long)]
    pub no_static: bool,
    /// userland: extra compiler flags, shell-split, after lkmc's.
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true)]
    pub ccflags: Option<String>,
    /// userland: the compiler's -O level.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub optimization_level: u32,
    /// Extra arguments for the underlying make/scons.
    #[arg(last = true)]
    pub extra: Vec<String>,
}

#[derive(Args, Debug, Clone)]
pub struct RunArgs {
    /// Shell code run instead of the guest shell; lkmc exits with its status.
    #[arg(short = 'E', long)]
    pub eval: Option<String>,
    /// Shell code run at the end of boot, then the shell.
    #[arg(short = 'F', long)]
    pub eval_after: Option<String>,
    /// Extra kernel command line.
    #[arg(long)]
    pub kernel_cli: Vec<String>,
    /// Extra words for init, after the kernel command line's `-`.
    #[arg(long)]
    pub kernel_cli_after_dash: Vec<String>,
    /// Hardware acceleration (same-arch guests only).
    #[arg(short = 'K', long)]
    pub kvm: bool,
    /// Make the emulator wait for GDB before the first instruction.
    #[arg(long)]
    pub gdb_wait: bool,
    /// Run and debug in tmux: emulator left, GDB right (= --gdb-wait --tmux-program gdb).
    #[arg(long)]
    pub gdb: bool,
    /// Open a tmux split with --tmux-program (gdb for QEMU, the shell for gem5).
    #[arg(short = 't', long)]
    pub tmux: bool,
    /// Arguments for the program in the tmux split (e.g. a GDB breakpoint).
    #[arg(long, allow_hyphen_values = true)]
    pub tmux_args: Option<String>,
    #[arg(long)]
    pub tmux_program: Option<String>,
    /// Graphic window instead of the serial console.
    #[arg(long)]
    pub graphic: bool,
    /// VNC display instead of a window.
    #[arg(long)]
    pub vnc: bool,
    #[arg(short = 'c', long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=512))]
    pub cpus: u32,
    #[arg(short = 'm', long, default_value = "256M")]
    pub memory: String,
    /// Emulator trace events (QEMU -trace) or gem5 debug flags.
    #[arg(short = 'T', long)]
    pub trace: Option<String>,
    /// Run the emulator itself under GDB (no short flag: -D is build's --download-dependencies).
    #[arg(long)]
    pub debug_vm: bool,
    /// Kill the guest after this many seconds and fail.
    #[arg(long)]
    pub timeout: Option<f64>,
    /// Arguments for the userland program (shell-split).
    #[arg(long, allow_hyphen_values = true)]
    pub cli_args: Option<String>,
    /// A file the userland program reads as its standard input.
    #[arg(long)]
    pub stdin_file: Option<PathBuf>,
    /// Boot from the ext2 image as a disk instead of the initramfs.
    #[arg(long)]
    pub disk: bool,
    /// Do not share the output dir with the guest over 9p.
    #[arg(long)]
    pub no_9p: bool,
    /// Keep running after a kernel oops (default: an oops ends the run with failure).
    #[arg(long)]
    pub allow_oops: bool,
    /// Power off as soon as the guest has booted (after --eval-after), e.g. to time a boot.
    #[arg(long)]
    pub quit_after_boot: bool,
    /// Show the kernel's boot messages (the default boot is `quiet`, which is faster).
    #[arg(long)]
    pub verbose_boot: bool,
    /// gem5: shell code that init runs, read from the host with m5 readfile.
    #[arg(long)]
    pub gem5_readfile: Option<String>,
    /// gem5: restore the Nth most recent checkpoint.
    #[arg(long)]
    pub gem5_restore: Option<u32>,
    #[command(flatten)]
    pub gem5: Gem5RunArgs,
    #[command(flatten)]
    pub qemu: QemuRunArgs,
    /// Extra emulator arguments.
    #[arg(last = true)]
    pub extra: Vec<String>,
}

/// `lkmc run` options that only gem5 takes.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "gem5 options")]
pub struct Gem5RunArgs {
    /// gem5 CPU model: AtomicSimpleCPU, TimingSimpleCPU, O3CPU, MinorCPU, and the ARM models
    /// gem5 lists with `--list-cpu-types` (e.g. HPI, O3_ARM_v7a_3). Default: NonCachingSimpleCPU
    /// (the atomic CPU fetching straight from memory: a fifth faster, same instructions and
    /// ticks), AtomicSimpleCPU with --caches. The atomic CPUs get `--mem-type SimpleMemory`
    /// (DRAM timing does not apply to them); `-- --mem-type NAME` chooses another.
    #[arg(long)]
    pub cpu_type: Option<String>,
    /// gem5: L1 caches.
    #[arg(long)]
    pub caches: bool,
    /// gem5: an L2 cache too (implies --caches).
    #[arg(long)]
    pub l2cache: bool,
    /// gem5: the --trace debug output on stdout (the console) instead of m5out/trace.txt.
    #[arg(long)]
    pub trace_stdout: bool,
    /// gem5: words for gem5 itself, before the config script (shell-split).
    #[arg(long, allow_hyphen_values = true)]
    pub gem5_exe_args: Option<String>,
    /// A device tree blob instead of the emulator's own (QEMU -dtb, gem5 --dtb-filename).
    #[arg(long)]
    pub dtb: Option<PathBuf>,
}

/// `lkmc run` options of QEMU full-system guests (see src/run/features.rs).
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "QEMU guest options")]
pub struct QemuRunArgs {
    /// No network card (by default the guest has a virtio-net card on QEMU's user-mode network,
    /// address 10.0.2.15, with ports `lkmc getvar ssh_port` and `http_port` forwarded from
    /// 127.0.0.1 to its ports 22 and 80).
    #[arg(long)]
    pub no_net: bool,
    /// The guest reaches nothing but the forwards (QEMU's restrict=on).
    #[arg(long)]
    pub net_restrict: bool,
    /// Guest connections to 10.0.2.100:PORT reach 127.0.0.1:PORT on the host, where something
    /// must listen when the run starts (repeatable).
    #[arg(long, value_name = "PORT")]
    pub net_guestfwd: Vec<u16>,
    /// KGDB: the kernel waits for GDB on a second serial port, 127.0.0.1 port `lkmc getvar
    /// extra_serial_port`; attach with `lkmc gdb --kgdb`.
    #[arg(long, conflicts_with = "kdb")]
    pub kgdb: bool,
    /// KDB on the console: `echo g > /proc/sysrq-trigger` in the guest enters it, `go` leaves.
    #[arg(long)]
    pub kdb: bool,
    /// Record the run into the run dir's replay.bin (QEMU record/replay; no network, no 9p).
    #[arg(long, conflicts_with = "replay")]
    pub record: bool,
    /// Replay the run --record recorded with the same run id and options.
    #[arg(long)]
    pub replay: bool,
    /// Print every executed instruction (QEMU -d in_asm,exec, one instruction per block).
    #[arg(long)]
    pub trace_insts_stdout: bool,
    /// With --graphic: the display device but no window (`lkmc qemu-monitor screendump F.ppm`).
    #[arg(long, requires = "graphic")]
    pub headless: bool,
}

#[derive(Args, Debug, Default)]
pub struct GdbArgs {
    /// Where to break: a function, FILE:LINE or '*ADDR'. Default: start_kernel is not assumed; GDB just attaches.
    pub break_at: Option<String>,
    /// Do not continue after attaching (stop at the first instruction).
    #[arg(long)]
    pub no_continue: bool,
    /// Do not load module symbols with lx-symbols.
    #[arg(long)]
    pub no_lxsymbols: bool,
    /// Break in this kernel module's code (FUNC), loading its symbols as soon as it is inserted,
    /// including its module_init.
    #[arg(long)]
    pub module: Option<String>,
    /// Debug a process in the full-system guest through gdbserver.
    #[arg(long)]
    pub gdbserver: bool,
    /// With --gdbserver: reach it over the guest's network (`/lkmc/gdbserver.sh --net` in the
    /// guest) instead of the virtio serial port.
    #[arg(long, requires = "gdbserver")]
    pub net: bool,
    /// Debug the kernel through KGDB (a run started with `lkmc run --kgdb`) instead of QEMU's
    /// GDB stub.
    #[arg(long, conflicts_with = "gdbserver")]
    pub kgdb: bool,
    /// GDB arguments before lkmc's (shell-split).
    #[arg(long, allow_hyphen_values = true)]
    pub before: Option<String>,
    /// GDB arguments after lkmc's (shell-split).
    #[arg(long, allow_hyphen_values = true)]
    pub after: Option<String>,
    /// Batch mode: run the commands, print where GDB stopped, and quit.
    #[arg(long)]
    pub batch: bool,
    /// Extra GDB commands, each run after the break is hit (batch mode).
    #[arg(long = "ex")]
    pub ex: Vec<String>,
}

#[derive(Args, Debug, Default)]
pub struct TestArgs {
    /// Only tests whose names match these shell patterns.
    pub filters: Vec<String>,
    /// Suites, separated by commas: modules, crash, userland, baremetal, gdb,
    /// tracker-debug, features, gem5; or all.
    #[arg(long = "suite", default_value = "modules,crash")]
    pub suites: String,
    /// Test all three archs.
    #[arg(short = 'A', long)]
    pub all_archs: bool,
    /// Seconds a single guest boot may take before it fails: a guard against hangs (a boot of
    /// the whole modules suite takes 1 to 3 minutes on a loaded 2-core machine).
    #[arg(long, default_value_t = 1800.0)]
    pub timeout: f64,
    /// CPUs for the guests.
    #[arg(short = 'c', long, default_value_t = 2)]
    pub cpus: u32,
    /// Build what the tests need first.
    #[arg(long)]
    pub build: bool,
    /// local: here; slurm: one Slurm array task per arch and suite, merged into one report.
    #[arg(long, value_enum, default_value_t)]
    pub executor: crate::slurm::Executor,
    /// With --executor slurm: the modules suite in tasks of N tests each (one boot each).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub tests_per_task: Option<u32>,
    #[command(flatten)]
    pub slurm: crate::slurm::SlurmOptions,
    /// Write junit.xml and results.json here instead of out/test (what each Slurm task does).
    #[arg(long, hide = true)]
    pub report_dir: Option<PathBuf>,
}

#[derive(Args, Debug, Default)]
pub struct GetvarArgs {
    pub name: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Default)]
pub struct MonitorArgs {
    pub command: Vec<String>,
}

#[derive(Args, Debug, Default)]
pub struct Gem5StatArgs {
    /// Regex for stat names, as gem5 writes them (simInsts) or in the older
    /// snake_case (sim_insts).
    #[arg(default_value = ".*")]
    pub regex: String,
}

#[derive(Args, Debug, Default)]
pub struct ToolchainArgs {
    pub tool: String,
    #[arg(last = true)]
    pub args: Vec<String>,
}

impl Default for RunArgs {
    /// What `lkmc run` with no options means (memory, CPUs, ...), so that
    /// runs made in code (tests) get the same defaults as the command line.
    fn default() -> Self {
        #[derive(Parser)]
        struct Defaults {
            #[command(flatten)]
            run: RunArgs,
        }
        Defaults::parse_from(["lkmc"]).run
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn run_defaults_in_code_match_the_command_line() {
        let a = super::RunArgs::default();
        assert_eq!(a.memory, "256M");
        assert_eq!(a.cpus, 1);
    }
}
