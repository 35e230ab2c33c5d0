//! The shared schema's version on PostgreSQL: the same migrations as the file, tracked in a
//! one-row table, applied under a database-wide lock.

use postgres::Client;

use super::super::schema::{MIGRATIONS, Migration};
use super::super::{SCHEMA_VERSION, StateError};

/// The advisory lock key that migrations hold, so processes starting together migrate one after
/// another.
const MIGRATION_LOCK: i64 = i64::from_be_bytes(*b"\0nichiro");

/// Makes the version table if this database has none yet.
const VERSION_TABLE: &str = "
CREATE TABLE IF NOT EXISTS nichiro_schema (
    one     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    version INTEGER NOT NULL CHECK (version >= 0)
);
INSERT INTO nichiro_schema (version) VALUES (0) ON CONFLICT DO NOTHING;
";

/// The recorded schema version, 0 for a database that nichiro never used.
pub(super) fn version(client: &mut Client) -> Result<u32, postgres::Error> {
    let exists: bool = client.query_one("SELECT to_regclass('nichiro_schema') IS NOT NULL", &[])?.get(0);
    if !exists {
        return Ok(0);
    }
    let version: i32 = client.query_one("SELECT version FROM nichiro_schema", &[])?.get(0);
    Ok(u32::try_from(version).unwrap_or(0))
}

/// Refuses a database whose schema is not this build's (for readers, which never migrate).
pub(super) fn require_current(client: &mut Client, location: &str) -> Result<(), StateError> {
    let found =
        version(client).map_err(|source| StateError::Server { what: "read the schema version", source })?;
    let advice = match found.cmp(&SCHEMA_VERSION) {
        std::cmp::Ordering::Equal => return Ok(()),
        std::cmp::Ordering::Greater => "use a newer nichiro",
        std::cmp::Ordering::Less => "start the bot once to migrate it",
    };
    Err(StateError::DatabaseVersion { location: location.to_string(), found, known: SCHEMA_VERSION, advice })
}

/// Brings the database up to [`SCHEMA_VERSION`].
pub(super) fn migrate(client: &mut Client, location: &str) -> Result<(), StateError> {
    migrate_with(client, location, MIGRATIONS)
}

/// Applies every migration newer than the database's version, each in its own transaction with the
/// version bump and under the migration lock; a failing one is rolled back and named.
pub(super) fn migrate_with(
    client: &mut Client,
    location: &str,
    migrations: &[Migration],
) -> Result<(), StateError> {
    let known = migrations.last().map_or(0, |m| m.version);
    let failed = |version: u32, name: &'static str| {
        move |source| StateError::DatabaseMigrate { location: location.to_string(), version, name, source }
    };
    // Failures before a migration is chosen are the version table's.
    let setup = || failed(0, "version table");
    loop {
        let mut tx = client.transaction().map_err(setup())?;
        // Held until this transaction ends: a second process waits here, then reads the new version.
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(setup())?;
        tx.batch_execute(VERSION_TABLE).map_err(setup())?;
        let found: i32 = tx.query_one("SELECT version FROM nichiro_schema", &[]).map_err(setup())?.get(0);
        let found = u32::try_from(found).unwrap_or(0);
        if found > known {
            let advice = "use a newer nichiro or another database";
            return Err(StateError::DatabaseVersion { location: location.to_string(), found, known, advice });
        }
        let Some(m) = migrations.iter().find(|m| m.version > found) else {
            return tx.commit().map_err(setup());
        };
        let version = i32::try_from(m.version).unwrap_or(i32::MAX);
        tx.batch_execute(m.postgres).map_err(failed(m.version, m.name))?;
        tx.execute("UPDATE nichiro_schema SET version = $1", &[&version])
            .map_err(failed(m.version, m.name))?;
        tx.commit().map_err(failed(m.version, m.name))?;
    }
}
