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
