//! Kanji names typed in hiragana by askers who do not know the kanji (おおつ事件, ちょうこほう事件,
//! だいこくやこうだゆう): a known reading at the start of a run of hiragana, or just after a
//! particle there, is written in kanji before the question is read. Katakana names typed in hiragana
//! are read elsewhere (`kana_names`), against the index.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::japanese::PARTICLES;

/// Reading → kanji, from `data/japanese-readings.txt`.
static READINGS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("data/japanese-readings.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// The longest reading, in characters.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| READINGS.keys().map(|r| r.chars().count()).max().unwrap_or(0));

/// Endings that may follow a name in a run of hiragana besides the particles (おおつじけんだった):
/// a reading followed by anything else is the start of another word (おおつなみ is no 大津).
const ENDINGS: &[&str] = &["から", "まで", "より", "だ", "です"];

/// Whether `c` belongs to a run of hiragana: hiragana, or the long-vowel mark people write in it.
fn in_run(c: char) -> bool {
    super::japanese::is_hiragana_char(c) || c == 'ー'
}

/// The question with known readings written in kanji (おおつじけんって何年 → 大津事件って何年), or
/// `None` when it has none.
pub(crate) fn kanji_for_readings(question: &str) -> Option<String> {
    if !question.chars().any(super::japanese::is_hiragana_char) {
        return None;
    }
    // Dakuten typed as combining marks (た + ゛) are composed, as the readings write them.
    let chars: Vec<char> = question.nfc().collect();
    let mut out = String::with_capacity(question.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if !in_run(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len()).find(|&j| !in_run(chars[j])).unwrap_or(chars.len());
        let run = &chars[i..end];
        // A name at the start of the run, or after a particle there (日本はちょうこほう…).
        let after_particle = || {
            let starts =
                |p: &&&str| p.chars().count() < run.len() && p.chars().zip(run).all(|(a, &b)| a == b);
            PARTICLES.iter().find(starts).and_then(|p| names_in(run, p.chars().count()))
        };
        let rewritten = names_in(run, 0).or_else(after_particle);
        match rewritten {
            Some(text) => {
                out.push_str(&text);
                changed = true;
            }
            None => out.extend(run),
        }
        i = end;
    }
    changed.then_some(out)
}

/// The run with the readings that follow one another from `start` written in kanji, if any do and
/// the rest of the run is empty or a particle.
fn names_in(run: &[char], start: usize) -> Option<String> {
    let mut at = start;
    let mut kanji = String::new();
    while let Some((name, len)) = longest_reading(&run[at..]) {
        kanji.push_str(name);
        at += len;
    }
    let rest: String = run[at..].iter().collect();
    let ends_well = rest.is_empty() || PARTICLES.iter().chain(ENDINGS).any(|p| rest.starts_with(p));
    (at > start && ends_well).then(|| run[..start].iter().collect::<String>() + &kanji + &rest)
}

/// The longest known reading that `text` starts with, and its length in characters.
fn longest_reading(text: &[char]) -> Option<(&'static str, usize)> {
    let longest = text.len().min(*LONGEST);
    let mut reading: String = text[..longest].iter().collect();
    for len in (MIN_READING..=longest).rev() {
        if let Some(&name) = READINGS.get(reading.as_str()) {
            return Some((name, len));
        }
        reading.pop();
    }
    None
}

/// Readings are at least this many characters: shorter ones are parts of too many words.
const MIN_READING: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_name_with_kanji_after() {
        assert_eq!(kanji_for_readings("おおつ事件 何年").as_deref(), Some("大津事件 何年"));
        assert_eq!(kanji_for_readings("ちょうこほう事件って何年？").as_deref(), Some("張鼓峰事件って何年？"));
    }

    #[test]
    fn readings_whole_run_with_particle() {
        assert_eq!(
            kanji_for_readings("だいこくやこうだゆうはロシアで誰に会ったの").as_deref(),
            Some("大黒屋光太夫はロシアで誰に会ったの")
        );
        assert_eq!(kanji_for_readings("おおつじけんってなに").as_deref(), Some("大津事件ってなに"));
    }

    #[test]
    fn readings_after_a_leading_particle() {
        assert_eq!(kanji_for_readings("日本はちょうこほうで戦った").as_deref(), Some("日本は張鼓峰で戦った"));
    }

    #[test]
    fn readings_dakuten_as_combining_marks() {
        let decomposed = "た\u{3099}いこくやこうた\u{3099}ゆうは誰";
        assert_eq!(kanji_for_readings(decomposed).as_deref(), Some("大黒屋光太夫は誰"));
    }

    #[test]
    fn readings_start_of_another_word_is_left() {
        assert_eq!(kanji_for_readings("おおつなみが来た"), None);
        assert_eq!(kanji_for_readings("ポーツマス条約はいつ"), None);
        assert_eq!(kanji_for_readings("when was it"), None);
    }
}
