//! Suggested facts from members and their review by moderators.

use rusqlite::types::Type;
use rusqlite::{Connection, Row, params};

use super::{StateError, Store, id_in, id_out, sqlite_or};

/// A member's proposed new fact, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSuggestion {
    /// The server it was suggested on.
    pub guild: u64,
    /// The channel it was suggested in.
    pub channel: u64,
    /// The member who suggested it.
    pub author: u64,
    /// The question the fact should answer.
    pub question: String,
    /// The proposed answer passage.
    pub passage: String,
    /// Where the passage comes from (a citation or address).
    pub source: String,
    /// When, in unix seconds.
    pub at: i64,
}

/// Where a suggestion is in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not reviewed yet.
    Pending,
    /// Accepted by a moderator.
    Approved,
    /// Turned down by a moderator.
    Rejected,
}

impl Status {
    /// The status as stored (`"pending"`, `"approved"` or `"rejected"`).
    ///
    /// ```
    /// assert_eq!(nichiro::state::Status::Approved.as_str(), "approved");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }

    pub(super) fn parse(text: &str) -> Option<Status> {
        [Status::Pending, Status::Approved, Status::Rejected].into_iter().find(|s| s.as_str() == text)
    }
}

/// A stored suggestion and its review.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The suggestion's number, unique across servers and never reused.
    pub id: i64,
    /// The server it was suggested on.
    pub guild: u64,
    /// The channel it was suggested in.
    pub channel: u64,
    /// The member who suggested it.
    pub author: u64,
    /// The question the fact should answer.
    pub question: String,
    /// The proposed answer passage.
    pub passage: String,
    /// Where the passage comes from.
    pub source: String,
    /// Where it is in review.
    pub status: Status,
    /// The moderator who reviewed it.
    pub reviewer: Option<u64>,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// When it was suggested, in unix seconds.
    pub created_at: i64,
    /// When it was reviewed, in unix seconds.
    pub reviewed_at: Option<i64>,
}

/// The columns [`from_row`] reads, in its order (a macro so queries can be built with `concat!`).
macro_rules! columns {
    () => {
        "id, guild, channel, author, question, passage, source, status, reviewer, reason, created_at, reviewed_at"
    };
}

impl Store {
    /// Stores a new pending suggestion and returns it with its id.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Status, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// let s = store.suggest(&new).unwrap();
    /// assert_eq!((s.status, s.author, s.created_at), (Status::Pending, 3, 100));
    /// ```
    pub fn suggest(&self, s: &NewSuggestion) -> Result<Suggestion, StateError> {
        let db = sqlite_or!(self, pg => pg.suggest(s));
        db.write("store a suggestion", |tx| insert(tx, s))
    }

    /// Stores a new pending suggestion unless its author already has `max_pending` waiting on that
    /// server (`None` then); counted and stored in one transaction, so a burst cannot pass the limit.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// assert!(store.suggest_within(&new, 1).unwrap().is_some());
    /// assert!(store.suggest_within(&new, 1).unwrap().is_none());
    /// assert!(store.suggest_within(&NewSuggestion { author: 4, ..new }, 1).unwrap().is_some());
    /// ```
    pub fn suggest_within(
        &self,
        s: &NewSuggestion,
        max_pending: usize,
    ) -> Result<Option<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.suggest_within(s, max_pending));
        db.write("store a suggestion within the member's limit", |tx| {
            let waiting: i64 = tx.query_row(
                "SELECT COUNT(*) FROM suggestions WHERE guild = ?1 AND author = ?2 AND status = 'pending'",
                params![id_in(s.guild), id_in(s.author)],
                |row| row.get(0),
            )?;
            if usize::try_from(waiting).unwrap_or(usize::MAX) >= max_pending {
                return Ok(None);
            }
            insert(tx, s).map(Some)
        })
    }

    /// The suggestion numbered `id`, if there is one.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.suggestion(1).unwrap(), None);
    /// ```
    pub fn suggestion(&self, id: i64) -> Result<Option<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.suggestion(id));
        db.read("read a suggestion", |conn| load(conn, id))
    }

    /// The suggestions on server `guild` still awaiting review, oldest first.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// let s = store.suggest(&new).unwrap();
    /// assert_eq!(store.pending(1).unwrap(), vec![s]);
    /// assert!(store.pending(2).unwrap().is_empty());
    /// ```
    pub fn pending(&self, guild: u64) -> Result<Vec<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.pending(guild));
        db.report("list pending suggestions", |conn| {
            let mut stmt = conn.prepare_cached(concat!(
                "SELECT ",
                columns!(),
                " FROM suggestions WHERE guild = ?1 AND status = 'pending' ORDER BY id"
            ))?;
            stmt.query_map(params![id_in(guild)], from_row)?.collect()
        })
    }

    /// Approves suggestion `id`; the updated suggestion if it was pending on server `guild`, else `None`.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Status, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// let id = store.suggest(&new).unwrap().id;
    /// assert_eq!(store.approve(id, 9, 4, 200).unwrap(), None); // another server's suggestion
    /// let done = store.approve(id, 1, 4, 200).unwrap().unwrap();
    /// assert_eq!((done.status, done.reviewer, done.reviewed_at), (Status::Approved, Some(4), Some(200)));
    /// assert_eq!(store.approve(id, 1, 4, 300).unwrap(), None); // no longer pending
    /// ```
    pub fn approve(
        &self,
        id: i64,
        guild: u64,
        reviewer: u64,
        at: i64,
    ) -> Result<Option<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.review(id, guild, Status::Approved, reviewer, None, at));
        db.write("approve a suggestion", |tx| review(tx, id, guild, Status::Approved, reviewer, None, at))
    }

    /// Rejects suggestion `id` giving `reason`; the updated suggestion if it was pending on server
    /// `guild`, else `None`.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Status, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// let id = store.suggest(&new).unwrap().id;
    /// let done = store.reject(id, 1, 4, "no source", 200).unwrap().unwrap();
    /// assert_eq!((done.status, done.reason.as_deref()), (Status::Rejected, Some("no source")));
    /// assert_eq!(store.reject(id, 1, 4, "again", 300).unwrap(), None);
    /// ```
    pub fn reject(
        &self,
        id: i64,
        guild: u64,
        reviewer: u64,
        reason: &str,
        at: i64,
    ) -> Result<Option<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.review(id, guild, Status::Rejected, reviewer, Some(reason), at));
        db.write("reject a suggestion", |tx| {
            review(tx, id, guild, Status::Rejected, reviewer, Some(reason), at)
        })
    }

    /// The approved suggestions on server `guild`, or on every server if `None`, by server then id.
    ///
    /// ```
    /// use nichiro::state::{NewSuggestion, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let new = NewSuggestion { guild: 1, channel: 2, author: 3, question: "When?".into(),
    ///                           passage: "In 1956.".into(), source: "treaty".into(), at: 100 };
    /// let id = store.suggest(&new).unwrap().id;
    /// assert!(store.approved(None).unwrap().is_empty());
    /// store.approve(id, 1, 4, 200).unwrap();
    /// assert_eq!(store.approved(Some(1)).unwrap()[0].id, id);
    /// assert!(store.approved(Some(2)).unwrap().is_empty());
    /// ```
    pub fn approved(&self, guild: Option<u64>) -> Result<Vec<Suggestion>, StateError> {
        let db = sqlite_or!(self, pg => pg.approved(guild));
        db.read("list approved suggestions", |conn| {
            // `guild < 0` first sorts ids below 2^63 before the ones above it, as unsigned order does.
            let mut stmt = conn.prepare_cached(concat!(
                "SELECT ",
                columns!(),
                " FROM suggestions WHERE status = 'approved' AND (?1 IS NULL OR guild = ?1)
                  ORDER BY guild < 0, guild, id"
            ))?;
            stmt.query_map(params![guild.map(id_in)], from_row)?.collect()
        })
    }
}

/// Moves suggestion `id` from pending to `status` if it belongs to `guild`; the result, or `None`.
fn review(
    conn: &Connection,
    id: i64,
    guild: u64,
    status: Status,
    reviewer: u64,
    reason: Option<&str>,
    at: i64,
) -> rusqlite::Result<Option<Suggestion>> {
    let changed = conn.execute(
        "UPDATE suggestions SET status = ?3, reviewer = ?4, reason = ?5, reviewed_at = ?6
         WHERE id = ?1 AND guild = ?2 AND status = 'pending'",
        params![id, id_in(guild), status.as_str(), id_in(reviewer), reason, at],
    )?;
    if changed == 0 { Ok(None) } else { load(conn, id) }
}

/// Reads suggestion `id`.
/// Inserts a pending suggestion and reads it back with its id.
fn insert(tx: &Connection, s: &NewSuggestion) -> rusqlite::Result<Suggestion> {
    tx.execute(
        "INSERT INTO suggestions (guild, channel, author, question, passage, source, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id_in(s.guild), id_in(s.channel), id_in(s.author), s.question, s.passage, s.source, s.at],
    )?;
    load(tx, tx.last_insert_rowid()).and_then(|found| found.ok_or(rusqlite::Error::QueryReturnedNoRows))
}

fn load(conn: &Connection, id: i64) -> rusqlite::Result<Option<Suggestion>> {
    let mut stmt = conn.prepare_cached(concat!("SELECT ", columns!(), " FROM suggestions WHERE id = ?1"))?;
    let mut rows = stmt.query_map(params![id], from_row)?;
    rows.next().transpose()
}

/// Builds a suggestion from a row selected with `columns!()`.
fn from_row(row: &Row<'_>) -> rusqlite::Result<Suggestion> {
    let status: String = row.get(7)?;
    let status = Status::parse(&status).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(7, Type::Text, format!("unknown status {status:?}").into())
    })?;
    Ok(Suggestion {
        id: row.get(0)?,
        guild: id_out(row.get(1)?),
        channel: id_out(row.get(2)?),
        author: id_out(row.get(3)?),
        question: row.get(4)?,
        passage: row.get(5)?,
        source: row.get(6)?,
        status,
        reviewer: row.get::<_, Option<i64>>(8)?.map(id_out),
        reason: row.get(9)?,
        created_at: row.get(10)?,
        reviewed_at: row.get(11)?,
    })
}

#[cfg(test)]
pub(in crate::state) mod tests {
    use super::*;
    use crate::state::testing::both_backends;

    pub(in crate::state) fn new(guild: u64, at: i64) -> NewSuggestion {
        NewSuggestion {
            guild,
            channel: 20,
            author: 30,
            question: format!("question {at}"),
            passage: "passage".into(),
            source: "source".into(),
            at,
        }
    }

    fn ids(list: &[Suggestion]) -> Vec<i64> {
        list.iter().map(|s| s.id).collect()
    }

    both_backends!(fn suggest_stores_a_pending_suggestion(store) {
        let first = store.suggest(&new(1, 100)).unwrap();
        let second = store.suggest(&new(1, 101)).unwrap();
        assert!(second.id > first.id);
        let expected = Suggestion {
            id: first.id,
            guild: 1,
            channel: 20,
            author: 30,
            question: "question 100".into(),
            passage: "passage".into(),
            source: "source".into(),
            status: Status::Pending,
            reviewer: None,
            reason: None,
            created_at: 100,
            reviewed_at: None,
        };
        assert_eq!(first, expected);
        assert_eq!(store.suggestion(first.id).unwrap(), Some(expected));
        assert_eq!(store.suggestion(second.id + 1).unwrap(), None);
    });

    both_backends!(fn pending_is_oldest_first_and_per_server(store) {
        let a = store.suggest(&new(1, 100)).unwrap().id;
        let other = store.suggest(&new(2, 100)).unwrap().id;
        let b = store.suggest(&new(1, 101)).unwrap().id;
        let c = store.suggest(&new(1, 102)).unwrap().id;
        assert_eq!(ids(&store.pending(1).unwrap()), vec![a, b, c]);
        store.approve(b, 1, 9, 200).unwrap();
        store.reject(c, 1, 9, "no", 200).unwrap();
        assert_eq!(ids(&store.pending(1).unwrap()), vec![a]);
        assert_eq!(ids(&store.pending(2).unwrap()), vec![other]);
    });

    both_backends!(fn approve_only_when_pending_and_same_server(store) {
        let id = store.suggest(&new(1, 100)).unwrap().id;
        assert_eq!(store.approve(id, 2, 9, 200).unwrap(), None, "another server");
        assert_eq!(store.suggestion(id).unwrap().map(|s| s.status), Some(Status::Pending));
        assert_eq!(store.approve(id + 1, 1, 9, 200).unwrap(), None, "no such suggestion");
        let approved = store.approve(id, 1, 9, 200).unwrap().unwrap();
        assert_eq!(
            (approved.status, approved.reviewer, approved.reviewed_at, approved.reason.as_deref()),
            (Status::Approved, Some(9), Some(200), None)
        );
        assert_eq!(store.suggestion(id).unwrap(), Some(approved.clone()));
        assert_eq!(store.approve(id, 1, 8, 300).unwrap(), None, "approving twice");
        assert_eq!(store.reject(id, 1, 8, "late", 300).unwrap(), None, "rejecting once approved");
        assert_eq!(store.suggestion(id).unwrap(), Some(approved));
    });

    both_backends!(fn reject_records_reason_only_when_pending_and_same_server(store) {
        let id = store.suggest(&new(1, 100)).unwrap().id;
        assert_eq!(store.reject(id, 2, 9, "wrong server", 200).unwrap(), None);
        let rejected = store.reject(id, 1, 9, "no source", 200).unwrap().unwrap();
        assert_eq!(
            (rejected.status, rejected.reviewer, rejected.reviewed_at, rejected.reason.as_deref()),
            (Status::Rejected, Some(9), Some(200), Some("no source"))
        );
        assert_eq!(store.reject(id, 1, 9, "again", 300).unwrap(), None);
        assert_eq!(store.approve(id, 1, 9, 300).unwrap(), None);
        assert_eq!(store.suggestion(id).unwrap(), Some(rejected));
        assert!(store.approved(None).unwrap().is_empty());
    });

    both_backends!(fn approved_orders_by_server_then_id(store) {
        let mut made = Vec::new();
        for guild in [u64::MAX, 2, 1 << 63, 1, 2, 1] {
            let id = store.suggest(&new(guild, 100)).unwrap().id;
            store.approve(id, guild, 9, 200).unwrap();
            made.push((guild, id));
        }
        store.suggest(&new(1, 300)).unwrap();
        let all: Vec<(u64, i64)> = store.approved(None).unwrap().iter().map(|s| (s.guild, s.id)).collect();
        let mut expected = made.clone();
        expected.sort();
        assert_eq!(all, expected, "unsigned server order, then id; pending ones left out");
        let two: Vec<(u64, i64)> = store.approved(Some(2)).unwrap().iter().map(|s| (s.guild, s.id)).collect();
        assert_eq!(two, vec![(2, made[1].1), (2, made[4].1)]);
        assert_eq!(store.approved(Some(u64::MAX)).unwrap().len(), 1);
        assert!(store.approved(Some(3)).unwrap().is_empty());
    });

    both_backends!(fn suggestion_ids_round_trip_u64_max(store) {
        let big = NewSuggestion { guild: u64::MAX, channel: u64::MAX, author: u64::MAX, ..new(0, 1) };
        let id = store.suggest(&big).unwrap().id;
        let done = store.approve(id, u64::MAX, u64::MAX, 2).unwrap().unwrap();
        assert_eq!(
            (done.guild, done.channel, done.author, done.reviewer),
            (u64::MAX, u64::MAX, u64::MAX, Some(u64::MAX))
        );
    });

    #[test]
    fn status_parse_round_trips() {
        for status in [Status::Pending, Status::Approved, Status::Rejected] {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("maybe"), None);
    }
}
