//! Kanji typed wrong by an input method: 日ソ中率条約 for 中立条約, 交換状約 for 交換条約. The IME offers
//! a kanji of the same reading, so one kanji of a compound is another word's; the pairs on both sides
//! of it are then pairs the base never has.

use super::index::Inverted;
use super::japanese::is_kanji_pair;
use super::normalize::Term;

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
/// between the same two kanji in the base's texts (中率 + 率条 → 中立 + 立条, from 中立条約). A kanji at
/// either end of a compound is left: one pair alone does not say which word was meant.
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
            for (t, text) in [(i - 1, [left, kanji]), (i, [kanji, right])] {
                let text: String = text.iter().collect();
                tokens[t].surface.clone_from(&text);
                tokens[t].text = text;
            }
        }
    }
    tokens
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
    fn only_bridge_unique_kanji_between() {
        let base = triples(&["日ソ中立条約", "交換条約", "中国国境"]);
        assert_eq!(only_bridge(&base, '中', '条'), Some('立'));
        assert_eq!(only_bridge(&base, '換', '約'), Some('条'));
        assert_eq!(only_bridge(&base, '中', '約'), None);
        let two = triples(&["中立条約", "中止条項"]);
        assert_eq!(only_bridge(&two, '中', '条'), None, "two kanji fit: no guess");
    }
}
