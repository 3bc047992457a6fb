//! The printing promise, fuzzed: for generated commands whose every string is
//! hostile to a shell, bash runs the printed text (multi-line form with its
//! `+ ` stripped, and the one-line form) and a probe must get exactly what a
//! real run would give it: argv, environment values, working directory, stdin
//! bytes, where stdout goes, and the bytes of files lkmc writes itself.
//!
//! What a real run does is `exec`'s semantics: relative paths (working
//! directory, redirections, written files) are relative to the directory lkmc
//! runs in, the working directory is entered with chdir(2) (symlinks and `..`
//! resolved physically), each command has only its own environment additions,
//! and a bare program name is looked up in `PATH`.
//!
//! Out of scope, and why:
//! - NUL bytes anywhere: argv, environment and paths are C strings, so neither
//!   a real run nor any shell can carry them (a `String` with a NUL makes
//!   `exec` fail to start the process).
//! - Non-UTF-8 bytes: `Cmd` holds `String`s and paths are printed through
//!   `Path::display`, so they cannot arise from a plan.
//! - Environment names that are not shell identifiers: `NAME=value prog` is
//!   the only form printed; other names would need `env`, and plans never
//!   use them. Names the shell itself owns or reads (`PATH`, `CDPATH`, `IFS`,
//!   `PWD`, `_`, `BASH*`, `SHELLOPTS`, `RANDOM`, ...) are not generated: bash
//!   refuses or rewrites some of them, and `PATH` changes the program lookup.
//! - Bare program names that are bash builtins (`true`, `echo`, `test`,
//!   `kill`, ...): bash runs its builtin instead of the file in `PATH`. The
//!   POSIX utilities behave the same either way. Bare names starting with
//!   `%`: bash takes them for jobs (`%1` is `fg %1`), quoted or not. Relative program paths with
//!   a slash are left out too: whether they are relative to the old or the
//!   new working directory is platform-specific in `std::process`.
//! - An empty working directory path (chdir("") fails; `cd ''` does not) and
//!   written files whose parent directory does not exist (`exec` creates it,
//!   the here-document does not; plans make their directories first).
//! - The printed `cd DIR &&` stays in effect for the commands printed after
//!   it when a whole plan is pasted at once; each case here is one command
//!   (after one written file), run by its own bash.

use crate::command::{Action, Cmd, Redirect};
use crate::render::{self, Style};
use proptest::prelude::*;
use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Records what it got: `$#` then each argument, NUL-terminated; its exact
/// initial environment (`/proc/$$/environ`, not a shell's re-export); its
/// physical working directory; stdin when asked. Then writes a marker to stdout.
const PROBE: &str = r#"#!/bin/sh
d="$PROBE_DIR"
printf '%s\0' "$#" "$@" > "$d/argv"
cat /proc/$$/environ > "$d/env"
pwd -P > "$d/cwd"
if [ -n "$PROBE_STDIN" ]; then cat > "$d/stdin"; fi
printf 'probe-stdout\n'
"#;

const MARKER: &[u8] = b"probe-stdout\n";

/// Pieces that mean something to a shell, or to the renderer.
const PIECES: &[&str] = &[
    "'",
    "\"",
    "$",
    "`",
    "\\",
    "\n",
    "\t",
    " ",
    "!",
    "*",
    "#",
    "~",
    "=",
    "-",
    "--",
    "é",
    "日本",
    "\u{1F600}",
    "\u{a0}",
    "\u{202e}",
    "\r",
    "$(echo x)",
    "${HOME}",
    "$'a'",
    "\\n",
    "EOF",
    "EOF\n",
    "'\"'\"'",
    "?",
    "[a]",
    "{a,b}",
    "&",
    "|",
    ";",
    "<",
    ">",
    "(",
    ")",
    "%",
    "^",
    "+ ",
    " \\\n",
    "\\\n",
    "a",
];

/// A string of hostile pieces, any non-NUL characters and plain words.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0').prop_map(String::from),
        2 => "[a-z0-9_./-]{1,4}",
    ];
    prop::collection::vec(piece, 0..7).prop_map(|v| v.concat())
}

/// One path component (no `/`, not empty, not `.` or `..`).
fn component() -> impl Strategy<Value = String> {
    let named = prop::sample::select(&[
        "-", "--", "-P", "-L", "~", "~root", ".hidden", "a=b", "A=b", "time", "if", "{", "!", "[[",
        "#x", "*", "$HOME", " ", "\n", "é", "x\ty", "'", "EOF",
    ]);
    prop_oneof![
        1 => named.prop_map(String::from),
        3 => hostile().prop_map(|s| {
            let s = s.replace('/', "%");
            match s.as_str() {
                "" => "-".to_string(),
                "." | ".." => format!("{s}x"),
                _ => s,
            }
        }),
    ]
}

fn components() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(component(), 1..4)
}

/// Where a path points: under the case's root (absolute) or relative to the
/// directory bash (and so lkmc) runs in.
#[derive(Clone, Debug)]
enum Place {
    Abs(Vec<String>),
    Rel(Vec<String>),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        components().prop_map(Place::Abs),
        components().prop_map(Place::Rel),
    ]
}

#[derive(Clone, Debug)]
enum Program {
    /// The probe at an absolute path through hostile directory names.
    Abs(Vec<String>),
    /// The probe under a hostile name found in `PATH`.
    Bare(String),
}

#[derive(Clone, Debug)]
enum Cwd {
    Inherit,
    Place(Place),
    /// `lnk/../DIRS` where `lnk` is a symlink: chdir(2) ends up next to the
    /// symlink's target, not next to `lnk`.
    DotDot(bool, Vec<String>),
}

#[derive(Clone, Copy, Debug)]
enum WriteKind {
    Write,
    Append,
    /// Built without `Action::write`, so the content may not end with `\n`.
    Raw(bool),
}

#[derive(Clone, Debug)]
struct Case {
    program: Program,
    args: Vec<(String, bool)>,
    env: Vec<(String, String)>,
    cwd: Cwd,
    stdin: Option<(Place, String)>,
    stdout: Option<(Place, bool)>,
    allow_failure: bool,
    write: (Place, String, WriteKind),
}

fn builtins() -> &'static Vec<String> {
    static B: OnceLock<Vec<String>> = OnceLock::new();
    B.get_or_init(|| {
        let out = std::process::Command::new("bash")
            .args(["-c", "compgen -b"])
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect()
    })
}

/// Names the shell itself owns or reads; see the module comment.
fn shell_owned(name: &str) -> bool {
    ["BASH", "PROBE_", "LC_", "COMP_", "HIST"]
        .iter()
        .any(|p| name.starts_with(p))
        || [
            "_",
            "PWD",
            "OLDPWD",
            "SHLVL",
            "PATH",
            "CDPATH",
            "IFS",
            "ENV",
            "SHELLOPTS",
            "EUID",
            "UID",
            "PPID",
            "GROUPS",
            "FUNCNAME",
            "LINENO",
            "RANDOM",
            "SRANDOM",
            "SECONDS",
            "EPOCHSECONDS",
            "EPOCHREALTIME",
            "DIRSTACK",
            "PIPESTATUS",
            "OPTIND",
            "OPTARG",
            "OPTERR",
            "POSIXLY_CORRECT",
            "LANG",
            "MAILPATH",
            "MAILCHECK",
            "PS4",
            "TMOUT",
        ]
        .contains(&name)
}

fn env_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z_][A-Za-z0-9_]{0,7}",
        1 => prop::sample::select(&["A", "x", "LKMC_V", "a_1"]).prop_map(String::from),
    ]
    .prop_filter("owned by the shell", |n| !shell_owned(n))
}

fn case() -> impl Strategy<Value = Case> {
    let program = prop_oneof![
        components().prop_map(Program::Abs),
        component()
            .prop_filter("a bash builtin or job", |n| {
                !builtins().contains(n) && !n.starts_with('%')
            })
            .prop_map(Program::Bare),
    ];
    let cwd = prop_oneof![
        1 => Just(Cwd::Inherit),
        3 => place().prop_map(Cwd::Place),
        1 => (any::<bool>(), components()).prop_map(|(a, c)| Cwd::DotDot(a, c)),
    ];
    let write_kind = prop_oneof![
        Just(WriteKind::Write),
        Just(WriteKind::Append),
        any::<bool>().prop_map(WriteKind::Raw),
    ];
    (
        (
            program,
            prop::collection::vec((hostile(), any::<bool>()), 0..6),
            prop::collection::vec((env_name(), hostile()), 0..4),
            cwd,
        ),
        (
            prop::option::of((place(), hostile())),
            prop::option::of((place(), any::<bool>())),
            any::<bool>(),
            (place(), hostile(), write_kind),
        ),
    )
        .prop_map(
            |((program, args, env, cwd), (stdin, stdout, allow_failure, write))| Case {
                program,
                args,
                env,
                cwd,
                stdin,
                stdout,
                allow_failure,
                write,
            },
        )
}

/// The directories of one run of one case.
struct Dirs {
    root: PathBuf,
    /// Where bash (standing for lkmc) runs.
    base: PathBuf,
    probe: PathBuf,
    probe_dir: PathBuf,
    bin: PathBuf,
    /// `CDPATH` for bash: holds a decoy of every relative working directory.
    decoy: PathBuf,
}

impl Dirs {
    fn new(root: &Path) -> Dirs {
        let d = Dirs {
            root: root.to_path_buf(),
            base: root.join("base"),
            probe: root.join("probe.sh"),
            probe_dir: root.join("probe"),
            bin: root.join("bin"),
            decoy: root.join("decoy"),
        };
        for p in [&d.base, &d.probe_dir, &d.bin, &d.decoy] {
            std::fs::create_dir_all(p).unwrap();
        }
        std::fs::write(&d.probe, PROBE).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&d.probe, std::fs::Permissions::from_mode(0o755)).unwrap();
        d
    }

    /// The path as the `Cmd` holds it, and where it is for a real run. Each
    /// role gets its own corner so that files never collide with each other or
    /// with working directories.
    fn place(&self, p: &Place, role: &str) -> (PathBuf, PathBuf) {
        let path = match p {
            Place::Abs(c) => self.root.join("abs").join(role).join(c.join("/")),
            Place::Rel(c) if c.len() == 1 => PathBuf::from(format!("{}·{role}", c[0])),
            Place::Rel(c) => Path::new(&format!("·{role}")).join(c.join("/")),
        };
        let real = self.base.join(&path);
        std::fs::create_dir_all(real.parent().unwrap()).unwrap();
        (path, real)
    }

    fn cwd(&self, c: &Cwd) -> Option<PathBuf> {
        let rel = |c: &[String]| PathBuf::from(c.join("/"));
        match c {
            Cwd::Inherit => None,
            Cwd::Place(Place::Abs(c)) => {
                let p = self.root.join("cwd").join(rel(c));
                std::fs::create_dir_all(&p).unwrap();
                Some(p)
            }
            Cwd::Place(Place::Rel(c)) => {
                std::fs::create_dir_all(self.base.join(rel(c))).unwrap();
                std::fs::create_dir_all(self.decoy.join(rel(c))).unwrap();
                Some(rel(c))
            }
            Cwd::DotDot(abs, c) => {
                let target = self.root.join("real/deep");
                std::fs::create_dir_all(&target).unwrap();
                std::fs::create_dir_all(self.root.join("real").join(rel(c))).unwrap();
                std::fs::create_dir_all(self.base.join(rel(c))).unwrap();
                let lnk = self.base.join("lnk");
                if !lnk.exists() {
                    std::os::unix::fs::symlink(&target, &lnk).unwrap();
                }
                let p = PathBuf::from("lnk/..").join(rel(c));
                Some(if *abs { self.base.join(p) } else { p })
            }
        }
    }

    fn program(&self, p: &Program) -> String {
        let path = match p {
            Program::Abs(c) => self.root.join("progs").join(c.join("/")),
            Program::Bare(n) => self.bin.join(n),
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&self.probe, &path).unwrap();
        match p {
            Program::Abs(_) => path.display().to_string(),
            Program::Bare(n) => n.clone(),
        }
    }
}

/// What the probe and the files must hold after the run.
struct Expect {
    cmd: Cmd,
    write: Action,
    cwd: PathBuf,
    stdin: Option<Vec<u8>>,
    stdout: Option<(PathBuf, Vec<u8>)>,
    written: (PathBuf, Vec<u8>),
}

const OLD: &[u8] = b"old contents\n";

fn setup(case: &Case, d: &Dirs) -> Expect {
    let mut cmd = Cmd::new(d.program(&case.program));
    for (a, own_line) in &case.args {
        if *own_line || cmd.args.is_empty() {
            cmd = cmd.arg(a);
        } else {
            cmd.args.push(a.clone());
            cmd.line_starts.push(false);
        }
    }
    for (k, v) in &case.env {
        cmd = cmd.env(k, v);
    }
    cmd.cwd = d.cwd(&case.cwd);
    cmd.allow_failure = case.allow_failure;
    let cwd = std::fs::canonicalize(d.base.join(cmd.cwd.clone().unwrap_or_default())).unwrap();
    let stdin = case.stdin.as_ref().map(|(p, content)| {
        let (path, real) = d.place(p, "in");
        std::fs::write(real, content).unwrap();
        cmd.stdin = Some(path);
        content.as_bytes().to_vec()
    });
    let stdout = case.stdout.as_ref().map(|(p, append)| {
        let (path, real) = d.place(p, "out");
        std::fs::write(&real, OLD).unwrap();
        cmd.stdout = Some(Redirect {
            path,
            append: *append,
        });
        let mut want = if *append { OLD.to_vec() } else { Vec::new() };
        want.extend_from_slice(MARKER);
        (real, want)
    });
    let (p, content, kind) = &case.write;
    let (path, real) = d.place(p, "w");
    std::fs::write(&real, OLD).unwrap();
    let write = match kind {
        WriteKind::Write => Action::write(&path, content.as_str()),
        WriteKind::Append => Action::append(&path, content.as_str()),
        WriteKind::Raw(append) => Action::WriteFile {
            path,
            content: content.clone(),
            append: *append,
        },
    };
    let Action::WriteFile {
        content, append, ..
    } = &write
    else {
        unreachable!()
    };
    let mut want = if *append { OLD.to_vec() } else { Vec::new() };
    want.extend_from_slice(content.as_bytes());
    Expect {
        cmd,
        write,
        cwd,
        stdin,
        stdout,
        written: (real, want),
    }
}

/// What a user pastes: the multi-line form without its leading `+ `.
fn pasteable(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("+ ") {
        rest.to_string()
    } else {
        text.replacen("\n+ ", "\n", 1)
    }
}

fn nul_split(b: &[u8]) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = b.split(|c| *c == 0).map(<[u8]>::to_vec).collect();
    assert_eq!(v.pop(), Some(Vec::new()), "NUL-terminated");
    v
}

fn show(b: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(b))
}

/// Runs one case in one style in a fresh directory; `Err` says what differs.
fn run(case: &Case, style: Style, root: &Path) -> Result<(), String> {
    let d = Dirs::new(root);
    let e = setup(case, &d);
    let text = printed(&e, style);
    let out = run_bash(&text, &d, &e);
    let fail = |what: String| {
        Err(format!(
            "{style:?}: {what}\n--- text ---\n{text}\n--- bash stderr ---\n{}",
            String::from_utf8_lossy(&out.stderr)
        ))
    };
    if !out.status.success() {
        return fail(format!("bash exited with {}", out.status));
    }
    check_argv_env_cwd(&e, &d)
        .and_then(|()| check_files(&e, &d))
        .or_else(fail)
}

/// What lkmc prints for the case's two actions, as a user would paste it.
fn printed(e: &Expect, style: Style) -> String {
    let mut text = String::new();
    for a in [&e.write, &Action::Run(e.cmd.clone())] {
        let t = render::action(a, style);
        text.push_str(&if style == Style::Multiline {
            pasteable(&t)
        } else {
            t
        });
        text.push('\n');
    }
    text
}

/// bash runs the printed text in a clean environment, with the probe first
/// on PATH and a decoy CDPATH.
fn run_bash(text: &str, d: &Dirs, e: &Expect) -> std::process::Output {
    let path = std::env::var("PATH").unwrap_or_default();
    std::process::Command::new("bash")
        .arg("-c")
        .arg(text)
        .current_dir(&d.base)
        .env("PROBE_DIR", &d.probe_dir)
        .env("PROBE_STDIN", if e.stdin.is_some() { "1" } else { "" })
        .env("PATH", format!("{}:{path}", d.bin.display()))
        .env("CDPATH", &d.decoy)
        .env_remove("PWD")
        .env_remove("OLDPWD")
        .env_remove("BASH_ENV")
        .env_remove("ENV")
        .output()
        .unwrap()
}

/// The probe saw exactly the command's arguments, environment and directory.
fn check_argv_env_cwd(e: &Expect, d: &Dirs) -> Result<(), String> {
    let Ok(argv) = std::fs::read(d.probe_dir.join("argv")) else {
        return Err("the probe did not run".into());
    };
    let mut argv = nul_split(&argv);
    let argc = argv.remove(0);
    let want: Vec<Vec<u8>> = e.cmd.args.iter().map(|a| a.as_bytes().to_vec()).collect();
    if argc != want.len().to_string().as_bytes() || argv != want {
        return Err(format!(
            "argv: got {:?}, want {:?}",
            argv.iter().map(|a| show(a)).collect::<Vec<_>>(),
            e.cmd.args
        ));
    }
    let env: HashMap<Vec<u8>, Vec<u8>> =
        nul_split(&std::fs::read(d.probe_dir.join("env")).unwrap())
            .into_iter()
            .filter_map(|kv| {
                let i = kv.iter().position(|c| *c == b'=')?;
                Some((kv[..i].to_vec(), kv[i + 1..].to_vec()))
            })
            .collect();
    // A name set twice has its last value.
    let want_env: HashMap<&str, &str> = e
        .cmd
        .env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for (k, v) in want_env {
        let got = env.get(k.as_bytes()).map(|g| show(g));
        if got.as_deref() != Some(show(v.as_bytes()).as_str()) {
            return Err(format!("env {k}: got {got:?}, want {v:?}"));
        }
    }
    let cwd = std::fs::read(d.probe_dir.join("cwd")).unwrap();
    let cwd = cwd.strip_suffix(b"\n").unwrap_or(&cwd);
    if cwd != e.cwd.as_os_str().as_bytes() {
        return Err(format!("cwd: got {}, want {:?}", show(cwd), e.cwd));
    }
    Ok(())
}

/// The command's stdin, its redirected stdout and the written file hold
/// exactly the case's bytes.
fn check_files(e: &Expect, d: &Dirs) -> Result<(), String> {
    if let Some(want) = &e.stdin {
        let got = std::fs::read(d.probe_dir.join("stdin")).unwrap_or_default();
        if &got != want {
            return Err(format!("stdin: got {}, want {}", show(&got), show(want)));
        }
    }
    let stdout = e.stdout.iter().map(|(p, w)| ("stdout", p, w));
    for (what, path, want) in stdout.chain([("written file", &e.written.0, &e.written.1)]) {
        let got = std::fs::read(path).unwrap_or_default();
        if &got != want {
            return Err(format!(
                "{what} {path:?}: got {}, want {}",
                show(&got),
                show(want)
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Each case runs once per printed form, each in its own bash.
    #[test]
    fn printed_text_runs_the_same_in_bash(case in case()) {
        let tmp = tempfile::tempdir().unwrap();
        for (style, dir) in [(Style::Multiline, "m"), (Style::Oneline, "o")] {
            let r = run(&case, style, &tmp.path().join(dir));
            prop_assert!(r.is_ok(), "{}", r.unwrap_err());
        }
    }
}

/// The smallest inputs that failed before `render` was fixed, one per fault.
mod regressions {
    use super::*;

    fn plain() -> Case {
        Case {
            program: Program::Abs(vec!["p".into()]),
            args: vec![("a".into(), true)],
            env: vec![("V".into(), "1".into())],
            cwd: Cwd::Inherit,
            stdin: None,
            stdout: None,
            allow_failure: false,
            write: (
                Place::Abs(vec!["w".into()]),
                String::new(),
                WriteKind::Write,
            ),
        }
    }

    fn check(case: Case) {
        let tmp = tempfile::tempdir().unwrap();
        for (style, dir) in [(Style::Multiline, "m"), (Style::Oneline, "o")] {
            if let Err(e) = run(&case, style, &tmp.path().join(dir)) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn plain_case_runs() {
        check(plain());
    }

    /// A here-document always ends with a newline: `'` without one used to
    /// be printed as a here-document whose delimiter never comes.
    #[test]
    fn written_content_without_final_newline() {
        let mut c = plain();
        c.write = (
            Place::Abs(vec!["-".into()]),
            "'".into(),
            WriteKind::Raw(false),
        );
        check(c);
    }

    /// `A=b` bare in command position is an assignment, `time` a keyword.
    #[test]
    fn program_names_the_shell_parses() {
        for name in ["A=b", "time", "if"] {
            let mut c = plain();
            c.program = Program::Bare(name.into());
            check(c);
        }
    }

    /// `cd -` is `cd "$OLDPWD"`, `cd -P` an option, `cd x` searches `CDPATH`.
    #[test]
    fn relative_working_directories() {
        for name in ["-", "-P", "x"] {
            let mut c = plain();
            c.cwd = Cwd::Place(Place::Rel(vec![name.into()]));
            check(c);
        }
    }

    /// `cd lnk/..` goes back to where `lnk` is; chdir(2) goes to the parent
    /// of `lnk`'s target.
    #[test]
    fn dot_dot_after_a_symlink() {
        for abs in [false, true] {
            let mut c = plain();
            c.cwd = Cwd::DotDot(abs, vec!["x".into()]);
            check(c);
        }
    }

    /// A real run opens relative redirections from lkmc's directory, not
    /// from the command's.
    #[test]
    fn relative_redirections_with_a_working_directory() {
        let mut c = plain();
        c.cwd = Cwd::Place(Place::Abs(vec!["d".into()]));
        c.stdin = Some((Place::Rel(vec!["i".into()]), "in\n".into()));
        c.stdout = Some((Place::Rel(vec!["o".into()]), false));
        check(c);
    }
}
