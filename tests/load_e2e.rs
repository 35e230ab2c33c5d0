//! A bounded load test on loopback: 10,000 `/ask` and 5,000 autocomplete events through the fake
//! Discord, every one answered while another connection holds the state file's write lock for the
//! whole run. Prints the time, the process's peak memory and the state file's size (for
//! docs/performance.md); asserts only outcomes.

mod support;

use std::path::Path;
use std::time::Instant;

use nichiro::config::Config;
use serde_json::json;
use support::bot;
use support::fake_discord as fake;
use support::guild::*;

const ASKS: u64 = 10_000;
const COMPLETIONS: u64 = 5_000;
/// Events dispatched before waiting for their answers, as a busy server would send them.
const BATCH: u64 = 50;

/// Questions from the development sets (three languages) and off-topic ones (gaps to record).
fn questions() -> Vec<String> {
    let mut questions = Vec::new();
    for set in ["eval/dev.jsonl", "eval/ja-dev.jsonl", "eval/ru-dev.jsonl"] {
        for line in std::fs::read_to_string(set).unwrap().lines() {
            let entry: serde_json::Value = serde_json::from_str(line).unwrap();
            questions.push(entry["q"].as_str().unwrap().to_string());
        }
    }
    questions
}

/// The process's peak resident memory in KiB (`VmHWM`), where /proc has it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_asks_answered_while_the_state_file_is_locked() {
    let mut config = Config::default();
    config.discord.cooldown_questions = 0;
    let bot = bot::launch(config, Path::new("knowledge")).await;
    bot.enforce_interaction_window();
    let release = bot.hold_write_lock();

    let questions = questions();
    let started = Instant::now();
    let total = ASKS + COMPLETIONS;
    let mut id = 100_000;
    while id < 100_000 + total {
        let batch = id..(id + BATCH).min(100_000 + total);
        for n in batch.clone() {
            let i = (n - 100_000) as usize;
            if n - 100_000 < ASKS {
                let by = member(1_000 + (i as u64 % 500));
                bot.dispatch("INTERACTION_CREATE", ask(n, &questions[i % questions.len()], by));
            } else {
                let partial = &questions[i % questions.len()].chars().take(6).collect::<String>();
                let options = json!([{"name": "question", "type": 3, "value": partial, "focused": true}]);
                let mut completion = command(n, "ask", options, member(fake::USER_ID));
                completion["type"] = json!(4);
                bot.dispatch("INTERACTION_CREATE", completion);
            }
        }
        for n in batch {
            let answered = callback(&bot, n).await;
            let kind = answered["type"].as_u64();
            assert!(kind == Some(4) || kind == Some(8), "interaction {n}: {answered}");
        }
        id += BATCH;
    }
    let elapsed = started.elapsed();
    assert!(bot.requests(|r| r.path.starts_with("/late:")).is_empty());
    drop(release);
    let size = std::fs::metadata(bot.state_path()).unwrap().len()
        + std::fs::metadata(bot.state_path().with_extension("sqlite3-wal")).map_or(0, |m| m.len());
    eprintln!(
        "load: {ASKS} asks and {COMPLETIONS} completions answered in {:.1} s ({:.0} events/s) with the \
         write lock held; peak RSS {} KiB; state file and WAL {size} bytes",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        peak_rss_kib().map_or("unknown".into(), |k| k.to_string()),
    );
}
