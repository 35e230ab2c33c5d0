//! Quiz scores per server.

use rusqlite::params;

use super::{StateError, Store, count_out, id_in, id_out, limit_in, sqlite_or};

/// One member's quiz points on one server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// The member.
    pub user: u64,
    /// Their total points.
    pub points: u64,
}

impl Store {
    /// Adds `points` to `user`'s quiz total on server `guild` and returns the new total.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.add_points(1, 42, 3).unwrap(), 3);
    /// assert_eq!(store.add_points(1, 42, 2).unwrap(), 5);
    /// ```
    pub fn add_points(&self, guild: u64, user: u64, points: u32) -> Result<u64, StateError> {
        let db = sqlite_or!(self, pg => pg.add_points(guild, user, points));
        db.write("add quiz points", |tx| {
            tx.query_row(
                "INSERT INTO scores (guild, user, points) VALUES (?1, ?2, ?3)
                 ON CONFLICT (guild, user) DO UPDATE SET points = points + excluded.points
                 RETURNING points",
                params![id_in(guild), id_in(user), points],
                |row| row.get(0).map(count_out),
            )
        })
    }

    /// The top `limit` quiz scores on server `guild`, highest first, ties by ascending user id.
    ///
    /// ```
    /// use nichiro::state::{Score, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// store.add_points(1, 42, 3).unwrap();
    /// store.add_points(1, 7, 5).unwrap();
    /// let top = store.leaderboard(1, 10).unwrap();
    /// assert_eq!(top, vec![Score { user: 7, points: 5 }, Score { user: 42, points: 3 }]);
    /// ```
    pub fn leaderboard(&self, guild: u64, limit: usize) -> Result<Vec<Score>, StateError> {
        let db = sqlite_or!(self, pg => pg.leaderboard(guild, limit));
        db.report("read the quiz leaderboard", |conn| {
            // `user < 0` first sorts ids below 2^63 before the ones above it, as unsigned order does.
            let mut stmt = conn.prepare_cached(
                "SELECT user, points FROM scores WHERE guild = ?1
                 ORDER BY points DESC, user < 0, user LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![id_in(guild), limit_in(limit)], |row| {
                Ok(Score { user: id_out(row.get(0)?), points: count_out(row.get(1)?) })
            })?;
            rows.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::both_backends;

    both_backends!(fn add_points_accumulates_per_server_and_member(store) {
        assert_eq!(store.add_points(1, 10, 3).unwrap(), 3);
        assert_eq!(store.add_points(1, 10, 4).unwrap(), 7);
        assert_eq!(store.add_points(1, 11, 1).unwrap(), 1);
        assert_eq!(store.add_points(2, 10, 5).unwrap(), 5);
        assert_eq!(store.add_points(1, 10, 0).unwrap(), 7);
        assert_eq!(store.add_points(1, 12, u32::MAX).unwrap(), u64::from(u32::MAX));
        assert_eq!(store.add_points(1, 12, u32::MAX).unwrap(), 2 * u64::from(u32::MAX));
    });

    both_backends!(fn leaderboard_highest_first_ties_by_user(store) {
        for (user, points) in [(u64::MAX, 5), (30, 5), (1 << 63, 5), (20, 9), (10, 1), (40, 5)] {
            store.add_points(1, user, points).unwrap();
        }
        store.add_points(2, 99, 100).unwrap();
        let users: Vec<(u64, u64)> =
            store.leaderboard(1, 10).unwrap().into_iter().map(|s| (s.user, s.points)).collect();
        assert_eq!(users, vec![(20, 9), (30, 5), (40, 5), (1 << 63, 5), (u64::MAX, 5), (10, 1)]);
    });

    both_backends!(fn leaderboard_respects_limit_and_empty_server(store) {
        for user in 1..=5 {
            store.add_points(1, user, user as u32).unwrap();
        }
        let top = store.leaderboard(1, 2).unwrap();
        assert_eq!(top, vec![Score { user: 5, points: 5 }, Score { user: 4, points: 4 }]);
        assert!(store.leaderboard(1, 0).unwrap().is_empty());
        assert_eq!(store.leaderboard(1, usize::MAX).unwrap().len(), 5);
        assert!(store.leaderboard(3, 10).unwrap().is_empty());
    });
}
