//! The inverted index over a fact base: its terms, their weights and postings (built in `build`).

use rustc_hash::FxHashMap;

use super::measure::Measure;
use super::normalize::Kind;
use super::typo::TypoIndex;
use super::vocab::{Class, Phrases, Unit, class_of};
use crate::lang::Lang;

pub(crate) const QUESTION: u8 = 1;
pub(crate) const KEYWORD: u8 = 2;
pub(crate) const PASSAGE: u8 = 4;
pub(crate) const SECTION: u8 = 8;
pub(crate) const DATE: u8 = 16;

/// Words this long or longer meet other words that extend them by a few letters
/// (occupation / occupied, intervention / intervened), where the stemmer keeps them apart.
pub(crate) const MIN_PREFIX_CHARS: usize = 5;
/// At most this many letters may extend a word for a prefix match: in Russian, where a stem's
/// endings are several letters long; in English one, the letter the stemmer leaves (occup / occupi),
/// since two or three already make other words (popul / popular, count / counter, prince / princess).
pub(crate) const MAX_PREFIX_EXTENSION: usize = 3;
pub(crate) const MAX_ENGLISH_PREFIX_EXTENSION: usize = 1;

/// Stored English questions per fact that the index tells apart: the fact-base limit.
pub(crate) const MAX_ENGLISH_QUESTIONS: usize = crate::knowledge::MAX_QUESTIONS;
/// Questions per fact that the index tells apart, one bit each: the English ones first, then the
/// Japanese and the Russian ones.
pub(crate) const MAX_QUESTIONS: usize =
    MAX_ENGLISH_QUESTIONS + 2 * crate::knowledge::MAX_TRANSLATED_QUESTIONS;
const _: () = assert!(crate::knowledge::MAX_TRANSLATED_QUESTIONS <= MAX_ENGLISH_QUESTIONS);

/// The question slots of each language's stored questions.
pub(crate) fn question_slots(lang: Lang) -> std::ops::Range<usize> {
    let translated = crate::knowledge::MAX_TRANSLATED_QUESTIONS;
    match lang {
        Lang::En => 0..MAX_ENGLISH_QUESTIONS,
        Lang::Ja => MAX_ENGLISH_QUESTIONS..MAX_ENGLISH_QUESTIONS + translated,
        Lang::Ru => MAX_ENGLISH_QUESTIONS + translated..MAX_QUESTIONS,
    }
}

/// One bit per stored question of a fact.
pub(crate) type QuestionBits = u32;
const _: () = assert!(MAX_QUESTIONS <= QuestionBits::BITS as usize);
const _: () = assert!(2 * MAX_QUESTIONS <= u64::BITS as usize);

/// Weight factor for everyday words that the fact base happens to use.
const GENERIC_FACTOR: f32 = 0.35;
/// Weight factor for numbers and years: specific evidence in a question.
const NUMBER_FACTOR: f32 = 1.25;

/// One fact that contains a term: in which fields, and in which of its questions (a bit each),
/// packed in one word beside the fact's number so that a posting takes 8 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub fact: u32,
    /// The question bits in the low [`MAX_QUESTIONS`] bits, the fields above them.
    bits: u32,
}

const _: () = assert!(MAX_QUESTIONS + 5 <= u32::BITS as usize && DATE < 32);

impl Posting {
    pub fn new(fact: u32, fields: u8, questions: QuestionBits) -> Posting {
        Posting { fact, bits: questions | u32::from(fields) << MAX_QUESTIONS }
    }

    /// The fields the term is found in ([`QUESTION`], [`KEYWORD`], ...).
    pub fn fields(self) -> u8 {
        (self.bits >> MAX_QUESTIONS) as u8
    }

    /// The fact's stored questions the term is found in, a bit each.
    pub fn questions(self) -> QuestionBits {
        self.bits & ((1 << MAX_QUESTIONS) - 1)
    }

    /// Adds the fields and questions of another posting of the same fact.
    pub fn merge(&mut self, other: Posting) {
        self.bits |= other.bits;
    }
}

#[derive(Debug, Clone)]
pub(crate) struct TermInfo {
    pub weight: f32,
    pub class: Class,
    pub kind: Kind,
    /// How the term reads, for explanations: the stem, or a synonym group's first term.
    pub name: String,
    /// Whether the term stands for a synonym group.
    pub group: bool,
    /// What it is as an answer: a year, a figure, a month, or nothing in particular.
    pub shape: Shape,
    /// Whether one of the words it stands for is everyday English ("time", "safe", "big").
    pub everyday: bool,
    /// Whether it is a Russian or Japanese word that tells who asks and why (учитель, 宿題).
    pub asker: bool,
    /// Whether the passages write it as a name: capitalised mid-sentence nearly everywhere
    /// (Tsushima, Putin), unlike words that are sometimes part of a title (the Battle of ...).
    pub proper: bool,
}

/// What a term is as the answer to a question: read once, when the term enters the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Other,
    /// A year (1000–2100).
    Year,
    /// A number from 1 to 31: a figure, or the day of a date when a month stands next to it.
    Day,
    /// Any other number, or a figure written in words ("four", "million").
    Figure,
    /// A month's name.
    Month,
}

/// Whether `text` is a year as written (four digits, 1000 to 2100).
pub(crate) fn is_year(text: &str) -> bool {
    text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

impl Shape {
    fn of(text: &str, kind: Kind) -> Shape {
        match kind {
            Kind::Number if is_year(text) || text.strip_suffix('s').is_some_and(is_year) => Shape::Year,
            Kind::Number if text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) => Shape::Day,
            Kind::Number => Shape::Figure,
            Kind::Word if super::slot::NUMBER_STEMS.iter().any(|w| w == text) => Shape::Figure,
            Kind::Word if super::slot::MONTHS.iter().any(|w| w == text) => Shape::Month,
            // "1991年4月16日": the 月 after a day's number is the month of a date, as "April" is.
            Kind::Cjk if text == "月" => Shape::Month,
            _ => Shape::Other,
        }
    }
}

/// What a fact can answer, beyond its words: read once at build time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Traits {
    /// The last year the fact is about: `None` when undated, [`ONGOING`] when still going on.
    pub until: Option<i32>,
    /// The first year the fact is about: `None` when undated.
    pub since: Option<i32>,
    /// It gives a date or a year.
    pub time: bool,
    /// It gives a figure other than a year.
    pub figure: bool,
    /// It gives a cause or a purpose ("because", "in response to", "aimed at").
    pub reason: bool,
    /// The measures it gives a figure of, a bit per [`Measure`] ("1,820 m": a height).
    pub measures: u8,
    /// One of its stored questions asks about a third country's affairs without Japan (see
    /// [`super::elsewhere`]).
    pub third_country: bool,
    /// It gives a start and an end: it is dated over years, or its passage names two years.
    pub span: bool,
}

impl Traits {
    /// Whether the fact is dated and `year` falls within its date.
    pub fn dated_in(self, year: i32) -> bool {
        matches!((self.since, self.until), (Some(from), Some(to)) if from <= year && year <= to)
    }

    /// Whether the fact gives a figure of `measure`.
    pub fn measures(self, measure: Measure) -> bool {
        self.measures & measure.bit() != 0
    }
}

/// [`Traits::until`] of a fact about something still going on.
pub(crate) const ONGOING: i32 = i32::MAX;

/// Separates the texts of a fact in its term sequence.
pub(crate) const GAP: u32 = u32::MAX;
/// Parts of a fact's sequence: one per language, then [`SHARED_PART`].
pub(crate) const SEQUENCE_PARTS: usize = 4;
/// The part of a fact's sequence every language shares: keywords and section.
pub(crate) const SHARED_PART: usize = 3;

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
    /// The runs of three kanji in the base's texts, sorted, for kanji an input method got wrong
    /// (see [`super::ime`]).
    pub kanji_triples: Vec<[char; 3]>,
    /// The base's pairs of kanji by the hash of each sound they may be read with, sorted, for a pair
    /// an input method wrote in other kanji of the same sound (see [`super::ime`]).
    pub kanji_sounds: Vec<(u64, u32)>,
    /// The synonym phrases, shared with the indexes built beside this one.
    pub phrases: std::sync::Arc<Phrases>,
    /// Whether this index was built beside a base (whose phrases it shares).
    pub beside: bool,
    /// The weight of a content word the fact base never uses (as rare as the rarest known word).
    pub unknown_weight: f32,
    /// Per fact, what it can answer.
    pub traits: Vec<Traits>,
    /// Per fact, the sides each stored question names (see [`super::sides`]), two bits per question
    /// slot: looked up only for a question that names a side.
    pub question_sides: Vec<u64>,
    /// Per fact, the way each stored question points (see [`super::sides::sides_and_direction`]), two bits per
    /// question slot: looked up only for a question that points one way.
    pub question_directions: Vec<u64>,
    /// Per fact, the kinds of answer its stored questions ask for.
    pub question_kinds: Vec<super::asks::KindSlots>,
    /// The latest year any fact is about (the present, for "now" questions).
    pub latest_year: Option<i32>,
    /// Every fact's content units in text order, its texts separated by [`GAP`], in parts: its own
    /// texts in each language (questions, passage; English, Japanese, Russian), then the texts
    /// every language shares (keywords, section). Part `k` of fact `f` is
    /// `sequences[starts[4f + k]..starts[4f + k + 1]]`. For phrases: which question words stand
    /// together.
    pub sequences: Vec<u32>,
    pub starts: Vec<u32>,
    /// For known words with longer or shorter forms in the base, those forms (see
    /// [`Inverted::prefix_relatives`]), computed once.
    pub relatives: FxHashMap<u32, Box<[u32]>>,
    /// Hashes of every pair of content units that stand next to each other somewhere in the base,
    /// sorted: a question's pair of words is a phrase only if the base uses it as one.
    pub attested: Vec<u32>,
}

/// The hash of an unordered pair of units, for [`Inverted::attested`].
pub(crate) fn pair_hash(a: u32, b: u32) -> u32 {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let mixed = (u64::from(lo) << 32 | u64::from(hi)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as u32
}

impl Inverted {
    /// The id of a unit, if the index has it.
    pub fn id(&self, unit: &Unit) -> Option<u32> {
        match unit {
            Unit::Group(g) => self.by_group.get(g).copied(),
            Unit::Term(text, _) => self.term_id(text),
        }
    }

    /// The id of a term by its (stemmed) text, if the index has it; no key to build.
    pub fn term_id(&self, text: &str) -> Option<u32> {
        self.by_text.get(text).copied()
    }

    /// The id of a unit, added to the vocabulary if new.
    pub(crate) fn intern(&mut self, unit: &Unit, groups: &[String]) -> u32 {
        if let Some(id) = self.id(unit) {
            return id;
        }
        let id = self.terms.len() as u32;
        let info = match unit {
            Unit::Group(g) => {
                self.by_group.insert(*g, id);
                let name = format!("[{}]", groups.get(*g as usize).map_or("", String::as_str));
                TermInfo {
                    weight: 0.0,
                    class: Class::Content,
                    kind: Kind::Word,
                    name,
                    group: true,
                    proper: false,
                    shape: Shape::Other,
                    everyday: false,
                    asker: false,
                }
            }
            Unit::Term(text, kind) => {
                let class = class_of(text, *kind);
                self.by_text.insert(text.clone(), id);
                let shape = Shape::of(text, *kind);
                TermInfo {
                    weight: 0.0,
                    class,
                    kind: *kind,
                    name: text.clone(),
                    group: false,
                    proper: false,
                    shape,
                    everyday: false,
                    asker: !text.is_ascii() && super::lexicon::is_asker(text),
                }
            }
        };
        self.terms.push(info);
        self.postings.push(Vec::new());
        id
    }

    /// Sets each term's weight from its document frequency (BM25's idf) and its class. Beside a
    /// `base` (a server's own facts), as in one index of both: the base's facts count too.
    pub(crate) fn weigh(&mut self, base: Option<&Inverted>) {
        let mut df: Vec<usize> = self.postings.iter().map(Vec::len).collect();
        let mut facts = self.traits.len();
        if let Some(base) = base {
            facts += base.traits.len();
            let shared = self.by_group.iter().filter_map(|(g, &id)| Some((id, *base.by_group.get(g)?)));
            let shared =
                shared.chain(self.by_text.iter().filter_map(|(t, &id)| Some((id, *base.by_text.get(t)?))));
            for (own, theirs) in shared {
                df[own as usize] += base.postings[theirs as usize].len();
            }
        }
        let n = facts as f32;
        let idf = |df: f32| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for (info, df) in self.terms.iter_mut().zip(df) {
            let factor = match (info.class, info.kind) {
                (Class::Function, _) => 0.0,
                (Class::Generic, _) => GENERIC_FACTOR,
                (Class::Content, Kind::Number) => NUMBER_FACTOR,
                (Class::Content, _) => 1.0,
            };
            info.weight = idf(df as f32) * factor;
        }
        self.unknown_weight = idf(1.0);
    }
}

impl Inverted {
    /// The heap memory the index holds, in bytes (approximately: vectors by capacity, maps by entry).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        fn vec<T>(v: &[T], capacity: usize) -> usize {
            let _ = v;
            capacity * size_of::<T>()
        }
        let strings: usize = self.by_text.keys().map(|k| k.capacity()).sum::<usize>()
            + self.terms.iter().map(|t| t.name.capacity()).sum::<usize>()
            + self.sorted_words.iter().map(|(w, _)| w.capacity()).sum::<usize>();
        let maps = (self.by_text.capacity() + self.by_group.capacity()) * (size_of::<(String, u32)>() + 1);
        let postings: usize =
            self.postings.iter().map(|p| vec(p, p.capacity()) + size_of::<Vec<Posting>>()).sum();
        strings
            + maps
            + postings
            + vec(&self.terms, self.terms.capacity())
            + vec(&self.question_weights, self.question_weights.capacity())
            + vec(&self.sorted_words, self.sorted_words.capacity())
            + vec(&self.kanji_triples, self.kanji_triples.capacity())
            + vec(&self.kanji_sounds, self.kanji_sounds.capacity())
            + vec(&self.traits, self.traits.capacity())
            + vec(&self.question_sides, self.question_sides.capacity())
            + vec(&self.question_directions, self.question_directions.capacity())
            + vec(&self.question_kinds, self.question_kinds.capacity())
            + vec(&self.sequences, self.sequences.capacity())
            + vec(&self.starts, self.starts.capacity())
            + vec(&self.attested, self.attested.capacity())
            + self.typos.heap_bytes()
            + if self.beside { 0 } else { self.phrases.heap_bytes() }
    }

    /// Whether a term stands only in facts' keywords: a spelling curators list beside the one the
    /// passages and stored questions use ("Putiatin" beside "Putyatin").
    pub fn keyword_only(&self, id: u32) -> bool {
        self.postings[id as usize].iter().all(|p| p.fields() & !(KEYWORD | SECTION) == 0)
    }

    /// Longer or shorter forms of a word term of the base, computed at build time.
    pub fn relatives_of(&self, id: u32) -> &[u32] {
        self.relatives.get(&id).map_or(&[], |r| r)
    }

    /// The content units of fact `fact` as a question in `lang` reads them: the texts every language
    /// shares, then the fact's own texts in `lang` (its English ones when it has none in `lang`, as a
    /// server's own facts), each text followed by a [`GAP`].
    pub fn sequence(&self, fact: usize, lang: Lang) -> [&[u32]; 2] {
        let part = |k: usize| {
            let at = fact * SEQUENCE_PARTS + k;
            &self.sequences[self.starts[at] as usize..self.starts[at + 1] as usize]
        };
        let own = part(lang as usize);
        [part(SHARED_PART), if own.is_empty() { part(Lang::En as usize) } else { own }]
    }

    /// Whether the pair of units stands together somewhere in the base (rarely, a false yes).
    pub fn is_attested(&self, a: u32, b: u32) -> bool {
        self.attested.binary_search(&pair_hash(a, b)).is_ok()
    }

    /// Word terms that `word` extends or that extend `word` by at most [`MAX_PREFIX_EXTENSION`]
    /// letters ([`MAX_ENGLISH_PREFIX_EXTENSION`] in English), both at least [`MIN_PREFIX_CHARS`]
    /// long; `word` itself is not included.
    pub fn prefix_relatives(&self, word: &str) -> Vec<u32> {
        let len = word.chars().count();
        if len < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let most = if word.is_ascii() { MAX_ENGLISH_PREFIX_EXTENSION } else { MAX_PREFIX_EXTENSION };
        let mut found = Vec::new();
        let start = self.sorted_words.partition_point(|(w, _)| w.as_str() < word);
        for (w, id) in self.sorted_words[start..].iter().take_while(|(w, _)| w.starts_with(word)) {
            if w != word && w.chars().count() - len <= most {
                found.push(*id);
            }
        }
        found.extend(self.shorter_forms(word));
        found
    }

    /// Word terms that `word` extends by at most [`MAX_PREFIX_EXTENSION`] letters
    /// ([`MAX_ENGLISH_PREFIX_EXTENSION`] in English), at least [`MIN_PREFIX_CHARS`] long, longest
    /// first: the shorter half of [`Inverted::prefix_relatives`].
    pub fn shorter_forms(&self, word: &str) -> Vec<u32> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let most = if word.is_ascii() { MAX_ENGLISH_PREFIX_EXTENSION } else { MAX_PREFIX_EXTENSION };
        (MIN_PREFIX_CHARS..chars.len())
            .rev()
            .take(most)
            .filter_map(|cut| self.by_text.get(&word[..chars[cut].0]).copied())
            .collect()
    }
}
