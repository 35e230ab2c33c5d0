//! The fact base checked against its own matcher: every stored question, in every language, should
//! reach its own fact.

use super::{Hit, Index, Outcome};

/// A stored question that the matcher does not answer with the fact that lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Misrouted {
    /// The fact that lists the question (its position in the base).
    pub fact: usize,
    /// The question as stored.
    pub question: String,
    /// The fact the matcher answers with instead, or `None` when it declines.
    pub answered_by: Option<Hit>,
}

/// Every stored question that another fact answers better, or that the matcher declines.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let index = nichiro::search::Index::new(kb, Default::default());
/// for m in nichiro::search::misrouted(&index) {
///     assert_ne!(m.answered_by.map(|h| h.fact), Some(m.fact));
/// }
/// ```
pub fn misrouted(index: &Index) -> Vec<Misrouted> {
    let mut found = Vec::new();
    for (number, fact) in index.knowledge().facts().iter().enumerate() {
        for question in fact.all_questions() {
            let answered_by = match index.ask(question) {
                Outcome::Answered { best, .. } if best.fact == number => continue,
                Outcome::Answered { best, .. } => Some(best),
                Outcome::Declined { .. } => None,
            };
            found.push(Misrouted { fact: number, question: question.clone(), answered_by });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::knowledge::{Fact, KnowledgeBase, test_fact};
    use crate::search::Settings;

    fn fact(id: &str, passage: &str, questions: &[&str]) -> Fact {
        test_fact(id, passage, None, questions, &[id])
    }

    fn index(facts: Vec<Fact>, decline_below: f32) -> Index {
        Index::new(KnowledgeBase::new(facts, BTreeMap::new(), Vec::new()), Settings { decline_below })
    }

    fn shimoda(last: &str) -> Fact {
        let questions =
            ["When was the Treaty of Shimoda signed?", "shimoda treaty", "treaty of shimoda date", last];
        fact("shimoda", "The Treaty of Shimoda was signed in 1855.", &questions)
    }

    fn portsmouth() -> Fact {
        let questions =
            ["portsmouth treaty", "When was the Treaty of Portsmouth signed?", "treaty of portsmouth date"];
        fact("portsmouth", "The Treaty of Portsmouth ended the Russo-Japanese War in 1905.", &questions)
    }

    #[test]
    fn misrouted_none_when_each_question_reaches_its_fact() {
        let facts = vec![shimoda("What did the Shimoda treaty open?"), portsmouth()];
        assert_eq!(misrouted(&index(facts, 0.48)), []);
    }

    #[test]
    fn misrouted_question_answered_by_another_fact() {
        let facts =
            vec![shimoda("When was the Treaty of Portsmouth signed and what ended the war?"), portsmouth()];
        let found = misrouted(&index(facts, 0.48));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].fact, found[0].answered_by.map(|h| h.fact)), (0, Some(1)));
        assert!(found[0].question.contains("Portsmouth"));
    }

    #[test]
    fn misrouted_declined_question() {
        let found = misrouted(&index(vec![shimoda("What did the Shimoda treaty open?")], 1.01));
        assert_eq!(found.len(), 4);
        assert!(found.iter().all(|m| m.answered_by.is_none()));
    }
}
