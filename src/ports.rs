//! Whether a local TCP port is listening, read from /proc/net/tcp: probing
//! by connecting would be taken as the client by one-shot servers such as
//! QEMU user mode's GDB stub.

use std::time::{Duration, Instant};

/// Whether a server could listen on 127.0.0.1:`port` now: a bind, which
/// fails while anything listens there (a few microseconds, where reading
/// the socket tables takes milliseconds).
pub fn free(port: u32) -> bool {
    u16::try_from(port).is_ok_and(|p| std::net::TcpListener::bind(("127.0.0.1", p)).is_ok())
}

/// Whether something listens on `port` on this machine (IPv4 or IPv6).
pub fn listening(port: u32) -> bool {
    ["/proc/net/tcp", "/proc/net/tcp6"].iter().any(|f| {
        std::fs::read_to_string(f)
            .map(|t| listening_in(&t, port))
            .unwrap_or(false)
    })
}

/// The table's rows are `sl local_address rem_address st ...`, addresses as
/// `HEXADDR:HEXPORT`, state 0A meaning LISTEN.
fn listening_in(table: &str, port: u32) -> bool {
    table.lines().skip(1).any(|row| {
        let cols: Vec<&str> = row.split_whitespace().collect();
        cols.len() > 3
            && cols[3] == "0A"
            && cols[1]
                .rsplit(':')
                .next()
                .and_then(|p| u32::from_str_radix(p, 16).ok())
                == Some(port)
    })
}

/// Waits until `port` listens; false when `limit` passes first or `gave_up`
/// says the server is gone.
pub fn wait_listening(port: u32, limit: Duration, gave_up: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if listening(port) {
            return true;
        }
        if gave_up() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn sees_a_real_listener() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port() as u32;
        assert!(super::listening(port));
        assert!(!super::free(port));
        drop(l);
        // A process that another test forks in these moments holds the
        // socket until its exec closes it: give that a moment.
        let t = std::time::Instant::now();
        while !super::free(port) && t.elapsed().as_secs() < 5 {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(super::free(port));
    }

    #[test]
    fn reads_only_listening_rows() {
        // Port 0x1F90 = 8080 listening; 0x0016 = 22 only connected.
        let table = "  sl  local_address rem_address   st tx_queue rx_queue\n\
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000\n\
   1: 0100007F:0016 0100007F:A2B4 01 00000000:00000000\n";
        assert!(super::listening_in(table, 8080));
        assert!(!super::listening_in(table, 22));
        assert!(!super::listening_in(table, 8081));
    }
}
