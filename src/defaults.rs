//! Default options from TOML files, as upstream's default-arguments config:
//! `<repo>/lkmc.toml`, `~/.config/lkmc/config.toml`, then `--config-file F`.
//! Later files win and the command line beats them all: the files' options are
//! inserted before the user's own words, and a repeated option keeps its last
//! value.
//!
//! ```toml
//! arch = "aarch64"        # top-level keys: options of every subcommand
//! [run]                   # tables: options of one subcommand
//! memory = "512M"
//! kernel-cli = ["loglevel=8"]
//! ```

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

const SUBCOMMANDS: [&str; 10] = [
    "build",
    "run",
    "gdb",
    "test",
    "getvar",
    "qemu-monitor",
    "gem5-shell",
    "gem5-stat",
    "toolchain",
    "sweep",
];

fn value_words(key: &str, v: &toml::Value) -> Result<Vec<String>> {
    let flag = format!("--{}", key.replace('_', "-"));
    Ok(match v {
        toml::Value::Boolean(true) => vec![flag],
        toml::Value::Boolean(false) => vec![],
        toml::Value::String(s) => vec![format!("{flag}={s}")],
        toml::Value::Integer(i) => vec![format!("{flag}={i}")],
        toml::Value::Float(f) => vec![format!("{flag}={f}")],
        toml::Value::Array(a) => {
            let mut out = Vec::new();
            for x in a {
                out.extend(value_words(key, x)?);
            }
            out
        }
        _ => bail!("option '{key}': use a string, number, boolean or list"),
    })
}

/// Words for the global options and for each subcommand's table.
/// Words of one subcommand's table.
type TableWords = (String, Vec<String>);

fn words_of(path: &Path) -> Result<(Vec<String>, Vec<TableWords>)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .with_context(|| format!("{} is not valid TOML", path.display()))?;
    let mut global = Vec::new();
    let mut per_sub = Vec::new();
    for (k, v) in &table {
        match v {
            toml::Value::Table(t) => {
                if !SUBCOMMANDS.contains(&k.as_str()) {
                    bail!(
                        "{}: [{k}] is not a subcommand; use one of: {}",
                        path.display(),
                        SUBCOMMANDS.join(", ")
                    );
                }
                let mut w = Vec::new();
                for (k2, v2) in t {
                    w.extend(value_words(k2, v2)?);
                }
                per_sub.push((k.clone(), w));
            }
            _ => global.extend(value_words(k, v)?),
        }
    }
    Ok((global, per_sub))
}

fn explicit_config_file(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter().map(|a| a.to_string_lossy().to_string());
    while let Some(a) = it.next() {
        if a == "--config-file" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--config-file=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// The argument list with defaults from the config files inserted.
pub fn apply(args: Vec<OsString>, repo: &Path) -> Result<Vec<OsString>> {
    let mut files: Vec<PathBuf> = Vec::new();
    let repo_file = repo.join("lkmc.toml");
    if repo_file.is_file() {
        files.push(repo_file);
    }
    if let Some(home) = std::env::var_os("HOME") {
        let user = PathBuf::from(home).join(".config/lkmc/config.toml");
        if user.is_file() {
            files.push(user);
        }
    }
    if let Some(f) = explicit_config_file(&args) {
        if !f.is_file() {
            bail!("--config-file {} does not exist", f.display());
        }
        files.push(f);
    }
    if files.is_empty() {
        return Ok(args);
    }
    let sub_index = args
        .iter()
        .position(|a| SUBCOMMANDS.contains(&a.to_string_lossy().as_ref()));
    let Some(sub_index) = sub_index else {
        return Ok(args);
    };
    let sub = args[sub_index].to_string_lossy().to_string();
    let mut inserted: Vec<String> = Vec::new();
    for f in &files {
        let (global, per_sub) = words_of(f)?;
        inserted.extend(global);
        for (name, w) in per_sub {
            if name == sub {
                inserted.extend(w);
            }
        }
    }
    let mut out: Vec<OsString> = args[..=sub_index].to_vec();
    out.extend(inserted.into_iter().map(OsString::from));
    out.extend(args[sub_index + 1..].iter().cloned());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_options_come_before_the_users() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("lkmc.toml"),
            "arch = \"aarch64\"\n[run]\nmemory = \"1G\"\nkvm = true\n",
        )
        .unwrap();
        let args: Vec<OsString> = ["lkmc", "run", "--arch", "arm"]
            .iter()
            .map(OsString::from)
            .collect();
        let out = apply(args, dir.path()).unwrap();
        let out: Vec<String> = out
            .iter()
            .map(|s| s.to_string_lossy().to_string())
            .collect();
        let expected = [
            "lkmc",
            "run",
            "--arch=aarch64",
            "--kvm",
            "--memory=1G",
            "--arch",
            "arm",
        ];
        assert_eq!(out, expected);
        // The command line beats the file; the file fills in the rest.
        use clap::Parser;
        let cli = crate::cli::Cli::parse_from(&out);
        assert_eq!(cli.common.arch(), crate::arch::Arch::Arm);
        match cli.command {
            crate::cli::Command::Run(r) => {
                assert_eq!(r.memory, "1G");
                assert!(r.kvm);
            }
            _ => panic!("run expected"),
        }
    }
}
