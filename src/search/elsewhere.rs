//! Questions about another country's affairs: "When did Russia invade Ukraine?", "Who won the Korean
//! War?", "朝鮮戦争はいつ始まった？" name a third country and not Japan, and nothing else the base is
//! about. A fact whose stored questions ask about such a country only beside Japan (Japan's
//! sanctions over the invasion) is about Japan's part, which is not what was asked; a fact that is
//! asked about the country alone ("When did the USSR and China sign a non-aggression pact?") answers.

use super::normalize::Term;
use super::question::Concept;

/// Words (folded, as written or as the start of a word) naming a country other than Japan and
/// Russia whose affairs people ask about beside them: Ukraine, Korea, China, the United States,
/// Germany, Poland; in Latin, Cyrillic and Japanese script.
#[rustfmt::skip]
const THIRD_COUNTRIES: [&[&str]; 3] = [
    &["ukrain", "korea", "china", "chinese", "america", "german", "poland", "polish"],
    &["украин", "коре", "китай", "китая", "сша", "америк", "герман", "немц", "немец", "польш"],
    &["ウクライナ", "韓国", "朝鮮", "中国", "アメリカ", "米国", "ドイツ", "ポーランド"],
];

/// Words (folded, or the start of them) naming Japan or its capital.
const JAPAN_WORDS: &[&str] = &["japan", "nippon", "tokyo", "япон", "токио"];
/// Japanese forms naming Japan, its capital or a pair of countries with Japan (日露, 日中).
const JAPAN_CJK: &[&str] = &["日本", "東京", "日露", "日ロ", "日ソ", "日中", "日米", "日韓", "日朝"];

/// Names of several words that name one of those countries (and not, like "chinese eastern
/// railway" or "korean air lines", something in or of it).
const THIRD_COUNTRY_NAMES: &[&str] = &["united states", "north korea", "south korea", "северная корея"];

/// Whether a concept's word names one of [`THIRD_COUNTRIES`] ("china", "korean", "ukrain").
fn names_third_country(word: &str) -> bool {
    if word.contains(' ') {
        return THIRD_COUNTRY_NAMES.contains(&word);
    }
    let script = match word.chars().next() {
        Some(c) if c.is_ascii() => 0,
        Some(c) if crate::lang::is_cyrillic(c) => 1,
        Some(_) => 2,
        None => return false,
    };
    THIRD_COUNTRIES[script].iter().any(|c| word.starts_with(c))
}

/// The third country a question is about, when it names one and not Japan, and no other name,
/// number or multiple-choice option that the base might be about (`question` as written).
///
/// ```ignore
/// // "When did Russia invade Ukraine?" -> Some("ukrain"); "Why did Russia want Korea in 1903?" -> None
/// ```
pub(crate) fn third_country<'c>(question: &str, concepts: &'c [Concept]) -> Option<&'c str> {
    let country = concepts.iter().find(|c| !c.unknown && names_third_country(&c.word))?;
    let other_focus = concepts.iter().any(|c| c.focus && !c.unknown && !names_third_country(&c.word));
    if other_focus || concepts.iter().any(|c| c.option()) {
        return None;
    }
    let lower = question.to_lowercase();
    let japan =
        JAPAN_WORDS.iter().any(|j| lower.contains(j)) || JAPAN_CJK.iter().any(|j| question.contains(j));
    (!japan).then_some(country.word.as_str())
}

/// Whether a stored question, with its terms, names a third country and not Japan: its fact is
/// then one asked about that country's own affairs.
///
/// ```ignore
/// let q = "When did the USSR and China sign a non-aggression pact?";
/// assert!(asks_about_third_country(q, &tokenize(q)));
/// ```
pub(crate) fn asks_about_third_country(text: &str, tokens: &[Term]) -> bool {
    let third = tokens.iter().any(|t| names_third_country(&t.surface) || names_third_country(&t.text))
        || tokens.windows(2).any(|w| w[0].surface == "united" && w[1].surface == "states");
    third && !names_japan(text, tokens)
}

/// Whether a text, with its terms (folded), names Japan: a term starts with one of [`JAPAN_WORDS`],
/// or the text has one of [`JAPAN_CJK`].
fn names_japan(text: &str, tokens: &[Term]) -> bool {
    tokens.iter().any(|t| JAPAN_WORDS.iter().any(|j| t.surface.starts_with(j)))
        || JAPAN_CJK.iter().any(|j| text.contains(j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(word: &str, focus: bool, option: bool) -> Concept {
        Concept {
            alternatives: vec![(0, 1.0)],
            weight: 1.0,
            coverage: 1.0,
            content: true,
            word: word.to_string(),
            focus,
            choice: u16::from(option),
            ..Concept::default()
        }
    }

    #[test]
    fn third_country_without_japan() {
        let read =
            [concept("russia", false, false), concept("invad", false, false), concept("ukrain", true, false)];
        assert_eq!(third_country("when did russia invade ukraine?", &read), Some("ukrain"));
        let read = [concept("朝鮮", false, false), concept("戦争", false, false)];
        assert_eq!(third_country("朝鮮戦争はいつ始まった？", &read), Some("朝鮮"));
    }

    #[test]
    fn third_country_none_when_japan_is_named() {
        let read = [concept("japan", false, false), concept("ukrain", true, false)];
        assert_eq!(third_country("how did japan react to the war in ukraine", &read), None);
        let read = [concept("日中", false, false), concept("中国", false, false)];
        assert_eq!(third_country("日中国交正常化は何年ですか", &read), None);
    }

    #[test]
    fn third_country_none_beside_another_name_or_an_option() {
        let read =
            [concept("korea", false, false), concept("russia", false, false), concept("1903", true, false)];
        assert_eq!(third_country("what neutral zone in korea did russia propose in 1903", &read), None);
        let read = [concept("三国", false, false), concept("ドイツ", false, true)];
        assert_eq!(third_country("三国干渉に加わった国は a) ロシア b) ドイツ", &read), None);
    }

    fn about_third_country(text: &str) -> bool {
        asks_about_third_country(text, &super::super::normalize::tokenize(text))
    }

    #[test]
    fn asks_about_third_country_alone_or_beside_japan() {
        assert!(about_third_country("When did the USSR and China sign a non-aggression pact?"));
        assert!(about_third_country("когда американцы ушли из сибири"));
        assert!(about_third_country("ロシアと中国の初の合同海上パトロールはいつ？"));
        assert!(!about_third_country("What sanctions did Japan impose after Russia invaded Ukraine?"));
        assert!(!about_third_country("日中国交正常化は何年？"));
        assert!(!about_third_country("Why did Russia want Port Arthur?"));
    }

    #[test]
    fn third_country_none_without_one() {
        let read = [concept("russia", false, false), concept("war", false, false)];
        assert_eq!(third_country("why did russia go to war", &read), None);
        let read = [concept("chinese eastern railway", true, false), concept("sell", false, false)];
        assert_eq!(third_country("who sold the chinese eastern railway", &read), None);
    }
}
