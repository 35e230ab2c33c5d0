//! nichiro answers questions about Japan–Russia relations from a curated, cited fact base.
//!
//! The library is the core that the command line and the Discord bot share; it names no Discord type.
//! [`knowledge`] loads and validates the fact base.

pub mod answer;
pub mod config;
pub mod eval;
pub mod knowledge;
pub mod search;
