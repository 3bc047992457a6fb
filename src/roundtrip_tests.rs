//! The printed commands are real shell: for every command of a matrix of real
//! plans, bash runs the printed text (with the program swapped for a probe
//! that records what it got) and the probe must see exactly the command's
//! argv, environment additions, working directory and redirections.

use crate::cli::Cli;
use crate::command::{Action, Cmd};
use crate::layout::Layout;
use crate::render;
use clap::Parser;
use std::collections::HashMap;
use std::path::Path;

const PROBE: &str = r#"#!/bin/bash
printf '%s\0' "$@" > "$PROBE_DIR/argv"
pwd > "$PROBE_DIR/cwd"
env -0 > "$PROBE_DIR/env"
if [ -n "$PROBE_STDIN" ]; then cat > "$PROBE_DIR/stdin"; fi
echo probe-stdout
"#;

fn plans(out: &Path) -> Vec<Cmd> {
    let o = out.display().to_string();
    let repo = crate::layout::find_repo();
    let userland = repo.join("userland/c/hello.c").display().to_string();
    let baremetal = repo.join("baremetal/hello.c").display().to_string();
    let mut cmds = Vec::new();
    let argsets: Vec<Vec<&str>> = vec![
        vec![
            "build",
            "--arch",
            "aarch64",
            "--config",
            "CONFIG_CMDLINE=\"a b $HOME 'q'\"",
        ],
        vec!["build", "--arch", "arm"],
        vec!["build", "--arch", "x86_64", "-D"],
        vec![
            "run",
            "--eval",
            "echo \"it's\" $HOME; exit 3",
            "--kernel-cli",
            "a='b c'",
        ],
        vec![
            "run",
            "--arch",
            "aarch64",
            "--userland",
            &userland,
            "--cli-args",
            "x 'y z' \"$w\"",
        ],
        vec!["build", "--arch", "aarch64", "baremetal"],
        vec![
            "run",
            "--arch",
            "arm",
            "--emulator",
            "gem5",
            "--baremetal",
            &baremetal,
            "--cli-args",
            "'a b' c",
        ],
        vec!["run", "--arch", "aarch64", "--baremetal", &baremetal],
        vec!["gdb", "--before", "-ex 'echo hi'", "start_kernel"],
        vec!["gdb", "--module", "hello", "hello_init"],
    ];
    for words in argsets {
        let mut argv = vec!["lkmc", "--out-dir", o.as_str(), "-j", "2"];
        argv.extend(words.iter().copied());
        let cli = Cli::parse_from(&argv);
        let common = cli.common.clone().resolve().unwrap();
        let l = Layout::new(&common, common.arch());
        match &cli.command {
            crate::cli::Command::Build(a) => {
                let bo = crate::targets::BuildOpts::from_args(a, false);
                let targets = if a.targets.is_empty() {
                    vec![crate::targets::default_target(&l).to_string()]
                } else {
                    a.targets.clone()
                };
                let mut p = crate::plan::Plan::default();
                if a.download_dependencies {
                    p.extend(crate::targets::deps::plan(&l, &bo, &targets).unwrap());
                }
                p.extend(crate::targets::plan(&targets, &l, &bo).unwrap());
                for a in p.actions() {
                    if let Action::Run(c) = a {
                        cmds.push(c.clone());
                    }
                }
            }
            crate::cli::Command::Run(a) => {
                cmds.push(crate::run::plan(&l, &common, a).unwrap().main);
            }
            crate::cli::Command::Gdb(a) => {
                cmds.push(crate::gdb::command(&l, &common, a).unwrap());
            }
            _ => unreachable!(),
        }
    }
    cmds
}

fn read_nul(p: &Path) -> Vec<String> {
    let bytes = std::fs::read(p).unwrap();
    bytes
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).to_string())
        .collect()
}

fn check(c: &Cmd, text: &str, probe_dir: &Path) {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(text)
        .env("PROBE_DIR", probe_dir)
        .env("PROBE_STDIN", if c.stdin.is_some() { "1" } else { "" })
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "bash failed on:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let argv = read_nul(&probe_dir.join("argv"));
    assert_eq!(argv, c.args, "argv differs for:\n{text}");
    let cwd = std::fs::read_to_string(probe_dir.join("cwd")).unwrap();
    let expected_cwd = c
        .cwd
        .clone()
        .unwrap_or_else(|| std::env::current_dir().unwrap());
    assert_eq!(
        Path::new(cwd.trim()),
        expected_cwd,
        "cwd differs for:\n{text}"
    );
    let env: HashMap<String, String> = read_nul(&probe_dir.join("env"))
        .into_iter()
        .filter_map(|kv| {
            kv.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    for (k, v) in &c.env {
        assert_eq!(env.get(k), Some(v), "env {k} differs for:\n{text}");
    }
    if let Some(r) = &c.stdout {
        let got = std::fs::read_to_string(&r.path).unwrap();
        assert_eq!(got, "probe-stdout\n", "stdout redirect for:\n{text}");
    }
}

#[test]
fn printed_commands_run_the_same_in_bash() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let probe_dir = tmp.path().join("probe");
    std::fs::create_dir_all(&probe_dir).unwrap();
    let probe = tmp.path().join("probe.sh");
    std::fs::write(&probe, PROBE).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cmds = plans(&out);
    assert!(cmds.len() > 20, "the matrix covers many commands");
    for mut c in cmds {
        c.program = probe.display().to_string();
        if let Some(d) = &c.cwd {
            std::fs::create_dir_all(d).unwrap();
        }
        if let Some(i) = &c.stdin {
            std::fs::create_dir_all(i.parent().unwrap()).unwrap();
            std::fs::write(i, "").unwrap();
        }
        if let Some(r) = &c.stdout {
            std::fs::create_dir_all(r.path.parent().unwrap()).unwrap();
        }
        check(&c, &render::multiline(&c)[2..], &probe_dir);
        check(&c, &render::oneline(&c), &probe_dir);
    }
}

#[test]
fn heredoc_writes_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("f");
    let content = "a 'b' \"c\" $HOME `x`\nEOF\n\\n\n";
    let text = render::write_file(&path, content, false, false);
    let st = std::process::Command::new("bash")
        .arg("-c")
        .arg(&text)
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}
