//! Turning a match outcome into a reply: the passage, its formatted references, suggestions, and
//! text cut to the limits of where it is shown.

mod cite;
mod complete;
mod limits;
mod timeline;

pub use cite::{format_reference, numbered, references};
pub use complete::complete;
pub use limits::truncate;
pub use timeline::{TimelineEntry, timeline};

use crate::knowledge::Fact;
use crate::search::{Hit, Index, Outcome};

/// A suggested fact: its id and the question that best introduces it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suggestion {
    /// The fact's id.
    pub fact_id: String,
    /// A question the fact answers (its first).
    pub question: String,
}

/// What nichiro says in reply to a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// An answer from one fact.
    Answer {
        /// The fact's id.
        fact_id: String,
        /// The passage.
        passage: String,
        /// The fact's references, formatted, in citation order.
        references: Vec<String>,
        /// The fact's section.
        section: String,
        /// Confidence of the match, in [0, 1].
        confidence: f32,
        /// Other facts worth offering ("More on this"): the runners-up of a match, or the fact's
        /// `related` facts when it was chosen directly.
        more: Vec<Suggestion>,
    },
    /// No fact answers with enough confidence.
    Decline {
        /// Confidence of the best candidate, in [0, 1].
        confidence: f32,
        /// Up to three facts the user may have meant.
        suggestions: Vec<Suggestion>,
    },
}

fn suggestion(fact: &Fact) -> Suggestion {
    Suggestion { fact_id: fact.id.clone(), question: fact.questions.first().cloned().unwrap_or_default() }
}

/// Builds the reply for an outcome of `index`.
///
/// ```
/// use nichiro::answer::{Reply, reply};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let outcome = index.ask("What did the 1956 Joint Declaration promise?");
/// assert!(matches!(reply(&index, &outcome), Reply::Answer { .. }));
/// ```
pub fn reply(index: &Index, outcome: &Outcome) -> Reply {
    let suggestions = |hits: &[Hit]| hits.iter().filter_map(|h| index.fact(*h)).map(suggestion).collect();
    match outcome {
        Outcome::Answered { best, others } => {
            let Some(fact) = index.fact(*best) else {
                return Reply::Decline { confidence: 0.0, suggestions: Vec::new() };
            };
            Reply::Answer {
                fact_id: fact.id.clone(),
                passage: fact.passage.clone(),
                references: references(index.knowledge(), fact),
                section: fact.section.clone(),
                confidence: best.confidence,
                more: suggestions(others),
            }
        }
        Outcome::Declined { suggestions: hits, .. } => {
            Reply::Decline { confidence: outcome.confidence(), suggestions: suggestions(hits) }
        }
    }
}

/// The reply for a fact chosen directly (a "Did you mean" button, `/source`), at full confidence.
///
/// ```
/// use nichiro::answer::{Reply, reply_for_fact};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let id = &index.knowledge().facts()[0].id;
/// assert!(matches!(reply_for_fact(&index, id), Some(Reply::Answer { .. })));
/// assert!(reply_for_fact(&index, "no-such-fact").is_none());
/// ```
pub fn reply_for_fact(index: &Index, id: &str) -> Option<Reply> {
    let kb = index.knowledge();
    let fact = kb.fact(id)?;
    let more = fact.related.iter().filter_map(|r| kb.fact(r)).map(suggestion).collect();
    Some(Reply::Answer {
        fact_id: fact.id.clone(),
        passage: fact.passage.clone(),
        references: references(kb, fact),
        section: fact.section.clone(),
        confidence: 1.0,
        more,
    })
}
