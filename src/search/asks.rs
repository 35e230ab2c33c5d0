//! What a question asks for, from its question words: a date, a figure, a cause, a person, yes or
//! no; whether it asks about the present; and whether it asks for a judgement or a "what if" rather
//! than a fact.

use super::lexicon;
use super::normalize::{Kind, Term, fold, stem, tokenize};
use super::question::chat_spellings;
use super::vocab::{Class, class_of};
use crate::lang::Lang;
pub(crate) use stance::LANGUAGES;
use stance::{is_counterfactual, is_instructions, is_opinion, is_prediction, is_translation, is_verbatim};

mod stance;

/// What kind of answer a question asks for, from its question words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asks {
    /// Nothing in particular ("what was the Neutrality Pact", keywords).
    Anything,
    /// A person ("who").
    Person,
    /// A date or year ("when", "what year").
    Time,
    /// A place ("where").
    Place,
    /// A figure ("how many", "what percentage").
    Quantity,
    /// A cause ("why", "what caused").
    Reason,
    /// Yes or no ("did", "was", "is").
    YesNo,
    /// An event ("what happened").
    Event,
    /// A judgement, not a fact ("was it justified", "do you think", "should Japan have").
    Opinion,
    /// What would have happened otherwise ("what if", "would have").
    Counterfactual,
    /// A text word for word ("the exact wording of Article 9"): the fact base holds what texts
    /// say, with their sources, not the texts.
    Verbatim,
    /// What will happen ("will they ever sign a treaty", "when will the war end").
    Prediction,
    /// How to say something in a language ("how do you say thank you in Russian"): a phrasebook's
    /// answer, not a fact about the relationship.
    Translation,
    /// What the asker should do ("how do I get a visa", "where can I buy tickets"): steps, not a
    /// fact about the relationship.
    Instructions,
}

impl Asks {
    /// Whether the question asks for something other than a fact (a judgement, what would have
    /// happened or will happen, a text word for word): the base declines and offers related facts.
    pub(crate) fn not_a_fact(self) -> bool {
        matches!(
            self,
            Asks::Opinion
                | Asks::Counterfactual
                | Asks::Verbatim
                | Asks::Prediction
                | Asks::Translation
                | Asks::Instructions
        )
    }
}

/// The words of a question as written (folded), without the joined halves of compounds.
pub(crate) fn surfaces(tokens: &[Term]) -> Vec<&str> {
    tokens.iter().filter(|t| !t.joined).map(|t| t.surface.as_str()).collect()
}

/// What a question in `lang` asks for, and whether it asks about the present. A question that
/// tells its context first ("My friend gets upset when I call them … Is there a difference?")
/// asks what its question sentence asks; the context's "when" asks nothing.
pub(crate) fn asks_and_present(lang: Lang, text: &str, tokens: &[Term], words: &[&str]) -> (Asks, bool) {
    let sentence = asking_sentence(text);
    if sentence.len() < text.len() {
        let tokens = read_now(chat_spellings(tokenize(sentence)));
        let own = asks_and_present_of(lang, sentence, &tokens, &surfaces(&tokens));
        // "In a lecture today …" tells when the asker heard of it, not what time is asked about;
        // but a sentence cut at an abbreviation ("… St. Petersburg?") may hold no question word.
        if own.0 != Asks::Anything {
            return own;
        }
    }
    asks_and_present_of(lang, text, tokens, words)
}

fn asks_and_present_of(lang: Lang, text: &str, tokens: &[Term], words: &[&str]) -> (Asks, bool) {
    match lang {
        Lang::Ja => {
            let folded = fold(text);
            (lexicon::asks_japanese(&folded), lexicon::japanese_present(&folded))
        }
        Lang::Ru => (lexicon::asks_russian(words), lexicon::russian_present(words)),
        Lang::En => (asks(tokens), asks_about_present(tokens)),
    }
}

/// Whether a question asks for both ends of a span of time ("when did the war start and end",
/// "いつからいつまで", "когда началась и когда закончилась"), from its words as written (folded) and,
/// in Japanese, its text: a fact of one day gives only one of them.
pub(crate) fn asks_span(lang: Lang, text: &str, words: &[&str]) -> bool {
    const STARTS: &[&str] = &["start", "started", "begin", "began", "началась", "начался", "началось"];
    const ENDS: &[&str] = &["end", "ended", "finish", "finished", "закончилась", "закончился", "закончилось"];
    match lang {
        Lang::Ja => text.contains("いつからいつまで"),
        Lang::En | Lang::Ru => words.windows(3).any(|w| {
            let and = matches!(w[1], "and" | "и");
            STARTS.contains(&w[0]) && and && (ENDS.contains(&w[2]) || w[2] == "когда")
        }),
    }
}

/// The kinds of answer that tell two questions about the same thing apart: a cause, against a
/// detail (a date, a person, a place, a figure, yes or no). "Why did the USSR declare war?" is
/// answered by a fact about its reasons, "When did the USSR declare war?" and "Did the USSR sign?"
/// by facts about what happened; a passage that gives one detail usually gives the others, so
/// details are not told apart.
fn distinct_kind(asks: Asks) -> Option<usize> {
    match asks {
        Asks::Reason => Some(0),
        Asks::Time | Asks::Person | Asks::Place | Asks::Quantity | Asks::YesNo => Some(1),
        _ => None,
    }
}

/// Per fact, which of its stored questions ask for a cause and which for a detail, a bit per
/// question slot each: a question that asks for the other is not that stored question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct KindSlots([u32; 2]);

impl KindSlots {
    /// Records that the stored question in `slot` asks for `asks`.
    pub fn set(&mut self, slot: usize, asks: Asks) {
        if let Some(k) = distinct_kind(asks) {
            self.0[k] |= 1 << slot;
        }
    }

    /// The slots whose stored questions ask for the other distinct kind than `asks` (none when
    /// `asks` is neither).
    pub fn other_than(self, asks: Asks) -> u32 {
        distinct_kind(asks).map_or(0, |k| self.0[1 - k])
    }

    /// Whether any stored question, in any language, asks for the kind `asks` is told apart by (a
    /// cause, or any detail: see [`distinct_kind`]).
    pub fn any_asks(self, asks: Asks) -> bool {
        distinct_kind(asks).is_some_and(|k| self.0[k] != 0)
    }
}

/// What a question in `lang` asks for, read as a user's question is read, from its tokens.
pub(crate) fn asks_in(lang: Lang, question: &str, tokens: Vec<Term>) -> Asks {
    let tokens = read_now(chat_spellings(tokens));
    asks_and_present(lang, question, &tokens, &surfaces(&tokens)).0
}

/// Whether a question, in any of the three languages, asks when something happened.
pub(crate) fn asks_when(question: &str) -> bool {
    asks_in(Lang::of_question(question), question, tokenize(question)) == Asks::Time
}

/// The first question sentence of a text (see [`context_and_question`]), when another comes before
/// it; else the whole text.
pub(crate) fn asking_sentence(text: &str) -> &str {
    context_and_question(text).map_or(text, |(_, sentence)| sentence)
}

/// What a text says before its first question sentence, and that sentence, when a question mark
/// ends one and another sentence comes before it ("Mexico trades with both. Which is bigger?"), or
/// when no question mark does and a question word opens the last sentence ("grandad never came
/// home. how many died in the camps") or a Japanese question closes it ("父は漁師でした。…ですか").
pub(crate) fn context_and_question(text: &str) -> Option<(&str, &str)> {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !ends(c) {
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let at_end = next.is_none_or(|n| n.is_whitespace() || c.len_utf8() > 1);
        if !at_end || next.is_some_and(ends) {
            continue;
        }
        let end = i + c.len_utf8();
        if matches!(c, '?' | '？') || c == '。' && super::parts::closes_japanese_question(&text[..i]) {
            let start = if start > 0 { start } else { japanese_context_end(&text[..end]).unwrap_or(0) };
            return (start > 0).then(|| (&text[..start], text[start..end].trim()));
        }
        start = end;
    }
    let last = text[start..].trim();
    // Only a last sentence after another is read (most texts are one sentence).
    let asks = || super::parts::opens_question(last) || super::parts::closes_japanese_question(last);
    (start > 0 && asks()).then(|| (&text[..start], last))
}

/// Where the asker's own clause ends in a Japanese question of one sentence ("ゴールデンカムイ読んで
/// るんだけど、樺太って…？"): after its last けど, when a question of more than six characters follows.
fn japanese_context_end(sentence: &str) -> Option<usize> {
    let at = sentence.rfind("けど")? + "けど".len();
    let rest = sentence[at..].trim_start_matches(['、', ',', ' ']);
    let start = sentence.len() - rest.len();
    (rest.chars().filter(|c| !c.is_ascii()).count() > 6).then_some(start)
}

/// The kind of answer the question words ask for. When a question has several ("who tried to kill
/// the prince when he visited"), the first one asks it; the others start clauses.
pub(crate) fn asks(tokens: &[Term]) -> Asks {
    let words = surfaces(tokens);
    if is_counterfactual(&words) {
        return Asks::Counterfactual;
    }
    if is_opinion(&words) {
        return Asks::Opinion;
    }
    if is_verbatim(&words) {
        return Asks::Verbatim;
    }
    if is_prediction(&words) {
        return Asks::Prediction;
    }
    if is_translation(&words) {
        return Asks::Translation;
    }
    if is_instructions(&words) {
        return Asks::Instructions;
    }
    let at = |w: &str| words.iter().position(|x| *x == w);
    let pair = |a: &str, bs: &[&str]| words.windows(2).position(|w| w[0] == a && bs.contains(&w[1]));
    // In order of precedence when two stand at the same place.
    let kinds = [
        (
            Asks::Reason,
            first(&[
                at("why"),
                pair("what", &["caused", "causes", "cause", "led"]),
                pair("how", &["come"]),
                words.iter().position(|w| REASONS.contains(w)),
            ]),
        ),
        (Asks::Time, first(&[at("when"), what_asks(&words, TIMES), pair("which", TIMES)])),
        (
            Asks::Quantity,
            first(&[
                pair("how", &["many", "long", "far", "big", "large", "close", "old"]),
                words.windows(3).position(|w| w[..2] == ["how", "much"] && !DEGREES.contains(&w[2])),
                pair("how", &["much"]).filter(|&n| n + 2 == words.len()),
                what_asks(&words, FIGURES),
            ]),
        ),
        (Asks::Person, first(&[at("who"), at("whom"), at("whose")])),
        (Asks::Place, at("where")),
        (Asks::Event, pair("what", &["happened", "happen", "occurred"])),
        (
            Asks::YesNo,
            (words.first().is_some_and(|w| YES_NO.contains(w)) && !is_request(&words)).then_some(0),
        ),
    ];
    match earliest_at(&kinds) {
        Some((at, _)) if starts_clause(&words, at) => Asks::Anything,
        found => found.map_or(Asks::Anything, |(_, kind)| kind),
    }
}

/// Where "what" asks for one of `nouns`, right after it ("what year") or across a verb and an
/// article ("what *was the exact date*", "what is the population"): the place of "what".
fn what_asks(words: &[&str], nouns: &[&str]) -> Option<usize> {
    const BETWEEN: &[&str] =
        &["was", "is", "were", "are", "the", "exact", "precise", "actual", "specific", "total"];
    // "the time *difference*", "the number *one* reason", "the century-*old* dispute", "the day
    // *like*": the noun is part of something else.
    const NOT_AFTER: &[&str] = &["difference", "differences", "zone", "zones", "one", "old", "like", "limit"];
    words.iter().enumerate().filter(|&(_, w)| *w == "what").find_map(|(at, _)| {
        let rest = &words[at + 1..];
        let gap = rest.iter().take_while(|w| BETWEEN.contains(w)).count();
        let noun = (gap == 0 || (2..=3).contains(&gap)) && rest.get(gap).is_some_and(|w| nouns.contains(w));
        (noun && !rest.get(gap + 1).is_some_and(|w| NOT_AFTER.contains(w))).then_some(at)
    })
}

/// Whether the cue at `at` is a question word that starts a clause of a question another word opens
/// ("what did Gorbachev sign *when* he came", "how did Tokyo react *when* …"): it asks nothing.
fn starts_clause(words: &[&str], at: usize) -> bool {
    const CLAUSE_WORDS: &[&str] = &["when", "who", "whom", "whose", "where", "why"];
    const OPENS: &[&str] = &["what", "how", "which"];
    at > 1
        && CLAUSE_WORDS.contains(&words[at])
        && OPENS.contains(&words[0])
        && !matches!(words[at - 1], "and" | "or" | "but")
}

/// The first of several places a cue was found at, if any.
pub(crate) fn first(found: &[Option<usize>]) -> Option<usize> {
    found.iter().flatten().min().copied()
}

/// The kind whose question word stands first (on a tie, the kind listed first): the others start
/// clauses or second questions.
pub(crate) fn earliest(kinds: &[(Asks, Option<usize>)]) -> Option<Asks> {
    earliest_at(kinds).map(|(_, kind)| kind)
}

/// [`earliest`] with the place of its question word.
fn earliest_at(kinds: &[(Asks, Option<usize>)]) -> Option<(usize, Asks)> {
    kinds.iter().filter_map(|&(kind, position)| Some((position?, kind))).min_by_key(|&(position, _)| position)
}

const REASONS: &[&str] = &["purpose", "purposes", "reason", "reasons", "motive", "motives", "aim", "aims"];
/// After "what" or "which": a question for a date ("which day").
const TIMES: &[&str] = &["year", "date", "decade", "century", "time", "day", "month"];
/// After "what": a question for a figure ("what percentage").
const FIGURES: &[&str] = &["percentage", "percent", "proportion", "share", "number", "population"];
/// After "which" or "what": a question for a place ("through which port"), which the answer names
/// (Maizuru) without the kind of place.
const PLACES: &[&str] =
    &["port", "city", "town", "village", "harbour", "harbor", "country", "place", "region"];

/// After "how much": a question about a degree, which no figure answers ("how much influence").
const DEGREES: &[&str] = &[
    "influence",
    "power",
    "control",
    "support",
    "impact",
    "sway",
    "pressure",
    "authority",
    "interest",
    "say",
];

/// The word right after "who", "which" or "what" when it is neither a function word nor a question
/// of time or number: the deed a "who" question asks about ("who won"), or the kind of thing a
/// "which" question asks for ("which treaty").
pub(crate) fn asked_about(tokens: &[Term]) -> Option<&str> {
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined && t.kind == Kind::Word).collect();
    let at = plain.iter().position(|t| matches!(t.surface.as_str(), "who" | "which" | "what"))?;
    // After a noun, "who" or "which" is a relative pronoun, not a question word ("the admiral who
    // negotiated it"): the words after it describe the answer, which need not use them.
    let relative = plain[at].surface != "what" && at > 0;
    if relative && class_of(&plain[at - 1].text, plain[at - 1].kind) != Class::Function {
        return None;
    }
    // "What was the weather like": the copula and the article stand between.
    let copula = |t: &&Term| matches!(t.surface.as_str(), "is" | "was" | "are" | "were");
    let article = |t: &&Term| matches!(t.surface.as_str(), "the" | "a" | "an");
    let mut next_at = at + 1;
    if plain.get(next_at).is_some_and(copula) && plain.get(next_at + 1).is_some_and(article) {
        next_at += 2;
    }
    let next = plain.get(next_at)?;
    // "which day", "what percentage", "which port": the kind of answer, which the answer need not name.
    let kind = [TIMES, FIGURES, PLACES].iter().any(|words| words.contains(&next.surface.as_str()));
    (!kind && class_of(&next.text, next.kind) == Class::Content).then_some(next.surface.as_str())
}

/// The words a question for a number counts ("how many *troops*", "how much *money*", "сколько
/// *войск*"), up to two content words right after its question words: a figure beside them answers.
pub(crate) fn counted(tokens: &[Term]) -> Vec<&str> {
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined && t.kind == Kind::Word).collect();
    let english = plain
        .windows(2)
        .position(|w| w[0].surface == "how" && matches!(w[1].surface.as_str(), "many" | "much"));
    let after = english
        .map(|at| at + 2)
        .or_else(|| plain.iter().position(|t| t.surface == "сколько").map(|at| at + 1));
    let Some(after) = after else { return Vec::new() };
    plain[after..]
        .iter()
        .take(2)
        .filter(|t| class_of(&t.text, t.kind) == Class::Content)
        .map(|t| t.surface.as_str())
        .collect()
}

/// A judgement between two ("the better admiral, Togo or Nelson").
fn has_comparative(words: &[&str]) -> bool {
    const COMPARATIVES: &[&str] = &[
        "better", "worse", "greater", "stronger", "weaker", "smarter", "braver", "nicer", "cooler", "best",
        "worst",
    ];
    words.iter().any(|w| COMPARATIVES.contains(w))
}

/// "Can someone explain …", "could you tell me …": a request, which asks what its clause asks,
/// not yes or no.
fn is_request(words: &[&str]) -> bool {
    const MODALS: &[&str] = &["can", "could", "would", "will"];
    const WHOM: &[&str] = &["you", "u", "someone", "anyone", "somebody", "anybody", "ya"];
    matches!(words, [first, second, ..] if MODALS.contains(first) && WHOM.contains(second))
}

/// Words that open a yes/no question.
const YES_NO: &[&str] = &[
    "is", "are", "was", "were", "did", "does", "do", "can", "could", "has", "have", "had", "will", "would",
    "should", "isn", "aren", "wasn", "didn", "doesn",
];

/// Ways of saying "now" in several words, or in a word the fact base lacks, each read as "now": they
/// say when a question is about, not what, and "these days" would otherwise weigh as "days", and
/// "nowadays" as a word of another subject.
const NOW_PHRASES: &[&[&str]] = &[
    &["nowadays"],
    &["these", "days"],
    &["this", "year"],
    &["at", "the", "moment"],
    &["right", "now"],
    &["as", "of", "now"],
];

/// The question's words with each way of saying "now" ([`NOW_PHRASES`]) read as the word "now".
pub(crate) fn read_now(tokens: Vec<Term>) -> Vec<Term> {
    if !tokens.iter().any(|t| NOW_PHRASES.iter().any(|p| p[0] == t.surface)) {
        return tokens;
    }
    let mut out: Vec<Term> = Vec::with_capacity(tokens.len());
    let mut rest = &tokens[..];
    while let Some(first) = rest.first() {
        let at = |p: &[&str]| {
            p.len() <= rest.len() && p.iter().zip(rest).all(|(w, t)| !t.joined && t.surface == *w)
        };
        match NOW_PHRASES.iter().find(|p| at(p)) {
            Some(phrase) => {
                out.push(Term {
                    text: stem("now"),
                    kind: Kind::Word,
                    joined: false,
                    surface: "now".to_string(),
                });
                rest = &rest[phrase.len()..];
            }
            None => {
                out.push(first.clone());
                rest = &rest[1..];
            }
        }
    }
    out
}

/// English words that say "now" ("nowadays" and "these days" are read as "now" first, [`read_now`]).
pub(crate) const NOW: &[&str] = &["current", "currently", "now", "today", "presently", "present", "latest"];

/// Whether the question asks how things stand now: "current", "today", "still", or "who is the
/// president" (a role asked in the present tense).
pub(crate) fn asks_about_present(tokens: &[Term]) -> bool {
    // "Is it still …" asks about now; "were they still …" about a time gone by.
    const STILL: &[&str] = &["still", "anymore"];
    const PAST: &[&str] = &["was", "were", "did", "had", "wasn", "weren", "didn"];
    const ROLES: &[&str] = &[
        "president",
        "prime",
        "pm",
        "leader",
        "head",
        "ambassador",
        "minister",
        "governor",
        "mayor",
        "emperor",
        "premier",
        "chairman",
        "ruler",
    ];
    let words = surfaces(tokens);
    if words.iter().any(|w| NOW.contains(w)) {
        return true;
    }
    if words.iter().any(|w| STILL.contains(w)) && !words.iter().any(|w| PAST.contains(w)) {
        return true;
    }
    // "How long has Putin been in power?": a state that lasts until now.
    let perfect = words
        .iter()
        .enumerate()
        .any(|(i, w)| matches!(*w, "has" | "have") && words[i + 1..].iter().take(4).any(|w| *w == "been"));
    if perfect {
        return true;
    }
    let role_in_present = words.windows(3).any(|w| {
        matches!(w[0], "who" | "whos")
            && matches!(w[1], "is" | "are" | "the")
            && ROLES.iter().any(|r| w.contains(r))
    });
    role_in_present
        || words.windows(4).any(|w| w[0] == "who" && w[1] == "is" && w[2] == "the" && ROLES.contains(&w[3]))
}

#[cfg(test)]
mod tests;
