//! QEMU command lines: full system and user mode.

use super::features::{self, KernelDebugger};
use super::kernel_cli::{self, CliOptions};
use super::spec::{Display, RunSpec};
use crate::command::Cmd;
use crate::layout::Layout;
use std::path::Path;

/// The full-system command that boots lkmc's kernel and root filesystem.
pub fn system(l: &Layout, s: &RunSpec) -> Cmd {
    let q = Cmd::new(l.qemu_system().display().to_string())
        .line(["-machine".to_string(), l.machine.clone()]);
    let q = boot_files(machine(q, l, s), l, s);
    // -no-reboot turns the guest's reboot (and panic=-1) into QEMU exiting.
    let q = network(display(q, l, s).arg("-no-reboot"), l, s);
    let q = gdbserver_port(share_out_dir(control_ports(q, l), l, s), l);
    let q = record_replay(kgdb_port(q, l, s), l, s);
    trace_and_gdb_wait(q, l, s).args(s.extra.iter())
}

/// `-accel tcg`, one instruction per block when every instruction is traced.
pub fn tcg(s: &RunSpec) -> &'static str {
    if s.features.trace_insts {
        "tcg,one-insn-per-tb=on"
    } else {
        "tcg"
    }
}

/// The virtio-net card on QEMU's user-mode network, with this run id's
/// forwards on 127.0.0.1; or no card at all (not even QEMU's default one).
/// romfile= leaves out the card's boot ROM, which costs boot time.
fn network(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let Some(net) = &s.features.net else {
        return q.line(["-nic", "none"]);
    };
    let mut user = format!(
        "user,id=lkmc_net,hostfwd=tcp:127.0.0.1:{}-:22,hostfwd=tcp:127.0.0.1:{}-:80,\
         hostfwd=tcp:127.0.0.1:{}-:{}",
        l.ssh_port(),
        l.http_port(),
        l.gdbserver_net_port(),
        crate::guest_protocol::GDBSERVER_GUEST_PORT
    );
    if net.restrict {
        user.push_str(",restrict=on");
    }
    for p in &net.guestfwds {
        user.push_str(&format!(
            ",guestfwd=tcp:{}:{p}-tcp:127.0.0.1:{p}",
            features::GUESTFWD_ADDRESS
        ));
    }
    q.line(["-netdev".to_string(), user])
        .line(["-device", "virtio-net-pci,netdev=lkmc_net,romfile="])
}

/// `--kgdb`: the second serial port (ttyS1, ttyAMA1), where the kernel
/// waits for GDB, on this run id's port. QEMU's virt machine gets its second
/// PL011 from the second -serial.
fn kgdb_port(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    if s.features.kernel_debugger != Some(KernelDebugger::Kgdb) {
        return q;
    }
    q.line([
        "-serial".to_string(),
        format!("tcp:127.0.0.1:{},server=on,wait=off", l.extra_serial_port()),
    ])
}

/// `--record` / `--replay`: QEMU's instruction counter drives the guest's
/// clock, and every input (console, timers, interrupts) goes to or comes
/// from the run dir's replay.bin.
fn record_replay(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let Some(rr) = s.features.rr else {
        return q;
    };
    q.line([
        "-icount".to_string(),
        format!(
            "shift=auto,rr={},rrfile={}",
            rr.name(),
            features::replay_file(l).display()
        ),
    ])
}

/// Accelerator, CPU, memory and CPU count.
fn machine(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let q = if s.kvm {
        q.line(["-accel", "kvm"]).line(["-cpu", "host"])
    } else {
        q.line(["-accel", tcg(s)]).line(["-cpu", l.arch.qemu_cpu()])
    };
    q.line(["-m".to_string(), s.memory.text.clone()])
        .line(["-smp".to_string(), s.cpus.to_string()])
}

/// The kernel, the root filesystem and the kernel command line.
fn boot_files(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let q = q.line(["-kernel".to_string(), l.linux_image().display().to_string()]);
    let q = if s.disk {
        // snapshot=on: the guest's writes never reach the image file.
        q.line([
            "-drive".to_string(),
            format!(
                "file={},format=raw,if=virtio,snapshot=on",
                l.rootfs_ext2().display()
            ),
        ])
    } else {
        q.line(["-initrd".to_string(), l.initramfs().display().to_string()])
    };
    let q = match &s.dtb {
        Some(d) => q.line(["-dtb".to_string(), d.display().to_string()]),
        None => q,
    };
    let cli = kernel_cli::build(&CliOptions {
        arch: l.arch,
        console: true,
        disk: s.disk,
        spec: s,
    });
    q.line(["-append".to_string(), cli])
}

/// The serial console on our terminal, or a display with the serial port
/// still on our terminal.
fn display(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    if s.display == Display::Console {
        // The serial console multiplexed with a monitor on our terminal:
        // Ctrl-A X quits, Ctrl-A C switches to the monitor, and Ctrl-C
        // reaches the guest. With -monitor on a port, -nographic alone
        // leaves the serial port as plain stdio, without those keys.
        let q = q.arg("-nographic").line(["-serial", "mon:stdio"]);
        // x86's pc machine has a VGA card by default: a console boot leaves
        // it out (the bochs display driver would probe it at every boot).
        return match l.arch.row().qemu_graphic_devices {
            [] => q.line(["-vga", "none"]),
            _ => q,
        };
    }
    let mut q = q;
    match s.display {
        Display::Vnc => q = q.line(["-vnc", ":0"]),
        Display::Headless => q = q.line(["-display", "none"]),
        _ => {}
    }
    for device in l.arch.row().qemu_graphic_devices {
        q = q.line(["-device", device]);
    }
    q.line(["-serial", "mon:stdio"])
}

/// lkmc's out dir as the guest's 9p share (the guest's /mnt/out).
fn share_out_dir(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    if !s.share_out_dir {
        return q;
    }
    q.line([
        "-virtfs".to_string(),
        format!(
            "local,path={},mount_tag={tag},security_model=none,id={tag}",
            l.out.display(),
            tag = crate::guest_protocol::OUT_9P_TAG
        ),
    ])
}

/// A virtio serial port for gdbserver in the guest (/dev/vport0p1), reached
/// by GDB on the host's hostfwd port: no guest network needed. Only when the
/// rootfs has gdbserver.
fn gdbserver_port(q: Cmd, l: &Layout) -> Cmd {
    if !l.gdbserver_root().join("usr/bin/gdbserver").exists() {
        return q;
    }
    q.line(["-device", "virtio-serial-pci"])
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
        ])
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

/// `--trace EV1,EV2`: one -trace per pattern, as text in the run dir's
/// trace.txt (Debian's QEMU has the log backend).
fn trace_events(mut q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let Some(t) = &s.trace else {
        return q;
    };
    for (i, pattern) in t.split(',').filter(|p| !p.is_empty()).enumerate() {
        let file = if i == 0 {
            format!(",file={}", features::trace_file(l).display())
        } else {
            String::new()
        };
        q = q.line(["-trace".to_string(), format!("enable={pattern}{file}")]);
    }
    q
}

/// `--trace`, `--trace-insts-stdout` (QEMU logs to stderr, which lkmc
/// shows on stdout); `--gdb-wait`: stopped before the first instruction.
pub fn trace_and_gdb_wait(q: Cmd, l: &Layout, s: &RunSpec) -> Cmd {
    let mut q = trace_events(q, l, s);
    if s.features.trace_insts {
        q = q.line(["-d", features::TRACE_INSTS_LOG]);
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
    q = trace_events(q, l, s);
    if s.features.trace_insts {
        q = q
            .arg("-one-insn-per-tb")
            .line(["-d", features::TRACE_INSTS_LOG]);
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
