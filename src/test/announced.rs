//! What a test program announces about its own run, in the comment at the
//! top of its source (C, C++ or assembly; lines prefixed ` * `, `//` or
//! `/*`). One key per line, each optional:
//!
//! - `args: WORDS`: its command line, shell-quoted.
//! - `stdin: FILE`: a file under userland/ fed as its standard input
//!   (`lkmc run --stdin-file` under user mode and natively; the guest runner
//!   redirects it).
//! - `build: FLAGS`: extra compiler flags for this program, shell words
//!   (`-nostdlib` for a freestanding `_start`); repeated lines add up.
//! - `expect: TEXT`: a line its output must contain (any number of them;
//!   each is searched for anywhere in the output, in any order).
//! - `expect-exit: N`: its exit status, 0 when absent.
//! - `expect-signal: NAME`: it ends killed by this signal (e.g. `SIGABRT`)
//!   instead of exiting. In the full-system guest the shell's status must
//!   be 128 + the signal's number; under QEMU user mode and natively the
//!   launcher only tells that a signal ended the program, not which.
//! - `only: WORD... [(REASON)]`: where the program applies, when not
//!   everywhere. Words are archs (`x86_64`, `arm`, `aarch64`), runners
//!   (`user-mode`, `full-system`, `native`, `baremetal`), `linux` (the three
//!   Linux runners: not baremetal), and `manual` (built, never run by a
//!   suite: it waits forever, powers off the guest, ...). Each kind given
//!   restricts that kind only: `only: aarch64` runs on every runner but only
//!   for aarch64; `only: full-system x86_64` needs both. The optional reason
//!   in parentheses is printed when a suite skips the program. Repeated
//!   `only:` lines add up.
//!
//! Only the leading comment counts, so a program can print text that looks
//! like a key. An unknown `only:` word is an error, not a silent skip.

use crate::arch::Arch;

/// Where a program runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    UserMode,
    FullSystem,
    Native,
    Baremetal,
}

impl Place {
    pub const ALL: [Place; 4] = [
        Place::UserMode,
        Place::FullSystem,
        Place::Native,
        Place::Baremetal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Place::UserMode => "user-mode",
            Place::FullSystem => "full-system",
            Place::Native => "native",
            Place::Baremetal => "baremetal",
        }
    }
}

/// The `only:` lines: None in a field means "not restricted".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Only {
    pub archs: Option<Vec<Arch>>,
    pub places: Option<Vec<Place>>,
    pub manual: bool,
    pub reason: Option<String>,
    /// The words as written, for messages.
    pub words: Vec<String>,
}

/// What a program's leading comment says about its run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expectations {
    pub args: Option<String>,
    pub stdin: Option<String>,
    /// `build:` compiler flags.
    pub build: Vec<String>,
    pub output: Vec<String>,
    pub exit: i32,
    /// `expect-signal:`, the signal's number.
    pub signal: Option<i32>,
    pub only: Only,
}

impl Expectations {
    /// Whether the program runs on `place` for `arch`; the skip reason when not.
    pub fn applies(&self, arch: Arch, place: Place) -> Result<(), String> {
        let o = &self.only;
        let because = || {
            let mut s = format!("announced `only: {}`", o.words.join(" "));
            if let Some(r) = &o.reason {
                s.push_str(&format!(" ({r})"));
            }
            s
        };
        if o.manual {
            return Err(format!("{}: run it by hand", because()));
        }
        if let Some(a) = &o.archs
            && !a.contains(&arch)
        {
            return Err(format!("{}: not for {arch}", because()));
        }
        if let Some(p) = &o.places
            && !p.contains(&place)
        {
            return Err(format!("{}: not on {}", because(), place.name()));
        }
        Ok(())
    }

    /// The status a shell reports for this program's end: the exit status,
    /// or 128 + the signal.
    pub fn shell_status(&self) -> i32 {
        self.signal.map(|s| 128 + s).unwrap_or(self.exit)
    }
}

/// Signal numbers (the same on x86_64, arm and aarch64 Linux).
pub fn signal_number(name: &str) -> Option<i32> {
    let n = name.trim().trim_start_matches("SIG");
    Some(match n {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "ILL" => 4,
        "TRAP" => 5,
        "ABRT" => 6,
        "BUS" => 7,
        "FPE" => 8,
        "KILL" => 9,
        "USR1" => 10,
        "SEGV" => 11,
        "USR2" => 12,
        "PIPE" => 13,
        "ALRM" => 14,
        "TERM" => 15,
        _ => return None,
    })
}

fn parse_only(v: &str, o: &mut Only, line: &str) -> Result<(), String> {
    let (words, reason) = match v.find('(') {
        Some(i) => (
            &v[..i],
            Some(v[i + 1..].trim().trim_end_matches(')').trim().to_string()),
        ),
        None => (v, None),
    };
    if let Some(r) = reason {
        o.reason = Some(match o.reason.take() {
            Some(old) => format!("{old}; {r}"),
            None => r,
        });
    }
    for w in words.split_whitespace() {
        o.words.push(w.to_string());
        let arch = Arch::ALL.into_iter().find(|a| a.name() == w);
        let places: Option<Vec<Place>> = match w {
            "linux" => Some(vec![Place::UserMode, Place::FullSystem, Place::Native]),
            _ => Place::ALL
                .into_iter()
                .find(|p| p.name() == w)
                .map(|p| vec![p]),
        };
        if let Some(a) = arch {
            o.archs.get_or_insert_with(Vec::new).push(a);
        } else if let Some(ps) = places {
            let v = o.places.get_or_insert_with(Vec::new);
            for p in ps {
                if !v.contains(&p) {
                    v.push(p);
                }
            }
        } else if w == "manual" {
            o.manual = true;
        } else {
            return Err(format!(
                "unknown word '{w}' in: {}; valid: x86_64 arm aarch64 user-mode full-system \
                 native baremetal linux manual",
                line.trim()
            ));
        }
    }
    Ok(())
}

/// Reads the keys above from the comment at the top of a source.
pub fn expectations(source: &str) -> Result<Expectations, String> {
    let mut e = Expectations::default();
    for line in source.lines().take_while(|l| {
        let t = l.trim_start();
        t.starts_with("/*") || t.starts_with('*') || t.starts_with("//")
    }) {
        let t = line
            .trim_start()
            .trim_start_matches("/*")
            .trim_start_matches("//")
            .trim_start_matches('*')
            .trim()
            .trim_end_matches("*/")
            .trim();
        if let Some(v) = t.strip_prefix("args:") {
            e.args = Some(v.trim().to_string());
        } else if let Some(v) = t.strip_prefix("stdin:") {
            e.stdin = Some(v.trim().to_string());
        } else if let Some(v) = t.strip_prefix("build:") {
            e.build.extend(
                shlex::split(v).ok_or_else(|| format!("unbalanced quotes in: {}", line.trim()))?,
            );
        } else if let Some(v) = t.strip_prefix("expect-exit:") {
            e.exit = v
                .trim()
                .parse()
                .map_err(|_| format!("bad expect-exit line: {line}"))?;
        } else if let Some(v) = t.strip_prefix("expect-signal:") {
            e.signal = Some(
                signal_number(v).ok_or_else(|| format!("unknown signal in: {}", line.trim()))?,
            );
        } else if let Some(v) = t.strip_prefix("expect:") {
            e.output.push(v.trim().to_string());
        } else if let Some(v) = t.strip_prefix("only:") {
            parse_only(v, &mut e.only, line)?;
        }
    }
    Ok(e)
}

/// The announcement of a file, or the error prefixed with its path.
pub fn of_file(path: &std::path::Path) -> Result<Expectations, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    expectations(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_leading_comment_only() {
        let src = "/* Prints.\n * args: 'a b' c\n * expect: argc 3\n * expect-exit: 3 */\nint main(void) { /* expect: no */ }\n";
        let e = expectations(src).unwrap();
        assert_eq!(e.args.as_deref(), Some("'a b' c"));
        assert_eq!(e.output, vec!["argc 3".to_string()]);
        assert_eq!(e.exit, 3);
        assert!(expectations("/* expect-exit: x */").is_err());
    }

    #[test]
    fn only_restricts_each_kind_given() {
        let e = expectations("// only: aarch64 x86_64\n// only: linux (needs fork)\n").unwrap();
        assert!(e.applies(Arch::Aarch64, Place::UserMode).is_ok());
        assert!(e.applies(Arch::X86_64, Place::Native).is_ok());
        let why = e.applies(Arch::Arm, Place::UserMode).unwrap_err();
        assert!(why.contains("not for arm"), "{why}");
        let why = e.applies(Arch::Aarch64, Place::Baremetal).unwrap_err();
        assert!(
            why.contains("needs fork") && why.contains("baremetal"),
            "{why}"
        );
        let m = expectations("/* only: manual (waits forever) */").unwrap();
        assert!(m.applies(Arch::Arm, Place::FullSystem).is_err());
        assert!(expectations("/* only: linx */").is_err());
        assert!(expectations("/*\n */").unwrap().only == Only::default());
    }

    #[test]
    fn stdin_and_signal() {
        let e = expectations(
            "/* stdin: c/getchar.in\n * build: -nostdlib\n * expect-signal: SIGABRT */",
        )
        .unwrap();
        assert_eq!(e.build, vec!["-nostdlib".to_string()]);
        assert_eq!(e.stdin.as_deref(), Some("c/getchar.in"));
        assert_eq!(e.signal, Some(6));
        assert_eq!(e.shell_status(), 134);
        assert!(expectations("/* expect-signal: SIGNOPE */").is_err());
    }
}
