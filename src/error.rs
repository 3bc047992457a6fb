//! lkmc's two kinds of failure: bad input (exit 2, as for a CLI parse error)
//! and everything else (exit 1).

/// Bad input from the user: lkmc exits with status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub fn usage_error(msg: impl Into<String>) -> anyhow::Error {
    UsageError(msg.into()).into()
}

/// The process exit code for a subcommand's result, printing the error.
pub fn exit_code(result: anyhow::Result<i32>) -> std::process::ExitCode {
    use std::process::ExitCode;
    match result {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("lkmc: error: {e:#}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Makes `lkmc ... | head` end quietly: println! panics when the reader of
/// stdout has gone, and lkmc then exits as a killed-by-SIGPIPE program would
/// (141) instead of printing a panic. Other panics keep the default report.
pub fn exit_quietly_on_broken_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.starts_with("failed printing to stdout") && msg.contains("os error 32") {
            std::process::exit(141);
        }
        default(info);
    }));
}
