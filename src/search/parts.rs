//! Messages that ask several questions at once ("When did Gorbachev visit Japan? Did they talk about
//! the islands?"): the first of them, which is answered on its own when no fact answers them all.
//!
//! Each further question dilutes the confidence of a fact that answers the first, and adds words no
//! fact about the first has, so the whole is often declined although its first question is covered.

use super::asks::{Asks, asks_in};
use super::japanese::is_hiragana;
use super::normalize::tokenize;
use super::options::split_options;
use crate::lang::Lang;

/// Question words that open a second question after "and" ("… and how did the USSR react?").
const ENGLISH_OPENERS: &[&str] = &[
    "how", "what", "why", "when", "who", "whom", "whose", "where", "which", "did", "does", "do", "was",
    "were", "is", "are",
];

/// Russian question words that open a second question after "и" or "а" ("… и почему они остались?").
const RUSSIAN_OPENERS: &[&str] = &[
    "как",
    "что",
    "почему",
    "зачем",
    "когда",
    "кто",
    "где",
    "какие",
    "какой",
    "какая",
    "какое",
    "каких",
    "сколько",
    "чем",
    "кого",
    "кому",
];

/// Whether a question word ([`ENGLISH_OPENERS`] or "can", [`RUSSIAN_OPENERS`]) opens a sentence, as
/// written or as a chat spelling ("wat", "hw"), for a question typed without its mark.
pub(crate) fn opens_question(sentence: &str) -> bool {
    let first = first_word(sentence);
    is_opener(&first) || first == "can"
}

/// Whether a plain word ([`plain_word`]) is a question word of [`ENGLISH_OPENERS`] or
/// [`RUSSIAN_OPENERS`], as written or as a chat spelling ("wat", "hw").
fn is_opener(word: &str) -> bool {
    let word = super::vocab::chat_word(word).unwrap_or(word);
    ENGLISH_OPENERS.contains(&word) || RUSSIAN_OPENERS.contains(&word)
}

/// Whether any word of a clause is a question word ([`ENGLISH_OPENERS`], [`RUSSIAN_OPENERS`]), as
/// written or as a chat spelling, or it has a question mark: then it asks, it does not remark.
pub(crate) fn has_question_word(clause: &str) -> bool {
    clause.contains(['?', '？']) || clause.split_whitespace().any(|w| is_opener(&plain_word(w)))
}

/// Whether a Japanese sentence (without its full stop) is a question closed by a full stop or by
/// nothing rather than a question mark ("…何年だったでしょうか", "…だっけ"): a question's ending, or an
/// exam's か after a question word ("…は何年か", "…はだれか", "…のはなぜか"), not every か ("そっか",
/// "静か", "いくつか", "…とか"). Its counterpart for English and Russian is [`opens_question`].
pub(crate) fn closes_japanese_question(sentence: &str) -> bool {
    const ENDINGS: &[&str] = &["すか", "ょうか", "ろうか", "のか", "たか", "んか", "ないか", "っけ"];
    const QUESTION_WORDS: &[&str] = &["何", "誰", "だれ", "どこ", "どれ", "どの", "いつ", "なぜ", "いくら"];
    let Some(before) = sentence.strip_suffix('か') else { return sentence.ends_with("っけ") };
    // The question word stands within the last six characters: "…を何というか", "…はどの程度か".
    let tail = &before[before.char_indices().rev().nth(5).map_or(0, |(i, _)| i)..];
    ENDINGS.iter().any(|e| sentence.ends_with(e))
        || !before.ends_with('と') && QUESTION_WORDS.iter().any(|w| tail.contains(w))
}

/// The first question of a message that asks several, or `None` when it asks one, offers options
/// to choose from (which belong to its one question), only asks to confirm before the question
/// proper ("…, right?"), goes on with a statement rather than a question, or asks later for
/// something no fact holds (an opinion, what would have happened): then no part of it is answered
/// alone. Whether the whole message asks for one is [`super::score::part_settings`]'s to check, from
/// the whole's own reading.
///
/// Questions are told apart by a question mark followed by more words, or by "and" (Russian "и",
/// "а") followed by a question word; a first question of fewer than two words (four characters of
/// Japanese) is too short to stand alone.
pub(crate) fn first_question(text: &str) -> Option<&str> {
    if !split_options(text).1.is_empty() {
        return None;
    }
    let (first, rest) = after_question_mark(text).or_else(|| before_conjunction(text))?;
    let long_enough =
        first.split_whitespace().count() >= 2 || first.chars().filter(|c| !c.is_ascii()).count() >= 4;
    // "… Give me your honest opinion.": the rest's own kind, which the whole's reading, taken from
    // its first question sentence, may not see.
    let rest_asks = asks_in(Lang::of_question(rest), rest, tokenize(rest));
    // "… Hanyu? I heard Russians love him": what follows tells what the question is about.
    let rest_is_question = rest.ends_with(['?', '？']) || rest_asks != Asks::Anything;
    let rest_asks_a_fact = !rest_asks.not_a_fact() || judges_back(first, rest, rest_asks).is_some();
    let usable = long_enough && rest_is_question && !is_tag(first) && rest_asks_a_fact;
    usable.then_some(first)
}

/// What the first question of a message asks for, when it asks for a fact (why, when, who, where,
/// how many, what happened) and what follows only asks to judge it ("Why did Japan attack before
/// declaring war? Was it wrong?"): the message asks that fact, and the judgement is no fact of the
/// base. `None` for one question, or when the judgement does not point back at the first ("What do
/// you think?" asks about the first question itself).
pub(crate) fn judged_after(text: &str) -> Option<Asks> {
    let (first, rest) = after_question_mark(text)?;
    judges_back(first, rest, asks_in(Lang::of_question(rest), rest, tokenize(rest)))
}

fn judges_back(first: &str, rest: &str, rest_asks: Asks) -> Option<Asks> {
    if rest_asks != Asks::Opinion || !points_back(&rest.to_lowercase(), rest) {
        return None;
    }
    let first_asks = asks_in(Lang::of_question(first), first, tokenize(first));
    let fact = matches!(
        first_asks,
        Asks::Reason | Asks::Time | Asks::Quantity | Asks::Person | Asks::Place | Asks::Event
    );
    fact.then_some(first_asks)
}

/// Whether a sentence (and `lower`, the same lower-cased) has a word that points back to what an
/// earlier one named.
fn points_back(lower: &str, sentence: &str) -> bool {
    words(lower).any(|w| POINTING_BACK.contains(&w))
        || POINTING_BACK_JAPANESE.iter().any(|p| sentence.contains(p))
}

/// The words of a text, split at anything not a letter or digit.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Words that ask the reader to confirm what was just said ("… from Japan, right?"): the question
/// proper comes after.
const TAGS: &[&str] =
    &["right", "correct", "true", "yes", "да", "верно", "так", "よね", "だよね", "ですよね"];

/// Whether a question only asks to confirm what it says, before the question proper.
fn is_tag(first: &str) -> bool {
    let body = first.trim_end_matches(['?', '？', ' ', '\u{3000}']).to_lowercase();
    TAGS.iter().any(|tag| {
        // Japanese writes no spaces, so its tags need no word boundary; "когда" does not end in "да".
        body.strip_suffix(tag)
            .is_some_and(|before| is_hiragana(tag) || !before.ends_with(char::is_alphanumeric))
    })
}

/// The question a message opens with when all that follows is a statement, most often the asker's
/// own ("…何人くらいいますか？私はロシア語専攻で…", "… a Japanese black belt? (I am from Kenya, sorry
/// my english)"): `None` when what follows asks, requests or offers options, or the question is too
/// short to stand alone (three words, six characters of Japanese). Tried alone only on a decline, and
/// taken only if the whole message suggests its answer ([`super::score::taken`]).
pub(crate) fn question_before_context(text: &str) -> Option<&str> {
    // Options after the question ("…どれか。ア）南樺太 イ）…") are its answers to choose from.
    if !split_options(text).1.is_empty() {
        return None;
    }
    let (first, rest) = after_question_mark(text).or_else(|| after_japanese_question(text))?;
    let rest_asks = asks_in(Lang::of_question(rest), rest, tokenize(rest));
    let telling = !rest.contains(['?', '？'])
        && rest_asks == Asks::Anything
        && !opens_question(rest)
        && !asks_to_tell(rest);
    let long_enough =
        first.split_whitespace().count() >= 3 || first.chars().filter(|c| !c.is_ascii()).count() >= 6;
    (telling && long_enough).then_some(first)
}

/// Whether a sentence asks to be told something: it opens with "tell" or "please", an instruction
/// ([`super::question::opens_instruction`]: "Name …", "Explain …") or a Russian request or task
/// ("расскажите", "назовите"), or, in Japanese, asks with 教えて, 説明して or ください.
fn asks_to_tell(sentence: &str) -> bool {
    let first = first_word(sentence);
    matches!(first.as_str(), "tell" | "please" | "pls" | "plz")
        || super::question::opens_instruction(&first)
        || super::lexicon::opens_russian_request(&first)
        || ["教えて", "説明して", "ください"].iter().any(|r| sentence.contains(r))
}

/// The first word of a sentence, lower-cased, without the punctuation around it.
fn first_word(sentence: &str) -> String {
    plain_word(sentence.split_whitespace().next().unwrap_or_default())
}

/// A word as typed, without the punctuation around it, in lower case.
fn plain_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// A Japanese question closed without a question mark, by a question's "か。" (not "静か。") or by
/// "っけ" and a comma or full stop ("…名前なんだっけ、クイ研で出たのに"), and what follows.
fn after_japanese_question(text: &str) -> Option<(&str, &str)> {
    let by_ka = text
        .match_indices("か。")
        .find(|&(i, _)| closes_japanese_question(&text[..i + 'か'.len_utf8()]))
        .map(|(i, end)| i + end.len());
    let by_kke = ["っけ、", "っけ。"].iter().filter_map(|end| text.find(end).map(|i| i + end.len())).min();
    let at = by_ka.into_iter().chain(by_kke).min()?;
    let (first, rest) = text.split_at(at);
    let rest = rest.trim();
    let words_follow = rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2;
    words_follow.then(|| (first.trim_end_matches(['、', '。']).trim(), rest))
}

/// The text up to its first question mark and what follows, when words follow it.
fn after_question_mark(text: &str) -> Option<(&str, &str)> {
    let (at, mark) = text.char_indices().find(|&(_, c)| matches!(c, '?' | '？'))?;
    let (first, rest) = text.split_at(at + mark.len_utf8());
    let rest = rest.trim_start_matches(['?', '？', '!', '！', ' ', '\u{3000}']).trim();
    (rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then(|| (first.trim(), rest))
}

/// Prepositions before "which" or "what" that open a second question after "and" ("… and *in*
/// which building?").
const ENGLISH_PREPOSITIONS: &[&str] = &["in", "at", "on", "from", "by", "for", "to", "with"];
/// The same in Russian, before a question word ("… и *в* каком году?"); also what may follow
/// "сколько лет было" when it asks how long ([`super::measure`]).
pub(crate) const RUSSIAN_PREPOSITIONS: &[&str] =
    &["в", "во", "на", "с", "со", "у", "о", "об", "за", "по", "из", "от", "к", "до", "между"];
/// Russian question words after a preposition: the forms of "какой" and of "кто", "что" that
/// follow one ("какой-то" keeps its hyphen here, so it is none of them).
const RUSSIAN_AFTER_PREPOSITION: &[&str] = &[
    "какой",
    "какая",
    "какое",
    "какие",
    "каком",
    "каким",
    "какую",
    "какого",
    "какому",
    "каких",
    "кем",
    "ком",
    "чем",
    "чём",
    "кого",
    "кому",
    "чего",
    "чему",
];
/// A first question split off before "and" + a preposition has at least this many words: "In
/// which year and in which hall …" is one question of two parts.
const FIRST_BEFORE_PREPOSITION: usize = 4;

/// The text before "and" + a question word that starts a second question, and the second question.
fn before_conjunction(text: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> =
        text.split_whitespace().map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    words.windows(3).find_map(|window| {
        let [(at, and), (next_at, next), (_, third)] = window else { return None };
        let conjunction = plain(and);
        let (openers, prepositions, asks_after): (&[&str], &[&str], &[&str]) = match conjunction.as_str() {
            "and" => (ENGLISH_OPENERS, ENGLISH_PREPOSITIONS, &["which", "what", "whom", "whose"]),
            "и" | "а" => (RUSSIAN_OPENERS, RUSSIAN_PREPOSITIONS, RUSSIAN_AFTER_PREPOSITION),
            _ => return None,
        };
        let next = plain(next);
        let first = text[..*at].trim_end_matches([',', ';', ' ']);
        // Read only after a preposition; "какой-то" keeps its inner hyphen, so it is no "какой".
        let asks = || asks_after.contains(&plain(third).as_str());
        let opens = openers.contains(&next.as_str())
            || (prepositions.contains(&next.as_str())
                && first.split_whitespace().count() >= FIRST_BEFORE_PREPOSITION
                && asks());
        (opens && !first.is_empty()).then(|| (first, &text[*next_at..]))
    })
}

/// Words that point back to what an earlier sentence named ("Who was *he*?", "Is *that* true?",
/// "Когда *он* …"): a question with one does not stand alone.
const POINTING_BACK: &[&str] = &[
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "this", "that", "these", "those",
    "there", "он", "она", "оно", "они", "его", "её", "ее", "их", "это", "этот", "эта", "эти", "там",
];

/// The same in Japanese, found anywhere in the text, which has no spaces ("*それ*は本当？").
const POINTING_BACK_JAPANESE: &[&str] = &["彼", "それ", "その", "あれ", "この", "これ"];

/// The question sentence of a message that first says something ("Mexico has relations with both.
/// Which country has the bigger GDP?"), when it names its own subject: no word in it points back
/// ([`POINTING_BACK`], [`POINTING_BACK_JAPANESE`]), and it has three words or more (six characters of Japanese). `None` when
/// the question comes first, or the message has no question mark.
pub(crate) fn question_after_context(text: &str) -> Option<&str> {
    let (_, sentence) = super::asks::context_and_question(text)?;
    let lower = sentence.to_lowercase();
    let long_enough =
        words(&lower).nth(2).is_some() || sentence.chars().filter(|c| !c.is_ascii()).count() >= 6;
    (long_enough && !points_back(&lower, sentence)).then_some(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_after_context_stands_alone() {
        let text = "Mexico have relation with both. Which country have bigger GDP, Japan or Russia?";
        assert_eq!(question_after_context(text), Some("Which country have bigger GDP, Japan or Russia?"));
        assert_eq!(question_after_context("I heard of Kodayu. Who was he?"), None, "points back");
        assert_eq!(question_after_context("Who won the war?"), None, "nothing before it");
        assert_eq!(question_after_context("I read about Sorge. Is that true?"), None);
        assert_eq!(question_after_context("友達が言ってた。それは本当？"), None);
    }

    #[test]
    fn opens_question_english_and_russian() {
        assert!(opens_question("how many died there"));
        assert!(opens_question("Когда это было"));
        assert!(opens_question("wat did they sign"), "a chat spelling");
        assert!(!opens_question("my uncle never came back"));
        assert!(!opens_question(""));
    }

    #[test]
    fn first_question_after_question_mark() {
        let text = "Why were people angry about the Portsmouth treaty? Wasn't it a win?";
        assert_eq!(first_question(text), Some("Why were people angry about the Portsmouth treaty?"));
        assert_eq!(
            first_question("ゴルバチョフが来日したのは何年？そのとき島の話はした？"),
            Some("ゴルバチョフが来日したのは何年？")
        );
    }

    #[test]
    fn first_question_before_and_question_word() {
        assert_eq!(
            first_question("When was Manchukuo created and how did the Soviet Union react?"),
            Some("When was Manchukuo created")
        );
        assert_eq!(
            first_question("Интервенция в Сибири: когда японцы ушли, и почему они остались дольше всех?"),
            Some("Интервенция в Сибири: когда японцы ушли")
        );
    }

    #[test]
    fn first_question_before_and_preposition_question_word() {
        assert_eq!(
            first_question("When was the Treaty of Portsmouth signed, and in which building?"),
            Some("When was the Treaty of Portsmouth signed")
        );
        assert_eq!(
            first_question("Кто подписал Портсмутский мир и в каком здании это было?"),
            Some("Кто подписал Портсмутский мир")
        );
        assert_eq!(first_question("Who fought in the war and in 1905 signed the peace?"), None);
        assert_eq!(first_question("In which year and in which hall was the treaty signed?"), None);
        assert_eq!(
            first_question(
                "Почему СССР сначала соблюдал пакт о нейтралитете, а в какой-то момент напал на Японию?"
            ),
            None
        );
    }

    #[test]
    fn first_question_none_for_one_question() {
        assert_eq!(first_question("Who signed the Treaty of Portsmouth?"), None);
        assert_eq!(first_question("Who won? ?"), None);
        assert_eq!(first_question("Did Japan and Russia sign a treaty?"), None);
        assert_eq!(first_question(""), None);
    }

    #[test]
    fn first_question_before_a_judgement_of_it() {
        let text = "Why did Japan attack before declaring war? Was it wrong?";
        assert_eq!(first_question(text), Some("Why did Japan attack before declaring war?"));
        assert_eq!(judged_after(text), Some(Asks::Reason));
        assert_eq!(judged_after("Should Japan have attacked? Was it wrong?"), None, "no fact asked");
        assert_eq!(judged_after("Who owns the Kurils? What do you think?"), None, "points at nothing");
    }

    #[test]
    fn first_question_none_for_options() {
        assert_eq!(first_question("Which island is largest? a) Iturup b) Kunashir c) Shikotan"), None);
    }

    #[test]
    fn first_question_none_when_later_asks_opinion() {
        assert_eq!(first_question("Should Russia return the Kurils to Japan? What do you think?"), None);
        assert_eq!(first_question("Кому принадлежат Курилы? Ваше мнение?"), None);
    }

    #[test]
    fn first_question_none_after_a_tag_or_before_context() {
        assert_eq!(first_question("Putin got a dog from Japan, right? What was its name?"), None);
        assert_eq!(first_question("Путин получил собаку из Японии, верно? Как её звали?"), None);
        assert_eq!(first_question("プーチンは柔道をやってるんだよね？何段なの？"), None);
        assert!(first_question("Когда японцы ушли из Сибири? Почему так поздно?").is_some());
        assert_eq!(first_question("Which skaters are popular in Russia? I heard they love Hanyu."), None);
    }

    #[test]
    fn question_before_context_about_the_asker() {
        let text = "is it true he has a Japanese black belt? (I am from Kenya, sorry my english)";
        assert_eq!(question_before_context(text), Some("is it true he has a Japanese black belt?"));
        let text = "日本に住んでいるロシア人は何人くらいいますか？私はロシア語専攻です";
        assert_eq!(question_before_context(text), Some("日本に住んでいるロシア人は何人くらいいますか？"));
        let text = "巡査の名前なんだっけ、クイ研の例会で出たのに出てこない";
        assert_eq!(question_before_context(text), Some("巡査の名前なんだっけ"));
        assert_eq!(question_before_context("Who won at Tsushima? And when?"), None, "a second question");
        assert_eq!(question_before_context("Who won at Tsushima? Tell me the date"), None, "a request");
        assert_eq!(question_before_context("Who won the war?"), None, "nothing after it");
        assert_eq!(question_before_context("Who won? I wonder."), None, "too short");
        let options = "次のうち、日本が得たものでないものはどれか。ア）南樺太 イ）賠償金 ウ）旅順";
        assert_eq!(question_before_context(options), None, "options to choose from");
    }

    #[test]
    fn first_question_none_when_too_short() {
        assert_eq!(first_question("Why? Tell me about the treaty of Portsmouth"), None);
        assert_eq!(first_question("なぜ？ポーツマス条約について"), None);
    }
}
