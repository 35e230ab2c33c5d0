//! Speed of the study-group state: a vote and a gap written durably and the gap report over many
//! questions, on SQLite and (when `NICHIRO_TEST_POSTGRES_URL` names a server) PostgreSQL,
//! rebuilding a server's overlay when a suggestion is approved, and answering with 10,000 servers'
//! overlays in memory. Run with `cargo bench --bench state`; figures are recorded in
//! docs/performance.md.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use nichiro::search::{Index, Settings};
use nichiro::state::{Direction, Gap, Status, Store, Suggestion, Vote};
use nichiro::study::Library;

/// A store to measure, named by its backend, and the server and schema to drop afterwards.
struct Measured {
    backend: &'static str,
    store: Store,
    schema: Option<(String, String)>,
}

/// The stores to measure: a SQLite file, and a fresh schema on the PostgreSQL server that
/// `NICHIRO_TEST_POSTGRES_URL` names, if it is set (the schema's name, to drop it afterwards).
fn stores(dir: &std::path::Path) -> Vec<Measured> {
    let file = Store::open(&dir.join("state.sqlite3")).expect("a state store");
    let mut stores = vec![Measured { backend: "sqlite", store: file, schema: None }];
    match std::env::var("NICHIRO_TEST_POSTGRES_URL") {
        Ok(server) if !server.is_empty() => {
            let schema = format!("bench{}", std::process::id());
            let mut client = postgres::Client::connect(&server, postgres::NoTls).expect("the test server");
            client.batch_execute(&format!("CREATE SCHEMA {schema}")).expect("a schema");
            let joiner = if server.contains('?') { '&' } else { '?' };
            let url = format!("{server}{joiner}options=-csearch_path%3D{schema}");
            let store = Store::connect(&url).expect("a database store");
            stores.push(Measured { backend: "postgres", store, schema: Some((server, schema)) });
        }
        _ => eprintln!("PostgreSQL not measured: set NICHIRO_TEST_POSTGRES_URL (see .ci/postgres)"),
    }
    stores
}

fn votes_and_gaps(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut group = c.benchmark_group("state");
    for Measured { backend, store, schema } in stores(dir.path()) {
        let next = AtomicU64::new(0);
        group.bench_function(format!("vote_new_durable/{backend}"), |b| {
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
        let gap = |n: u64| {
            let text = format!("unanswered question number {}", n % 500);
            Gap {
                guild: Some(1),
                channel: 2,
                normalized: text.clone(),
                text,
                at: n as i64,
                best_fact: None,
                score: 0.2,
            }
        };
        for n in 0..10_000u64 {
            store.record_gap(&gap(n), Default::default()).expect("a gap");
        }
        let next = AtomicU64::new(10_000);
        group.bench_function(format!("gap_write/{backend}"), |b| {
            b.iter(|| {
                store.record_gap(black_box(&gap(next.fetch_add(1, Ordering::Relaxed))), Default::default())
            })
        });
        group.bench_function(format!("gap_report_10k/{backend}"), |b| {
            b.iter(|| store.gap_report(black_box(Some(1)), 0, 10).expect("a report"))
        });
        drop(store);
        if let Some((server, schema)) = schema
            && let Ok(mut client) = postgres::Client::connect(&server, postgres::NoTls)
        {
            let _ = client.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
        }
    }
    group.finish();
}

fn suggestion(id: i64, guild: u64) -> Suggestion {
    Suggestion {
        id,
        guild,
        channel: 2,
        author: 3,
        question: format!("What did study group member {id} find in the archive?"),
        passage: format!(
            "Member {id} found a letter from the Otaru harbour master dated 1911, about a Russian \
             schooner held in port over unpaid dues and released after the consul paid them."
        ),
        source: "Harbour archive https://example.org/otaru".into(),
        status: Status::Approved,
        reviewer: Some(4),
        reason: None,
        created_at: 0,
        reviewed_at: Some(0),
    }
}

fn overlay(c: &mut Criterion) {
    let kb = nichiro::knowledge::load("knowledge").expect("the fact base");
    let library = Library::new(Index::new(kb, Settings::default()), "knowledge".into());
    let approved: Vec<Suggestion> = (1..=20).map(|id| suggestion(id, 1)).collect();
    let mut group = c.benchmark_group("study");
    group.bench_function("approve_rebuilds_overlay_20", |b| {
        b.iter(|| library.set_approved(1, black_box(&approved)))
    });
    group.bench_function("reload_real_base", |b| b.iter(|| library.reload().expect("a reload")));
    group.finish();
}

/// The process's resident memory in bytes (Linux), to report what the overlays cost.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

const SERVERS: u64 = 10_000;
const PER_SERVER: i64 = 5;

fn overlays_10k(c: &mut Criterion) {
    let kb = nichiro::knowledge::load("knowledge").expect("the fact base");
    let library = Library::new(Index::new(kb, Settings::default()), "knowledge".into());
    let before = resident_bytes();
    for guild in 1..=SERVERS {
        let first = guild as i64 * PER_SERVER;
        let approved: Vec<Suggestion> = (first..first + PER_SERVER).map(|id| suggestion(id, guild)).collect();
        library.set_approved(guild, &approved);
    }
    let (servers, index_bytes) = library.overlay_bytes();
    if let (Some(before), Some(after)) = (before, resident_bytes()) {
        let per_server = after.saturating_sub(before) / SERVERS;
        eprintln!(
            "{servers} servers x {PER_SERVER} suggestions: resident memory +{} MB ({per_server} bytes a \
             server), overlay indexes {} MB",
            after.saturating_sub(before) / 1_000_000,
            index_bytes / 1_000_000
        );
    }
    let mut group = c.benchmark_group("overlays_10k");
    let mut guild = 0;
    let mut next_server = || {
        guild = guild % SERVERS + 1;
        guild
    };
    let settings = Settings::default();
    group.bench_function("ask_base_question", |b| {
        b.iter(|| library.index(Some(next_server())).ask_with(black_box("Who was Adam Laxman?"), settings).1)
    });
    group.bench_function("ask_own_suggestion", |b| {
        b.iter(|| {
            let guild = next_server();
            let question = format!("What did study group member {} find in the archive?", guild * 5);
            library.index(Some(guild)).ask_with(black_box(&question), settings).1
        })
    });
    group.bench_function("approve_one_more", |b| {
        let approved: Vec<Suggestion> = (1..=6).map(|id| suggestion(id, 1)).collect();
        b.iter(|| library.set_approved(1, black_box(&approved)))
    });
    group.finish();
}

criterion_group!(benches, votes_and_gaps, overlay, overlays_10k);
criterion_main!(benches);
