//! Building the inverted index, once, at load: facts are indexed in parts, on all cores for large
//! bases, each part with its own term ids; the parts are then merged in fact order.

use rustc_hash::FxHashMap;

use super::asks::{KindSlots, asks_in};
use super::elsewhere::asks_about_third_country;
use super::index::{
    DATE, GAP, Inverted, KEYWORD, MAX_QUESTIONS, MIN_PREFIX_CHARS, ONGOING, PASSAGE, Posting, QUESTION,
    QuestionBits, SECTION, SEQUENCE_PARTS, SHARED_PART, Traits, is_year, pair_hash, question_slots,
};
use super::japanese::is_katakana;
use super::measure::Measure;
use super::normalize::{Kind, Term, tokenize};
use super::question::opens_instruction;
use super::slot::NUMBER_WORDS;
use super::vocab::{Class, EVERYDAY_LEVEL, Phrases, Unit, class_of, word_level};
use crate::knowledge::{Fact, KnowledgeBase, When};
use crate::lang::Lang;

/// Spans up to this many years index every year in them; longer spans only their ends.
const MAX_SPAN_YEARS: i32 = 25;
/// Bases from this many facts are indexed on all cores.
const PARALLEL_FROM: usize = 256;

/// A fact's content units in text order: its own texts in each language, then the texts all
/// languages share (see [`Inverted::sequences`]).
type Sequences = [Vec<u32>; SEQUENCE_PARTS];

/// The terms and postings of a run of facts, with term ids of its own.
#[derive(Default)]
struct Part {
    by_text: FxHashMap<String, u32>,
    by_group: FxHashMap<u32, u32>,
    /// The unit each local id stands for, to merge by.
    units: Vec<Unit>,
    postings: Vec<Vec<Posting>>,
    /// Per fact of the part, per question: the ids of its units.
    questions: Vec<Vec<Vec<u32>>>,
    /// Per fact of the part: the sides its stored questions name (see [`Inverted::question_sides`]).
    question_sides: Vec<u64>,
    /// Per fact of the part: the way its stored questions point (see [`Inverted::question_directions`]).
    question_directions: Vec<u64>,
    /// Per fact of the part: the kinds of answer its stored questions ask for.
    question_kinds: Vec<KindSlots>,
    /// Per fact of the part: what it can answer (see [`Inverted::traits`]).
    traits: Vec<Traits>,
    /// Words as written (folded, unstemmed), with the id of their stem, for typo lookups.
    surfaces: FxHashMap<String, u32>,
    /// The part's facts' content units in text order (see [`Inverted::sequences`]), and where each starts.
    sequences: Vec<u32>,
    starts: Vec<u32>,
    /// Runs of three kanji in the part's texts (see [`Inverted::kanji_triples`]).
    kanji_triples: Vec<[char; 3]>,
    /// Per local id: how often passages use the word mid-sentence, and how often capitalised there.
    mid_sentence: Vec<u32>,
    capitalised: Vec<u32>,
}

impl Part {
    fn intern(&mut self, unit: &Unit) -> u32 {
        let found = match unit {
            Unit::Group(g) => self.by_group.get(g),
            Unit::Term(text, _) => self.by_text.get(text.as_str()),
        };
        if let Some(&id) = found {
            return id;
        }
        let id = self.units.len() as u32;
        match unit {
            Unit::Group(g) => self.by_group.insert(*g, id),
            Unit::Term(text, _) => self.by_text.insert(text.clone(), id),
        };
        self.units.push(unit.clone());
        self.postings.push(Vec::new());
        self.mid_sentence.push(0);
        self.capitalised.push(0);
        id
    }

    /// Counts how the passage writes its words mid-sentence: capitalised (a name) or not.
    fn count_capitals(&mut self, passage: &str) {
        let mut sentence_start = true;
        for word in passage.split_whitespace() {
            let capital = word.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
            if !sentence_start {
                for term in tokenize(word).iter().filter(|t| t.kind == Kind::Word && !t.joined) {
                    if let Some(&id) = self.by_text.get(term.text.as_str()) {
                        self.mid_sentence[id as usize] += 1;
                        self.capitalised[id as usize] += u32::from(capital);
                    }
                }
            }
            sentence_start = word.ends_with(['.', '?', '!', ':', ';']);
        }
    }

    /// Indexes one text of a fact under `field`; returns the ids of its units (for question weights).
    /// Its content units, then a gap, go to the fact's sequence of language `to`, or to the part
    /// all languages share when `to` is `None`.
    fn add_text(
        &mut self,
        phrases: &Phrases,
        tokens: &[Term],
        (field, question_bit): (u8, QuestionBits),
        (found, sequences): (&mut Vec<(u32, u8, QuestionBits)>, &mut Sequences),
        to: Option<Lang>,
    ) -> Vec<u32> {
        let part = to.map_or(SHARED_PART, |lang| lang as usize);
        // Every token is indexed, so a word inside a synonym phrase can still be found on its own.
        let raw: Vec<u32> = tokens
            .iter()
            .map(|t| match self.by_text.get(t.text.as_str()) {
                Some(&id) => id,
                None => self.intern(&Unit::Term(t.text.clone(), t.kind)),
            })
            .collect();
        for (t, &id) in tokens.iter().zip(&raw) {
            let typed = t.kind == Kind::Word || is_katakana(&t.text);
            if typed && !self.surfaces.contains_key(&t.surface) {
                self.surfaces.insert(t.surface.clone(), id);
            }
        }
        super::ime::push_triples(tokens, &mut self.kanji_triples);
        let plain: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].joined).collect();
        let plain_terms: Vec<&Term> = plain.iter().map(|&i| &tokens[i]).collect();
        let mut unit_ids = Vec::with_capacity(plain.len());
        for (start, _, group) in phrases.spans(&plain_terms) {
            let id = match group {
                Some(g) => self.intern(&Unit::Group(g)),
                None => raw[plain[start]],
            };
            let unit = &self.units[id as usize];
            if matches!(unit, Unit::Group(_))
                || matches!(unit, Unit::Term(text, kind) if class_of(text, *kind) != Class::Function)
            {
                sequences[part].push(id);
            }
            if !unit_ids.contains(&id) {
                unit_ids.push(id);
            }
        }
        sequences[part].push(GAP);
        found.extend(unit_ids.iter().chain(&raw).map(|&id| (id, field, question_bit)));
        unit_ids
    }

    /// Indexes fact number `number` (its position in the whole base).
    fn add_fact(&mut self, phrases: &Phrases, number: u32, fact: &Fact) {
        let mut found = Vec::new();
        let mut sequences = Sequences::default();
        let mut questions = Vec::new();
        let mut sides = 0u64;
        let mut directions = 0u64;
        let mut kinds = KindSlots::default();
        let mut third_country = false;
        // Each language's questions from slots of their own, so that a question meets the stored
        // questions of its own language.
        for lang in Lang::ALL {
            let slots = question_slots(lang);
            let stored = fact.text(lang).map_or(&[][..], |(_, questions)| questions);
            questions.resize(slots.start, Vec::new());
            for (slot, question) in slots.zip(stored) {
                let mut tokens = tokenize(question);
                kinds.set(slot, asks_in(lang, question, tokens.clone()));
                // Read as a user's question is: without the word opening an instruction.
                if tokens.first().is_some_and(|t| !t.joined && opens_instruction(&t.surface)) {
                    tokens.remove(0);
                }
                let bit = 1 << slot;
                let (named, way) = super::sides::sides_and_direction(question, &tokens);
                sides |= u64::from(named) << (2 * slot);
                directions |= u64::from(way) << (2 * slot);
                third_country |= asks_about_third_country(question, &tokens);
                questions.push(self.add_text(
                    phrases,
                    &tokens,
                    (QUESTION, bit),
                    (&mut found, &mut sequences),
                    Some(lang),
                ));
            }
        }
        for keyword in &fact.keywords {
            self.add_text(phrases, &tokenize(keyword), (KEYWORD, 0), (&mut found, &mut sequences), None);
        }
        for lang in Lang::ALL {
            if let Some((passage, _)) = fact.text(lang) {
                self.add_text(
                    phrases,
                    &tokenize(passage),
                    (PASSAGE, 0),
                    (&mut found, &mut sequences),
                    Some(lang),
                );
                // Japanese has no capitals (and no spaces to count words by).
                if lang != Lang::Ja {
                    self.count_capitals(passage);
                }
            }
        }
        let section = tokenize(&fact.section);
        self.add_text(phrases, &section, (SECTION, 0), (&mut found, &mut sequences), None);
        for sequence in sequences {
            self.starts.push(self.sequences.len() as u32);
            self.sequences.extend(sequence);
        }
        for year in years(fact.when) {
            found.push((self.intern(&Unit::Term(year.to_string(), Kind::Number)), DATE, 0));
        }
        for decade in decades(fact.when) {
            found.push((self.intern(&Unit::Term(decade, Kind::Number)), DATE, 0));
        }
        found.sort_unstable_by_key(|&(id, _, _)| id);
        let mut found = found.into_iter().peekable();
        while let Some((id, mut fields, mut bits)) = found.next() {
            while let Some(&(_, more_fields, more_bits)) = found.peek().filter(|next| next.0 == id) {
                fields |= more_fields;
                bits |= more_bits;
                found.next();
            }
            self.postings[id as usize].push(Posting::new(number, fields, bits));
        }
        self.questions.push(questions);
        self.question_sides.push(sides);
        self.question_directions.push(directions);
        self.question_kinds.push(kinds);
        self.traits.push(Traits { third_country, ..traits(fact) });
    }
}

fn index_part(phrases: &Phrases, facts: &[Fact], first: usize) -> Part {
    let mut part = Part::default();
    for (i, fact) in facts.iter().enumerate() {
        part.add_fact(phrases, (first + i) as u32, fact);
    }
    part
}

/// The base indexed in consecutive parts: one for small bases, one per core for large ones.
fn index_parts(phrases: &Phrases, facts: &[Fact]) -> Vec<Part> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if facts.len() < PARALLEL_FROM || threads == 1 {
        return vec![index_part(phrases, facts, 0)];
    }
    let chunk = facts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = facts
            .chunks(chunk)
            .enumerate()
            .map(|(i, run)| scope.spawn(move || index_part(phrases, run, i * chunk)))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

impl Inverted {
    /// The index of `kb`; beside `base`, its words weigh as in one index of both (see
    /// [`Inverted::weigh`]).
    pub fn build(kb: &KnowledgeBase, base: Option<&Inverted>) -> Self {
        let phrases = match base {
            Some(base) => base.phrases.clone(),
            None => std::sync::Arc::new(Phrases::new(kb.synonyms())),
        };
        let parts = index_parts(&phrases, kb.facts());
        let mut index = Inverted { phrases, beside: base.is_some(), ..Default::default() };
        let groups: Vec<String> =
            kb.synonyms().iter().map(|g| g.terms.first().cloned().unwrap_or_default()).collect();
        let mut questions: Vec<Vec<Vec<u32>>> = Vec::with_capacity(kb.facts().len());
        let mut surfaces: FxHashMap<String, u32> = FxHashMap::default();
        let mut capitals: Vec<(u32, u32)> = Vec::new();
        for part in parts {
            let global: Vec<u32> = part.units.iter().map(|u| index.intern(u, &groups)).collect();
            capitals.resize(index.terms.len(), (0, 0));
            for (local, (&mid, &cap)) in part.mid_sentence.iter().zip(&part.capitalised).enumerate() {
                let counts = &mut capitals[global[local] as usize];
                *counts = (counts.0 + mid, counts.1 + cap);
            }
            for (local, postings) in part.postings.into_iter().enumerate() {
                index.postings[global[local] as usize].extend(postings);
            }
            let remap = |ids: Vec<u32>| ids.into_iter().map(|id| global[id as usize]).collect();
            questions.extend(part.questions.into_iter().map(|qs| qs.into_iter().map(remap).collect()));
            index.question_sides.extend(part.question_sides);
            index.question_directions.extend(part.question_directions);
            index.kanji_triples.extend(part.kanji_triples);
            index.question_kinds.extend(part.question_kinds);
            index.traits.extend(part.traits);
            let offset = index.sequences.len() as u32;
            index.starts.extend(part.starts.iter().map(|s| s + offset));
            index
                .sequences
                .extend(part.sequences.iter().map(|&id| if id == GAP { GAP } else { global[id as usize] }));
            for (surface, id) in part.surfaces {
                surfaces.entry(surface).or_insert(global[id as usize]);
            }
        }
        index.starts.push(index.sequences.len() as u32);
        index.attested =
            index.sequences.windows(2).filter(|w| !w.contains(&GAP)).map(|w| pair_hash(w[0], w[1])).collect();
        index.attested.sort_unstable();
        index.attested.dedup();
        index.latest_year = index.traits.iter().filter_map(|t| t.until).filter(|&y| y != ONGOING).max();
        capitals.resize(index.terms.len(), (0, 0));
        for (info, &(mid, cap)) in index.terms.iter_mut().zip(&capitals) {
            // A name: written capitalised in at least four of five places mid-sentence.
            info.proper = mid > 0 && cap * 5 >= mid * 4;
        }

        index.finish(base, &questions, surfaces);
        // Built by growing: give back what the growth left unused.
        index.attested.shrink_to_fit();
        index.sequences.shrink_to_fit();
        index.postings.iter_mut().for_each(Vec::shrink_to_fit);
        index
    }

    /// Weights, typo and prefix lookups, and question weights, once every posting is in.
    fn finish(
        &mut self,
        base: Option<&Inverted>,
        questions: &[Vec<Vec<u32>>],
        surfaces: FxHashMap<String, u32>,
    ) {
        for (surface, &id) in &surfaces {
            if word_level(surface).is_some_and(|l| l <= EVERYDAY_LEVEL) {
                self.terms[id as usize].everyday = true;
            }
        }
        self.weigh(base);
        let mut surfaces: Vec<(String, u32)> = surfaces
            .into_iter()
            .filter(|(_, id)| self.terms[*id as usize].class != Class::Function)
            .collect();
        // In word order, so that the typo index (and the answers it gives) do not depend on hashing.
        surfaces.sort_unstable();
        for (surface, id) in &surfaces {
            self.typos.insert(surface, *id);
        }
        let russian_stem = |t: &super::index::TermInfo| {
            t.class == Class::Content
                && !t.group
                && t.kind == Kind::Word
                && t.name.starts_with(crate::lang::is_cyrillic)
        };
        for (id, term) in self.terms.iter().enumerate().filter(|(_, t)| russian_stem(t)) {
            self.typos.insert_stem(&term.name, id as u32);
        }
        self.typos.finish();
        for (id, term) in self.terms.iter().enumerate().filter(|(_, t)| t.class != Class::Function) {
            super::ime::push_sounds(&term.name, id as u32, &mut self.kanji_sounds);
        }
        self.kanji_sounds.sort_unstable();
        self.kanji_sounds.dedup();
        self.kanji_sounds.shrink_to_fit();
        self.kanji_triples.sort_unstable();
        self.kanji_triples.dedup();
        self.kanji_triples.shrink_to_fit();
        self.sorted_words = self
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == Kind::Word && !t.group && t.name.chars().count() >= MIN_PREFIX_CHARS)
            .map(|(id, t)| (t.name.clone(), id as u32))
            .collect();
        self.sorted_words.sort_unstable();
        let relatives: Vec<(u32, Box<[u32]>)> = self
            .sorted_words
            .iter()
            .map(|(word, id)| (*id, self.prefix_relatives(word).into_boxed_slice()))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        self.relatives = relatives.into_iter().collect();
        self.question_weights = questions
            .iter()
            .map(|per_question| {
                let mut sums = [0.0; MAX_QUESTIONS];
                for (sum, ids) in sums.iter_mut().zip(per_question) {
                    *sum = ids.iter().map(|&id| self.terms[id as usize].weight).sum();
                }
                sums
            })
            .collect();
    }
}

/// Word stems in a passage that give a cause or a purpose.
static REASON_STEMS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    [
        "because",
        "reason",
        "cause",
        "led",
        "due",
        "aim",
        "fear",
        "sought",
        "want",
        "motive",
        "response",
        "purpose",
        "intend",
        "hope",
        "goal",
        "result",
        "blame",
        "therefore",
        "thus",
        "hence",
        "pretext",
        "protest",
        "retaliation",
        "seeking",
        "avoid",
    ]
    .iter()
    .map(|w| super::normalize::stem(w))
    .collect()
});

/// What a fact can answer: its date, and whether its passage gives a year, a figure or a cause.
fn traits(fact: &Fact) -> Traits {
    let until = fact.when.map(|w| match w {
        When::On(d) | When::Span(_, Some(d)) => d.year(),
        When::Span(_, None) => ONGOING,
    });
    let tokens = tokenize(&fact.passage);
    let numbers = || tokens.iter().filter(|t| t.kind == Kind::Number);
    let figure = numbers().any(|t| !is_year(&t.text))
        || tokens.iter().any(|t| NUMBER_WORDS.contains(&t.surface.as_str()));
    Traits {
        until,
        since: fact.when.map(|w| w.start_year()),
        time: until.is_some() || numbers().any(|t| is_year(&t.text)),
        figure,
        reason: tokens.iter().any(|t| t.kind == Kind::Word && REASON_STEMS.contains(&t.text)),
        measures: Measure::ALL.into_iter().filter(|&m| m.given_in(&tokens)).fold(0, |bits, m| bits | m.bit()),
        span: span(fact.when).is_some_and(|(from, to)| from != to) || {
            let mut years = numbers().filter(|t| is_year(&t.text)).map(|t| t.text.as_str());
            years.next().is_some_and(|first| years.any(|y| y != first))
        },
        third_country: false,
    }
}

/// The first and last year of a fact's date (the start alone for an ongoing span).
fn span(when: Option<When>) -> Option<(i32, i32)> {
    match when? {
        When::On(d) => Some((d.year(), d.year())),
        When::Span(from, to) => Some((from.year(), to.map_or(from.year(), |t| t.year()))),
    }
}

/// The last century that "the X00s" names rather than its first decade: "the 1800s" is the
/// nineteenth century, while "the 1900s" and "the 2000s" are as often the decades.
const LAST_CENTURY_WRITTEN_AS_DECADE: i32 = 1800;

/// The decades a fact's date covers, however long it lasted, for questions that name one ("in the
/// 1960s"); a passage that names a decade has it among its words. The years a passage mentions in
/// passing do not count: a fact about 2021 that recalls a 2008 peak is not about the 2000s. Up to
/// [`LAST_CENTURY_WRITTEN_AS_DECADE`], "the 1800s" covers the whole century.
fn decades(when: Option<When>) -> Vec<String> {
    let Some((from, to)) = span(when) else { return Vec::new() };
    let mut all: Vec<String> =
        (from.div_euclid(10)..=to.div_euclid(10)).map(|d| super::normalize::decade_of(d * 10)).collect();
    let centuries = (from.div_euclid(100)..=to.div_euclid(100)).map(|c| c * 100);
    for century in centuries.filter(|&c| c <= LAST_CENTURY_WRITTEN_AS_DECADE) {
        let written = super::normalize::decade_of(century);
        if !all.contains(&written) {
            all.push(written);
        }
    }
    all
}

/// The years a fact's date covers, for matching years in questions.
fn years(when: Option<When>) -> Vec<i32> {
    match span(when) {
        None => Vec::new(),
        Some((from, to)) if to - from <= MAX_SPAN_YEARS => (from..=to).collect(),
        Some((from, to)) => vec![from, to],
    }
}

#[cfg(test)]
mod tests;
