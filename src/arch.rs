//! Facts about each guest architecture, kept in one place.

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

impl Arch {
    pub const ALL: [Arch; 3] = [Arch::X86_64, Arch::Arm, Arch::Aarch64];

    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm => "arm",
            Arch::Aarch64 => "aarch64",
        }
    }

    /// The kernel's ARCH= value.
    pub fn linux_arch(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86",
            Arch::Arm => "arm",
            Arch::Aarch64 => "arm64",
        }
    }

    /// Kernel image that QEMU boots, relative to the kernel build dir. x86_64 boots
    /// vmlinux directly through PVH: it skips the decompressor (measured 0.69x of
    /// bzImage's boot time). arm's uncompressed Image does not boot on virt.
    pub fn qemu_kernel_image(self) -> &'static str {
        match self {
            Arch::X86_64 => "vmlinux",
            Arch::Arm => "arch/arm/boot/zImage",
            Arch::Aarch64 => "arch/arm64/boot/Image",
        }
    }

    /// The image `make` produces for the boot loader (what a board would boot).
    pub fn linux_boot_image(self) -> &'static str {
        match self {
            Arch::X86_64 => "arch/x86/boot/bzImage",
            Arch::Arm => "arch/arm/boot/zImage",
            Arch::Aarch64 => "arch/arm64/boot/Image",
        }
    }

    /// GNU triplet prefix of Debian's cross compilers (gcc-<triplet> packages).
    pub fn debian_prefix(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-linux-gnu",
            Arch::Arm => "arm-linux-gnueabihf",
            Arch::Aarch64 => "aarch64-linux-gnu",
        }
    }

    pub fn buildroot_prefix(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-buildroot-linux-gnu",
            Arch::Arm => "arm-buildroot-linux-gnueabihf",
            Arch::Aarch64 => "aarch64-buildroot-linux-gnu",
        }
    }

    pub fn crosstool_ng_prefix(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-unknown-elf",
            Arch::Arm => "arm-unknown-eabi",
            Arch::Aarch64 => "aarch64-unknown-elf",
        }
    }

    /// Debian architecture name, for multiarch package downloads.
    pub fn debian_arch(self) -> &'static str {
        match self {
            Arch::X86_64 => "amd64",
            Arch::Arm => "armhf",
            Arch::Aarch64 => "arm64",
        }
    }

    pub fn buildroot_defconfig(self) -> &'static str {
        match self {
            Arch::X86_64 => "qemu_x86_64_defconfig",
            Arch::Arm => "qemu_arm_vexpress_defconfig",
            Arch::Aarch64 => "qemu_aarch64_virt_defconfig",
        }
    }

    pub fn console(self) -> &'static str {
        match self {
            Arch::X86_64 => "ttyS0",
            Arch::Arm | Arch::Aarch64 => "ttyAMA0",
        }
    }

    pub fn qemu_system(self) -> &'static str {
        match self {
            Arch::X86_64 => "qemu-system-x86_64",
            Arch::Arm => "qemu-system-arm",
            Arch::Aarch64 => "qemu-system-aarch64",
        }
    }

    /// QEMU user-mode binary name (without the Debian -static suffix).
    pub fn qemu_user(self) -> &'static str {
        match self {
            Arch::X86_64 => "qemu-x86_64",
            Arch::Arm => "qemu-arm",
            Arch::Aarch64 => "qemu-aarch64",
        }
    }

    pub fn qemu_default_machine(self) -> &'static str {
        match self {
            Arch::X86_64 => "pc",
            Arch::Arm | Arch::Aarch64 => "virt",
        }
    }

    /// CPU model for TCG: what the kernel configs target and the quick path measured.
    pub fn qemu_cpu(self) -> &'static str {
        match self {
            Arch::X86_64 => "max",
            Arch::Arm => "cortex-a15",
            Arch::Aarch64 => "cortex-a57",
        }
    }

    pub fn gem5_isa(self) -> &'static str {
        match self {
            Arch::X86_64 => "X86",
            Arch::Arm | Arch::Aarch64 => "ARM",
        }
    }

    pub fn m5_arch(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86",
            Arch::Arm => "arm",
            Arch::Aarch64 => "arm64",
        }
    }

    pub fn supports_baremetal(self) -> bool {
        self != Arch::X86_64
    }

    /// The host's own arch, when it is one lkmc knows.
    pub fn host() -> Option<Arch> {
        match std::env::consts::ARCH {
            "x86_64" => Some(Arch::X86_64),
            "aarch64" => Some(Arch::Aarch64),
            "arm" => Some(Arch::Arm),
            _ => None,
        }
    }
}

impl std::fmt::Display for Arch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
