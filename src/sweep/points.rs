//! The points of a sweep: the cross product of the `--vary` values, and the
//! `lkmc run` command line of each point.

use crate::cli::{Cli, Common, Emulator};
use crate::usage_error;
use anyhow::Result;
use clap::{CommandFactory, ValueEnum};

/// `--vary NAME=V1,V2,...`.
#[derive(Clone, Debug, PartialEq)]
pub struct Vary {
    pub name: String,
    pub values: Vec<String>,
}

/// Options the sweep sets itself, so a point cannot vary them.
const SET_BY_SWEEP: [&str; 7] = [
    "run-id",
    "out-dir",
    "dry-run",
    "plan-json",
    "print-cmd-oneline",
    "config-file",
    "quiet",
];

pub fn parse_vary(s: &str) -> Result<Vary> {
    let bad = |why: &str| usage_error(format!("--vary {s:?}: {why}; give NAME=VALUE1,VALUE2,..."));
    let (name, values) = s.split_once('=').ok_or_else(|| bad("no '='"))?;
    let name = name.trim().trim_start_matches("--").to_string();
    if name.is_empty() {
        return Err(bad("no option name"));
    }
    if SET_BY_SWEEP.contains(&name.as_str()) {
        return Err(bad("the sweep sets this option itself"));
    }
    let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
    if values.iter().any(String::is_empty) {
        return Err(bad("an empty value"));
    }
    let mut sorted = values.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != values.len() {
        return Err(bad("a value comes twice"));
    }
    Ok(Vary { name, values })
}

/// Every combination of values, the first `--vary` varying slowest.
pub fn cross(varies: &[Vary]) -> Vec<Vec<(String, String)>> {
    let mut points: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for v in varies {
        points = points
            .into_iter()
            .flat_map(|p| {
                v.values.iter().map(move |x| {
                    let mut q = p.clone();
                    q.push((v.name.clone(), x.clone()));
                    q
                })
            })
            .collect();
    }
    points
}

/// Whether `name` is a long option of `lkmc run` (its own or a common one),
/// and if so whether it takes a value.
pub fn run_option(name: &str) -> Option<bool> {
    let mut cmd = Cli::command();
    cmd.build();
    let run = cmd.find_subcommand("run")?;
    run.get_arguments()
        .find(|a| a.get_long() == Some(name))
        .map(|a| a.get_action().takes_values())
}

/// The emulator a point runs on: its own `--vary emulator` value, else the sweep's.
pub fn emulator_of(values: &[(String, String)], c: &Common) -> Result<Emulator> {
    match values.iter().find(|(k, _)| k == "emulator") {
        None => Ok(c.emulator),
        Some((_, v)) => Emulator::from_str(v, true)
            .map_err(|_| usage_error(format!("--vary emulator: '{v}' is not an emulator"))),
    }
}

/// The words that carry one value: an `lkmc run` option, or for gem5 an
/// option of its config script (after `--`). Flags take true or false.
fn words(name: &str, value: &str, gem5: bool) -> Result<(Vec<String>, Vec<String>)> {
    match run_option(name) {
        Some(true) => Ok((vec![format!("--{name}={value}")], vec![])),
        Some(false) => match value {
            "true" | "on" | "yes" => Ok((vec![format!("--{name}")], vec![])),
            "false" | "off" | "no" => Ok((vec![], vec![])),
            _ => Err(usage_error(format!(
                "--vary {name}: --{name} is a flag, so its values are true and false, not '{value}'"
            ))),
        },
        None if gem5 => Ok((vec![], vec![format!("--{name}={value}")])),
        None => Err(usage_error(format!(
            "--vary {name}: `lkmc run` has no option --{name} (see `lkmc run --help`); \
             names that are not lkmc's go to gem5's config script, and this point runs on QEMU"
        ))),
    }
}

fn push_opt(w: &mut Vec<String>, name: &str, v: Option<impl std::fmt::Display>) {
    if let Some(v) = v {
        w.push(format!("--{name}={v}"));
    }
}

fn value_name<T: ValueEnum>(v: &Option<T>) -> Option<String> {
    v.as_ref()
        .and_then(|x| x.to_possible_value())
        .map(|p| p.get_name().to_string())
}

/// The sweep's own common options, passed on to every point (those that
/// differ from the defaults).
pub fn common_words(c: &Common) -> Vec<String> {
    let mut w = Vec::new();
    push_opt(&mut w, "arch", c.arch.map(|a| a.name()));
    if c.emulator != Emulator::Qemu {
        push_opt(&mut w, "emulator", Some(c.emulator.name()));
    }
    push_opt(&mut w, "out-dir", c.out_dir.as_ref().map(|p| p.display()));
    push_opt(
        &mut w,
        "config-file",
        c.config_file.as_ref().map(|p| p.display()),
    );
    let ids = [
        ("linux-build-id", &c.linux_build_id),
        ("buildroot-build-id", &c.buildroot_build_id),
        ("userland-build-id", &c.userland_build_id),
        ("gem5-build-id", &c.gem5_build_id),
        ("qemu-build-id", &c.qemu_build_id),
        ("crosstool-ng-build-id", &c.crosstool_ng_build_id),
    ];
    for (name, v) in ids {
        push_opt(&mut w, name, (v != "default").then_some(v));
    }
    if c.gem5_build_type != crate::cli::Gem5BuildType::Opt {
        push_opt(&mut w, "gem5-build-type", Some(c.gem5_build_type.name()));
    }
    push_opt(&mut w, "gcc-which", value_name(&c.gcc_which));
    push_opt(&mut w, "qemu-which", value_name(&c.qemu_which));
    push_opt(&mut w, "gdb-which", value_name(&c.gdb_which));
    push_opt(&mut w, "rootfs-which", value_name(&c.rootfs_which));
    push_opt(&mut w, "machine", c.machine.as_ref());
    for u in &c.userlands {
        push_opt(&mut w, "userland", Some(u.display()));
    }
    push_opt(
        &mut w,
        "baremetal",
        c.baremetal.as_ref().map(|p| p.display()),
    );
    if c.static_ {
        w.push("--static".into());
    }
    w
}

/// The `lkmc run` command line of one point: the sweep's common options, the
/// point's run id and values, then the run options given after `--` (gem5
/// config options go after the run's own `--`).
pub fn run_argv(
    exe: &str,
    c: &Common,
    run_args: &[String],
    values: &[(String, String)],
    run_id: u32,
) -> Result<Vec<String>> {
    let gem5 = emulator_of(values, c)? == Emulator::Gem5;
    let split = run_args.iter().position(|w| w == "--");
    let (before, after) = match split {
        Some(i) => (&run_args[..i], &run_args[i + 1..]),
        None => (run_args, &[][..]),
    };
    let mut argv = vec![exe.to_string(), "run".into()];
    argv.extend(common_words(c).into_iter().filter(|w| {
        // A varied common option (e.g. --emulator) comes from the point.
        !values
            .iter()
            .any(|(k, _)| w.starts_with(&format!("--{k}=")))
    }));
    argv.push(format!("--run-id={run_id}"));
    let mut extra: Vec<String> = after.to_vec();
    for (k, v) in values {
        let given = |w: &String| w == &format!("--{k}") || w.starts_with(&format!("--{k}="));
        if before.iter().chain(after).any(given) {
            return Err(usage_error(format!(
                "--{k} is both varied (--vary) and given after `--`: give it in one place"
            )));
        }
        let (lkmc, emu) = words(k, v, gem5)?;
        argv.extend(lkmc);
        extra.extend(emu);
    }
    argv.extend(before.iter().cloned());
    if !extra.is_empty() {
        argv.push("--".into());
        argv.extend(extra);
    }
    Ok(argv)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vary {
        parse_vary(s).unwrap()
    }

    #[test]
    fn cross_product_first_vary_slowest() {
        let p = cross(&[v("cpus=1,2"), v("memory=128M,256M,512M")]);
        assert_eq!(p.len(), 6);
        assert_eq!(
            p[0],
            vec![
                ("cpus".into(), "1".into()),
                ("memory".into(), "128M".into())
            ]
        );
        assert_eq!(
            p[5],
            vec![
                ("cpus".into(), "2".into()),
                ("memory".into(), "512M".into())
            ]
        );
    }

    #[test]
    fn bad_varies_say_why() {
        for bad in ["cpus", "=1", "cpus=1,,2", "cpus=1,1", "run-id=1,2"] {
            assert!(parse_vary(bad).is_err(), "{bad}");
        }
        assert_eq!(v("--cpus=1, 2").values, ["1", "2"]);
    }

    #[test]
    fn run_options_are_known_with_their_kind() {
        assert_eq!(run_option("cpus"), Some(true));
        assert_eq!(run_option("kvm"), Some(false));
        assert_eq!(run_option("arch"), Some(true), "common options count");
        assert_eq!(run_option("cpu-type"), Some(true));
        assert_eq!(run_option("l2_size"), None, "gem5 config options are not");
    }
}
