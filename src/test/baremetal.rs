//! The baremetal suite: every program `lkmc build baremetal` makes for the
//! arch runs on QEMU's bare machine; what its source comment announces
//! (see announced.rs) must hold.

use super::Runner;
use super::announced::expectations;
use super::ktap::{Status, TestResult};
use crate::arch::Arch;
use crate::cli::RunArgs;
use anyhow::Result;
use std::path::Path;
use std::time::Instant;

pub fn suite(r: &mut Runner, arch: Arch) -> Result<()> {
    let mut l = r.layout(arch);
    if !arch.supports_baremetal() {
        r.record(TestResult {
            suite: "baremetal".into(),
            arch: arch.name().into(),
            name: "baremetal".into(),
            status: Status::Skip,
            seconds: 0.0,
            details: "baremetal programs are for arm and aarch64".into(),
        });
        return Ok(());
    }
    // The suite runs QEMU's images, whatever emulator the options name.
    l.emulator = crate::cli::Emulator::Qemu;
    l.machine = arch.qemu_default_machine().into();
    for rel in crate::targets::baremetal::sources(&l) {
        let name = rel.with_extension("").display().to_string();
        if !r.wants(&name) {
            continue;
        }
        let started = Instant::now();
        let res = run_one(r, &l, &rel);
        r.result("baremetal", arch, &name, started, res);
    }
    Ok(())
}

fn run_one(r: &Runner, l: &crate::layout::Layout, rel: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(l.repo.join(rel)).map_err(|e| e.to_string())?;
    let want = expectations(&source)?;
    let image = crate::targets::baremetal::image_for(l, rel);
    if !image.exists() {
        return Err(format!(
            "{} is not built: run `lkmc build --arch {} baremetal`",
            image.display(),
            l.arch
        ));
    }
    let mut c = r.common.clone();
    c.emulator = crate::cli::Emulator::Qemu;
    c.baremetal = Some(l.repo.join(rel));
    let a = RunArgs {
        cli_args: want.args.clone(),
        ..Default::default()
    };
    let fail = |e: anyhow::Error| format!("{e:#}");
    // A program ends in well under a second; the limit only guards against hangs.
    let Some((_, out)) = r
        .launch(l.clone(), &c, &a, r.args.timeout, false)
        .map_err(fail)?
    else {
        return Ok(());
    };
    let code = out.exit_code();
    let tail = super::tail(&out.output, 20);
    if out.timed_out {
        return Err(format!("did not finish in {} s\n{tail}", r.args.timeout));
    }
    if code != want.exit {
        return Err(format!(
            "exit status {code}, expected {}\n{tail}",
            want.exit
        ));
    }
    if let Some(missing) = want
        .output
        .iter()
        .find(|w| !out.output.contains(w.as_str()))
    {
        return Err(format!("expected '{missing}' in the output:\n{tail}"));
    }
    Ok(())
}
