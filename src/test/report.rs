//! Test reports: the summary line, JUnit XML and JSON.

use super::ktap::{Status, TestResult};
use anyhow::Result;
use std::path::Path;

pub fn counts(r: &[TestResult]) -> (usize, usize, usize) {
    let n = |s: Status| r.iter().filter(|t| t.status == s).count();
    (n(Status::Pass), n(Status::Fail), n(Status::Skip))
}

/// The closing line: `N passed, N failed, N skipped`.
pub fn summary_line(r: &[TestResult]) -> String {
    let (p, f, s) = counts(r);
    format!("{p} passed, {f} failed, {s} skipped")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect()
}

pub fn junit(r: &[TestResult]) -> String {
    let (_, f, s) = counts(r);
    let total: f64 = r.iter().map(|t| t.seconds).sum();
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"lkmc\" tests=\"{}\" failures=\"{f}\" skipped=\"{s}\" time=\"{total:.3}\">\n",
        r.len()
    );
    for t in r {
        x.push_str(&format!(
            "  <testcase classname=\"{}.{}\" name=\"{}\" time=\"{:.3}\">",
            xml_escape(&t.suite),
            xml_escape(&t.arch),
            xml_escape(&t.name),
            t.seconds
        ));
        match t.status {
            Status::Pass => {}
            Status::Fail => x.push_str(&format!(
                "<failure message=\"failed\">{}</failure>",
                xml_escape(&t.details)
            )),
            Status::Skip => x.push_str(&format!(
                "<skipped message=\"{}\"/>",
                xml_escape(t.details.lines().last().unwrap_or(""))
            )),
        }
        x.push_str("</testcase>\n");
    }
    x.push_str("</testsuite>\n");
    x
}

pub fn write_all(dir: &Path, r: &[TestResult]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("junit.xml"), junit(r))?;
    std::fs::write(dir.join("results.json"), serde_json::to_string_pretty(r)?)?;
    Ok(())
}
