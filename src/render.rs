//! Printing commands: the seed's `+ ` format, one line per command, or JSON.
//! Every printed form is valid POSIX shell that runs the same thing.

use crate::command::{Action, Cmd};

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

fn redirections(c: &Cmd) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(p) = &c.stdin {
        v.push(format!("< {}", quote(&p.display().to_string())));
    }
    if let Some(r) = &c.stdout {
        let op = if r.append { ">>" } else { ">" };
        v.push(format!("{op} {}", quote(&r.display_path())));
    }
    v
}

impl crate::command::Redirect {
    fn display_path(&self) -> String {
        self.path.display().to_string()
    }
}

/// `cd DIR &&`, then `VAR=value` words, then the program: what comes before
/// the arguments in both forms.
fn head(c: &Cmd) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if let Some(d) = &c.cwd {
        words.push(format!("cd {} &&", quote(&d.display().to_string())));
    }
    for (k, v) in &c.env {
        words.push(assignment(k, v));
    }
    words.push(quote(&c.program));
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
pub fn write_file(path: &std::path::Path, content: &str, append: bool, prefix: bool) -> String {
    let d = heredoc_delimiter(content);
    let op = if append { ">>" } else { ">" };
    let plus = if prefix { "+ " } else { "" };
    format!(
        "{plus}cat << '{d}' {op} {}\n{content}{d}",
        quote(&path.display().to_string())
    )
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
        let s = write_file(std::path::Path::new("/x"), "EOF\n", false, true);
        assert!(s.starts_with("+ cat << 'EOF_' > /x\nEOF\nEOF_"));
    }
}
