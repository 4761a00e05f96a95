//! Analyzers: each looks at one kind of input and produces `Finding`s.

pub mod code;
pub mod config;
pub mod deps;
pub mod secrets;
pub mod taint;
pub mod uploads;
