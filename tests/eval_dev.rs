//! The development question set (`eval/dev.jsonl`, a copy of `shared/eval/dev.jsonl`) meets the
//! targets through the real command line: at least 95% answerable top-1, 90% off-topic declined.

use std::process::Command;

#[test]
fn eval_dev_meets_targets() {
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro")).args(["eval", "eval/dev.jsonl"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let last = stdout.lines().last().unwrap();
    let percents: Vec<f64> = last.split(['=', '%']).filter_map(|p| p.trim().parse().ok()).collect();
    assert_eq!(percents.len(), 2, "{last}");
    assert!(percents[0] >= 95.0, "answerable top-1 below 95%:\n{stdout}");
    assert!(percents[1] >= 90.0, "off-topic declined below 90%:\n{stdout}");
}
