//! Russian and Japanese words the matcher must know beyond the fact base, by language in
//! `russian_words` and `japanese_words`: how common a word is, and the sets the matcher looks words up in.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::asks::{Asks, earliest, first};
use super::japanese::{fold_word, is_hiragana, is_kanji};
use super::normalize::stem;
use crate::lang::is_cyrillic;
use japanese_words::{JAPANESE_ASKERS, JAPANESE_FUNCTION, JAPANESE_GENERIC};
pub(crate) use japanese_words::{asks_japanese, japanese_present};
use russian_askers::{RUSSIAN_ASKER_FORMS, RUSSIAN_ASKERS};
pub(crate) use russian_tense::russian_present;
use russian_words::{RUSSIAN_CONVERSATION, RUSSIAN_FUNCTION, RUSSIAN_REQUESTS, RUSSIAN_TASKS};
pub(crate) use russian_words::{asks_russian, opens_russian_request};

mod japanese_words;
mod russian_askers;
mod russian_tense;
mod russian_words;

static ASKER_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    RUSSIAN_ASKERS.iter().map(|w| stem(w)).chain(JAPANESE_ASKERS.iter().map(|w| fold_word(w))).collect()
});

/// Whether a Russian stem or a Japanese word tells who asks and why ("учитель", "宿題").
pub(crate) fn is_asker(term: &str) -> bool {
    ASKER_STEMS.contains(term)
}

/// Whether a Russian word as written (folded) tells for whom the asker asks ("ребенку"), a form
/// whose stem the passages also use.
pub(crate) fn is_asker_form(surface: &str) -> bool {
    RUSSIAN_ASKER_FORMS.contains(&surface)
}

static FUNCTION_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    RUSSIAN_FUNCTION
        .iter()
        .chain(RUSSIAN_REQUESTS)
        .map(|w| stem(w))
        .chain(JAPANESE_FUNCTION.iter().map(|w| fold_word(w)))
        .collect()
});

/// Words of the general Russian stop-word list that name what this base is about: a question's
/// "war", "Moscow", "Soviet" or "first" (the First Sino-Japanese War) tells facts apart.
const RUSSIAN_TOPICAL: &[&str] = &["война", "москва", "советский", "первый", "второй", "третий"];

static GENERIC_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let topical: FxHashSet<String> = RUSSIAN_TOPICAL.iter().map(|w| stem(w)).collect();
    let russian = stop_words::get("ru")
        .iter()
        .chain(RUSSIAN_CONVERSATION)
        .chain(RUSSIAN_TASKS)
        .chain(russian_tense::RUSSIAN_NOW_ADJECTIVES)
        .map(|w| stem(w))
        .filter(|w| !topical.contains(w))
        .collect::<Vec<_>>();
    russian.into_iter().chain(JAPANESE_GENERIC.iter().map(|w| fold_word(w))).collect()
});

/// Whether a question's word (as written, folded) says "now" in any of the three languages: the time
/// a question about the present asks about, which its reading carries (see [`super::asks`]).
pub(crate) fn says_now(word: &str) -> bool {
    super::asks::NOW.contains(&word)
        || russian_tense::says_now_russian(word)
        || japanese_words::JAPANESE_NOW.contains(&word)
        || matches!(word, "今" | "いま")
}

/// Whether a Russian stem or a Japanese term is a question or function word.
pub(crate) fn is_function(term: &str) -> bool {
    FUNCTION_STEMS.contains(term)
}

/// Whether a Russian stem or a Japanese term is an everyday word.
pub(crate) fn is_generic(term: &str) -> bool {
    GENERIC_STEMS.contains(term)
}

fn word_list(text: &'static str) -> Vec<(&'static str, u8)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').and_then(|(w, n)| Some((w, n.parse().ok()?))))
        .collect()
}

static RUSSIAN_WORDS: LazyLock<Vec<(&'static str, u8)>> =
    LazyLock::new(|| word_list(include_str!("data/russian-words.txt")));
/// Folded as the text's terms are, most common level kept where two words fold to one.
/// A word written with kana endings (遠回り, 手続き) also lists the pairs of its kanji stem, which is how
/// a question's text meets it (遠回): the stem of an ordinary word is no name.
static JAPANESE_WORDS: LazyLock<Vec<(String, u8)>> = LazyLock::new(|| {
    let mut words: Vec<(String, u8)> = word_list(include_str!("data/japanese-words.txt"))
        .into_iter()
        .flat_map(|(w, level)| {
            let word = fold_word(w);
            let (stem, rest) = word.split_at(word.find(|c: char| !is_kanji(c)).unwrap_or(word.len()));
            let stem: Vec<char> = stem.chars().collect();
            let pairs: Vec<(String, u8)> = if !rest.is_empty() && is_hiragana(rest) {
                stem.windows(2).map(|p| (p.iter().collect(), level)).collect()
            } else {
                Vec::new()
            };
            std::iter::once((word, level)).chain(pairs)
        })
        .collect();
    words.sort_unstable();
    words.dedup_by(|later, first| later.0 == first.0);
    words
});

/// How common a Russian word form or a Japanese word is (10 most common … 50), or `None` for a name,
/// a typo, or a word of another language.
pub(crate) fn level(word: &str) -> Option<u8> {
    match word.chars().next() {
        Some(c) if is_cyrillic(c) => {}
        Some(c) if !c.is_ascii() => return listed(&JAPANESE_WORDS, word, false),
        _ => return None,
    }
    let found = listed(&RUSSIAN_WORDS, word, true);
    // A Russian verb takes a prefix for each shade of its meaning ("приплыл", "просидел"), and the list
    // holds the common ones only: the verb without its prefix ("плыл", "сидел") is as ordinary. Only
    // verb forms, and prefixes of two letters or more, so that names stay names (Узала, Отару).
    found.or_else(|| {
        let verb = RUSSIAN_VERB_ENDINGS.iter().any(|e| word.ends_with(e));
        RUSSIAN_PREFIXES
            .iter()
            .filter(|_| verb)
            .filter_map(|p| word.strip_prefix(p).filter(|rest| rest.chars().count() >= 4))
            .find_map(|rest| listed(&RUSSIAN_WORDS, rest, true))
            .or_else(|| iterative_verb(word).then_some(RARE_LEVEL))
    })
}

/// The level of an ordinary word the list lacks but whose form says it is one ([`iterative_verb`]).
const RARE_LEVEL: u8 = 50;

/// Whether a Russian word is a verb of repeated or drawn-out action by its suffix, -ыва- or -ива-
/// in the past tense or the infinitive ("приплывал", "захватывали", "выплачивать"): the list holds
/// few of their forms, and no name ends so.
fn iterative_verb(word: &str) -> bool {
    const SUFFIXES: &[&str] = &["ывал", "ивал", "ывать", "ивать"];
    const ENDINGS: &[&str] = &["", "а", "о", "и", "ся", "ась", "ось", "ись"];
    word.chars().count() >= 7
        && SUFFIXES
            .iter()
            .any(|s| ENDINGS.iter().any(|e| word.strip_suffix(e).is_some_and(|w| w.ends_with(s))))
}

/// Prefixes of Russian verbs, longest first.
const RUSSIAN_PREFIXES: &[&str] = &[
    "пере", "пред", "при", "про", "раз", "рас", "под", "над", "вос", "об", "от", "вы", "до", "за", "из",
    "ис", "на", "по",
];

/// Endings of Russian verbs in the past tense and the infinitive.
const RUSSIAN_VERB_ENDINGS: &[&str] = &["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ть", "ться"];

/// The level of `word` in `list`, or for Russian of another form of its stem.
fn listed<S: AsRef<str>>(list: &[(S, u8)], word: &str, russian: bool) -> Option<u8> {
    match list.binary_search_by(|(w, _)| w.as_ref().cmp(word)) {
        Ok(i) => Some(list[i].1),
        // Russian words have many forms and the list holds only the common ones: another form of
        // the same stem ("угнал" for "угнали") makes it an ordinary word too.
        Err(i) if russian => {
            let stem = stem(word);
            let other = |j: usize| list.get(j).filter(|(w, _)| w.as_ref().starts_with(stem.as_str()));
            (stem.chars().count() >= 4).then(|| other(i).map(|(_, l)| *l)).flatten()
        }
        Err(_) => None,
    }
}

/// Whether `word` starts with any of `prefixes` (Russian stems of a word's forms).
fn starts_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
}

#[cfg(test)]
mod tests;
