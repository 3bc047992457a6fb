//! The one launcher. `lkmc run`, every test suite and the GDB tests start an
//! emulator only through here: take a run id, plan the run, check its
//! inputs, write its files, record it, then run it with its console watched
//! (exit status line, panic, oops, timeout, signals: see console.rs).

use super::console::{self, Outcome, WatchOptions};
use super::{RunPlan, RunSpec, plan_spec};
use crate::cli::{Common, RunArgs};
use crate::layout::Layout;
use crate::run_record::{self, Claim, RunRecord};
use anyhow::Result;
use std::ops::Range;

/// `l` with the run id it takes: `-n` when given, else the lowest free id of
/// `ids` whose ports nothing listens on. The id is held until the returned
/// claim is dropped.
pub fn claim(mut l: Layout, c: &Common, ids: Range<u32>) -> Result<(Layout, Claim)> {
    let claim = run_record::claim(&l.out, c.run_id, ids, ports_free(&l))?;
    l.run_id = claim.id;
    // The console log of this id's last run: whoever watches the new run's
    // console from another thread (the tests) must not read the old one.
    let _ = std::fs::remove_file(l.termout());
    Ok((l, claim))
}

/// Whether every port of a run id (with `l`'s emulator) is free.
pub fn ports_free(l: &Layout) -> impl Fn(u32) -> bool + '_ {
    move |id| {
        let mut at = l.clone();
        at.run_id = id;
        at.ports().into_iter().all(crate::ports::free)
    }
}

/// What a run leaves for `lkmc gdb`.
fn record(l: &Layout, s: &RunSpec, rp: &RunPlan) -> Result<()> {
    run_record::write(
        &l.out,
        l.run_id,
        &RunRecord {
            arch: l.arch.name().into(),
            emulator: l.emulator.name().into(),
            mode: rp.mode.name().into(),
            gdb_wait: s.gdb_wait,
            gdb_port: l.gdb_port(),
        },
    )
}

/// Resolves `a` and starts it as `start_spec` does.
pub fn start(
    l: &Layout,
    c: &Common,
    a: &RunArgs,
    watch: &WatchOptions,
    before_start: impl FnOnce(&RunPlan) -> Result<()>,
) -> Result<Outcome> {
    start_spec(l, c, &RunSpec::resolve(l, c, a)?, watch, before_start)
}

/// Plans and prepares the run of `l` (whose id the caller holds), then runs
/// it; `before_start` sees the plan last (`lkmc run` prints it, opens tmux).
pub fn start_spec(
    l: &Layout,
    c: &Common,
    s: &RunSpec,
    watch: &WatchOptions,
    before_start: impl FnOnce(&RunPlan) -> Result<()>,
) -> Result<Outcome> {
    let rp = plan_spec(l, s)?;
    super::check_inputs(l, s, &rp)?;
    let quiet = crate::exec::ExecOptions {
        quiet: true,
        ..crate::exec::ExecOptions::from_common(c, l, false)
    };
    crate::exec::run_plan(&rp.prep, &quiet)?;
    // A real run leaves its exact command in the run dir, to run it again.
    crate::exec::save_script(&l.run_dir().join("run.sh"), &rp.main)?;
    record(l, s, &rp)?;
    before_start(&rp)?;
    console::run(&rp.main, &l.termout(), watch)
}

/// Claims an id of `ids` and runs: what test suites call.
pub fn claim_and_start(
    l: Layout,
    c: &Common,
    a: &RunArgs,
    ids: Range<u32>,
    watch: &WatchOptions,
) -> Result<(Layout, Outcome)> {
    let (l, _claim) = claim(l, c, ids)?;
    let out = start(&l, c, a, watch, |_| Ok(()))?;
    Ok((l, out))
}
