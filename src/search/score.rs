//! Answering one question: accumulating evidence per fact over the postings of the question's
//! concepts only, then weighing what the question asks for (its focus, the kind of answer, the
//! present, its phrases) and ranking.

use std::cell::RefCell;

use super::asks::Asks;
use super::index::{
    DATE, Inverted, KEYWORD, MAX_ENGLISH_QUESTIONS, ONGOING, PASSAGE, Posting, SECTION, Traits,
    question_slots,
};
use super::parts::{first_question, question_after_context, question_before_context};
use super::phrase::{Phrases, numbered_only, phrase_share, phrases};
use super::question::{Concept, Reading, most_facts_for_a_name, rare_name, read};
use super::slot::{Asked, Slot, answer_near, slot};
use super::ties::ambiguous;
use super::{Hit, Outcome, Settings, Unsure};
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
pub(crate) use bar::{Bar, bar, lowest_bar};
use confidence::{confidence, coverage_measure};
use gather::{LanguageSlots, Placed, add, add_to_touched, merge_postings, proposers, touch};

mod bar;
mod confidence;
mod gather;
mod weigh;

/// The share of the confidence from the best-matching stored question, from coverage of the
/// question by the whole fact, by its keywords and section, and by its passage and date.
const SHARE_QUESTION: f32 = 0.35;
const SHARE_COVERAGE: f32 = 0.35;
const SHARE_KEYWORDS: f32 = 0.2;
const SHARE_PASSAGE: f32 = 0.1;
/// Candidates kept after scoring (an answer, three others, and room for explanations).
const KEEP: usize = 8;
/// Candidates shown: an answer and three others, or three suggestions.
pub(crate) const SHOWN: usize = 4;
/// A concept found in more than this share of the facts (and more than [`MIN_COMMON_FACTS`] facts) is
/// too common to propose candidates: it only adds to facts that rarer concepts of the question found,
/// unless the question has nothing rarer (then its least common concept proposes). This keeps the
/// cost of a question proportional to the facts that share its specific words; facts that only share
/// a word as common as "Japan" could not reach the threshold anyway.
const COMMON_SHARE: f32 = 0.02;
const MIN_COMMON_FACTS: f32 = 100.0;
/// At most this many candidates, those with the most evidence, are scored in full: bases of a few
/// thousand facts always are.
const MAX_SCORED: usize = 2000;
/// Suggestions need at least this confidence.
const SUGGESTION_FLOOR: f32 = 0.15;
/// The confidence is multiplied by this for each part of the question's focus (a name, a number, a
/// word the base lacks) that the fact does not contain: a fact about Lake Khasan does not answer a
/// question about Tsushima because both mention a battle.
const FOCUS_MISSED: f32 = 0.7;
/// What a fact lacking the detail of a scene asked for keeps of its confidence, on top of
/// [`FOCUS_MISSED`]: as a question for what no fact holds.
const SCENE_MISSED: f32 = 0.5;
/// ... and by this when the fact cannot give the kind of answer asked for (a date for "when", a
/// figure for "how many", a cause for "why").
const KIND_MISSED: f32 = 0.7;
/// ... or by this when the question asks why and the passage has none of the usual words of a cause.
const REASON_MISSED: f32 = 0.92;
/// ... and by this when the question asks why and none of the fact's stored questions, in any
/// language, does: curators write a why-question for a fact that gives a cause, and a fact that
/// states only the event ("the USSR refused to sign") often has a word of consequence ("as a
/// result") that passes for a cause.
const CAUSE_UNASKED: f32 = 0.95;
/// ... and by this when a question about the present meets a fact about the past, older than
/// [`PRESENT_YEARS`] before the latest year in the base.
const PAST_FOR_PRESENT: f32 = 0.8;
const PRESENT_YEARS: i32 = 3;
/// ... and by this when only everyday English words of the question meet the fact ("what time is
/// it" against a fact that says "four times"): such words never decide a match.
const EVERYDAY_ONLY: f32 = 0.7;
/// ... and by this when the question's words meet only the fact's passage: none of its keywords and
/// none of its stored questions closely (a passage that happens to say "weather" and "Tokyo").
const PASSAGE_ONLY: f32 = 0.75;
const PASSAGE_ONLY_BELOW: f32 = 0.5;
/// ... and by this when none of the question's words meet the fact's passage or date, unless it is
/// asked as one of the fact's stored questions: the keywords name a subject ("Operation
/// Barbarossa") that the passage the asker reads never does, so it is not what the passage is about.
const KEYWORDS_ONLY: f32 = 0.75;
/// ... and by this for a question that asks for a judgement or for what would have happened: the
/// fact base holds facts, so it declines and offers the related facts.
const NOT_A_FACT: f32 = 0.5;
/// ... and by this for a question about a third country's affairs that does not name Japan ("When
/// did Russia invade Ukraine?"; see [`super::elsewhere`]) against a fact never asked about such a
/// country alone: a fact on Japan's part in them is not what was asked.
const ELSEWHERE: f32 = 0.5;
/// ... and by this for each name of several words the question uses that no fact uses as a phrase.
const UNKNOWN_NAME: f32 = 0.6;
/// How much of the confidence depends on the question's adjacent words standing together in the fact.
const PHRASE_WEIGHT: f32 = 0.12;
/// A stored question that asks for another kind of answer than the question ("why" for "when")
/// is another question about the same thing: its likeness counts this much.
const OTHER_KIND: f32 = 0.8;
/// A question this similar to one of the best fact's stored questions is asked as curators foresaw:
/// never a guess.
pub(crate) const ASKED_AS_STORED: f32 = 0.9;

/// A candidate with the parts of its confidence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub hit: Hit,
    /// Best stored question, coverage, keywords, passage (each in [0, 1]).
    pub parts: [f32; 4],
    /// Focus concepts of the question found in the fact (a bit per concept).
    pub focus: u64,
    /// A bit per concept of a multiple-choice option that the fact meets, by the concept's place.
    pub options: u64,
    /// How many of the question's focus concepts the fact lacks.
    pub focus_missed: u32,
    /// Whether the fact cannot give the kind of answer asked for.
    pub kind_missed: bool,
    /// Whether the question asks why and no stored question of the fact does.
    pub cause_unasked: bool,
    /// Whether the fact is about the past and the question about the present.
    pub past: bool,
    /// Whether a stored question about the other side than the question's would have matched it
    /// best (it was passed over).
    pub other_side: bool,
    /// Whether it was chosen as the latest of a near tie for a question about the present.
    pub latest: bool,
    /// Whether it was chosen over a close best as the fact dated in the year the question names.
    pub dated: bool,
    /// The share of the question's adjacent pairs that stand together in the fact (1 when it has none).
    pub phrases: f32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    any: f32,
    keywords: f32,
    passage: f32,
    /// Per stored question in the question's language (see [`question_slots`]; English has the most).
    questions: [f32; MAX_ENGLISH_QUESTIONS],
    /// A bit per slot of `questions` that met a concept: only those are measured.
    matched: u32,
    /// The weight of the concepts that met any stored question: no slot of `questions` exceeds it.
    stored: f32,
    content: bool,
    /// Whether a concept more specific than an everyday English word matched.
    specific: bool,
    focus: u64,
    options: u64,
}

#[derive(Default)]
struct Scratch {
    /// Per fact of the base, its place in `evidence`, or [`UNTOUCHED`]: small and dense, so the
    /// check for each posting stays in cache even for a large base.
    slot: Vec<u32>,
    /// The evidence of the facts touched so far, in the order of `touched`.
    evidence: Vec<Evidence>,
    touched: Vec<u32>,
    merged: Vec<Posting>,
    factors: Vec<f32>,
    /// Per touched fact, a concept's merged posting there and its best factor.
    found: Vec<Option<(Posting, f32)>>,
}

const UNTOUCHED: u32 = u32::MAX;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Matches a message: as a whole, or, when no fact answers it, by a part of it alone ([`parts`]).
pub(crate) fn ask(index: &Inverted, kb: &KnowledgeBase, settings: Settings, question: &str) -> Outcome {
    let (message, whole) = ask_one(index, kb, settings, question);
    if whole.is_answered() {
        return whole;
    }
    let Some(settings) = part_settings(&message, settings) else { return whole };
    for part in parts(question) {
        let (alone, outcome) = ask_one(index, kb, settings, part);
        if let Some((best, others)) = taken(index, &whole, &alone, outcome) {
            return Outcome::Answered { best, others, part: Some(part.to_string()) };
        }
    }
    whole
}

/// Matches one question as a whole: its reading, and its outcome.
fn ask_one(index: &Inverted, kb: &KnowledgeBase, settings: Settings, question: &str) -> (Reading, Outcome) {
    let reading = read(index, question);
    let outcome = decide(index, &scored(index, kb, &reading), bar(index, &reading, settings));
    (reading, outcome)
}

/// How much more confident than a whole question the first of several must be to be answered
/// alone: what the rest of the message says, which might have changed what it asks, is set aside.
/// Of the margins measured on the tuning parts (docs/calibration.md, thirteenth round), 0.06 let in
/// two wrong answers and 0.15 lost a right one.
const FIRST_QUESTION_MARGIN: f32 = 0.10;

/// The settings a part of a message no fact answers as a whole (read as `whole`) is matched under
/// alone: the threshold raised by [`FIRST_QUESTION_MARGIN`], unless it is at either end (always or
/// never). None when the whole asks for something no fact holds (an opinion, what would have
/// happened): then no part of it is answered alone.
pub(crate) fn part_settings(whole: &Reading, settings: Settings) -> Option<Settings> {
    if whole.asks.not_a_fact() {
        return None;
    }
    let threshold = settings.decline_below;
    if threshold <= 0.0 || threshold >= 1.0 {
        return Some(settings);
    }
    Some(Settings { decline_below: (threshold + FIRST_QUESTION_MARGIN).min(1.0) })
}

/// The parts of a message tried alone, in order: the first of several questions, then the question
/// after what the message first says ("Mexico has relations with both. Which has the bigger GDP?"),
/// then the question before what the asker tells of themselves ("…? I'm from Kenya"), each found
/// only when the one before it was not taken.
pub(crate) fn parts(question: &str) -> impl Iterator<Item = &str> {
    let after_context = std::iter::once_with(move || question_after_context(question)).flatten();
    let before_context = std::iter::once_with(move || question_before_context(question)).flatten();
    first_question(question).into_iter().chain(after_context).chain(before_context)
}

/// A part's answer, when it is taken: the whole message must suggest the same fact, so that what the
/// rest of it says does not point elsewhere ("Chekhov dined with the Japanese consul in Korsakov. Who
/// was the consul?" is no question about any consul of the base). When the whole suggests no fact
/// at all, a part that names its own subject (the Treaty of Shimoda, Siberia) is taken: the rest,
/// of names the base never has (the asker's tutor, the figures they have seen), points nowhere.
pub(crate) fn taken(
    index: &Inverted,
    whole: &Outcome,
    part: &Reading,
    outcome: Outcome,
) -> Option<(Hit, Vec<Hit>)> {
    match outcome {
        Outcome::Answered { best, others, .. }
            if whole.suggests(best.fact) || (points_nowhere(whole) && names_its_subject(index, part)) =>
        {
            Some((best, others))
        }
        _ => None,
    }
}

/// Whether a declined message suggests no fact at all: what it says points nowhere in the base.
pub(crate) fn points_nowhere(whole: &Outcome) -> bool {
    matches!(whole, Outcome::Declined { suggestions, .. } if suggestions.is_empty())
}

/// Whether a question names what it is about: a focus concept written with a word the passages
/// write as a name, in few facts, and no everyday word ("Shimoda" in the Treaty of Shimoda,
/// Siberia); not only words for an office or a role, which passages capitalise as titles ("the
/// consul", the Prime Minister), or the two countries every fact is about.
fn names_its_subject(index: &Inverted, reading: &Reading) -> bool {
    let most = most_facts_for_a_name(index);
    let name = |word: &str| {
        let id = index.term_id(&super::normalize::stem(word));
        id.is_some_and(|id| rare_name(index, id, most)) && super::vocab::word_level(word).is_none()
    };
    reading.concepts.iter().any(|c| c.focus && !c.option() && c.word.split(' ').any(name))
}

/// The checks that need a fact's words in order: where the answer stands, the question's phrases
/// and names.
fn check(
    index: &Inverted,
    (concepts, lang): (&[Concept], Lang),
    asked: Option<&(Slot, Asked)>,
    phrases: &Phrases,
    unknown_names: i32,
    s: &mut Scored,
) {
    // A question asked as the fact stores it is one its curators say it answers.
    if let Some((slot, asked)) = asked.filter(|_| !s.kind_missed && s.parts[0] < ASKED_AS_STORED)
        && !answer_near(index, asked, *slot, s.hit.fact)
    {
        s.kind_missed = true;
        s.hit.confidence *= KIND_MISSED;
    }
    let numbered = numbered_only(index, concepts, s.hit.fact, lang);
    s.focus_missed += numbered;
    s.hit.confidence *= FOCUS_MISSED.powi(numbered.min(2) as i32);
    s.hit.confidence *= UNKNOWN_NAME.powi(unknown_names);
    let (share, names_missed) = phrase_share(index, phrases, s.hit.fact, lang);
    s.phrases = share;
    s.focus_missed += names_missed;
    s.hit.confidence *= FOCUS_MISSED.powi(names_missed.min(2) as i32);
    s.hit.confidence *= 1.0 - PHRASE_WEIGHT * (1.0 - s.phrases);
}

/// An answer when the best candidate reaches the bar (see [`bar`]) and is not a coin toss with the
/// next one.
pub(crate) fn decide(index: &Inverted, ranked: &[Scored], bar: Bar) -> Outcome {
    let confidence = ranked.first().map_or(0.0, |s| s.hit.confidence);
    let mut hits: Vec<Hit> = ranked.iter().take(4).map(|s| s.hit).collect();
    let reason = match ranked {
        [best, ..] if best.hit.confidence >= bar.for_best(best) => {
            if !ambiguous(index, ranked) {
                let others = hits[1..].iter().copied().filter(|h| h.confidence >= SUGGESTION_FLOOR).collect();
                return Outcome::Answered { best: best.hit, others, part: None };
            }
            Unsure::Tie
        }
        _ => Unsure::Uncovered,
    };
    hits.retain(|h| h.confidence >= SUGGESTION_FLOOR);
    hits.truncate(3);
    Outcome::Declined { suggestions: hits, confidence, reason }
}

/// Every candidate of a read question, best first (ties broken by fact id).
pub(crate) fn scored(index: &Inverted, kb: &KnowledgeBase, reading: &Reading) -> Vec<Scored> {
    let concepts = &reading.concepts;
    if reading.total <= 0.0 || concepts.iter().all(|c| c.alternatives.is_empty()) {
        return Vec::new();
    }
    let mut ranked = SCRATCH.with(|s| rank(index, reading, &mut s.borrow_mut()));
    let order = |a: &Scored, b: &Scored| {
        let (a, b) = (a.hit, b.hit);
        b.confidence.total_cmp(&a.confidence).then_with(|| kb.facts()[a.fact].id.cmp(&kb.facts()[b.fact].id))
    };
    // Only the best few are ever shown: select them in linear time before sorting.
    if ranked.len() > KEEP {
        ranked.select_nth_unstable_by(KEEP, order);
        ranked.truncate(KEEP);
    }
    // Phrases and the place of the answer are checked on the few best only, in order, until the
    // ones shown are settled: checks only lower a confidence, so a candidate below the fourth
    // checked one can no longer be shown.
    ranked.retain(|s| s.hit.confidence >= SUGGESTION_FLOOR);
    ranked.sort_by(order);
    let asked = slot(reading.asks).map(|slot| (slot, Asked::of(concepts, reading.lang)));
    let phrases = phrases(index, concepts);
    let unknown_names = (phrases.unknown_names.len() + reading.unknown_compounds.len()).min(2) as i32;
    let mut checked: Vec<f32> = Vec::with_capacity(ranked.len());
    for s in &mut ranked {
        let settled = checked.len() >= SHOWN && {
            checked.sort_by(|a, b| b.total_cmp(a));
            checked[SHOWN - 1] >= s.hit.confidence
        };
        if settled {
            break;
        }
        check(index, (concepts, reading.lang), asked.as_ref(), &phrases, unknown_names, s);
        checked.push(s.hit.confidence);
    }
    ranked.sort_by(order);
    super::ties::stored_wins_a_tie(&mut ranked);
    super::ties::option_wins_a_tie(concepts, &mut ranked);
    if reading.present {
        super::ties::latest_wins_a_tie(index, &mut ranked);
    }
    // A question about the present names a year for a thing of the past ("the 1998 agreement
    // now"), not for the time it asks about.
    if let (Some(year), false) = (reading.year, reading.present) {
        super::ties::dated_wins_a_tie(index, year, &mut ranked);
    }
    ranked
}

/// Accumulates evidence for every fact that shares a concept with the question; returns the facts
/// with content-word evidence and their confidence.
fn rank(index: &Inverted, reading: &Reading, s: &mut Scratch) -> Vec<Scored> {
    let facts = index.question_weights.len();
    let slots = question_slots(reading.lang);
    let language = LanguageSlots { first: slots.start as u32, mask: (1 << slots.len()) - 1 };
    s.slot.resize(facts, UNTOUCHED);
    let usable: Vec<Placed> = reading
        .concepts
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.alternatives.is_empty() && c.weight > 0.0)
        .collect();
    let (first, then) = proposers(index, &usable);
    for &(n, concept) in &first {
        let Scratch { slot, evidence, touched, merged, factors, .. } = &mut *s;
        if let [(id, factor)] = concept.alternatives[..] {
            for p in &index.postings[id as usize] {
                add(touch((slot, evidence, touched), p.fact), p, concept, (n, language), factor);
            }
        } else {
            merge_postings(index, concept, (merged, factors));
            for (p, &factor) in merged.iter().zip(factors.iter()) {
                add(touch((slot, evidence, touched), p.fact), p, concept, (n, language), factor);
            }
        }
    }
    // The other concepts only add to the candidates found.
    for &(n, concept) in &then {
        add_to_touched(index, concept, s);
        for (i, found) in s.found.iter().enumerate() {
            if let Some((p, factor)) = *found {
                add(&mut s.evidence[i], &p, concept, (n, language), factor);
            }
        }
    }
    let focus_all: u64 = focus_bits(reading);
    let mut order: Vec<usize> = (0..s.touched.len()).collect();
    if order.len() > MAX_SCORED {
        // A question of only common words touches much of a large base: score the facts with the
        // most evidence only.
        let (evidence, touched) = (&s.evidence, &s.touched);
        let more = |a: &usize, b: &usize| {
            evidence[*b].any.total_cmp(&evidence[*a].any).then(touched[*a].cmp(&touched[*b]))
        };
        order.select_nth_unstable_by(MAX_SCORED, more);
        order.truncate(MAX_SCORED);
    }
    let apart = pairs_met_apart(reading, focus_all, order.iter().map(|&i| s.evidence[i].focus));
    let covered = coverage_measure(reading.covered_total, reading.lacked_total, reading.total);
    let mut hits = Vec::with_capacity(order.len());
    for i in order {
        let e = &s.evidence[i];
        if e.content {
            hits.extend(confidence(index, reading, s.touched[i] as usize, e, (focus_all, &apart, covered)));
        }
    }
    for &f in &s.touched {
        s.slot[f as usize] = UNTOUCHED;
    }
    s.touched.clear();
    s.evidence.clear();
    hits
}

/// The pairs of coordinated names ("Sakhalin-1 and Sakhalin-2") that no candidate meets both of,
/// each as the bits of its two concepts.
fn pairs_met_apart(reading: &Reading, focus_all: u64, candidates: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut pairs: Vec<u64> = (reading.concepts.iter().enumerate().take(64))
        .filter(|(_, c)| c.joined_to > 0)
        .map(|(n, c)| 1u64 << n | 1u64 << (c.joined_to - 1).min(63))
        .filter(|&pair| pair & focus_all == pair)
        .collect();
    if pairs.is_empty() {
        return pairs;
    }
    for met in candidates {
        pairs.retain(|&pair| met & pair != pair);
    }
    pairs
}

/// The focus a fact meets, counting a name as met when the fact meets the name it is coordinated
/// with and no fact meets both: a fact about Sakhalin-1 answers half of "Sakhalin-1 and
/// Sakhalin-2", which no fact answers whole.
fn met_with_coordinated(apart: &[u64], met: u64) -> u64 {
    apart.iter().filter(|&&pair| met & pair != 0).fold(met, |all, pair| all | pair)
}

/// The bits of the question's focus concepts (not options), at most 64.
fn focus_bits(reading: &Reading) -> u64 {
    reading
        .concepts
        .iter()
        .enumerate()
        .take(64)
        .filter(|(_, c)| c.focus && !c.option())
        .fold(0, |bits, (n, _)| bits | 1 << n)
}

#[cfg(test)]
mod tests;
