//! The asker's guess at the figure a question asks for: "how many times did they meet, more than
//! 20?", "сколько раз встречались? больше 20", "何回会ったの？20回以上？". The asker does not know
//! the figure, so the guess is no word an answer must hold: read as a number the answer must
//! give, it sent such questions to any fact with a 20 in it (the G20 summit in Osaka).

use super::super::normalize::{Kind, Term};
use super::length::is_duration;

/// Words just before a number that make it a guess ("more *than* 20", "*около* 500 тысяч", "*約*60万").
const BEFORE: &[&str] = &[
    "than",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "approx",
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
    "約",
    "およそ",
    "だいたい",
    "ざっと",
];

/// How Japanese words after a number (and its counter) begin that make it a guess ("20回*以上*",
/// "50万人*くらい*").
const AFTER: &[&str] = &["以上", "以下", "くらい", "ぐらい", "ほど", "近く", "前後", "余り", "あまり", "超"];

/// Numbers in this range, written without anything else, are years: "around 1945" tells when.
const YEARS: std::ops::RangeInclusive<u32> = 1500..=2100;

/// For each word of a question that asks for a figure, whether it is a number the asker guesses:
/// after a word of [`BEFORE`], or followed within two words by one of [`AFTER`]. A year ("around
/// 1945") and a length of time ("over 20 years") are not guesses; empty when no word is one.
pub(super) fn guessed(plain: &[&Term]) -> Vec<bool> {
    let guess = |k: usize| {
        let t = plain[k];
        let before = k.checked_sub(1).is_some_and(|b| BEFORE.contains(&plain[b].surface.as_str()));
        let after = plain[k + 1..].iter().take(2).any(|w| AFTER.iter().any(|a| w.text.starts_with(a)));
        t.kind == Kind::Number
            && (before || after)
            && !t.text.parse::<u32>().is_ok_and(|n| YEARS.contains(&n))
            && !is_duration(plain, k)
    };
    let flags: Vec<bool> = (0..plain.len()).map(guess).collect();
    if flags.contains(&true) { flags } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::super::super::normalize::tokenize;
    use super::*;

    fn guesses(question: &str) -> Vec<String> {
        let tokens = tokenize(question);
        let plain: Vec<&Term> = tokens.iter().collect();
        let flags = guessed(&plain);
        plain.iter().zip(flags).filter(|(_, g)| *g).map(|(t, _)| t.text.clone()).collect()
    }

    #[test]
    fn guessed_after_comparison_words() {
        assert_eq!(guesses("how many times did abe and putin meet? more than 20?"), ["20"]);
        assert_eq!(guesses("how many ships sank, about 30 or so"), ["30"]);
        assert_eq!(guesses("сколько раз встречались абэ и путин? слышал что больше 20"), ["20"]);
        assert_eq!(guesses("сколько японцев было в плену, около 600 тысяч?"), ["600"]);
    }

    #[test]
    fn guessed_japanese_before_and_after() {
        assert_eq!(guesses("安倍とプーチンって何回会ったの？20回以上？"), ["20"]);
        assert_eq!(guesses("抑留された人は何人？50万人くらい？"), ["50"]);
        assert_eq!(guesses("約60万人って本当？"), ["60"]);
    }

    #[test]
    fn guessed_not_years_or_lengths_of_time() {
        assert!(guesses("how many japanese lived on sakhalin around 1945").is_empty());
        assert!(guesses("how many boats were seized over 20 years").is_empty());
        assert!(guesses("how many died in the 1905 battle").is_empty());
        assert!(guesses("1945年ごろ樺太には何人住んでいた？").is_empty());
    }
}
