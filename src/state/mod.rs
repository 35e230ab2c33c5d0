//! The bot's durable runtime state: per-server settings, answer feedback, knowledge gaps,
//! suggestions and quiz scores, kept in one SQLite file.
//!
//! [`Store`] wraps one connection for writes and a read-only one for reports behind mutexes, so it
//! is `Send + Sync` and can be shared through an `Arc`; every method blocks, so async callers run it
//! inside `spawn_blocking`. Every write happens in one transaction.
//!
//! One process owns a state file (an exclusive lock on `<file>.lock`, held while the store is open):
//! two bots on one file would each trust their own copy of the settings and overlays. The file and
//! the directories made for it are private to the user (0600, 0700), and a file that is empty, has
//! lost its schema or fails SQLite's quick check is refused rather than silently started afresh.
//!
//! The module names no Discord type: servers, channels, users and messages are plain `u64` ids, and
//! times are unix seconds passed in by the caller.
//!
//! Ids are stored as SQLite integers by a lossless bit cast (`u64` ↔ `i64`), so every `u64`
//! round-trips, and orderings by id are computed as unsigned.

mod error;
mod gaps;
mod open;
mod pg;
mod quiz;
mod schema;
mod settings;
mod sqlite;
mod suggestions;
#[cfg(test)]
mod testing;
mod votes;

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use pg::Postgres;
use rusqlite::Connection;
use sqlite::Sqlite;

pub use error::StateError;
pub use gaps::{FactVotes, Gap, GapGroup, GapReport, MAX_GAP_CHARS, Retention};
pub use quiz::Score;
pub use schema::SCHEMA_VERSION;
pub use settings::{GuildSettings, SettingsChange};
pub use suggestions::{NewSuggestion, Status, Suggestion};
pub use votes::{Direction, Tally, Vote, VoteOutcome};

/// `url` (a PostgreSQL address) without its password, for messages and logs.
///
/// ```
/// assert_eq!(nichiro::state::without_password("postgres://me:pw@db/x"), "postgres://me@db:5432/x");
/// ```
pub fn without_password(url: &str) -> String {
    pg::redact(url)
}

/// How long a statement waits for a lock held by another connection before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a read on the bot's read-only connection may take before it is cut off: less than a reply
/// waits for it, so an abandoned read never holds the connection the next reply needs.
const REPORT_TIME_LIMIT: Duration = Duration::from_millis(1200);

/// The bot's durable state, in a SQLite file (one process) or a PostgreSQL database (shared by
/// several), safe to share between threads.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
    /// Where the state lives, for messages: the file's path, or the server's address without its
    /// password.
    location: String,
}

/// A change another process made to a shared store, which this process may hold in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Server `0`'s settings changed.
    Settings(u64),
    /// Server `0`'s approved suggestions changed.
    Approved(u64),
    /// Anything may have changed (changes were missed while the connection was lost).
    Everything,
}

/// The database behind a [`Store`].
#[derive(Debug)]
// A process holds one or two stores: their size does not matter.
#[allow(clippy::large_enum_variant)]
enum Backend {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

/// The SQLite connections of `store`, or returns the PostgreSQL backend's answer from the caller.
macro_rules! sqlite_or {
    ($store:expr, $pg:ident => $call:expr) => {
        match &$store.backend {
            $crate::state::Backend::Sqlite(db) => db,
            $crate::state::Backend::Postgres($pg) => return $call,
        }
    };
}
pub(crate) use sqlite_or;

impl Store {
    /// Opens (creating it and its parent directories if missing) and migrates the state file at `path`,
    /// taking the lock that makes this process its only user.
    ///
    /// The file uses write-ahead logging, full synchronous commits, enforced foreign keys and a
    /// five-second busy timeout. An existing file that is empty or holds no schema is refused (see
    /// [`Store::open_init`]), and so is one that fails SQLite's quick check.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("data").join("state.sqlite3");
    /// let store = nichiro::state::Store::open(&path).unwrap();
    /// assert_eq!(store.schema_version().unwrap(), nichiro::state::SCHEMA_VERSION);
    /// assert!(path.exists());
    /// assert!(nichiro::state::Store::open(&path).is_err(), "one owner at a time");
    /// ```
    pub fn open(path: &Path) -> Result<Store, StateError> {
        open::file(path, false)
    }

    /// Like [`Store::open`], but an existing empty or schema-less file is taken as a new store (the
    /// operator's `--init`).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("state.sqlite3");
    /// std::fs::write(&path, b"").unwrap();
    /// assert!(nichiro::state::Store::open(&path).is_err());
    /// assert!(nichiro::state::Store::open_init(&path).is_ok());
    /// ```
    pub fn open_init(path: &Path) -> Result<Store, StateError> {
        open::file(path, true)
    }

    /// Opens an existing state file for reading only, as the command line does beside a running bot:
    /// it creates nothing, changes nothing and migrates nothing, and refuses a file of another schema.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("state.sqlite3");
    /// assert!(nichiro::state::Store::open_read_only(&path).is_err());
    /// nichiro::state::Store::open(&path).unwrap();
    /// let store = nichiro::state::Store::open_read_only(&path).unwrap();
    /// assert_eq!(store.vote_count().unwrap(), 0);
    /// ```
    pub fn open_read_only(path: &Path) -> Result<Store, StateError> {
        let open_err = |source| StateError::Open { path: path.to_path_buf(), source };
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        let found = schema::user_version(&conn).map_err(open_err)?;
        let known = SCHEMA_VERSION;
        if found > known {
            return Err(StateError::TooNew { path: path.to_path_buf(), found, known });
        }
        if found < known {
            return Err(StateError::Outdated { path: path.to_path_buf(), found, known });
        }
        Ok(Store::on_sqlite(Sqlite { conn: Mutex::new(conn), reports: None, _owner: None }, path))
    }

    /// Opens a fresh, migrated store that lives in memory only (for tests and dry runs).
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.vote_count().unwrap(), 0);
    /// ```
    pub fn open_in_memory() -> Result<Store, StateError> {
        let path = Path::new(":memory:");
        let open_err = |source| StateError::Open { path: path.to_path_buf(), source };
        let mut conn = Connection::open_in_memory().map_err(open_err)?;
        configure(&conn).map_err(open_err)?;
        schema::migrate(&mut conn, path)?;
        Ok(Store::on_sqlite(Sqlite { conn: Mutex::new(conn), reports: None, _owner: None }, path))
    }

    /// Opens (creating its tables if missing) and migrates the PostgreSQL database at `url`
    /// (`postgres://user:password@host:port/database`, or any form the `postgres` crate reads), which
    /// several processes may share.
    ///
    /// Migrations take a database-wide advisory lock, so processes starting together apply each one
    /// once. Statements time out after a few seconds rather than hold a reply.
    ///
    /// ```no_run
    /// let store = nichiro::state::Store::connect("postgres://nichiro:secret@localhost/nichiro").unwrap();
    /// assert_eq!(store.location(), "postgres://nichiro@localhost:5432/nichiro");
    /// ```
    pub fn connect(url: &str) -> Result<Store, StateError> {
        Ok(Store { location: pg::redact(url), backend: Backend::Postgres(Postgres::connect(url, false)?) })
    }

    /// Connects to the PostgreSQL database at `url` for reading only, as the command line does beside
    /// running bots: it creates and migrates nothing, and refuses a database of another schema.
    ///
    /// ```no_run
    /// let store = nichiro::state::Store::connect_read_only("postgres://nichiro@localhost/nichiro").unwrap();
    /// println!("{} votes", store.vote_count().unwrap());
    /// ```
    pub fn connect_read_only(url: &str) -> Result<Store, StateError> {
        Ok(Store { location: pg::redact(url), backend: Backend::Postgres(Postgres::connect(url, true)?) })
    }

    /// A store on SQLite connections, for messages located at `path`.
    fn on_sqlite(db: Sqlite, path: &Path) -> Store {
        Store { backend: Backend::Sqlite(db), location: path.display().to_string() }
    }

    /// Where the state lives: the file's path (`:memory:` for an in-memory store), or the database
    /// server's address without its password.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.location(), ":memory:");
    /// ```
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Whether other processes may change the state while this one runs (a shared database), so
    /// what this process keeps in memory must follow [`Store::watch`].
    ///
    /// ```
    /// assert!(!nichiro::state::Store::open_in_memory().unwrap().is_shared());
    /// ```
    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// Calls `on_change`, from a thread of its own, for each change to settings or approved
    /// suggestions committed to a shared store by any process, until it returns `false`; `Ok(false)`
    /// for a store that only this process writes, where there is nothing to follow.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert!(!store.watch(|_change| true).unwrap());
    /// ```
    pub fn watch(&self, on_change: impl FnMut(Change) -> bool + Send + 'static) -> Result<bool, StateError> {
        match &self.backend {
            Backend::Sqlite(_) => Ok(false),
            Backend::Postgres(pg) => pg::watch(pg, on_change).map(|()| true),
        }
    }

    /// The schema version recorded in the store (`PRAGMA user_version` in a file).
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.schema_version().unwrap(), nichiro::state::SCHEMA_VERSION);
    /// ```
    pub fn schema_version(&self) -> Result<u32, StateError> {
        let db = sqlite_or!(self, pg => pg.schema_version());
        db.read("read the schema version", schema::user_version)
    }
}

/// Applies the per-connection settings that do not depend on the file.
pub(super) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(BUSY_TIMEOUT)
}

/// A Discord id as stored: the same 64 bits read as a signed integer.
fn id_in(id: u64) -> i64 {
    id as i64
}

/// A stored id back as the Discord id it was.
fn id_out(stored: i64) -> u64 {
    stored as u64
}

/// A row count or limit as SQLite wants it (saturating; a limit that large means "no limit").
fn limit_in(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// A non-negative stored count as an unsigned number.
fn count_out(stored: i64) -> u64 {
    u64::try_from(stored).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    const TABLES: &[&str] = &["guild_settings", "mention_channels", "votes", "gaps", "suggestions", "scores"];

    fn tables(store: &Store) -> Vec<String> {
        let conn = store.lock();
        let mut stmt =
            conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
        stmt.query_map([], |row| row.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn pragma(store: &Store, name: &str) -> String {
        let conn = store.lock();
        conn.pragma_query_value(None, name, |row| row.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Text(t) => t,
                rusqlite::types::Value::Integer(i) => i.to_string(),
                other => format!("{other:?}"),
            })
            .unwrap()
    }

    fn vote(message: u64, user: u64) -> Vote {
        Vote { message, user, guild: Some(1), fact_id: "f".into(), direction: Direction::Up, at: 10 }
    }

    #[test]
    fn open_creates_parents_and_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a").join("b").join("state.sqlite3");
        let store = Store::open(&path).unwrap();
        assert!(path.is_file());
        assert_eq!(store.location(), path.display().to_string());
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let found = tables(&store);
        for table in TABLES {
            assert!(found.iter().any(|t| t == table), "missing table {table} in {found:?}");
        }
    }

    #[test]
    fn open_file_store_uses_wal_full_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        assert_eq!(pragma(&store, "journal_mode"), "wal");
        assert_eq!(pragma(&store, "synchronous"), "2");
        assert_eq!(pragma(&store, "foreign_keys"), "1");
        assert_eq!(pragma(&store, "busy_timeout"), "5000");
    }

    #[test]
    fn open_in_memory_is_migrated() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(tables(&store).len(), TABLES.len() + 1, "the tables and sqlite_sequence");
        assert_eq!(pragma(&store, "foreign_keys"), "1");
    }

    #[test]
    fn reopen_keeps_data_and_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let change =
            SettingsChange { add_channel: Some(5), moderator_role: Some(Some(6)), ..Default::default() };
        let suggestion = NewSuggestion {
            guild: 1,
            channel: 2,
            author: 3,
            question: "q".into(),
            passage: "p".into(),
            source: "s".into(),
            at: 4,
        };
        let (settings, stored) = {
            let store = Store::open(&path).unwrap();
            store.vote(&vote(1, 2)).unwrap();
            store.add_points(1, 2, 7).unwrap();
            (store.change_settings(1, &change).unwrap(), store.suggest(&suggestion).unwrap())
        };
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.vote_count().unwrap(), 1);
        assert_eq!(store.tally(1).unwrap(), Tally { up: 1, down: 0 });
        assert_eq!(store.leaderboard(1, 10).unwrap(), vec![Score { user: 2, points: 7 }]);
        assert_eq!(store.settings(1).unwrap(), settings);
        assert_eq!(store.suggestion(stored.id).unwrap(), Some(stored));
    }

    #[test]
    fn open_garbage_file_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        std::fs::write(&path, b"this is not a database, just some bytes that go on for a while....").unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(&err, StateError::Damaged { path: p, .. } if *p == path), "{err:?}");
        let message = err.to_string();
        assert!(message.starts_with(&format!("the state file {} is damaged", path.display())), "{message}");
        assert!(message.contains("not a database") && message.contains("backup"), "{message}");
    }

    #[test]
    fn open_refuses_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(&err, StateError::TooNew { path: p, found: 99, known: SCHEMA_VERSION } if *p == path),
            "{err:?}"
        );
        assert!(err.to_string().contains("schema version 99"), "{err}");
    }

    #[test]
    fn open_directory_failure_names_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, b"x").unwrap();
        let err = Store::open(&blocker.join("state.sqlite3")).unwrap_err();
        assert!(matches!(&err, StateError::Directory { path, .. } if *path == blocker), "{err:?}");
    }

    #[test]
    fn store_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Store>();
        check::<Arc<Store>>();
    }

    #[test]
    fn poisoned_lock_is_recovered() {
        let store = Arc::new(Store::open_in_memory().unwrap());
        let held = Arc::clone(&store);
        let crashed = std::thread::spawn(move || {
            let _guard = held.lock();
            panic!("crash while holding the connection");
        })
        .join();
        assert!(crashed.is_err());
        assert!(store.sqlite().conn.is_poisoned());
        assert_eq!(store.vote(&vote(1, 1)).unwrap(), VoteOutcome::New);
        assert_eq!(store.vote_count().unwrap(), 1);
    }

    #[test]
    fn concurrent_votes_are_all_counted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(&dir.path().join("state.sqlite3")).unwrap());
        let threads: Vec<_> = (0..8u64)
            .map(|t| {
                let store = Arc::clone(&store);
                std::thread::spawn(move || {
                    for i in 0..125u64 {
                        assert_eq!(store.vote(&vote(t * 1000 + i, t)).unwrap(), VoteOutcome::New);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(store.vote_count().unwrap(), 1000);
    }

    #[test]
    fn query_error_names_what_failed() {
        let store = Store::open_in_memory().unwrap();
        store.lock().execute_batch("DROP TABLE votes").unwrap();
        let err = store.vote_count().unwrap_err();
        assert!(matches!(err, StateError::Query { what: "count all votes", .. }), "{err:?}");
        assert!(err.to_string().starts_with("state query failed (count all votes): no such table"), "{err}");
    }

    #[test]
    fn id_cast_round_trips_extremes() {
        for id in [0, 1, i64::MAX as u64, 1 << 63, u64::MAX] {
            assert_eq!(id_out(id_in(id)), id);
        }
        assert_eq!(limit_in(usize::MAX), i64::MAX);
        assert_eq!(count_out(-1), 0);
    }
}
