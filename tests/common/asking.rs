//! Asking the built binary a question on the real fact base, for the tests of how questions are read.

use std::process::Command;

/// What `ask --json` replies to a question.
pub fn ask_json(question: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", "config/nichiro.toml", "ask", "--json", question])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The fact `ask --json` answers with, or `None` when it declines.
pub fn answer(question: &str) -> Option<String> {
    ask_json(question)["fact_id"].as_str().map(String::from)
}
