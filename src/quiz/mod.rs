//! Quiz rounds drawn from the facts, and grading of answers typed in free text.
//!
//! A fact's stored question is quizzable when it is a real question (it ends with `?`; compound questions
//! such as "Who was X and why ...?" are not) of one of three forms, and its key is non-empty and not given
//! away by the question:
//!
//! - **Year** — "When ...?", "What year ...?", "In what/which year ...?" on a fact with a date. The key is
//!   the start year; for a span, the end year when the question asks about the end ("end", "ended", "last",
//!   "until"), both years when it asks "When was/were ...?" about the span as a whole (and not about its
//!   start), otherwise the start year. Only years the passage itself writes are kept. A question naming any
//!   number is skipped (it either gives the year away or asks relative to it), as are "When had ...?" (an
//!   earlier time than the fact's) and the present tense "When does/is ...?" (a recurring date, not a year).
//!   An answer is right when it writes at least one year and every year it writes is accepted: "Sept 1905"
//!   and "1905-09-05" are right for 1905; "1904–1905" is right only when both years are accepted (a span
//!   asked as a whole), so hedging is never rewarded.
//! - **Name** — "Who ...?" or "Which <person noun> ...?" ("Which tsar", "Which Japanese prime minister").
//!   "Who is/was <Name>?" asks for a description and "Who won/lost ...?" for a side, so neither is quizzable.
//!   The key is the fact's keywords shaped like a person's name (capitalised words, no acronym, no country,
//!   people, place-kind or institution word) that the passage mentions and the question does not; a one-word
//!   keyword counts when the passage puts a given name or title before it ("Premier Nikolai Bulganin").
//!   Spellings in other scripts that follow an accepted keyword in the list, and Latin variants of it, are
//!   accepted too; Japanese names are also accepted in reversed order. For "Which tsar ...?" the people the
//!   passage titles so ("Tsar Alexander I") are preferred; when the question itself names a person ("Who sent
//!   Laxman?") and several others remain, which one is meant is a matter of grammar and the question is
//!   skipped. An answer is right when one of its words is a name's distinctive word (its last word, or the
//!   word before a particle as in "Catherine the Great") of 4 letters or more, or when it has all the name's
//!   words; words are compared folded, with the typos [`crate::search::typo_budget`] allows (one from 5
//!   letters, two from 9) and the right first letter. So "Putjatin" names Putyatin, "Putin" does not, and
//!   "Japan" never names anyone.
//! - **Number** — "How many/much ...?", "What percentage/percent/share/proportion ...?". The key is every
//!   quantity in the passage, in digits or words ("two"; "8–9%" gives 8 and 9), except years, days of months,
//!   labels ("Article 9"), numbers glued to names ("Sakhalin-2") and numbers the question names; a "What
//!   share ...?" question keeps percentages only, and numbers in words are dropped below ten when the passage
//!   also writes digits ("the two countries"). Of the passage's sentences, only those best matching the
//!   question's rarer words are used ("in November 2025" picks that sentence's figure). More than 3 left
//!   makes the question ambiguous: it is skipped. An answer is right when it writes a number and every number
//!   it writes (years that match nothing aside) matches the key: within 2% (so "about 20 million" for 19.8
//!   million), or equal to the key rounded to the answer's own precision when the answer has two significant
//!   figures or more ("84%" for 83.9%, "1,200" for 1,234). Rounding to one figure is not enough ("80%" for
//!   83.9% is wrong), and small counts must be exact.
//!
//! A known limit: a number key takes every figure of the best-matching sentences, so a sentence giving
//! both countries' populations accepts either for "How many people live in Japan?".
//!
//! [`pool`] collects every quizzable question; [`draw`] picks rounds from distinct facts.

mod names;
mod text;
mod translated;

pub use translated::translated_questions;

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::knowledge::{Fact, KnowledgeBase, When};
use crate::lang::Lang;
use crate::search::{fold, words};

/// What a question's answer is, and so how answers to it are graded.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerKey {
    /// Any of these years (two for a span asked as a whole).
    Year(Vec<i32>),
    /// Any of these names: the people the passage names, with their other spellings.
    Name(Vec<String>),
    /// Any of these quantities.
    Number(Vec<f64>),
}

/// A question to post, with the fact it comes from and the key to grade answers by.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizQuestion {
    /// The id of the fact whose passage and citations answer it.
    pub fact_id: String,
    /// The question as stored in the fact.
    pub question: String,
    /// How answers are graded.
    pub key: AnswerKey,
    /// The language of the question, and of the passage that reveals its answer.
    pub lang: Lang,
}

/// The relative tolerance for numbers: the rounding error of a number given to two significant figures
/// is up to 5%, but rounding is handled exactly (see the module docs), so this only absorbs "about".
const NUMBER_TOLERANCE: f64 = 0.02;
/// More accepted numbers than this and a question is too ambiguous to quiz.
const MAX_NUMBERS: usize = 3;

impl AnswerKey {
    /// The answer to show after a round: "1905", "Yevfimy Putyatin", "83.9".
    ///
    /// ```
    /// use nichiro::quiz::AnswerKey;
    /// assert_eq!(AnswerKey::Year(vec![1904, 1905]).describe(), "1904–1905");
    /// assert_eq!(AnswerKey::Name(vec!["Yevfimy Putyatin".into(), "Putyatin".into()]).describe(), "Yevfimy Putyatin");
    /// assert_eq!(AnswerKey::Number(vec![83.9, 17_291.0]).describe(), "83.9 or 17,291");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            AnswerKey::Year(years) if years.len() == 2 => format!("{}–{}", years[0], years[1]),
            AnswerKey::Year(years) => join(years.iter().map(i32::to_string).collect()),
            AnswerKey::Name(names) => {
                let latin: Vec<&String> =
                    names.iter().filter(|n| n.is_ascii() || !has_cjk_or_cyrillic(n)).collect();
                let candidates = if latin.is_empty() { names.iter().collect() } else { latin };
                let mut shown: Vec<String> = Vec::new();
                for name in candidates {
                    if !shown.iter().any(|s| names::names(name, s) || names::names(s, name)) {
                        shown.push(name.clone());
                    }
                }
                shown.join(" / ")
            }
            AnswerKey::Number(values) => join(values.iter().map(|v| format_number(*v)).collect()),
        }
    }

    /// Whether a typed answer is right (see the module docs for the rules).
    ///
    /// ```
    /// use nichiro::quiz::AnswerKey;
    /// assert!(AnswerKey::Year(vec![1905]).accepts("in 1905!"));
    /// assert!(!AnswerKey::Year(vec![1905]).accepts("1904"));
    /// assert!(AnswerKey::Name(vec!["Yevfimy Putyatin".into()]).accepts("it was Putjatin"));
    /// assert!(!AnswerKey::Name(vec!["Yevfimy Putyatin".into()]).accepts("Putin"));
    /// assert!(AnswerKey::Number(vec![1200.0]).accepts("1,200"));
    /// assert!(AnswerKey::Number(vec![2.0]).accepts("two"));
    /// ```
    pub fn accepts(&self, answer: &str) -> bool {
        match self {
            AnswerKey::Year(years) => {
                let written = text::years(answer);
                !written.is_empty() && written.iter().all(|y| years.contains(y))
            }
            AnswerKey::Name(names) => {
                names.iter().any(|n| names::names(answer, n)) && !names::hedges(answer, names)
            }
            AnswerKey::Number(values) => {
                let matches = |q: &text::Quantity| values.iter().any(|&v| number_matches(q, v));
                let relevant: Vec<text::Quantity> = text::quantities(answer, 0.0)
                    .into_iter()
                    .filter(|q| !q.year_like || matches(q))
                    .collect();
                !relevant.is_empty() && relevant.iter().all(matches)
            }
        }
    }
}

fn has_cjk_or_cyrillic(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// "a", "a or b", "a, b or c".
fn join(items: Vec<String>) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A number as people write it: "83.9", "17,291", "19.8 million", "5.179 trillion".
fn format_number(value: f64) -> String {
    for (name, scale, decimals) in [("trillion", 1e12, 3), ("billion", 1e9, 3), ("million", 1e6, 1)] {
        let mantissa = value / scale;
        let rounded = (mantissa * 10f64.powi(decimals)).round() / 10f64.powi(decimals);
        if mantissa.abs() >= 1.0 && (mantissa - rounded).abs() < 1e-9 {
            return format!("{} {name}", trim_number(rounded));
        }
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return if value < 0.0 { format!("-{out}") } else { out };
    }
    trim_number(value)
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Whether a typed quantity matches a key value: within [`NUMBER_TOLERANCE`], or the value rounded to
/// the answer's precision when the answer has two significant figures or more.
fn number_matches(typed: &text::Quantity, value: f64) -> bool {
    let diff = (typed.value - value).abs();
    let close = diff <= NUMBER_TOLERANCE * value.abs();
    let rounded = typed.significant >= 2 && diff <= typed.unit / 2.0 * (1.0 + 1e-9);
    close || rounded
}

/// The form of a question, which decides the kind of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Year,
    Name,
    Number,
}

/// Nouns after "which" that ask for a person.
const PERSON_NOUNS: &[&str] = &[
    "person",
    "people",
    "man",
    "woman",
    "leader",
    "leaders",
    "tsar",
    "emperor",
    "empress",
    "king",
    "queen",
    "president",
    "premier",
    "minister",
    "pm",
    "official",
    "officials",
    "politician",
    "diplomat",
    "envoy",
    "ambassador",
    "general",
    "admiral",
    "commander",
    "royal",
    "prince",
    "princess",
    "secretary",
    "chancellor",
    "actor",
    "writer",
    "explorer",
    "navigator",
    "monarch",
    "ruler",
];
const QUESTION_WORDS: &[&str] = &["why", "what", "how", "when", "who", "where", "which"];

/// The form of `question`, or `None` when it is not one a quiz can grade.
fn form(question: &str) -> Option<Form> {
    let q = question.trim();
    if !q.ends_with('?') {
        return None;
    }
    let w = words(q);
    let compound = w.windows(2).skip(1).any(|p| p[0] == "and" && QUESTION_WORDS.contains(&p[1].as_str()));
    if compound {
        return None;
    }
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    let raw_second = q.split_whitespace().nth(2).and_then(|s| s.chars().next());
    match (at(0), at(1), at(2)) {
        ("when", "had" | "does" | "do" | "is" | "are", _) => None,
        ("when", ..) | ("what", "year", _) | ("in", "what" | "which", "year") => Some(Form::Year),
        ("who", "won" | "lost", _) => None,
        ("who", "is" | "was" | "are" | "were", _) if raw_second.is_some_and(char::is_uppercase) => None,
        ("who", ..) => Some(Form::Name),
        ("which", ..) if w.iter().skip(1).take(3).any(|x| PERSON_NOUNS.contains(&x.as_str())) => {
            Some(Form::Name)
        }
        ("how", "many" | "much", _) => Some(Form::Number),
        ("what", "percentage" | "percent" | "share" | "proportion" | "fraction", _) => Some(Form::Number),
        _ => None,
    }
}

/// The key for `question` asked about `fact`, or `None` when the question is not quizzable.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let fact = kb.fact("treaty-of-shimoda-1855").unwrap();
/// let key = nichiro::quiz::key_for(fact, "Who signed the Treaty of Shimoda?").unwrap();
/// assert!(key.accepts("Putyatin") && !key.accepts("Shimoda"));
/// assert_eq!(nichiro::quiz::key_for(fact, "treaty of shimoda"), None);
/// ```
pub fn key_for(fact: &Fact, question: &str) -> Option<AnswerKey> {
    let key = match form(question)? {
        Form::Year => AnswerKey::Year(year_key(fact, question)?),
        Form::Name => {
            let words = words(question);
            let which = words.first().is_some_and(|w| w == "which");
            let nouns: Vec<String> = words
                .into_iter()
                .skip(1)
                .take(3)
                .filter(|w| which && PERSON_NOUNS.contains(&w.as_str()))
                .collect();
            AnswerKey::Name(names::answer_names(fact, question, &nouns))
        }
        Form::Number => AnswerKey::Number(number_key(fact, question)?),
    };
    let empty = match &key {
        AnswerKey::Year(v) => v.is_empty(),
        AnswerKey::Name(v) => v.is_empty(),
        AnswerKey::Number(v) => v.is_empty(),
    };
    (!empty && !key.accepts(question)).then_some(key)
}

const END_WORDS: &[&str] = &["end", "ended", "ends", "finish", "finished", "last", "until"];
const START_WORDS: &[&str] = &["start", "started", "begin", "began", "first"];

fn year_key(fact: &Fact, question: &str) -> Option<Vec<i32>> {
    if !text::quantities(question, 0.0).is_empty() {
        return None;
    }
    let asked = words(question);
    let asks = |list: &[&str]| asked.iter().any(|w| list.contains(&w.as_str()));
    // "When was the war?" asks for the whole span; "When did Obuchi visit?" for its start.
    let whole = matches!(asked.get(1).map(String::as_str), Some("was" | "were"));
    let years = match fact.when? {
        When::On(d) => vec![d.year()],
        When::Span(_, Some(to)) if asks(END_WORDS) => vec![to.year()],
        When::Span(from, Some(to)) if whole && !asks(START_WORDS) && to.year() != from.year() => {
            vec![from.year(), to.year()]
        }
        When::Span(from, _) => vec![from.year()],
    };
    let written = text::years(&fact.passage);
    let kept: Vec<i32> = years.into_iter().filter(|y| written.contains(y)).collect();
    (!kept.is_empty()).then_some(kept)
}

fn number_key(fact: &Fact, question: &str) -> Option<Vec<f64>> {
    let asked: Vec<f64> = text::quantities(question, 0.0).into_iter().map(|q| q.value).collect();
    let share = matches!(words(question).get(1).map(String::as_str), Some(w) if SHARE_WORDS.contains(&w));
    let has_digits = text::passage_quantities(&fact.passage).iter().any(|s| !s.in_words);
    let keep = |s: &text::Stated| {
        !asked.contains(&s.value) && (!s.in_words || !has_digits || s.value >= 10.0) && (s.percent || !share)
    };
    let sentences = text::sentences(&fact.passage);
    let scores = sentence_scores(&sentences, question);
    let stated: Vec<Vec<f64>> = sentences
        .iter()
        .map(|s| text::passage_quantities(s).iter().filter(|q| keep(q)).map(|q| q.value).collect())
        .collect();
    let best =
        (0..sentences.len()).filter(|&i| !stated[i].is_empty()).map(|i| scores[i]).fold(f64::MIN, f64::max);
    let mut values: Vec<f64> = Vec::new();
    for (i, found) in stated.iter().enumerate() {
        if scores[i] == best {
            values.extend(found.iter().filter(|v| !values.contains(v)).collect::<Vec<_>>());
        }
    }
    (!values.is_empty() && values.len() <= MAX_NUMBERS).then_some(values)
}

/// Second words of "What ...?" questions that ask for a percentage.
const SHARE_WORDS: &[&str] = &["percentage", "percent", "share", "proportion", "fraction"];

/// Everyday English words, which say nothing about which sentence a question is about.
pub(crate) static STOP: LazyLock<HashSet<String>> =
    LazyLock::new(|| stop_words::get("en").iter().map(|w| fold(w)).collect());

/// The content words of `text` (3 letters or more, no everyday word) cut to 5 letters, so that forms
/// of one word meet ("Buddhist", "Buddhism").
fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(w) && !SHARE_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// How well each sentence matches the question: the question's content words it has, each weighted by
/// one over the number of sentences having it, so that a word only one sentence has ("November")
/// points at that sentence. Ties keep every tied sentence.
fn sentence_scores(sentences: &[&str], question: &str) -> Vec<f64> {
    let asked = content_words(question);
    let in_sentence: Vec<Vec<String>> = sentences.iter().map(|s| content_words(s)).collect();
    let df = |w: &String| in_sentence.iter().filter(|s| s.contains(w)).count().max(1) as f64;
    in_sentence.iter().map(|s| asked.iter().filter(|w| s.contains(w)).map(|w| 1.0 / df(w)).sum()).collect()
}

/// Every quizzable question in `lang` of the base, or of one section (matched ignoring case and
/// surrounding space), in fact order.
///
/// ```
/// use nichiro::lang::Lang;
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let russian = nichiro::quiz::pool_in(&kb, None, Lang::Ru);
/// assert!(!russian.is_empty() && russian.iter().all(|q| q.lang == Lang::Ru));
/// ```
pub fn pool_in(kb: &KnowledgeBase, section: Option<&str>, lang: Lang) -> Vec<QuizQuestion> {
    if lang == Lang::En {
        return pool(kb, section);
    }
    let wanted = section.map(|s| fold(s.trim()));
    kb.facts()
        .iter()
        .filter(|f| wanted.as_ref().is_none_or(|s| fold(f.section.trim()) == *s))
        .flat_map(|f| translated_questions(f, lang))
        .collect()
}

/// Every quizzable English question of the base, or of one section (matched ignoring case and
/// surrounding space), in fact order.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let all = nichiro::quiz::pool(&kb, None);
/// let kurils = nichiro::quiz::pool(&kb, Some("  the kuril ISLANDS and sakhalin today "));
/// assert!(!kurils.is_empty() && kurils.len() < all.len());
/// assert!(nichiro::quiz::pool(&kb, Some("no such section")).is_empty());
/// ```
pub fn pool(kb: &KnowledgeBase, section: Option<&str>) -> Vec<QuizQuestion> {
    let wanted = section.map(|s| fold(s.trim()));
    kb.facts()
        .iter()
        .filter(|f| wanted.as_ref().is_none_or(|s| fold(f.section.trim()) == *s))
        .flat_map(|f| {
            f.questions.iter().filter_map(move |q| {
                key_for(f, q).map(|key| QuizQuestion {
                    fact_id: f.id.clone(),
                    question: q.clone(),
                    key,
                    lang: Lang::En,
                })
            })
        })
        .collect()
}

/// `rounds` questions from distinct facts (fewer if the pool has fewer facts), in an order and with a
/// choice of question per fact that depend only on `seed`.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let pool = nichiro::quiz::pool(&kb, None);
/// let rounds = nichiro::quiz::draw(&pool, 5, 42);
/// assert_eq!(rounds.len(), 5);
/// assert_eq!(rounds, nichiro::quiz::draw(&pool, 5, 42));
/// ```
pub fn draw(pool: &[QuizQuestion], rounds: usize, seed: u64) -> Vec<QuizQuestion> {
    let mut facts: Vec<&str> = Vec::new();
    for q in pool {
        if !facts.contains(&q.fact_id.as_str()) {
            facts.push(&q.fact_id);
        }
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    rng.shuffle(&mut facts);
    facts
        .into_iter()
        .take(rounds)
        .filter_map(|id| {
            let choices: Vec<&QuizQuestion> = pool.iter().filter(|q| q.fact_id == id).collect();
            choices.get(rng.usize(..choices.len().max(1))).map(|q| (*q).clone())
        })
        .collect()
}

#[cfg(test)]
mod tests;
