//! `lkmc getvar`: print one path or value, or all of them.

use crate::cli::{Common, GetvarArgs};
use crate::layout::Layout;
use crate::usage_error;
use anyhow::Result;

/// The layout's variables and `image`: what the emulator boots, the
/// program's image with --baremetal, else the kernel (gem5 boots vmlinux).
fn vars(l: &Layout, c: &Common) -> Result<Vec<(&'static str, String)>> {
    let mut vars = l.vars();
    let image = match &c.baremetal {
        Some(b) => crate::targets::baremetal::program_image(l, b)?,
        None if l.emulator == crate::cli::Emulator::Gem5 => l.vmlinux(),
        None => l.linux_image(),
    };
    vars.push(("image", image.display().to_string()));
    Ok(vars)
}

pub fn execute(l: &Layout, c: &Common, a: &GetvarArgs) -> Result<i32> {
    let vars = vars(l, c)?;
    match &a.name {
        Some(name) => {
            let v = vars.iter().find(|(k, _)| k == name).ok_or_else(|| {
                usage_error(format!(
                    "unknown variable '{name}'; known: {}",
                    vars.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
                ))
            })?;
            if a.json {
                println!("{}", serde_json::json!({ name: v.1 }));
            } else {
                println!("{}", v.1);
            }
        }
        None => {
            if a.json {
                let m: serde_json::Map<String, serde_json::Value> = vars
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&m)?);
            } else {
                for (k, v) in vars {
                    println!("{k}={v}");
                }
            }
        }
    }
    Ok(0)
}
