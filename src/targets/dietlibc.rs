//! dietlibc for the guest: Debian's dietlibc-dev for the guest's arch,
//! downloaded through dpkg multiarch and unpacked without installing it, and
//! the flags that build a static program against it with Debian's cross gcc.
//!
//! Why: gem5 24's syscall emulation of 32-bit ARM cannot run Debian 12's
//! libraries. glibc calls statx and rseq as a program starts, beyond gem5's
//! syscall table; musl writes stdout with writev, whose iovec pointer gem5
//! reads from the wrong registers on 32-bit ARM. dietlibc starts with no such
//! call and writes with write().

use super::Ctx;
use crate::command::Action;
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::Result;
use std::path::PathBuf;

pub fn package(l: &Layout) -> String {
    format!("dietlibc-dev:{}", l.arch.debian_arch())
}

/// The unpacked dietlibc of the guest's arch (include/, lib-<arch>/).
fn root(l: &Layout) -> PathBuf {
    l.dietlibc_dir()
        .join("usr/lib")
        .join(l.arch.debian_prefix())
        .join("diet")
}

fn lib(l: &Layout, name: &str) -> String {
    root(l)
        .join(format!("lib-{}", l.arch.name()))
        .join(name)
        .display()
        .to_string()
}

/// A gcc specs file that swaps the toolchain's headers for dietlibc's, and
/// keeps gcc's own (stdarg.h, ...: `include%s`).
pub fn specs(l: &Layout) -> PathBuf {
    l.dietlibc_dir().join("dietlibc-gcc.specs")
}

fn specs_text(l: &Layout) -> String {
    let include = root(l).join("include");
    let dirs = format!(
        "-nostdinc -isystem {} -isystem include%s",
        include.display()
    );
    // cpp_options for the preprocessor, cc1 for the compiler's own.
    format!(
        "%rename cpp_options old_cpp_options\n\n\
         *cpp_options:\n{dirs} %(old_cpp_options)\n\n\
         %rename cc1 old_cc1\n\n\
         *cc1:\n{dirs} %(old_cc1)\n"
    )
}

/// The flags before the sources (the build adds -static): headers, no
/// glibc start files or libraries, dietlibc's start file.
pub fn cflags(l: &Layout) -> Vec<String> {
    vec![
        format!("-specs={}", specs(l).display()),
        "-nostdlib".into(),
        lib(l, "start.o"),
    ]
}

/// The libraries after the sources (libgcc needs the C library's raise).
pub fn libs(l: &Layout) -> Vec<String> {
    vec![
        "-Wl,--start-group".into(),
        lib(l, "libpthread.a"),
        lib(l, "libm.a"),
        lib(l, "libc.a"),
        "-lgcc".into(),
        "-Wl,--end-group".into(),
    ]
}

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let deb_glob = format!("dietlibc-dev_*_{}.deb", l.arch.debian_arch());
    let step = Step::new("dietlibc", "fetching dietlibc for the guest");
    let step = super::fetch_deb(
        l,
        step,
        (&package(l), &deb_glob),
        &l.dietlibc_dir(),
        "userland-dietlibc",
    )
    .action(Action::write(specs(l), specs_text(l)))
    .fresh_when(vec![], vec![specs(l)]);
    let mut p = Plan::default();
    p.push(step);
    Ok(p)
}
