//! userland/: C, C++ and assembly programs built for the guest with its
//! cross compilers (static by default, so they need no libraries in the
//! rootfs and run under QEMU user mode as they are; `--no-static` makes
//! dynamic ones), or for the host (`--emulator native`).
//!
//! Every `.c`, `.cpp` and `.S` file is a program, built by a step of its own
//! (a rebuild of one program compiles that one only); shared code lives in
//! headers, with userland/ on the include path. userland/arch/<arch>/ is
//! built for that arch only, and a program announced `only: <archs>` (see
//! test/announced.rs) only for those. The build also writes `test.sh`, the
//! full-system guest's runner of the userland suite (/lkmc/userland/test.sh),
//! and copies the files programs announce as `stdin:` next to them.

use super::Ctx;
use crate::arch::Arch;
use crate::cli::GccWhich;
use crate::command::{Action, Cmd, mkdir_p};
use crate::layout::Layout;
use crate::plan::{Need, Plan, Step};
use crate::test::announced::{self, Expectations, Place};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

/// Source extensions that are programs.
pub const EXTENSIONS: [&str; 3] = ["c", "cpp", "S"];

/// Directories of userland/ whose programs the userland suite runs; the
/// others (kernel_modules/, tracker/) hold helpers of the module tests.
pub const SUITE_DIRS: [&str; 5] = ["c", "cpp", "posix", "linux", "arch"];

/// Whether the userland suite runs this program (a path under userland/).
pub fn in_suite(rel: &Path) -> bool {
    rel.components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .is_some_and(|d| SUITE_DIRS.contains(&d))
}

/// The guest's runner of the userland suite, in the build dir.
pub const GUEST_RUNNER: &str = "test.sh";

/// Every program source under `dir`, relative to it, sorted; for `arch`,
/// userland/arch/ of the other archs is left out (None: nothing is).
pub fn sources_for(dir: &Path, arch: Option<Arch>) -> Vec<PathBuf> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| EXTENSIONS.contains(&x))
            {
                out.push(p.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    if let Some(a) = arch {
        v.retain(|rel| {
            let mut c = rel.components();
            c.next().is_none_or(|x| x.as_os_str() != "arch")
                || c.next().is_some_and(|x| x.as_os_str() == a.name())
        });
    }
    v.sort();
    v
}

/// Every program source under `dir` (all archs).
pub fn sources(dir: &Path) -> Vec<PathBuf> {
    sources_for(dir, None)
}

/// Where a userland source's program goes: `c/hello.c` -> `<build>/c/hello.out`.
pub fn output_for(build_dir: &Path, rel: &Path) -> PathBuf {
    build_dir.join(rel).with_extension("out")
}

/// A program's test name: its path under userland/ without the extension.
pub fn name_of(rel: &Path) -> String {
    rel.with_extension("").display().to_string()
}

/// The programs built for `arch`, with their announcements: the arch's
/// sources less those announced `only:` for other archs.
pub fn programs(src_root: &Path, arch: Arch) -> Result<Vec<(PathBuf, Expectations)>> {
    let mut v = Vec::new();
    for rel in sources_for(src_root, Some(arch)) {
        let e = announced::of_file(&src_root.join(&rel)).map_err(anyhow::Error::msg)?;
        if e.only.archs.as_ref().is_some_and(|a| !a.contains(&arch)) {
            continue;
        }
        v.push((rel, e));
    }
    let mut seen = std::collections::BTreeMap::new();
    for (rel, _) in &v {
        if let Some(other) = seen.insert(rel.with_extension(""), rel.clone()) {
            bail!(
                "userland/{} and userland/{} would both build {}.out: rename one",
                other.display(),
                rel.display(),
                rel.with_extension("").display()
            );
        }
    }
    Ok(v)
}

/// How programs are compiled: what `--no-static`, `--ccflags` and
/// `--optimization-level` change.
#[derive(Clone, Debug, PartialEq)]
pub struct Flags {
    pub static_: bool,
    pub optimization: u32,
    pub ccflags: Vec<String>,
}

impl Flags {
    fn of(c: &Ctx, static_: bool) -> Result<Flags> {
        let ccflags = match &c.o.ccflags {
            None => Vec::new(),
            Some(s) => shlex::split(s).ok_or_else(|| {
                crate::usage_error(format!("--ccflags '{s}' has unbalanced quotes"))
            })?,
        };
        Ok(Flags {
            static_: static_ && !c.o.no_static,
            optimization: c.o.optimization_level,
            ccflags,
        })
    }

    /// The stamp that records non-default flags in the build dir (None for
    /// the defaults): a change of flags rebuilds every program.
    fn stamp(&self, default_static: bool) -> Option<String> {
        let default = Flags {
            static_: default_static,
            optimization: 0,
            ccflags: Vec::new(),
        };
        (*self != default).then(|| {
            format!(
                "static={}\noptimization={}\nccflags={}\n",
                self.static_,
                self.optimization,
                self.ccflags.join(" ")
            )
        })
    }
}

fn compile(
    v: &Variant,
    src_root: &Path,
    (rel, e): (&Path, &Expectations),
    out: &Path,
    c: &Ctx,
) -> Cmd {
    let f = &v.flags;
    let compiler = if rel.extension().is_some_and(|x| x == "cpp") {
        v.compilers.1
    } else {
        v.compilers.0
    };
    // A freestanding program (`build: -nostdlib`) has no C library to swap.
    let freestanding = e.build.iter().any(|w| w == "-nostdlib");
    let mut cmd = Cmd::new(compiler);
    if !freestanding {
        cmd = cmd.args(v.libc_flags.iter());
    }
    if f.static_ {
        cmd = cmd.arg("-static");
    }
    cmd = cmd.line([format!("-O{}", f.optimization), "-g".into()]);
    if rel.extension().is_some_and(|x| x == "cpp") {
        cmd = cmd.arg("-std=c++17");
    }
    cmd = cmd
        .line(["-Wall", "-Werror"])
        .arg(format!("-I{}", src_root.display()));
    // The program's own `build:` flags, then --ccflags: the user's last.
    if !e.build.is_empty() {
        cmd = cmd.line(e.build.iter());
    }
    if !f.ccflags.is_empty() {
        cmd = cmd.line(f.ccflags.iter());
    }
    cmd = cmd
        .line(["-o".to_string(), out.display().to_string()])
        .arg_path(src_root.join(rel));
    if !freestanding {
        cmd = match &v.libc_libs {
            Some(libs) => cmd.line(libs.iter()),
            None => cmd.line(["-lpthread", "-lm"]),
        };
    }
    if c.o.verbose {
        cmd = cmd.arg("-v");
    }
    if v.partial {
        cmd = cmd.allow_failure();
    }
    cmd
}

/// The guest's compilers and its static C library, with the host toolchain:
/// without the library the link fails on `cannot find -lc`.
fn guest_requirements(c: &Ctx) -> Vec<(Need, String)> {
    let l = c.l;
    if l.gcc_which != GccWhich::Host {
        return Vec::new();
    }
    let gcc = format!("{}gcc", l.cross_prefix());
    let gxx = format!("{}g++", l.cross_prefix());
    let prefix = l.arch.debian_prefix();
    let native = Arch::host() == Some(l.arch);
    let (libc, pkg) = if native {
        (format!("/usr/lib/{prefix}/libc.a"), "libc6-dev".to_string())
    } else {
        (
            format!("/usr/{prefix}/lib/libc.a"),
            format!("libc6-dev-{}-cross", l.arch.debian_arch()),
        )
    };
    let gxx_pkg = if native {
        "g++".to_string()
    } else {
        format!("g++-{}", prefix.replace('_', "-"))
    };
    vec![
        (
            Need::Program(gcc.clone()),
            super::install_hint(l, &gcc, &super::host_gcc_package(l), "userland"),
        ),
        (
            Need::Program(gxx.clone()),
            super::install_hint(l, &gxx, &gxx_pkg, "userland"),
        ),
        (
            Need::Path(PathBuf::from(&libc)),
            super::install_hint(l, &libc, &pkg, "userland"),
        ),
    ]
}

/// Single-quoted for the guest's sh.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The full-system runner: each program that applies to the guest, run from
/// /lkmc/userland with its arguments and stdin, its output between
/// `lkmc_userland_begin NAME` and `lkmc_userland_end NAME STATUS` lines
/// (the host checks them: test/userland.rs). Arguments: shell patterns on
/// the names (none: all). `lkmc_test_timeout` (seconds) guards hangs.
pub fn guest_runner(programs: &[(PathBuf, Expectations)], arch: Arch) -> String {
    let mut s = String::from(
        "#!/bin/sh\n\
         # Written by `lkmc build userland`: the userland suite in the full-system guest.\n\
         # Usage: test.sh [PATTERN...]; prints each program's output between\n\
         # lkmc_userland_begin NAME and lkmc_userland_end NAME STATUS lines.\n\
         cd /lkmc/userland || exit 1\n\
         # A line of our own: the console may be in the middle of one.\n\
         echo\n\
         dmesg -n 1 2>/dev/null\n\
         t=${lkmc_test_timeout:-120}\n\
         run() {\n\
         \x20 name=$1 input=$2\n\
         \x20 shift 2\n\
         \x20 if [ -n \"$patterns\" ]; then\n\
         \x20   keep=\n\
         \x20   for p in $patterns; do case \"$name\" in $p) keep=1 ;; esac; done\n\
         \x20   [ -n \"$keep\" ] || return 0\n\
         \x20 fi\n\
         \x20 echo \"lkmc_userland_begin $name\"\n\
         \x20 timeout \"$t\" \"$@\" < \"$input\" 2>&1\n\
         \x20 status=$?\n\
         \x20 printf '\\nlkmc_userland_end %s %d\\n' \"$name\" \"$status\"\n\
         }\n\
         set -f\n\
         patterns=\"$*\"\n",
    );
    for (rel, e) in programs {
        if !in_suite(rel) || e.applies(arch, Place::FullSystem).is_err() {
            continue;
        }
        let mut words = vec![
            sh_quote(&name_of(rel)),
            sh_quote(e.stdin.as_deref().unwrap_or("/dev/null")),
            sh_quote(&format!("./{}", rel.with_extension("out").display())),
        ];
        if let Some(a) = &e.args {
            // Already shell words, as in `--cli-args`.
            words.push(a.clone());
        }
        s.push_str(&format!("run {}\n", words.join(" ")));
    }
    s
}

/// One build of the userland tree: the guest's (cross) or the host's.
struct Variant<'a> {
    /// The C and C++ compilers.
    compilers: (&'a str, &'a str),
    build_dir: PathBuf,
    flags: Flags,
    default_static: bool,
    arch: Arch,
    /// Step names start with it (`userland/`, `userland-host/`).
    prefix: &'a str,
    needs: Vec<(Need, String)>,
    /// Flags that pick another C library (dietlibc), before all others.
    libc_flags: Vec<String>,
    /// The libraries after the sources, when not the toolchain's libpthread
    /// and libm.
    libc_libs: Option<Vec<String>>,
    /// Whether C++ programs are built (not against dietlibc: Debian's
    /// libstdc++ is glibc's).
    cpp: bool,
    /// Whether the build writes the full-system guest's test runner.
    runner: bool,
    /// Whether a program that does not compile is a warning, not an error
    /// (a small C library lacks some of what userland/ uses).
    partial: bool,
}

impl Variant<'_> {
    fn step_name(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }
}

fn plan_with(c: &Ctx, v: &Variant) -> Result<Plan> {
    let src_root = c.l.userland_source_dir();
    let mut programs = programs(&src_root, v.arch)?;
    if !v.cpp {
        programs.retain(|(rel, _)| rel.extension().is_none_or(|x| x != "cpp"));
    }
    let mut p = Plan::default();
    if c.o.clean {
        p.push(
            Step::new(&v.step_name("clean"), "cleaning userland")
                .action(crate::command::rm_rf(&v.build_dir)),
        );
    }
    // Flags other than last time's rebuild everything: the stamp goes first
    // and is written again last, so an interrupted build starts over.
    let stamp = v.build_dir.join(".flags");
    let want = v.flags.stamp(v.default_static);
    let changed = want != std::fs::read_to_string(&stamp).ok() && !c.o.clean;
    let flags_step = v.step_name("flags");
    if changed {
        p.push(
            Step::new(
                &flags_step,
                "userland flags changed: rebuilding every program",
            )
            .action(crate::command::rm_rf(&stamp)),
        );
    }
    let after_flags = |step: Step| {
        if changed {
            step.after(&[flags_step.as_str()])
        } else {
            step
        }
    };
    // Headers: a change rebuilds every program (shared helpers are headers).
    let mut headers = Vec::new();
    collect_headers(&src_root, &mut headers);
    for program in &programs {
        p.push(after_flags(program_step(
            c, v, &src_root, program, &headers,
        )));
    }
    if v.runner {
        p.push(after_flags(runner_step(v, &src_root, &programs)));
    }
    if v.prefix == "userland/"
        && let Some(step) = shared_libs_step(c, &v.flags)
    {
        p.push(step);
    }
    if let Some(w) = want.filter(|_| changed || c.o.clean) {
        p.push(
            Step::new(&v.step_name("flags-stamp"), "recording the userland flags")
                .action(Action::write(&stamp, w)),
        );
    }
    Ok(p)
}

/// Compiles one program (and copies its stdin file next to it).
fn program_step(
    c: &Ctx,
    v: &Variant,
    src_root: &Path,
    (rel, e): &(PathBuf, Expectations),
    headers: &[PathBuf],
) -> Step {
    let out = output_for(&v.build_dir, rel);
    let mut step = Step::new(
        &v.step_name(&name_of(rel)),
        format!("compiling userland/{}", rel.display()),
    );
    for (need, hint) in &v.needs {
        step = step.require(need.clone(), hint.clone());
    }
    let mut inputs = vec![src_root.join(rel)];
    inputs.extend(headers.iter().cloned());
    let mut outputs = vec![out.clone()];
    step = step
        .action(mkdir_p(out.parent().expect("output has a parent")))
        .action(compile(v, src_root, (rel, e), &out, c));
    if let Some(input) = &e.stdin {
        let copy = v.build_dir.join(input);
        inputs.push(src_root.join(input));
        outputs.push(copy.clone());
        step = step
            .action(mkdir_p(copy.parent().expect("has a parent")))
            .action(
                Cmd::new("cp")
                    .arg_path(src_root.join(input))
                    .arg_path(&copy),
            );
    }
    step.fresh_when(inputs, outputs)
}

/// The guest's test runner script, written from the announcements.
fn runner_step(v: &Variant, src_root: &Path, programs: &[(PathBuf, Expectations)]) -> Step {
    let runner = v.build_dir.join(GUEST_RUNNER);
    let step = Step::new(
        &v.step_name(GUEST_RUNNER),
        "writing the guest's userland test runner",
    )
    .action(mkdir_p(&v.build_dir))
    .action(Action::write(&runner, guest_runner(programs, v.arch)));
    let mut inputs: Vec<PathBuf> = programs.iter().map(|(r, _)| src_root.join(r)).collect();
    // A removed program changes the directory, not a file; and the script's
    // text is lkmc's.
    inputs.extend(SUITE_DIRS.iter().map(|d| src_root.join(d)));
    inputs.extend(std::env::current_exe().ok());
    step.fresh_when(inputs, vec![runner])
}

fn collect_headers(d: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(d) else { return };
    let mut v: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            collect_headers(&p, out);
        } else if p.extension().is_some_and(|x| x == "h") {
            out.push(p);
        }
    }
}

/// Guest programs with the selected cross compilers.
pub fn plan(c: &Ctx) -> Result<Plan> {
    let gcc = format!("{}gcc", c.l.cross_prefix());
    let gxx = format!("{}g++", c.l.cross_prefix());
    plan_with(
        c,
        &Variant {
            compilers: (&gcc, &gxx),
            build_dir: c.l.userland_build_dir(),
            flags: Flags::of(c, true)?,
            default_static: true,
            arch: c.l.arch,
            prefix: "userland/",
            needs: guest_requirements(c),
            libc_flags: Vec::new(),
            libc_libs: None,
            cpp: true,
            runner: true,
            partial: false,
        },
    )
}

/// Guest C and assembly programs linked statically with dietlibc (for gem5's
/// syscall emulation where it cannot start glibc programs), after the step
/// that fetches dietlibc.
pub fn dietlibc_plan(c: &Ctx) -> Result<Plan> {
    if c.l.gcc_which != GccWhich::Host {
        bail!(
            "userland-dietlibc builds with Debian's cross compilers: use --gcc-which host \
             (Buildroot's and crosstool-NG's toolchains have their own C library)"
        );
    }
    if c.o.no_static {
        bail!("userland-dietlibc programs are static: leave out --no-static");
    }
    let gcc = format!("{}gcc", c.l.cross_prefix());
    let mut p = super::dietlibc::plan(c)?;
    let mut needs = guest_requirements(c);
    // The C++ compiler and glibc's libc.a are not used.
    needs.truncate(1);
    p.extend(plan_with(
        c,
        &Variant {
            compilers: (&gcc, &gcc),
            build_dir: c.l.userland_dietlibc_build_dir(),
            flags: Flags::of(c, true)?,
            default_static: true,
            arch: c.l.arch,
            prefix: "userland-dietlibc/",
            needs,
            libc_flags: super::dietlibc::cflags(c.l),
            libc_libs: Some(super::dietlibc::libs(c.l)),
            cpp: false,
            runner: false,
            partial: true,
        },
    )?);
    Ok(p)
}

/// Host programs for `--emulator native` (dynamic, with the host's gcc).
pub fn host_plan(c: &Ctx) -> Result<Plan> {
    let Some(host) = Arch::host() else {
        bail!(
            "the host arch ({}) is none of lkmc's",
            std::env::consts::ARCH
        );
    };
    plan_with(
        c,
        &Variant {
            compilers: ("gcc", "g++"),
            build_dir: host_build_dir(c.l),
            flags: Flags::of(c, false)?,
            default_static: false,
            arch: host,
            prefix: "userland-host/",
            needs: vec![],
            libc_flags: Vec::new(),
            libc_libs: None,
            cpp: true,
            runner: true,
            partial: false,
        },
    )
}

pub fn host_build_dir(l: &Layout) -> PathBuf {
    l.out.join("userland").join(&l.userland_id).join("host")
}

/// The shared libraries a dynamic program of ours may need: the C library
/// (with libm and the libpthread stub) and the C++ runtime.
const SHARED_LIBS: [&str; 5] = [
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libstdc++.so.6",
    "libgcc_s.so.1",
];

/// The dynamic loader that dynamic programs of `arch` name, from /.
pub fn loader(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "lib64/ld-linux-x86-64.so.2",
        Arch::Arm => "lib/ld-linux-armhf.so.3",
        Arch::Aarch64 => "lib/ld-linux-aarch64.so.1",
    }
}

/// Files that `--no-static` programs need at the guest's / (the loader and
/// the shared libraries, from the cross sysroot): the rootfs copies this
/// tree, beside the build dir, into its root when it exists.
pub fn rootfs_libs_dir(l: &Layout) -> PathBuf {
    l.userland_build_dir().with_extension("rootfs")
}

/// Where the Debian toolchain's libraries for `arch` are.
fn library_dir(arch: Arch) -> PathBuf {
    match sysroot(arch) {
        Some(root) => root.join("lib"),
        None => PathBuf::from("/lib").join(arch.debian_prefix()),
    }
}

/// With `--no-static`, the step that stages the loader and libraries for
/// the full-system guest; without, the one that removes a staged tree.
fn shared_libs_step(c: &Ctx, flags: &Flags) -> Option<Step> {
    let l = c.l;
    let dir = rootfs_libs_dir(l);
    if flags.static_ || l.gcc_which != GccWhich::Host {
        return dir.exists().then(|| {
            Step::new(
                "userland/shared-libs",
                "removing the staged shared libraries",
            )
            .action(crate::command::rm_rf(&dir))
        });
    }
    let libs = library_dir(l.arch);
    let loader = loader(l.arch);
    let loader_src = libs.join(Path::new(loader).file_name().expect("a file name"));
    let mut inputs = vec![loader_src.clone()];
    let mut step = Step::new(
        "userland/shared-libs",
        "staging the shared libraries for the guest",
    )
    .action(crate::command::rm_rf(&dir))
    .action(mkdir_p(dir.join("lib")))
    .action(mkdir_p(dir.join(loader).parent().expect("has a parent")))
    .action(
        Cmd::new("cp")
            .arg("-L")
            .arg_path(&loader_src)
            .arg_path(dir.join(loader)),
    );
    let mut cp = Cmd::new("cp").arg("-L");
    for lib in SHARED_LIBS {
        cp = cp.arg_path(libs.join(lib));
        inputs.push(libs.join(lib));
    }
    step = step.action(cp.arg_path(dir.join("lib")));
    Some(step.fresh_when(inputs, vec![dir.join(loader)]))
}

/// The cross sysroot that QEMU user mode needs (`-L`) for a dynamic program
/// of `arch`; None on the host's own arch, whose libraries are the host's.
pub fn sysroot(arch: Arch) -> Option<PathBuf> {
    (Arch::host() != Some(arch)).then(|| PathBuf::from("/usr").join(arch.debian_prefix()))
}

/// Whether an ELF executable asks for a program interpreter (is dynamic).
pub fn is_dynamic(exe: &Path) -> bool {
    let Ok(b) = std::fs::read(exe) else {
        return false;
    };
    if b.len() < 0x34 || &b[..4] != b"\x7fELF" || b[5] != 1 {
        return false;
    }
    let u16_at = |o: usize| {
        b.get(o..o + 2)
            .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
    };
    let u32_at = |o: usize| {
        b.get(o..o + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    };
    let u64_at = |o: usize| {
        b.get(o..o + 8)
            .map(|s| u64::from_le_bytes(s.try_into().expect("8 bytes")) as usize)
    };
    let (phoff, phentsize, phnum) = match b[4] {
        1 => (u32_at(0x1c), u16_at(0x2a), u16_at(0x2c)),
        2 => (u64_at(0x20), u16_at(0x36), u16_at(0x38)),
        _ => return false,
    };
    let (Some(off), Some(size), Some(n)) = (phoff, phentsize, phnum) else {
        return false;
    };
    const PT_INTERP: usize = 3;
    (0..n).any(|i| u32_at(off + i * size) == Some(PT_INTERP))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_archs_directories_are_left_out() {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "c/a.c",
            "arch/arm/b.S",
            "arch/x86_64/c.c",
            "cpp/d.cpp",
            "c/e.h",
        ] {
            let p = d.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let names = |a| {
            sources_for(d.path(), a)
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(Some(Arch::Arm)),
            ["arch/arm/b.S", "c/a.c", "cpp/d.cpp"]
        );
        assert_eq!(names(None).len(), 4);
    }

    #[test]
    fn the_guest_runner_lists_what_applies() {
        let e = |s: &str| announced::expectations(s).unwrap();
        let progs = vec![
            (PathBuf::from("c/a.c"), e("/* args: 'x y' z */")),
            (PathBuf::from("c/b.c"), e("/* only: user-mode */")),
            (PathBuf::from("c/g.c"), e("/* stdin: c/g.in */")),
        ];
        let s = guest_runner(&progs, Arch::Arm);
        assert!(
            s.contains("run 'c/a' '/dev/null' './c/a.out' 'x y' z\n"),
            "{s}"
        );
        assert!(!s.contains("c/b"), "{s}");
        assert!(s.contains("run 'c/g' 'c/g.in' './c/g.out'\n"), "{s}");
    }

    #[test]
    fn static_programs_have_no_interpreter() {
        assert!(is_dynamic(Path::new("/bin/sh")));
        assert!(!is_dynamic(Path::new("/nonexistent")));
    }
}
