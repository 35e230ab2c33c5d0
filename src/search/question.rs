//! Reading a question: its concepts (weighted, with the index terms that can match them), which of
//! them it is about (its focus), what kind of answer it asks for, whether it asks about the present,
//! and the options of a multiple-choice question.

use super::asks::{Asks, LANGUAGES, asked_about, asks_and_present, asks_span, counted, read_now, surfaces};
use super::elsewhere::third_country;
use super::index::Inverted;
use super::japanese::{
    is_hiragana, is_kanji_pair, is_katakana, kana_names_apart, katakana_readings, unknown_compounds,
};
use super::measure::{Measure, measure};
use super::normalize::{Kind, Term, tokenize};
use super::vocab::{
    Class, EVERYDAY_LEVEL, Unit, chat_word, class_of, is_english_asker, is_scene_detail, word_level,
};
use crate::lang::Lang;
use length::asks_rounding;
use marks::Marks;
use names::join_coordinated;
use resolve::resolve;
pub(crate) use resolve::{most_facts_for_a_name, rare_name};

/// How much a known pair of kanji counts when it only joins two words (本統 in 日本統治): it is
/// found in facts that have the same two words side by side, but says little on its own.
const SEAM_FACTOR: f32 = 0.25;
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
/// How much an everyday English word the base has counts in a fact's coverage of the question:
/// "safe", "bad", "biggest" are rare in the passages, and would weigh like names, but a question's
/// everyday words say how it asks more than what it is about.
const EVERYDAY_COVERAGE: f32 = 0.7;
/// ... and a word that tells who asks and why ("teacher", "essay", "explain"): none, since it is
/// never what the question is about; it still counts in the likeness to a stored question.
const ASKER_COVERAGE: f32 = 0.0;
/// How much more a word counts when written as a name (capitalised mid-sentence): names say what a
/// question is about, so a question naming France or India is not answered by a fact on Japan.
const PROPER_NOUN_FACTOR: f32 = 1.2;
/// A name the passages use is part of a question's focus unless this share of the facts or more
/// use it (Japan, Russia): those say little about which fact is meant.
const FOCUS_MAX_SHARE: f32 = 0.25;
/// How much an English word that the fact base never uses counts, relative to its rarest word, by
/// how common the word is in English (SCOWL levels up to 20, then up to 50): evidence of another
/// subject, but not a name the question is about.
const COMMON_UNKNOWN_FACTOR: f32 = 1.0;
const ENGLISH_UNKNOWN_FACTOR: f32 = 1.2;
/// ... and an ordinary Russian word the base never uses, less: a verb or noun has dozens of forms
/// and the passages use few of them, so a form they lack ("приплыл", "просидел") is more often
/// unseen than another subject.
const RUSSIAN_UNKNOWN_FACTOR: f32 = 0.5;

/// Words that open an instruction rather than name a topic ("Name the treaty that ...").
const INSTRUCTIONS: &[&str] = &[
    "name",
    "identify",
    "describe",
    "explain",
    "list",
    "define",
    "give",
    "state",
    "outline",
    "summarize",
    "summarise",
    "discuss",
    "compare",
    "mention",
    "choose",
    "select",
    "pick",
    "true",
    "false",
    "fill",
];

/// Whether a question's first word opens an instruction ("Name the treaty that ...") rather than
/// naming a topic: it is not read, in a user's question or in a stored one.
pub(crate) fn opens_instruction(first: &str) -> bool {
    INSTRUCTIONS.contains(&first)
}

/// Lower-case words inside names of several words ("Battle of Tsushima", "Treaty of Saint Petersburg").
const NAME_JOINERS: &[&str] = &["of", "de", "du", "da", "del", "la", "le", "von", "van"];

/// A unit of the question with the index terms that can match it.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Default))]
pub(crate) struct Concept {
    /// Index terms that match it, each with how much a match counts.
    pub alternatives: Vec<(u32, f32)>,
    /// How much the concept counts.
    pub weight: f32,
    /// The share of its weight it counts in the fact's coverage of the question (everyday English
    /// words count less there; against the stored questions they count in full).
    pub coverage: f32,
    /// Whether it is a content word (not a function or stop word).
    pub content: bool,
    /// Whether every term that matches it is an everyday English word, none a name.
    pub everyday: bool,
    /// The word as written (folded), for explanations.
    pub word: String,
    /// Whether the index lacks it (no alternatives).
    pub unknown: bool,
    /// Whether it is what the question is about: a name, a number, a word the base lacks.
    pub focus: bool,
    /// The multiple-choice option it comes from, numbered from 1; 0 when it is the stem's. An
    /// option's concept is evidence when a fact has it, nothing otherwise.
    pub choice: u16,
    /// Whether it is what "how many" counts ("how many *troops*"): a figure beside it answers.
    pub counted: bool,
    /// Its place among the question's concepts, for phrases (adjacent concepts).
    pub position: u16,
    /// The run of words written as one name ("Korean War", "Battle of Tsushima") it belongs to,
    /// numbered from 1; 0 when it is not part of a name of several words.
    pub name_run: u16,
    /// The concept this one is coordinated with ("Sakhalin-1 *and* Sakhalin-2"), by its place in
    /// the concepts plus one; 0 when none.
    pub joined_to: u16,
}

/// A question as the matcher reads it.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    /// The concepts, in question order (options last).
    pub concepts: Vec<Concept>,
    /// What kind of answer it asks for.
    pub asks: Asks,
    /// Whether it asks about the present ("now", "current", "who is the president").
    pub present: bool,
    /// The dimension of the figure it asks for, if one ("how tall": a height).
    pub measure: Option<Measure>,
    /// The summed weight of the concepts that are not options.
    pub total: f32,
    /// The same, each concept counting its [`Concept::coverage`] share.
    pub covered_total: f32,
    /// The part of both that the base lacks: the weight of its unknown words.
    pub lacked_total: f32,
    /// The language it is written in (English when the script does not say).
    pub lang: Lang,
    /// The sides it names (see [`super::sides`]).
    pub sides: u8,
    /// The way it points, a thing of one side in the other's country (see [`super::sides::sides_and_direction`]).
    pub direction: u8,
    /// Japanese names of a kind that the base never writes (see [`super::japanese::unknown_compounds`]).
    pub unknown_compounds: Vec<String>,
    /// The third country it is about when it names one and not Japan (see [`super::elsewhere`]).
    pub elsewhere: Option<String>,
    /// Whether it asks for both ends of a span of time (see [`super::asks::asks_span`]).
    pub span: bool,
    /// A bit per concept (by its place) that asks for an everyday detail of a scene (see
    /// [`is_scene_detail`]).
    pub scene: u64,
    /// The one year it names as the time of what it asks about (see [`dates::named_year`]).
    pub year: Option<i32>,
}

impl Concept {
    /// Whether it comes from a multiple-choice option.
    pub fn option(&self) -> bool {
        self.choice != 0
    }
}

impl Reading {
    /// The words the index lacks that the question is about, for explanations.
    pub fn unknown_focus(&self) -> impl Iterator<Item = &str> {
        self.concepts.iter().filter(|c| c.unknown && c.focus && !c.option()).map(|c| c.word.as_str())
    }
}

/// Reads a question against the index.
pub(crate) fn read(index: &Inverted, question: &str) -> Reading {
    let in_kanji = super::readings::kanji_for_readings(question);
    let question = in_kanji.as_deref().unwrap_or(question);
    let end = question.char_indices().nth(MAX_READ_CHARS).map_or(question.len(), |(i, _)| i);
    let (stem, options) = choices::read_options(index, &question[..end]);
    let stem = super::vocab::particles_dropped(&stem);
    let stem: &str = &stem;
    let tokens = kana_names(index, read_now(chat_spellings(tokenize(stem))));
    let tokens = super::japanese::now_apart(tokens, |pair| index.term_id(pair).is_some());
    let tokens = super::japanese::compounds_apart(tokens, |w| index.term_id(w).is_some(), word_level);
    let tokens = super::ime::corrected(index, tokens);
    let words = surfaces(&tokens);
    let lang = Lang::of_question(stem);
    let (mut asks, present) = asks_and_present(lang, stem, &tokens, &words);
    if asks == Asks::Opinion {
        asks = super::parts::judged_after(stem).unwrap_or(asks);
    }
    let measure = measure(lang, stem, &words);
    if measure.is_some() && asks == Asks::Anything {
        asks = Asks::Quantity;
    }
    let mut found = concepts(index, &tokens, stem, 0, asks == Asks::Quantity);
    if let Some(word) = asked_about(&tokens) {
        // What the question word asks about ("who *won*", "which *treaty*") must be in the answer.
        for c in
            found.iter_mut().filter(|c| c.content && !c.unknown && c.word.split(' ').next() == Some(word))
        {
            c.focus = true;
        }
    }
    let scene = scene_details(lang, stem, &mut found);
    // "How do you say Shikotan in Russian?" asks for a name the base gives; "… thank you in Russian"
    // for words no fact holds: only the language named is known.
    if asks == Asks::Translation && found.iter().any(|c| c.content && !c.unknown && !names_language(&c.word))
    {
        asks = Asks::Anything;
    }
    // Only a question for a figure counts anything; its slot is the only one that reads `counted`.
    let counted = if asks == Asks::Quantity { counted(&tokens) } else { Vec::new() };
    for c in found.iter_mut().filter(|c| c.content && !c.unknown) {
        c.counted = c.word.split(' ').next().is_some_and(|w| counted.contains(&w));
    }
    for mut c in options.into_iter().flatten() {
        if !c.unknown && !found.iter().any(|k| k.alternatives == c.alternatives) {
            c.focus = false;
            c.position = u16::MAX;
            found.push(c);
        }
    }
    context::told_before(stem, &mut found);
    context::told_after(stem, &mut found);
    let total = found.iter().filter(|c| !c.option()).map(|c| c.weight).sum();
    let covered_total = found.iter().filter(|c| !c.option()).map(|c| c.weight * c.coverage).sum();
    // An unknown word counts in full in both (nothing makes it everyday or an asker's).
    let lacked_total = found.iter().filter(|c| !c.option() && c.unknown).map(|c| c.weight).sum();
    let (sides, direction) = super::sides::sides_and_direction(stem, &tokens);
    let unknown_compounds = match lang {
        Lang::Ja => unknown_compounds(&tokens, |t| index.term_id(&t.text).is_some()),
        Lang::En | Lang::Ru => Vec::new(),
    };
    let elsewhere = third_country(stem, &found).map(str::to_string);
    let span = asks_span(lang, stem, &words);
    let year = dates::named_year(&tokens);
    Reading {
        concepts: found,
        asks,
        present,
        measure,
        total,
        covered_total,
        lacked_total,
        lang,
        sides,
        direction,
        unknown_compounds,
        elsewhere,
        span,
        scene,
        year,
    }
}

/// Words that ask for a detail of a scene only in a phrase, with the phrases: "phone" asks for a
/// contact only as a phone number (a phone call is an event), "hours" for a place's opening hours
/// only as such, not a battle's ("сколько часов длился бой").
const SCENE_PHRASES: &[(&[&str], &[&str])] = &[
    (&["phone number"], &["phone", "telephone"]),
    (&["opening hours", "open hours", "часы работы", "режим работы"], &["opening", "hours", "часы", "режим"]),
];

/// Marks the concepts that ask for an everyday detail of a scene (see [`is_scene_detail`]) as focus,
/// and returns a bit per such concept, by its place.
fn scene_details(lang: Lang, stem: &str, found: &mut [Concept]) -> u64 {
    // 着 is "wear" only before て or た (着ていた, 着た): 着いた is "arrived".
    let wore = lang == Lang::Ja && ["着て", "着た"].iter().any(|w| stem.contains(w));
    let lower = stem.to_lowercase();
    let in_phrase: Vec<&str> = SCENE_PHRASES
        .iter()
        .filter(|(phrases, _)| phrases.iter().any(|p| lower.contains(p)))
        .flat_map(|(_, words)| words.iter().copied())
        .collect();
    let detail = |c: &Concept| {
        (c.content && is_scene_detail(&c.word))
            || (wore && c.word == "着")
            || in_phrase.contains(&c.word.as_str())
    };
    let mut scene = 0u64;
    for (n, c) in found.iter_mut().enumerate().filter(|(_, c)| detail(c)) {
        c.focus = true;
        scene |= 1u64.checked_shl(n as u32).unwrap_or(0);
    }
    scene
}

/// Whether a question's word names a language ("russian", "ロシア語" read as ロシア, "по-японски").
fn names_language(word: &str) -> bool {
    const STEMS: &[&str] = &["ロシア", "日本", "英語", "японск", "русск", "английск"];
    LANGUAGES.contains(&word) || STEMS.iter().any(|s| word.starts_with(s))
}

/// Names typed in hiragana and left unconverted (ぽーつます条約, ばるちっくかんたい) read as the
/// katakana names the index has; a katakana word one letter from a single name of the base reads as
/// that name, before the names of several words are looked for ("ノモハン事件" is the base's
/// ノモンハン事件).
fn kana_names(index: &Inverted, mut tokens: Vec<Term>) -> Vec<Term> {
    for t in tokens.iter_mut().filter(|t| t.kind == Kind::Cjk && is_hiragana(&t.text)) {
        let known = katakana_readings(&t.text).into_iter().find(|k| index.term_id(k).is_some());
        if let Some(name) = known {
            t.surface = t.text.clone();
            t.text = name;
        }
    }
    let mut tokens = kana_names_apart(tokens, |k| index.term_id(k).is_some());
    for t in tokens.iter_mut().filter(|t| t.kind == Kind::Cjk && is_katakana(&t.text)) {
        if index.term_id(&t.text).is_some() {
            continue;
        }
        if let [(id, 1)] = index.typos.lookup(&t.text)[..] {
            t.surface = t.text.clone();
            t.text = index.terms[id as usize].name.clone();
        }
    }
    tokens
}

/// Words written the way people chat ("wat", "wen", "y") read as the words they stand for.
pub(crate) fn chat_spellings(mut tokens: Vec<Term>) -> Vec<Term> {
    // "ELI5" (explain like I'm five) is split into a word and a number, neither of them a subject.
    if let Some(at) = tokens.windows(2).position(|w| w[0].surface == "eli" && w[1].text == "5") {
        tokens.drain(at..at + 2);
    }
    for t in tokens.iter_mut().filter(|t| t.kind == Kind::Word) {
        if let Some(word) = chat_word(&t.surface) {
            t.text = super::normalize::stem(word);
            t.surface = word.to_string();
        }
    }
    tokens
}

/// The question's concepts: synonym groups, known terms, typo matches, and unknown content words.
fn concepts(index: &Inverted, tokens: &[Term], text: &str, choice: u16, figure: bool) -> Vec<Concept> {
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
    let marks = Marks::read(index, text, &plain, figure);
    let Marks { names, lower_names, dates, listed, asker, length, label, .. } = &marks;
    let mut concepts: Vec<Concept> = Vec::new();
    // Each concept's words in `plain`: where it stands, for the titles beside names.
    let mut spans: Vec<super::titles::Span> = Vec::new();
    let (mut run, mut runs, mut in_run) = (0u16, 0u16, 0usize);
    for (n, (start, len, group)) in index.phrases.spans(&plain).into_iter().take(MAX_CONCEPTS).enumerate() {
        let unit = match group {
            Some(g) => Unit::Group(g),
            None => Unit::Term(plain[start].text.clone(), plain[start].kind),
        };
        let words = &plain[start..start + len];
        let surface = words.iter().map(|t| t.surface.as_str()).collect::<Vec<_>>().join(" ");
        if n == 0 && opens_instruction(&surface) {
            continue;
        }
        let name = words.iter().all(|t| names.contains(&t.text));
        let in_name = name || (start..start + len).all(|k| lower_names.get(k).copied().unwrap_or(false));
        // Names of several words ("Korean War") run on through the small words inside names ("of");
        // a day and its month ("24 February") are one name of their own, whatever stands beside.
        let date = len == 1 && dates.get(start).copied().unwrap_or(false);
        if date {
            if !start.checked_sub(1).is_some_and(|k| dates[k]) {
                runs += 1;
                run = runs;
            }
            in_run = 0;
        } else if in_name {
            // "в Китае, Индии, Турции": names in a list are names of their own.
            let after_item = start.checked_sub(1).is_some_and(|k| listed.contains(&plain[k].text));
            if in_run == 0 || after_item {
                runs += 1;
                run = runs;
            }
            in_run += 1;
        } else if !NAME_JOINERS.contains(&surface.as_str()) {
            in_run = 0;
        }
        // The length an asker wants, and the asker's own exam or class, are skipped before they
        // are looked up in the base.
        let flagged = |flags: &[bool]| (start..start + len).all(|k| flags.get(k) == Some(&true));
        if (len == 1 && (length[start] || asks_rounding(&plain, start)))
            || flagged(asker)
            || (flagged(label) && index.id(&unit).is_none())
        {
            continue;
        }
        let term_name = in_name && group.is_none();
        if let Some(mut c) = resolve(index, &unit, &surface, term_name) {
            let word = |t: &Term| word_level(&t.text).is_some();
            // A synonym phrase is one of the base's names, never a seam.
            let pair = group.is_none();
            if pair && c.unknown && seam(&plain, start, |t| word(t) || index.term_id(&t.text).is_some()) {
                continue;
            }
            if pair && !c.unknown && seam(&plain, start, word) {
                c.weight *= SEAM_FACTOR;
                c.focus = false;
            }
            c.name_run = if in_name || date { run } else { 0 };
            if term_name && c.content && !c.alternatives.is_empty() {
                c.weight *= PROPER_NOUN_FACTOR;
            }
            c.focus = c.focus || (term_name && c.content);
            marks.weigh(&mut c, &plain, start, len);
            c.choice = choice;
            c.position = concepts.len() as u16;
            spans.push((start, len, push_unique(&mut concepts, c)));
        }
    }
    super::titles::beside_names(index, &plain, &mut concepts, &spans);
    join_coordinated(&plain, &mut concepts, &spans);
    lone_runs_end(&mut concepts, runs);
    hyphen_compounds(index, tokens, &mut concepts, choice);
    concepts
}

/// A run of one name is no phrase: its concept's run is cleared.
fn lone_runs_end(concepts: &mut [Concept], runs: u16) {
    for r in 1..=runs {
        if concepts.iter().filter(|c| c.name_run == r).count() < 2 {
            concepts.iter_mut().filter(|c| c.name_run == r).for_each(|c| c.name_run = 0);
        }
    }
}

/// A compound written with a hyphen ("Hokushin-ron") may be known only joined up: if its joined
/// form resolves, it stands in for the parts the index does not know.
fn hyphen_compounds(index: &Inverted, tokens: &[Term], concepts: &mut Vec<Concept>, choice: u16) {
    for term in tokens.iter().filter(|t| t.joined).take(MAX_CONCEPTS) {
        let unit = Unit::Term(term.text.clone(), term.kind);
        let Some(mut c) = resolve(index, &unit, &term.surface, false).filter(|c| !c.unknown) else {
            continue;
        };
        let before = concepts.len();
        concepts.retain(|k| !(k.unknown && term.surface.contains(k.word.as_str())));
        if concepts.len() < before {
            c.choice = choice;
            c.position = concepts.len() as u16;
            push_unique(concepts, c);
        }
    }
}

/// Whether the pair of kanji at `at`, not a word itself, joins two words of a compound (約締 in
/// 条約締結, 本統 in 日本統治): it overlaps a neighbouring pair that `word` accepts.
fn seam(plain: &[&Term], at: usize, word: impl Fn(&Term) -> bool) -> bool {
    if !is_kanji_pair(plain[at]) || word_level(&plain[at].text).is_some() {
        return false;
    }
    let joins = |other: Option<&&Term>, first: bool| {
        other.is_some_and(|o| {
            let (a, b) = if first { (&o.text, &plain[at].text) } else { (&plain[at].text, &o.text) };
            is_kanji_pair(o) && a.chars().nth(1) == b.chars().next() && word(o)
        })
    };
    joins(at.checked_sub(1).and_then(|i| plain.get(i)), true) || joins(plain.get(at + 1), false)
}

/// Adds a concept unless one with the same terms is there already; the place of the one kept.
fn push_unique(concepts: &mut Vec<Concept>, c: Concept) -> usize {
    let same = concepts.iter().position(|k| !c.alternatives.is_empty() && k.alternatives == c.alternatives);
    same.unwrap_or_else(|| {
        concepts.push(c);
        concepts.len() - 1
    })
}

/// The words of `text` that `flags_of` marks, as written: for the tests of the readings that mark
/// words (the asker's context, what a question compares).
#[cfg(test)]
fn words_marked(text: &str, flags_of: fn(&[&Term]) -> Vec<bool>) -> Vec<String> {
    let tokens = tokenize(text);
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
    let flags = flags_of(&plain);
    plain.iter().zip(flags).filter(|(_, m)| *m).map(|(t, _)| t.surface.clone()).collect()
}

mod choices;
mod compare;
mod context;
mod dates;
mod guess;
mod length;
mod marks;
mod names;
mod resolve;
#[cfg(test)]
mod tests;
