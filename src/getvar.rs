//! `lkmc getvar`: print one path or value, or all of them.

use crate::cli::GetvarArgs;
use crate::layout::Layout;
use crate::usage_error;
use anyhow::Result;

pub fn execute(l: &Layout, a: &GetvarArgs) -> Result<i32> {
    let vars = l.vars();
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
