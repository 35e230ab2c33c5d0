//! Terms as the index knows them: interned ids, synonym groups, and how much each term weighs.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::normalize::{Kind, Term, stem, tokenize};
use crate::knowledge::SynonymGroup;

/// Question and function words: they carry no topic, so they weigh nothing and are never "unknown".
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "during", "each", "else", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "know", "me", "might", "more", "most", "much",
    "my", "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "please",
    "same", "she", "should", "so", "some", "such", "tell", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
    "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "would", "you", "your", "s", "t", // Chat fillers, as Discord users write them.
    "actually", "anyway", "btw", "bot", "dude", "eh", "guys", "hey", "hi", "hello", "hmm", "idk", "imo",
    "just", "kinda", "lmao", "lol", "nichiro", "ok", "okay", "omg", "pls", "plz", "really", "smth", "sth",
    "tbh", "thanks", "thx", "u", "ur", "wait", "wanna", "ya", "yeah", "yo",
];

static FUNCTION_STEMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().map(|w| stem(w)).collect());

/// Everyday English (the ISO stop-word list): evidence only when the fact base uses it rarely,
/// and never a sign that a question is off-topic when the base lacks it.
static GENERIC_STEMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| stop_words::get("en").iter().map(|w| stem(w)).collect());

/// How a term counts towards a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Question and function words: no weight.
    Function,
    /// Everyday words: reduced weight.
    Generic,
    /// Everything else: full weight.
    Content,
}

/// Classifies a term by its text and kind.
pub(crate) fn class_of(text: &str, kind: Kind) -> Class {
    if kind != Kind::Word {
        Class::Content
    } else if FUNCTION_STEMS.contains(text) {
        Class::Function
    } else if GENERIC_STEMS.contains(text) {
        Class::Generic
    } else {
        Class::Content
    }
}

/// A unit of meaning in text: a synonym group (one of its phrases was found) or a single term.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Group(u32),
    Term(String, Kind),
}

/// Synonym phrases as term sequences, for longest-match detection.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    by_terms: HashMap<Vec<String>, u32>,
    longest: usize,
}

impl Phrases {
    pub fn new(groups: &[SynonymGroup]) -> Self {
        let mut phrases = Phrases::default();
        for (g, group) in groups.iter().enumerate() {
            for term in &group.terms {
                let seq: Vec<String> =
                    tokenize(term).into_iter().filter(|t| !t.joined).map(|t| t.text).collect();
                if seq.is_empty() {
                    continue;
                }
                phrases.longest = phrases.longest.max(seq.len());
                phrases.by_terms.entry(seq).or_insert(g as u32);
            }
        }
        phrases
    }

    /// Turns terms into units: synonym phrases (longest first) become their group; the rest stay.
    ///
    /// Joined compounds are returned separately, as they duplicate their parts.
    pub fn units(&self, terms: &[Term]) -> (Vec<Unit>, Vec<Term>) {
        let plain: Vec<&Term> = terms.iter().filter(|t| !t.joined).collect();
        let texts: Vec<String> = plain.iter().map(|t| t.text.clone()).collect();
        let joined = terms.iter().filter(|t| t.joined).cloned().collect();
        let mut units = Vec::with_capacity(plain.len());
        let mut i = 0;
        while i < plain.len() {
            let mut matched = None;
            for len in (1..=self.longest.min(plain.len() - i)).rev() {
                if let Some(&g) = self.by_terms.get(&texts[i..i + len]) {
                    matched = Some((g, len));
                    break;
                }
            }
            match matched {
                Some((g, len)) => {
                    units.push(Unit::Group(g));
                    i += len;
                }
                None => {
                    units.push(Unit::Term(plain[i].text.clone(), plain[i].kind));
                    i += 1;
                }
            }
        }
        (units, joined)
    }
}
