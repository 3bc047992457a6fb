//! Checking that a merged kernel .config kept what the fragments asked for.

use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Requested value of each option in a fragment: `y`, `m`, a string, or `n`
/// for `# CONFIG_X is not set` / `CONFIG_X=n`.
pub fn parse_fragment(text: &str) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("# ") {
            if let Some(name) = rest.strip_suffix(" is not set") {
                v.push((name.to_string(), "n".to_string()));
            }
        } else if line.starts_with("CONFIG_")
            && let Some((k, val)) = line.split_once('=')
        {
            v.push((k.to_string(), val.to_string()));
        }
    }
    v
}

fn parse_config(text: &str) -> HashMap<String, String> {
    parse_fragment(text).into_iter().collect()
}

/// Lists the options of the fragments that the final .config does not have.
/// Where fragments disagree the later one wins, as in merge_config.sh.
pub fn missing(config_text: &str, fragment_texts: &[(PathBuf, String)]) -> Vec<String> {
    let cfg = parse_config(config_text);
    let mut wanted: Vec<(String, String, &PathBuf)> = Vec::new();
    for (path, text) in fragment_texts {
        for (k, want) in parse_fragment(text) {
            wanted.retain(|(name, _, _)| *name != k);
            wanted.push((k, want, path));
        }
    }
    let mut out = Vec::new();
    for (k, want, path) in wanted {
        let have = cfg.get(&k).map(String::as_str).unwrap_or("n");
        if have != want {
            out.push(format!(
                "{k}={want} (from {}) is {have} in the final .config",
                path.display()
            ));
        }
    }
    out
}

pub fn check(config: &Path, fragments: &[PathBuf]) -> Result<()> {
    let cfg =
        std::fs::read_to_string(config).with_context(|| format!("reading {}", config.display()))?;
    let mut texts = Vec::new();
    for f in fragments {
        let t = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        texts.push((f.clone(), t));
    }
    let m = missing(&cfg, &texts);
    if m.is_empty() {
        return Ok(());
    }
    bail!(
        "Kconfig dropped requested options, usually because an option they depend on is off:\n  {}\n\
         Find the dependencies with `make menuconfig` (press / and type the name) in {} and add them to your fragment.",
        m.join("\n  "),
        config
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dropped_and_unset_options() {
        let cfg = "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"x\"\n";
        let frag = "CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=\"x\"\n# CONFIG_D is not set\nCONFIG_E=n\n";
        let m = missing(cfg, &[(PathBuf::from("f"), frag.to_string())]);
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with("CONFIG_B=y"));
    }

    #[test]
    fn a_later_fragment_overrides_an_earlier_one() {
        let cfg = "CONFIG_FTRACE=y\n";
        let base = (
            PathBuf::from("base"),
            "# CONFIG_FTRACE is not set\n".to_string(),
        );
        let full = (PathBuf::from("full"), "CONFIG_FTRACE=y\n".to_string());
        assert!(missing(cfg, &[base.clone(), full.clone()]).is_empty());
        let m = missing(cfg, &[full, base]);
        assert_eq!(m, ["CONFIG_FTRACE=n (from base) is y in the final .config"]);
    }
}
