//! Pins the run id of dry runs that leave it out.
//!
//! Without `-n`, lkmc takes the lowest id whose ports are free on the host,
//! so a port that something else holds (another test's guest, a CI service
//! on 7000) would shift the ids and ports in a snapshot. Snapshots show id 0;
//! the choice itself is covered by run_record's unit tests.

/// `args`, after `--run-id 0` unless they give a run id (first, so that it
/// stays before any `--` that ends lkmc's options).
pub fn pinned<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let gives_id = args
        .iter()
        .any(|a| *a == "-n" || *a == "--run-id" || a.starts_with("--run-id="));
    let pin: &[&str] = if gives_id { &[] } else { &["--run-id", "0"] };
    [pin, args].concat()
}
