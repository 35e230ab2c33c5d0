//! The embedded backend: one SQLite file, a connection for writes and a read-only one for reports.

use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{REPORT_TIME_LIMIT, StateError};

/// A SQLite state store's connections, each behind a mutex so the store is `Send + Sync`.
#[derive(Debug)]
pub(super) struct Sqlite {
    pub(super) conn: Mutex<Connection>,
    /// A read-only connection for reports, so a long one never holds up writes (file stores only).
    pub(super) reports: Option<Mutex<Connection>>,
    /// The exclusive lock on `<file>.lock`, released when the store is dropped.
    pub(super) _owner: Option<std::fs::File>,
}

impl Sqlite {
    /// Locks the connection, recovering it if another thread panicked while holding it.
    pub(super) fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the connection, labelling any error with `what`.
    pub(super) fn read<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StateError> {
        f(&self.lock()).map_err(|source| StateError::Query { what, source })
    }

    /// Runs a read on the read-only connection (the main one for in-memory and read-only stores),
    /// which a write waiting for the file never holds up; on the bot's store it is cut off with an
    /// error after [`REPORT_TIME_LIMIT`].
    pub(super) fn report<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StateError> {
        let guard = match &self.reports {
            Some(reports) => reports.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
            None => self.lock(),
        };
        // Only the bot's own store (the one with a read-only connection) has replies waiting; the
        // command line's reports may take as long as they need.
        let limited = self.reports.is_some();
        let deadline = std::time::Instant::now() + REPORT_TIME_LIMIT;
        let run = || {
            if limited {
                guard.progress_handler(10_000, Some(move || std::time::Instant::now() > deadline))?;
            }
            let out = f(&guard);
            guard.progress_handler(0, None::<fn() -> bool>)?;
            out
        };
        run().map_err(|source| StateError::Query { what, source })
    }

    /// Runs `f` in one immediate transaction and commits it, labelling any error with `what`.
    ///
    /// If `f` fails, the transaction is rolled back when it is dropped.
    pub(super) fn write<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StateError> {
        let mut conn = self.lock();
        let run = || {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        };
        run().map_err(|source| StateError::Query { what, source })
    }
}
