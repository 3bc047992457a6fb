//! busybox for the guest: Debian's busybox-static for the guest's arch,
//! downloaded through dpkg multiarch and unpacked without installing it.

use super::Ctx;
use crate::plan::{Plan, Step};
use anyhow::Result;

pub fn package(c: &Ctx) -> String {
    format!("busybox-static:{}", c.l.arch.debian_arch())
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let deb_glob = format!("busybox-static_*_{}.deb", l.arch.debian_arch());
    let step = Step::new("busybox", "fetching busybox-static for the guest");
    let step = super::fetch_deb(
        l,
        step,
        (&package(c), &deb_glob),
        &l.busybox_dir(),
        "busybox",
    )
    .fresh_when(vec![], vec![l.busybox_binary()]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
