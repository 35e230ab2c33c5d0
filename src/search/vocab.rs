//! Terms as the index knows them: interned ids, synonym groups, and how much each term weighs.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};
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

/// Separates terms in a phrase key.
const SEPARATOR: char = '\u{1F}';

/// Synonym phrases as term sequences, for longest-match detection.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Each phrase's terms joined by [`SEPARATOR`], to its group.
    by_terms: FxHashMap<String, u32>,
    /// First terms of phrases, so most positions are passed over with one lookup.
    starts: FxHashSet<String>,
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
                phrases.starts.insert(seq[0].clone());
                let key = seq.join(&SEPARATOR.to_string());
                phrases.by_terms.entry(key).or_insert(g as u32);
            }
        }
        phrases
    }

    /// Splits a run of terms into spans, longest phrase first: `(start, len, Some(group))` for a
    /// synonym phrase, `(i, 1, None)` for a term on its own.
    pub fn spans(&self, terms: &[&Term]) -> Vec<(usize, usize, Option<u32>)> {
        let mut spans = Vec::with_capacity(terms.len());
        let mut key = String::new();
        let mut ends = Vec::with_capacity(self.longest);
        let mut i = 0;
        while i < terms.len() {
            let mut matched = None;
            if self.starts.contains(&terms[i].text) {
                key.clear();
                ends.clear();
                for t in terms.iter().skip(i).take(self.longest) {
                    if !key.is_empty() {
                        key.push(SEPARATOR);
                    }
                    key.push_str(&t.text);
                    ends.push(key.len());
                }
                matched = (1..=ends.len())
                    .rev()
                    .find_map(|len| self.by_terms.get(&key[..ends[len - 1]]).map(|&g| (g, len)));
            }
            match matched {
                Some((g, len)) => {
                    spans.push((i, len, Some(g)));
                    i += len;
                }
                None => {
                    spans.push((i, 1, None));
                    i += 1;
                }
            }
        }
        spans
    }

    /// Turns terms into units: synonym phrases (longest first) become their group; the rest stay.
    ///
    /// Joined compounds are returned separately, as they duplicate their parts.
    pub fn units(&self, terms: &[Term]) -> (Vec<Unit>, Vec<Term>) {
        let plain: Vec<&Term> = terms.iter().filter(|t| !t.joined).collect();
        let joined = terms.iter().filter(|t| t.joined).cloned().collect();
        let units = self
            .spans(&plain)
            .into_iter()
            .map(|(i, _, group)| match group {
                Some(g) => Unit::Group(g),
                None => Unit::Term(plain[i].text.clone(), plain[i].kind),
            })
            .collect();
        (units, joined)
    }
}
