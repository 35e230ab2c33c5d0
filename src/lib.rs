//! nichiro answers questions about Japan–Russia relations from a curated, cited fact base.
//!
//! The core — [`knowledge`] (the fact base), [`search`] (matching), [`answer`] (replies) — names no
//! Discord type; the command line and [`discord`] (the only module naming serenity or poise) are thin
//! adapters over it. [`state`] keeps the bot's runtime state (settings, feedback, gaps, suggestions,
//! quiz scores) in SQLite; [`study`] and [`quiz`] are the study-group features over the core.

pub mod answer;
pub mod config;
pub mod discord;
pub mod display;
pub mod eval;
pub mod i18n;
pub mod knowledge;
pub mod lang;
pub mod quiz;
pub mod search;
pub mod state;
pub mod study;
