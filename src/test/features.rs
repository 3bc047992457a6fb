//! The `features` suite: `lkmc run`'s guest features on real guests. The
//! network both ways through 127.0.0.1 forwards under restrict=on, no
//! network, KDB, record and replay, QEMU's trace events and instruction
//! trace, and the framebuffer console's shell in a screendump.

use super::Runner;
use super::live::{Live, limit, watch};
use crate::arch::Arch;
use crate::cli::RunArgs;
use crate::run::console::Outcome;
use crate::run::features::{self, GUESTFWD_ADDRESS};
use crate::run::launch;
use crate::run_record::TEST_IDS;
use std::io::{BufRead, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

type Case = fn(&Runner, Arch) -> Result<(), String>;

const CASES: [(&str, Case); 7] = [
    ("net", net),
    ("no_net", no_net),
    ("kdb", kdb),
    ("record_replay", record_replay),
    ("trace", trace),
    ("trace_insts", trace_insts),
    ("graphic", graphic),
];

pub fn suite(r: &mut Runner, arch: Arch) -> anyhow::Result<()> {
    for (name, case) in CASES {
        if !r.wants(name) {
            continue;
        }
        let started = Instant::now();
        let res = case(r, arch);
        r.result("features", arch, name, started, res);
    }
    Ok(())
}

/// A boot that runs `eval` and powers off.
fn eval_args(eval: &str) -> RunArgs {
    RunArgs {
        eval: Some(eval.into()),
        ..RunArgs::default()
    }
}

const READY: &str = "lkmc_net_ready";

/// Host -> guest: busybox httpd on the guest's port 80, fetched through
/// http_port; guest -> host: wget of 10.0.2.100, forwarded to a one-shot
/// HTTP server here. QEMU runs with restrict=on: nothing but the forwards.
fn net(r: &Runner, arch: Arch) -> Result<(), String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let eval = format!(
        "mkdir -p /tmp/www && echo lkmc_from_guest_httpd > /tmp/www/index.html && \
         httpd -p 80 -h /tmp/www && echo {READY} && \
         wget -q -O - http://{GUESTFWD_ADDRESS}:{port}/lkmc_from_guest_wget"
    );
    let mut a = eval_args(&eval);
    a.qemu.net_restrict = true;
    a.qemu.net_guestfwd = vec![port];
    // QEMU connects to the listener as it starts. The host answers the
    // guest's wget only once it has fetched the guest's page: the guest
    // powers off right after its wget, which would end httpd first.
    let limit = limit(r);
    let (fetched, may_answer) = std::sync::mpsc::channel();
    let host =
        (!r.dry_run()).then(|| std::thread::spawn(move || serve_once(listener, limit, may_answer)));
    let Some(live) = Live::start(r, arch, r.common, a)? else {
        return Ok(());
    };
    let page = if live.wait_for(READY) {
        http_get(live.l.http_port())
    } else {
        Err("the guest never said it was serving".into())
    };
    let _ = fetched.send(());
    let o = live.end()?;
    let request = host
        .expect("not a dry run")
        .join()
        .map_err(|_| "the host's server panicked")?;
    check_net(page, request, &o)
}

fn check_net(
    page: Result<String, String>,
    request: Result<String, String>,
    o: &Outcome,
) -> Result<(), String> {
    let console = super::tail(&o.output, 15);
    match page {
        Ok(p) if p.contains("lkmc_from_guest_httpd") => {}
        Ok(p) => return Err(format!("host -> guest: the page is not the guest's:\n{p}")),
        Err(e) => return Err(format!("host -> guest: {e}\n{console}")),
    }
    match request {
        Ok(l) if l.contains("lkmc_from_guest_wget") => {}
        Ok(l) => return Err(format!("guest -> host: the request was '{l}'\n{console}")),
        Err(e) => return Err(format!("guest -> host: {e}\n{console}")),
    }
    match o.guest_status {
        Some(0) if o.output.contains(HOST_PAGE) => Ok(()),
        s => Err(format!(
            "the guest's wget did not get the host's page (status {s:?})\n{console}"
        )),
    }
}

/// What the host's one-shot server answers.
const HOST_PAGE: &str = "lkmc_from_host";

/// Serves one HTTP request on `listener` with HOST_PAGE, once `may_answer`
/// says so; returns its request line. (Content-Length ends the guest's read:
/// QEMU's guestfwd does not pass the close of the connection on.)
fn serve_once(
    listener: TcpListener,
    limit: Duration,
    may_answer: std::sync::mpsc::Receiver<()>,
) -> Result<String, String> {
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let mut stream = loop {
        match listener.accept() {
            Ok((s, _)) => break s,
            Err(_) if t.elapsed() < limit => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("QEMU never connected to the listener: {e}")),
        }
    };
    stream.set_nonblocking(false).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(limit))
        .map_err(|e| e.to_string())?;
    let mut reader = std::io::BufReader::new(stream.try_clone().map_err(|e| e.to_string())?);
    let mut request = String::new();
    reader
        .read_line(&mut request)
        .map_err(|e| format!("reading the guest's request: {e}"))?;
    // The headers, up to the blank line.
    let mut line = String::from("x");
    while !line.trim().is_empty() {
        line.clear();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
    }
    let _ = may_answer.recv_timeout(limit);
    let body = format!("{HOST_PAGE}\n");
    let reply = format!(
        "HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(reply.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(request)
}

fn http_get(port: u32) -> Result<String, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port as u16))
        .map_err(|e| format!("connecting to 127.0.0.1:{port}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    s.write_all(b"GET / HTTP/1.0\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut page = String::new();
    s.read_to_string(&mut page)
        .map_err(|e| format!("reading the page: {e}"))?;
    Ok(page)
}

/// --no-net: the guest has no network card.
fn no_net(r: &Runner, arch: Arch) -> Result<(), String> {
    let mut a = eval_args("ls /sys/class/net; test ! -e /sys/class/net/eth0");
    a.qemu.no_net = true;
    let Some(o) = Live::start(r, arch, r.common, a)?
        .map(Live::end)
        .transpose()?
    else {
        return Ok(());
    };
    match o.guest_status {
        Some(0) => Ok(()),
        _ => Err(format!(
            "the guest has eth0:\n{}",
            super::tail(&o.output, 10)
        )),
    }
}

/// --kdb: SysRq g stops the kernel in KDB on the console.
fn kdb(r: &Runner, arch: Arch) -> Result<(), String> {
    let mut a = eval_args("echo g > /proc/sysrq-trigger; echo lkmc_kdb_left");
    a.qemu.kdb = true;
    let Some(live) = Live::start(r, arch, r.common, a)? else {
        return Ok(());
    };
    let prompt = live.wait_for("kdb>");
    live.quit();
    let o = live.end()?;
    if prompt && o.output.contains("Entering kdb") {
        Ok(())
    } else {
        Err(format!("no KDB prompt:\n{}", super::tail(&o.output, 15)))
    }
}

/// A recorded boot prints a random UUID; its replay prints the same one.
fn record_replay(r: &Runner, arch: Arch) -> Result<(), String> {
    let fail = |e: anyhow::Error| format!("{e:#}");
    let a = |rr: features::Rr| {
        let mut a = eval_args("cat /proc/sys/kernel/random/uuid");
        a.qemu.record = rr == features::Rr::Record;
        a.qemu.replay = rr == features::Rr::Replay;
        a
    };
    let l = r.layout(arch);
    if r.dry_run() {
        for rr in [features::Rr::Record, features::Rr::Replay] {
            crate::run::print(l.clone(), r.common, &a(rr), TEST_IDS, &r.eo).map_err(fail)?;
        }
        return Ok(());
    }
    // Both runs take the same id: the replay reads the record's run dir.
    let (l, _claim) = launch::claim(l, r.common, TEST_IDS).map_err(fail)?;
    let mut uuids = vec![];
    for rr in [features::Rr::Record, features::Rr::Replay] {
        let o = launch::start(&l, r.common, &a(rr), &watch(limit(r)), |_| Ok(())).map_err(fail)?;
        match uuid(&o.output) {
            Some(u) if o.guest_status == Some(0) => uuids.push(u),
            _ => {
                return Err(format!(
                    "{}: no UUID\n{}",
                    rr.name(),
                    super::tail(&o.output, 10)
                ));
            }
        }
    }
    if uuids[0] == uuids[1] {
        Ok(())
    } else {
        Err(format!(
            "the replay printed {} where the record printed {}",
            uuids[1], uuids[0]
        ))
    }
}

/// The first word that ends in 8-4-4-4-12 hex digits (the firmware's
/// output may run into the guest's first line).
fn uuid(text: &str) -> Option<String> {
    let is_uuid = |w: &str| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
    };
    text.split_whitespace()
        .filter_map(|w| w.get(w.len().checked_sub(36)?..))
        .find(|w| is_uuid(w))
        .map(String::from)
}

/// --trace: QEMU's trace events as text in the run dir.
fn trace(r: &Runner, arch: Arch) -> Result<(), String> {
    let mut a = eval_args("true");
    a.trace = Some("virtio_set_status".into());
    let Some((l, o)) = r
        .launch(r.layout(arch), r.common, &a, limit(r).as_secs_f64(), true)
        .map_err(|e| format!("{e:#}"))?
    else {
        return Ok(());
    };
    let file = features::trace_file(&l);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let events = text
        .lines()
        .filter(|x| x.starts_with("virtio_set_status"))
        .count();
    if events > 0 && o.guest_status == Some(0) {
        Ok(())
    } else {
        Err(format!(
            "{} has no virtio_set_status event:\n{}",
            file.display(),
            super::tail(&text, 5)
        ))
    }
}

/// --trace-insts-stdout: every instruction of a user-mode program, each
/// disassembled when translated, with the function it is in.
fn trace_insts(r: &Runner, arch: Arch) -> Result<(), String> {
    let l = r.layout(arch);
    let mut c = r.common.clone();
    c.userland = Some(l.userland_source_dir().join("c/hello.c"));
    let a = RunArgs {
        qemu: crate::cli::QemuRunArgs {
            trace_insts_stdout: true,
            ..Default::default()
        },
        ..RunArgs::default()
    };
    let Some((_, o)) = r
        .launch(l, &c, &a, limit(r).as_secs_f64(), true)
        .map_err(|e| format!("{e:#}"))?
    else {
        return Ok(());
    };
    let runs_in_main = o
        .output
        .lines()
        .filter(|x| x.starts_with("Trace ") && x.ends_with(" main"))
        .count();
    if o.output.contains("IN: main") && runs_in_main > 3 {
        Ok(())
    } else {
        Err(format!(
            "no instruction trace of main:\n{}",
            super::tail(&o.output, 10)
        ))
    }
}

/// The tty1 shell's banner as fbcon draws it: a stored reference.
const BANNER: &str = include_str!("fb_banner.pbm");

/// --graphic (headless): the framebuffer console shows the tty1 shell (its
/// banner is found in a screendump, compared with a stored reference), and
/// the display's keyboard reaches it: `poweroff` typed there ends the run.
fn graphic(r: &Runner, arch: Arch) -> Result<(), String> {
    let a = RunArgs {
        graphic: true,
        qemu: crate::cli::QemuRunArgs {
            headless: true,
            ..Default::default()
        },
        ..RunArgs::default()
    };
    let Some(live) = Live::start(r, arch, r.common, a)? else {
        return Ok(());
    };
    let port = live.l.qemu_monitor_port();
    let shot = live.l.run_dir().join("screen.ppm");
    let found = shows_banner(&live, &shot)?;
    if !found {
        live.quit();
        live.end()?;
        return Err(format!(
            "{}: no shell banner on the screen (reference: src/test/fb_banner.pbm)",
            shot.display()
        ));
    }
    type_keys(port, "poweroff\n")?;
    let t = Instant::now();
    while !live.emu.is_finished() && t.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(200));
    }
    let typed_in = live.emu.is_finished();
    if !typed_in {
        live.quit();
    }
    let o = live.end()?;
    match (typed_in, o.emulator_status) {
        (true, Some(0)) => Ok(()),
        (true, status) => Err(format!(
            "poweroff typed on the display's keyboard: the emulator ended with {status:?}\n{}",
            super::tail(&o.output, 20)
        )),
        (false, _) => Err(
            "poweroff typed on the display's keyboard (QEMU sendkey) did not end the run \
             within 120 s: no keyboard reaches the tty1 shell"
                .into(),
        ),
    }
}

/// Takes screendumps until the tty1 shell's banner shows (false: the run
/// ended or the time limit passed first).
fn shows_banner(live: &Live, shot: &std::path::Path) -> Result<bool, String> {
    let banner = Image::pbm(BANNER).ok_or("the stored banner is not a PBM")?;
    let t = Instant::now();
    while t.elapsed() < live.limit && !live.emu.is_finished() {
        std::thread::sleep(Duration::from_secs(1));
        let cmd = format!("screendump {}", shot.display());
        if crate::qemu_monitor::ask(live.l.qemu_monitor_port(), &cmd).is_ok() {
            let screen = Image::ppm(&std::fs::read(shot).unwrap_or_default());
            if screen.is_some_and(|s| s.find_rows(&banner).is_some()) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Types `text` (lower-case letters, digits, spaces, newlines) on the
/// guest's keyboard with the monitor's sendkey.
fn type_keys(port: u32, text: &str) -> Result<(), String> {
    for c in text.chars() {
        let key = match c {
            '\n' => "ret".to_string(),
            ' ' => "spc".to_string(),
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => c.to_string(),
            c => return Err(format!("type_keys: no key for {c:?}")),
        };
        crate::qemu_monitor::ask(port, &format!("sendkey {key}"))
            .map_err(|e| format!("sendkey {key}: {e:#}"))?;
    }
    Ok(())
}

/// A picture as lit (not black) or dark pixels.
struct Image {
    w: usize,
    h: usize,
    lit: Vec<bool>,
}

impl Image {
    /// A binary PPM (P6, as QEMU's screendump writes).
    fn ppm(data: &[u8]) -> Option<Image> {
        let mut fields = data.splitn(4, |&b| b == b'\n');
        if fields.next()? != b"P6" {
            return None;
        }
        let size = std::str::from_utf8(fields.next()?).ok()?;
        let (w, h) = size.split_once(' ')?;
        let (w, h): (usize, usize) = (w.parse().ok()?, h.parse().ok()?);
        fields.next()?;
        let px = fields.next()?;
        let lit: Vec<bool> = px.chunks(3).map(|p| p.iter().any(|&b| b > 0x20)).collect();
        (lit.len() == w * h).then_some(Image { w, h, lit })
    }

    /// A plain PBM (P1): 1 is lit.
    fn pbm(text: &str) -> Option<Image> {
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        if lines.next()? != "P1" {
            return None;
        }
        let (w, h) = lines.next()?.split_once(' ')?;
        let (w, h): (usize, usize) = (w.parse().ok()?, h.parse().ok()?);
        let lit: Vec<bool> = lines.flat_map(|l| l.chars()).map(|c| c == '1').collect();
        (lit.len() == w * h).then_some(Image { w, h, lit })
    }

    /// The first row at which `part` appears at the left edge, with 3 % of
    /// its pixels allowed to differ.
    fn find_rows(&self, part: &Image) -> Option<usize> {
        if part.w > self.w || part.h > self.h {
            return None;
        }
        let allowed = part.w * part.h * 3 / 100;
        (0..=self.h - part.h).find(|&y| {
            let differ = (0..part.h)
                .flat_map(|dy| (0..part.w).map(move |x| (x, dy)))
                .filter(|&(x, dy)| self.lit[(y + dy) * self.w + x] != part.lit[dy * part.w + x])
                .count();
            differ <= allowed
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_uuid() {
        let out = "x\n0b6c2ff4-52e4-4a7e-9d73-3c1d2a9e8f10\nlkmc_exit_status_0";
        assert_eq!(
            uuid(out).as_deref(),
            Some("0b6c2ff4-52e4-4a7e-9d73-3c1d2a9e8f10")
        );
        assert_eq!(uuid("no-uuid-here"), None);
        let firmware = "Booting from ROM..67db9169-5b03-41d9-a9da-df5a5b205fb3";
        assert_eq!(uuid(firmware).unwrap().len(), 36);
    }

    #[test]
    fn finds_the_banner_in_a_screen() {
        let banner = Image::pbm(BANNER).unwrap();
        assert_eq!((banner.w, banner.h), (536, 16));
        // The banner 48 rows down a black 600x100 screen.
        let mut ppm = b"P6\n600 100\n255\n".to_vec();
        for y in 0..100 {
            for x in 0..600 {
                let on = (48..64).contains(&y) && x < 536 && banner.lit[(y - 48) * 536 + x];
                ppm.extend(if on { [200; 3] } else { [0; 3] });
            }
        }
        let screen = Image::ppm(&ppm).unwrap();
        assert_eq!(screen.find_rows(&banner), Some(48));
        let black = Image::ppm(b"P6\n2 1\n255\n\0\0\0\0\0\0").unwrap();
        assert_eq!(black.find_rows(&banner), None);
    }
}
