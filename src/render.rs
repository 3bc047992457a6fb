//! Printing commands: the seed's `+ ` format, one line per command, or JSON.
//! Every printed form is valid POSIX shell that runs the same thing.

use crate::command::{Action, Cmd};
use std::path::{Component, Path};

/// Quotes a word for POSIX shell: bare when it only has safe characters,
/// otherwise in single quotes.
pub fn quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r#"'"'"'"#))
    }
}

fn assignment(k: &str, v: &str) -> String {
    format!("{k}={}", quote(v))
}

/// Bash's reserved words: bare in command position they are syntax, not a
/// program name.
const RESERVED: &[&str] = &[
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do",
    "done", "in", "function", "time", "coproc",
];

/// Quotes the program name: also quoted when bare it would be an assignment
/// (`A=b`) or a reserved word (`time`, `if`), not a command.
fn quote_program(word: &str) -> String {
    let q = quote(word);
    if q == word && (word.contains('=') || RESERVED.contains(&word)) {
        format!("'{word}'")
    } else {
        q
    }
}

/// The directory operand of the printed `cd`, so that it enters what
/// chdir(2) enters: a relative path is made to start with `./` (else `cd`
/// searches `CDPATH` first, and takes `-x` for an option and `-` for
/// `$OLDPWD`), and a path with a `..` component gets `-P` (else `cd` drops
/// `DIR/..` as text instead of going to the parent of where `DIR` leads).
fn cd_operand(d: &Path) -> String {
    let s = d.display().to_string();
    let dotted = |s: &str| {
        s == "." || s == ".." || s.starts_with("./") || s.starts_with("../") || s.starts_with('/')
    };
    let word = if dotted(&s) {
        quote(&s)
    } else {
        format!("./{}", quote(&s))
    };
    if d.components().any(|c| c == Component::ParentDir) {
        format!("-P {word}")
    } else {
        word
    }
}

/// A redirection target. A real run opens it from lkmc's working directory,
/// so after the printed `cd` a relative one is taken from `$OLDPWD`.
fn redirect_target(c: &Cmd, p: &Path) -> String {
    let q = quote(&p.display().to_string());
    if c.cwd.is_some() && p.is_relative() {
        format!("\"$OLDPWD\"/{q}")
    } else {
        q
    }
}

fn redirections(c: &Cmd) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(p) = &c.stdin {
        v.push(format!("< {}", redirect_target(c, p)));
    }
    if let Some(r) = &c.stdout {
        let op = if r.append { ">>" } else { ">" };
        v.push(format!("{op} {}", redirect_target(c, &r.path)));
    }
    v
}

/// `cd DIR &&`, then `VAR=value` words, then the program: what comes before
/// the arguments in both forms.
fn head(c: &Cmd) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if let Some(d) = &c.cwd {
        words.push(format!("cd {} &&", cd_operand(d)));
    }
    for (k, v) in &c.env {
        words.push(assignment(k, v));
    }
    words.push(quote_program(&c.program));
    words
}

/// The seed's multi-line form: `+ cd DIR && \`, `VAR=value \`, the program and
/// one argument (or argument group) per line, ended by `;`.
pub fn multiline(c: &Cmd) -> String {
    let mut lines = head(c);
    for (a, starts) in c.args.iter().zip(&c.line_starts) {
        if *starts {
            lines.push(quote(a));
        } else {
            let last = lines.last_mut().expect("program line exists");
            last.push(' ');
            last.push_str(&quote(a));
        }
    }
    lines.extend(redirections(c));
    if lines.len() == 1 {
        return format!("+ {}", lines[0]);
    }
    let mut out = String::from("+ ");
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        out.push_str(l);
        out.push_str(" \\\n");
    }
    out.push(';');
    out
}

/// Everything on one line, ready to paste: `cd DIR && VAR=v prog args > out`.
pub fn oneline(c: &Cmd) -> String {
    let mut words = head(c);
    words.extend(c.args.iter().map(|a| quote(a)));
    words.extend(redirections(c));
    words.join(" ")
}

fn heredoc_delimiter(content: &str) -> String {
    let mut d = String::from("EOF");
    while content.lines().any(|l| l == d) {
        d.push('_');
    }
    d
}

/// A file lkmc writes itself, shown as the here-document that does the same.
/// A here-document always ends with a newline, so content without one (not
/// made by `Action::write`) is shown as `printf '%s'` instead.
pub fn write_file(path: &Path, content: &str, append: bool, prefix: bool) -> String {
    let op = if append { ">>" } else { ">" };
    let plus = if prefix { "+ " } else { "" };
    let target = quote(&path.display().to_string());
    if !content.is_empty() && !content.ends_with('\n') {
        return format!("{plus}printf '%s' {} {op} {target}", quote(content));
    }
    let d = heredoc_delimiter(content);
    format!("{plus}cat << '{d}' {op} {target}\n{content}{d}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Multiline,
    Oneline,
}

pub fn action(a: &Action, style: Style) -> String {
    match (a, style) {
        (Action::Run(c), s) => {
            let text = if s == Style::Multiline {
                multiline(c)
            } else {
                oneline(c)
            };
            if c.allow_failure {
                format!("# lkmc goes on if this fails:\n{text}")
            } else {
                text
            }
        }
        (
            Action::WriteFile {
                path,
                content,
                append,
            },
            s,
        ) => write_file(path, content, *append, s == Style::Multiline),
        (Action::CheckKernelConfig { config, fragments }, _) => format!(
            "# lkmc checks that {} has every option of: {}",
            config.display(),
            fragments
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_matches_posix_rules() {
        assert_eq!(quote("abc/d.e-f=g:h,i@j%k+"), "abc/d.e-f=g:h,i@j%k+");
        assert_eq!(quote(""), "''");
        assert_eq!(quote(">>"), "'>>'");
        assert_eq!(quote("it's"), r#"'it'"'"'s'"#);
        assert_eq!(quote("a b"), "'a b'");
    }

    #[test]
    fn multiline_has_seed_layout() {
        let c = Cmd::new("make")
            .arg("-j2")
            .line(["-C", "dir"])
            .env("V", "1")
            .cwd("/tmp");
        assert_eq!(
            multiline(&c),
            "+ cd /tmp && \\\n  V=1 \\\n  make \\\n  -j2 \\\n  -C dir \\\n;"
        );
        assert_eq!(multiline(&Cmd::new("true")), "+ true");
    }

    #[test]
    fn heredoc_delimiter_avoids_content() {
        let s = write_file(Path::new("/x"), "EOF\n", false, true);
        assert!(s.starts_with("+ cat << 'EOF_' > /x\nEOF\nEOF_"));
    }

    // Minimal inputs the property test (render_props) found; each printed
    // text used to run something else in bash.

    #[test]
    fn program_is_never_an_assignment_or_keyword() {
        assert_eq!(oneline(&Cmd::new("A=b").arg("a")), "'A=b' a");
        assert_eq!(oneline(&Cmd::new("time").arg("a")), "'time' a");
        assert_eq!(oneline(&Cmd::new("make").arg("A=b")), "make A=b");
    }

    #[test]
    fn cd_enters_what_chdir_enters() {
        let cd = |d: &str| oneline(&Cmd::new("p").cwd(d));
        assert_eq!(cd("-"), "cd ./- && p");
        assert_eq!(cd("x"), "cd ./x && p");
        assert_eq!(cd("./x"), "cd ./x && p");
        assert_eq!(cd("/a b"), "cd '/a b' && p");
        assert_eq!(cd("lnk/../x"), "cd -P ./lnk/../x && p");
        assert_eq!(cd("/l/../x"), "cd -P /l/../x && p");
    }

    #[test]
    fn relative_redirections_stay_in_lkmc_directory() {
        let mut c = Cmd::new("p").cwd("/d");
        c.stdin = Some("i".into());
        c.stdout = Some(crate::command::Redirect {
            path: "/o".into(),
            append: false,
        });
        assert_eq!(oneline(&c), r#"cd /d && p < "$OLDPWD"/i > /o"#);
    }

    #[test]
    fn content_without_final_newline_is_printf() {
        let s = write_file(Path::new("/x"), "'", false, false);
        assert_eq!(s, r#"printf '%s' ''"'"'' > /x"#);
    }
}
