//! Why the state store could not be opened, migrated or queried, with the file and what was done.

use std::path::PathBuf;

/// Why the state store could not be opened, migrated or queried.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The directory that should hold the state file could not be created.
    #[error("cannot create the directory {} for the state file: {source}", path.display())]
    Directory {
        /// The directory that could not be created.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The state file could not be created.
    #[error("cannot create the state file {}: {source}", path.display())]
    Create {
        /// The state file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The state file could not be opened or configured (missing permissions, not a database, …).
    #[error("cannot open the state file {}: {source}", path.display())]
    Open {
        /// The state file.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// SQLite refused to switch the state file to write-ahead logging.
    #[error("cannot open the state file {}: journal mode is {mode:?}, expected \"wal\"", path.display())]
    Wal {
        /// The state file.
        path: PathBuf,
        /// The journal mode SQLite reported instead.
        mode: String,
    },
    /// A schema migration failed; it was rolled back and the file is at the previous version.
    #[error("cannot upgrade the state file {} to schema version {version} ({name}): {source}", path.display())]
    Migrate {
        /// The state file.
        path: PathBuf,
        /// The version the failed migration would have produced.
        version: u32,
        /// The failed migration's name.
        name: &'static str,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The state file was written by a newer nichiro whose schema this build does not know.
    #[error(
        "the state file {} has schema version {found}, but this build knows only up to {known}; \
         use a newer nichiro or another file",
        path.display()
    )]
    TooNew {
        /// The state file.
        path: PathBuf,
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this build knows.
        known: u32,
    },
    /// A read-only open found a file whose schema is older than this build's (the bot migrates it).
    #[error(
        "the state file {} has schema version {found}, older than this nichiro's {known}: start the bot once to migrate it",
        path.display()
    )]
    Outdated {
        /// The state file.
        path: PathBuf,
        /// The schema version found in the file.
        found: u32,
        /// The schema version this build uses.
        known: u32,
    },
    /// Another process holds the state file.
    #[error(
        "the state file {} is in use by another nichiro process (it holds {}); run one bot per state file",
        path.display(), lock.display()
    )]
    InUse {
        /// The state file.
        path: PathBuf,
        /// The lock file the other process holds.
        lock: PathBuf,
    },
    /// The lock file could not be created or locked.
    #[error("cannot lock the state file {}: {source}", lock.display())]
    Lock {
        /// The lock file.
        lock: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The state file exists but is empty, or holds no nichiro schema (its write-ahead log lost?).
    #[error(
        "the state file {} {what}: if it held the bot's data, restore it from a backup \
         (see README, Security and data); to start afresh on this file, run with --init",
        path.display()
    )]
    NotInitialised {
        /// The state file.
        path: PathBuf,
        /// What was found.
        what: &'static str,
    },
    /// SQLite's quick check found damage.
    #[error(
        "the state file {} is damaged ({problems}); stop here and restore it from a backup \
         (see README, Security and data), or move it aside to start afresh",
        path.display()
    )]
    Damaged {
        /// The state file.
        path: PathBuf,
        /// The first problems SQLite reported.
        problems: String,
    },
    /// A read or write failed.
    #[error("state query failed ({what}): {source}")]
    Query {
        /// What was being done.
        what: &'static str,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The PostgreSQL server could not be reached or refused the connection.
    #[error("cannot connect to the state database {location}: {}", chain(source))]
    Connect {
        /// The server's address, without its password.
        location: String,
        /// The driver's error.
        source: postgres::Error,
    },
    /// Connecting to the PostgreSQL server failed a moment ago, and is not tried again yet.
    #[error("cannot connect to the state database {location} (tried a moment ago): {why}")]
    Unreachable {
        /// The server's address, without its password.
        location: String,
        /// Why the last attempt failed.
        why: String,
    },
    /// A migration of the PostgreSQL database failed; it was rolled back.
    #[error(
        "cannot upgrade the state database {location} to schema version {version} ({name}): {}",
        chain(source)
    )]
    DatabaseMigrate {
        /// The server's address, without its password.
        location: String,
        /// The version the migration leads to.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// The driver's error.
        source: postgres::Error,
    },
    /// The PostgreSQL database holds a schema version this build does not run on.
    #[error(
        "the state database {location} has schema version {found}, but this nichiro knows {known}: {advice}"
    )]
    DatabaseVersion {
        /// The server's address, without its password.
        location: String,
        /// The version found.
        found: u32,
        /// The newest version this build knows.
        known: u32,
        /// What to do about it.
        advice: &'static str,
    },
    /// The thread that follows other processes' changes could not be started.
    #[error("cannot start following the state database's changes: {source}")]
    Watch {
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A read or write on the PostgreSQL database failed.
    #[error("state query failed ({what}): {}", chain(source))]
    Server {
        /// What was being done.
        what: &'static str,
        /// The driver's error.
        source: postgres::Error,
    },
}

impl StateError {
    /// Whether the state file was locked by another connection for longer than the busy timeout: the
    /// same call may succeed later.
    ///
    /// ```
    /// use nichiro::state::StateError;
    /// let busy = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(5), None);
    /// assert!(StateError::Query { what: "x", source: busy }.is_busy());
    /// ```
    pub fn is_busy(&self) -> bool {
        if let StateError::Server { source, .. } = self {
            // Cancelled by the statement timeout or a lock wait, or lost to a conflict or a deadlock.
            return source.code().is_some_and(|code| {
                use postgres::error::SqlState;
                [
                    SqlState::QUERY_CANCELED,
                    SqlState::LOCK_NOT_AVAILABLE,
                    SqlState::T_R_SERIALIZATION_FAILURE,
                    SqlState::T_R_DEADLOCK_DETECTED,
                ]
                .contains(code)
            });
        }
        let source = match self {
            StateError::Query { source, .. } | StateError::Open { source, .. } => source,
            _ => return false,
        };
        matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
}

/// A driver error with its causes: the driver's own text is only its kind ("db error"), and the
/// server's message is its source.
fn chain(error: &postgres::Error) -> String {
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}
