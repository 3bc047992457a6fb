//! The guest root tree, assembled without root privileges: busybox,
//! rootfs_overlay/, the installed modules and the userland programs. Packed
//! as an initramfs by the kernel's own gen_initramfs.sh (which can add /dev/console
//! without mknod), and on request as an ext2 image with mke2fs -d.

use super::Ctx;
use crate::cli::{Emulator, RootfsWhich};
use crate::command::{Action, Cmd, mkdir_p, rm_rf};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::Path;

/// Device nodes the initramfs needs before devtmpfs is mounted.
const DEV_NODES: &str = "dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\n";

/// Copies of the guest files into a tree: shared by the initramfs and by the
/// Buildroot overlay.
pub fn populate(c: &Ctx, root: &std::path::Path) -> Vec<Action> {
    let l = c.l;
    let lkmc = root.join("lkmc");
    // /lkmc, and the mount points and directories init needs: made here
    // rather than by init in every boot.
    let dirs = [
        "lkmc", "dev", "proc", "sys", "tmp", "root", "mnt/out", "sbin", "usr/bin", "usr/sbin",
    ];
    vec![
        Cmd::new("mkdir")
            .arg("-p")
            .args(dirs.map(|d| root.join(d).display().to_string()))
            .into(),
        Cmd::new("cp")
            .arg("-a")
            .arg(format!("{}/.", l.rootfs_overlay_source_dir().display()))
            .arg_path(root)
            .into(),
        // /lib/modules as `make modules_install` left it (modprobe, modinfo,
        // depmod work), and a link in /lkmc to each of our modules there, so
        // that `insmod hello.ko` works in /lkmc: relative links, made by one
        // ln (one per module took 0.5 s on a loaded host).
        Cmd::new("cp")
            .arg("-a")
            .arg(format!("{}/.", super::modules::install_dir(l).display()))
            .arg_path(root)
            .into(),
        Cmd::new("sh")
            .arg("-c")
            .arg(
                "cd \"$0\"/lkmc && set -- ../lib/modules/*/extra/*.ko && \
                 if [ -e \"$1\" ]; then ln -s \"$@\" .; fi",
            )
            .arg_path(root)
            .into(),
        // The userland programs stay on the host, shared over 9p: statically
        // linked, with debug info, they are over 100 MB, which would make
        // the initramfs slow to boot and too big for the default memory.
        // A program rebuilt on the host is there at once, without a reboot.
        Cmd::new("ln")
            .arg("-s")
            .arg(l.guest_9p_path(&l.userland_build_dir()))
            .arg_path(lkmc.join("userland"))
            .into(),
        // The loader and shared libraries of a `--no-static` userland build,
        // when staged (a few MB: they must be at the guest's /lib): decided
        // when the step runs, as for m5 below.
        Cmd::new("sh")
            .arg("-c")
            .arg("if [ -d \"$0\" ]; then cp -a \"$0\"/. \"$1\"; fi")
            .arg_path(super::userland::rootfs_libs_dir(l))
            .arg_path(root)
            .into(),
        // gem5's m5 tool, when `lkmc build m5` made it: decided when the step
        // runs, so an m5 built earlier in the same plan is included.
        Cmd::new("sh")
            .arg("-c")
            .arg("if [ -f \"$0\" ]; then mkdir -p \"$1\" && cp \"$0\" \"$1\"/m5; fi")
            .arg_path(super::gem5::m5_binary(l))
            .arg_path(root.join("usr/bin"))
            .into(),
    ]
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    if l.rootfs_which == RootfsWhich::Buildroot {
        // Buildroot packs the image again, now with lkmc's overlay in it.
        return super::buildroot::image_plan(c);
    }
    let staging = l.rootfs_staging_dir();
    let mut step = Step::new("rootfs", "assembling the guest root filesystem")
        .action(rm_rf(&staging))
        .action(mkdir_p(staging.join("bin")))
        .action(
            Cmd::new("cp")
                .arg_path(l.busybox_binary())
                .arg_path(staging.join("bin/busybox")),
        )
        .action(
            Cmd::new("ln")
                .line(["-s", "busybox"])
                .arg_path(staging.join("bin/sh")),
        );
    step = step.actions(populate(c, &staging));
    // gdbserver is opt-in (`lkmc build gdbserver`): its libraries make the
    // initramfs several times bigger. The shell decides at run time, so a
    // build that fetches gdbserver in an earlier step includes it.
    step = step.action(
        Cmd::new("sh")
            .arg("-c")
            .arg("if [ -d \"$0\" ]; then cp -a \"$0\"/. \"$1\"; fi")
            .arg_path(l.gdbserver_root())
            .arg_path(&staging),
    );
    let mut p = Plan::default();
    p.push(pack_initramfs(l, step));
    Ok(p)
}

/// The staging tree packed into the initramfs of each emulator (see
/// Layout::initramfs_for), from a view of the tree made of hard links; the
/// step is up to date when nothing that goes in changed.
fn pack_initramfs(l: &Layout, step: Step) -> Step {
    let staging = l.rootfs_staging_dir();
    let spec = l.rootfs_dir().join("dev_nodes.txt");
    let packer = l.linux_source_dir().join("usr/gen_initramfs.sh");
    let mut step = step.action(Action::write(&spec, DEV_NODES));
    // gem5's only once m5 is built (a guest on gem5 needs it to end).
    let emulators = if super::gem5::m5_binary(l).exists() {
        vec![Emulator::Qemu, Emulator::Gem5]
    } else {
        vec![Emulator::Qemu]
    };
    let outputs = emulators.iter().map(|e| l.initramfs_for(*e));
    for e in emulators.iter().copied() {
        let view = l.rootfs_dir().join(format!("staging-{}", e.name()));
        step = step
            .action(rm_rf(&view))
            .action(Cmd::new("cp").arg("-al").arg_path(&staging).arg_path(&view))
            .action(leave_out(l, e, &view))
            .action(
                Cmd::new(packer.display().to_string())
                    .line(["-o".to_string(), l.initramfs_for(e).display().to_string()])
                    .line(["-u", "squash", "-g", "squash"])
                    .arg_path(&view)
                    .arg_path(&spec)
                    .cwd(l.linux_build_dir()),
            )
            .action(rm_rf(&view));
    }
    step.after(&[
        "busybox",
        "modules",
        "gdbserver",
        "m5",
        "userland/shared-libs",
    ])
    .fresh_when(
        vec![
            l.rootfs_overlay_source_dir(),
            super::modules::install_dir(l),
            l.busybox_binary(),
            super::userland::rootfs_libs_dir(l),
            l.gdbserver_root(),
            super::gem5::m5_binary(l),
        ],
        // The staging tree is an output too: rootfs-ext2 and the 9p
        // share read it.
        outputs.chain([staging.join("bin/busybox")]).collect(),
    )
}

/// Removes from an emulator's view of the root tree what it cannot use:
/// m5 for QEMU; for gem5 gdbserver's files, but not those that a
/// `--no-static` userland build staged under the same names.
fn leave_out(l: &Layout, e: Emulator, view: &Path) -> Cmd {
    match e {
        Emulator::Gem5 => Cmd::new("sh")
            .arg("-c")
            .arg(
                "[ -d \"$0\" ] || exit 0; cd \"$0\" && find . ! -type d | \
                 while IFS= read -r f; do \
                 [ -e \"$1/$f\" ] || [ -L \"$1/$f\" ] || rm -f \"$2/$f\"; done",
            )
            .arg_path(l.gdbserver_root())
            .arg_path(super::userland::rootfs_libs_dir(l))
            .arg_path(view),
        _ => Cmd::new("rm").line([
            "-f".to_string(),
            view.join("usr/bin/m5").display().to_string(),
        ]),
    }
}

pub fn ext2_plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let mut p = Plan::default();
    if l.rootfs_which == RootfsWhich::Buildroot {
        return Ok(p);
    }
    let img = l.rootfs_ext2();
    let step = Step::new("rootfs-ext2", "making the ext2 disk image")
        .action(rm_rf(&img))
        .action(
            Cmd::new("mke2fs")
                .arg("-q")
                .line(["-t", "ext2"])
                .line([
                    "-d".to_string(),
                    l.rootfs_staging_dir().display().to_string(),
                ])
                .line(["-E", "root_owner=0:0"])
                .arg_path(&img)
                .arg("256M"),
        )
        .after(&["rootfs"])
        .fresh_when(vec![l.initramfs_for(Emulator::Qemu)], vec![img]);
    p.push(step);
    Ok(p)
}
