//! Answering one question: turning it into weighted concepts, accumulating evidence per fact over
//! the postings of those concepts only, and ranking.

use std::cell::RefCell;

use super::index::{DATE, Inverted, KEYWORD, MAX_QUESTIONS, PASSAGE, Posting, SECTION};
use super::normalize::{Kind, tokenize};
use super::vocab::{Class, Unit, class_of};
use super::{Hit, Outcome, Settings};
use crate::knowledge::KnowledgeBase;

/// Questions are read up to this many characters: no real question is longer, and the cost of a
/// pasted essay stays bounded.
pub const MAX_READ_CHARS: usize = 1000;
/// At most this many concepts of a question are weighed.
const MAX_CONCEPTS: usize = 64;
/// How much a word the fact base never uses counts, relative to its rarest word: such a word is
/// strong evidence that the question is about something else (the capital of France).
const UNKNOWN_WORD_FACTOR: f32 = 1.5;
/// How much a match on a word's longer or shorter form counts (occupation / occupied).
const PREFIX_FACTOR: f32 = 0.8;
/// At most this many such forms are tried per word.
const MAX_PREFIX_ALTERNATIVES: usize = 4;
/// How much a typo match counts, by edit distance (1, 2).
const TYPO_FACTOR: [f32; 2] = [0.85, 0.7];
/// The share of the confidence from the best-matching stored question, from coverage of the
/// question by the whole fact, by its keywords and section, and by its passage and date.
const SHARE_QUESTION: f32 = 0.35;
const SHARE_COVERAGE: f32 = 0.35;
const SHARE_KEYWORDS: f32 = 0.2;
const SHARE_PASSAGE: f32 = 0.1;
/// How much more a word counts when written as a name (capitalised mid-sentence): names say what a
/// question is about, so a question naming France or India is not answered by a fact on Japan.
const PROPER_NOUN_FACTOR: f32 = 1.5;
/// Candidates kept after scoring (an answer, three others, and room for explanations).
const KEEP: usize = 8;
/// A concept found in more than this share of the facts (and more than [`MIN_COMMON_FACTS`] facts) is
/// too common to propose candidates: it only adds to facts that rarer concepts of the question found,
/// unless the question has nothing rarer. This keeps the cost of a question proportional to the facts
/// that share its specific words; bases of a few hundred facts are always scored exactly.
const COMMON_SHARE: f32 = 0.02;
const MIN_COMMON_FACTS: f32 = 1000.0;
/// Suggestions need at least this confidence.
const SUGGESTION_FLOOR: f32 = 0.15;

/// A candidate with the parts of its confidence: best stored question, coverage, keywords, passage.
#[derive(Debug, Clone, Copy)]
struct Scored {
    hit: Hit,
    parts: [f32; 4],
}

/// A unit of the question with the index terms that can match it.
#[derive(Debug)]
struct Concept {
    alternatives: Vec<(u32, f32)>,
    weight: f32,
    content: bool,
    /// The word, when the index does not know it (no alternatives).
    unknown: Option<String>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    any: f32,
    keywords: f32,
    passage: f32,
    questions: [f32; MAX_QUESTIONS],
    content: bool,
}

#[derive(Default)]
struct Scratch {
    evidence: Vec<Evidence>,
    touched: Vec<u32>,
    merged: Vec<Posting>,
    factors: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

pub(crate) fn ask(index: &Inverted, kb: &KnowledgeBase, settings: Settings, question: &str) -> Outcome {
    let mut ranked: Vec<Hit> = scored(index, kb, question).1.into_iter().map(|s| s.hit).collect();
    let confidence = ranked.first().map_or(0.0, |h| h.confidence);
    ranked.truncate(4);
    match ranked.first() {
        Some(best) if best.confidence >= settings.decline_below => {
            let best = *best;
            let others = ranked[1..].iter().copied().filter(|h| h.confidence >= SUGGESTION_FLOOR).collect();
            Outcome::Answered { best, others }
        }
        _ => {
            ranked.retain(|h| h.confidence >= SUGGESTION_FLOOR);
            ranked.truncate(3);
            Outcome::Declined { suggestions: ranked, confidence }
        }
    }
}

/// The question's concepts and every candidate, best first (ties broken by fact id).
fn scored(index: &Inverted, kb: &KnowledgeBase, question: &str) -> (Vec<Concept>, Vec<Scored>) {
    let end = question.char_indices().nth(MAX_READ_CHARS).map_or(question.len(), |(i, _)| i);
    let concepts = concepts(index, &question[..end]);
    let total: f32 = concepts.iter().map(|c| c.weight).sum();
    if total <= 0.0 || concepts.iter().all(|c| c.alternatives.is_empty()) {
        return (concepts, Vec::new());
    }
    let mut ranked = SCRATCH.with(|s| rank(index, &concepts, total, &mut s.borrow_mut()));
    let order = |a: &Scored, b: &Scored| {
        let (a, b) = (a.hit, b.hit);
        b.confidence.total_cmp(&a.confidence).then_with(|| kb.facts()[a.fact].id.cmp(&kb.facts()[b.fact].id))
    };
    // Only the best few are ever shown: select them in linear time before sorting.
    if ranked.len() > KEEP {
        ranked.select_nth_unstable_by(KEEP, order);
        ranked.truncate(KEEP);
    }
    ranked.sort_by(order);
    (concepts, ranked)
}

/// A plain-text account of how a question was read and scored, for curators tuning the base.
pub(crate) fn explain(index: &Inverted, kb: &KnowledgeBase, question: &str) -> String {
    let (concepts, ranked) = scored(index, kb, question);
    let mut out = String::from("concepts (weight: matching terms):\n");
    for c in &concepts {
        let alts: Vec<String> = c
            .alternatives
            .iter()
            .map(|&(id, f)| format!("{}×{f:.2}", index.terms[id as usize].name))
            .collect();
        let alts = if alts.is_empty() { "(unknown)".to_string() } else { alts.join(" ") };
        let kind = if c.content { "" } else { " generic" };
        out.push_str(&format!("  {:.2}{kind}: {alts}\n", c.weight));
    }
    out.push_str("candidates (confidence = question, coverage, keywords, passage):\n");
    for s in ranked.iter().take(5) {
        let [q, cov, kw, p] = s.parts;
        let id = &kb.facts()[s.hit.fact].id;
        out.push_str(&format!("  {:.3} {id} ({q:.2}, {cov:.2}, {kw:.2}, {p:.2})\n", s.hit.confidence));
    }
    out
}

/// Accumulates evidence for every fact that shares a concept with the question; returns the facts
/// with content-word evidence and their confidence.
fn rank(index: &Inverted, concepts: &[Concept], total: f32, s: &mut Scratch) -> Vec<Scored> {
    let facts = index.question_weights.len();
    s.evidence.resize(facts, Evidence::default());
    let usable: Vec<&Concept> =
        concepts.iter().filter(|c| !c.alternatives.is_empty() && c.weight > 0.0).collect();
    // The largest posting list of a concept is a lower bound on the facts it is found in.
    let frequency = |c: &Concept| {
        c.alternatives.iter().map(|&(id, _)| index.postings[id as usize].len()).max().unwrap_or(0)
    };
    let common_above = (COMMON_SHARE * facts as f32).max(MIN_COMMON_FACTS);
    // Only a specific content word may propose candidates on its own; everyday words never do.
    let proposes = |c: &Concept| c.content && frequency(c) as f32 <= common_above;
    let any_rare = usable.iter().any(|c| proposes(c));
    for concept in usable.iter().filter(|c| !any_rare || proposes(c)) {
        merge_postings(index, concept, s);
        for (p, &factor) in s.merged.iter().zip(&s.factors) {
            let e = &mut s.evidence[p.fact as usize];
            if e.any == 0.0 && !e.content {
                s.touched.push(p.fact);
            }
            add(e, p, concept.weight * factor, concept.content);
        }
    }
    if any_rare {
        for concept in usable.iter().filter(|c| !proposes(c)) {
            merge_postings(index, concept, s);
            for &f in &s.touched {
                if let Ok(i) = s.merged.binary_search_by_key(&f, |p| p.fact) {
                    let weight = concept.weight * s.factors[i];
                    add(&mut s.evidence[f as usize], &s.merged[i], weight, concept.content);
                }
            }
        }
    }
    let mut hits = Vec::with_capacity(s.touched.len());
    for &f in &s.touched {
        let e = std::mem::take(&mut s.evidence[f as usize]);
        if !e.content {
            continue;
        }
        let weights = &index.question_weights[f as usize];
        let best_question = e
            .questions
            .iter()
            .zip(weights)
            .filter(|(_, w)| **w > 0.0)
            .map(|(m, w)| 2.0 * m / (total + w))
            .fold(0.0f32, f32::max);
        let parts = [
            best_question.min(1.0),
            (e.any / total).min(1.0),
            (e.keywords / total).min(1.0),
            (e.passage / total).min(1.0),
        ];
        let confidence = SHARE_QUESTION * parts[0]
            + SHARE_COVERAGE * parts[1]
            + SHARE_KEYWORDS * parts[2]
            + SHARE_PASSAGE * parts[3];
        let hit = Hit { fact: f as usize, confidence: confidence.clamp(0.0, 1.0) };
        hits.push(Scored { hit, parts });
    }
    s.touched.clear();
    hits
}

fn add(e: &mut Evidence, p: &Posting, c: f32, content: bool) {
    e.any += c;
    e.content |= content;
    if p.fields & (KEYWORD | SECTION) != 0 {
        e.keywords += c;
    }
    if p.fields & (PASSAGE | DATE) != 0 {
        e.passage += c;
    }
    for (q, sum) in e.questions.iter_mut().enumerate() {
        if p.questions & (1 << q) != 0 {
            *sum += c;
        }
    }
}

/// The postings of a concept's alternatives, one per fact, keeping the best factor and all fields.
fn merge_postings(index: &Inverted, concept: &Concept, s: &mut Scratch) {
    s.merged.clear();
    s.factors.clear();
    if let [(id, factor)] = concept.alternatives[..] {
        s.merged.extend_from_slice(&index.postings[id as usize]);
        s.factors.resize(s.merged.len(), factor);
        return;
    }
    let mut all: Vec<(Posting, f32)> = concept
        .alternatives
        .iter()
        .flat_map(|&(id, factor)| index.postings[id as usize].iter().map(move |p| (*p, factor)))
        .collect();
    all.sort_unstable_by_key(|(p, _)| p.fact);
    for (p, factor) in all {
        match s.merged.last_mut() {
            Some(last) if last.fact == p.fact => {
                last.fields |= p.fields;
                last.questions |= p.questions;
                if let Some(best) = s.factors.last_mut() {
                    *best = best.max(factor);
                }
            }
            _ => {
                s.merged.push(p);
                s.factors.push(factor);
            }
        }
    }
}

/// The question's concepts: synonym groups, known terms, typo matches, and unknown content words.
fn concepts(index: &Inverted, question: &str) -> Vec<Concept> {
    let tokens = tokenize(question);
    let (units, joined) = index.phrases.units(&tokens);
    let names = proper_nouns(question);
    let mut concepts: Vec<Concept> = Vec::new();
    for unit in units.into_iter().take(MAX_CONCEPTS) {
        let name = matches!(&unit, Unit::Term(text, _) if names.contains(text));
        if let Some(mut c) = resolve(index, &unit, name) {
            if name && c.content && !c.alternatives.is_empty() {
                c.weight *= PROPER_NOUN_FACTOR;
            }
            push_unique(&mut concepts, c);
        }
    }
    // A compound written with a hyphen ("Hokushin-ron") may be known only joined up: if its joined
    // form resolves, it stands in for the parts the index does not know.
    for term in joined.iter().take(MAX_CONCEPTS) {
        let unit = Unit::Term(term.text.clone(), term.kind);
        let Some(c) = resolve(index, &unit, false).filter(|c| !c.alternatives.is_empty()) else {
            continue;
        };
        let before = concepts.len();
        concepts.retain(|k| !k.unknown.as_ref().is_some_and(|part| term.text.contains(part.as_str())));
        if concepts.len() < before {
            push_unique(&mut concepts, c);
        }
    }
    concepts
}

/// Terms of the words written capitalised other than at the start of a sentence; none when most
/// words are capitalised (Title Case, ALL CAPS), where capitals say nothing about names.
fn proper_nouns(question: &str) -> Vec<String> {
    let words: Vec<&str> = question.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    if words.iter().filter(|w| capitalised(w)).count() * 2 > words.len() {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut sentence_start = true;
    for word in words {
        if capitalised(word) && !sentence_start {
            names.extend(tokenize(word).into_iter().map(|t| t.text));
        }
        sentence_start = word.ends_with(['.', '?', '!', ':']);
    }
    names
}

fn push_unique(concepts: &mut Vec<Concept>, c: Concept) {
    let duplicate = !c.alternatives.is_empty() && concepts.iter().any(|k| k.alternatives == c.alternatives);
    if !duplicate {
        concepts.push(c);
    }
}

/// The concept for one unit of a question; `name` when it was written as a name, which keeps it
/// from meeting longer words (France is not Francisco).
fn resolve(index: &Inverted, unit: &Unit, name: bool) -> Option<Concept> {
    let class = match unit {
        Unit::Group(_) => Class::Content,
        Unit::Term(text, kind) => class_of(text, *kind),
    };
    if class == Class::Function {
        return None;
    }
    let content = class == Class::Content;
    let mut alternatives: Vec<(u32, f32)> = Vec::new();
    if let Some(id) = index.id(unit) {
        alternatives.push((id, 1.0));
    }
    if let (Unit::Term(text, Kind::Word), Class::Content) = (unit, class) {
        if alternatives.is_empty() {
            // A word the base lacks may be a typo of one it has, or a real word it never uses: the
            // match counts less, and so does the word.
            let near = index.typos.lookup(text);
            if let Some(&(_, d)) = near.first() {
                let factor = TYPO_FACTOR[(d - 1).min(1)];
                let ids: Vec<u32> = near.iter().map(|&(id, _)| id).collect();
                let weight =
                    ids.iter().map(|&id| index.terms[id as usize].weight).fold(0.0, f32::max) * factor;
                let content = ids.iter().any(|&id| index.terms[id as usize].class == Class::Content);
                let alternatives = ids.into_iter().map(|id| (id, 1.0)).collect();
                return Some(Concept { alternatives, weight, content, unknown: None });
            }
        }
        let relatives = if name { Vec::new() } else { index.prefix_relatives(text) };
        for id in relatives.into_iter().take(MAX_PREFIX_ALTERNATIVES) {
            if !alternatives.iter().any(|(a, _)| *a == id) {
                alternatives.push((id, PREFIX_FACTOR));
            }
        }
    }
    if let Some(&(first, factor)) = alternatives.first() {
        // A word the base has is weighed as itself; one it lacks, by the relative that would matter most.
        let weight = if factor == 1.0 {
            index.terms[first as usize].weight
        } else {
            alternatives.iter().map(|&(id, _)| index.terms[id as usize].weight).fold(0.0, f32::max) * factor
        };
        let content =
            content && alternatives.iter().any(|&(id, _)| index.terms[id as usize].class == Class::Content);
        return Some(Concept { alternatives, weight, content, unknown: None });
    }
    // A content word the fact base never uses is evidence that the question is about something else.
    let weight = if content { index.unknown_weight * UNKNOWN_WORD_FACTOR } else { 0.0 };
    let unknown = match unit {
        Unit::Term(text, _) => Some(text.clone()),
        Unit::Group(_) => None,
    };
    Some(Concept { alternatives: Vec::new(), weight, content, unknown })
}
