//! What a test program announces about its own run, in the comment at the
//! top of its source: `args:` (its command line, shell-quoted), `expect:`
//! (a line its output must contain; any number) and `expect-exit:` (its exit
//! status, 0 when absent).

/// What a program's leading comment says about its run.
#[derive(Debug, Default, PartialEq)]
pub struct Expectations {
    pub args: Option<String>,
    pub output: Vec<String>,
    pub exit: i32,
}

/// Reads `args:`, `expect:` and `expect-exit:` lines from the comment at the
/// top of a source (C or assembly, ` * ` or `// ` prefixed).
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
        } else if let Some(v) = t.strip_prefix("expect-exit:") {
            e.exit = v
                .trim()
                .parse()
                .map_err(|_| format!("bad expect-exit line: {line}"))?;
        } else if let Some(v) = t.strip_prefix("expect:") {
            e.output.push(v.trim().to_string());
        }
    }
    Ok(e)
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
}
