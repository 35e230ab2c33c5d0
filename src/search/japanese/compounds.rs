//! Katakana compounds written without the middle dot that the base writes between their words
//! (ボリショイバレエ for ボリショイ・バレエ), or made of everyday words (ラジオネーム, "radio name"): a
//! katakana run is one word to the matcher, so such a compound was an unknown word, weighed as a
//! name the question is about.

use super::{Kind, Term, is_katakana};

/// The shortest half, in characters: one-kana pieces are parts of too many words.
const MIN_HALF: usize = 2;

/// The tokens with each katakana word that `known` lacks and that is two words `known` has read as
/// those two words. `known` says whether the base or the language's everyday words have a word
/// (folded as terms are).
pub(crate) fn compounds_apart(tokens: Vec<Term>, known: impl Fn(&str) -> bool) -> Vec<Term> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        match halves(&t, &known) {
            Some((first, second)) => out.extend([first, second]),
            None => out.push(t),
        }
    }
    out
}

/// The two known words an unknown katakana word is made of, the longest first half first.
fn halves(t: &Term, known: &impl Fn(&str) -> bool) -> Option<(Term, Term)> {
    if t.kind != Kind::Cjk || t.joined || !is_katakana(&t.text) || known(&t.text) {
        return None;
    }
    let chars: Vec<char> = t.text.chars().collect();
    let word = |part: &[char]| {
        let text: String = part.iter().collect();
        Term { surface: text.clone(), text, kind: Kind::Cjk, joined: false }
    };
    (MIN_HALF..=chars.len().saturating_sub(MIN_HALF)).rev().find_map(|at| {
        let (first, second) = (word(&chars[..at]), word(&chars[at..]));
        (known(&first.text) && known(&second.text)).then_some((first, second))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn apart(text: &str, known: &[&str]) -> Vec<String> {
        compounds_apart(tokenize(text), |w| known.contains(&w)).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn compounds_apart_two_known_words() {
        assert_eq!(apart("ボリショイバレエ", &["ボリショイ", "バレエ"]), ["ボリショイ", "バレエ"]);
    }

    #[test]
    fn compounds_apart_known_word_and_unknown_names_kept() {
        assert_eq!(apart("バレエ", &["バレエ"]), ["バレエ"]);
        // Terms are folded without the long-vowel mark: スターリン is スタリン.
        assert_eq!(apart("スターリングラード", &["スタリン"]), ["スタリングラド"], "グラド is no word");
        assert_eq!(apart("ラジオ", &["ラ", "ジオ"]), ["ラジオ"], "a half of one kana is too short");
    }
}
