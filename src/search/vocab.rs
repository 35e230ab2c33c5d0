//! Terms as the index knows them: interned ids, synonym groups, and how much each term weighs.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::japanese::is_hiragana;
use super::lexicon;
use super::normalize::{Kind, Term, stem, tokenize};
use crate::knowledge::SynonymGroup;
use askers::ASKERS;
pub(crate) use chat::{chat_word, particles_dropped};

/// Question and function words: they carry no topic, so they weigh nothing and are never "unknown".
// Laid out by hand: rustfmt would put every word on a line of its own for one word over ten bytes.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "during", "each", "else", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "know", "me", "might", "more", "most", "much",
    "my", "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "please",
    "same", "she", "should", "so", "some", "such", "tell", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
    "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "would", "you", "your", "s", "t",
    // What is left of a rarer negated helper verb once "n't" is split off ("hadn't" → "hadn", "t"),
    // which no everyday word list has: without this it weighed as an unknown name. The common ones
    // ("didn", "couldn") are terms of the stored questions, where a negation helps tell questions apart.
    // "behalf" lives only in "on behalf of", which says "for" (the side named after it counts).
    "hadn", "mustn", "needn", "mightn", "shan", "ain", "behalf",
    // Chat fillers, as Discord users write them; "something" as "smth" ("or something like that").
    "actually", "straight", "anyway", "btw", "bot", "dude", "eh", "guys", "hey", "hi", "hello", "hmm", "idk",
    "imo", "just", "kinda", "lmao", "lol", "nichiro", "ok", "okay", "omg", "pls", "plz", "really", "smth",
    "something", "sth", "tbh", "thanks", "thx", "u", "ur", "wait", "wanna", "ya", "yeah", "yo", "til",
    "iirc", "afaik", "imho", "ngl", "fyi", "tldr",
    // Forms of address ("Sir, I wish to know …", "bro who won"): whom the asker talks to. Not "mate"
    // or "folks", whose stems are a ship's mate and folk songs.
    "sir", "madam", "maam", "bro", "bruh", "fam",
];

/// Whether a word, as written (folded), is an English question or function word ("which", "the").
pub(crate) fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

static FUNCTION_STEMS: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| FUNCTION_WORDS.iter().map(|w| stem(w)).collect());

/// Everyday English (the ISO stop-word list): evidence only when the fact base uses it rarely,
/// and never a sign that a question is off-topic when the base lacks it.
static GENERIC_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    stop_words::get("en").iter().chain(ASKERS).chain(CONVERSATION).map(|w| stem(w)).collect()
});

static ASKER_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| ASKERS.iter().copied().collect());

/// Whether a word, as written (folded), asks for an everyday detail of a scene: what someone ate
/// or wore, the weather, the hotel room, an office's contacts ("what did Togo eat for breakfast",
/// "天気", "погода", "website"; English "phone" only in "phone number", which the reading checks).
/// Such a word is what the question is about, and a fact that never mentions it does not answer it,
/// however much of the rest it covers: part of the question's focus.
pub(crate) fn is_scene_detail(word: &str) -> bool {
    #[rustfmt::skip]
    const ENGLISH: &[&str] = &[
        "eat", "ate", "eaten", "eating", "food", "menu", "breakfast", "lunch", "dinner", "supper", "meal",
        "meals", "weather", "raining", "rained", "snowing", "wear", "wore", "wearing", "clothes", "hotel",
        "cook", "chef", "fax", "email", "website",
    ];
    const JAPANESE: &[&str] =
        &["朝食", "昼食", "夕食", "好物", "献立", "天気", "服装", "メニュー", "ホテル", "電話番号", "連絡先"];
    const RUSSIAN_STARTS: &[&str] = &["завтрак", "обед", "ужин", "погод", "дожд", "гостиниц", "повар"];
    // Not "еду" (also "I am going") nor "ели" (also "fir trees").
    // A phone as written alone ("телефон посольства"), not "телефонный разговор" (a phone call).
    const RUSSIAN: &[&str] = &["ел", "ела", "еда", "меню", "кок", "одет", "одета", "телефон", "телефона"];
    match word.chars().next() {
        Some(c) if c.is_ascii() => ENGLISH.contains(&word),
        Some(c) if crate::lang::is_cyrillic(c) => {
            RUSSIAN.contains(&word) || RUSSIAN_STARTS.iter().any(|s| word.starts_with(s))
        }
        Some(_) => JAPANESE.contains(&word),
        None => false,
    }
}

/// Whether an English word, as written (folded), tells who asks and why ("teacher", "essay",
/// "explain"; see [`ASKERS`]): taken as written, so that "friendly" is not "friend". Russian and
/// Japanese ones are marked on their terms when the index is built (`TermInfo::asker`).
pub(crate) fn is_english_asker(surface: &str) -> bool {
    ASKER_WORDS.contains(surface)
}

/// The rest of the conversation: how people ask, which also says what they ask about ("what do
/// Russians *think*", "do they *want*"), so it counts in coverage as other everyday words do.
const CONVERSATION: &[&str] = &[
    "debate",
    "textbook",
    "says",
    "saying",
    "get",
    "got",
    "thought",
    "thinking",
    "remember",
    "seem",
    "seemed",
    "seems",
    "basically",
    "actually",
    "literally",
    "exactly",
    "kind",
    "sort",
    "stuff",
    "thing",
    "things",
    "question",
    "answer",
    "help",
    "need",
    "want",
    "wanted",
    "like",
    "lot",
    "lots",
    "way",
    "big",
    "deal",
    "happen",
    "happened",
    "school",
    "course",
    "history",
    "historical",
    "brief",
    "briefly",
    "summary",
    // Aspects asked about, which stand for a question word ("laxman expedition purpose" = why).
    "purpose",
    "purposes",
    "reason",
    "reasons",
    "motive",
    "motives",
    "aim",
    "aims",
    "goal",
    "goals",
    "significance",
    "importance",
    "impact",
    "effect",
    "effects",
    "consequence",
    "consequences",
    "result",
    "results",
    "outcome",
    "outcomes",
    "overview",
    "details",
    "detail",
    "facts",
    "fact",
    "info",
    "information",
    "meaning",
    "definition",
    "role",
    // Taking part, which passages say in the words of the part taken ("a stake", "sent troops").
    "involved",
    "involve",
    "involves",
    "involvement",
];

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

/// Classifies a term by its text and kind; a lone letter (an option's "b", Russian "в") is a
/// function word.
pub(crate) fn class_of(text: &str, kind: Kind) -> Class {
    match kind {
        Kind::Number => Class::Content,
        // A pair ending in 何 is the seam into a question word (月何 in 何月何日), never a word.
        Kind::Cjk if is_hiragana(text) || text.ends_with('何') || lexicon::is_function(text) => {
            Class::Function
        }
        Kind::Word
            if FUNCTION_STEMS.contains(text)
                || lexicon::is_function(text)
                || text.chars().nth(1).is_none() =>
        {
            Class::Function
        }
        // A lone kanji (国, 島) is a piece of a word more often than a word.
        Kind::Cjk if text.chars().count() == 1 => Class::Generic,
        _ if GENERIC_STEMS.contains(text) || lexicon::is_generic(text) => Class::Generic,
        _ => Class::Content,
    }
}

/// Everyday English words in lower case with how common they are (SCOWL's size levels: 10 for the
/// most common words, up to 50), sorted: a word the fact base lacks but English has is an ordinary
/// word, not a name the question is about.
static ENGLISH: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| {
    include_str!("data/english-words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').and_then(|(w, n)| Some((w, n.parse().ok()?))))
        .collect()
});

/// SCOWL's levels of everyday English: the words everyone uses.
pub(crate) const EVERYDAY_LEVEL: u8 = 20;
/// The level given to [`CALENDAR`]'s words: known English, yet not everyday enough to weigh little
/// in the base ("Bloody Sunday").
const CALENDAR_LEVEL: u8 = 35;

/// How common `word` (folded, unstemmed) is in everyday English: SCOWL's level (10 most common …
/// 50), or `None` for a word that is not everyday English (a name, a foreign word, a typo).
pub(crate) fn english_level(word: &str) -> Option<u8> {
    let calendar = || CALENDAR.contains(&word).then_some(CALENDAR_LEVEL);
    ENGLISH.binary_search_by(|(w, _)| w.cmp(&word)).ok().map(|i| ENGLISH[i].1).or_else(calendar)
}

/// Words that English writes capitalised, which the lower-case word list leaves out: days and
/// holidays are no names a question is about, and no typos ("christmas" is not "christian"). (Months
/// are left out: the passages date everything, so the base has every month's name.)
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christmas",
    "xmas",
    "easter",
    "halloween",
    "thanksgiving",
];

/// How common `word` is in the language it is written in (see [`english_level`] and
/// [`lexicon::level`]): `None` for a name, a typo, or a word no word list has.
pub(crate) fn word_level(word: &str) -> Option<u8> {
    if word.is_ascii() { english_level(word) } else { lexicon::level(word) }
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
    /// The heap memory the phrases hold, in bytes (approximately).
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self.by_terms.keys().chain(self.starts.iter()).map(|k| k.capacity() + 32).sum();
        strings + (self.by_terms.capacity() + self.starts.capacity()) * std::mem::size_of::<(String, u32)>()
    }

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
}

mod askers;
mod chat;
#[cfg(test)]
mod tests;
