//! Kanji typed wrong by an input method: 日ソ中率条約 for 中立条約, 交換状約 for 交換条約, 全件 for 全権.
//! The IME offers a kanji of the same reading, so one kanji of a compound is another word's; the pairs
//! on both sides of it are then pairs the base never has. A pair at a compound's edge, or a whole
//! word, is met by its sound: the on-readings of its two kanji ([`READINGS`]).

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::LazyLock;

use rustc_hash::FxHasher;

use super::index::Inverted;
use super::japanese::is_kanji_pair;
use super::normalize::Term;

/// Kanji → on-readings, from `data/kanji-on-readings.txt` (KANJIDIC).
static READINGS: LazyLock<HashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("data/kanji-on-readings.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split(' ');
            let kanji = words.next()?.chars().next()?;
            Some((kanji, words.collect()))
        })
        .collect()
});

/// Readings shorter than this (in kana) are too common to guess from (し + か).
const MIN_SOUND_CHARS: usize = 3;

/// The hashes of the sounds a pair of kanji may be read with: each on-reading of the first followed
/// by each of the second; none when either has no on-reading.
fn sounds(pair: &str) -> Vec<u64> {
    let [a, b] = chars(pair);
    let (Some(first), Some(second)) = (READINGS.get(&a), READINGS.get(&b)) else { return Vec::new() };
    let mut out = Vec::new();
    for x in first {
        for y in second {
            if x.chars().count() + y.chars().count() >= MIN_SOUND_CHARS {
                let mut h = FxHasher::default();
                h.write(x.as_bytes());
                h.write(y.as_bytes());
                out.push(h.finish());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Appends a base word's sounds when it is a pair of kanji (see [`Inverted::kanji_sounds`]).
pub(crate) fn push_sounds(word: &str, id: u32, into: &mut Vec<(u64, u32)>) {
    if word.chars().count() == 2 && word.chars().all(super::japanese::is_kanji) {
        into.extend(sounds(word).into_iter().map(|h| (h, id)));
    }
}

/// The pairs of kanji the base has that sound like `pair`, which it lacks.
fn homophones(index: &Inverted, pair: &str) -> Vec<u32> {
    let mut found: Vec<u32> = Vec::new();
    for h in sounds(pair) {
        found.extend(super::typo::listed_under(&index.kanji_sounds, h));
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Appends the runs of three kanji in a text's tokens (two overlapping kanji pairs: 中立 + 立条 is
/// 中立条), as [`Inverted::kanji_triples`] keeps them.
pub(crate) fn push_triples(tokens: &[Term], triples: &mut Vec<[char; 3]>) {
    for pair in tokens.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if is_kanji_pair(a) && is_kanji_pair(b) && !a.joined && !b.joined {
            let ([first, shared], [next, last]) = (chars(&a.text), chars(&b.text));
            if shared == next {
                triples.push([first, shared, last]);
            }
        }
    }
}

/// The tokens with each kanji that two unknown pairs share replaced, when exactly one kanji stands
/// between the same two kanji in the base's texts (中率 + 率条 → 中立 + 立条, from 中立条約); then the
/// pairs still unknown met by their sound ([`by_sound`]).
pub(crate) fn corrected(index: &Inverted, mut tokens: Vec<Term>) -> Vec<Term> {
    if !tokens.iter().any(is_kanji_pair) {
        return tokens;
    }
    for i in 1..tokens.len() {
        let (a, b) = (&tokens[i - 1], &tokens[i]);
        if !(is_kanji_pair(a) && is_kanji_pair(b)) || a.joined || b.joined {
            continue;
        }
        let ([left, shared], [next, right]) = (chars(&a.text), chars(&b.text));
        if shared != next || index.term_id(&a.text).is_some() || index.term_id(&b.text).is_some() {
            continue;
        }
        if let Some(kanji) = only_bridge(&index.kanji_triples, left, right) {
            set(&mut tokens[i - 1], [left, kanji]);
            set(&mut tokens[i], [kanji, right]);
        }
    }
    by_sound(index, &mut tokens);
    tokens
}

/// Each pair of kanji the base lacks, written as the one pair of the same sound that the base has
/// and that fits beside its neighbours (全件 → 全権; 日路 + 路戦 → 日露 + 露戦).
fn by_sound(index: &Inverted, tokens: &mut [Term]) {
    let mut changed = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if changed[i] || !is_kanji_pair(t) || t.joined || index.term_id(&t.text).is_some() {
            continue;
        }
        // A word of everyday Japanese the base lacks (好物) is what the asker meant, not a slip; 何
        // begins a question for a count or a thing (何人, 何食べた), never a compound mistyped.
        if super::vocab::word_level(&t.text).is_some() || t.text.starts_with('何') {
            continue;
        }
        let [old_first, old_second] = chars(&t.text);
        // The overlapping pairs beside it share its kanji (日路 + 路戦 + 戦争 → 日露 + 露戦 + 戦争), and
        // must then be pairs the base has too; of the pairs that sound alike and fit so, the one taken
        // is the only one or the one the base writes far more often, as an input method offers the
        // common word first (じょうやく is 条約 in hundreds of facts, 定約 only across words in two).
        let neighbour = |k: usize, at: usize, old: char, new: char| {
            let n = tokens.get(k).filter(|n| is_kanji_pair(n) && !n.joined && chars(&n.text)[at] == old)?;
            let mut pair = chars(&n.text);
            pair[at] = new;
            Some((k, pair))
        };
        let fitting = |id: &u32| {
            let [first, second] = chars(&index.terms[*id as usize].name);
            let before = i.checked_sub(1).and_then(|k| neighbour(k, 1, old_first, first));
            let beside: Vec<(usize, [char; 2])> =
                before.into_iter().chain(neighbour(i + 1, 0, old_second, second)).collect();
            let known = beside.iter().all(|(_, p)| index.term_id(&p.iter().collect::<String>()).is_some());
            known.then_some(([first, second], beside))
        };
        // Most written first, so that only the first two pairs that fit are ever looked at.
        let facts = |id: u32| index.postings[id as usize].len();
        let mut ids = homophones(index, &t.text);
        ids.sort_by_key(|&id| std::cmp::Reverse(facts(id)));
        let fits = ids.into_iter().filter_map(|id| Some((facts(id), fitting(&id)?)));
        let Some((pair, beside)) = most_written(fits) else { continue };
        set(&mut tokens[i], pair);
        changed[i] = true;
        for (k, pair) in beside {
            set(&mut tokens[k], pair);
            changed[k] = true;
        }
    }
}

/// How many times more facts the pair taken must be in than any other pair of its sound.
const DOMINANT_PAIR_RATIO: usize = 20;

/// Of the pairs that sound alike and fit, given most written first with the number of facts each is
/// in, the only one, or the first when it is in at least [`DOMINANT_PAIR_RATIO`] times as many facts
/// as the next; `None` when no pair stands out.
fn most_written<T>(mut fits: impl Iterator<Item = (usize, T)>) -> Option<T> {
    let (top, fit) = fits.next()?;
    match fits.next() {
        Some((next, _)) if top < DOMINANT_PAIR_RATIO * next => None,
        _ => Some(fit),
    }
}

/// Writes a pair's two kanji as its text and surface.
fn set(token: &mut Term, pair: [char; 2]) {
    let text: String = pair.iter().collect();
    token.surface.clone_from(&text);
    token.text = text;
}

/// The two kanji of a pair.
fn chars(pair: &str) -> [char; 2] {
    let mut chars = pair.chars();
    [chars.next().unwrap_or_default(), chars.next().unwrap_or_default()]
}

/// The one kanji that stands between `left` and `right` in the base's runs of three, if one does.
fn only_bridge(triples: &[[char; 3]], left: char, right: char) -> Option<char> {
    let start = triples.partition_point(|t| t[0] < left);
    let mut bridges = triples[start..].iter().take_while(|t| t[0] == left).filter(|t| t[2] == right);
    match (bridges.next(), bridges.next()) {
        (Some(t), None) => Some(t[1]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn triples(texts: &[&str]) -> Vec<[char; 3]> {
        let mut triples = Vec::new();
        for text in texts {
            push_triples(&tokenize(text), &mut triples);
        }
        triples.sort_unstable();
        triples.dedup();
        triples
    }

    #[test]
    fn push_triples_of_runs_of_kanji() {
        assert_eq!(triples(&["中立条約", "日本の条約"]), [['中', '立', '条'], ['立', '条', '約']]);
    }

    #[test]
    fn sounds_of_pairs_an_ime_confuses_meet() {
        let meet = |a: &str, b: &str| sounds(a).iter().any(|h| sounds(b).contains(h));
        assert!(meet("全件", "全権"));
        assert!(meet("日路", "日露"));
        assert!(meet("道明", "同盟"));
        assert!(!meet("日路", "日本"));
    }

    #[test]
    fn sounds_none_without_two_kanji_read() {
        assert!(sounds("日ソ").is_empty());
        let mut into = Vec::new();
        push_sounds("日露戦争", 1, &mut into);
        push_sounds("ロシア", 2, &mut into);
        assert!(into.is_empty(), "only pairs of kanji are kept");
        push_sounds("日露", 3, &mut into);
        assert!(!into.is_empty() && into.iter().all(|&(_, id)| id == 3));
    }

    #[test]
    fn most_written_needs_a_twentyfold_lead() {
        assert_eq!(most_written([(152, "条約"), (3, "常約")].into_iter()), Some("条約"));
        assert_eq!(most_written([(33, "次世"), (3, "次政")].into_iter()), None, "eleven times is no lead");
        assert_eq!(most_written([(2, "一つ")].into_iter()), Some("一つ"), "the only pair");
        assert_eq!(most_written(std::iter::empty::<(usize, &str)>()), None);
    }

    #[test]
    fn only_bridge_unique_kanji_between() {
        let base = triples(&["日ソ中立条約", "交換条約", "中国国境"]);
        assert_eq!(only_bridge(&base, '中', '条'), Some('立'));
        assert_eq!(only_bridge(&base, '換', '約'), Some('条'));
        assert_eq!(only_bridge(&base, '中', '約'), None);
        let two = triples(&["中立条約", "中止条項"]);
        assert_eq!(only_bridge(&two, '中', '条'), None, "two kanji fit: no guess");
    }
}
