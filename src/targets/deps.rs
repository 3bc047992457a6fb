//! `--download-dependencies`: the host packages (apt) and upstream sources
//! (git) that the requested targets need, as commands like any others.

use super::BuildOpts;
use crate::arch::Arch;
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::plan::{Plan, Step};
use anyhow::{Context, Result};
use std::collections::BTreeSet;

/// Packages for the quick path of one guest arch.
fn quick_packages(l: &Layout) -> Vec<String> {
    let mut v: Vec<String> = [
        "make",
        "gcc",
        "bc",
        "bison",
        "flex",
        "libelf-dev",
        "libssl-dev",
        "cpio",
        "xz-utils",
        "kmod",
        "e2fsprogs",
        "gdb-multiarch",
        "tmux",
        // The tests check that `lkmc test --dry-run` starts no process.
        "strace",
        "python3",
    ]
    .map(String::from)
    .to_vec();
    v.extend(l.arch.row().linux_build_tools.iter().map(|t| t.to_string()));
    if Arch::host() != Some(l.arch) {
        v.push(format!("gcc-{}", l.arch.debian_prefix().replace('_', "-")));
        // userland/cpp: the cross g++, which pulls in its libstdc++.
        v.push(format!("g++-{}", l.arch.debian_prefix().replace('_', "-")));
        // The guest's C library for static userland programs: only a
        // recommendation of the cross gcc, which --no-install-recommends skips.
        v.push(format!("libc6-dev-{}-cross", l.arch.debian_arch()));
    } else {
        // userland/cpp on the host's own arch.
        v.push("g++".into());
    }
    if l.linux_source_is_tarball() {
        v.push(format!(
            "linux-source-{}",
            crate::layout::DEBIAN_LINUX_VERSION
        ));
    }
    v
}

/// Debian's QEMU packages; on bookworm they come from backports (QEMU 10).
fn qemu_packages(l: &Layout) -> Vec<String> {
    vec![
        l.arch.row().qemu_system_package.to_string(),
        "qemu-user-static".into(),
        "qemu-utils".into(),
    ]
}

fn packages_for(target: &str, l: &Layout) -> Vec<&'static str> {
    match target {
        "buildroot" => vec![
            "build-essential",
            "bash",
            "bc",
            "binutils",
            "bzip2",
            "cpio",
            "g++",
            "file",
            "graphviz",
            "gzip",
            "make",
            "patch",
            "perl",
            "python3",
            "rsync",
            "sed",
            "tar",
            "unzip",
            "wget",
            "git",
        ],
        "crosstool-ng" => vec![
            "autoconf",
            "automake",
            "bison",
            "flex",
            "gawk",
            "gperf",
            "help2man",
            "libncurses-dev",
            "libtool-bin",
            "texinfo",
            "python3-dev",
            "unzip",
            "wget",
            "git",
        ],
        "qemu" | "qemu-user" => vec![
            "git",
            "ninja-build",
            "pkg-config",
            "libglib2.0-dev",
            "libpixman-1-dev",
            "libslirp-dev",
            "libsdl2-dev",
            "libattr1-dev",
            "libcap-ng-dev",
            "python3-venv",
        ],
        "gem5" | "m5" => vec![
            "git",
            "scons",
            "m4",
            "python3-dev",
            "libprotobuf-dev",
            "protobuf-compiler",
            "libgoogle-perftools-dev",
            "libboost-all-dev",
            "zlib1g-dev",
            "libpng-dev",
            "libhdf5-dev",
            "device-tree-compiler",
            "gcc-arm-linux-gnueabihf",
            "gcc-aarch64-linux-gnu",
            "g++-arm-linux-gnueabihf",
            "g++-aarch64-linux-gnu",
        ],
        "docs" => vec!["asciidoctor", "ruby-rouge"],
        "baremetal" => match &l.arch.row().baremetal {
            Some(b) => vec![b.gcc_package, b.libc_package],
            None => vec![],
        },
        "userland-host" => vec!["gcc"],
        _ => vec![],
    }
}

/// Which upstream sources a build order needs checked out.
fn sources_for(targets: &[&str]) -> Vec<&'static str> {
    let mut v = Vec::new();
    for (t, src) in [
        ("buildroot", "buildroot"),
        ("crosstool-ng", "crosstool-ng"),
        ("qemu", "qemu"),
        ("qemu-user", "qemu"),
        ("gem5", "gem5"),
        ("m5", "gem5"),
    ] {
        if targets.contains(&t) && !v.contains(&src) {
            v.push(src);
        }
    }
    v
}

#[derive(serde::Deserialize)]
struct Source {
    url: String,
    tag: String,
}

fn read_sources(l: &Layout) -> Result<toml::Table> {
    let p = l.repo.join("submodules/sources.toml");
    let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
    Ok(text.parse()?)
}

fn os_codename() -> String {
    std::fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("VERSION_CODENAME=")
                .map(|s| s.trim_matches('"').to_string())
        })
        .unwrap_or_default()
}

fn has_backports(codename: &str) -> bool {
    let suite = format!("{codename}-backports");
    let mut texts = vec![std::fs::read_to_string("/etc/apt/sources.list").unwrap_or_default()];
    if let Ok(rd) = std::fs::read_dir("/etc/apt/sources.list.d") {
        for e in rd.flatten() {
            texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    texts.iter().any(|t| t.contains(&suite))
}

fn foreign_archs() -> Vec<String> {
    duct::cmd!("dpkg", "--print-foreign-architectures")
        .read()
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// Root runs apt itself; anyone else goes through sudo.
fn privileged(program: &str) -> Cmd {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        Cmd::new(program)
    } else {
        Cmd::new("sudo").arg(program)
    }
}

fn apt_install(packages: &[String], suite: Option<&str>) -> Cmd {
    let mut c = privileged("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .arg("install")
        .arg("-y")
        .arg("--no-install-recommends");
    if let Some(s) = suite {
        c = c.line(["-t", s]);
    }
    c.args(packages.iter())
}

/// A step that installs `packages` (e.g. a Slurm cluster's for `lkmc sweep -D`).
pub fn apt_step(packages: &[&str]) -> Step {
    let packages: Vec<String> = packages.iter().map(|p| p.to_string()).collect();
    Step::new("apt", "installing host packages")
        .action(privileged("apt-get").arg("update").allow_failure())
        .action(apt_install(&packages, None))
}

pub fn plan(l: &Layout, o: &BuildOpts, targets: &[String]) -> Result<Plan> {
    let order = super::resolve(targets, l)?;
    let mut p = Plan::default();
    if !o.no_apt {
        let mut step = Step::new("apt", "installing host packages");
        let codename = os_codename();
        // bookworm's own QEMU (7.2) conflicts with the qemu-utils 10 many
        // machines already have from backports; backports' QEMU is newer anyway.
        let backports = codename == "bookworm";
        if backports && !has_backports(&codename) {
            step = step.action(Action::write(
                "/etc/apt/sources.list.d/lkmc-backports.sources",
                "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg",
            ));
        }
        let guest_debian_arch = l.arch.debian_arch();
        let host_is_guest = Arch::host() == Some(l.arch);
        if !host_is_guest && !foreign_archs().iter().any(|a| a == guest_debian_arch) {
            // busybox-static for the guest arch is downloaded through multiarch.
            step = step.action(privileged("dpkg").line(["--add-architecture", guest_debian_arch]));
        }
        // One stale index (a mirror mid-sync) must not stop the install.
        step = step.action(privileged("apt-get").arg("update").allow_failure());
        let mut pkgs: BTreeSet<String> = quick_packages(l).into_iter().collect();
        for t in &order {
            pkgs.extend(packages_for(t, l).into_iter().map(String::from));
        }
        step = step.action(apt_install(&pkgs.into_iter().collect::<Vec<_>>(), None));
        let needs_debian_qemu = l.qemu_which == crate::cli::QemuWhich::Host;
        if needs_debian_qemu {
            let suite = backports.then_some("bookworm-backports");
            step = step.action(apt_install(&qemu_packages(l), suite));
        }
        p.push(step);
    }
    let sources = sources_for(&order);
    if !sources.is_empty() {
        let table = read_sources(l)?;
        let mut step = Step::new("sources", "fetching upstream sources");
        for name in sources {
            let dir = l.submodule(name);
            if dir.join(".git").exists() {
                continue;
            }
            let s: Source = table
                .get(name)
                .cloned()
                .with_context(|| format!("submodules/sources.toml has no [{name}]"))?
                .try_into()?;
            step = step.action(
                Cmd::new("git")
                    .arg("clone")
                    .line(["--depth", "1"])
                    .line(["--branch".to_string(), s.tag])
                    .arg(s.url)
                    .arg_path(&dir),
            );
        }
        p.push(step);
    }
    Ok(p)
}
