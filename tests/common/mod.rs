//! What several test files share (`mod common;`): the random models of the property tests and
//! the running of the real binary. Each file uses some of it.
#![allow(dead_code)]

pub mod cli;
pub mod random;
