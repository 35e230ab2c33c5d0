//! Knowledge gaps: questions the bot declined or answered with low confidence, and the facts
//! members voted down.

use rusqlite::{Connection, params};

use super::{StateError, Store, count_out, id_in, limit_in, sqlite_or};

/// A question the bot declined or answered with low confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The server, or `None` in direct messages.
    pub guild: Option<u64>,
    /// The channel the question was asked in.
    pub channel: u64,
    /// The question as typed.
    pub text: String,
    /// The question normalised for grouping (the same question typed differently groups together).
    pub normalized: String,
    /// When, in unix seconds.
    pub at: i64,
    /// The closest fact, if any matched at all.
    pub best_fact: Option<String>,
    /// The closest fact's match score.
    pub score: f32,
}

/// What the fact base is missing, as seen over a window of time.
#[derive(Debug, Clone, PartialEq)]
pub struct GapReport {
    /// Declined or low-confidence questions grouped by normalised text, most asked first.
    pub unanswered: Vec<GapGroup>,
    /// Facts voted down at least once, most voted down first.
    pub downvoted: Vec<FactVotes>,
}

/// The gaps that share one normalised question.
#[derive(Debug, Clone, PartialEq)]
pub struct GapGroup {
    /// The shared normalised text.
    pub normalized: String,
    /// The most recent original text.
    pub example: String,
    /// How many times the question was asked since it was first kept.
    pub count: u64,
    /// When it was last asked, in unix seconds.
    pub last_at: i64,
    /// The closest fact of the most recent asking.
    pub best_fact: Option<String>,
    /// The highest match score in the group.
    pub best_score: f32,
}

/// The votes on answers built from one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactVotes {
    /// The fact.
    pub fact_id: String,
    /// How many down votes.
    pub down: u64,
    /// How many up votes.
    pub up: u64,
}

/// The most characters of a question kept (its text and its normalised form).
pub const MAX_GAP_CHARS: usize = 300;

/// How long gaps are kept and how many per server: the oldest go first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Gaps not asked again for this many days are deleted.
    pub days: u32,
    /// At most this many distinct questions are kept per server (and for direct messages).
    pub per_server: usize,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention { days: 90, per_server: 1000 }
    }
}

/// The first `max` characters of `text`.
pub(super) fn cut(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(at, _)| &text[..at])
}

/// A server as the gap table keys it: 0 for direct messages (no Discord server has id 0).
pub(super) fn gap_guild(guild: Option<u64>) -> i64 {
    guild.map_or(0, id_in)
}

impl Store {
    /// Records a declined or low-confidence question: a question asked before in the same server
    /// counts once more on its row (text, channel and closest fact of the latest asking, the best
    /// score); a new one may push the server's oldest question out under `keep.per_server`.
    ///
    /// ```
    /// use nichiro::state::{Gap, Retention, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let gap = Gap { guild: Some(1), channel: 2, text: "Who won?".into(), normalized: "who won".into(),
    ///                 at: 100, best_fact: None, score: 0.1 };
    /// store.record_gap(&gap, Retention::default()).unwrap();
    /// store.record_gap(&gap, Retention::default()).unwrap();
    /// assert_eq!(store.gap_report(Some(1), 0, 10).unwrap().unanswered[0].count, 2);
    /// ```
    pub fn record_gap(&self, gap: &Gap, keep: Retention) -> Result<(), StateError> {
        let db = sqlite_or!(self, pg => pg.record_gap(gap, keep));
        db.write("record a gap", |tx| {
            let guild = gap_guild(gap.guild);
            let count: i64 = tx.query_row(
                "INSERT INTO gaps (guild, normalized, text, channel, count, first_at, last_at, best_fact, score)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6, ?7)
                 ON CONFLICT (guild, normalized) DO UPDATE SET
                     text = excluded.text, channel = excluded.channel, count = count + 1,
                     last_at = MAX(last_at, excluded.last_at), best_fact = excluded.best_fact,
                     score = MAX(score, excluded.score)
                 RETURNING count",
                params![
                    guild,
                    cut(&gap.normalized, MAX_GAP_CHARS),
                    cut(&gap.text, MAX_GAP_CHARS),
                    id_in(gap.channel),
                    gap.at,
                    gap.best_fact,
                    f64::from(gap.score)
                ],
                |row| row.get(0),
            )?;
            if count == 1 {
                tx.execute(
                    "DELETE FROM gaps WHERE guild = ?1 AND rowid IN (
                         SELECT rowid FROM gaps WHERE guild = ?1 ORDER BY last_at DESC LIMIT -1 OFFSET ?2)",
                    params![guild, limit_in(keep.per_server)],
                )?;
            }
            Ok(())
        })
    }

    /// Deletes the gaps last asked before `before` (unix seconds); how many went.
    ///
    /// ```
    /// use nichiro::state::{Gap, Retention, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let gap = Gap { guild: None, channel: 2, text: "Who?".into(), normalized: "who".into(),
    ///                 at: 100, best_fact: None, score: 0.1 };
    /// store.record_gap(&gap, Retention::default()).unwrap();
    /// assert_eq!(store.prune_gaps(100).unwrap(), 0);
    /// assert_eq!(store.prune_gaps(101).unwrap(), 1);
    /// ```
    pub fn prune_gaps(&self, before: i64) -> Result<usize, StateError> {
        let db = sqlite_or!(self, pg => pg.prune_gaps(before));
        db.write("delete old gaps", |tx| tx.execute("DELETE FROM gaps WHERE last_at < ?1", [before]))
    }

    /// The unanswered questions (last asked since `since`, unix seconds, inclusive) and down-voted
    /// facts (votes since `since`, each member counted once per fact with their latest vote), on
    /// server `guild` or everywhere if `None`; at most `limit` of each. Read on the report
    /// connection, within a time limit, so a large report never holds up the bot's writes.
    ///
    /// ```
    /// use nichiro::state::{Direction, Store, Vote};
    /// let store = Store::open_in_memory().unwrap();
    /// let vote = Vote { message: 10, user: 20, guild: Some(1), fact_id: "kuril".into(), direction: Direction::Down, at: 100 };
    /// store.vote(&vote).unwrap();
    /// let report = store.gap_report(None, 50, 10).unwrap();
    /// assert!(report.unanswered.is_empty());
    /// assert_eq!(report.downvoted[0].fact_id, "kuril");
    /// assert!(store.gap_report(None, 101, 10).unwrap().downvoted.is_empty());
    /// ```
    pub fn gap_report(&self, guild: Option<u64>, since: i64, limit: usize) -> Result<GapReport, StateError> {
        let db = sqlite_or!(self, pg => pg.gap_report(guild, since, limit));
        db.report("build the gap report", |conn| {
            let limit = limit_in(limit);
            Ok(GapReport {
                unanswered: unanswered(conn, guild.map(id_in), since, limit)?,
                downvoted: downvoted(conn, guild.map(id_in), since, limit)?,
            })
        })
    }
}

/// Gaps grouped by normalised text; `guild` is the stored key or `None` for every server.
fn unanswered(
    conn: &Connection,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> rusqlite::Result<Vec<GapGroup>> {
    let mut stmt = conn.prepare_cached(
        "WITH recent AS (
             SELECT * FROM gaps WHERE last_at >= ?1 AND (?2 IS NULL OR guild = ?2)
         ), grouped AS (
             SELECT normalized, SUM(count) AS n, MAX(last_at) AS last_at, MAX(score) AS best_score
             FROM recent GROUP BY normalized
         ), latest AS (
             SELECT normalized, text, best_fact,
                    ROW_NUMBER() OVER (PARTITION BY normalized ORDER BY last_at DESC, guild) AS pos
             FROM recent
         )
         SELECT g.normalized, l.text, g.n, g.last_at, l.best_fact, g.best_score
         FROM grouped AS g JOIN latest AS l ON l.normalized = g.normalized AND l.pos = 1
         ORDER BY g.n DESC, g.last_at DESC, g.normalized
         LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![since, guild, limit], |row| {
        Ok(GapGroup {
            normalized: row.get(0)?,
            example: row.get(1)?,
            count: count_out(row.get(2)?),
            last_at: row.get(3)?,
            best_fact: row.get(4)?,
            // Stored from an f32, so narrowing back is exact.
            best_score: row.get::<_, f64>(5)? as f32,
        })
    })?;
    rows.collect()
}

/// Facts with at least one down vote, each member counted once per fact (their latest vote);
/// `guild` is the stored id or `None` for every server.
fn downvoted(
    conn: &Connection,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> rusqlite::Result<Vec<FactVotes>> {
    let mut stmt = conn.prepare_cached(
        // SQLite takes a bare column beside MAX() from the row holding the maximum: each member's
        // latest vote on the fact.
        "SELECT fact_id, SUM(latest = 'down') AS down, SUM(latest = 'up') AS up
         FROM (SELECT fact_id, direction AS latest, MAX(at)
               FROM votes WHERE at >= ?1 AND (?2 IS NULL OR guild = ?2)
               GROUP BY fact_id, user)
         GROUP BY fact_id HAVING down > 0
         ORDER BY down DESC, up, fact_id
         LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![since, guild, limit], |row| {
        Ok(FactVotes { fact_id: row.get(0)?, down: count_out(row.get(1)?), up: count_out(row.get(2)?) })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::both_backends;
    use crate::state::{Direction, Vote};

    fn gap(guild: Option<u64>, normalized: &str, at: i64, score: f32) -> Gap {
        Gap {
            guild,
            channel: 5,
            text: format!("{normalized} @{at}"),
            normalized: normalized.into(),
            at,
            best_fact: Some(format!("fact-{at}")),
            score,
        }
    }

    impl Store {
        fn record_gap_kept(&self, gap: &Gap) -> Result<(), StateError> {
            self.record_gap(gap, KEEP)
        }
    }

    fn summary(report: &GapReport) -> Vec<(&str, u64, i64)> {
        report.unanswered.iter().map(|g| (g.normalized.as_str(), g.count, g.last_at)).collect()
    }

    /// A vote by a member of its own (the message id doubles as the member's).
    fn vote(message: u64, guild: Option<u64>, fact: &str, direction: Direction, at: i64) -> Vote {
        Vote { message, user: message, guild, fact_id: fact.into(), direction, at }
    }

    const KEEP: Retention = Retention { days: 90, per_server: 1000 };

    both_backends!(fn gap_report_groups_by_normalized_text(store) {
        store.record_gap_kept(&gap(Some(1), "who won", 100, 0.2)).unwrap();
        store.record_gap_kept(&gap(Some(1), "who won", 300, 0.1)).unwrap();
        store.record_gap_kept(&gap(Some(1), "who won", 200, 0.4)).unwrap();
        let mut unmatched = gap(Some(1), "who won", 300, 0.05);
        unmatched.best_fact = None;
        unmatched.text = "WHO WON?".into();
        store.record_gap_kept(&unmatched).unwrap();
        let report = store.gap_report(None, 0, 10).unwrap();
        assert_eq!(
            report.unanswered,
            vec![GapGroup {
                normalized: "who won".into(),
                example: "WHO WON?".into(),
                count: 4,
                last_at: 300,
                best_fact: None,
                best_score: 0.4,
            }],
            "the latest row (ties by insertion) gives example and best fact; the score is the maximum"
        );
        assert!(report.downvoted.is_empty());
    });

    both_backends!(fn gap_report_orders_by_count_then_recency_then_text(store) {
        for (text, at) in [("b", 10), ("b", 20), ("c", 15), ("a", 30), ("d", 30), ("e", 5), ("e", 6)] {
            store.record_gap_kept(&gap(Some(1), text, at, 0.1)).unwrap();
        }
        let report = store.gap_report(Some(1), 0, 10).unwrap();
        assert_eq!(
            summary(&report),
            vec![("b", 2, 20), ("e", 2, 6), ("a", 1, 30), ("d", 1, 30), ("c", 1, 15)]
        );
        let top = store.gap_report(Some(1), 0, 3).unwrap();
        assert_eq!(summary(&top), vec![("b", 2, 20), ("e", 2, 6), ("a", 1, 30)]);
    });

    both_backends!(fn gap_report_window_excludes_older_rows(store) {
        store.record_gap_kept(&gap(Some(1), "old", 99, 0.9)).unwrap();
        store.record_gap_kept(&gap(Some(1), "mixed", 50, 0.9)).unwrap();
        store.record_gap_kept(&gap(Some(1), "mixed", 100, 0.3)).unwrap();
        let report = store.gap_report(None, 100, 10).unwrap();
        assert_eq!(summary(&report), vec![("mixed", 2, 100)], "last asked in the window (inclusive)");
        assert_eq!(report.unanswered[0].best_score, 0.9, "the best score since it was first kept");
    });

    both_backends!(fn record_gap_one_row_per_question_and_server(store) {
        for at in 0..50 {
            store.record_gap_kept(&gap(Some(1), "flood", at, 0.1)).unwrap();
        }
        store.record_gap_kept(&gap(Some(2), "flood", 7, 0.1)).unwrap();
        let rows = store.rows("gaps");
        assert_eq!(rows, 2);
        assert_eq!(summary(&store.gap_report(Some(1), 0, 10).unwrap()), vec![("flood", 50, 49)]);
        assert_eq!(summary(&store.gap_report(None, 0, 10).unwrap()), vec![("flood", 51, 49)]);
    });

    both_backends!(fn record_gap_cuts_long_questions(store) {
        let mut long = gap(Some(1), &"й".repeat(5000), 1, 0.1);
        long.text = "x".repeat(5000);
        store.record_gap_kept(&long).unwrap();
        let group = &store.gap_report(Some(1), 0, 1).unwrap().unanswered[0];
        assert_eq!(group.example.chars().count(), MAX_GAP_CHARS);
        assert_eq!(group.normalized.chars().count(), MAX_GAP_CHARS);
    });

    both_backends!(fn record_gap_keeps_the_newest_per_server(store) {
        let keep = Retention { days: 90, per_server: 3 };
        for (n, text) in ["a", "b", "c", "d", "e"].into_iter().enumerate() {
            store.record_gap(&gap(Some(1), text, n as i64, 0.1), keep).unwrap();
        }
        store.record_gap(&gap(Some(2), "other", 0, 0.1), keep).unwrap();
        let report = store.gap_report(Some(1), 0, 10).unwrap();
        let kept: Vec<&str> = summary(&report).into_iter().map(|g| g.0).collect();
        assert_eq!(kept, ["e", "d", "c"]);
        assert_eq!(
            summary(&store.gap_report(Some(2), 0, 10).unwrap()).len(),
            1,
            "each server has its own cap"
        );
    });

    both_backends!(fn prune_gaps_deletes_by_last_asked(store) {
        store.record_gap_kept(&gap(Some(1), "old", 10, 0.1)).unwrap();
        store.record_gap_kept(&gap(Some(1), "renewed", 10, 0.1)).unwrap();
        store.record_gap_kept(&gap(Some(1), "renewed", 500, 0.1)).unwrap();
        assert_eq!(store.prune_gaps(100).unwrap(), 1);
        assert_eq!(summary(&store.gap_report(None, 0, 10).unwrap()), vec![("renewed", 2, 500)]);
    });

    both_backends!(fn gap_report_counts_each_member_once_per_fact(store) {
        for message in 1..=50 {
            let mut down = vote(message, Some(1), "kuril", Direction::Down, 100);
            down.user = 7;
            store.vote(&down).unwrap();
        }
        let mut changed = vote(51, Some(1), "kuril", Direction::Up, 200);
        changed.user = 8;
        store.vote(&changed).unwrap();
        store.vote(&vote(52, Some(1), "kuril", Direction::Down, 100)).unwrap();
        let fact = &store.gap_report(Some(1), 0, 10).unwrap().downvoted[0];
        assert_eq!((fact.down, fact.up), (2, 1), "fifty down votes from one member count once");
    });

    both_backends!(fn gap_report_filters_by_server(store) {
        store.record_gap_kept(&gap(Some(1), "one", 10, 0.1)).unwrap();
        store.record_gap_kept(&gap(Some(2), "two", 10, 0.1)).unwrap();
        store.record_gap_kept(&gap(None, "dm", 10, 0.1)).unwrap();
        store.record_gap_kept(&gap(Some(u64::MAX), "big", 10, 0.1)).unwrap();
        assert_eq!(summary(&store.gap_report(Some(1), 0, 10).unwrap()), vec![("one", 1, 10)]);
        assert_eq!(summary(&store.gap_report(Some(u64::MAX), 0, 10).unwrap()), vec![("big", 1, 10)]);
        assert_eq!(
            summary(&store.gap_report(None, 0, 10).unwrap()),
            vec![("big", 1, 10), ("dm", 1, 10), ("one", 1, 10), ("two", 1, 10)]
        );
        assert!(store.gap_report(Some(3), 0, 10).unwrap().unanswered.is_empty());
    });

    both_backends!(fn gap_report_downvoted_order_window_and_server(store) {
        let votes = [
            (1, Some(1), "a", Direction::Down, 100),
            (2, Some(1), "a", Direction::Up, 100),
            (3, Some(1), "b", Direction::Down, 100),
            (4, Some(1), "c", Direction::Down, 100),
            (5, Some(1), "c", Direction::Down, 100),
            (6, Some(1), "d", Direction::Up, 100),
            (7, Some(2), "e", Direction::Down, 100),
            (8, Some(1), "f", Direction::Down, 10),
            (9, None, "g", Direction::Down, 100),
        ];
        for (message, guild, fact, direction, at) in votes {
            store.vote(&vote(message, guild, fact, direction, at)).unwrap();
        }
        let ids = |report: GapReport| -> Vec<(String, u64, u64)> {
            report.downvoted.into_iter().map(|f| (f.fact_id, f.down, f.up)).collect()
        };
        assert_eq!(
            ids(store.gap_report(Some(1), 50, 10).unwrap()),
            vec![("c".into(), 2, 0), ("b".into(), 1, 0), ("a".into(), 1, 1)]
        );
        let everywhere = ids(store.gap_report(None, 0, 10).unwrap());
        let facts: Vec<&str> = everywhere.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(facts, vec!["c", "b", "e", "f", "g", "a"]);
        assert_eq!(ids(store.gap_report(Some(1), 50, 1).unwrap()), vec![("c".into(), 2, 0)]);
        assert!(store.gap_report(Some(1), 101, 10).unwrap().downvoted.is_empty());
    });
}
