//! Opening the bot's own state file: one owner, private permissions, and damage refused at the door.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use super::sqlite::Sqlite;
use super::{StateError, Store, configure, schema};

/// `<file>.lock`, the file whose exclusive lock marks the state file's owner, beside the file's real
/// location (two paths to one file through a linked folder share one lock).
fn lock_path(path: &Path) -> PathBuf {
    let real = match (path.parent().map(std::fs::canonicalize), path.file_name()) {
        (Some(Ok(dir)), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    };
    sibling(&real, ".lock")
}

/// The file named like `path` with `suffix` added (`state.sqlite3-wal`, `state.sqlite3.lock`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates the missing directories above `path`, private to the user.
fn make_parent(path: &Path) -> Result<(), StateError> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else { return Ok(()) };
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(parent).map_err(|source| StateError::Directory { path: parent.to_path_buf(), source })
}

/// Options that create a file readable and writable by its owner only.
fn private() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Takes the exclusive lock that makes this process the file's only user.
fn take_lock(path: &Path) -> Result<File, StateError> {
    let lock = lock_path(path);
    let file = private()
        .create(true)
        .truncate(false)
        .open(&lock)
        .map_err(|source| StateError::Lock { lock: lock.clone(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StateError::InUse { path: path.to_path_buf(), lock }),
        Err(TryLockError::Error(source)) => Err(StateError::Lock { lock, source }),
    }
}

/// Opens, checks and migrates the state file at `path`; `init` accepts an existing file that is
/// empty or holds no schema as a new store.
pub(super) fn file(path: &Path, init: bool) -> Result<Store, StateError> {
    make_parent(path)?;
    let owner = take_lock(path)?;
    let open_err = |source| StateError::Open { path: path.to_path_buf(), source };
    let existed = match std::fs::metadata(path) {
        Ok(meta) if meta.len() == 0 && !init => {
            return Err(StateError::NotInitialised { path: path.to_path_buf(), what: "is empty (0 bytes)" });
        }
        Ok(meta) => {
            warn_if_shared(path, &meta);
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Created here so that SQLite's write-ahead log and index, which take the file's mode,
            // are private too.
            private()
                .create_new(true)
                .open(path)
                .map_err(|source| StateError::Create { path: path.to_path_buf(), source })?;
            false
        }
        Err(source) => return Err(StateError::Create { path: path.to_path_buf(), source }),
    };
    if existed && shm_without_wal(path) {
        tracing::warn!(
            state = %path.display(),
            "the state file's write-ahead log is missing after an unclean stop: changes made since its \
             last checkpoint are lost; restore from a backup if they matter"
        );
    }
    let mut conn = Connection::open(path).map_err(open_err)?;
    conn.busy_timeout(super::BUSY_TIMEOUT).map_err(open_err)?;
    quick_check(&conn, path)?;
    let found = schema::user_version(&conn).map_err(open_err)?;
    // Without --init an existing file is never empty here: it was refused above.
    if existed && found == 0 && !init {
        return Err(StateError::NotInitialised {
            path: path.to_path_buf(),
            what: "holds no nichiro schema (was its -wal file lost?)",
        });
    }
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0)).map_err(open_err)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StateError::Wal { path: path.to_path_buf(), mode });
    }
    configure(&conn).map_err(open_err)?;
    schema::migrate(&mut conn, path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let reports = Connection::open_with_flags(path, flags).map_err(open_err)?;
    reports.busy_timeout(super::BUSY_TIMEOUT).map_err(open_err)?;
    let db = Sqlite { conn: Mutex::new(conn), reports: Some(Mutex::new(reports)), _owner: Some(owner) };
    Ok(Store::on_sqlite(db, path))
}

/// Whether SQLite's shared-memory index outlived its write-ahead log: the bot stopped uncleanly and
/// the log was then deleted.
fn shm_without_wal(path: &Path) -> bool {
    sibling(path, "-shm").exists() && !sibling(path, "-wal").exists()
}

/// Refuses a file that fails `PRAGMA quick_check`, naming its first problems.
fn quick_check(conn: &Connection, path: &Path) -> Result<(), StateError> {
    let damaged = |problems: String| StateError::Damaged { path: path.to_path_buf(), problems };
    let rows: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(damaged(rows.join("; "))),
        // Only SQLite's own verdict is damage; a lock, a permission or a disk error is not.
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
            ) =>
        {
            Err(damaged(e.to_string()))
        }
        Err(source) => Err(StateError::Open { path: path.to_path_buf(), source }),
    }
}

/// Logs a warning when others than the owner may read the state file (it holds members' ids and
/// questions); the operator may have meant it, so it is not changed.
fn warn_if_shared(path: &Path, meta: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            tracing::warn!(
                state = %path.display(),
                mode = format!("{mode:o}"),
                "the state file can be read by other users; `chmod 600` it"
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_second_owner_is_refused_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let first = Store::open(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StateError::InUse { .. }), "{err:?}");
        assert!(err.to_string().contains("in use by another nichiro process"), "{err}");
        assert!(Store::open_read_only(&path).is_ok(), "readers need no lock");
        drop(first);
        assert!(Store::open(&path).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn open_creates_private_file_and_directories() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("made").join("state.sqlite3");
        let store = Store::open(&path).unwrap();
        store.add_points(1, 2, 3).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&lock_path(&path)), 0o600);
        assert_eq!(mode(&dir.path().join("made").join("state.sqlite3-wal")), 0o600);
    }

    #[test]
    fn open_refuses_empty_file_unless_init() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        std::fs::write(&path, b"").unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            err.to_string().contains("is empty (0 bytes)") && err.to_string().contains("--init"),
            "{err}"
        );
        let store = Store::open_init(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), super::super::SCHEMA_VERSION);
    }

    #[test]
    fn open_refuses_file_that_lost_its_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = wal; CREATE TABLE t (x); DROP TABLE t;").unwrap();
        drop(conn);
        let err = Store::open(&path).unwrap_err();
        assert!(err.to_string().contains("holds no nichiro schema"), "{err}");
        assert!(Store::open_init(&path).is_ok());
    }

    #[test]
    fn open_refuses_damaged_pages() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        {
            let store = Store::open(&path).unwrap();
            for user in 0..2000 {
                store.add_points(1, user, 1).unwrap();
            }
        }
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 8 * 4096, "several pages: {}", bytes.len());
        let middle = bytes.len() / 2 / 4096 * 4096;
        bytes[middle..middle + 4096].fill(0xA5);
        std::fs::write(&path, bytes).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StateError::Damaged { .. }), "{err:?}");
        assert!(err.to_string().contains("restore it from a backup"), "{err}");
    }
}
