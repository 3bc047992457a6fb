//! Typing into a gem5 guest from lkmc's own terminal. gem5 reads no stdin:
//! its guest terminal is a TCP port (where `lkmc gem5-shell` connects). So
//! that `lkmc run --emulator gem5` gives a shell where it runs, as QEMU does,
//! lkmc connects to that port and sends it what it reads on its stdin: raw
//! when stdin is a terminal, so that Ctrl-C reaches the guest's shell, and
//! Ctrl-A X ends the run as in QEMU. The guest's output is shown from gem5's
//! stdout, so what the port sends back is read and dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// QEMU's escape key: Ctrl-A, then x to quit or Ctrl-A to send one Ctrl-A.
const ESCAPE: u8 = 0x01;

/// What one byte typed does, given whether the byte before it was Ctrl-A.
#[derive(Debug, PartialEq, Eq)]
enum Key {
    Send(Vec<u8>),
    /// Ctrl-A alone: wait for the next byte.
    Escape,
    Quit,
}

fn key(after_escape: bool, b: u8) -> Key {
    match (after_escape, b) {
        (false, ESCAPE) => Key::Escape,
        (false, b) => Key::Send(vec![b]),
        (true, b'x' | b'X') => Key::Quit,
        (true, ESCAPE) => Key::Send(vec![ESCAPE]),
        (true, b) => Key::Send(vec![ESCAPE, b]),
    }
}

/// Puts stdin, when a terminal, in raw mode for what is typed (the caller
/// restores it). Output keeps its newline translation: gem5's own messages
/// on the console end lines with \n alone.
pub fn raw_stdin() {
    // SAFETY: tcgetattr/cfmakeraw/tcsetattr on fd 0 with a struct we own.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0 {
            let output = t.c_oflag;
            libc::cfmakeraw(&mut t);
            t.c_oflag = output;
            libc::tcsetattr(0, libc::TCSANOW, &t);
        }
    }
}

/// Sends stdin to the guest terminal on `port` from a thread until `done`;
/// Ctrl-A X sets `quit` and calls `end`. It connects at the first byte read:
/// in a terminal that is at the guest shell's first prompt (the terminal
/// answers the shell's cursor-position query), and with stdin from
/// /dev/null never, which leaves the port (gem5 takes one connection) to
/// `lkmc gem5-shell`.
pub fn forward(port: u16, done: Arc<AtomicBool>, quit: Arc<AtomicBool>, end: super::console::Kill) {
    std::thread::spawn(move || {
        let mut term: Option<TcpStream> = None;
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 1024];
        let mut after_escape = false;
        while let Ok(n) = stdin.read(&mut buf) {
            if n == 0 || done.load(Ordering::SeqCst) {
                return;
            }
            for &b in &buf[..n] {
                match key(after_escape, b) {
                    Key::Escape => after_escape = true,
                    Key::Quit => {
                        quit.store(true, Ordering::SeqCst);
                        end();
                        return;
                    }
                    Key::Send(bytes) => {
                        after_escape = false;
                        if term.is_none() {
                            term = connect(port, &done);
                        }
                        let Some(t) = term.as_mut() else { return };
                        if t.write_all(&bytes).is_err() {
                            return;
                        }
                    }
                }
            }
        }
    });
}

/// Connects once gem5 has opened its terminal port (a second or more after
/// it starts), or gives up when the run is over. What gem5 sends back is
/// dropped, but for its refusal when another client has the terminal.
fn connect(port: u16, done: &AtomicBool) -> Option<TcpStream> {
    while !done.load(Ordering::SeqCst) {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", port)) {
            if let Ok(mut echo) = s.try_clone() {
                std::thread::spawn(move || drain(&mut echo, port));
            }
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn drain(echo: &mut TcpStream, port: u16) {
    let mut buf = [0u8; 4096];
    let mut first = true;
    while let Ok(n) = echo.read(&mut buf) {
        if n == 0 {
            return;
        }
        if first && buf[..n].starts_with(b"terminal already attached") {
            // Raw mode: the line needs its carriage return.
            eprint!(
                "\r\nlkmc: gem5's guest terminal (port {port}) is in use, \
                 by `lkmc gem5-shell` perhaps: type there\r\n"
            );
            return;
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_a_x_quits_and_other_keys_pass() {
        assert_eq!(key(false, b'l'), Key::Send(vec![b'l']));
        assert_eq!(key(false, 0x03), Key::Send(vec![0x03]));
        assert_eq!(key(false, ESCAPE), Key::Escape);
        assert_eq!(key(true, b'x'), Key::Quit);
        assert_eq!(key(true, ESCAPE), Key::Send(vec![ESCAPE]));
        assert_eq!(key(true, b'c'), Key::Send(vec![ESCAPE, b'c']));
    }
}
