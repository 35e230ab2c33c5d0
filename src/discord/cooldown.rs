//! A per-member cooldown: at most N questions in a sliding window, N and the window set per server,
//! counted separately in each server (and in direct messages).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// With this many users remembered, those idle for a longest window are forgotten.
const FORGET_FROM: usize = 10_000;
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

/// Remembers when each user last asked, to refuse the question that would exceed the limit.
#[derive(Debug, Default)]
pub struct Cooldown {
    asked: Mutex<HashMap<Asker, VecDeque<Instant>>>,
}

impl Cooldown {
    /// Records a question by `user` at `now` under `limit`; `false` when it would exceed the limit
    /// (and is not recorded).
    pub fn admit(&self, user: Asker, now: Instant, limit: Limit) -> bool {
        if limit.questions == 0 {
            return true;
        }
        let mut asked = self.asked.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if asked.len() >= FORGET_FROM {
            asked.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < LONGEST_WINDOW));
        }
        let times = asked.entry(user).or_default();
        let window = limit.window.min(LONGEST_WINDOW);
        let recent = times.iter().filter(|t| now.duration_since(**t) < window).count();
        while times.front().is_some_and(|t| now.duration_since(*t) >= LONGEST_WINDOW) {
            times.pop_front();
        }
        if recent >= limit.questions as usize {
            return false;
        }
        times.push_back(now);
        // Only the latest `questions` entries can matter for any later decision under this limit.
        while times.len() > limit.questions.max(1) as usize * 4 {
            times.pop_front();
        }
        true
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
