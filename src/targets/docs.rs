//! README.adoc to HTML with Asciidoctor.
use super::Ctx;
use crate::command::Cmd;
use crate::plan::{Plan, Step};
use anyhow::Result;

pub fn plan(c: &Ctx) -> Result<Plan> {
    let l = c.l;
    let readme = l.repo.join("README.adoc");
    let html = l.out.join("README.html");
    let mut p = Plan::default();
    // README.adoc includes the files under doc/, so they are inputs too.
    p.push(
        Step::new("docs", "building README.html")
            .action(
                Cmd::new("asciidoctor")
                    .line(["-o".to_string(), html.display().to_string()])
                    .arg_path(&readme),
            )
            .fresh_when(vec![readme, l.repo.join("doc")], vec![html]),
    );
    Ok(p)
}
