//! gem5 helper subcommands: the guest terminal (m5term) and statistics.

use crate::cli::{Emulator, Gem5StatArgs};
use crate::command::Cmd;
use crate::layout::Layout;
use crate::usage_error;
use anyhow::{Context, Result, bail};
use regex::Regex;
use std::path::Path;

/// m5term on the terminal port of this run id.
pub fn shell_cmd(l: &Layout) -> Cmd {
    Cmd::new(l.gem5_m5term().display().to_string())
        .arg("localhost")
        .arg(l.gem5_terminal_port().to_string())
}

/// `lkmc gem5-shell`: the terminal of a running gem5 guest.
pub fn shell(l: &Layout, eo: &crate::exec::ExecOptions) -> Result<i32> {
    let cmd = shell_cmd(l);
    if let Some(code) = crate::exec::print_only("gem5-shell", &cmd, eo)? {
        return Ok(code);
    }
    if !l.gem5_m5term().exists() {
        bail!(
            "m5term is not built ({}): run `lkmc build --arch {} gem5`",
            l.gem5_m5term().display(),
            l.arch
        );
    }
    // m5term puts its stdin in raw mode, and exits at once without a tty.
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(usage_error(format!(
            "lkmc gem5-shell needs a terminal on its stdin; a program can talk to the \
             guest's terminal on 127.0.0.1:{} itself",
            l.gem5_terminal_port()
        )));
    }
    crate::exec::run_foreground(&cmd)
}

/// One statistic of a dump: `name value` (gem5 follows with more columns and
/// a `#` description, which are left out).
fn stat_line(line: &str) -> Option<(&str, &str)> {
    let mut words = line.split_whitespace();
    let name = words.next()?;
    if name.starts_with('#') || name.starts_with("----------") {
        return None;
    }
    Some((name, words.next().unwrap_or("")))
}

/// A stat name as gem5 wrote it before version 21 (`simInsts` was
/// `sim_insts`): the names in older docs and scripts, LKMC's among them.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        out.push(ch.to_ascii_lowercase());
    }
    out
}

/// The `name value` lines of stats.txt whose name matches, in file order
/// (each `m5 dumpstats` adds a dump, so a name may come more than once).
/// A name matches as gem5 writes it or in its older snake_case form.
pub fn matching_stats(text: &str, re: &Regex) -> Vec<String> {
    text.lines()
        .filter_map(stat_line)
        .filter(|(name, _)| re.is_match(name) || re.is_match(&snake_case(name)))
        .map(|(name, value)| format!("{name} {value}"))
        .collect()
}

/// `lkmc gem5-stat REGEX`: like grep, exit status 1 when nothing matches.
pub fn stat(l: &Layout, a: &Gem5StatArgs) -> Result<i32> {
    let re = Regex::new(&a.regex)
        .map_err(|e| usage_error(format!("'{}' is not a valid regex: {e}", a.regex)))?;
    // gem5's run dir, whatever --emulator says.
    let mut g = l.clone();
    g.emulator = Emulator::Gem5;
    let path = g.m5out_dir().join("stats.txt");
    let text = read_stats(&path)?;
    let found = matching_stats(&text, &re);
    for line in &found {
        println!("{line}");
    }
    Ok(if found.is_empty() { 1 } else { 0 })
}

fn read_stats(path: &Path) -> Result<String> {
    if !path.exists() {
        bail!(
            "no gem5 statistics at {}: gem5 writes them when a run ends or the guest runs `m5 dumpstats`",
            path.display()
        );
    }
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATS: &str = "\n---------- Begin Simulation Statistics ----------
simSeconds                                   0.000057                       # Number of seconds simulated (Second)
simTicks                                     57467000                       # Number of ticks simulated (Tick)
system.cpu.numCycles                           114934                       # Number of cpu cycles simulated (Cycle)

---------- End Simulation Statistics   ----------

---------- Begin Simulation Statistics ----------
simTicks                                     60000000                       # Number of ticks simulated (Tick)
";

    #[test]
    fn matches_names_of_every_dump() {
        let re = Regex::new("^sim[TS]").unwrap();
        assert_eq!(
            matching_stats(STATS, &re),
            vec![
                "simSeconds 0.000057",
                "simTicks 57467000",
                "simTicks 60000000"
            ]
        );
        let re = Regex::new("numCycles").unwrap();
        assert_eq!(
            matching_stats(STATS, &re),
            vec!["system.cpu.numCycles 114934"]
        );
    }

    #[test]
    fn older_snake_case_names_match_too() {
        let re = Regex::new("^sim_seconds$|num_cycles").unwrap();
        assert_eq!(
            matching_stats(STATS, &re),
            vec!["simSeconds 0.000057", "system.cpu.numCycles 114934"]
        );
        assert_eq!(snake_case("hostInstRate"), "host_inst_rate");
    }

    #[test]
    fn markers_are_not_stats() {
        let re = Regex::new(".*").unwrap();
        assert_eq!(matching_stats(STATS, &re).len(), 4);
    }
}
