//! Where everything lives: the repo's sources and the output dir, split by
//! component, arch, build id and run id. `lkmc getvar` prints these.

use crate::arch::Arch;
use crate::cli::{Common, Emulator, GccWhich, GdbWhich, Gem5BuildType, QemuWhich, RootfsWhich};
use std::path::{Path, PathBuf};

/// Kernel version of Debian's linux-source package used when submodules/linux
/// is not checked out.
pub const DEBIAN_LINUX_VERSION: &str = "6.1";

/// The first QEMU port of run id 0; each id has a block of 10. Below Linux's
/// ephemeral range (32768-60999): there, a port could be taken at any moment
/// by the local end of some outgoing connection (CI once saw a monitor port
/// of a run taken so), and the run would fail to listen on it.
pub const QEMU_PORT_BASE: u32 = 21000;

/// Resolved options and paths for one (arch, emulator) pair.
#[derive(Clone, Debug)]
pub struct Layout {
    pub repo: PathBuf,
    pub out: PathBuf,
    pub arch: Arch,
    pub emulator: Emulator,
    pub linux_id: String,
    pub buildroot_id: String,
    pub userland_id: String,
    pub gem5_id: String,
    pub gem5_build_type: Gem5BuildType,
    pub qemu_id: String,
    pub ctng_id: String,
    pub run_id: u32,
    pub gcc_which: GccWhich,
    /// Compilers for baremetal/: crosstool-NG's or Debian's (never Buildroot's,
    /// whose C library is for Linux).
    baremetal_gcc: GccWhich,
    pub qemu_which: QemuWhich,
    pub gdb_which: GdbWhich,
    pub rootfs_which: RootfsWhich,
    pub machine: String,
    pub jobs: usize,
}

/// Finds the lkmc checkout: $LKMC_REPO, else the nearest ancestor of the current
/// dir that has lkmc's sources, else the one this binary was built from.
pub fn find_repo() -> PathBuf {
    if let Some(r) = std::env::var_os("LKMC_REPO") {
        return PathBuf::from(r);
    }
    let is_repo =
        |d: &Path| d.join("linux_config/base").is_file() && d.join("kernel_modules").is_dir();
    if let Ok(cwd) = std::env::current_dir()
        && let Some(d) = cwd.ancestors().find(|d| is_repo(d))
    {
        return d.to_path_buf();
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(d) = exe.ancestors().find(|d| is_repo(d))
    {
        return d.to_path_buf();
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn checked_out(dir: &Path) -> bool {
    dir.join("Makefile").is_file()
        || dir.join("SConstruct").is_file()
        || dir.join("configure").is_file()
}

/// Which compilers, QEMU, GDB and rootfs a layout uses: what the user chose,
/// else what is checked out under submodules/, else the host's packages.
struct Tools {
    gcc: GccWhich,
    baremetal_gcc: GccWhich,
    qemu: QemuWhich,
    gdb: GdbWhich,
    rootfs: RootfsWhich,
}

impl Tools {
    fn choose(c: &Common, repo: &Path) -> Tools {
        let has = |name: &str| checked_out(&repo.join("submodules").join(name));
        let has_buildroot = has("buildroot");
        let baremetal_gcc = match c.gcc_which {
            Some(GccWhich::CrosstoolNg) => GccWhich::CrosstoolNg,
            Some(_) => GccWhich::Host,
            None if has("crosstool-ng") => GccWhich::CrosstoolNg,
            None => GccWhich::Host,
        };
        let gcc = c.gcc_which.unwrap_or(if c.baremetal.is_some() {
            baremetal_gcc
        } else if has_buildroot {
            GccWhich::Buildroot
        } else {
            GccWhich::Host
        });
        let qemu = c.qemu_which.unwrap_or(if has("qemu") {
            QemuWhich::Lkmc
        } else {
            QemuWhich::Host
        });
        let gdb = c.gdb_which.unwrap_or(if gcc == GccWhich::Buildroot {
            GdbWhich::Buildroot
        } else {
            GdbWhich::Host
        });
        let rootfs = c.rootfs_which.unwrap_or(if has_buildroot {
            RootfsWhich::Buildroot
        } else {
            RootfsWhich::Busybox
        });
        Tools {
            gcc,
            baremetal_gcc,
            qemu,
            gdb,
            rootfs,
        }
    }
}

impl Layout {
    pub fn new(c: &Common, arch: Arch) -> Layout {
        let repo = find_repo();
        let out = match &c.out_dir {
            Some(o) if o.is_absolute() => o.clone(),
            Some(o) => std::env::current_dir().unwrap_or_default().join(o),
            None => repo.join("out"),
        };
        let tools = Tools::choose(c, &repo);
        let machine = c.machine.clone().unwrap_or_else(|| match c.emulator {
            Emulator::Gem5 => arch.row().gem5.machine.into(),
            _ => arch.qemu_default_machine().into(),
        });
        let jobs = c.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        let userland_id = if c.static_ && c.userland_build_id == "default" {
            "static".to_string()
        } else {
            c.userland_build_id.clone()
        };
        Layout {
            repo,
            out,
            arch,
            emulator: c.emulator,
            linux_id: c.linux_build_id.clone(),
            buildroot_id: c.buildroot_build_id.clone(),
            userland_id,
            gem5_id: c.gem5_build_id.clone(),
            gem5_build_type: c.gem5_build_type,
            qemu_id: c.qemu_build_id.clone(),
            ctng_id: c.crosstool_ng_build_id.clone(),
            run_id: c.run_id.unwrap_or(0),
            gcc_which: tools.gcc,
            baremetal_gcc: tools.baremetal_gcc,
            qemu_which: tools.qemu,
            gdb_which: tools.gdb,
            rootfs_which: tools.rootfs,
            machine,
            jobs,
        }
    }

    pub fn arch_name(&self) -> &'static str {
        self.arch.name()
    }

    // ---- sources in the repo ----
    pub fn submodule(&self, name: &str) -> PathBuf {
        self.repo.join("submodules").join(name)
    }
    pub fn kernel_modules_source_dir(&self) -> PathBuf {
        self.repo.join("kernel_modules")
    }
    pub fn userland_source_dir(&self) -> PathBuf {
        self.repo.join("userland")
    }
    pub fn baremetal_source_dir(&self) -> PathBuf {
        self.repo.join("baremetal")
    }
    pub fn rootfs_overlay_source_dir(&self) -> PathBuf {
        self.repo.join("rootfs_overlay")
    }
    pub fn linux_config_dir(&self) -> PathBuf {
        self.repo.join("linux_config")
    }

    /// Kernel sources: submodules/linux when checked out, else Debian's tarball
    /// unpacked once into the output dir.
    pub fn linux_source_dir(&self) -> PathBuf {
        let sub = self.submodule("linux");
        if checked_out(&sub) {
            sub
        } else {
            self.out
                .join("linux-source")
                .join(format!("linux-source-{DEBIAN_LINUX_VERSION}"))
        }
    }
    pub fn linux_source_is_tarball(&self) -> bool {
        !checked_out(&self.submodule("linux"))
    }
    pub fn linux_source_tarball(&self) -> PathBuf {
        PathBuf::from(format!(
            "/usr/src/linux-source-{DEBIAN_LINUX_VERSION}.tar.xz"
        ))
    }

    // ---- kernel ----
    pub fn linux_build_dir(&self) -> PathBuf {
        self.out
            .join("linux")
            .join(&self.linux_id)
            .join(self.arch_name())
    }
    pub fn linux_config(&self) -> PathBuf {
        self.linux_build_dir().join(".config")
    }
    pub fn vmlinux(&self) -> PathBuf {
        self.linux_build_dir().join("vmlinux")
    }
    /// What QEMU's -kernel gets. x86_64 boots vmlinux through PVH, except
    /// kernels that cannot take that entry: without CONFIG_PVH, or with KASAN,
    /// whose early shadow mapping is only set up on the bzImage path.
    pub fn linux_image(&self) -> PathBuf {
        if self.arch.row().qemu_kernel_pvh {
            let config = std::fs::read_to_string(self.linux_config()).unwrap_or_default();
            let pvh = config.is_empty() || config.contains("\nCONFIG_PVH=y");
            if !pvh || config.contains("\nCONFIG_KASAN=y") {
                return self.linux_boot_image();
            }
        }
        self.linux_build_dir().join(self.arch.qemu_kernel_image())
    }
    pub fn linux_boot_image(&self) -> PathBuf {
        self.linux_build_dir().join(self.arch.linux_boot_image())
    }

    // ---- modules, userland, rootfs ----
    pub fn modules_build_dir(&self) -> PathBuf {
        self.out
            .join("kernel_modules")
            .join(&self.linux_id)
            .join(self.arch_name())
    }
    pub fn userland_build_dir(&self) -> PathBuf {
        self.out
            .join("userland")
            .join(&self.userland_id)
            .join(self.arch_name())
    }
    /// Programs linked with Debian's dietlibc instead of glibc (`lkmc build
    /// userland-dietlibc`), for gem5's syscall emulation of arches where it
    /// cannot start glibc programs (Gem5Row::se_runs_debian_glibc).
    pub fn userland_dietlibc_build_dir(&self) -> PathBuf {
        self.out
            .join("userland")
            .join(&self.userland_id)
            .join(format!("{}-dietlibc", self.arch_name()))
    }
    /// Whether the emulator runs user-mode programs from the dietlibc build:
    /// gem5 where it cannot start the distro toolchain's glibc programs.
    pub fn userland_uses_dietlibc(&self) -> bool {
        self.emulator == Emulator::Gem5
            && !self.arch.row().gem5.se_runs_debian_glibc
            && self.gcc_which == GccWhich::Host
    }
    /// Where the programs that `--userland` names are built for this emulator.
    pub fn userland_executables_dir(&self) -> PathBuf {
        if self.userland_uses_dietlibc() {
            self.userland_dietlibc_build_dir()
        } else {
            self.userland_build_dir()
        }
    }
    /// Debian's dietlibc-dev for the guest arch, unpacked, with lkmc's gcc
    /// specs.
    pub fn dietlibc_dir(&self) -> PathBuf {
        self.out.join("dietlibc").join(self.arch_name())
    }
    pub fn busybox_dir(&self) -> PathBuf {
        self.out.join("busybox").join(self.arch_name())
    }
    pub fn busybox_binary(&self) -> PathBuf {
        self.busybox_dir().join("bin/busybox")
    }
    /// Debian's gdbserver and its libraries for the guest, also GDB's sysroot.
    pub fn gdbserver_root(&self) -> PathBuf {
        self.out.join("gdbserver").join(self.arch_name())
    }
    pub fn download_dir(&self) -> PathBuf {
        self.out.join("download")
    }
    pub fn rootfs_dir(&self) -> PathBuf {
        self.out
            .join("rootfs")
            .join(&self.linux_id)
            .join(self.arch_name())
    }
    /// The guest's root tree, assembled by lkmc; also shared over 9p.
    pub fn rootfs_staging_dir(&self) -> PathBuf {
        self.rootfs_dir().join("staging")
    }
    /// The initramfs that this layout's emulator boots.
    pub fn initramfs(&self) -> PathBuf {
        self.initramfs_for(self.emulator)
    }
    /// lkmc's root tree packs one initramfs per emulator, each without what
    /// only the other can use: QEMU's has no m5 (its instructions are gem5's),
    /// gem5's no gdbserver (gem5 has no network or virtio serial port to reach
    /// it). Every MB costs a gem5 boot about 1 to 2 M instructions.
    pub fn initramfs_for(&self, e: Emulator) -> PathBuf {
        match (self.rootfs_which, e) {
            (RootfsWhich::Busybox, Emulator::Gem5) => self.rootfs_dir().join("initramfs-gem5.cpio"),
            _ => self.rootfs_dir().join("initramfs.cpio"),
        }
    }
    pub fn rootfs_ext2(&self) -> PathBuf {
        match self.rootfs_which {
            RootfsWhich::Busybox => self.rootfs_dir().join("rootfs.ext2"),
            RootfsWhich::Buildroot => self.buildroot_images_dir().join("rootfs.ext2"),
        }
    }

    // ---- baremetal ----
    pub fn baremetal_gcc_which(&self) -> GccWhich {
        self.baremetal_gcc
    }
    pub fn baremetal_build_dir(&self) -> PathBuf {
        self.out
            .join("baremetal")
            .join(self.arch_name())
            .join(self.emulator.name())
            .join(&self.machine)
    }

    // ---- Buildroot ----
    pub fn buildroot_build_dir(&self) -> PathBuf {
        self.out
            .join("buildroot/build")
            .join(&self.buildroot_id)
            .join(self.arch_name())
    }
    pub fn buildroot_download_dir(&self) -> PathBuf {
        self.out.join("buildroot/download")
    }
    pub fn buildroot_images_dir(&self) -> PathBuf {
        self.buildroot_build_dir().join("images")
    }
    pub fn buildroot_host_bin(&self) -> PathBuf {
        self.buildroot_build_dir().join("host/usr/bin")
    }
    pub fn buildroot_target_dir(&self) -> PathBuf {
        self.buildroot_build_dir().join("target")
    }
    pub fn buildroot_staging_dir(&self) -> PathBuf {
        self.buildroot_build_dir().join("staging")
    }

    // ---- crosstool-NG ----
    pub fn crosstool_ng_dir(&self) -> PathBuf {
        self.out.join("crosstool-ng")
    }
    pub fn crosstool_ng_build_dir(&self) -> PathBuf {
        self.crosstool_ng_dir().join("build").join(&self.ctng_id)
    }
    pub fn crosstool_ng_bin(&self) -> PathBuf {
        self.crosstool_ng_build_dir()
            .join("install")
            .join(self.arch_name())
            .join("bin")
    }

    // ---- emulators ----
    pub fn qemu_build_dir(&self) -> PathBuf {
        self.out.join("qemu").join(&self.qemu_id)
    }
    pub fn qemu_system(&self) -> PathBuf {
        match self.qemu_which {
            QemuWhich::Host => PathBuf::from(self.arch.qemu_system()),
            QemuWhich::Lkmc => self
                .qemu_build_dir()
                .join(format!("{}-softmmu", self.arch_name()))
                .join(self.arch.qemu_system()),
        }
    }
    pub fn qemu_user(&self) -> PathBuf {
        match self.qemu_which {
            // Debian ships user mode as qemu-user-static (qemu-<arch>-static).
            QemuWhich::Host => PathBuf::from(format!("{}-static", self.arch.qemu_user())),
            QemuWhich::Lkmc => self
                .qemu_build_dir()
                .join(format!("{}-linux-user", self.arch_name()))
                .join(self.arch.qemu_user()),
        }
    }
    pub fn gem5_source_dir(&self) -> PathBuf {
        self.submodule("gem5")
    }
    /// A build dir kept outside the tree and linked in (it outlives a work
    /// tree; the README says how) is used by its real path: scons keys what
    /// it built by path, and would rebuild everything under another.
    pub fn gem5_build_dir(&self) -> PathBuf {
        let dir = self.out.join("gem5").join(&self.gem5_id);
        if dir.is_symlink() {
            std::fs::canonicalize(&dir).unwrap_or(dir)
        } else {
            dir
        }
    }
    /// scons's build dir for the guest's ISA (its Kconfig settings live there).
    pub fn gem5_variant_dir(&self) -> PathBuf {
        self.gem5_build_dir()
            .join("build")
            .join(self.arch.gem5_isa())
    }
    pub fn gem5_executable(&self) -> PathBuf {
        self.gem5_variant_dir()
            .join(format!("gem5.{}", self.gem5_build_type.name()))
    }
    pub fn gem5_m5term(&self) -> PathBuf {
        self.gem5_build_dir().join("m5term")
    }
    pub fn gem5_system_dir(&self) -> PathBuf {
        self.gem5_build_dir().join("system")
    }

    /// Where the guest sees a path under the output dir, shared over 9p.
    pub fn guest_9p_path(&self, p: &Path) -> String {
        format!(
            "/mnt/out/{}",
            p.strip_prefix(&self.out)
                .map(|r| r.display().to_string())
                .unwrap_or_default()
        )
    }

    // ---- runs ----
    pub fn run_dir(&self) -> PathBuf {
        self.out
            .join("run")
            .join(self.emulator.name())
            .join(self.arch_name())
            .join(self.run_id.to_string())
    }
    pub fn m5out_dir(&self) -> PathBuf {
        self.run_dir().join("m5out")
    }
    pub fn termout(&self) -> PathBuf {
        self.run_dir().join("termout.txt")
    }
    /// Build logs, one file per step.
    pub fn log_dir(&self) -> PathBuf {
        self.out
            .join("log")
            .join(&self.linux_id)
            .join(self.arch_name())
    }
    pub fn test_dir(&self) -> PathBuf {
        self.out
            .join("test")
            .join(self.arch_name())
            .join(&self.linux_id)
    }

    // ---- ports: each run id gets its own block so runs never collide ----
    fn qemu_port_base(&self) -> u32 {
        QEMU_PORT_BASE + 10 * self.run_id
    }
    pub fn qemu_monitor_port(&self) -> u32 {
        self.qemu_port_base()
    }
    pub fn hostfwd_port(&self) -> u32 {
        self.qemu_port_base() + 1
    }
    pub fn ssh_port(&self) -> u32 {
        self.qemu_port_base() + 2
    }
    pub fn gdb_port(&self) -> u32 {
        match self.emulator {
            Emulator::Gem5 => 7000 + self.run_id,
            _ => self.qemu_port_base() + 3,
        }
    }
    /// The second serial port, where a `--kgdb` kernel waits for GDB.
    pub fn extra_serial_port(&self) -> u32 {
        self.qemu_port_base() + 4
    }
    /// Forwarded to the guest's port 80 (busybox httpd).
    pub fn http_port(&self) -> u32 {
        self.qemu_port_base() + 5
    }
    /// Forwarded to the guest's port GDBSERVER_GUEST_PORT, where
    /// `/lkmc/gdbserver.sh --net` listens.
    pub fn gdbserver_net_port(&self) -> u32 {
        self.qemu_port_base() + 6
    }
    pub fn gem5_terminal_port(&self) -> u32 {
        // gem5 has 3 UARTs, each takes a port.
        3456 + 4 * self.run_id
    }
    /// Every host port a run of this id may listen on.
    pub fn ports(&self) -> Vec<u32> {
        let mut ports = vec![
            self.qemu_monitor_port(),
            self.hostfwd_port(),
            self.ssh_port(),
            self.gdb_port(),
            self.extra_serial_port(),
            self.http_port(),
            self.gdbserver_net_port(),
        ];
        if self.emulator == Emulator::Gem5 {
            ports.push(self.gem5_terminal_port());
        }
        ports
    }

    /// Prefix of the compilers for Linux userland, the kernel and modules.
    pub fn cross_prefix(&self) -> String {
        match self.gcc_which {
            GccWhich::Buildroot => format!(
                "{}/{}-",
                self.buildroot_host_bin().display(),
                self.arch.buildroot_prefix()
            ),
            GccWhich::CrosstoolNg => format!(
                "{}/{}-",
                self.crosstool_ng_bin().display(),
                self.arch.crosstool_ng_prefix()
            ),
            GccWhich::Host => format!("{}-", self.arch.debian_prefix()),
        }
    }

    pub fn gdb(&self) -> PathBuf {
        match self.gdb_which {
            GdbWhich::Buildroot => PathBuf::from(format!(
                "{}/{}-gdb",
                self.buildroot_host_bin().display(),
                self.arch.buildroot_prefix()
            )),
            GdbWhich::Host => PathBuf::from("gdb-multiarch"),
        }
    }

    /// Every variable `lkmc getvar` knows, in a stable order.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        let p = |x: PathBuf| x.display().to_string();
        vec![
            ("arch", self.arch_name().to_string()),
            ("emulator", self.emulator.name().to_string()),
            ("machine", self.machine.clone()),
            ("repo", p(self.repo.clone())),
            ("out_dir", p(self.out.clone())),
            ("linux_source_dir", p(self.linux_source_dir())),
            ("linux_build_dir", p(self.linux_build_dir())),
            ("linux_config", p(self.linux_config())),
            ("vmlinux", p(self.vmlinux())),
            ("linux_image", p(self.linux_image())),
            ("linux_boot_image", p(self.linux_boot_image())),
            (
                "kernel_modules_source_dir",
                p(self.kernel_modules_source_dir()),
            ),
            ("kernel_modules_build_dir", p(self.modules_build_dir())),
            ("userland_source_dir", p(self.userland_source_dir())),
            ("userland_build_dir", p(self.userland_build_dir())),
            ("baremetal_build_dir", p(self.baremetal_build_dir())),
            ("busybox", p(self.busybox_binary())),
            ("gdbserver_root", p(self.gdbserver_root())),
            ("rootfs_dir", p(self.rootfs_dir())),
            ("rootfs_staging_dir", p(self.rootfs_staging_dir())),
            ("initramfs", p(self.initramfs())),
            ("rootfs_ext2", p(self.rootfs_ext2())),
            ("buildroot_build_dir", p(self.buildroot_build_dir())),
            ("buildroot_target_dir", p(self.buildroot_target_dir())),
            ("crosstool_ng_build_dir", p(self.crosstool_ng_build_dir())),
            ("cross_compile", self.cross_prefix()),
            ("gdb", p(self.gdb())),
            ("qemu_system", p(self.qemu_system())),
            ("qemu_user", p(self.qemu_user())),
            ("gem5_build_dir", p(self.gem5_build_dir())),
            ("gem5_executable", p(self.gem5_executable())),
            ("run_dir", p(self.run_dir())),
            ("termout", p(self.termout())),
            ("m5out_dir", p(self.m5out_dir())),
            ("log_dir", p(self.log_dir())),
            ("test_dir", p(self.test_dir())),
            ("gdb_port", self.gdb_port().to_string()),
            ("qemu_monitor_port", self.qemu_monitor_port().to_string()),
            ("hostfwd_port", self.hostfwd_port().to_string()),
            ("ssh_port", self.ssh_port().to_string()),
            ("http_port", self.http_port().to_string()),
            ("gdbserver_net_port", self.gdbserver_net_port().to_string()),
            ("extra_serial_port", self.extra_serial_port().to_string()),
            ("gem5_terminal_port", self.gem5_terminal_port().to_string()),
            ("guest_modules_dir", "/lkmc".to_string()),
            (
                "guest_9p_modules_dir",
                self.guest_9p_path(&self.modules_build_dir()),
            ),
            (
                "guest_9p_userland_dir",
                self.guest_9p_path(&self.userland_build_dir()),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn layout(out: &Path, gem5_build_id: &str) -> Layout {
        let out = out.display().to_string();
        let argv = [
            "lkmc",
            "--out-dir",
            &out,
            "--gem5-build-id",
            gem5_build_id,
            "build",
        ];
        let common = crate::cli::Cli::parse_from(argv).common.resolve().unwrap();
        Layout::new(&common, Arch::Aarch64)
    }

    #[test]
    fn a_linked_gem5_build_dir_is_used_by_its_real_path() {
        let kept = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        std::fs::create_dir(out.path().join("gem5")).unwrap();
        std::os::unix::fs::symlink(kept.path(), out.path().join("gem5/default")).unwrap();
        let real = kept.path().canonicalize().unwrap();
        assert_eq!(
            layout(out.path(), "default").gem5_executable(),
            real.join("build/ARM/gem5.opt"),
            "scons must see the path it recorded its objects under"
        );
        // A build dir that is not a link stays under the output dir.
        assert_eq!(
            layout(out.path(), "other").gem5_build_dir(),
            out.path().join("gem5/other")
        );
    }
}
