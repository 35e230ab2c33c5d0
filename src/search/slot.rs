//! Whether a fact holds the kind of answer a question asks for near the question's own words: a
//! year near them for "when", a figure for "how many". A fact that mentions Pearl Harbor in passing
//! and gives a year elsewhere does not say when Pearl Harbor was attacked.

use super::index::{GAP, Inverted};
use std::sync::LazyLock;

use super::normalize::{Kind, stem};
use super::question::{Asks, Concept};

/// The answer must stand within this many content words of one of the question's words.
const NEAR: usize = 16;

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

/// [`NUMBER_WORDS`] as the index stems them.
static NUMBER_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| NUMBER_WORDS.iter().map(|w| stem(w)).collect());

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
    ]
    .iter()
    .map(|w| stem(w))
    .collect()
});

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Whether `fact`'s passage has a word filling `slot` within [`NEAR`] content words of one of the
/// question's known content concepts.
pub(crate) fn answer_near(index: &Inverted, concepts: &[Concept], slot: Slot, fact: usize) -> bool {
    let sequence = index.sequence(fact);
    let segments: Vec<&[u32]> = sequence.split(|&u| u == GAP).collect();
    // Questions, keywords, then the passage and the section, each followed by a gap.
    let Some(passage) = segments.len().checked_sub(3).map(|i| segments[i]) else {
        return false;
    };
    // The question's focus (its names and numbers) when the passage has it, else its content words.
    let has = |c: &&Concept, unit: u32| c.alternatives.iter().any(|&(id, _)| id == unit);
    let focus: Vec<&Concept> = concepts.iter().filter(|c| c.focus && !c.option && !c.unknown).collect();
    let focus_here = passage.iter().any(|&u| focus.iter().any(|c| has(c, u)));
    let words: Vec<&Concept> =
        if focus_here { focus } else { concepts.iter().filter(|c| c.content && !c.option).collect() };
    let asked = |unit: u32| words.iter().any(|c| has(c, unit));
    let fills = |unit: u32| {
        let info = &index.terms[unit as usize];
        match info.kind {
            Kind::Number => is_year(&info.name) == (slot == Slot::Year),
            Kind::Word => slot == Slot::Figure && NUMBER_STEMS.contains(&info.name),
            Kind::Cjk => false,
        }
    };
    // A day of the month ("5 September") is part of a date, not a figure.
    let month = |i: usize| {
        passage.get(i).is_some_and(|&u| u != GAP && MONTHS.contains(&index.terms[u as usize].name))
    };
    let day = |i: usize| {
        let info = &index.terms[passage[i] as usize];
        info.kind == Kind::Number
            && info.name.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && (month(i + 1) || (i > 0 && month(i - 1)))
    };
    let answers: Vec<usize> = (0..passage.len()).filter(|&i| fills(passage[i]) && !day(i)).collect();
    if answers.is_empty() {
        return false;
    }
    (0..passage.len())
        .filter(|&i| !fills(passage[i]) && asked(passage[i]))
        .any(|i| answers.iter().any(|&a| a.abs_diff(i) <= NEAR))
}
