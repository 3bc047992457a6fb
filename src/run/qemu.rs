//! QEMU command lines: full system and user mode.

use super::kernel_cli::{self, CliOptions};
use super::spec::{Display, RunSpec};
use crate::command::Cmd;
use crate::layout::Layout;
use std::path::Path;

/// The full-system command that boots lkmc's kernel and root filesystem.
pub fn system(l: &Layout, s: &RunSpec) -> Cmd {
    let mut q = Cmd::new(l.qemu_system().display().to_string());
    q = q.line(["-machine".to_string(), l.machine.clone()]);
    if s.kvm {
        q = q.line(["-accel", "kvm"]).line(["-cpu", "host"]);
    } else {
        q = q.line(["-accel", "tcg"]).line(["-cpu", l.arch.qemu_cpu()]);
    }
    q = q
        .line(["-m".to_string(), s.memory.text.clone()])
        .line(["-smp".to_string(), s.cpus.to_string()])
        .line(["-kernel".to_string(), l.linux_image().display().to_string()]);
    if s.disk {
        // snapshot=on: the guest's writes never reach the image file.
        q = q.line([
            "-drive".to_string(),
            format!(
                "file={},format=raw,if=virtio,snapshot=on",
                l.rootfs_ext2().display()
            ),
        ]);
    } else {
        q = q.line(["-initrd".to_string(), l.initramfs().display().to_string()]);
    }
    let cli = kernel_cli::build(&CliOptions {
        arch: l.arch,
        console: s.display == Display::Console,
        disk: s.disk,
        spec: s,
    });
    q = q.line(["-append".to_string(), cli]);
    if s.display != Display::Console {
        if s.display == Display::Vnc {
            q = q.line(["-vnc", ":0"]);
        }
        if let Some(device) = l.arch.row().qemu_graphic_device {
            q = q.line(["-device", device]);
        }
        q = q.line(["-serial", "mon:stdio"]);
    } else {
        // The serial console multiplexed with a monitor on our terminal:
        // Ctrl-A X quits, Ctrl-A C switches to the monitor, and Ctrl-C
        // reaches the guest. With -monitor on a port, -nographic alone
        // leaves the serial port as plain stdio, without those keys.
        q = q.arg("-nographic").line(["-serial", "mon:stdio"]);
    }
    // -no-reboot turns the guest's reboot (and panic=-1) into QEMU exiting.
    // -nic none: no default network card, whose boot ROM costs boot time.
    q = q.arg("-no-reboot").line(["-nic", "none"]);
    q = control_ports(q, l);
    if s.share_out_dir {
        q = q.line([
            "-virtfs".to_string(),
            format!(
                "local,path={},mount_tag={tag},security_model=none,id={tag}",
                l.out.display(),
                tag = crate::guest_protocol::OUT_9P_TAG
            ),
        ]);
    }
    if l.gdbserver_root().join("usr/bin/gdbserver").exists() {
        // A virtio serial port for gdbserver in the guest (/dev/vport0p1),
        // reached by GDB on the host's hostfwd port: no guest network needed.
        q = q
            .line(["-device", "virtio-serial-pci"])
            .line([
                "-chardev".to_string(),
                format!(
                    "socket,id=lkmc_gdbserver,host=127.0.0.1,port={},server=on,wait=off",
                    l.hostfwd_port()
                ),
            ])
            .line([
                "-device".to_string(),
                format!(
                    "virtserialport,chardev=lkmc_gdbserver,name={}",
                    crate::guest_protocol::GDBSERVER_PORT_NAME
                ),
            ]);
    }
    trace_and_gdb_wait(q, l, s).args(s.extra.iter())
}

/// The monitor and the GDB stub, on this run id's ports.
pub fn control_ports(q: Cmd, l: &Layout) -> Cmd {
    q.line([
        "-monitor".to_string(),
        format!("telnet:127.0.0.1:{},server,nowait", l.qemu_monitor_port()),
    ])
    .line([
        "-gdb".to_string(),
        format!("tcp:127.0.0.1:{}", l.gdb_port()),
    ])
}

/// `--trace` into the run dir; `--gdb-wait`: stopped before the first instruction.
pub fn trace_and_gdb_wait(mut q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    if let Some(t) = &s.trace {
        q = q.line([
            "-trace".to_string(),
            format!(
                "enable={t},file={}",
                l.run_dir().join("trace.bin").display()
            ),
        ]);
    }
    if s.gdb_wait {
        q = q.arg("-S");
    }
    q
}

/// QEMU user mode: one program, its syscalls served by the host kernel. A
/// dynamically linked one (`--no-static` builds) finds its loader and
/// libraries in the cross toolchain's tree through -L.
pub fn user(l: &Layout, s: &RunSpec, exe: &Path) -> Cmd {
    let mut q = Cmd::new(l.qemu_user().display().to_string());
    if s.gdb_wait {
        q = q.line(["-g".to_string(), l.gdb_port().to_string()]);
    }
    if let Some(t) = &s.trace {
        q = q.line(["-d".to_string(), t.clone()]);
    }
    q = q.line(["-cpu", "max"]);
    if crate::program::is_dynamic(exe)
        && let Some((root, _)) = crate::program::guest_sysroot(l)
    {
        q = q.line(["-L".to_string(), root.display().to_string()]);
    }
    let mut q = q.args(s.extra.iter()).arg_path(exe).args(s.cli_args.iter());
    q.stdin = s.stdin_file.clone();
    q
}
