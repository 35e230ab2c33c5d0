//! `nichiro gaps` and `nichiro export-suggestions` through the built binary, on a state file written
//! by the library as the bot writes it.

use std::path::Path;
use std::process::{Command, Output};

use nichiro::state::{Direction, Gap, NewSuggestion, Store, Vote};

fn nichiro(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nichiro")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn gap(guild: u64, text: &str, at: i64) -> Gap {
    Gap {
        guild: Some(guild),
        channel: 1,
        text: text.into(),
        normalized: nichiro::search::normalize_question(text),
        at,
        best_fact: Some("kuril-islands-overview".into()),
        score: 0.3,
    }
}

/// A state file with gaps in two servers, votes, and two approved suggestions and one pending.
fn state(dir: &Path) -> String {
    let path = dir.join("state.sqlite3");
    let store = Store::open(&path).unwrap();
    let now = nichiro::study::now();
    for text in ["Who is the PM of Japan?", "who is the pm of japan", "What is sumo?"] {
        store.record_gap(&gap(10, text, now - 60), Default::default()).unwrap();
    }
    // The latest asking gives the example text.
    store.record_gap(&gap(20, "Who is the PM of Japan?", now - 59), Default::default()).unwrap();
    store.record_gap(&gap(10, "An old question?", now - 30 * 86_400), Default::default()).unwrap();
    for user in 1..=3 {
        let direction = if user == 3 { Direction::Up } else { Direction::Down };
        let vote = Vote {
            message: 5,
            user,
            guild: Some(10),
            fact_id: "treaty-of-shimoda".into(),
            direction,
            at: now,
        };
        store.vote(&vote).unwrap();
    }
    let suggestion = |question: &str, source: &str| NewSuggestion {
        guild: 10,
        channel: 1,
        author: 7,
        question: question.into(),
        passage: "The freighter \"Kamome Maru\" carried them in 1911.\nSecond line.".into(),
        source: source.into(),
        at: now,
    };
    let first =
        store.suggest(&suggestion("Which ship brought zebra mussels to Otaru?", "Harbour records")).unwrap();
    let second =
        store.suggest(&suggestion("Who ran the Otaru freighter line?", "https://example.org/otaru")).unwrap();
    store.suggest(&suggestion("Pending one?", "x")).unwrap();
    store.approve(first.id, 10, 8, now).unwrap().unwrap();
    store.approve(second.id, 10, 8, now).unwrap().unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn gaps_groups_questions_and_lists_down_votes() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path());
    let out = nichiro(&["--state", &state, "gaps", "--days", "7"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.starts_with("Unanswered questions, the last 7 days:\n"), "{report}");
    let first = report.lines().nth(1).unwrap();
    assert!(
        first.contains("3× “Who is the PM of Japan?”") && first.contains("kuril-islands-overview, 30%"),
        "{report}"
    );
    assert!(report.contains("1× “What is sumo?”"), "{report}");
    assert!(!report.contains("An old question"), "outside the window: {report}");
    assert!(report.contains("treaty-of-shimoda: 2 👎, 1 👍"), "{report}");

    let one_server = text(&nichiro(&["--state", &state, "gaps", "--guild", "20"]).stdout);
    assert!(
        one_server.contains("1× “Who is the PM of Japan?”") && !one_server.contains("sumo"),
        "{one_server}"
    );
    let month = text(&nichiro(&["--state", &state, "gaps", "--days", "60"]).stdout);
    assert!(month.contains("An old question"), "{month}");
}

#[test]
fn gaps_without_state_file_is_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.sqlite3");
    let out = nichiro(&["--state", missing.to_str().unwrap(), "gaps"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: no state file at ") && stderr.lines().count() == 1, "{stderr}");
    assert!(!missing.exists(), "reading must not create a state file");
}

#[test]
fn export_suggestions_writes_a_base_curators_can_check() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path());
    let out_dir = dir.path().join("export");
    let out = nichiro(&["--state", &state, "export-suggestions", "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("exported 2 approved suggestions to "), "{}", text(&out.stdout));
    let facts = std::fs::read_to_string(out_dir.join("facts/suggested.toml")).unwrap();
    assert!(facts.contains("Kamome Maru") && !facts.contains("Pending one"), "{facts}");

    // The export is the fact format: `nichiro check` finds only what curators must still add.
    let check = nichiro(&["check", out_dir.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let problems = text(&check.stdout) + &text(&check.stderr);
    let listed: Vec<&str> = problems.lines().filter(|l| l.contains("suggested.toml:")).collect();
    assert_eq!(listed.len(), 8, "{problems}");
    assert_eq!(listed.iter().filter(|l| l.contains("has no Japanese version")).count(), 2, "{problems}");
    assert_eq!(listed.iter().filter(|l| l.contains("has no Russian version")).count(), 2, "{problems}");
    assert_eq!(
        listed.iter().filter(|l| l.contains("needs 4–10 questions; this one has 1")).count(),
        2,
        "{problems}"
    );
    assert_eq!(listed.iter().filter(|l| l.contains("needs at least one keyword")).count(), 2, "{problems}");
    assert!(!problems.contains("sources.toml:"), "{problems}");
}

#[test]
fn gaps_on_a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let state = state(dir.path());
    rusqlite::Connection::open(&state).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let out = nichiro(&["--state", &state, "gaps"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("schema version 99") && stderr.lines().count() == 1, "{stderr}");
    let version: u32 = rusqlite::Connection::open(&state)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, 99, "the command line never migrates or rewrites the bot's file");
}
