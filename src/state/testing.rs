//! Test stores on every backend: the same behaviour tests run on SQLite and on PostgreSQL.
//!
//! PostgreSQL tests need a server: `NICHIRO_TEST_POSTGRES_URL` names a database they may create
//! schemas in (`.ci/postgres` makes one). Without it they are skipped with a notice, except under
//! `CI`, where a missing server fails them.

use std::ops::Deref;
use std::sync::atomic::{AtomicU32, Ordering};

use std::sync::MutexGuard;

use rusqlite::Connection;

use super::sqlite::Sqlite;
use super::{Backend, Store};

/// The variable naming the test database.
pub(crate) const URL_VAR: &str = "NICHIRO_TEST_POSTGRES_URL";

/// Runs a store test twice, as `<name>::sqlite` on an in-memory SQLite store and as
/// `<name>::postgres` on a fresh schema of the test database.
macro_rules! both_backends {
    (fn $name:ident($store:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn check($store: &$crate::state::Store) $body

            #[test]
            fn sqlite() {
                check(&$crate::state::Store::open_in_memory().unwrap());
            }

            #[test]
            fn postgres() {
                if let Some(store) = $crate::state::testing::postgres() {
                    check(&store);
                }
            }
        }
    };
}
pub(crate) use both_backends;

/// A schema of its own in the test database, dropped with this value.
pub(crate) struct Schema {
    /// The address of a connection that uses the schema.
    pub(crate) url: String,
    server: String,
    name: String,
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// A store on a schema of its own, both dropped with this value.
pub(crate) struct TestStore {
    // Fields drop in order: the store's connections close before the schema goes.
    store: Store,
    _schema: Schema,
}

impl Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The test database's address, or `None` (with a notice) when there is none outside CI.
pub(crate) fn server() -> Option<String> {
    match std::env::var(URL_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI runs the PostgreSQL tests: set {URL_VAR} (see .ci/postgres)")
        }
        _ => {
            // Written past the test harness's capture (which holds back what passing tests print),
            // once per test binary.
            static NOTICE: std::sync::Once = std::sync::Once::new();
            NOTICE.call_once(|| {
                let notice = format!(
                    "note: the PostgreSQL tests are skipped: no server ({URL_VAR} is not set; see .ci/postgres)\n"
                );
                let _ = std::io::Write::write_all(&mut std::io::stderr(), notice.as_bytes());
            });
            None
        }
    }
}

/// A new, empty schema in the test database at `server`.
pub(crate) fn fresh_schema(server: &str) -> Schema {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!("t{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let mut client = postgres::Client::connect(server, postgres::NoTls).unwrap();
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")).unwrap();
    let joiner = if server.contains('?') { '&' } else { '?' };
    Schema {
        url: format!("{server}{joiner}options=-csearch_path%3D{name}"),
        server: server.to_string(),
        name,
    }
}

/// A fresh, migrated store on the test database, or `None` when there is no server outside CI.
pub(crate) fn postgres() -> Option<TestStore> {
    let schema = fresh_schema(&server()?);
    Some(TestStore { store: Store::connect(&schema.url).unwrap(), _schema: schema })
}

impl Store {
    /// The SQLite connections, for tests that look inside the file itself.
    pub(super) fn sqlite(&self) -> &Sqlite {
        match &self.backend {
            Backend::Sqlite(db) => db,
            Backend::Postgres(_) => panic!("a SQLite test got a PostgreSQL store"),
        }
    }

    /// The SQLite write connection, locked.
    pub(super) fn lock(&self) -> MutexGuard<'_, Connection> {
        self.sqlite().lock()
    }

    /// How many rows `table` holds, on either backend.
    pub(super) fn rows(&self, table: &str) -> i64 {
        let query = format!("SELECT COUNT(*) FROM {table}");
        match &self.backend {
            Backend::Sqlite(db) => db.lock().query_row(&query, [], |row| row.get(0)).unwrap(),
            Backend::Postgres(pg) => {
                pg.read("count rows", |client| client.query_one(&query, &[])?.try_get(0)).unwrap()
            }
        }
    }
}
