//! Quiz questions in Japanese and Russian: a fact's stored questions in those languages that ask
//! when (いつ, 何年, когда, в каком году), graded on the fact's years like the English ones. Names
//! and figures are left to the English quiz: their grading reads English grammar.

use super::{AnswerKey, QuizQuestion, text};
use crate::knowledge::{Fact, When};
use crate::lang::Lang;
use crate::search::{asks_when, fold};

/// Words of a question about how something ended (終わ, закончил) or began (始ま, начал).
const END_WORDS: &[&str] = &[
    "終わ",
    "終結",
    "終了",
    "終戦",
    "撤退",
    "закончил",
    "окончил",
    "завершил",
    "конец",
    "окончан",
    "кончил",
];
const START_WORDS: &[&str] = &["始ま", "開始", "勃発", "始め", "начал", "начин"];

/// The quizzable questions of `fact` in `lang` (Japanese or Russian; none for English, whose
/// questions [`super::key_for`] reads).
///
/// ```
/// use nichiro::lang::Lang;
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let fact = kb.fact("treaty-of-portsmouth-1905").unwrap();
/// for q in nichiro::quiz::translated_questions(fact, Lang::Ja) {
///     assert!(q.key.accepts("1905年") && q.lang == Lang::Ja);
/// }
/// ```
pub fn translated_questions(fact: &Fact, lang: Lang) -> Vec<QuizQuestion> {
    let Some((passage, questions)) = fact.text(lang).filter(|_| lang != Lang::En) else {
        return Vec::new();
    };
    questions
        .iter()
        .filter(|q| asks_when(q))
        .filter_map(|q| {
            let key = year_key(fact.when?, passage, q)?;
            Some(QuizQuestion { fact_id: fact.id.clone(), question: q.clone(), key, lang })
        })
        .collect()
}

/// The years a "when" question asks for: the end of a span for a question about its end, its start
/// for one about its start, either year otherwise; only years the passage writes, and none for a
/// question that names a number itself.
fn year_key(when: When, passage: &str, question: &str) -> Option<AnswerKey> {
    if question.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    let folded = fold(question);
    let asks = |cues: &[&str]| cues.iter().any(|c| folded.contains(c));
    let years = match when {
        When::On(d) => vec![d.year()],
        When::Span(_, Some(to)) if asks(END_WORDS) => vec![to.year()],
        When::Span(from, Some(to)) if !asks(START_WORDS) && to.year() != from.year() => {
            vec![from.year(), to.year()]
        }
        When::Span(from, _) => vec![from.year()],
    };
    let written = text::years(passage);
    let kept: Vec<i32> = years.into_iter().filter(|y| written.contains(y)).collect();
    (!kept.is_empty()).then_some(AnswerKey::Year(kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translated_year_answers_in_japanese_and_russian() {
        let key = AnswerKey::Year(vec![1905]);
        assert!(key.accepts("1905年だと思う"));
        assert!(key.accepts("в 1905 году"));
        assert!(!key.accepts("1904年"));
    }

    #[test]
    fn translated_year_key_end_and_start() {
        let date = |t: &str| crate::knowledge::Date::parse(t).unwrap();
        let span = When::Span(date("1904-02"), Some(date("1905-09")));
        let passage = "日露戦争は1904年2月に始まり、1905年9月に終わった。";
        assert_eq!(year_key(span, passage, "日露戦争はいつ終わった？"), Some(AnswerKey::Year(vec![1905])));
        assert_eq!(year_key(span, passage, "日露戦争はいつ始まった？"), Some(AnswerKey::Year(vec![1904])));
        assert_eq!(year_key(span, passage, "日露戦争はいつ？"), Some(AnswerKey::Year(vec![1904, 1905])));
        assert_eq!(year_key(span, passage, "1904年の戦争はいつ終わった？"), None);
    }
}
