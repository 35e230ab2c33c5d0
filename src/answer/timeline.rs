//! Dated facts in order, for a timeline.

use crate::knowledge::{Fact, KnowledgeBase, When};
use crate::lang::Lang;

/// One line of a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// When, as written in the fact (`1905-09-05`, `1904-02 – 1905-09`).
    pub when: String,
    /// The fact's id.
    pub fact_id: String,
    /// The fact's first question, as a short title.
    pub title: String,
}

fn span(when: When) -> ((i32, u8, u8), (i32, u8, u8)) {
    match when {
        When::On(d) => (d.earliest(), d.latest()),
        When::Span(from, Some(to)) => (from.earliest(), to.latest()),
        When::Span(from, None) => (from.earliest(), (i32::MAX, 12, 31)),
    }
}

/// Facts dated within the years `from`–`to` (either open), earliest first, ties by id, each titled
/// by its first question in `lang`.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let war = nichiro::answer::timeline(&kb, Some(1904), Some(1905), nichiro::lang::Lang::En);
/// assert!(war.iter().any(|e| e.fact_id == "russo-japanese-war"));
/// assert!(war.windows(2).all(|w| w[0].when[..4] <= w[1].when[..4]));
/// ```
pub fn timeline(kb: &KnowledgeBase, from: Option<i32>, to: Option<i32>, lang: Lang) -> Vec<TimelineEntry> {
    let mut dated: Vec<(&Fact, When)> = kb
        .facts()
        .iter()
        .filter_map(|f| f.when.map(|w| (f, w)))
        .filter(|(_, w)| {
            let (start, end) = span(*w);
            from.is_none_or(|y| end.0 >= y) && to.is_none_or(|y| start.0 <= y)
        })
        .collect();
    dated.sort_by_cached_key(|(f, w)| (span(*w).0, f.id.as_str()));
    dated
        .into_iter()
        .map(|(f, w)| TimelineEntry {
            when: w.to_string(),
            fact_id: f.id.clone(),
            title: f.questions_in(lang).first().cloned().unwrap_or_default(),
        })
        .collect()
}
