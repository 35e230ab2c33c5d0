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
use crate::lang::Lang;
use crate::search::{Hit, Index, Outcome, Unsure};

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
        /// The language of the passage, the section and the suggestions.
        lang: Lang,
        /// The question answered, when the message asked several and only its first was answered.
        part: Option<String>,
    },
    /// No fact answers with enough confidence, or two answer almost equally.
    Decline {
        /// Confidence of the best candidate, in [0, 1].
        confidence: f32,
        /// Why no fact was chosen, which decides what the reply says.
        reason: Unsure,
        /// Up to three facts the user may have meant.
        suggestions: Vec<Suggestion>,
        /// The language of the suggestions.
        lang: Lang,
    },
}

impl Reply {
    /// The language the reply is in.
    ///
    /// ```
    /// use nichiro::{answer::Reply, lang::Lang, search::Unsure};
    /// let r = Reply::Decline { confidence: 0.1, reason: Unsure::Uncovered, suggestions: vec![], lang: Lang::Ru };
    /// assert_eq!(r.lang(), Lang::Ru);
    /// ```
    pub fn lang(&self) -> Lang {
        match self {
            Reply::Answer { lang, .. } | Reply::Decline { lang, .. } => *lang,
        }
    }
}

fn suggestion(fact: &Fact, lang: Lang) -> Suggestion {
    let question = fact.questions_in(lang).first().cloned().unwrap_or_default();
    Suggestion { fact_id: fact.id.clone(), question }
}

/// Builds the reply for an outcome of `index`, in `lang`.
///
/// ```
/// use nichiro::{answer::{Reply, reply}, lang::Lang};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let outcome = index.ask("日ソ共同宣言では何が約束された？");
/// let Reply::Answer { passage, .. } = reply(&index, &outcome, Lang::Ja) else { panic!("declined") };
/// assert!(passage.contains("歯舞"));
/// ```
pub fn reply(index: &Index, outcome: &Outcome, lang: Lang) -> Reply {
    let suggestions =
        |hits: &[Hit]| hits.iter().filter_map(|h| index.fact(*h)).map(|f| suggestion(f, lang)).collect();
    match outcome {
        Outcome::Answered { best, others, part } => {
            let Some(fact) = index.fact(*best) else {
                return Reply::Decline {
                    confidence: 0.0,
                    reason: Unsure::Uncovered,
                    suggestions: Vec::new(),
                    lang,
                };
            };
            Reply::Answer {
                fact_id: fact.id.clone(),
                passage: fact.passage_in(lang).to_string(),
                references: references(index.knowledge(), fact),
                section: index.knowledge().section_in(&fact.section, lang).to_string(),
                confidence: best.confidence,
                more: suggestions(others),
                lang,
                part: part.clone(),
            }
        }
        Outcome::Declined { suggestions: hits, confidence, reason } => {
            Reply::Decline { confidence: *confidence, reason: *reason, suggestions: suggestions(hits), lang }
        }
    }
}

/// The reply for a fact chosen directly (a "Did you mean" button, `/source`), at full confidence,
/// in `lang`.
///
/// ```
/// use nichiro::{answer::{Reply, reply_for_fact}, lang::Lang};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let id = &index.knowledge().facts()[0].id;
/// assert!(matches!(reply_for_fact(&index, id, Lang::Ru), Some(Reply::Answer { .. })));
/// assert!(reply_for_fact(&index, "no-such-fact", Lang::En).is_none());
/// ```
pub fn reply_for_fact(index: &Index, id: &str, lang: Lang) -> Option<Reply> {
    let kb = index.knowledge();
    let fact = kb.fact(id)?;
    let more = fact.related.iter().filter_map(|r| kb.fact(r)).map(|f| suggestion(f, lang)).collect();
    Some(Reply::Answer {
        fact_id: fact.id.clone(),
        passage: fact.passage_in(lang).to_string(),
        references: references(kb, fact),
        section: kb.section_in(&fact.section, lang).to_string(),
        confidence: 1.0,
        more,
        lang,
        part: None,
    })
}
