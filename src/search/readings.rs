//! Kanji names typed in hiragana by askers who do not know the kanji (おおつ事件, ちょうこほう事件,
//! だいこくやこうだゆう): a known reading at the start of a run of hiragana, or just after a
//! particle there, is written in kanji before the question is read. Katakana names typed in hiragana
//! are read elsewhere (`kana_names`), against the index. A question written nearly all in hiragana
//! (ろしあってにほんのなんばいおおきいの, as a child types) has its everyday words written in kanji too,
//! wherever particles set them apart.

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

/// Reading → everyday word, from `data/japanese-kana-words.txt` (EDICT).
static EVERYDAY: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("data/japanese-kana-words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

/// The longest reading of either table, in characters.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| READINGS.keys().chain(EVERYDAY.keys()).map(|r| r.chars().count()).max().unwrap_or(0));

/// At most one kanji in this many Japanese characters makes a question one written in hiragana, whose
/// everyday words are read as well as its names.
const KANA_WRITTEN: usize = 8;

/// Whether a question is written nearly all in kana: a kanji or none in every [`KANA_WRITTEN`]
/// Japanese characters, and some hiragana.
fn kana_written(chars: &[char]) -> bool {
    let kanji = chars.iter().filter(|&&c| super::japanese::is_kanji(c)).count();
    let kana = chars.iter().filter(|&&c| in_run(c) || super::japanese::is_katakana_char(c)).count();
    kana > 0 && kanji * KANA_WRITTEN <= kanji + kana
}

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
    let kana = kana_written(&chars);
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
        let rewritten = if kana { words_in(run) } else { names_in(run, 0).or_else(after_particle) };
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
    let (kanji, len) = chain(&run[start..], false)?;
    let rest: String = run[start + len..].iter().collect();
    Some(run[..start].iter().collect::<String>() + &kanji + &rest)
}

/// The readings that follow one another at the start of `text` written in kanji, and how many
/// characters they take, when the text after them is empty or starts with a particle or an ending.
/// Everyday words are read as well as names when `everyday` is set.
fn chain(text: &[char], everyday: bool) -> Option<(String, usize)> {
    let mut at = 0;
    let mut kanji = String::new();
    while let Some((word, len)) = longest_reading(&text[at..], everyday) {
        kanji.push_str(word);
        at += len;
    }
    let rest = &text[at..];
    let ends_well = rest.is_empty() || PARTICLES.iter().chain(ENDINGS).any(|p| starts_with(rest, p));
    (at > 0 && ends_well).then_some((kanji, at))
}

/// A reading this long starts a word wherever it stands in a run ("ぽーつます|じょうやくで"), where a
/// shorter one may be the end of another word.
const LONG_READING: usize = 4;

/// A run of a question written in hiragana with every name and everyday word written in kanji where
/// it stands at the run's start, after a particle or, if long, anywhere, and before a particle, an
/// ending or the run's end (ろしあってにほんのなんばい → ろしあって日本のなんばい), or `None` when it has
/// none.
fn words_in(run: &[char]) -> Option<String> {
    let mut out = String::new();
    let (mut at, mut after_particle, mut changed) = (0, true, false);
    while at < run.len() {
        let long = longest_reading(&run[at..], true).map(|(_, len)| len).filter(|&len| len >= LONG_READING);
        if let Some((kanji, len)) =
            (after_particle || long.is_some()).then(|| chain(&run[at..], true)).flatten()
        {
            out.push_str(&kanji);
            (at, changed) = (at + len, true);
            continue;
        }
        // A long word stays one even where it cannot be read: no word is looked for inside it (なんにん
        // before しんだ holds no にんしん).
        if let Some(len) = long {
            out.extend(&run[at..at + len]);
            (at, after_particle) = (at + len, false);
            continue;
        }
        let particle = PARTICLES.iter().find(|p| starts_with(&run[at..], p)).map(|p| p.chars().count());
        let len = particle.unwrap_or(1);
        out.extend(&run[at..at + len]);
        (at, after_particle) = (at + len, particle.is_some());
    }
    changed.then_some(out)
}

/// Whether the characters of `text` start with `prefix`.
fn starts_with(text: &[char], prefix: &str) -> bool {
    prefix.chars().count() <= text.len() && prefix.chars().zip(text).all(|(a, &b)| a == b)
}

/// The longest known reading that `text` starts with (of a name, or with `everyday` of an everyday
/// word too, the name first), and its word and length in characters.
fn longest_reading(text: &[char], everyday: bool) -> Option<(&'static str, usize)> {
    let longest = text.len().min(*LONGEST);
    let mut reading: String = text[..longest].iter().collect();
    for len in (MIN_READING..=longest).rev() {
        let word = READINGS
            .get(reading.as_str())
            .or_else(|| everyday.then(|| EVERYDAY.get(reading.as_str())).flatten());
        if let Some(&word) = word {
            return Some((word, len));
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
    fn kana_written_everyday_words_between_particles() {
        assert_eq!(
            kanji_for_readings("ろしあとにほんのぼうえきってなに").as_deref(),
            Some("ろしあと日本の貿易ってなに")
        );
        assert_eq!(kanji_for_readings("ロシアのじんこうはなんにん").as_deref(), Some("ロシアの人口は何人"));
    }

    #[test]
    fn kanji_written_question_keeps_its_everyday_kana() {
        // Written with kanji, its hiragana are endings and words people write in kana by choice.
        assert_eq!(kanji_for_readings("日露戦争の賠償金はにほんがもらえなかった"), None);
        assert!(!kana_written(&"日露戦争の賠償金".chars().collect::<Vec<_>>()));
    }

    #[test]
    fn kana_written_long_word_after_a_name() {
        assert_eq!(
            kanji_for_readings("ぽーつますじょうやくでにほんが").as_deref(),
            Some("ぽーつます条約で日本が")
        );
    }

    #[test]
    fn kana_written_word_inside_another_is_left() {
        // むかし stands after no particle: a word this short may be the end of another.
        assert_eq!(kanji_for_readings("ろしあむかしがない"), None);
        assert_eq!(
            kanji_for_readings("ろしあじんこうがない").as_deref(),
            Some("ろしあ人口がない"),
            "a long one"
        );
        // なんにん is read first, though it cannot be read as a word before しんだ.
        assert_eq!(kanji_for_readings("よくりゅう　なんにんしんだ").as_deref(), Some("抑留　なんにんしんだ"));
    }

    #[test]
    fn readings_start_of_another_word_is_left() {
        assert_eq!(kanji_for_readings("おおつなみが来た"), None);
        assert_eq!(kanji_for_readings("ポーツマス条約はいつ"), None);
        assert_eq!(kanji_for_readings("when was it"), None);
    }
}
