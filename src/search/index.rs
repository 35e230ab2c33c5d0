//! Building the inverted index over a fact base, once, at load.

use std::collections::HashMap;

use super::normalize::{Kind, Term, tokenize};
use super::typo::TypoIndex;
use super::vocab::{Class, Phrases, Unit, class_of};
use crate::knowledge::{KnowledgeBase, When};

pub(crate) const QUESTION: u8 = 1;
pub(crate) const KEYWORD: u8 = 2;
pub(crate) const PASSAGE: u8 = 4;
pub(crate) const SECTION: u8 = 8;
pub(crate) const DATE: u8 = 16;

/// Words this long or longer meet other words that extend them by a few letters
/// (occupation / occupied, intervention / intervened), where the stemmer keeps them apart.
pub(crate) const MIN_PREFIX_CHARS: usize = 5;
/// At most this many letters may extend a word for a prefix match.
pub(crate) const MAX_PREFIX_EXTENSION: usize = 3;

/// Questions per fact that the index tells apart (the fact-base limit).
pub(crate) const MAX_QUESTIONS: usize = 8;

/// Weight factor for everyday words that the fact base happens to use.
const GENERIC_FACTOR: f32 = 0.35;
/// Weight factor for numbers and years: specific evidence in a question.
const NUMBER_FACTOR: f32 = 1.25;
/// Spans up to this many years index every year in them; longer spans only their ends.
const MAX_SPAN_YEARS: i32 = 25;

/// One fact that contains a term: in which fields, and in which of its questions (a bit each).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub fact: u32,
    pub fields: u8,
    pub questions: u8,
}

#[derive(Debug, Clone)]
pub(crate) struct TermInfo {
    pub weight: f32,
    pub class: Class,
    pub kind: Kind,
    /// How the term reads, for explanations: the stem, or a synonym group's first term.
    pub name: String,
}

/// The index proper; [`super::Index`] wraps it with the fact base and settings.
#[derive(Debug, Default)]
pub(crate) struct Inverted {
    pub ids: HashMap<Unit, u32>,
    pub terms: Vec<TermInfo>,
    pub postings: Vec<Vec<Posting>>,
    /// Per fact, per question: the summed weight of the question's units.
    pub question_weights: Vec<[f32; MAX_QUESTIONS]>,
    pub typos: TypoIndex,
    /// Word terms of at least [`MIN_PREFIX_CHARS`] characters, sorted, for prefix matches.
    pub sorted_words: Vec<(String, u32)>,
    pub phrases: Phrases,
    /// The weight of a content word the fact base never uses (as rare as the rarest known word).
    pub unknown_weight: f32,
}

/// Term ids found in one fact, with their fields and question bits.
#[derive(Default)]
struct FactTerms {
    found: HashMap<u32, (u8, u8)>,
    questions: Vec<Vec<u32>>,
}

impl Inverted {
    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut index = Inverted { phrases: Phrases::new(kb.synonyms()), ..Default::default() };
        let groups: Vec<String> =
            kb.synonyms().iter().map(|g| g.terms.first().cloned().unwrap_or_default()).collect();
        let mut per_fact_questions = Vec::with_capacity(kb.facts().len());
        for (f, fact) in kb.facts().iter().enumerate() {
            let mut terms = FactTerms::default();
            for (q, question) in fact.questions.iter().take(MAX_QUESTIONS).enumerate() {
                let ids = index.add_text(question, QUESTION, 1 << q, &mut terms, &groups);
                terms.questions.push(ids);
            }
            for keyword in &fact.keywords {
                index.add_text(keyword, KEYWORD, 0, &mut terms, &groups);
            }
            index.add_text(&fact.passage, PASSAGE, 0, &mut terms, &groups);
            index.add_text(&fact.section, SECTION, 0, &mut terms, &groups);
            for year in years(fact.when) {
                let id = index.intern(Unit::Term(year.to_string(), Kind::Number), &groups);
                terms.found.entry(id).or_default().0 |= DATE;
            }
            for (id, (fields, questions)) in terms.found {
                index.postings[id as usize].push(Posting { fact: f as u32, fields, questions });
            }
            per_fact_questions.push(terms.questions);
        }
        index.weigh(kb.facts().len());
        index.sorted_words = index
            .ids
            .iter()
            .filter_map(|(unit, &id)| match unit {
                Unit::Term(text, Kind::Word) if text.chars().count() >= MIN_PREFIX_CHARS => {
                    Some((text.clone(), id))
                }
                _ => None,
            })
            .collect();
        index.sorted_words.sort_unstable();
        index.question_weights = per_fact_questions
            .iter()
            .map(|questions| {
                let mut sums = [0.0; MAX_QUESTIONS];
                for (sum, ids) in sums.iter_mut().zip(questions) {
                    *sum = ids.iter().map(|&id| index.terms[id as usize].weight).sum();
                }
                sums
            })
            .collect();
        index
    }

    fn intern(&mut self, unit: Unit, groups: &[String]) -> u32 {
        if let Some(&id) = self.ids.get(&unit) {
            return id;
        }
        let id = self.terms.len() as u32;
        let info = match &unit {
            Unit::Group(g) => {
                let name = format!("[{}]", groups.get(*g as usize).map_or("", String::as_str));
                TermInfo { weight: 0.0, class: Class::Content, kind: Kind::Word, name }
            }
            Unit::Term(text, kind) => {
                let class = class_of(text, *kind);
                if *kind == Kind::Word && class != Class::Function {
                    self.typos.insert(text, id);
                }
                TermInfo { weight: 0.0, class, kind: *kind, name: text.clone() }
            }
        };
        self.ids.insert(unit, id);
        self.terms.push(info);
        self.postings.push(Vec::new());
        id
    }

    /// Indexes a piece of a fact under `field`; returns the ids of its units (for question weights).
    fn add_text(
        &mut self,
        text: &str,
        field: u8,
        question_bit: u8,
        terms: &mut FactTerms,
        groups: &[String],
    ) -> Vec<u32> {
        let tokens = tokenize(text);
        let (units, joined) = self.phrases.units(&tokens);
        let mut unit_ids = Vec::with_capacity(units.len());
        for unit in units {
            let id = self.intern(unit, groups);
            if !unit_ids.contains(&id) {
                unit_ids.push(id);
            }
        }
        // Every raw token too, so a word inside a synonym phrase can still be found on its own.
        let raw: Vec<u32> = tokens
            .iter()
            .filter(|t| !t.joined)
            .chain(joined.iter())
            .map(|t: &Term| self.intern(Unit::Term(t.text.clone(), t.kind), groups))
            .collect();
        for &id in unit_ids.iter().chain(&raw) {
            let entry = terms.found.entry(id).or_default();
            entry.0 |= field;
            entry.1 |= question_bit;
        }
        unit_ids
    }

    /// Sets each term's weight from its document frequency (BM25's idf) and its class.
    fn weigh(&mut self, facts: usize) {
        let n = facts as f32;
        let idf = |df: f32| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (info, postings) in self.terms.iter_mut().zip(&self.postings) {
            let factor = match (info.class, info.kind) {
                (Class::Function, _) => 0.0,
                (Class::Generic, _) => GENERIC_FACTOR,
                (Class::Content, Kind::Number) => NUMBER_FACTOR,
                (Class::Content, _) => 1.0,
            };
            info.weight = idf(postings.len() as f32) * factor;
        }
        self.unknown_weight = idf(1.0);
    }
}

impl Inverted {
    /// Word terms that `word` extends or that extend `word` by at most [`MAX_PREFIX_EXTENSION`]
    /// letters, both at least [`MIN_PREFIX_CHARS`] long; `word` itself is not included.
    pub fn prefix_relatives(&self, word: &str) -> Vec<u32> {
        let len = word.chars().count();
        if len < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let mut found = Vec::new();
        let start = self.sorted_words.partition_point(|(w, _)| w.as_str() < word);
        for (w, id) in self.sorted_words[start..].iter().take_while(|(w, _)| w.starts_with(word)) {
            if w != word && w.chars().count() - len <= MAX_PREFIX_EXTENSION {
                found.push(*id);
            }
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for cut in (MIN_PREFIX_CHARS..len).rev().take(MAX_PREFIX_EXTENSION) {
            if let Some(&id) = self.ids.get(&Unit::Term(word[..chars[cut].0].to_string(), Kind::Word)) {
                found.push(id);
            }
        }
        found
    }
}

/// The years a fact's date covers, for matching years in questions.
fn years(when: Option<When>) -> Vec<i32> {
    match when {
        None => Vec::new(),
        Some(When::On(d)) => vec![d.year()],
        Some(When::Span(from, to)) => {
            let end = to.map_or(from.year(), |t| t.year());
            if end - from.year() <= MAX_SPAN_YEARS {
                (from.year()..=end).collect()
            } else {
                vec![from.year(), end]
            }
        }
    }
}
