//! What only the shared backend does: migrating beside another process, reconnecting, refusing
//! writes to readers, and announcing changes.

use std::sync::mpsc;
use std::time::Duration;

use postgres::{Client, NoTls};

use super::super::schema::tests::old_gap_rows;
use super::super::schema::{MIGRATIONS, Migration};
use super::super::suggestions::tests::new as suggestion_at;
use super::super::testing::{Schema, fresh_schema, server};
use super::super::{Change, NewSuggestion, SCHEMA_VERSION, SettingsChange, StateError, Store};
use super::schema::migrate_with;

/// A fresh schema (its address is `.url`) and a client on it, or `None` when the tests have no server.
fn scoped() -> Option<(Schema, Client)> {
    let schema = fresh_schema(&server()?);
    let client = Client::connect(&schema.url, NoTls).unwrap();
    Some((schema, client))
}

fn suggestion(guild: u64) -> NewSuggestion {
    suggestion_at(guild, 4)
}

#[test]
fn migrate_beside_another_process_applies_each_step_once() {
    let Some((schema, _)) = scoped() else { return };
    let url = &schema.url;
    let starts: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn({
                let url = url.clone();
                move || Store::connect(&url).map(|store| store.schema_version().unwrap())
            })
        })
        .collect();
    for start in starts {
        assert_eq!(start.join().unwrap().unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn migrate_failure_rolls_back_and_names_the_migration() {
    let Some((_schema, mut client)) = scoped() else { return };
    let first = Migration { version: 1, name: "make a", sql: "", postgres: "CREATE TABLE a (x INTEGER);" };
    let broken = Migration {
        version: 2,
        name: "half done",
        sql: "",
        postgres: "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); CREATE TABLE c (;",
    };
    let err = migrate_with(&mut client, "db", &[first, broken]).unwrap_err();
    assert!(matches!(err, StateError::DatabaseMigrate { version: 2, name: "half done", .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("cannot upgrade the state database db to schema version 2 (half done)")
    );
    assert_eq!(super::schema::version(&mut client).unwrap(), 1, "the first migration stays applied");
    let b: Option<String> = client.query_one("SELECT to_regclass('b')::TEXT", &[]).unwrap().get(0);
    assert_eq!(b, None, "the failed migration's first statement is rolled back");
    let rows: i64 = client.query_one("SELECT COUNT(*) FROM a", &[]).unwrap().get(0);
    assert_eq!(rows, 0);
}

#[test]
fn migrate_v2_groups_old_gap_rows() {
    let Some((_schema, mut client)) = scoped() else { return };
    migrate_with(&mut client, "db", &MIGRATIONS[..1]).unwrap();
    client.batch_execute(&old_gap_rows()).unwrap();
    migrate_with(&mut client, "db", MIGRATIONS).unwrap();
    let rows = client
        .query("SELECT guild, text, count, first_at, last_at, best_fact, score FROM gaps ORDER BY guild, last_at", &[])
        .unwrap();
    assert_eq!(rows.len(), 3);
    let row = |i: usize| {
        let r = &rows[i];
        (
            r.get::<_, i64>(0),
            r.get::<_, String>(1),
            r.get::<_, i64>(2),
            r.get::<_, i64>(3),
            r.get::<_, i64>(4),
            r.get::<_, Option<String>>(5),
            r.get::<_, f64>(6),
        )
    };
    assert_eq!(row(0), (0, "who won".into(), 1, 20, 20, None, 0.2), "direct messages are server 0");
    assert_eq!(row(1), (1, "who WON".into(), 2, 10, 30, Some("b".into()), 0.4));
    assert_eq!(row(2).1.chars().count(), 300, "cut to the kept length");
}

#[test]
fn reader_refuses_outdated_schema_and_writes() {
    let Some((schema, mut client)) = scoped() else { return };
    let url = &schema.url;
    migrate_with(&mut client, "db", &MIGRATIONS[..1]).unwrap();
    let err = Store::connect_read_only(url).unwrap_err();
    assert!(matches!(err, StateError::DatabaseVersion { found: 1, known: SCHEMA_VERSION, .. }), "{err:?}");
    assert!(err.to_string().contains("start the bot once to migrate it"), "{err}");
    drop(Store::connect(url).unwrap());
    let reader = Store::connect_read_only(url).unwrap();
    assert_eq!(reader.vote_count().unwrap(), 0);
    let err = reader.add_points(1, 2, 3).unwrap_err();
    assert!(err.to_string().contains("read-only transaction"), "{err}");
}

#[test]
fn reader_of_a_newer_schema_is_told_to_upgrade() {
    let Some((schema, _)) = scoped() else { return };
    let url = &schema.url;
    let store = Store::connect(url).unwrap();
    let mut client = Client::connect(url, NoTls).unwrap();
    client.batch_execute("UPDATE nichiro_schema SET version = 99").unwrap();
    drop(store);
    for err in [Store::connect(url).unwrap_err(), Store::connect_read_only(url).unwrap_err()] {
        assert!(matches!(err, StateError::DatabaseVersion { found: 99, .. }), "{err:?}");
        assert!(err.to_string().contains("use a newer nichiro"), "{err}");
    }
}

#[test]
fn store_reconnects_after_the_server_closes_its_connection() {
    let Some((schema, mut client)) = scoped() else { return };
    // Named so that only this store's connections are closed, not those of tests running beside it.
    let name = format!("reconnect{}", std::process::id());
    let store = Store::connect(&format!("{}&application_name={name}", schema.url)).unwrap();
    store.add_points(1, 2, 3).unwrap();
    let closed: i64 = client
        .query_one(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
            &[&name],
        )
        .unwrap()
        .get(0);
    assert_eq!(closed, 1, "the store's one connection");
    // The call that finds the connection closed fails (it may have been a write the server never
    // saw, so it is not repeated); the next one is answered on a new connection.
    let _ = store.add_points(1, 2, 3);
    assert!(store.add_points(1, 2, 3).unwrap() >= 6);
}

#[test]
fn connect_failure_names_the_server_without_its_password() {
    let err = Store::connect("postgres://me:secret@127.0.0.1:1/none?connect_timeout=2").unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("cannot connect to the state database postgres://me@127.0.0.1:1/none"),
        "{message}"
    );
    assert!(!message.contains("secret"), "{message}");
}

#[test]
fn watch_hears_approvals_and_settings_from_another_store() {
    let Some((schema, _)) = scoped() else { return };
    let url = &schema.url;
    let (here, there) = (Store::connect(url).unwrap(), Store::connect(url).unwrap());
    let (sender, changes) = mpsc::channel();
    assert!(here.watch(move |change| sender.send(change).is_ok()).unwrap());
    // Servers no other test uses: the channel is the database's, and tests beside this one announce too.
    let (rejected, approved, set) = (7 << 40, 8 << 40, 9 << 40);
    let id = there.suggest(&suggestion(rejected)).unwrap().id;
    there.reject(id, rejected, 1, "no", 5).unwrap();
    let id = there.suggest(&suggestion(approved)).unwrap().id;
    there.approve(id, approved, 1, 5).unwrap();
    there.change_settings(set, &SettingsChange { add_channel: Some(1), ..Default::default() }).unwrap();
    let mut heard = Vec::new();
    while heard.last() != Some(&Change::Settings(set)) {
        heard.push(changes.recv_timeout(Duration::from_secs(10)).unwrap());
    }
    let ours: Vec<_> = heard
        .into_iter()
        .filter(|c| {
            [Change::Approved(rejected), Change::Approved(approved), Change::Settings(set)].contains(c)
        })
        .collect();
    assert_eq!(ours, [Change::Approved(approved), Change::Settings(set)], "a rejection changes no overlay");
}

#[test]
fn redact_drops_password_however_written() {
    use super::redact;
    for (url, shown) in [
        ("postgres://me:pw@db:5433/x", "postgres://me@db:5433/x"),
        ("postgresql://me@db/x?sslmode=disable", "postgres://me@db:5432/x"),
        ("postgres://db/x?user=me&password=pw", "postgres://me@db:5432/x"),
        ("postgres://me:p%40ss@db/x", "postgres://me@db:5432/x"),
        ("postgres://me:pa/ss?w@db/x", "postgres://me@db:5432/x"),
        ("host=db user=me password = 'p w' dbname=x", "postgres://me@db:5432/x"),
        ("postgres://me:pw@/x?host=/run/postgresql", "postgres://me@/run/postgresql:5432/x"),
        ("postgres://me:secret@db:port/x", "postgres://(an address that could not be read)"),
    ] {
        assert_eq!(redact(url), shown, "{url}");
    }
}
