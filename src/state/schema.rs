//! The versioned schema: an ordered list of migrations, tracked with `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StateError;

/// One step of the schema: the SQL that takes the file from `version - 1` to `version`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Migration {
    /// The schema version after this migration (the first is 1).
    pub version: u32,
    /// A short name for error messages.
    pub name: &'static str,
    /// The statements to run on SQLite, separated by semicolons.
    pub sql: &'static str,
    /// The same step in PostgreSQL's dialect.
    pub postgres: &'static str,
}

/// Every migration this build knows, oldest first.
pub(super) const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "initial tables", sql: V1, postgres: PG_V1 },
    Migration { version: 2, name: "one gap row per question and server", sql: V2, postgres: PG_V2 },
];

/// The newest schema version this build knows, which every opened store is migrated to.
pub const SCHEMA_VERSION: u32 = 2;

const V1: &str = "
CREATE TABLE guild_settings (
    guild              INTEGER PRIMARY KEY,
    moderator_role     INTEGER,
    decline_below      REAL,
    cooldown_questions INTEGER CHECK (cooldown_questions >= 0),
    cooldown_seconds   INTEGER CHECK (cooldown_seconds >= 0)
) STRICT;

CREATE TABLE mention_channels (
    guild   INTEGER NOT NULL REFERENCES guild_settings (guild) ON DELETE CASCADE,
    channel INTEGER NOT NULL,
    PRIMARY KEY (guild, channel)
) STRICT, WITHOUT ROWID;

CREATE TABLE votes (
    message   INTEGER NOT NULL,
    user      INTEGER NOT NULL,
    guild     INTEGER,
    fact_id   TEXT    NOT NULL,
    direction TEXT    NOT NULL CHECK (direction IN ('up', 'down')),
    at        INTEGER NOT NULL,
    PRIMARY KEY (message, user)
) STRICT;
CREATE INDEX votes_by_time ON votes (at);
CREATE INDEX votes_by_guild_time ON votes (guild, at);

CREATE TABLE gaps (
    id         INTEGER PRIMARY KEY,
    guild      INTEGER,
    channel    INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    normalized TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    best_fact  TEXT,
    score      REAL    NOT NULL
) STRICT;
CREATE INDEX gaps_by_time ON gaps (at);
CREATE INDEX gaps_by_guild_time ON gaps (guild, at);

CREATE TABLE suggestions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild       INTEGER NOT NULL,
    channel     INTEGER NOT NULL,
    author      INTEGER NOT NULL,
    question    TEXT    NOT NULL,
    passage     TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'approved', 'rejected')),
    reviewer    INTEGER,
    reason      TEXT,
    created_at  INTEGER NOT NULL,
    reviewed_at INTEGER
) STRICT;
CREATE INDEX suggestions_by_guild_status ON suggestions (guild, status, id);
CREATE INDEX suggestions_by_status ON suggestions (status, guild, id);

CREATE TABLE scores (
    guild  INTEGER NOT NULL,
    user   INTEGER NOT NULL,
    points INTEGER NOT NULL CHECK (points >= 0),
    PRIMARY KEY (guild, user)
) STRICT;
CREATE INDEX scores_by_points ON scores (guild, points DESC);
";

/// Gaps grouped as they are recorded: one row per normalised question per server (0 for direct
/// messages, which no Discord server id can be), its text cut to the kept length, a count and the
/// first and last time, so a repeated or flooded question costs one row. The old rows are grouped in
/// one pass (window functions), however many a flood left.
const V2: &str = "
CREATE TABLE gap_questions (
    guild      INTEGER NOT NULL,
    normalized TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    channel    INTEGER NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 1),
    first_at   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL,
    best_fact  TEXT,
    score      REAL    NOT NULL,
    PRIMARY KEY (guild, normalized)
) STRICT;
INSERT INTO gap_questions (guild, normalized, text, channel, count, first_at, last_at, best_fact, score)
    SELECT IFNULL(guild, 0), substr(normalized, 1, 300), substr(text, 1, 300), channel, n, first_at, last_at,
           best_fact, best
    FROM (SELECT guild, normalized, text, channel, best_fact,
                 COUNT(*) OVER same AS n, MIN(at) OVER same AS first_at, MAX(at) OVER same AS last_at,
                 MAX(score) OVER same AS best,
                 ROW_NUMBER() OVER (PARTITION BY guild, normalized ORDER BY at DESC, id DESC) AS pos
          FROM gaps WINDOW same AS (PARTITION BY guild, normalized))
    WHERE pos = 1
    ON CONFLICT (guild, normalized) DO UPDATE SET
        count = count + excluded.count, first_at = MIN(first_at, excluded.first_at),
        last_at = MAX(last_at, excluded.last_at), score = MAX(score, excluded.score);
DROP TABLE gaps;
ALTER TABLE gap_questions RENAME TO gaps;
CREATE INDEX gaps_by_time ON gaps (last_at);
CREATE INDEX gaps_by_guild_time ON gaps (guild, last_at);
";

/// [`V1`] for PostgreSQL: ids as `BIGINT` (the same bit cast as in SQLite), scores as doubles, and
/// `user` quoted (a reserved word there).
const PG_V1: &str = r#"
CREATE TABLE guild_settings (
    guild              BIGINT PRIMARY KEY,
    moderator_role     BIGINT,
    decline_below      DOUBLE PRECISION,
    cooldown_questions BIGINT CHECK (cooldown_questions >= 0),
    cooldown_seconds   BIGINT CHECK (cooldown_seconds >= 0)
);

CREATE TABLE mention_channels (
    guild   BIGINT NOT NULL REFERENCES guild_settings (guild) ON DELETE CASCADE,
    channel BIGINT NOT NULL,
    PRIMARY KEY (guild, channel)
);

CREATE TABLE votes (
    message   BIGINT NOT NULL,
    "user"    BIGINT NOT NULL,
    guild     BIGINT,
    fact_id   TEXT   NOT NULL,
    direction TEXT   NOT NULL CHECK (direction IN ('up', 'down')),
    at        BIGINT NOT NULL,
    PRIMARY KEY (message, "user")
);
CREATE INDEX votes_by_time ON votes (at);
CREATE INDEX votes_by_guild_time ON votes (guild, at);

CREATE TABLE gaps (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    guild      BIGINT,
    channel    BIGINT NOT NULL,
    text       TEXT   NOT NULL,
    normalized TEXT   NOT NULL,
    at         BIGINT NOT NULL,
    best_fact  TEXT,
    score      DOUBLE PRECISION NOT NULL
);
CREATE INDEX gaps_by_time ON gaps (at);
CREATE INDEX gaps_by_guild_time ON gaps (guild, at);

CREATE TABLE suggestions (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    guild       BIGINT NOT NULL,
    channel     BIGINT NOT NULL,
    author      BIGINT NOT NULL,
    question    TEXT   NOT NULL,
    passage     TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    status      TEXT   NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'approved', 'rejected')),
    reviewer    BIGINT,
    reason      TEXT,
    created_at  BIGINT NOT NULL,
    reviewed_at BIGINT
);
CREATE INDEX suggestions_by_guild_status ON suggestions (guild, status, id);
CREATE INDEX suggestions_by_status ON suggestions (status, guild, id);

CREATE TABLE scores (
    guild  BIGINT NOT NULL,
    "user" BIGINT NOT NULL,
    points BIGINT NOT NULL CHECK (points >= 0),
    PRIMARY KEY (guild, "user")
);
CREATE INDEX scores_by_points ON scores (guild, points DESC);
"#;

/// [`V2`] for PostgreSQL.
const PG_V2: &str = "
CREATE TABLE gap_questions (
    guild      BIGINT NOT NULL,
    normalized TEXT   NOT NULL,
    text       TEXT   NOT NULL,
    channel    BIGINT NOT NULL,
    count      BIGINT NOT NULL CHECK (count >= 1),
    first_at   BIGINT NOT NULL,
    last_at    BIGINT NOT NULL,
    best_fact  TEXT,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (guild, normalized)
);
INSERT INTO gap_questions AS g (guild, normalized, text, channel, count, first_at, last_at, best_fact, score)
    SELECT COALESCE(guild, 0), substr(normalized, 1, 300), substr(text, 1, 300), channel, n, first_at,
           last_at, best_fact, best
    FROM (SELECT guild, normalized, text, channel, best_fact,
                 COUNT(*) OVER same AS n, MIN(at) OVER same AS first_at, MAX(at) OVER same AS last_at,
                 MAX(score) OVER same AS best,
                 ROW_NUMBER() OVER (PARTITION BY guild, normalized ORDER BY at DESC, id DESC) AS pos
          FROM gaps WINDOW same AS (PARTITION BY guild, normalized)) AS grouped
    WHERE pos = 1
    ON CONFLICT (guild, normalized) DO UPDATE SET
        count = g.count + excluded.count, first_at = LEAST(g.first_at, excluded.first_at),
        last_at = GREATEST(g.last_at, excluded.last_at), score = GREATEST(g.score, excluded.score);
DROP TABLE gaps;
ALTER TABLE gap_questions RENAME TO gaps;
CREATE INDEX gaps_by_time ON gaps (last_at);
CREATE INDEX gaps_by_guild_time ON gaps (guild, last_at);
";

/// Reads `PRAGMA user_version`.
pub(super) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings `conn` (the file at `path`) up to [`SCHEMA_VERSION`].
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StateError> {
    migrate_with(conn, path, MIGRATIONS)
}

/// Applies every migration in `migrations` newer than the file's version, each in its own
/// transaction together with the version bump.
///
/// A file newer than the last migration is refused; a failing migration is rolled back and
/// reported, leaving the file at the version before it.
pub(super) fn migrate_with(
    conn: &mut Connection,
    path: &Path,
    migrations: &[Migration],
) -> Result<(), StateError> {
    let open_err = |source| StateError::Open { path: path.to_path_buf(), source };
    let known = migrations.last().map_or(0, |m| m.version);
    loop {
        // The version is read inside the write transaction, so two processes starting on a new file
        // cannot both apply the same migration.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(open_err)?;
        let found = user_version(&tx).map_err(open_err)?;
        if found > known {
            return Err(StateError::TooNew { path: path.to_path_buf(), found, known });
        }
        let Some(m) = migrations.iter().find(|m| m.version > found) else { break };
        let apply = |tx: rusqlite::Transaction<'_>| {
            tx.execute_batch(m.sql)?;
            tx.pragma_update(None, "user_version", m.version)?;
            tx.commit()
        };
        apply(tx).map_err(|source| StateError::Migrate {
            path: path.to_path_buf(),
            version: m.version,
            name: m.name,
            source,
        })?;
    }
    Ok(())
}

#[cfg(test)]
pub(in crate::state) mod tests {
    use super::*;

    /// Gap rows as schema version 1 kept them: one asking each, a question asked three times (twice
    /// in one server, once in a direct message), and one too long to keep whole.
    pub(in crate::state) fn old_gap_rows() -> String {
        format!(
            "INSERT INTO gaps (guild, channel, text, normalized, at, best_fact, score) VALUES
                 (1, 5, 'Who won?', 'who won', 10, 'a', 0.4),
                 (1, 6, 'who WON', 'who won', 30, 'b', 0.1),
                 (NULL, 7, 'who won', 'who won', 20, NULL, 0.2),
                 (1, 5, '{long}', '{long}', 40, NULL, 0.0);",
            long = "x".repeat(400)
        )
    }

    const HERE: &str = ":memory:";

    fn table_exists(conn: &Connection, name: &str) -> bool {
        conn.query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |row| row.get::<_, i64>(0),
        )
        .unwrap()
            == 1
    }

    const FIRST: Migration = Migration {
        version: 1,
        name: "make a",
        sql: "CREATE TABLE a (x INTEGER);",
        postgres: "CREATE TABLE a (x INTEGER);",
    };
    const SECOND: Migration = Migration {
        version: 2,
        name: "make b",
        sql: "CREATE TABLE b (x INTEGER);",
        postgres: "CREATE TABLE b (x INTEGER);",
    };

    #[test]
    fn migrations_are_numbered_from_one_without_gaps() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "migration {}", m.name);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
    }

    #[test]
    fn migrate_fresh_reaches_latest_and_reapplying_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(HERE)).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        conn.execute("INSERT INTO scores (guild, user, points) VALUES (1, 2, 3)", []).unwrap();
        migrate(&mut conn, Path::new(HERE)).unwrap();
        let points: i64 = conn.query_row("SELECT points FROM scores", [], |row| row.get(0)).unwrap();
        assert_eq!(points, 3);
    }

    #[test]
    fn migrate_v2_groups_old_gap_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, Path::new(HERE), &MIGRATIONS[..1]).unwrap();
        conn.execute_batch(&old_gap_rows()).unwrap();
        migrate(&mut conn, Path::new(HERE)).unwrap();
        type Row = (i64, String, i64, i64, i64, Option<String>, f64);
        let rows: Vec<Row> = conn
            .prepare("SELECT guild, text, count, first_at, last_at, best_fact, score FROM gaps ORDER BY guild, last_at")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0], (0, "who won".into(), 1, 20, 20, None, 0.2), "direct messages are server 0");
        assert_eq!(rows[1].1, "who WON", "the latest asking's text");
        assert_eq!((rows[1].2, rows[1].3, rows[1].4, rows[1].6), (2, 10, 30, 0.4));
        assert_eq!(rows[1].5.as_deref(), Some("b"));
        assert_eq!(rows[2].1.chars().count(), 300, "cut to the kept length");
    }

    #[test]
    fn migrate_applies_only_newer_migrations() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, Path::new(HERE), &[FIRST]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        migrate_with(&mut conn, Path::new(HERE), &[FIRST, SECOND]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        assert!(table_exists(&conn, "a") && table_exists(&conn, "b"));
    }

    #[test]
    fn migrate_refuses_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, Path::new(HERE), &[FIRST, SECOND]).unwrap();
        let err = migrate_with(&mut conn, Path::new("/x/state.sqlite3"), &[FIRST]).unwrap_err();
        assert!(matches!(err, StateError::TooNew { found: 2, known: 1, .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "the state file /x/state.sqlite3 has schema version 2, but this build knows only up to 1; \
             use a newer nichiro or another file"
        );
    }

    #[test]
    fn migrate_failure_midway_rolls_back_and_names_the_migration() {
        let mut conn = Connection::open_in_memory().unwrap();
        let broken = Migration {
            version: 2,
            name: "half done",
            sql: "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); CREATE TABLE c (;",
            postgres: "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); CREATE TABLE c (;",
        };
        let err = migrate_with(&mut conn, Path::new("/x/state.sqlite3"), &[FIRST, broken]).unwrap_err();
        assert!(matches!(err, StateError::Migrate { version: 2, name: "half done", .. }), "{err:?}");
        assert!(
            err.to_string().starts_with(
                "cannot upgrade the state file /x/state.sqlite3 to schema version 2 (half done): "
            ),
            "{err}"
        );
        assert_eq!(user_version(&conn).unwrap(), 1, "the first migration stays applied");
        assert!(table_exists(&conn, "a"));
        assert!(!table_exists(&conn, "b"), "the failed migration's first statement is rolled back");
        let rows: i64 = conn.query_row("SELECT COUNT(*) FROM a", [], |row| row.get(0)).unwrap();
        assert_eq!(rows, 0);
    }

    #[test]
    fn migrate_failure_on_first_migration_leaves_version_zero() {
        let mut conn = Connection::open_in_memory().unwrap();
        let broken = Migration {
            version: 1,
            name: "broken",
            sql: "CREATE TABLE a (x); SELECT nonsense FROM;",
            postgres: "CREATE TABLE a (x); SELECT nonsense FROM;",
        };
        let err = migrate_with(&mut conn, Path::new(HERE), &[broken]).unwrap_err();
        assert!(matches!(err, StateError::Migrate { version: 1, .. }), "{err:?}");
        assert_eq!(user_version(&conn).unwrap(), 0);
        assert!(!table_exists(&conn, "a"));
    }
}
