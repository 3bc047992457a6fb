//! The QEMU monitor of a running guest, over its telnet port.
use crate::cli::{Common, MonitorArgs};
use crate::layout::Layout;
use anyhow::{Context, Result, bail};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Reads from the monitor until its `(qemu) ` prompt.
fn read_to_prompt(s: &mut TcpStream) -> Result<String> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let start = Instant::now();
    while !String::from_utf8_lossy(&out).trim_end().ends_with("(qemu)") {
        if start.elapsed() > Duration::from_secs(10) {
            bail!("the QEMU monitor did not answer within 10 s");
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&out).to_string())
}

/// Strips telnet negotiation bytes and terminal escapes from monitor output.
fn clean(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{ff}' => {
                chars.next();
                chars.next();
            }
            '\u{1b}' => {
                // ESC [ ... letter
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for x in chars.by_ref() {
                        if x.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
            }
            '\r' => {}
            c if (c as u32) >= 0x80 && (c as u32) < 0x100 => {}
            c => out.push(c),
        }
    }
    out
}

/// Sends one command to a running guest's monitor (its port comes from the
/// run id) and prints the answer.
pub fn send(l: &Layout, c: &Common, a: &MonitorArgs) -> Result<i32> {
    let port = l.qemu_monitor_port();
    let command = a.command.join(" ");
    if command.is_empty() {
        bail!("give a monitor command, e.g. `lkmc qemu-monitor info qtree`");
    }
    if c.dry_run {
        println!("# lkmc sends '{command}' to the QEMU monitor at 127.0.0.1:{port}");
        return Ok(0);
    }
    let answer = ask(port, &command).with_context(|| {
        format!(
            "no QEMU monitor on port {port}: is a guest running with --run-id {}?",
            l.run_id
        )
    })?;
    for line in answer.lines() {
        println!("{line}");
    }
    Ok(0)
}

/// Sends `command` to the monitor on `port` and returns its answer (without
/// the echoed command and the next prompt).
pub fn ask(port: u32, command: &str) -> Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port as u16))
        .with_context(|| format!("connecting to the QEMU monitor on port {port}"))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    read_to_prompt(&mut s)?;
    s.write_all(format!("{command}\n").as_bytes())?;
    let answer = clean(&read_to_prompt(&mut s)?);
    let body: Vec<&str> = answer.lines().collect();
    // The first line echoes the command, the last is the next prompt.
    let end = body.len().saturating_sub(1);
    Ok(body[1.min(end)..end].join("\n"))
}
