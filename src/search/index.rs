//! Building the inverted index over a fact base, once, at load.

use rustc_hash::FxHashMap;

use super::normalize::{Kind, Term, tokenize};
use super::typo::TypoIndex;
use super::vocab::{Class, Phrases, Unit, class_of};
use crate::knowledge::{Fact, KnowledgeBase, When};

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

/// Questions per fact that the index tells apart: the fact-base limit, one bit each.
pub(crate) const MAX_QUESTIONS: usize = crate::knowledge::MAX_QUESTIONS;
const _: () = assert!(MAX_QUESTIONS <= u8::BITS as usize);

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
    /// Term ids by text (words, numbers and CJK pairs never share a text).
    pub by_text: FxHashMap<String, u32>,
    /// Term ids of synonym groups, by group number.
    pub by_group: FxHashMap<u32, u32>,
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
    /// (term, fields, question bits), one entry per occurrence; merged per term at the end.
    found: Vec<(u32, u8, u8)>,
    questions: Vec<Vec<u32>>,
}

impl Inverted {
    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut index = Inverted { phrases: Phrases::new(kb.synonyms()), ..Default::default() };
        let groups: Vec<String> =
            kb.synonyms().iter().map(|g| g.terms.first().cloned().unwrap_or_default()).collect();
        let mut per_fact_questions = Vec::with_capacity(kb.facts().len());
        let tokenized = tokenize_all(kb.facts());
        for (f, (fact, tokens)) in kb.facts().iter().zip(tokenized.iter()).enumerate() {
            let mut terms = FactTerms::default();
            for (q, question) in tokens.questions.iter().enumerate() {
                let ids = index.add_text(question, QUESTION, 1 << q, &mut terms, &groups);
                terms.questions.push(ids);
            }
            for keyword in &tokens.keywords {
                index.add_text(keyword, KEYWORD, 0, &mut terms, &groups);
            }
            index.add_text(&tokens.passage, PASSAGE, 0, &mut terms, &groups);
            index.add_text(&tokens.section, SECTION, 0, &mut terms, &groups);
            for year in years(fact.when) {
                let id = index.intern(&Unit::Term(year.to_string(), Kind::Number), &groups);
                terms.found.push((id, DATE, 0));
            }
            terms.found.sort_unstable_by_key(|&(id, _, _)| id);
            let mut found = terms.found.into_iter().peekable();
            while let Some((id, mut fields, mut questions)) = found.next() {
                while let Some(&(_, more_fields, more_questions)) = found.peek().filter(|next| next.0 == id) {
                    fields |= more_fields;
                    questions |= more_questions;
                    found.next();
                }
                index.postings[id as usize].push(Posting { fact: f as u32, fields, questions });
            }
            per_fact_questions.push(terms.questions);
        }
        index.weigh(kb.facts().len());
        index.sorted_words = index
            .by_text
            .iter()
            .filter(|&(text, &id)| {
                index.terms[id as usize].kind == Kind::Word && text.chars().count() >= MIN_PREFIX_CHARS
            })
            .map(|(text, &id)| (text.clone(), id))
            .collect();
        index.sorted_words.sort_unstable();
        index.typos.finish();
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

    /// The id of a unit, if the index has it.
    pub fn id(&self, unit: &Unit) -> Option<u32> {
        match unit {
            Unit::Group(g) => self.by_group.get(g).copied(),
            Unit::Term(text, _) => self.by_text.get(text.as_str()).copied(),
        }
    }

    fn intern(&mut self, unit: &Unit, groups: &[String]) -> u32 {
        if let Some(id) = self.id(unit) {
            return id;
        }
        let id = self.terms.len() as u32;
        let info = match unit {
            Unit::Group(g) => {
                self.by_group.insert(*g, id);
                let name = format!("[{}]", groups.get(*g as usize).map_or("", String::as_str));
                TermInfo { weight: 0.0, class: Class::Content, kind: Kind::Word, name }
            }
            Unit::Term(text, kind) => {
                let class = class_of(text, *kind);
                if *kind == Kind::Word && class != Class::Function {
                    self.typos.insert(text, id);
                }
                self.by_text.insert(text.clone(), id);
                TermInfo { weight: 0.0, class, kind: *kind, name: text.clone() }
            }
        };
        self.terms.push(info);
        self.postings.push(Vec::new());
        id
    }

    /// Indexes a piece of a fact under `field`; returns the ids of its units (for question weights).
    fn add_text(
        &mut self,
        tokens: &[Term],
        field: u8,
        question_bit: u8,
        terms: &mut FactTerms,
        groups: &[String],
    ) -> Vec<u32> {
        // Every token is indexed, so a word inside a synonym phrase can still be found on its own.
        let raw: Vec<u32> = tokens
            .iter()
            .map(|t| match self.by_text.get(t.text.as_str()) {
                Some(&id) => id,
                None => self.intern(&Unit::Term(t.text.clone(), t.kind), groups),
            })
            .collect();
        let plain: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].joined).collect();
        let plain_terms: Vec<&Term> = plain.iter().map(|&i| &tokens[i]).collect();
        let mut unit_ids = Vec::with_capacity(plain.len());
        for (start, _, group) in self.phrases.spans(&plain_terms) {
            let id = match group {
                Some(g) => self.intern(&Unit::Group(g), groups),
                None => raw[plain[start]],
            };
            if !unit_ids.contains(&id) {
                unit_ids.push(id);
            }
        }
        for &id in unit_ids.iter().chain(&raw) {
            terms.found.push((id, field, question_bit));
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
            if let Some(&id) = self.by_text.get(&word[..chars[cut].0]) {
                found.push(id);
            }
        }
        found
    }
}

/// A fact's texts as terms, in the order the index reads them.
struct FactTokens {
    questions: Vec<Vec<Term>>,
    keywords: Vec<Vec<Term>>,
    passage: Vec<Term>,
    section: Vec<Term>,
}

fn tokenize_fact(fact: &Fact) -> FactTokens {
    FactTokens {
        questions: fact.questions.iter().take(MAX_QUESTIONS).map(|q| tokenize(q)).collect(),
        keywords: fact.keywords.iter().map(|k| tokenize(k)).collect(),
        passage: tokenize(&fact.passage),
        section: tokenize(&fact.section),
    }
}

/// Bases from this many facts are tokenised on all cores.
const PARALLEL_FROM: usize = 2000;

/// Every fact's terms, in fact order; large bases are split across threads, as tokenising is
/// most of the work of building the index.
fn tokenize_all(facts: &[Fact]) -> Vec<FactTokens> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if facts.len() < PARALLEL_FROM || threads == 1 {
        return facts.iter().map(tokenize_fact).collect();
    }
    let chunk = facts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = facts
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(tokenize_fact).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
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
