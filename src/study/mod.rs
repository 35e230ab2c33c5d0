//! Study groups over the core: servers' approved suggestions as fact overlays, the reloadable
//! library of indexes, and the gap report. No Discord types; the bot and the CLI share all of it.

mod library;
mod overlay;
mod recorder;
mod report;

pub use library::reload_report;
pub use library::{Indexes, Library, ReloadError};
pub use overlay::{
    MAX_SOURCE_CHARS, SUGGESTED_BY, SUGGESTED_SECTION, SuggestionProblem, check_suggestion, export,
    overlay_fact, suggested_id,
};
pub use recorder::GapRecorder;
pub use report::{MAX_EXAMPLE_CHARS, gaps_text};

/// Seconds since the Unix epoch, now (0 if the clock is before 1970).
///
/// ```
/// assert!(nichiro::study::now() > 1_700_000_000);
/// ```
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Where and when a question was asked.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    /// The server, if not a direct message.
    pub guild: Option<u64>,
    /// The channel.
    pub channel: u64,
    /// The question as typed.
    pub text: &'a str,
    /// Unix seconds.
    pub at: i64,
}

/// The gap to record for a question: declined, or answered with confidence below `gap_below`;
/// `None` for a confident answer or an empty question.
///
/// ```
/// use nichiro::{search::Index, study::{gap, Asked}};
/// let index = Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let asked = |text| Asked { guild: Some(1), channel: 2, text, at: 0 };
/// let q = "What is the capital of France?";
/// let recorded = gap(&index, &index.ask(q), asked(q), 0.6).unwrap();
/// assert_eq!(recorded.normalized, "what is the capital of france");
/// let q = "When was the Treaty of Portsmouth signed?";
/// assert!(gap(&index, &index.ask(q), asked(q), 0.6).is_none());
/// ```
pub fn gap(
    index: &crate::search::Index,
    outcome: &crate::search::Outcome,
    asked: Asked<'_>,
    gap_below: f32,
) -> Option<crate::state::Gap> {
    use crate::search::Outcome;
    let best = match outcome {
        Outcome::Answered { best, .. } if best.confidence >= gap_below => return None,
        Outcome::Answered { best, .. } => Some(*best),
        Outcome::Declined { suggestions, .. } => suggestions.first().copied(),
    };
    let normalized = crate::search::normalize_question(asked.text);
    if normalized.is_empty() {
        return None;
    }
    Some(crate::state::Gap {
        guild: asked.guild,
        channel: asked.channel,
        // The store cuts it to the length it keeps.
        text: crate::display::clean(asked.text.trim()),
        normalized,
        at: asked.at,
        best_fact: best.and_then(|hit| index.fact(hit)).map(|f| f.id.clone()),
        score: outcome.confidence(),
    })
}
