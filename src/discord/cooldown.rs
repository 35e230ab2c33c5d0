//! A per-member cooldown: at most N questions in a sliding window, N and the window set per server,
//! counted separately in each server (and in direct messages).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Every this many questions, members whose window has passed are forgotten.
const PRUNE_EVERY: u32 = 1024;
/// The most members remembered; beyond it, those who asked least recently are forgotten first.
const MAX_ASKERS: usize = 100_000;
/// The longest window a server may set; older entries are never needed.
const LONGEST_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

/// How many questions a user may ask in how long (a limit of 0 disables the cooldown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Questions per window.
    pub questions: u32,
    /// The window.
    pub window: Duration,
}

/// Who asked where: the server (`None` in direct messages) and the user.
pub type Asker = (Option<u64>, u64);

/// One member's recent questions, and the window they were last counted under.
#[derive(Debug, Default)]
struct Recent {
    times: VecDeque<Instant>,
    window: Duration,
}

impl Recent {
    /// Whether nothing here can count against the member any more.
    fn expired(&self, now: Instant) -> bool {
        self.times.back().is_none_or(|t| now.duration_since(*t) >= self.window)
    }
}

#[derive(Debug, Default)]
struct Askers {
    recent: HashMap<Asker, Recent>,
    calls: u32,
}

/// Remembers when each user last asked, to refuse the question that would exceed the limit. The
/// memory is pruned every [`PRUNE_EVERY`] questions, not scanned on each, and never holds more than
/// [`MAX_ASKERS`] members.
#[derive(Debug, Default)]
pub struct Cooldown {
    asked: Mutex<Askers>,
}

impl Cooldown {
    /// Records a question by `user` at `now` under `limit`; `false` when it would exceed the limit
    /// (and is not recorded).
    pub fn admit(&self, user: Asker, now: Instant, limit: Limit) -> bool {
        if limit.questions == 0 {
            return true;
        }
        let mut askers = self.asked.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        askers.calls = askers.calls.wrapping_add(1);
        if askers.calls.is_multiple_of(PRUNE_EVERY) || askers.recent.len() >= MAX_ASKERS {
            prune(&mut askers.recent, now);
        }
        let window = limit.window.min(LONGEST_WINDOW);
        let entry = askers.recent.entry(user).or_default();
        entry.window = window;
        let recent = entry.times.iter().filter(|t| now.duration_since(**t) < window).count();
        if recent >= limit.questions as usize {
            return false;
        }
        entry.times.push_back(now);
        // Only the latest `questions` entries can matter for any later decision under this limit.
        while entry.times.len() > limit.questions.max(1) as usize * 4 {
            entry.times.pop_front();
        }
        true
    }

    /// How many members are remembered.
    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.asked.lock().unwrap_or_else(|p| p.into_inner()).recent.len()
    }
}

/// Forgets members whose window has passed; if that leaves too many, those who asked least recently.
fn prune(recent: &mut HashMap<Asker, Recent>, now: Instant) {
    recent.retain(|_, r| !r.expired(now));
    if recent.len() >= MAX_ASKERS {
        let mut last: Vec<Instant> = recent.values().filter_map(|r| r.times.back().copied()).collect();
        let keep = MAX_ASKERS * 3 / 4;
        let cut = last.len() - keep;
        let (_, oldest_kept, _) = last.select_nth_unstable(cut);
        let oldest_kept = *oldest_kept;
        recent.retain(|_, r| r.times.back().is_some_and(|t| *t >= oldest_kept));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(questions: u32, seconds: u64) -> Limit {
        Limit { questions, window: Duration::from_secs(seconds) }
    }

    #[test]
    fn cooldown_refuses_over_limit_then_recovers() {
        let c = Cooldown::default();
        let t = Instant::now();
        assert!(c.admit((None, 1), t, limit(2, 30)));
        assert!(c.admit((None, 1), t + Duration::from_secs(1), limit(2, 30)));
        assert!(!c.admit((None, 1), t + Duration::from_secs(2), limit(2, 30)));
        assert!(c.admit((None, 2), t + Duration::from_secs(2), limit(2, 30)), "other users are not affected");
        assert!(c.admit((None, 1), t + Duration::from_secs(30), limit(2, 30)));
    }

    #[test]
    fn cooldown_zero_is_off() {
        let c = Cooldown::default();
        assert!((0..100).all(|_| c.admit((None, 1), Instant::now(), limit(0, 30))));
    }

    #[test]
    fn cooldown_counts_each_server_apart() {
        let c = Cooldown::default();
        let t = Instant::now();
        assert!(c.admit((Some(1), 7), t, limit(1, 30)));
        assert!(!c.admit((Some(1), 7), t, limit(1, 30)));
        assert!(c.admit((Some(2), 7), t, limit(1, 30)), "another server's count is its own");
    }

    #[test]
    fn cooldown_forgets_members_whose_window_passed() {
        let c = Cooldown::default();
        let t = Instant::now();
        for user in 0..u64::from(PRUNE_EVERY) - 1 {
            assert!(c.admit((Some(1), user), t, limit(1, 10)));
        }
        assert_eq!(c.remembered(), PRUNE_EVERY as usize - 1);
        assert!(c.admit((Some(1), 1_000_000), t + Duration::from_secs(11), limit(1, 10)));
        assert_eq!(c.remembered(), 1, "pruned on the {PRUNE_EVERY}th question");
    }

    #[test]
    fn cooldown_never_remembers_more_than_the_bound() {
        let c = Cooldown::default();
        let t = Instant::now();
        for user in 0..(MAX_ASKERS as u64 + 10) {
            assert!(c.admit((None, user), t + Duration::from_millis(user), limit(1, 3600)));
        }
        assert!(c.remembered() <= MAX_ASKERS, "{}", c.remembered());
        assert!(!c.admit((None, MAX_ASKERS as u64 + 9), t, limit(1, 3600)), "the latest are kept");
    }

    #[test]
    fn cooldown_new_limit_applies_at_once() {
        let c = Cooldown::default();
        let t = Instant::now();
        assert!(c.admit((None, 1), t, limit(5, 30)));
        assert!(c.admit((None, 1), t, limit(5, 30)));
        assert!(!c.admit((None, 1), t, limit(2, 30)), "a lowered limit counts the questions already asked");
        assert!(
            c.admit((None, 1), t + Duration::from_secs(11), limit(2, 10)),
            "a shorter window forgets sooner"
        );
    }
}
