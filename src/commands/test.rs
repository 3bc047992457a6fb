//! `lkmc test [FILTER...]`.

use crate::cli::{Common, TestArgs};
use anyhow::Result;

pub fn exec(c: &Common, a: &TestArgs) -> Result<i32> {
    crate::test::execute(c, a)
}
