//! Speed of the study-group state: a vote written durably, the gap report over many questions, and
//! rebuilding a server's overlay when a suggestion is approved. Run with `cargo bench --bench state`;
//! figures are recorded in docs/performance.md.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use nichiro::search::{Index, Settings};
use nichiro::state::{Direction, Gap, Status, Store, Suggestion, Vote};
use nichiro::study::Library;

fn votes_and_gaps(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::open(&dir.path().join("state.sqlite3")).expect("a state store");
    let mut group = c.benchmark_group("state");
    let next = AtomicU64::new(0);
    group.bench_function("vote_new_durable", |b| {
        b.iter(|| {
            let n = next.fetch_add(1, Ordering::Relaxed);
            let vote = Vote {
                message: n / 200,
                user: n % 200,
                guild: Some(1),
                fact_id: "treaty-of-portsmouth-1905".into(),
                direction: Direction::Up,
                at: 0,
            };
            store.vote(black_box(&vote)).expect("a vote")
        })
    });
    for n in 0..10_000u64 {
        let text = format!("unanswered question number {}", n % 500);
        let gap = Gap {
            guild: Some(1),
            channel: 2,
            normalized: text.clone(),
            text,
            at: n as i64,
            best_fact: None,
            score: 0.2,
        };
        store.record_gap(&gap, Default::default()).expect("a gap");
    }
    group.bench_function("gap_report_10k", |b| {
        b.iter(|| store.gap_report(black_box(Some(1)), 0, 10).expect("a report"))
    });
    group.finish();
}

fn overlay(c: &mut Criterion) {
    let kb = nichiro::knowledge::load("knowledge").expect("the fact base");
    let library = Library::new(Index::new(kb, Settings::default()), "knowledge".into());
    let approved: Vec<Suggestion> = (1..=20)
        .map(|id| Suggestion {
            id,
            guild: 1,
            channel: 2,
            author: 3,
            question: format!("What did study group member {id} find in the archive?"),
            passage: format!("Member {id} found a letter from the Otaru harbour master dated 1911."),
            source: "Harbour archive".into(),
            status: Status::Approved,
            reviewer: Some(4),
            reason: None,
            created_at: 0,
            reviewed_at: Some(0),
        })
        .collect();
    let mut group = c.benchmark_group("study");
    group.bench_function("approve_rebuilds_overlay_20", |b| {
        b.iter(|| library.set_approved(1, black_box(&approved)))
    });
    group.bench_function("reload_real_base", |b| b.iter(|| library.reload().expect("a reload")));
    group.finish();
}

criterion_group!(benches, votes_and_gaps, overlay);
criterion_main!(benches);
