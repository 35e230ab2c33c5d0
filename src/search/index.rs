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

#[derive(Debug, Clone, Copy)]
pub(crate) struct TermInfo {
    pub weight: f32,
    pub class: Class,
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
        let mut index = Inverted {
            phrases: Phrases::new(kb.synonyms()),
            ..Default::default()
        };
        let mut kinds: Vec<Kind> = Vec::new();
        let mut per_fact_questions = Vec::with_capacity(kb.facts().len());
        for (f, fact) in kb.facts().iter().enumerate() {
            let mut terms = FactTerms::default();
            for (q, question) in fact.questions.iter().take(MAX_QUESTIONS).enumerate() {
                let ids = index.add_text(question, QUESTION, 1 << q, &mut terms, &mut kinds);
                terms.questions.push(ids);
            }
            for keyword in &fact.keywords {
                index.add_text(keyword, KEYWORD, 0, &mut terms, &mut kinds);
            }
            index.add_text(&fact.passage, PASSAGE, 0, &mut terms, &mut kinds);
            index.add_text(&fact.section, SECTION, 0, &mut terms, &mut kinds);
            for year in years(fact.when) {
                let id = index.intern(Unit::Term(year.to_string(), Kind::Number), &mut kinds);
                terms.found.entry(id).or_default().0 |= DATE;
            }
            for (id, (fields, questions)) in terms.found {
                index.postings[id as usize].push(Posting {
                    fact: f as u32,
                    fields,
                    questions,
                });
            }
            per_fact_questions.push(terms.questions);
        }
        index.weigh(kb.facts().len(), &kinds);
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

    fn intern(&mut self, unit: Unit, kinds: &mut Vec<Kind>) -> u32 {
        if let Some(&id) = self.ids.get(&unit) {
            return id;
        }
        let id = self.terms.len() as u32;
        let kind = match &unit {
            Unit::Group(_) => Kind::Word,
            Unit::Term(text, kind) => {
                if *kind == Kind::Word && class_of(text, *kind) != Class::Function {
                    self.typos.insert(text, id);
                }
                *kind
            }
        };
        self.ids.insert(unit, id);
        self.terms.push(TermInfo {
            weight: 0.0,
            class: Class::Content,
        });
        self.postings.push(Vec::new());
        kinds.push(kind);
        id
    }

    /// Indexes a piece of a fact under `field`; returns the ids of its units (for question weights).
    fn add_text(
        &mut self,
        text: &str,
        field: u8,
        question_bit: u8,
        terms: &mut FactTerms,
        kinds: &mut Vec<Kind>,
    ) -> Vec<u32> {
        let tokens = tokenize(text);
        let (units, joined) = self.phrases.units(&tokens);
        let mut unit_ids = Vec::with_capacity(units.len());
        for unit in units {
            let id = self.intern(unit, kinds);
            if !unit_ids.contains(&id) {
                unit_ids.push(id);
            }
        }
        // Every raw token too, so a word inside a synonym phrase can still be found on its own.
        let raw: Vec<u32> = tokens
            .iter()
            .filter(|t| !t.joined)
            .chain(joined.iter())
            .map(|t: &Term| self.intern(Unit::Term(t.text.clone(), t.kind), kinds))
            .collect();
        for &id in unit_ids.iter().chain(&raw) {
            let entry = terms.found.entry(id).or_default();
            entry.0 |= field;
            entry.1 |= question_bit;
        }
        unit_ids
    }

    /// Sets each term's weight from its document frequency (BM25's idf) and its class.
    fn weigh(&mut self, facts: usize, kinds: &[Kind]) {
        let n = facts as f32;
        let idf = |df: f32| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let texts: HashMap<u32, &Unit> = self.ids.iter().map(|(u, &id)| (id, u)).collect();
        for (id, info) in self.terms.iter_mut().enumerate() {
            let df = self.postings[id].len() as f32;
            let class = match texts.get(&(id as u32)) {
                Some(Unit::Term(text, kind)) => class_of(text, *kind),
                _ => Class::Content,
            };
            let factor = match (class, kinds[id]) {
                (Class::Function, _) => 0.0,
                (Class::Generic, _) => GENERIC_FACTOR,
                (Class::Content, Kind::Number) => NUMBER_FACTOR,
                (Class::Content, _) => 1.0,
            };
            *info = TermInfo {
                weight: idf(df) * factor,
                class,
            };
        }
        self.unknown_weight = idf(1.0);
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
