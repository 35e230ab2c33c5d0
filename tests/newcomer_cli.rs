//! What a newcomer meets first on the command line (issue 14), through the built binary: `ask` on a
//! terminal without a question, and `eval` on a broken or empty question set.

use std::process::{Command, Output, Stdio};

fn nichiro(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nichiro")).args(args).stdin(Stdio::null()).output().unwrap()
}

#[cfg(unix)]
#[test]
fn ask_without_question_on_a_terminal_prints_usage() {
    // util-linux's `script` runs the command on a pseudo-terminal, as a person at a shell would.
    let command = format!("{} ask", env!("CARGO_BIN_EXE_nichiro"));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .output()
        .expect("util-linux `script` runs the command on a terminal");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("usage: nichiro ask \"QUESTION\""), "{shown:?}");
    assert_eq!(out.status.code(), Some(2), "{shown:?}");
}

#[test]
fn ask_without_question_reads_a_pipe_silently() {
    let out = nichiro(&["ask"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
}

/// `nichiro eval` on a question set named `name` holding `text`: its exit code, stderr and stdout.
fn eval_set(name: &str, text: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join(name);
    std::fs::write(&set, text).unwrap();
    let out = nichiro(&["eval", set.to_str().unwrap()]);
    (out.status.code(), String::from_utf8(out.stderr).unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn eval_bad_line_names_one_location() {
    let (code, stderr, _) = eval_set("bad.jsonl", "{\"q\": \"Who?\", \"expect\": null}\n{bad}\n");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("bad.jsonl:2:2: "), "{stderr}");
    assert!(!stderr.contains(" at line "), "one location only: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn eval_empty_set_is_an_error() {
    let (code, stderr, stdout) = eval_set("empty.jsonl", "\n\n");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("empty.jsonl: the question set is empty"), "{stderr}");
    assert!(!stdout.contains("100.0%"));
}
