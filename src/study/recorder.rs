//! Recording gaps off the answering path: a bounded queue written by a thread of its own, so a slow
//! or locked state file never delays a reply. When the queue is full a gap is dropped and counted.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::time::{Duration, Instant};

use crate::state::{Gap, Retention, Store};

/// How often old gaps are pruned while the bot runs.
const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);

/// How long the writer waits after finding the file locked before it tries again: the store's one
/// connection is free meanwhile, so a vote or a setting waiting for it gets its turn (and its own
/// busy timeout) instead of losing every race to a writer that takes the connection straight back.
const RETRY_PAUSE: Duration = Duration::from_millis(100);

/// The sending side of the gap queue; cheap to clone.
#[derive(Debug, Clone)]
pub struct GapRecorder {
    queue: SyncSender<Gap>,
    counts: Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    waiting: AtomicUsize,
    dropped: AtomicU64,
}

impl GapRecorder {
    /// Starts the writer thread over `store`, keeping gaps as `keep` says, with room for `capacity`
    /// gaps waiting.
    ///
    /// ```
    /// use std::{sync::Arc, time::Duration};
    /// use nichiro::state::{Gap, Retention, Store};
    /// let store = Arc::new(Store::open_in_memory().unwrap());
    /// let recorder = nichiro::study::GapRecorder::start(store.clone(), Retention::default(), 16);
    /// let gap = Gap { guild: Some(1), channel: 2, text: "Who?".into(), normalized: "who".into(),
    ///                 at: nichiro::study::now(), best_fact: None, score: 0.1 };
    /// assert!(recorder.record(gap));
    /// assert!(recorder.flush(Duration::from_secs(5)));
    /// assert_eq!(store.gap_report(Some(1), 0, 5).unwrap().unanswered.len(), 1);
    /// ```
    pub fn start(store: Arc<Store>, keep: Retention, capacity: usize) -> GapRecorder {
        let (queue, inbox) = sync_channel(capacity);
        let counts = Arc::new(Counts::default());
        let writer = counts.clone();
        std::thread::Builder::new()
            .name("nichiro-gaps".into())
            .spawn(move || write_all(&store, keep, &inbox, &writer))
            .map_or_else(|e| tracing::error!(%e, "cannot start the gap writer; gaps are not recorded"), drop);
        GapRecorder { queue, counts }
    }

    /// Queues a gap without waiting; `false` (and counted) when the queue is full or closed.
    pub fn record(&self, gap: Gap) -> bool {
        self.counts.waiting.fetch_add(1, Ordering::SeqCst);
        match self.queue.try_send(gap) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.counts.waiting.fetch_sub(1, Ordering::SeqCst);
                let dropped = self.counts.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                if dropped.is_power_of_two() {
                    tracing::warn!(dropped, "the state file is slow: unanswered questions are being dropped");
                }
                false
            }
        }
    }

    /// How many gaps were dropped because the queue was full.
    pub fn dropped(&self) -> u64 {
        self.counts.dropped.load(Ordering::Relaxed)
    }

    /// Waits until every queued gap is written, at most `within`; whether it got there.
    pub fn flush(&self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while self.counts.waiting.load(Ordering::SeqCst) > 0 {
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }
}

/// The writer: each gap in turn, and old ones pruned now and then; ends when every sender is gone.
fn write_all(store: &Store, keep: Retention, inbox: &Receiver<Gap>, counts: &Counts) {
    let mut next_prune = Instant::now();
    loop {
        if Instant::now() >= next_prune {
            let before = crate::study::now() - i64::from(keep.days) * 86_400;
            match store.prune_gaps(before) {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, days = keep.days, "old unanswered questions deleted"),
                Err(e) => tracing::error!(%e, "could not delete old unanswered questions"),
            }
            next_prune = Instant::now() + PRUNE_EVERY;
        }
        match inbox.recv_timeout(next_prune.saturating_duration_since(Instant::now())) {
            Ok(gap) => {
                write_one(store, &gap, keep);
                counts.waiting.fetch_sub(1, Ordering::SeqCst);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Writes one gap, trying again for as long as another connection holds the file (meanwhile the
/// queue fills and newer gaps are dropped, never older ones lost); any other error drops it.
fn write_one(store: &Store, gap: &Gap, keep: Retention) {
    loop {
        match store.record_gap(gap, keep) {
            Ok(()) => return,
            Err(e) if e.is_busy() => {
                tracing::warn!(%e, "the state file is locked; trying again");
                std::thread::sleep(RETRY_PAUSE);
            }
            Err(e) => {
                tracing::error!(%e, "could not record an unanswered question");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(n: u64) -> Gap {
        Gap {
            guild: Some(1),
            channel: 2,
            text: format!("q{n}"),
            normalized: format!("q{n}"),
            at: crate::study::now(),
            best_fact: None,
            score: 0.0,
        }
    }

    /// A store in a temporary file, and another connection that holds its write lock (until it
    /// commits), so the writer is stuck on its first gap.
    fn locked_store() -> (tempfile::TempDir, Arc<Store>, rusqlite::Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let store = Arc::new(Store::open(&path).unwrap());
        let blocker = rusqlite::Connection::open(&path).unwrap();
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        (dir, store, blocker)
    }

    #[test]
    fn recorder_drops_and_counts_when_full_never_blocks() {
        let (_dir, store, blocker) = locked_store();
        let recorder = GapRecorder::start(store.clone(), Retention::default(), 4);
        let accepted = (0..100).filter(|n| recorder.record(gap(*n))).count();
        assert!((4..=5).contains(&accepted), "the queue and the one being written: {accepted}");
        assert_eq!(recorder.dropped(), 100 - accepted as u64);
        blocker.execute_batch("COMMIT").unwrap();
        assert!(recorder.flush(Duration::from_secs(20)));
        let kept = store.gap_report(Some(1), 0, 200).unwrap().unanswered.len();
        assert_eq!(kept, accepted);
    }

    #[test]
    fn recorder_retrying_leaves_other_writes_their_turn() {
        let (_dir, store, blocker) = locked_store();
        let recorder = GapRecorder::start(store.clone(), Retention::default(), 4);
        assert!(recorder.record(gap(1)));
        let (done, outcome) = std::sync::mpsc::channel();
        let voter = store.clone();
        std::thread::spawn(move || {
            let vote = crate::state::Vote {
                message: 1,
                user: 2,
                guild: Some(1),
                fact_id: "f".into(),
                direction: crate::state::Direction::Up,
                at: 0,
            };
            let _ = done.send(voter.vote(&vote).map_err(|e| e.is_busy()));
        });
        // A guard against a hang: a writer that takes the connection back at once starves the vote.
        let voted = outcome.recv_timeout(Duration::from_secs(60));
        assert_eq!(voted, Ok(Err(true)), "the vote gives up on the lock instead of waiting for ever");
        blocker.execute_batch("COMMIT").unwrap();
        assert!(recorder.flush(Duration::from_secs(20)));
    }
}
