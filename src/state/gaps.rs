//! Knowledge gaps: questions the bot declined or answered with low confidence, and the facts
//! members voted down.

use rusqlite::{Connection, params};

use super::{StateError, Store, count_out, id_in, limit_in};

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
    /// How many times the question was asked.
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

impl Store {
    /// Records a declined or low-confidence question.
    ///
    /// ```
    /// use nichiro::state::{Gap, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let gap = Gap { guild: Some(1), channel: 2, text: "Who won?".into(), normalized: "who won".into(),
    ///                 at: 100, best_fact: None, score: 0.1 };
    /// store.record_gap(&gap).unwrap();
    /// assert_eq!(store.gap_report(Some(1), 0, 10).unwrap().unanswered[0].count, 1);
    /// ```
    pub fn record_gap(&self, gap: &Gap) -> Result<(), StateError> {
        self.write("record a gap", |tx| {
            tx.execute(
                "INSERT INTO gaps (guild, channel, text, normalized, at, best_fact, score)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    gap.guild.map(id_in),
                    id_in(gap.channel),
                    gap.text,
                    gap.normalized,
                    gap.at,
                    gap.best_fact,
                    f64::from(gap.score)
                ],
            )?;
            Ok(())
        })
    }

    /// The unanswered questions and down-voted facts since `since` (unix seconds, inclusive), on
    /// server `guild` or on every server and in direct messages if `None`; at most `limit` of each.
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
        self.read("build the gap report", |conn| {
            let guild = guild.map(id_in);
            let limit = limit_in(limit);
            Ok(GapReport {
                unanswered: unanswered(conn, guild, since, limit)?,
                downvoted: downvoted(conn, guild, since, limit)?,
            })
        })
    }
}

/// Gaps grouped by normalised text; `guild` is the stored id or `None` for every server.
fn unanswered(
    conn: &Connection,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> rusqlite::Result<Vec<GapGroup>> {
    let mut stmt = conn.prepare_cached(
        "WITH recent AS (
             SELECT * FROM gaps WHERE at >= ?1 AND (?2 IS NULL OR guild = ?2)
         ), grouped AS (
             SELECT normalized, COUNT(*) AS n, MAX(at) AS last_at, MAX(score) AS best_score
             FROM recent GROUP BY normalized
         ), latest AS (
             SELECT normalized, text, best_fact,
                    ROW_NUMBER() OVER (PARTITION BY normalized ORDER BY at DESC, id DESC) AS pos
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

/// Facts with at least one down vote; `guild` is the stored id or `None` for every server.
fn downvoted(
    conn: &Connection,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> rusqlite::Result<Vec<FactVotes>> {
    let mut stmt = conn.prepare_cached(
        "SELECT fact_id, SUM(direction = 'down') AS down, SUM(direction = 'up') AS up
         FROM votes WHERE at >= ?1 AND (?2 IS NULL OR guild = ?2)
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

    fn summary(report: &GapReport) -> Vec<(&str, u64, i64)> {
        report.unanswered.iter().map(|g| (g.normalized.as_str(), g.count, g.last_at)).collect()
    }

    fn vote(message: u64, guild: Option<u64>, fact: &str, direction: Direction, at: i64) -> Vote {
        Vote { message, user: 1, guild, fact_id: fact.into(), direction, at }
    }

    #[test]
    fn gap_report_groups_by_normalized_text() {
        let store = Store::open_in_memory().unwrap();
        store.record_gap(&gap(Some(1), "who won", 100, 0.2)).unwrap();
        store.record_gap(&gap(Some(1), "who won", 300, 0.1)).unwrap();
        store.record_gap(&gap(Some(1), "who won", 200, 0.4)).unwrap();
        let mut unmatched = gap(Some(1), "who won", 300, 0.05);
        unmatched.best_fact = None;
        unmatched.text = "WHO WON?".into();
        store.record_gap(&unmatched).unwrap();
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
    }

    #[test]
    fn gap_report_orders_by_count_then_recency_then_text() {
        let store = Store::open_in_memory().unwrap();
        for (text, at) in [("b", 10), ("b", 20), ("c", 15), ("a", 30), ("d", 30), ("e", 5), ("e", 6)] {
            store.record_gap(&gap(Some(1), text, at, 0.1)).unwrap();
        }
        let report = store.gap_report(Some(1), 0, 10).unwrap();
        assert_eq!(
            summary(&report),
            vec![("b", 2, 20), ("e", 2, 6), ("a", 1, 30), ("d", 1, 30), ("c", 1, 15)]
        );
        let top = store.gap_report(Some(1), 0, 3).unwrap();
        assert_eq!(summary(&top), vec![("b", 2, 20), ("e", 2, 6), ("a", 1, 30)]);
    }

    #[test]
    fn gap_report_window_excludes_older_rows() {
        let store = Store::open_in_memory().unwrap();
        store.record_gap(&gap(Some(1), "old", 99, 0.9)).unwrap();
        store.record_gap(&gap(Some(1), "mixed", 50, 0.9)).unwrap();
        store.record_gap(&gap(Some(1), "mixed", 100, 0.3)).unwrap();
        let report = store.gap_report(None, 100, 10).unwrap();
        assert_eq!(summary(&report), vec![("mixed", 1, 100)], "since is inclusive");
        assert_eq!(report.unanswered[0].best_score, 0.3, "older rows do not count towards the best score");
    }

    #[test]
    fn gap_report_filters_by_server() {
        let store = Store::open_in_memory().unwrap();
        store.record_gap(&gap(Some(1), "one", 10, 0.1)).unwrap();
        store.record_gap(&gap(Some(2), "two", 10, 0.1)).unwrap();
        store.record_gap(&gap(None, "dm", 10, 0.1)).unwrap();
        store.record_gap(&gap(Some(u64::MAX), "big", 10, 0.1)).unwrap();
        assert_eq!(summary(&store.gap_report(Some(1), 0, 10).unwrap()), vec![("one", 1, 10)]);
        assert_eq!(summary(&store.gap_report(Some(u64::MAX), 0, 10).unwrap()), vec![("big", 1, 10)]);
        assert_eq!(
            summary(&store.gap_report(None, 0, 10).unwrap()),
            vec![("big", 1, 10), ("dm", 1, 10), ("one", 1, 10), ("two", 1, 10)]
        );
        assert!(store.gap_report(Some(3), 0, 10).unwrap().unanswered.is_empty());
    }

    #[test]
    fn gap_report_downvoted_order_window_and_server() {
        let store = Store::open_in_memory().unwrap();
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
    }
}
