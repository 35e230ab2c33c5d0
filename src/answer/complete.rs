//! Question suggestions as a user types (Discord autocomplete).

use crate::search::{Index, fold};

/// Up to `limit` stored questions that fit what the user has typed so far: every typed word must
/// begin a word of the question (so an unfinished last word still fits), in fact order. With nothing
/// typed, one question per fact in fact order.
///
/// ```
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let found = nichiro::answer::complete(&index, "portsm", 25);
/// assert!(!found.is_empty() && found.len() <= 25);
/// assert!(found.iter().all(|q| q.to_lowercase().contains("portsm")));
/// ```
pub fn complete(index: &Index, typed: &str, limit: usize) -> Vec<String> {
    let typed = fold(typed);
    let wanted: Vec<&str> = typed.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let facts = index.knowledge().facts();
    if wanted.is_empty() {
        return facts.iter().filter_map(|f| f.questions.first().cloned()).take(limit).collect();
    }
    facts
        .iter()
        .flat_map(|f| &f.questions)
        .filter(|question| {
            let folded = fold(question);
            let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
            wanted.iter().all(|w| words.iter().any(|q| q.starts_with(w)))
        })
        .take(limit)
        .cloned()
        .collect()
}
