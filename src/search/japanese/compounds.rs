//! Katakana compounds written without the middle dot that the base writes between their words
//! (ボリショイバレエ for ボリショイ・バレエ), or made of everyday words (ラジオネーム, "radio name"): a
//! katakana run is one word to the matcher, so such a compound was an unknown word, weighed as a
//! name the question is about. Likewise a name typed in hiragana that runs on into more unconverted
//! hiragana (ばるちっくかんたい, "Baltic fleet" with 艦隊 unconverted too).

use super::{Kind, Term, term};

/// The shortest half, in characters: one-kana pieces are parts of too many words.
const MIN_HALF: usize = 2;

/// Words of this commonness level or rarer (the word list's 50) are no everyday words to cut a name
/// with: ラスプーチン is no ラス + プチン, ペレストロイカ no ペレス + トロイカ.
const RARE: u8 = 50;

/// Kana that no word starts with (ー and ッ are folded out of terms before they are read).
const NO_START: &str = "ァィゥェォャュョヮン";

/// The tokens with each katakana word the base lacks and no word list has, that is a word of the
/// base or an everyday word followed by an everyday word, read as those two words (`in_base` says
/// whether the base has a folded word, `level` how common a word is: see [`crate::search::vocab`]).
pub(crate) fn compounds_apart(
    tokens: Vec<Term>,
    in_base: impl Fn(&str) -> bool,
    level: impl Fn(&str) -> Option<u8>,
) -> Vec<Term> {
    let everyday = |w: &str| level(w).is_some_and(|l| l < RARE);
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let unknown = t.kind == Kind::Cjk
            && !t.joined
            && super::is_katakana(&t.text)
            && !in_base(&t.text)
            && level(&t.text).is_none();
        match unknown.then(|| halves(&t.text, |w| in_base(w) || everyday(w), everyday)).flatten() {
            Some((first, second)) => out.extend([term(first), term(second)]),
            None => out.push(t),
        }
    }
    out
}

/// The two words a katakana word is made of, the longest first half first.
fn halves(
    word: &str,
    first: impl Fn(&str) -> bool,
    second: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    (MIN_HALF..=chars.len().saturating_sub(MIN_HALF)).rev().find_map(|at| {
        let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
        (!NO_START.contains(chars[at]) && first(&a) && second(&b)).then_some((a, b))
    })
}

/// The shortest name, in kana, read off the start of a longer hiragana run: shorter ones are too
/// often the start of an everyday word (ばれる is no バレル).
const MIN_KANA_NAME: usize = 4;

/// The longest name tried at the start of a run, in kana: the base's katakana names are shorter.
const MAX_KANA_NAME: usize = 12;

/// Hiragana that no word starts with.
const NO_START_HIRAGANA: &str = "ぁぃぅぇぉゃゅょゎんっー";

/// The tokens with each hiragana run that starts with a katakana name of the base (`in_base`) typed
/// in hiragana, four kana or more, read as that name and the rest of the run, the longest name first.
pub(crate) fn kana_names_apart(tokens: Vec<Term>, in_base: impl Fn(&str) -> bool) -> Vec<Term> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let hiragana = t.kind == Kind::Cjk && !t.joined && super::is_hiragana(&t.text);
        match hiragana.then(|| name_first(&t.text, &in_base)).flatten() {
            Some((head, name, rest)) => {
                out.push(Term { surface: head, ..term(name) });
                out.push(term(rest));
            }
            None => out.push(t),
        }
    }
    out
}

/// The hiragana head, the katakana name it spells and the rest of a run, trying heads of at most
/// [`MAX_KANA_NAME`] kana.
fn name_first(run: &str, in_base: &impl Fn(&str) -> bool) -> Option<(String, String, String)> {
    let chars: Vec<char> = run.chars().collect();
    let longest = chars.len().saturating_sub(1).min(MAX_KANA_NAME);
    (MIN_KANA_NAME..=longest).rev().find_map(|at| {
        if NO_START_HIRAGANA.contains(chars[at]) {
            return None;
        }
        let name = super::katakana_of(chars[..at].iter().copied());
        let long = name.chars().count() >= MIN_KANA_NAME;
        (long && in_base(&name)).then(|| (chars[..at].iter().collect(), name, chars[at..].iter().collect()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    /// `base`: words of the base; `words`: everyday words (level 20); `rare`: rare ones (level 50).
    fn apart(text: &str, base: &[&str], words: &[&str], rare: &[&str]) -> Vec<String> {
        let level = |w: &str| {
            if words.contains(&w) { Some(20) } else { rare.contains(&w).then_some(RARE) }
        };
        compounds_apart(tokenize(text), |w| base.contains(&w), level).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn compounds_apart_base_word_and_everyday_word() {
        assert_eq!(apart("ボリショイバレエ", &["ボリショイ"], &["バレエ"], &[]), ["ボリショイ", "バレエ"]);
        assert_eq!(apart("ラジオネム", &[], &["ラジオ", "ネム"], &[]), ["ラジオ", "ネム"]);
    }

    #[test]
    fn compounds_apart_longest_first_half() {
        assert_eq!(apart("カキクケコ", &[], &["カキ", "クケコ", "カキク", "ケコ"], &[]), ["カキク", "ケコ"]);
    }

    #[test]
    fn compounds_apart_known_words_and_names_kept() {
        assert_eq!(
            apart("サケマス", &["サケマス", "サケ"], &["マス"], &[]),
            ["サケマス"],
            "the base has it whole"
        );
        assert_eq!(
            apart("ラスプチン", &["プチン"], &["ラス"], &["プチン"]),
            ["ラスプチン"],
            "a rare second half"
        );
        assert_eq!(apart("ラジオ", &[], &["ラ", "ジオ"], &[]), ["ラジオ"], "a half of one kana is too short");
        assert_eq!(
            apart("カキャクケ", &[], &["カキ", "ャクケ"], &[]),
            ["カキャクケ"],
            "no word starts with ャ"
        );
    }

    fn names_apart(text: &str, base: &[&str]) -> Vec<String> {
        kana_names_apart(tokenize(text), |w| base.contains(&w)).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn kana_names_apart_name_then_rest() {
        assert_eq!(names_apart("ばるちっくかんたいに", &["バルチク"]), ["バルチク", "かんたいに"]);
        assert_eq!(names_apart("しゅむしゅとうの", &["シュムシュ"]), ["シュムシュ", "とうの"]);
    }

    #[test]
    fn kana_names_apart_short_unknown_or_whole_kept() {
        assert_eq!(names_apart("ばれると", &["バレル"]), ["ばれると"], "three kana");
        assert_eq!(
            names_apart("しべりあよくりゅう", &["トウキョウ"]),
            ["しべりあよくりゅう"],
            "no name of the base"
        );
        assert_eq!(
            names_apart("のもんはん", &["ノモンハン"]),
            ["のもんはん"],
            "the whole run is read before"
        );
    }
}
