//! A per-user cooldown: at most N questions in a sliding window.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// With this many users remembered, those idle for a whole window are forgotten.
const FORGET_FROM: usize = 10_000;

/// Remembers when each user last asked, to refuse the question that would exceed the limit.
#[derive(Debug)]
pub struct Cooldown {
    limit: usize,
    window: Duration,
    asked: Mutex<HashMap<u64, VecDeque<Instant>>>,
}

impl Cooldown {
    /// At most `limit` questions per `window` for each user (a limit of 0 disables the cooldown).
    pub fn new(limit: u32, window: Duration) -> Self {
        Cooldown { limit: limit as usize, window, asked: Mutex::new(HashMap::new()) }
    }

    /// Records a question by `user` at `now`; `false` when it would exceed the limit (not recorded).
    pub fn admit(&self, user: u64, now: Instant) -> bool {
        if self.limit == 0 {
            return true;
        }
        let mut asked = self.asked.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if asked.len() >= FORGET_FROM {
            asked.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < self.window));
        }
        let times = asked.entry(user).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.limit {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cooldown_refuses_over_limit_then_recovers() {
        let c = Cooldown::new(2, Duration::from_secs(30));
        let t = Instant::now();
        assert!(c.admit(1, t));
        assert!(c.admit(1, t + Duration::from_secs(1)));
        assert!(!c.admit(1, t + Duration::from_secs(2)));
        assert!(c.admit(2, t + Duration::from_secs(2)), "other users are not affected");
        assert!(c.admit(1, t + Duration::from_secs(30)));
    }

    #[test]
    fn cooldown_zero_is_off() {
        let c = Cooldown::new(0, Duration::from_secs(30));
        assert!((0..100).all(|_| c.admit(1, Instant::now())));
    }
}
