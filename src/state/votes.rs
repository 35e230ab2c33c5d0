//! Feedback on answers: one up or down vote per member per answer message.

use rusqlite::{OptionalExtension, params};

use super::{StateError, Store, count_out, id_in, sqlite_or};

/// Which way a member voted on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The answer helped.
    Up,
    /// The answer was wrong or unhelpful.
    Down,
}

impl Direction {
    /// The direction as stored (`"up"` or `"down"`).
    ///
    /// ```
    /// assert_eq!(nichiro::state::Direction::Down.as_str(), "down");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// One member's vote on one answer message.
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    /// The answer message voted on.
    pub message: u64,
    /// The member who voted.
    pub user: u64,
    /// The server, or `None` in direct messages.
    pub guild: Option<u64>,
    /// The fact the answer was built from.
    pub fact_id: String,
    /// Which way the member voted.
    pub direction: Direction,
    /// When, in unix seconds.
    pub at: i64,
}

/// What a vote did to the stored votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    /// The member had not voted on this message before.
    New,
    /// The member's earlier vote the other way was replaced.
    Changed,
    /// The member had already voted this way; nothing changed.
    Unchanged,
}

/// The votes on one answer message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many members voted up.
    pub up: u64,
    /// How many members voted down.
    pub down: u64,
}

impl Store {
    /// Records `vote`, replacing the same member's earlier vote on the same message.
    ///
    /// ```
    /// use nichiro::state::{Direction, Store, Vote, VoteOutcome};
    /// let store = Store::open_in_memory().unwrap();
    /// let mut vote = Vote { message: 10, user: 20, guild: Some(1), fact_id: "kuril".into(), direction: Direction::Up, at: 100 };
    /// assert_eq!(store.vote(&vote).unwrap(), VoteOutcome::New);
    /// vote.direction = Direction::Down;
    /// assert_eq!(store.vote(&vote).unwrap(), VoteOutcome::Changed);
    /// assert_eq!(store.vote(&vote).unwrap(), VoteOutcome::Unchanged);
    /// ```
    pub fn vote(&self, vote: &Vote) -> Result<VoteOutcome, StateError> {
        let db = sqlite_or!(self, pg => pg.vote(vote));
        db.write("record a vote", |tx| {
            let key = params![id_in(vote.message), id_in(vote.user)];
            let before: Option<String> = tx
                .query_row("SELECT direction FROM votes WHERE message = ?1 AND user = ?2", key, |row| {
                    row.get(0)
                })
                .optional()?;
            let outcome = match before {
                None => VoteOutcome::New,
                Some(d) if d == vote.direction.as_str() => return Ok(VoteOutcome::Unchanged),
                Some(_) => VoteOutcome::Changed,
            };
            tx.execute(
                "INSERT INTO votes (message, user, guild, fact_id, direction, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (message, user) DO UPDATE SET
                     guild = excluded.guild, fact_id = excluded.fact_id,
                     direction = excluded.direction, at = excluded.at",
                params![
                    id_in(vote.message),
                    id_in(vote.user),
                    vote.guild.map(id_in),
                    vote.fact_id,
                    vote.direction.as_str(),
                    vote.at
                ],
            )?;
            Ok(outcome)
        })
    }

    /// The up and down votes on answer `message`.
    ///
    /// ```
    /// use nichiro::state::{Direction, Store, Tally, Vote};
    /// let store = Store::open_in_memory().unwrap();
    /// let vote = Vote { message: 10, user: 20, guild: None, fact_id: "kuril".into(), direction: Direction::Up, at: 100 };
    /// store.vote(&vote).unwrap();
    /// assert_eq!(store.tally(10).unwrap(), Tally { up: 1, down: 0 });
    /// ```
    pub fn tally(&self, message: u64) -> Result<Tally, StateError> {
        let db = sqlite_or!(self, pg => pg.tally(message));
        db.read("count the votes on a message", |conn| {
            conn.query_row(
                "SELECT COALESCE(SUM(direction = 'up'), 0), COALESCE(SUM(direction = 'down'), 0)
                 FROM votes WHERE message = ?1",
                params![id_in(message)],
                |row| Ok(Tally { up: count_out(row.get(0)?), down: count_out(row.get(1)?) }),
            )
        })
    }

    /// How many votes are stored, over every message and server.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.vote_count().unwrap(), 0);
    /// ```
    pub fn vote_count(&self) -> Result<u64, StateError> {
        let db = sqlite_or!(self, pg => pg.vote_count());
        db.read("count all votes", |conn| {
            conn.query_row("SELECT COUNT(*) FROM votes", [], |row| row.get(0).map(count_out))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::both_backends;

    fn vote(message: u64, user: u64, direction: Direction) -> Vote {
        Vote { message, user, guild: Some(1), fact_id: "kuril".into(), direction, at: 100 }
    }

    both_backends!(fn vote_new_counts_in_tally(store) {
        assert_eq!(store.vote(&vote(10, 1, Direction::Up)).unwrap(), VoteOutcome::New);
        assert_eq!(store.vote(&vote(10, 2, Direction::Down)).unwrap(), VoteOutcome::New);
        assert_eq!(store.vote(&vote(10, 3, Direction::Down)).unwrap(), VoteOutcome::New);
        assert_eq!(store.tally(10).unwrap(), Tally { up: 1, down: 2 });
        assert_eq!(store.vote_count().unwrap(), 3);
    });

    both_backends!(fn vote_change_replaces(store) {
        store.vote(&vote(10, 1, Direction::Up)).unwrap();
        assert_eq!(store.tally(10).unwrap(), Tally { up: 1, down: 0 });
        let mut changed = vote(10, 1, Direction::Down);
        changed.at = 200;
        assert_eq!(store.vote(&changed).unwrap(), VoteOutcome::Changed);
        assert_eq!(store.tally(10).unwrap(), Tally { up: 0, down: 1 });
        assert_eq!(store.vote_count().unwrap(), 1);
        let since_change = store.gap_report(None, 200, 10).unwrap().downvoted;
        assert_eq!(since_change.len(), 1, "the changed vote carries its new time");
    });

    both_backends!(fn vote_same_direction_is_unchanged(store) {
        store.vote(&vote(10, 1, Direction::Down)).unwrap();
        assert_eq!(store.vote(&vote(10, 1, Direction::Down)).unwrap(), VoteOutcome::Unchanged);
        assert_eq!(store.tally(10).unwrap(), Tally { up: 0, down: 1 });
        assert_eq!(store.vote_count().unwrap(), 1);
    });

    both_backends!(fn vote_is_per_member_per_message(store) {
        store.vote(&vote(10, 1, Direction::Up)).unwrap();
        assert_eq!(store.vote(&vote(11, 1, Direction::Up)).unwrap(), VoteOutcome::New);
        assert_eq!(store.tally(10).unwrap(), Tally { up: 1, down: 0 });
        assert_eq!(store.tally(11).unwrap(), Tally { up: 1, down: 0 });
        assert_eq!(store.vote_count().unwrap(), 2);
    });

    both_backends!(fn tally_of_unvoted_message_is_zero(store) {
        store.vote(&vote(10, 1, Direction::Up)).unwrap();
        assert_eq!(store.tally(99).unwrap(), Tally::default());
    });

    both_backends!(fn vote_ids_round_trip_u64_max(store) {
        let mut big = vote(u64::MAX, u64::MAX, Direction::Up);
        big.guild = Some(u64::MAX);
        assert_eq!(store.vote(&big).unwrap(), VoteOutcome::New);
        assert_eq!(store.vote(&vote(u64::MAX, 1, Direction::Down)).unwrap(), VoteOutcome::New);
        assert_eq!(store.tally(u64::MAX).unwrap(), Tally { up: 1, down: 1 });
        assert_eq!(store.tally(u64::MAX - 1).unwrap(), Tally::default());
        big.direction = Direction::Down;
        assert_eq!(store.vote(&big).unwrap(), VoteOutcome::Changed);
        assert_eq!(store.gap_report(Some(u64::MAX), 0, 10).unwrap().downvoted[0].down, 1);
    });
}
