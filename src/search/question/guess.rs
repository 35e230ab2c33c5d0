//! The asker's guess at the figure a question asks for: "how many times did they meet, more than
//! 20?", "сколько раз встречались? больше 20", "何回会ったの？20回以上？". The asker does not know
//! the figure, so the guess is no word an answer must hold: read as a number the answer must
//! give, it sent such questions to any fact with a 20 in it (the G20 summit in Osaka). A guess is
//! often near the figure, though, so it stays as light evidence.

use super::super::index::is_year;
use super::super::normalize::{Kind, Term};
use super::super::slot::{NUMBER_WORDS, RUSSIAN_NUMBER_WORDS};
use super::super::vocab::is_function_word;
use super::length::is_duration;

/// How much a guessed number counts, against a number the question names.
pub(super) const GUESS_FACTOR: f32 = 0.25;

/// Words just before a number that make it a guess ("more *than* 20", "*около* 500 тысяч").
const BEFORE: &[&str] = &[
    "than",
    "over",
    "under",
    "below",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "like",
    "least",
    "больше",
    "более",
    "меньше",
    "менее",
    "около",
    "почти",
    "примерно",
    "приблизительно",
    "свыше",
    "порядка",
];

/// Russian comparatives that make a guess across "чем" ("больше чем 20").
const COMPARATIVES: &[&str] = &["больше", "более", "меньше", "менее"];

/// How the Japanese word before a number ends when it makes it a guess: kanji are read in pairs, so
/// 約 is the end of 者約 in "抑留者約60万人".
const JAPANESE_BEFORE: &[&str] = &["約", "およそ", "ほぼ", "だいたい", "ざっと", "少なくとも"];

/// Japanese words after a number (and its counter) that make it a guess ("20回*以上*", "50万人*くらい*");
/// found inside the pairs the kanji are read in (人以, 以上).
const JAPANESE_AFTER: &[&str] =
    &["以上", "以下", "くらい", "ぐらい", "ほど", "近く", "前後", "余り", "あまり", "超"];

/// What may follow an English or Russian guess to the end of the question besides function words
/// and figures in words ("more than 20 *times*", "около 600 *тысяч*"): a guess ends the question; a
/// number with more after it names something ("over 203 Metre Hill", "ships over 10,000 tons").
const COUNTS: &[&str] = &["times", "people", "persons", "men", "раз", "раза", "человек", "тыс", "млн"];

/// For each word of a question that asks for a figure, whether it is a number the asker guesses:
/// after a word of [`BEFORE`] (or [`JAPANESE_BEFORE`]) with nothing but [`COUNTS`] and function
/// words after it, or followed closely by one of [`JAPANESE_AFTER`] near the end. A year ("around
/// 1945"), a day of a month (`dates`: "around 18 August") and a length of time ("over 20 years")
/// are no guesses. Empty when no word is one.
pub(super) fn guessed(plain: &[&Term], dates: &[bool]) -> Vec<bool> {
    let word = |k: usize| plain[k].surface.as_str();
    let guess = |k: usize| {
        let t = plain[k];
        if t.kind != Kind::Number || is_year(&t.text) || dates.get(k) == Some(&true) || is_duration(plain, k)
        {
            return false;
        }
        let tail = &plain[k + 1..];
        let japanese = tail.iter().all(|w| w.kind == Kind::Cjk);
        let before = k.checked_sub(1).is_some_and(|b| {
            BEFORE.contains(&word(b))
                || (word(b) == "чем" && b > 0 && COMPARATIVES.contains(&word(b - 1)))
                || (word(b) == "то" && b > 0 && word(b - 1) == "где")
                || JAPANESE_BEFORE.iter().any(|j| word(b).ends_with(j))
        });
        let ends = if japanese {
            tail.len() <= 2
        } else {
            tail.len() <= 3
                && tail.iter().all(|w| {
                    let w = w.surface.as_str();
                    is_function_word(w)
                        || COUNTS.contains(&w)
                        || NUMBER_WORDS.contains(&w)
                        || RUSSIAN_NUMBER_WORDS.contains(&w)
                })
        };
        let after = japanese
            && tail.len() <= 4
            && tail.iter().take(3).any(|w| JAPANESE_AFTER.iter().any(|a| w.text.contains(a)));
        (before && ends) || after
    };
    let flags: Vec<bool> = (0..plain.len()).map(guess).collect();
    if flags.contains(&true) { flags } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::super::super::normalize::tokenize;
    use super::super::dates::day_and_month;
    use super::*;

    fn guesses(question: &str) -> Vec<String> {
        let tokens = tokenize(question);
        let plain: Vec<&Term> = tokens.iter().collect();
        let flags = guessed(&plain, &day_and_month(&plain));
        plain.iter().zip(flags).filter(|(_, g)| *g).map(|(t, _)| t.text.clone()).collect()
    }

    #[test]
    fn guessed_after_comparison_words() {
        assert_eq!(guesses("how many times did abe and putin meet? more than 20?"), ["20"]);
        assert_eq!(guesses("how many ships sank, about 30 or so"), ["30"]);
        assert_eq!(guesses("сколько раз встречались абэ и путин? слышал что больше 20"), ["20"]);
        assert_eq!(guesses("сколько японцев было в плену, около 600 тысяч?"), ["600"]);
        assert_eq!(guesses("сколько было пленных, больше чем 500 тысяч?"), ["500"]);
    }

    #[test]
    fn guessed_japanese_before_and_after() {
        assert_eq!(guesses("安倍とプーチンって何回会ったの？20回以上？"), ["20"]);
        assert_eq!(guesses("抑留された人は何人？50万人くらい？"), ["50"]);
        assert_eq!(guesses("抑留された人は何人？60万人以上？"), ["60"]);
        assert_eq!(guesses("何人が抑留されたの？抑留者約60万人？"), ["60"]);
    }

    #[test]
    fn guessed_not_names_conditions_dates_years_or_lengths() {
        assert!(guesses("how many japanese died in the fight over 203 metre hill").is_empty());
        assert!(guesses("how many ships over 10000 tons did russia lose").is_empty());
        assert!(guesses("how many troops landed on shumshu around 18 august").is_empty());
        assert!(guesses("how many japanese lived on sakhalin around 1945").is_empty());
        assert!(guesses("how many boats were seized over 20 years").is_empty());
        assert!(guesses("how many died in the 1905 battle").is_empty());
        assert!(guesses("1945年ごろ樺太には何人住んでいた？").is_empty());
        assert!(guesses("20歳以下の抑留者は何人いたの？").is_empty());
    }
}
