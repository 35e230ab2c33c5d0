//! Whether a fact holds the kind of answer a question asks for near the question's own words: a
//! year near them for "when", a figure for "how many". A fact that mentions Pearl Harbor in passing
//! and gives a year elsewhere does not say when Pearl Harbor was attacked.

use super::index::{GAP, Inverted, Shape};
use crate::lang::Lang;
use std::sync::LazyLock;

use super::asks::Asks;
use super::normalize::stem;
use super::question::Concept;

/// The answer must stand within this many content words of one of the question's words.
const NEAR: usize = 16;
/// ... or of terms in a Japanese passage, whose terms are two-character pieces rather than words.
const NEAR_JAPANESE: usize = 40;

/// What the answer to a question looks like in a passage, if anything in particular.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Year,
    Figure,
}

/// The slot a kind of question asks to be filled, if any.
pub(crate) fn slot(asks: Asks) -> Option<Slot> {
    match asks {
        Asks::Time => Some(Slot::Year),
        Asks::Quantity => Some(Slot::Figure),
        _ => None,
    }
}

/// Figures written in words: "four wars", "two islands", "a thousand".
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "dozen", "hundred", "thousand", "million", "billion", "trillion", "half", "third", "quarter", "percent",
];

/// Russian figures written in words ("более двух лет", "около тысячи"), in the cases they take. Not
/// "семь", whose stem is the stem of "семья".
pub(crate) const RUSSIAN_NUMBER_WORDS: &[&str] = &[
    "два",
    "две",
    "двух",
    "двум",
    "двумя",
    "три",
    "трёх",
    "трем",
    "тремя",
    "четыре",
    "четырёх",
    "пять",
    "пяти",
    "шесть",
    "шести",
    "восемь",
    "восьми",
    "девять",
    "девяти",
    "десять",
    "десяти",
    "двадцать",
    "двадцати",
    "тридцать",
    "сорок",
    "пятьдесят",
    "сто",
    "сотни",
    "сотен",
    "тысяча",
    "тысячи",
    "тысяч",
    "миллион",
    "миллиона",
    "миллионов",
    "миллиард",
    "миллиарда",
    "миллиардов",
    "половина",
    "половины",
    "треть",
    "трети",
    "четверть",
    "процент",
    "процента",
    "процентов",
];

/// [`NUMBER_WORDS`] and [`RUSSIAN_NUMBER_WORDS`] as the index stems them.
pub(crate) static NUMBER_STEMS: LazyLock<Vec<String>> =
    LazyLock::new(|| NUMBER_WORDS.iter().chain(RUSSIAN_NUMBER_WORDS).map(|w| stem(w)).collect());

/// Month names, as the index stems them.
pub(crate) static MONTHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
    .iter()
    .map(|w| stem(w))
    .collect()
});

/// The question's words an answer must stand near, as sorted term ids: its focus (names and
/// numbers), and all its content words for facts whose passage lacks the focus.
#[derive(Debug, Default)]
pub(crate) struct Asked {
    focus: Vec<u32>,
    content: Vec<u32>,
    /// What a question for a number counts ("how many *troops*").
    counted: Vec<u32>,
    /// The question's language: the answer is looked for in the passage in that language.
    lang: Lang,
}

impl Asked {
    pub fn of(concepts: &[Concept], lang: Lang) -> Asked {
        let ids = |keep: &dyn Fn(&Concept) -> bool| {
            let mut ids: Vec<u32> = concepts
                .iter()
                .filter(|c| keep(c))
                .flat_map(|c| c.alternatives.iter().map(|&(id, _)| id))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        Asked {
            focus: ids(&|c: &Concept| c.focus && !c.option() && !c.unknown),
            content: ids(&|c: &Concept| c.content && !c.option()),
            counted: ids(&|c: &Concept| c.counted && !c.option()),
            lang,
        }
    }
}

/// The passage of a fact in its own texts in one language: its questions, then its passage, each
/// followed by a gap.
fn passage(own: &[u32]) -> &[u32] {
    let gaps: Vec<usize> =
        own.iter().enumerate().rev().filter(|(_, u)| **u == GAP).map(|(i, _)| i).take(2).collect();
    match gaps[..] {
        [end, before] => &own[before + 1..end],
        [end] => &own[..end],
        _ => &[],
    }
}

/// Whether `fact`'s passage has a word filling `slot` within [`NEAR`] content words of one of the
/// question's words: its focus when the passage has it, else any of its content words.
pub(crate) fn answer_near(index: &Inverted, asked: &Asked, slot: Slot, fact: usize) -> bool {
    let passage = passage(index.sequence(fact, asked.lang)[1]);
    let near = if asked.lang == Lang::Ja { NEAR_JAPANESE } else { NEAR };
    let shape = |i: usize| passage.get(i).map(|&u| index.terms[u as usize].shape);
    // A day of the month ("5 September") is part of a date, not a figure.
    let fills = |i: usize| match (shape(i), slot) {
        (Some(Shape::Year), Slot::Year) => true,
        // "on 8 August": a date, which answers "when" as well as a year, and is the answer when the
        // question gives the year ("When in 1945 did …?").
        (Some(Shape::Month), Slot::Year) => true,
        (Some(Shape::Figure), Slot::Figure) => true,
        (Some(Shape::Day), Slot::Figure) => {
            shape(i + 1) != Some(Shape::Month) && (i == 0 || shape(i - 1) != Some(Shape::Month))
        }
        _ => false,
    };
    let focus_here = passage.iter().any(|u| asked.focus.binary_search(u).is_ok());
    let words = if focus_here { &asked.focus } else { &asked.content };
    let asked_here = |i: usize| words.binary_search(&passage[i]).is_ok();
    // The question's own year is where the answer is looked for, never the answer.
    let answers: Vec<usize> = (0..passage.len()).filter(|&i| fills(i) && !asked_here(i)).collect();
    if answers.is_empty() {
        return false;
    }
    // A figure beside what is counted ("70,000 troops") answers even far from the name.
    let anchor = |i: usize| asked_here(i) || focus_here && asked.counted.binary_search(&passage[i]).is_ok();
    (0..passage.len()).filter(|&i| anchor(i)).any(|i| answers.iter().any(|&a| a.abs_diff(i) <= near))
}
