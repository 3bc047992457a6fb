//! busybox for the guest: Debian's busybox-static for the guest's arch,
//! downloaded through dpkg multiarch and unpacked without installing it.

use super::Ctx;
use crate::command::{Cmd, mkdir_p};
use crate::plan::{Plan, Step};
use anyhow::Result;

pub fn package(c: &Ctx) -> String {
    format!("busybox-static:{}", c.l.arch.debian_arch())
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let dl = l.download_dir();
    let deb_glob = format!("busybox-static_*_{}.deb", l.arch.debian_arch());
    let step = Step::new("busybox", "fetching busybox-static for the guest");
    let step = super::require_apt_index(l, step, &package(c), "busybox")
        .action(mkdir_p(&dl))
        .action(Cmd::new("apt-get").arg("download").arg(package(c)).cwd(&dl))
        .action(mkdir_p(l.busybox_dir()))
        // The package file name carries the version; the shell finds it.
        .action(
            Cmd::new("sh")
                .arg("-c")
                .arg(format!("dpkg-deb -x {deb_glob} \"$0\""))
                .arg_path(l.busybox_dir())
                .cwd(&dl),
        )
        .fresh_when(vec![], vec![l.busybox_binary()]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
