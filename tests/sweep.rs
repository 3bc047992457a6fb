//! `lkmc sweep` and `lkmc test --executor slurm`. The dry runs and the input
//! checks run anywhere; the real sweeps boot aarch64 guests (`#[ignore]`, as
//! the other real boots: `cargo test -- --include-ignored`) and the Slurm ones
//! need the one-node cluster of scripts/slurm-local.sh (CI starts it; without
//! it they say so and pass). Sweeps take run ids 40 to 59.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn lkmc_cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lkmc"));
    c.args(args)
        .env("LKMC_REPO", REPO)
        .env_remove("LKMC_OUT_DIR")
        .current_dir(REPO);
    c
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn lkmc(args: &[&str]) -> (i32, String) {
    let o = lkmc_cmd(args).output().expect("lkmc runs");
    (o.status.code().unwrap_or(-1), text(&o))
}

/// The sweep of the issue: 2 CPU counts x 3 memory sizes, `nproc` in each guest.
fn sweep_args<'a>(name: &'a str, first_id: &'a str, executor: &'a str) -> Vec<&'a str> {
    vec![
        "sweep",
        "--arch",
        "aarch64",
        "--executor",
        executor,
        "--name",
        name,
        "-j",
        "2",
        "--first-run-id",
        first_id,
        "--vary",
        "cpus=1,2",
        "--vary",
        "memory=128M,256M,512M",
        "--",
        "--net-restrict",
        "--eval",
        "nproc",
    ]
}

fn sweep_dir(name: &str) -> PathBuf {
    Path::new(REPO).join("out/sweep").join(name)
}

#[test]
fn dry_run_prints_the_sbatch_script_and_the_submission() {
    let mut a = vec!["--dry-run"];
    a.extend(sweep_args("dry", "40", "slurm"));
    let out = Command::new(env!("CARGO_BIN_EXE_lkmc"))
        .args(&a)
        .env("LKMC_REPO", REPO)
        .env("LKMC_OUT_DIR", "/nonexistent/lkmc-sweep-out")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let t = text(&out)
        .replace("/nonexistent/lkmc-sweep-out", "$OUT")
        .replace(env!("CARGO_BIN_EXE_lkmc"), "$LKMC_EXE")
        .replace(REPO, "$LKMC");
    insta::assert_snapshot!("sweep_slurm_dry_run", t);
    assert!(!Path::new("/nonexistent/lkmc-sweep-out").exists());
}

#[test]
fn a_rejected_value_fails_the_sweep_before_anything_runs() {
    let out = tempfile::tempdir().unwrap();
    let o = out.path().to_str().unwrap();
    let (code, t) = lkmc(&[
        "sweep",
        "--arch",
        "aarch64",
        "--executor",
        "slurm",
        "--out-dir",
        o,
        "--vary",
        "memory=128M,1X",
        "--",
        "--eval",
        "true",
    ]);
    assert_eq!(code, 2, "{t}");
    assert!(
        t.contains("point 1 (memory=1X) is rejected: --memory '1X' is not a size"),
        "{t}"
    );
    assert!(!out.path().join("sweep").exists(), "nothing is written");
    let (code, t) = lkmc(&["sweep", "--out-dir", o, "--vary", "l2_size=1MB,2MB"]);
    assert_eq!(code, 2, "{t}");
    assert!(t.contains("`lkmc run` has no option --l2_size"), "{t}");
}

#[test]
fn no_sbatch_is_an_error_naming_the_packages() {
    let out = tempfile::tempdir().unwrap();
    let o = lkmc_cmd(&[
        "sweep",
        "--executor",
        "slurm",
        "--arch",
        "aarch64",
        "--out-dir",
        out.path().to_str().unwrap(),
        "--vary",
        "cpus=1,2",
        "--",
        "--eval",
        "true",
    ])
    .env("PATH", "/nonexistent")
    .output()
    .unwrap();
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    for p in [
        "sbatch not found",
        "slurm-client",
        "slurmctld",
        "slurmd",
        "munge",
        "-D",
    ] {
        assert!(t.contains(p), "{p}: {t}");
    }
}

/// Whether the local cluster answers; says why not.
fn slurm_up() -> bool {
    match Command::new("sinfo").arg("-h").output() {
        Ok(o) if o.status.success() && !o.stdout.is_empty() => true,
        _ => {
            eprintln!(
                "skipped: no Slurm cluster answers (apt-get install slurmctld slurmd \
                 slurm-client munge; scripts/slurm-local.sh start)"
            );
            false
        }
    }
}

fn results(name: &str) -> Vec<serde_json::Value> {
    let p = sweep_dir(name).join("results.json");
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// (values, status) of each point.
fn outcome(name: &str) -> Vec<(String, String)> {
    results(name)
        .iter()
        .map(|r| (r["values"].to_string(), r["status"].to_string()))
        .collect()
}

#[test]
#[ignore = "boots aarch64 guests; the Slurm half needs scripts/slurm-local.sh start"]
fn local_and_slurm_sweeps_give_the_same_points() {
    let (code, t) = lkmc(&sweep_args("test-local", "40", "local"));
    assert_eq!(code, 0, "{t}");
    assert!(t.contains("6 points: 6 ok, 0 failed, 0 missing"), "{t}");
    let d = sweep_dir("test-local");
    let csv = std::fs::read_to_string(d.join("results.csv")).unwrap();
    assert_eq!(csv.lines().count(), 7, "{csv}");
    assert!(csv.starts_with("index,cpus,memory,status,exit_code,seconds,run_id,run_dir\n"));
    let svg = std::fs::read_to_string(d.join("chart.svg")).unwrap();
    assert!(svg.contains("memory=512M") && svg.contains("seconds by cpus"));
    // Each point's guest saw its own CPU count.
    let log = std::fs::read_to_string(d.join("points/4/log.txt")).unwrap();
    assert!(log.lines().any(|l| l.trim() == "2"), "{log}");
    if !slurm_up() {
        return;
    }
    let (code, t) = lkmc(&sweep_args("test-slurm", "46", "slurm"));
    assert_eq!(code, 0, "{t}");
    let script = std::fs::read_to_string(sweep_dir("test-slurm").join("slurm/job.sbatch")).unwrap();
    assert!(script.contains("#SBATCH --array=0-5%2\n"), "{script}");
    assert_eq!(outcome("test-local"), outcome("test-slurm"));
    assert!(sweep_dir("test-slurm").join("chart.svg").exists());
}

fn wait_for(path: &Path, limit: Duration) -> String {
    let t = Instant::now();
    while t.elapsed() < limit {
        if let Ok(s) = std::fs::read_to_string(path)
            && !s.trim().is_empty()
        {
            return s.trim().to_string();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{} did not appear", path.display());
}

fn mtime(p: PathBuf) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

#[test]
#[ignore = "boots aarch64 guests on the Slurm of scripts/slurm-local.sh"]
fn a_cancelled_task_is_missing_and_resume_runs_only_it() {
    if !slurm_up() {
        return;
    }
    let name = "test-resume";
    let _ = std::fs::remove_file(sweep_dir(name).join("slurm/job_id"));
    let child = lkmc_cmd(&sweep_args(name, "52", "slurm"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let job = wait_for(
        &sweep_dir(name).join("slurm/job_id"),
        Duration::from_secs(120),
    );
    // Task 5 waits behind the throttle (%2) while tasks 0 and 1 boot.
    let st = Command::new("scancel")
        .arg(format!("{job}_5"))
        .status()
        .unwrap();
    assert!(st.success());
    let o = child.wait_with_output().unwrap();
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("6 points: 5 ok, 0 failed, 1 missing"), "{t}");
    assert!(t.contains("point 5 (cpus=2 memory=512M): missing"), "{t}");
    assert!(t.contains("slurm: CANCELLED"), "{t}");
    let before: Vec<_> = (0..5)
        .map(|i| mtime(sweep_dir(name).join(format!("points/{i}/result.json"))))
        .collect();
    let mut a = sweep_args(name, "52", "slurm");
    a.insert(1, "--resume");
    let (code, t) = lkmc(&a);
    assert_eq!(code, 0, "{t}");
    assert!(t.contains("submitted 1 points"), "{t}");
    assert!(t.contains("6 points: 6 ok, 0 failed, 0 missing"), "{t}");
    let script = std::fs::read_to_string(sweep_dir(name).join("slurm/job.sbatch")).unwrap();
    assert!(script.contains("#SBATCH --array=5%2\n"), "{script}");
    let after: Vec<_> = (0..5)
        .map(|i| mtime(sweep_dir(name).join(format!("points/{i}/result.json"))))
        .collect();
    assert_eq!(before, after, "the points that were ok did not run again");
}

/// The closing `N passed, N failed, N skipped` line of `lkmc test`.
fn summary(t: &str) -> String {
    t.lines()
        .rfind(|l| l.contains(" passed, "))
        .unwrap_or_else(|| panic!("no summary: {t}"))
        .to_string()
}

#[test]
#[ignore = "boots aarch64 guests on the Slurm of scripts/slurm-local.sh"]
fn test_matrix_on_slurm_gives_the_local_totals() {
    if !slurm_up() {
        return;
    }
    let a = ["test", "--arch", "aarch64", "--suite", "modules", "hello*"];
    let (code, local) = lkmc(&a);
    assert_eq!(code, 0, "{local}");
    let mut s = a.to_vec();
    s.extend(["--executor", "slurm"]);
    let (code, slurm) = lkmc(&s);
    assert_eq!(code, 0, "{slurm}");
    assert_eq!(summary(&local), summary(&slurm));
    assert!(summary(&slurm).starts_with(|c: char| c.is_ascii_digit() && c != '0'));
    // One test per task: a boot each, the same totals.
    s.extend(["--tests-per-task", "1"]);
    let (code, chunked) = lkmc(&s);
    assert_eq!(code, 0, "{chunked}");
    assert!(chunked.contains("submitted 2 test tasks"), "{chunked}");
    assert_eq!(summary(&local), summary(&chunked));
    assert!(
        slurm.contains("out/test/junit.xml"),
        "merged into out/test: {slurm}"
    );
}
