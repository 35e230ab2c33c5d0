//! Numbers that say how long: a length of time the asker tells, or the length of the answer the
//! asker wants. Neither is what the question is about.

use super::super::normalize::{Kind, Term};

/// Units of time after which a small number is a length of time, not a date or a figure asked for.
const DURATIONS: &[&str] = &[
    "year",
    "years",
    "yrs",
    "decade",
    "decades",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "century",
    "centuries",
    "лет",
    "год",
    "года",
    "месяц",
    "месяца",
    "месяцев",
    "недели",
    "недель",
    "дня",
    "дней",
    "年",
    "年間",
];

/// How much a length of time counts, against a number that is a date or a figure.
pub(super) const DURATION_FACTOR: f32 = 0.25;

/// Japanese eras, after which a small number before 年 is a year (昭和20年), not a length of time.
const ERAS: &[&str] = &["明治", "大正", "昭和", "平成", "令和"];

/// Whether `plain[at]` is a small number that tells how long ("80 years on", "80年たっても",
/// "через 10 лет"): what the asker thinks of the time passed, which no answer needs to repeat.
pub(super) fn is_duration(plain: &[&Term], at: usize) -> bool {
    let number = plain[at];
    let small = number.kind == Kind::Number
        && number.text.len() <= 3
        && number.text.bytes().all(|b| b.is_ascii_digit());
    let unit = plain.get(at + 1).is_some_and(|t| DURATIONS.contains(&t.surface.as_str()));
    let era = at > 0 && ERAS.contains(&plain[at - 1].surface.as_str());
    small && unit && !era
}

/// Words after a length of time that tell it is a time passed ("80 years later", "100 years ago").
const PASSED: &[&str] = &["later", "ago", "on", "after", "since", "спустя", "назад", "後"];

/// Whether `plain[at]` is the rest of a length of time [`is_duration`] found: its unit, a word of
/// time passed after the unit, or "like" / "about" before the number ("like 80 yrs later").
pub(super) fn in_duration(plain: &[&Term], at: usize) -> bool {
    let number = |k: usize| k < plain.len() && is_duration(plain, k);
    let this = plain[at].surface.as_str();
    let unit = at > 0 && number(at - 1);
    let passed = at > 1 && number(at - 2) && PASSED.contains(&this);
    let about = matches!(this, "like" | "about" | "around" | "some") && number(at + 1);
    unit || passed || about
}

/// Words that count a length of text: after a number or a word of a few, they say how long an
/// answer the asker wants ("in 5 sentences", "200字で", "в двух словах").
const TEXT_UNITS: &[&str] = &[
    "sentence",
    "sentences",
    "word",
    "words",
    "paragraph",
    "paragraphs",
    "line",
    "lines",
    "page",
    "pages",
    // A crossword clue's length: "(7 letters)", "7 букв".
    "letters",
    "букв",
    "буквы",
    "слов",
    "словах",
    "словами",
    "предложения",
    "предложений",
    "предложениях",
    "абзац",
    "абзаца",
    "абзацах",
    "строк",
    "字",
    "文字",
    "行",
];

/// What an asker counts when saying how many points an answer should list ("name three things",
/// "give 3 reasons", "理由を3つ"): the count is a length too, never what the question is about; the
/// word itself stays (reasons and causes say what kind of answer is wanted).
const LIST_UNITS: &[&str] = &[
    "things",
    "reasons",
    "causes",
    "consequences",
    "effects",
    "examples",
    "facts",
    "points",
    "ways",
    "bullets",
    "причины",
    "причин",
    "примера",
    "примеров",
    "факта",
    "фактов",
    "つ",
];

/// Words of kind between a count and what it counts ("3 simple facts", "two main reasons").
const LIST_KINDS: &[&str] = &[
    "simple",
    "main",
    "key",
    "quick",
    "short",
    "important",
    "basic",
    "major",
    "good",
    "brief",
    "big",
    "easy",
];

/// Words of kind that say how short an answer the asker wants: they go with the count.
const SHORT_KINDS: &[&str] = &["simple", "quick", "short", "brief", "easy"];

/// Words of a small count before a unit of text ("a few sentences", "пару слов").
const FEW: &[&str] = &[
    "few",
    "couple",
    "one",
    "two",
    "three",
    "four",
    "five",
    "ten",
    "пару",
    "два",
    "две",
    "три",
    "четыре",
    "пять",
    "двух",
    "трёх",
    "трех",
    "нескольких",
    "несколько",
    "пяти",
];

/// Units of time of the asker's own talk, beside its number ("a 5 min presentation", "доклад на 5
/// минут", "минут на 5"), and the talks: all three say how long an answer the asker wants.
const TALK_UNITS: &[&str] = &["min", "mins", "minute", "minutes", "минут", "минуты", "мин"];
const TALKS: &[&str] = &[
    "presentation",
    "talk",
    "speech",
    "video",
    "lecture",
    "report",
    "доклад",
    "доклада",
    "выступление",
    "выступления",
    "презентация",
    "презентации",
    "сообщение",
    "сообщения",
];

/// For each word, whether it says how long an answer the asker wants, which no fact is about: a
/// number or a word of a few that counts a unit of text or of a list after it, the words between
/// them that say the answer is short ("one short paragraph"), that unit of text itself, or the
/// length of the asker's own talk. Read once a question.
pub(super) fn length_words(plain: &[&Term]) -> Vec<bool> {
    let counts = |t: &Term| t.kind == Kind::Number || FEW.contains(&t.surface.as_str());
    let unit = |t: &Term| TEXT_UNITS.contains(&t.surface.as_str());
    let listed = |t: &Term| unit(t) || LIST_UNITS.contains(&t.surface.as_str());
    let is = |k: usize, list: &[&str]| plain.get(k).is_some_and(|t| list.contains(&t.surface.as_str()));
    // Where the unit a count at `k` counts stands: a range of counts ("one or two", "2 or 3", "2-3")
    // and a word or two of kind ("3 simple facts") may come between.
    let unit_of = |k: usize| {
        if !counts(plain[k]) {
            return None;
        }
        let mut j = k + 1;
        while is(j, &["or", "to"]) && plain.get(j + 1).is_some_and(|t| counts(t)) {
            j += 2;
        }
        while plain.get(j).is_some_and(|t| counts(t)) {
            j += 1;
        }
        let kinds = (j..j + 2).take_while(|&k| is(k, LIST_KINDS)).count();
        plain.get(j + kinds).is_some_and(|t| listed(t)).then_some(j + kinds)
    };
    let short_between = |k: usize, u: usize| {
        (k + 1..u).all(|j| counts(plain[j]) || is(j, SHORT_KINDS) || is(j, &["or", "to"]))
    };
    let mut marked = vec![false; plain.len()];
    for k in 0..plain.len() {
        // The counts go, and the words of kind that say the answer is short, up to six words on; a
        // unit of text goes after those only ("one short paragraph", not "the two main lines"), a
        // unit of a list stays (reasons say what is wanted).
        if let Some(u) = unit_of(k) {
            for j in (k..u).take(MOST_APART + 1) {
                marked[j] |= counts(plain[j]) || is(j, SHORT_KINDS);
            }
            marked[u] |= u - k <= MOST_APART && unit(plain[u]) && short_between(k, u);
        }
        if let Some((u, after)) = talk_length(plain, k, is) {
            marked[k] = true;
            marked[u] = true;
            if after {
                marked[u + 1] = true;
            }
        }
    }
    marked
}

/// The most words a count's unit stands after it and still makes it a length.
const MOST_APART: usize = 6;

/// The unit of the asker's own talk whose length's number is at `k`, and whether the talk comes
/// after them: "a 5 min presentation" in English, and in Russian only across "на" from a talk a few
/// words before ("доклад на 5 минут", "для доклада минут на 5"), not "доклад длился 240 минут".
fn talk_length(plain: &[&Term], k: usize, is: impl Fn(usize, &[&str]) -> bool) -> Option<(usize, bool)> {
    let talk_before = |j: usize| (j.saturating_sub(3)..j).any(|i| is(i, TALKS));
    let na = |k: usize| is(k, &["на"]);
    if plain[k].kind != Kind::Number {
        None
    } else if is(k + 1, TALK_UNITS) && is(k + 2, TALKS) {
        Some((k + 1, true))
    } else if is(k + 1, TALK_UNITS) && k >= 1 && na(k - 1) && talk_before(k - 1) {
        Some((k + 1, false))
    } else if k >= 2 && na(k - 1) && is(k - 2, TALK_UNITS) && talk_before(k - 2) {
        Some((k - 2, false))
    } else {
        None
    }
}

/// What a rounding counts in ("to the nearest 10 million", "to the nearest thousand").
const ROUNDED_TO: &[&str] = &[
    "ten",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "percent",
    "whole",
];

/// Whether `plain[at]` is part of how precise the asker wants a figure ("rounded to the nearest 10
/// million"): "nearest" after "to the" and the number or unit it rounds to. Not "to the nearest
/// island", where "nearest" is what is asked.
pub(super) fn asks_rounding(plain: &[&Term], at: usize) -> bool {
    let rounds = |t: &Term| t.kind == Kind::Number || ROUNDED_TO.contains(&t.surface.as_str());
    let nearest = |k: usize| {
        k >= 2
            && plain[k].surface == "nearest"
            && plain[k - 1].surface == "the"
            && plain[k - 2].surface == "to"
            && plain.get(k + 1).is_some_and(|t| rounds(t))
    };
    let span = |k: usize| nearest(k) && (k..=at).skip(1).all(|j| rounds(plain[j]));
    (at.saturating_sub(2)..=at).any(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    /// The words of `question` that `check` picks out.
    fn flagged(question: &str, check: fn(&[&Term], usize) -> bool) -> Vec<String> {
        let tokens = tokenize(question);
        let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
        (0..plain.len()).filter(|&k| check(&plain, k)).map(|k| plain[k].surface.clone()).collect()
    }

    fn told(question: &str) -> Vec<String> {
        let tokens = tokenize(question);
        let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
        let marked = length_words(&plain);
        plain.iter().zip(marked).filter(|(_, m)| *m).map(|(t, _)| t.surface.clone()).collect()
    }

    #[test]
    fn length_words_number_and_unit() {
        assert_eq!(told("summarise the war in 5 sentences"), ["5", "sentences"]);
        assert_eq!(told("explain it in a few words"), ["few", "words"]);
        assert_eq!(told("кратко в двух словах"), ["двух", "словах"]);
        assert_eq!(told("японский город, 3 буквы"), ["3", "буквы"]);
        assert_eq!(told("name three things japan gained"), ["three"]);
        assert_eq!(told("назовите три причины"), ["три"]);
        assert_eq!(told("needs 3 simple facts on the railway"), ["3", "simple"]);
        assert_eq!(told("describe it in one or two sentences"), ["one", "two", "sentences"]);
        assert_eq!(told("need 2-3 points"), ["2", "3"]);
        assert_eq!(told("explain two consequences"), ["two"]);
        assert!(told("the 8 point plan").is_empty(), "a name's number");
    }

    #[test]
    fn length_words_asker_talk() {
        assert_eq!(told("an overview for a 5 min presentation"), ["5", "min", "presentation"]);
        assert_eq!(told("a 10 minutes talk on the war"), ["10", "minutes", "talk"]);
        assert!(told("peace treaty talks").is_empty(), "talks of their own");
        assert!(told("the battle lasted 45 minutes").is_empty(), "not the asker's talk");
        assert_eq!(told("ребенку доклад на 5 минут"), ["5", "минут"]);
        assert_eq!(told("для доклада минут на 5"), ["минут", "5"]);
        assert!(told("бой длился 40 минут").is_empty(), "not the asker's talk");
        assert!(told("правда ли что доклад хрущева длился 240 минут").is_empty(), "a talk of its own");
        assert!(told("the speech lasted 40 minutes").is_empty(), "a speech of its own");
    }

    #[test]
    fn length_words_words_of_kind_between() {
        assert_eq!(told("relations in one short paragraph"), ["one", "short", "paragraph"]);
        assert_eq!(told("in 2 short paragraphs please"), ["2", "short", "paragraphs"]);
        assert_eq!(told("give two main reasons"), ["two"]);
        assert_eq!(told("what were the two main lines of the railway"), ["two"], "lines of a railway");
        assert!(told("the short war").is_empty(), "no count");
    }

    fn passed(question: &str) -> Vec<String> {
        flagged(question, in_duration)
    }

    #[test]
    fn in_duration_unit_time_passed_and_about() {
        assert_eq!(passed("no peace treaty like 80 yrs later"), ["like", "yrs", "later"]);
        assert_eq!(passed("100 years ago"), ["years", "ago"]);
        assert!(passed("what happened in 1905 later").is_empty(), "no length of time");
        assert!(passed("was it like").is_empty(), "ends on the word");
    }

    #[test]
    fn length_words_not_without_count() {
        assert!(told("what were the exact words of the declaration").is_empty());
        assert!(told("when did 1905 end the war").is_empty());
    }

    #[test]
    fn asks_rounding_nearest_and_what_it_rounds_to() {
        let rounding = |q: &str| flagged(q, asks_rounding);
        assert_eq!(rounding("population rounded to the nearest 10 million"), ["nearest", "10", "million"]);
        assert_eq!(rounding("to the nearest thousand, how many died"), ["nearest", "thousand"]);
        assert!(rounding("how far is it to the nearest russian island").is_empty());
    }
}
