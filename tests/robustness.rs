//! Whatever the input, `ask` returns an outcome: never a panic, a confidence in [0, 1], the same
//! answer twice, and no answer for text that asks nothing.

use std::sync::LazyLock;

use nichiro::search::{Index, Outcome};
use proptest::prelude::*;

static INDEX: LazyLock<Index> =
    LazyLock::new(|| Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()));

fn sound(question: &str) -> Outcome {
    let outcome = INDEX.ask(question);
    let c = outcome.confidence();
    assert!((0.0..=1.0).contains(&c), "confidence {c} for {question:?}");
    if let Outcome::Answered { best, .. } = &outcome {
        // A long question's bar is below the threshold (ninth round), never below the lowest bar.
        assert!(best.confidence >= INDEX.settings().lowest_bar(), "{} for {question:?}", best.confidence);
    }
    assert!(outcome.alternatives().len() <= 3);
    assert_eq!(INDEX.ask(question), outcome, "not deterministic for {question:?}");
    outcome
}

fn declined(question: &str) {
    assert!(!sound(question).is_answered(), "{question:?} was answered");
}

#[test]
fn ask_empty() {
    declined("");
}

#[test]
fn ask_whitespace_only() {
    declined(" \t\n\r\u{00A0}\u{3000} ");
}

#[test]
fn ask_emoji_only() {
    declined("🇯🇵🤝🇷🇺 🏝️🏝️ 👍🏽");
}

#[test]
fn ask_stop_words_only() {
    declined("what is the of and which who when how");
}

#[test]
fn ask_100_kb() {
    let big = "What did the 1956 Joint Declaration promise? ".repeat(100 * 1024 / 45);
    assert!(big.len() >= 100 * 1000);
    sound(&big);
    sound(&"ж".repeat(100 * 1024));
    sound(&"x".repeat(100 * 1024));
}

#[test]
fn ask_right_to_left() {
    declined("ما هي عاصمة اليابان؟");
    declined("\u{202E}מה קרה ב-1956\u{202C}");
}

#[test]
fn ask_combining_marks() {
    declined("a\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}\u{0307}");
    sound("Ko\u{0304}dayu\u{0304}");
    sound(&"e\u{0301}".repeat(5000));
}

#[test]
fn ask_zero_width_characters() {
    declined("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}");
    let outcome = sound("Kuril\u{200B} Islands\u{200D} dispute");
    assert!(outcome.is_answered());
}

#[test]
fn ask_control_characters() {
    sound("\u{0}\u{1}\u{7}\u{1B}[31mred\u{7F}");
}

/// Words the reading of a question looks around (its context, dates, lengths, options, endings),
/// to put side by side in every order and at either end: arbitrary text almost never writes them.
const WORDS: &[&str] = &[
    "like",
    "about",
    "80",
    "yrs",
    "years",
    "later",
    "ago",
    "how",
    "to",
    "do",
    "i",
    "where",
    "can",
    "names",
    "of",
    "all",
    "every",
    "four",
    "2nd",
    "1st",
    "9th",
    "august",
    "5",
    "min",
    "minutes",
    "presentation",
    "talk",
    "quick",
    "overview",
    "my",
    "our",
    "ap",
    "exam",
    "for",
    "after",
    "since",
    "24",
    "february",
    "what",
    "when",
    "who",
    "why",
    "is",
    "the",
    "treaty",
    "portsmouth",
    "1905",
    "sakhalin-2",
    "and",
    "or",
    "a)",
    "b)",
    "true",
    "false",
    "?",
    ",",
    "в",
    "45м",
    "41-м",
    "2-я",
    "после",
    "февраля",
    "и",
    "или",
    "обеих",
    "сторон",
    "と",
    "日本",
    "の",
    "は",
    "記憶",
    "ミグ",
    "何年",
    "？",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn ask_words_of_questions_in_any_order(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..14)) {
        sound(&words.join(" "));
    }

    #[test]
    fn ask_arbitrary_unicode(question in "\\PC{0,10000}") {
        sound(&question);
    }

    #[test]
    fn ask_arbitrary_chars_including_controls(question in proptest::collection::vec(any::<char>(), 0..2000)) {
        sound(&question.into_iter().collect::<String>());
    }
}
