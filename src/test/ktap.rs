//! Reading the KTAP that rootfs_overlay/lkmc/test/run.sh prints in the guest.

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Skip,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct TestResult {
    pub suite: String,
    pub arch: String,
    pub name: String,
    pub status: Status,
    pub seconds: f64,
    /// Why it failed or was skipped, and what it printed.
    pub details: String,
}

/// Results of one KTAP stream, with each test's diagnostic lines (`# ...`).
pub fn parse(text: &str, suite: &str, arch: &str) -> (Vec<TestResult>, Option<usize>) {
    let mut results = Vec::new();
    let mut plan = None;
    let mut diag = String::new();
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if let Some(n) = line.strip_prefix("1..") {
            plan = n.trim().parse().ok();
            continue;
        }
        if let Some(d) = line.strip_prefix("# ") {
            diag.push_str(d);
            diag.push('\n');
            continue;
        }
        let (ok, rest) = if let Some(r) = line.strip_prefix("ok ") {
            (true, r)
        } else if let Some(r) = line.strip_prefix("not ok ") {
            (false, r)
        } else {
            continue;
        };
        let mut words = rest.splitn(2, ' ');
        if words.next().and_then(|n| n.parse::<usize>().ok()).is_none() {
            continue;
        }
        let rest = words.next().unwrap_or("");
        let (name, directive) = match rest.split_once(" # ") {
            Some((n, d)) => (n.trim().to_string(), d.trim().to_string()),
            None => (rest.trim().to_string(), String::new()),
        };
        let status = if !ok {
            Status::Fail
        } else if directive.to_uppercase().starts_with("SKIP") {
            Status::Skip
        } else {
            Status::Pass
        };
        let seconds = duration_of(&diag, &name).unwrap_or(0.0);
        let mut details = std::mem::take(&mut diag);
        if !directive.is_empty() {
            details.push_str(&directive);
        }
        results.push(TestResult {
            suite: suite.into(),
            arch: arch.into(),
            name,
            status,
            seconds,
            details,
        });
    }
    (results, plan)
}

/// run.sh prints `NAME: duration START..END` (guest uptime seconds).
fn duration_of(diag: &str, name: &str) -> Option<f64> {
    let prefix = format!("{name}: duration ");
    let line = diag.lines().find_map(|l| l.strip_prefix(prefix.as_str()))?;
    let (a, b) = line.split_once("..")?;
    Some(b.trim().parse::<f64>().ok()? - a.trim().parse::<f64>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_results_diagnostics_and_skips() {
        let text = "KTAP version 1\r\n1..3\r\n# hello: duration 1.00..1.25\r\nok 1 hello\r\n# FAIL: x\r\nnot ok 2 procfs # exit status 1\r\n[ 3.0] noise\r\nok 3 float # SKIP not x86\r\n";
        let (r, plan) = parse(text, "modules", "arm");
        assert_eq!(plan, Some(3));
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].status, Status::Pass);
        assert!((r[0].seconds - 0.25).abs() < 1e-9);
        assert_eq!(r[1].status, Status::Fail);
        assert!(r[1].details.contains("FAIL: x"));
        assert_eq!(r[2].status, Status::Skip);
    }
}
