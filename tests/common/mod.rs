//! What several test files share (`mod common;`): the random models of the property tests.
//! Each file uses some of it.
#![allow(dead_code)]

pub mod random;
