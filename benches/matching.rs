//! Speed of loading, indexing and matching, on the real fact base and on a generated one of 100,000
//! facts. Run with `cargo bench --bench matching`; figures are recorded in docs/performance.md.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use nichiro::knowledge;
use nichiro::search::{Index, Settings};

/// The allocator the `nichiro` binary uses (src/main.rs), so the figures are the bot's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Questions as users type them: a question set's, which the matcher is not tuned to one by one.
fn questions(file: &str) -> Vec<String> {
    std::fs::read_to_string(file)
        .expect("a question set")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["q"].as_str().map(String::from))
        .collect()
}

fn questions_of_sets(files: &[&str]) -> Vec<String> {
    files.iter().flat_map(|f| questions(f)).collect()
}

fn real_base(c: &mut Criterion) {
    let mut group = c.benchmark_group("real");
    group.bench_function("load", |b| b.iter(|| knowledge::load(black_box("knowledge")).unwrap()));
    let kb = knowledge::load("knowledge").unwrap();
    group.bench_function("index_build", |b| {
        b.iter_batched(|| kb.clone(), |kb| Index::new(kb, Settings::default()), BatchSize::SmallInput)
    });
    let index = Index::new(kb, Settings::default());
    let questions = questions("eval/dev.jsonl");
    group.throughput(Throughput::Elements(1));
    group.bench_function("ask_one_typical", |b| {
        b.iter(|| index.ask(black_box("What did the 1956 Joint Declaration promise?")))
    });
    group.throughput(Throughput::Elements(questions.len() as u64));
    group.bench_function("ask_dev_set", |b| {
        b.iter(|| questions.iter().map(|q| index.ask(black_box(q)).confidence()).sum::<f32>())
    });
    group.finish();
    let mut all = questions;
    all.extend(questions_of_sets(&["eval/calibration.jsonl", "eval/realistic-tune.jsonl"]));
    print_latency("real", &index, &all, index.knowledge().facts().len());
    print_latency(
        "real_japanese",
        &index,
        &questions_of_sets(&["eval/ja-dev.jsonl"]),
        index.knowledge().facts().len(),
    );
    print_latency(
        "real_russian",
        &index,
        &questions_of_sets(&["eval/ru-dev.jsonl"]),
        index.knowledge().facts().len(),
    );
}

/// Per-question latency percentiles over `questions`, each timed alone after a warm-up round, and
/// the index's memory per fact: printed, since criterion reports means of batches.
fn print_latency(name: &str, index: &Index, questions: &[String], facts: usize) {
    for q in questions {
        black_box(index.ask(q));
    }
    let mut times: Vec<Duration> = questions
        .iter()
        .map(|q| {
            let start = std::time::Instant::now();
            black_box(index.ask(black_box(q)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{name}/latency over {} questions: p50 {:?}, p90 {:?}, p99 {:?}, max {:?}; index {} bytes per fact",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        times[times.len() - 1],
        index.index_bytes() / facts
    );
}

fn synthetic_base(c: &mut Criterion) {
    const FACTS: usize = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let generated = synthetic::write_base(dir.path(), FACTS, 7);
    let kb = knowledge::load(dir.path()).unwrap();
    let mut group = c.benchmark_group("synthetic_100k");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("index_build", |b| {
        b.iter_batched(|| kb.clone(), |kb| Index::new(kb, Settings::default()), BatchSize::LargeInput)
    });
    let index = Index::new(kb, Settings::default());
    // Stored questions with one word dropped, and fresh word salads, as a stream of queries.
    let mut rng = synthetic::Rng::new(11);
    let queries: Vec<String> = (0..200)
        .map(|i| {
            let q = &generated.questions[rng.below(generated.questions.len())];
            let words: Vec<&str> = q.split(' ').collect();
            if i % 2 == 0 { words[1..].join(" ") } else { format!("{} {}", words[0], q.len()) }
        })
        .collect();
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(queries.len() as u64));
    group.bench_function("ask_200_queries", |b| {
        b.iter(|| queries.iter().map(|q| index.ask(black_box(q)).confidence()).sum::<f32>())
    });
    group.finish();
    print_latency("synthetic_100k", &index, &generated.latency_questions(), FACTS);
}

criterion_group!(benches, real_base, synthetic_base);
criterion_main!(benches);
