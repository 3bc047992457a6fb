//! The command model: every external action lkmc takes is a value built by a pure
//! function, printed by `render` and executed by `exec`. Nothing runs a process
//! without going through a `Cmd`, so `--dry-run` shows exactly what would run.

use serde::Serialize;
use std::path::{Path, PathBuf};

/// One process to run: program, arguments, extra environment, working directory
/// and redirections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cmd {
    pub program: String,
    pub args: Vec<String>,
    /// Parallel to `args`: true where the argument starts a new printed line.
    /// Only affects how the command is printed, never what runs.
    #[serde(skip)]
    pub line_starts: Vec<bool>,
    /// Variables added to (or overriding) the inherited environment, in order.
    pub env: Vec<(String, String)>,
    pub cwd: Option<PathBuf>,
    pub stdin: Option<PathBuf>,
    pub stdout: Option<Redirect>,
    /// A failure is reported as a warning and the plan goes on.
    pub allow_failure: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Redirect {
    pub path: PathBuf,
    pub append: bool,
}

impl Cmd {
    pub fn new(program: impl Into<String>) -> Cmd {
        Cmd {
            program: program.into(),
            args: Vec::new(),
            line_starts: Vec::new(),
            env: Vec::new(),
            cwd: None,
            stdin: None,
            stdout: None,
            allow_failure: false,
        }
    }

    pub fn allow_failure(mut self) -> Cmd {
        self.allow_failure = true;
        self
    }

    /// Adds one argument on a line of its own.
    pub fn arg(mut self, a: impl AsRef<str>) -> Cmd {
        self.args.push(a.as_ref().to_string());
        self.line_starts.push(true);
        self
    }

    /// Adds a path argument.
    pub fn arg_path(self, p: impl AsRef<Path>) -> Cmd {
        let s = p.as_ref().display().to_string();
        self.arg(s)
    }

    /// Adds arguments that are printed together on one line, such as `-m 256M`.
    pub fn line<I, S>(mut self, words: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut first = true;
        for w in words {
            self.args.push(w.as_ref().to_string());
            self.line_starts.push(first);
            first = false;
        }
        self
    }

    /// Adds each argument on its own line.
    pub fn args<I, S>(mut self, words: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for w in words {
            self = self.arg(w);
        }
        self
    }

    pub fn env(mut self, k: impl Into<String>, v: impl Into<String>) -> Cmd {
        self.env.push((k.into(), v.into()));
        self
    }

    pub fn cwd(mut self, d: impl AsRef<Path>) -> Cmd {
        self.cwd = Some(d.as_ref().to_path_buf());
        self
    }
}

/// A unit of work: a process, or a file that lkmc writes itself (printed as a
/// here-document, so the printed text still does the same thing in a shell).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    Run(Cmd),
    WriteFile {
        path: PathBuf,
        content: String,
        append: bool,
    },
    /// lkmc's own check that Kconfig kept every requested option (Kconfig drops
    /// options whose dependencies are off without a word).
    CheckKernelConfig {
        config: PathBuf,
        fragments: Vec<PathBuf>,
    },
}

impl From<Cmd> for Action {
    fn from(c: Cmd) -> Action {
        Action::Run(c)
    }
}

impl Action {
    pub fn write(path: impl AsRef<Path>, content: impl Into<String>) -> Action {
        let mut content = content.into();
        // A here-document always ends with a newline; keep real runs identical.
        if !content.ends_with('\n') {
            content.push('\n');
        }
        Action::WriteFile {
            path: path.as_ref().to_path_buf(),
            content,
            append: false,
        }
    }

    #[allow(dead_code)] // for plans that add to a file, e.g. a Buildroot .config
    pub fn append(path: impl AsRef<Path>, content: impl Into<String>) -> Action {
        match Action::write(path, content) {
            Action::WriteFile { path, content, .. } => Action::WriteFile {
                path,
                content,
                append: true,
            },
            other => other,
        }
    }
}

/// Shorthands for the file operations every build needs, as real commands.
pub fn mkdir_p(dir: impl AsRef<Path>) -> Cmd {
    Cmd::new("mkdir").line(["-p".to_string(), dir.as_ref().display().to_string()])
}

pub fn rm_rf(p: impl AsRef<Path>) -> Cmd {
    Cmd::new("rm").line([
        "-r".to_string(),
        "-f".into(),
        p.as_ref().display().to_string(),
    ])
}
