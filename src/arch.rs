//! Facts about each guest architecture, kept in one place: one [`ArchRow`]
//! per arch, and code elsewhere reads fields of `arch.row()` instead of
//! matching on the arch.
//!
//! Adding an arch (riscv64, say) touches 3 files: this one (an [`Arch`]
//! variant, its `ALL` entry, its `row()` arm and its row), the new
//! `linux_config/<arch>` fragment, and src/tools.rs (the Debian packages of
//! its QEMU and cross gcc, for install hints). Before the rows it was 7: those
//! plus src/targets/deps.rs and src/run/gem5.rs (exhaustive matches),
//! src/layout.rs and src/targets/crosstool_ng.rs (`!= X86_64` tests that
//! would give it ARM's gem5 machine and a baremetal toolchain); 8 if it runs
//! the module GDB tests (src/test/gdb.rs; now a row field).

use clap::ValueEnum;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arch {
    #[value(name = "x86_64", alias = "x")]
    X86_64,
    #[value(name = "arm", alias = "a")]
    Arm,
    #[value(name = "aarch64", alias = "A")]
    Aarch64,
}

/// Everything lkmc knows about one guest arch.
#[derive(Debug)]
pub struct ArchRow {
    /// lkmc's name: `--arch`, out/ paths, `linux_config/<name>`,
    /// `baremetal/arch/<name>`, QEMU's target names.
    pub name: &'static str,
    /// The kernel's ARCH= value.
    pub linux_arch: &'static str,
    /// Kernel image that QEMU boots, relative to the kernel build dir.
    pub qemu_kernel_image: &'static str,
    /// `qemu_kernel_image` is vmlinux booted through PVH, an entry that
    /// kernels without CONFIG_PVH, or with KASAN (whose early shadow mapping
    /// is only set up on the bzImage path), cannot take: those boot
    /// `linux_boot_image`.
    pub qemu_kernel_pvh: bool,
    /// The image `make` produces for the boot loader (what a board would boot).
    pub linux_boot_image: &'static str,
    /// The serial console, for console=.
    pub console: &'static str,
    /// Kernel command-line words of every boot, after lkmc's common ones.
    pub kernel_cli: &'static [&'static str],
    /// GNU triplet of Debian's cross compilers (gcc-<triplet> packages).
    pub debian_prefix: &'static str,
    /// Debian architecture name, for multiarch packages (libc6-dev-<arch>-cross).
    pub debian_arch: &'static str,
    /// Buildroot's toolchain triplet.
    pub buildroot_prefix: &'static str,
    /// Buildroot's defconfig for QEMU's machine.
    pub buildroot_defconfig: &'static str,
    /// crosstool-NG's toolchain triplet.
    pub crosstool_ng_prefix: &'static str,
    /// QEMU's full-system binary.
    pub qemu_system: &'static str,
    /// The Debian package with `qemu_system`.
    pub qemu_system_package: &'static str,
    /// QEMU's user-mode binary (without the Debian -static suffix).
    pub qemu_user: &'static str,
    /// QEMU's -machine unless --machine says otherwise.
    pub qemu_machine: &'static str,
    /// CPU model for TCG: what the kernel configs target and the quick path measured.
    pub qemu_cpu: &'static str,
    /// The display and keyboard that --graphic adds, on machines that have
    /// none (x86's pc has a VGA card and a PS/2 keyboard of its own).
    pub qemu_graphic_devices: &'static [&'static str],
    /// Host programs the kernel build of linux_config/<arch> runs beyond
    /// the usual ones, each from the Debian package of the same name.
    pub linux_build_tools: &'static [&'static str],
    pub gem5: Gem5Row,
    /// Baremetal programs: None when lkmc has no runtime for the arch.
    pub baremetal: Option<BaremetalRow>,
    pub gdb_tests: GdbTestsRow,
}

/// gem5's side of an arch.
#[derive(Debug)]
pub struct Gem5Row {
    /// The ISA gem5 is built for (build/<ISA>/gem5.opt).
    pub isa: &'static str,
    /// m5's ABI name (util/m5 build/<abi>).
    pub m5_arch: &'static str,
    /// fs.py's --machine-type unless --machine says otherwise.
    pub machine: &'static str,
    /// The CPU class of --kvm.
    pub kvm_cpu: &'static str,
    /// Whether syscall emulation (se.py) can run on KVM.
    pub se_kvm: bool,
    /// The serial terminal of the machine fs.py builds.
    pub terminal: &'static str,
    /// Some on ARM, whose fs.py takes --machine-type and a boot loader, and
    /// whose workload can end gem5 on a guest panic or oops.
    pub bootloader: Option<Gem5Bootloader>,
    /// (machine-name prefix, word): an early console on the machines whose
    /// UART address is known.
    pub earlycon: Option<(&'static str, &'static str)>,
    /// Kernel command-line words first in fs.py's, before lkmc's common ones.
    pub kernel_cli: &'static [&'static str],
    /// The kernel needs mem= to see the memory gem5 gives it.
    pub kernel_mem: bool,
    /// Bare metal starts in AArch64 (system.highest_el_is_64).
    pub highest_el_is_64: bool,
    /// A linux_config/ fragment that every kernel of the arch gets, for the
    /// devices of gem5's machine (one kernel boots on QEMU and gem5).
    pub kernel_fragment: Option<&'static str>,
    /// Whether the m5 tool is built with lkmc's own m5op.S for its ABI
    /// (gem5_m5/<m5_arch>/m5op.S). On 32-bit ARM gem5 reads the arguments
    /// beyond r0-r3 from r4-r7, where the AAPCS puts them on the stack:
    /// upstream's `m5 readfile` panicked gem5 ("could not seek").
    pub own_m5op: bool,
    /// Extensions of the ISA that lkmc adds to gem5's default CPU features in
    /// full system. aarch64: FEAT_RNG (RNDR), from which the kernel credits
    /// its random pool at boot instead of hashing the pool again for each
    /// early random number (about 10 M instructions of a gem5 boot).
    pub isa_extensions: &'static [&'static str],
    /// Whether syscall emulation runs programs linked with Debian 12's glibc:
    /// gem5 24's 32-bit ARM syscall table ends before statx (397) and rseq
    /// (398), which that glibc calls as a program starts. Where it does not,
    /// gem5 runs the userland-dietlibc build instead.
    pub se_runs_debian_glibc: bool,
}

/// The boot loader fs.py loads before the kernel, in gem5's system/binaries.
#[derive(Debug)]
pub struct Gem5Bootloader {
    /// For GICv2 machines (VExpress_GEM5_V1, ...).
    pub gicv2: &'static str,
    /// For GICv3 machines (VExpress_GEM5_V2, ...).
    pub gicv3: &'static str,
}

/// The C library a baremetal toolchain links with; each needs its own glue
/// (baremetal/lib/*.c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Libc {
    Newlib,
    Picolibc,
}

/// Debian's baremetal toolchain for an arch (crosstool-NG's, when selected,
/// is `crosstool_ng_prefix`-gcc with newlib).
#[derive(Debug)]
pub struct BaremetalRow {
    /// Debian's compiler, and its package.
    pub gcc: &'static str,
    pub gcc_package: &'static str,
    /// Its C library; a file of it that gcc fails on with little explanation
    /// when missing (`cannot read spec file picolibc.specs`); its package.
    pub libc: Libc,
    pub libc_file: &'static str,
    pub libc_package: &'static str,
    /// Code generation flags for Debian's C library, and for crosstool-NG's
    /// (crosstool_ng_config/<arch>), which may use another float ABI. The
    /// runtime's MMU code runs before unaligned accesses are allowed.
    pub cflags: &'static [&'static str],
    pub crosstool_ng_cflags: &'static [&'static str],
}

/// Which GDB tests (`lkmc test gdb`) the arch runs, beyond start_kernel,
/// userland main and (with `baremetal`) baremetal main.
#[derive(Debug)]
pub struct GdbTestsRow {
    /// The write(2) entry point, for a breakpoint on a syscall after boot.
    pub syscall_write: Option<&'static str>,
    /// Breakpoints in a module's init and in a module function.
    pub modules: bool,
    /// A userland main in the full-system guest through gdbserver.
    pub gdbserver: bool,
}

const X86_64: ArchRow = ArchRow {
    name: "x86_64",
    linux_arch: "x86",
    // Skips the decompressor: measured 0.69x of bzImage's boot time.
    qemu_kernel_image: "vmlinux",
    qemu_kernel_pvh: true,
    linux_boot_image: "arch/x86/boot/bzImage",
    console: "ttyS0",
    // Lets modules share the serial port's interrupt line (irq.ko).
    kernel_cli: &["8250.share_irqs=1"],
    debian_prefix: "x86_64-linux-gnu",
    debian_arch: "amd64",
    buildroot_prefix: "x86_64-buildroot-linux-gnu",
    buildroot_defconfig: "qemu_x86_64_defconfig",
    crosstool_ng_prefix: "x86_64-unknown-elf",
    qemu_system: "qemu-system-x86_64",
    qemu_system_package: "qemu-system-x86",
    qemu_user: "qemu-x86_64",
    qemu_machine: "pc",
    qemu_cpu: "max",
    qemu_graphic_devices: &[],
    linux_build_tools: &[],
    gem5: Gem5Row {
        isa: "X86",
        m5_arch: "x86",
        machine: "X86",
        kvm_cpu: "X86KvmCPU",
        se_kvm: true,
        terminal: "system.pc.com_1.device",
        bootloader: None,
        earlycon: None,
        kernel_cli: &["earlyprintk=ttyS0", "lpj=7999923"],
        kernel_mem: false,
        highest_el_is_64: false,
        kernel_fragment: None,
        own_m5op: false,
        isa_extensions: &[],
        se_runs_debian_glibc: true,
    },
    baremetal: None,
    gdb_tests: GdbTestsRow {
        // x86_64 syscall entry points are __x64_sys_*.
        syscall_write: Some("__x64_sys_write"),
        modules: true,
        gdbserver: true,
    },
};

/// What the two ARM rows share in gem5 (one ARM gem5 build runs both).
const GEM5_ARM: Gem5Row = Gem5Row {
    isa: "ARM",
    m5_arch: "arm",
    machine: "VExpress_GEM5_V1",
    kvm_cpu: "ArmV8KvmCPU",
    se_kvm: false,
    terminal: "system.terminal",
    bootloader: Some(Gem5Bootloader {
        gicv2: "boot.arm",
        gicv3: "boot.arm",
    }),
    earlycon: Some(("VExpress_GEM5", "earlycon=pl011,0x1c090000")),
    // fw_devlink=off: the kernel would link every device of gem5's large
    // device tree to its suppliers (clocks, interrupts) before probing, 1.1 M
    // of the aarch64 boot's 40 M instructions; without it drivers wait by
    // deferred probing, as before Linux 5.13.
    kernel_cli: &["lpj=19988480", "fw_devlink=off"],
    kernel_mem: true,
    highest_el_is_64: false,
    kernel_fragment: Some("gem5_arm"),
    own_m5op: true,
    isa_extensions: &[],
    se_runs_debian_glibc: false,
};

const ARM: ArchRow = ArchRow {
    name: "arm",
    linux_arch: "arm",
    // The uncompressed Image does not boot on virt.
    qemu_kernel_image: "arch/arm/boot/zImage",
    qemu_kernel_pvh: false,
    linux_boot_image: "arch/arm/boot/zImage",
    console: "ttyAMA0",
    kernel_cli: &[],
    debian_prefix: "arm-linux-gnueabihf",
    debian_arch: "armhf",
    buildroot_prefix: "arm-buildroot-linux-gnueabihf",
    buildroot_defconfig: "qemu_arm_vexpress_defconfig",
    crosstool_ng_prefix: "arm-unknown-eabi",
    qemu_system: "qemu-system-arm",
    qemu_system_package: "qemu-system-arm",
    qemu_user: "qemu-arm",
    qemu_machine: "virt",
    qemu_cpu: "cortex-a15",
    qemu_graphic_devices: &["virtio-gpu-pci", "virtio-keyboard-pci"],
    // The zImage's compressor (linux_config/arm: KERNEL_LZ4).
    linux_build_tools: &["lz4"],
    gem5: GEM5_ARM,
    baremetal: Some(BaremetalRow {
        gcc: "arm-none-eabi-gcc",
        gcc_package: "gcc-arm-none-eabi",
        libc: Libc::Newlib,
        libc_file: "/usr/lib/arm-none-eabi/newlib/libc.a",
        libc_package: "libnewlib-arm-none-eabi",
        // Debian's newlib: the Thumb-2 hard-float multilib.
        cflags: &[
            "-mthumb",
            "-march=armv7-a+fp",
            "-mfloat-abi=hard",
            "-mno-unaligned-access",
        ],
        // crosstool_ng_config/arm builds a soft-float newlib: softfp calls
        // it the same way and still uses the FPU.
        crosstool_ng_cflags: &[
            "-march=armv7-a",
            "-mfpu=vfpv3-d16",
            "-mfloat-abi=softfp",
            "-mno-unaligned-access",
        ],
    }),
    gdb_tests: GdbTestsRow {
        syscall_write: None,
        modules: false,
        gdbserver: false,
    },
};

const AARCH64: ArchRow = ArchRow {
    name: "aarch64",
    linux_arch: "arm64",
    qemu_kernel_image: "arch/arm64/boot/Image",
    qemu_kernel_pvh: false,
    linux_boot_image: "arch/arm64/boot/Image",
    console: "ttyAMA0",
    kernel_cli: &[],
    debian_prefix: "aarch64-linux-gnu",
    debian_arch: "arm64",
    buildroot_prefix: "aarch64-buildroot-linux-gnu",
    buildroot_defconfig: "qemu_aarch64_virt_defconfig",
    crosstool_ng_prefix: "aarch64-unknown-elf",
    qemu_system: "qemu-system-aarch64",
    qemu_system_package: "qemu-system-arm",
    qemu_user: "qemu-aarch64",
    qemu_machine: "virt",
    qemu_cpu: "cortex-a57",
    qemu_graphic_devices: &["virtio-gpu-pci", "virtio-keyboard-pci"],
    linux_build_tools: &[],
    gem5: Gem5Row {
        m5_arch: "arm64",
        bootloader: Some(Gem5Bootloader {
            gicv2: "boot.arm64",
            gicv3: "boot_v2.arm64",
        }),
        highest_el_is_64: true,
        own_m5op: false,
        isa_extensions: &["FEAT_RNG"],
        se_runs_debian_glibc: true,
        ..GEM5_ARM
    },
    baremetal: Some(BaremetalRow {
        // A Linux-targeted gcc: picolibc's specs swap in its headers and
        // libraries.
        gcc: "aarch64-linux-gnu-gcc",
        gcc_package: "gcc-aarch64-linux-gnu",
        libc: Libc::Picolibc,
        libc_file: "/usr/lib/picolibc/aarch64-linux-gnu/picolibc.specs",
        libc_package: "picolibc-aarch64-linux-gnu",
        cflags: &["-mstrict-align"],
        crosstool_ng_cflags: &["-mstrict-align"],
    }),
    gdb_tests: GdbTestsRow {
        syscall_write: None,
        modules: true,
        gdbserver: true,
    },
};

impl Arch {
    pub const ALL: [Arch; 3] = [Arch::X86_64, Arch::Arm, Arch::Aarch64];

    /// The arch's row: the one place that maps an arch to its facts.
    pub fn row(self) -> &'static ArchRow {
        match self {
            Arch::X86_64 => &X86_64,
            Arch::Arm => &ARM,
            Arch::Aarch64 => &AARCH64,
        }
    }

    // The facts read in many places, by name.

    pub fn name(self) -> &'static str {
        self.row().name
    }
    pub fn linux_arch(self) -> &'static str {
        self.row().linux_arch
    }
    pub fn qemu_kernel_image(self) -> &'static str {
        self.row().qemu_kernel_image
    }
    pub fn linux_boot_image(self) -> &'static str {
        self.row().linux_boot_image
    }
    pub fn debian_prefix(self) -> &'static str {
        self.row().debian_prefix
    }
    pub fn buildroot_prefix(self) -> &'static str {
        self.row().buildroot_prefix
    }
    pub fn crosstool_ng_prefix(self) -> &'static str {
        self.row().crosstool_ng_prefix
    }
    pub fn debian_arch(self) -> &'static str {
        self.row().debian_arch
    }
    pub fn buildroot_defconfig(self) -> &'static str {
        self.row().buildroot_defconfig
    }
    pub fn console(self) -> &'static str {
        self.row().console
    }
    pub fn qemu_system(self) -> &'static str {
        self.row().qemu_system
    }
    pub fn qemu_user(self) -> &'static str {
        self.row().qemu_user
    }
    pub fn qemu_default_machine(self) -> &'static str {
        self.row().qemu_machine
    }
    pub fn qemu_cpu(self) -> &'static str {
        self.row().qemu_cpu
    }
    pub fn gem5_isa(self) -> &'static str {
        self.row().gem5.isa
    }
    pub fn m5_arch(self) -> &'static str {
        self.row().gem5.m5_arch
    }
    pub fn supports_baremetal(self) -> bool {
        self.row().baremetal.is_some()
    }

    /// The host's own arch, when it is one lkmc knows.
    pub fn host() -> Option<Arch> {
        Arch::ALL
            .into_iter()
            .find(|a| a.name() == std::env::consts::ARCH)
    }
}

impl std::fmt::Display for Arch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` lists every arch once, and each row is its own arch's: clap's
    /// value names and serde's names agree with the row's.
    #[test]
    fn rows_match_the_enum() {
        for a in Arch::ALL {
            let value = a.to_possible_value().expect("not hidden");
            assert_eq!(value.get_name(), a.row().name);
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.row().name)
            );
        }
        assert_eq!(Arch::ALL.len(), Arch::value_variants().len());
    }
}
