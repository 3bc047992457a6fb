//! gdbserver for the guest: Debian's gdbserver and the libraries it needs,
//! for the guest arch, unpacked without installing. When built, the rootfs
//! includes it and `lkmc gdb --gdbserver` debugs a guest process with it.

use super::Ctx;
use crate::command::{Cmd, mkdir_p, rm_rf};
use crate::plan::{Plan, Step};
use anyhow::Result;

const PACKAGES: [&str; 4] = ["gdbserver", "libc6", "libgcc-s1", "libstdc++6"];

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let dl = l
        .download_dir()
        .join(format!("gdbserver-{}", l.arch.debian_arch()));
    let root = l.gdbserver_root();
    let debs: Vec<String> = PACKAGES
        .iter()
        .map(|p| format!("{p}:{}", l.arch.debian_arch()))
        .collect();
    let step = Step::new("gdbserver", "fetching gdbserver for the guest");
    let step = super::require_apt_index(l, step, &debs[0], "gdbserver")
        .action(mkdir_p(&dl))
        .action(
            Cmd::new("apt-get")
                .arg("download")
                .args(debs.iter())
                .cwd(&dl),
        )
        .action(rm_rf(&root))
        .action(mkdir_p(&root))
        .action(
            Cmd::new("sh")
                .arg("-c")
                .arg("for d in *.deb; do dpkg-deb -x \"$d\" \"$0\"; done")
                .arg_path(&root)
                .cwd(&dl),
        )
        // Documentation and character set converters only make the initramfs bigger.
        .action(rm_rf(root.join("usr/share")))
        .action(rm_rf(
            root.join("usr/lib")
                .join(l.arch.debian_prefix())
                .join("gconv"),
        ))
        .fresh_when(vec![], vec![root.join("usr/bin/gdbserver")]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
