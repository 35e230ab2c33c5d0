//! Every state read and write in PostgreSQL's dialect, each the counterpart of the SQLite one that
//! [`Store`](crate::state::Store) documents.

use postgres::{GenericClient, Row};

use super::super::gaps::{cut, gap_guild};
use super::super::{
    FactVotes, Gap, GapGroup, GapReport, GuildSettings, MAX_GAP_CHARS, NewSuggestion, Retention, Score,
    SettingsChange, StateError, Status, Suggestion, Tally, Vote, VoteOutcome, count_out, id_in, id_out,
    limit_in,
};
use super::{Postgres, announce};

macro_rules! columns {
    () => {
        "id, guild, channel, author, question, passage, source, status, reviewer, reason, created_at, reviewed_at"
    };
}

/// The announcement that server `guild`'s settings changed.
pub(super) fn settings_changed(guild: u64) -> String {
    format!("settings {guild}")
}

/// The announcement that server `guild`'s approved suggestions changed.
pub(super) fn approved_changed(guild: u64) -> String {
    format!("approved {guild}")
}

impl Postgres {
    pub(in crate::state) fn vote(&self, vote: &Vote) -> Result<VoteOutcome, StateError> {
        self.write("record a vote", |tx| {
            let key = [id_in(vote.message), id_in(vote.user)];
            let before = tx.query_opt(
                r#"SELECT direction FROM votes WHERE message = $1 AND "user" = $2 FOR UPDATE"#,
                &[&key[0], &key[1]],
            )?;
            let before: Option<String> = before.map(|row| row.try_get(0)).transpose()?;
            let outcome = match before {
                None => VoteOutcome::New,
                Some(d) if d == vote.direction.as_str() => return Ok(VoteOutcome::Unchanged),
                Some(_) => VoteOutcome::Changed,
            };
            tx.execute(
                r#"INSERT INTO votes (message, "user", guild, fact_id, direction, at)
                   VALUES ($1, $2, $3, $4, $5, $6)
                   ON CONFLICT (message, "user") DO UPDATE SET
                       guild = excluded.guild, fact_id = excluded.fact_id,
                       direction = excluded.direction, at = excluded.at"#,
                &[
                    &key[0],
                    &key[1],
                    &vote.guild.map(id_in),
                    &vote.fact_id,
                    &vote.direction.as_str(),
                    &vote.at,
                ],
            )?;
            Ok(outcome)
        })
    }

    pub(in crate::state) fn tally(&self, message: u64) -> Result<Tally, StateError> {
        self.read("count the votes on a message", |client| {
            let row = client.query_one(
                "SELECT COUNT(*) FILTER (WHERE direction = 'up'), COUNT(*) FILTER (WHERE direction = 'down')
                 FROM votes WHERE message = $1",
                &[&id_in(message)],
            )?;
            Ok(Tally { up: count_out(row.try_get(0)?), down: count_out(row.try_get(1)?) })
        })
    }

    pub(in crate::state) fn vote_count(&self) -> Result<u64, StateError> {
        self.read("count all votes", |client| {
            Ok(count_out(client.query_one("SELECT COUNT(*) FROM votes", &[])?.try_get(0)?))
        })
    }

    pub(in crate::state) fn add_points(&self, guild: u64, user: u64, points: u32) -> Result<u64, StateError> {
        self.write("add quiz points", |tx| {
            let row = tx.query_one(
                r#"INSERT INTO scores AS s (guild, "user", points) VALUES ($1, $2, $3)
                   ON CONFLICT (guild, "user") DO UPDATE SET points = s.points + excluded.points
                   RETURNING points"#,
                &[&id_in(guild), &id_in(user), &i64::from(points)],
            )?;
            Ok(count_out(row.try_get(0)?))
        })
    }

    pub(in crate::state) fn leaderboard(&self, guild: u64, limit: usize) -> Result<Vec<Score>, StateError> {
        self.report("read the quiz leaderboard", |tx| {
            // `user < 0` first sorts ids below 2^63 before the ones above it, as unsigned order does.
            let rows = tx.query(
                r#"SELECT "user", points FROM scores WHERE guild = $1
                   ORDER BY points DESC, "user" < 0, "user" LIMIT $2"#,
                &[&id_in(guild), &limit_in(limit)],
            )?;
            rows.iter()
                .map(|row| Ok(Score { user: id_out(row.try_get(0)?), points: count_out(row.try_get(1)?) }))
                .collect()
        })
    }

    pub(in crate::state) fn settings(&self, guild: u64) -> Result<GuildSettings, StateError> {
        self.report("read server settings", |tx| load_settings(tx, guild))
    }

    pub(in crate::state) fn change_settings(
        &self,
        guild: u64,
        change: &SettingsChange,
    ) -> Result<GuildSettings, StateError> {
        self.write("change server settings", |tx| {
            let g = id_in(guild);
            tx.execute("INSERT INTO guild_settings (guild) VALUES ($1) ON CONFLICT DO NOTHING", &[&g])?;
            if change.clear_channels {
                tx.execute("DELETE FROM mention_channels WHERE guild = $1", &[&g])?;
            }
            if let Some(channel) = change.add_channel {
                tx.execute(
                    "INSERT INTO mention_channels (guild, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    &[&g, &id_in(channel)],
                )?;
            }
            if let Some(channel) = change.remove_channel {
                tx.execute(
                    "DELETE FROM mention_channels WHERE guild = $1 AND channel = $2",
                    &[&g, &id_in(channel)],
                )?;
            }
            let set = |column: &str| format!("UPDATE guild_settings SET {column} = $2 WHERE guild = $1");
            if let Some(role) = change.moderator_role {
                tx.execute(&set("moderator_role"), &[&g, &role.map(id_in)])?;
            }
            if let Some(below) = change.decline_below {
                tx.execute(&set("decline_below"), &[&g, &below.map(f64::from)])?;
            }
            if let Some(n) = change.cooldown_questions {
                tx.execute(&set("cooldown_questions"), &[&g, &n.map(i64::from)])?;
            }
            if let Some(secs) = change.cooldown_seconds {
                tx.execute(&set("cooldown_seconds"), &[&g, &secs.map(i64::from)])?;
            }
            announce(tx, &settings_changed(guild))?;
            load_settings(tx, guild)
        })
    }

    pub(in crate::state) fn suggest(&self, s: &NewSuggestion) -> Result<Suggestion, StateError> {
        self.write("store a suggestion", |tx| insert_suggestion(tx, s))
    }

    pub(in crate::state) fn suggest_within(
        &self,
        s: &NewSuggestion,
        max_pending: usize,
    ) -> Result<Option<Suggestion>, StateError> {
        self.write("store a suggestion within the member's limit", |tx| {
            // Two processes may take the same member's suggestions at once: count them one at a time.
            tx.execute("SELECT pg_advisory_xact_lock($1, $2)", &[&hash32(s.guild), &hash32(s.author)])?;
            let waiting: i64 = tx
                .query_one(
                    "SELECT COUNT(*) FROM suggestions WHERE guild = $1 AND author = $2 AND status = 'pending'",
                    &[&id_in(s.guild), &id_in(s.author)],
                )?
                .try_get(0)?;
            if usize::try_from(waiting).unwrap_or(usize::MAX) >= max_pending {
                return Ok(None);
            }
            insert_suggestion(tx, s).map(Some)
        })
    }

    pub(in crate::state) fn suggestion(&self, id: i64) -> Result<Option<Suggestion>, StateError> {
        self.read("read a suggestion", |client| load_suggestion(client, id))
    }

    pub(in crate::state) fn pending(&self, guild: u64) -> Result<Vec<Suggestion>, StateError> {
        self.report("list pending suggestions", |tx| {
            let query = concat!(
                "SELECT ",
                columns!(),
                " FROM suggestions WHERE guild = $1 AND status = 'pending' ORDER BY id"
            );
            tx.query(query, &[&id_in(guild)])?.iter().map(suggestion_from).collect()
        })
    }

    pub(in crate::state) fn review(
        &self,
        id: i64,
        guild: u64,
        status: Status,
        reviewer: u64,
        reason: Option<&str>,
        at: i64,
    ) -> Result<Option<Suggestion>, StateError> {
        let what = if status == Status::Approved { "approve a suggestion" } else { "reject a suggestion" };
        self.write(what, |tx| {
            let changed = tx.execute(
                "UPDATE suggestions SET status = $3, reviewer = $4, reason = $5, reviewed_at = $6
                 WHERE id = $1 AND guild = $2 AND status = 'pending'",
                &[&id, &id_in(guild), &status.as_str(), &id_in(reviewer), &reason, &at],
            )?;
            if changed == 0 {
                return Ok(None);
            }
            if status == Status::Approved {
                announce(tx, &approved_changed(guild))?;
            }
            load_suggestion(tx, id)
        })
    }

    pub(in crate::state) fn approved(&self, guild: Option<u64>) -> Result<Vec<Suggestion>, StateError> {
        self.read("list approved suggestions", |client| {
            // `guild < 0` first sorts ids below 2^63 before the ones above it, as unsigned order does.
            let query = concat!(
                "SELECT ",
                columns!(),
                " FROM suggestions WHERE status = 'approved' AND ($1::BIGINT IS NULL OR guild = $1)
                  ORDER BY guild < 0, guild, id"
            );
            client.query(query, &[&guild.map(id_in)])?.iter().map(suggestion_from).collect()
        })
    }

    pub(in crate::state) fn record_gap(&self, gap: &Gap, keep: Retention) -> Result<(), StateError> {
        self.write("record a gap", |tx| {
            let guild = gap_guild(gap.guild);
            let count: i64 = tx
                .query_one(
                    "INSERT INTO gaps AS g (guild, normalized, text, channel, count, first_at, last_at, best_fact, score)
                     VALUES ($1, $2, $3, $4, 1, $5, $5, $6, $7)
                     ON CONFLICT (guild, normalized) DO UPDATE SET
                         text = excluded.text, channel = excluded.channel, count = g.count + 1,
                         last_at = GREATEST(g.last_at, excluded.last_at), best_fact = excluded.best_fact,
                         score = GREATEST(g.score, excluded.score)
                     RETURNING count",
                    &[
                        &guild,
                        &cut(&gap.normalized, MAX_GAP_CHARS),
                        &cut(&gap.text, MAX_GAP_CHARS),
                        &id_in(gap.channel),
                        &gap.at,
                        &gap.best_fact,
                        &f64::from(gap.score),
                    ],
                )?
                .try_get(0)?;
            if count == 1 {
                tx.execute(
                    "DELETE FROM gaps WHERE guild = $1 AND normalized IN (
                         SELECT normalized FROM gaps WHERE guild = $1 ORDER BY last_at DESC OFFSET $2)",
                    &[&guild, &limit_in(keep.per_server)],
                )?;
            }
            Ok(())
        })
    }

    pub(in crate::state) fn prune_gaps(&self, before: i64) -> Result<usize, StateError> {
        self.write("delete old gaps", |tx| {
            let gone = tx.execute("DELETE FROM gaps WHERE last_at < $1", &[&before])?;
            Ok(usize::try_from(gone).unwrap_or(usize::MAX))
        })
    }

    pub(in crate::state) fn gap_report(
        &self,
        guild: Option<u64>,
        since: i64,
        limit: usize,
    ) -> Result<GapReport, StateError> {
        self.report("build the gap report", |tx| {
            let (guild, limit) = (guild.map(id_in), limit_in(limit));
            Ok(GapReport {
                unanswered: unanswered(tx, guild, since, limit)?,
                downvoted: downvoted(tx, guild, since, limit)?,
            })
        })
    }
}

/// A 32-bit key for an advisory lock from an id (collisions only make two members wait in turn).
fn hash32(id: u64) -> i32 {
    (id ^ (id >> 32)) as i32
}

fn load_settings(client: &mut impl GenericClient, guild: u64) -> Result<GuildSettings, postgres::Error> {
    let g = id_in(guild);
    let row = client.query_opt(
        "SELECT moderator_role, decline_below, cooldown_questions, cooldown_seconds
         FROM guild_settings WHERE guild = $1",
        &[&g],
    )?;
    let Some(row) = row else { return Ok(GuildSettings::default()) };
    let small = |n: Option<i64>| n.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let mut channels: Vec<u64> = client
        .query("SELECT channel FROM mention_channels WHERE guild = $1", &[&g])?
        .iter()
        .map(|row| row.try_get(0).map(id_out))
        .collect::<Result<_, _>>()?;
    channels.sort_unstable();
    Ok(GuildSettings {
        mention_channels: channels,
        moderator_role: row.try_get::<_, Option<i64>>(0)?.map(id_out),
        // Stored from an f32, so narrowing back is exact.
        decline_below: row.try_get::<_, Option<f64>>(1)?.map(|v| v as f32),
        cooldown_questions: small(row.try_get(2)?),
        cooldown_seconds: small(row.try_get(3)?),
    })
}

fn insert_suggestion(
    client: &mut impl GenericClient,
    s: &NewSuggestion,
) -> Result<Suggestion, postgres::Error> {
    let query = concat!(
        "INSERT INTO suggestions (guild, channel, author, question, passage, source, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ",
        columns!()
    );
    let row = client.query_one(
        query,
        &[&id_in(s.guild), &id_in(s.channel), &id_in(s.author), &s.question, &s.passage, &s.source, &s.at],
    )?;
    suggestion_from(&row)
}

fn load_suggestion(client: &mut impl GenericClient, id: i64) -> Result<Option<Suggestion>, postgres::Error> {
    let query = concat!("SELECT ", columns!(), " FROM suggestions WHERE id = $1");
    client.query_opt(query, &[&id])?.as_ref().map(suggestion_from).transpose()
}

/// A suggestion from a row selected with `columns!()`.
fn suggestion_from(row: &Row) -> Result<Suggestion, postgres::Error> {
    // The table's CHECK admits only the three statuses; anything else is never served as approved.
    let status = Status::parse(row.try_get(7)?).unwrap_or(Status::Rejected);
    Ok(Suggestion {
        id: row.try_get(0)?,
        guild: id_out(row.try_get(1)?),
        channel: id_out(row.try_get(2)?),
        author: id_out(row.try_get(3)?),
        question: row.try_get(4)?,
        passage: row.try_get(5)?,
        source: row.try_get(6)?,
        status,
        reviewer: row.try_get::<_, Option<i64>>(8)?.map(id_out),
        reason: row.try_get(9)?,
        created_at: row.try_get(10)?,
        reviewed_at: row.try_get(11)?,
    })
}

/// Gaps grouped by normalised text, as the SQLite report groups them.
fn unanswered(
    client: &mut impl GenericClient,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> Result<Vec<GapGroup>, postgres::Error> {
    let rows = client.query(
        "WITH recent AS (
             SELECT * FROM gaps WHERE last_at >= $1 AND ($2::BIGINT IS NULL OR guild = $2)
         ), grouped AS (
             SELECT normalized, SUM(count)::BIGINT AS n, MAX(last_at) AS last_at, MAX(score) AS best_score
             FROM recent GROUP BY normalized
         ), latest AS (
             SELECT normalized, text, best_fact,
                    ROW_NUMBER() OVER (PARTITION BY normalized ORDER BY last_at DESC, guild) AS pos
             FROM recent
         )
         SELECT g.normalized, l.text, g.n, g.last_at, l.best_fact, g.best_score
         FROM grouped AS g JOIN latest AS l ON l.normalized = g.normalized AND l.pos = 1
         ORDER BY g.n DESC, g.last_at DESC, g.normalized COLLATE \"C\"
         LIMIT $3",
        &[&since, &guild, &limit],
    )?;
    rows.iter()
        .map(|row| {
            Ok(GapGroup {
                normalized: row.try_get(0)?,
                example: row.try_get(1)?,
                count: count_out(row.try_get(2)?),
                last_at: row.try_get(3)?,
                best_fact: row.try_get(4)?,
                // Stored from an f32, so narrowing back is exact.
                best_score: row.try_get::<_, f64>(5)? as f32,
            })
        })
        .collect()
}

/// Facts with at least one down vote, each member counted once per fact (their latest vote).
fn downvoted(
    client: &mut impl GenericClient,
    guild: Option<i64>,
    since: i64,
    limit: i64,
) -> Result<Vec<FactVotes>, postgres::Error> {
    let rows = client.query(
        r#"SELECT fact_id, COUNT(*) FILTER (WHERE latest = 'down') AS down,
                  COUNT(*) FILTER (WHERE latest = 'up') AS up
           FROM (SELECT DISTINCT ON (fact_id, "user") fact_id, direction AS latest
                 FROM votes WHERE at >= $1 AND ($2::BIGINT IS NULL OR guild = $2)
                 ORDER BY fact_id, "user", at DESC) AS latest_votes
           GROUP BY fact_id HAVING COUNT(*) FILTER (WHERE latest = 'down') > 0
           ORDER BY down DESC, up, fact_id COLLATE "C"
           LIMIT $3"#,
        &[&since, &guild, &limit],
    )?;
    rows.iter()
        .map(|row| {
            Ok(FactVotes {
                fact_id: row.try_get(0)?,
                down: count_out(row.try_get(1)?),
                up: count_out(row.try_get(2)?),
            })
        })
        .collect()
}
