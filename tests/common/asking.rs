//! Asking the built binary a question, for the tests of how questions are read.
// Each test crate includes this file and uses only some of its helpers.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The real fact base, as the tests run from the package root.
pub const REAL: &str = "knowledge";

/// What `nichiro` prints on stdout for `args` over the fact base in `knowledge`, asserting it succeeded.
pub fn nichiro_in(knowledge: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", "config/nichiro.toml", "--knowledge"])
        .arg(knowledge)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What `ask --json` replies to a question over the fact base in `knowledge`.
pub fn ask_json_in(knowledge: &Path, question: &str) -> serde_json::Value {
    serde_json::from_str(&nichiro_in(knowledge, &["ask", "--json", question])).unwrap()
}

/// The fact `ask --json` answers with over the fact base in `knowledge`, or `None` when it declines.
pub fn answer_in(knowledge: &Path, question: &str) -> Option<String> {
    ask_json_in(knowledge, question)["fact_id"].as_str().map(String::from)
}

/// What `ask --json` replies to a question on the real fact base.
pub fn ask_json(question: &str) -> serde_json::Value {
    ask_json_in(Path::new(REAL), question)
}

/// The fact `ask --json` answers with on the real fact base, or `None` when it declines.
pub fn answer(question: &str) -> Option<String> {
    ask_json(question)["fact_id"].as_str().map(String::from)
}

/// `ask --explain` of a question on the real fact base.
pub fn explain(question: &str) -> String {
    nichiro_in(Path::new(REAL), &["ask", "--explain", question])
}

/// Asserts that the real base answers each question with its fact, naming every one that does not.
pub fn assert_answers(cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(question, fact)| {
            let got = answer(question);
            (got.as_deref() != Some(fact)).then(|| format!("{question}: {got:?}, not {fact}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
