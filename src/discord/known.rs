//! Servers' stored settings kept in memory, so questions never wait on the store for them, and
//! forgotten when another process announces a change to them.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::state::GuildSettings;

/// The copies, and a count of the changes announced, which tells a read that began before a change
/// that its result may be older than the store.
#[derive(Debug, Default)]
pub(super) struct KnownSettings {
    copies: Mutex<HashMap<u64, GuildSettings>>,
    changes: AtomicU64,
}

impl KnownSettings {
    /// The copy of server `guild`'s settings, if there is one.
    pub(super) fn get(&self, guild: u64) -> Option<GuildSettings> {
        self.lock().get(&guild).cloned()
    }

    /// A mark to take before reading or writing the store, for [`KnownSettings::read`] and
    /// [`KnownSettings::wrote`].
    pub(super) fn mark(&self) -> u64 {
        self.changes.load(Ordering::SeqCst)
    }

    /// What to use of `stored`, read since `mark`: a copy made meanwhile is newer and wins; else it
    /// is kept, unless a change was announced since `mark` (then the next question reads again).
    pub(super) fn read(&self, guild: u64, stored: GuildSettings, mark: u64) -> GuildSettings {
        let mut copies = self.lock();
        if let Some(newer) = copies.get(&guild) {
            return newer.clone();
        }
        if self.mark() == mark {
            copies.insert(guild, stored.clone());
        }
        stored
    }

    /// Keeps `stored`, just written by this process since `mark`, unless a change was announced since.
    pub(super) fn wrote(&self, guild: u64, stored: &GuildSettings, mark: u64) {
        let mut copies = self.lock();
        if self.mark() == mark {
            copies.insert(guild, stored.clone());
        } else {
            copies.remove(&guild);
        }
    }

    /// Forgets server `guild`'s copy (`None`: every server's) after a change was announced.
    pub(super) fn forget(&self, guild: Option<u64>) {
        let mut copies = self.lock();
        self.changes.fetch_add(1, Ordering::SeqCst);
        match guild {
            Some(guild) => drop(copies.remove(&guild)),
            None => copies.clear(),
        }
    }

    /// Locks the copies, recovering them if a thread panicked while holding them.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, GuildSettings>> {
        self.copies.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_role(role: u64) -> GuildSettings {
        GuildSettings { moderator_role: Some(role), ..Default::default() }
    }

    #[test]
    fn read_is_kept_when_nothing_changed() {
        let known = KnownSettings::default();
        let mark = known.mark();
        assert_eq!(known.read(1, with_role(5), mark), with_role(5));
        assert_eq!(known.get(1), Some(with_role(5)));
    }

    #[test]
    fn read_that_began_before_a_change_is_used_once_not_kept() {
        let known = KnownSettings::default();
        let mark = known.mark();
        known.forget(Some(1));
        assert_eq!(known.read(1, with_role(5), mark), with_role(5));
        assert_eq!(known.get(1), None, "the next question reads the store again");
    }

    #[test]
    fn read_loses_to_a_copy_made_meanwhile() {
        let known = KnownSettings::default();
        let mark = known.mark();
        known.wrote(1, &with_role(7), known.mark());
        assert_eq!(known.read(1, with_role(5), mark), with_role(7));
    }

    #[test]
    fn wrote_is_dropped_when_a_change_was_announced_meanwhile() {
        let known = KnownSettings::default();
        known.wrote(1, &with_role(5), known.mark());
        let mark = known.mark();
        known.forget(None);
        known.wrote(1, &with_role(7), mark);
        assert_eq!(known.get(1), None);
    }
}
