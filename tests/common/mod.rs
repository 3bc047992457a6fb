//! Helpers shared by the integration tests that drive lkmc through a real
//! terminal.
// Each test crate uses part of these helpers.
#![allow(dead_code)]

pub mod run_id;
pub mod tmux;
