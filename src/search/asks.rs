//! What a question asks for, from its question words: a date, a figure, a cause, a person, yes or
//! no; whether it asks about the present; and whether it asks for a judgement or a "what if" rather
//! than a fact.

use super::lexicon;
use super::normalize::{Kind, Term, fold, stem, tokenize};
use super::question::chat_spellings;
use super::vocab::{Class, class_of};
use crate::lang::Lang;

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

/// The first sentence of a text that ends in a question mark, when one ends there and another
/// comes before it; else the whole text.
fn asking_sentence(text: &str) -> &str {
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
        if matches!(c, '?' | '？') {
            return if start == 0 { text } else { text[start..end].trim() };
        }
        start = end;
    }
    text
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
        (Asks::Time, first(&[at("when"), pair("what", TIMES), pair("which", TIMES)])),
        (
            Asks::Quantity,
            first(&[
                pair("how", &["many", "long", "far", "big", "large", "close", "old"]),
                words.windows(3).position(|w| w[..2] == ["how", "much"] && !DEGREES.contains(&w[2])),
                pair("how", &["much"]).filter(|&n| n + 2 == words.len()),
                pair("what", FIGURES),
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
    earliest(&kinds).unwrap_or(Asks::Anything)
}

/// The first of several places a cue was found at, if any.
pub(crate) fn first(found: &[Option<usize>]) -> Option<usize> {
    found.iter().flatten().min().copied()
}

/// The kind whose question word stands first (on a tie, the kind listed first): the others start
/// clauses or second questions.
pub(crate) fn earliest(kinds: &[(Asks, Option<usize>)]) -> Option<Asks> {
    kinds
        .iter()
        .filter_map(|&(kind, position)| Some((position?, kind)))
        .min_by_key(|&(position, _)| position)
        .map(|(_, kind)| kind)
}

const REASONS: &[&str] = &["purpose", "purposes", "reason", "reasons", "motive", "motives", "aim", "aims"];
/// After "what" or "which": a question for a date ("which day").
const TIMES: &[&str] = &["year", "date", "decade", "century", "time", "day", "month"];
/// After "what": a question for a figure ("what percentage").
const FIGURES: &[&str] = &["percentage", "percent", "proportion", "share", "number", "population"];

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

/// "What if", "if … had", "would have": a question about what did not happen.
fn is_counterfactual(words: &[&str]) -> bool {
    let pair = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    // "If Japan had won", "if the USSR had never declared": "had" before a past participle.
    let participle = |w: &str| {
        w.ends_with("ed")
            || w.ends_with("en")
            || matches!(
                w,
                "been" | "never" | "not" | "won" | "lost" | "kept" | "made" | "got" | "gone" | "done" | "had"
            )
    };
    let if_had = words
        .iter()
        .position(|w| *w == "if")
        .is_some_and(|i| words[i..].windows(2).any(|w| w[0] == "had" && participle(w[1])));
    pair("what", "if")
        || if_had
        || ["would", "could", "might"].iter().any(|m| pair(m, "have") || pair(m, "ve"))
        || modal_then_perfect(words)
        || pair("would", "happen")
        || pair("would", "history")
        || words.first().is_some_and(|w| matches!(*w, "suppose" | "imagine"))
}

/// "Will they ever …", "when will …", "is it going to …", "in the future": what will happen, which
/// no fact says; "will you tell me" is a request.
fn is_prediction(words: &[&str]) -> bool {
    // Not "why": "why won't Russia give them back" asks the cause of a refusal.
    const ASKING: &[&str] = &["when", "what", "who", "how", "where", "which"];
    let pair = |a: &[&str], b: &str| words.windows(2).any(|w| a.contains(&w[0]) && w[1] == b);
    let will_at = words.iter().position(|w| *w == "will");
    (words.first() == Some(&"will") && !is_request(words))
        || pair(ASKING, "will")
        || will_at.is_some_and(|at| words[at..].contains(&"ever"))
        || (pair(&["going"], "to") && words.iter().any(|w| matches!(*w, "is" | "are" | "am")))
        || words.windows(3).any(|w| w == ["in", "the", "future"])
        || next_to_come(words)
}

/// "When is the next election", "going next summer": the next of something still to come. "The next
/// year" in a story of the past ("what happened the next year") is not.
fn next_to_come(words: &[&str]) -> bool {
    const PERIODS: &[&str] = &["year", "month", "week", "summer", "winter", "spring", "autumn", "decade"];
    // "who's the next …" reaches here as "who the next …".
    let is = |w: &str| matches!(w, "is" | "are" | "who" | "when" | "what" | "where");
    words.windows(3).any(|w| is(w[0]) && w[1] == "the" && w[2] == "next")
        || words
            .windows(2)
            .enumerate()
            .any(|(at, w)| w[0] == "next" && PERIODS.contains(&w[1]) && (at == 0 || words[at - 1] != "the"))
}

/// Languages as English names them, for requests to say something in one.
pub(crate) const LANGUAGES: &[&str] =
    &["russian", "japanese", "english", "french", "german", "chinese", "korean"];

/// "How do you say … in Russian", "how to say … in Japanese", "translate …": a request for words in a
/// language. ("What is Kunashiri called in Russian?" asks for a name the base gives.)
fn is_translation(words: &[&str]) -> bool {
    // "how do you say", "how to say", "how would I say"; not "how did Putin say".
    let asked = |at: usize| {
        (at.saturating_sub(3)..at).any(|i| {
            words[i] == "how"
                && words
                    .get(i + 1)
                    .is_some_and(|w| matches!(*w, "do" | "does" | "to" | "would" | "can" | "could"))
        })
    };
    let say = words.iter().position(|w| *w == "say").filter(|&at| asked(at));
    let in_language =
        |from: usize| words[from..].windows(2).any(|w| w[0] == "in" && LANGUAGES.contains(&w[1]));
    say.is_some_and(in_language) || words.first().is_some_and(|w| matches!(*w, "translate" | "translation"))
}

/// "How do I …", "how can I …", "where can I …", "how to get a visa" opening a question: what the
/// asker should do. Not where to read more, which the base's reading list answers, nor the way from
/// one place to another ("how do I get to Sakhalin"), which the facts on ferries and flights answer,
/// nor "how to" inside a question ("… more flexible on how to get the islands back"). (How to say
/// something in a language is [`is_translation`], checked first.)
fn is_instructions(words: &[&str]) -> bool {
    const READING: &[&str] = &["learn", "read", "find", "study"];
    let way = |w: &[&str]| {
        w.len() > 1 && matches!(w[0], "get" | "go" | "travel") && matches!(w[1], "to" | "from" | "there")
    };
    let asking = |at: usize| {
        let w = &words[at..];
        w.len() > 3
            && matches!(w[0], "how" | "where")
            && matches!(w[1], "do" | "can" | "could" | "would" | "should")
            && matches!(w[2], "i" | "we")
            && !READING.contains(&w[3])
            && !way(&w[3..])
    };
    let how_to = words.len() > 2 && words[..2] == ["how", "to"] && words[2] != "say" && !way(&words[2..]);
    (0..words.len()).any(asking) || how_to
}

/// "word for word", "the exact text", "verbatim": the words of a text, not what it says; and "the full
/// crew list", "the complete roster": every name of a list, which no passage holds.
fn is_verbatim(words: &[&str]) -> bool {
    let pair = |a: &str, bs: &[&str]| words.windows(2).any(|w| w[0] == a && bs.contains(&w[1]));
    let whole = |w: &str| matches!(w, "full" | "complete" | "entire" | "whole");
    let list = |w: &&str| matches!(*w, "list" | "lists" | "roster" | "rosters");
    // "full list", "full crew list": a list word at most two words after.
    let whole_list =
        words.iter().enumerate().any(|(i, w)| whole(w) && words[i + 1..].iter().take(2).any(list));
    // "the names of all the soldiers", not "the names of all four islands".
    let every_name = words.windows(4).any(|w| {
        w[..2] == ["names", "of"]
            && matches!(w[2], "all" | "every")
            && !(w[3].bytes().all(|b| b.is_ascii_digit()) || super::slot::NUMBER_WORDS.contains(&w[3]))
    });
    words.windows(3).any(|w| w == ["word", "for", "word"])
        || every_name
        || words.contains(&"verbatim")
        || pair("exact", &["text", "wording", "words", "quote", "quotation"])
        || pair("full", &["text", "wording"])
        || whole_list
}

/// "Would Japan have surrendered …", "might the war have ended sooner": a modal opening the
/// question and, after its subject, "have" before a past participle. Not "could": "Could the war
/// have been avoided?" asks what historians find about the chances there were, which facts tell.
fn modal_then_perfect(words: &[&str]) -> bool {
    const SUBJECT: usize = 4;
    matches!(words.first(), Some(&("would" | "might")))
        && words.iter().skip(1).take(SUBJECT + 1).position(|w| *w == "have").is_some_and(|i| {
            words
                .get(i + 2)
                .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || *w == "won" || *w == "lost")
        })
}

/// "your opinion", "your honest opinion", "your own view".
fn your_opinion(words: &[&str]) -> bool {
    const OPINIONS: &[&str] = &["opinion", "view", "views", "take"];
    words
        .iter()
        .enumerate()
        .any(|(i, w)| *w == "your" && words[i + 1..].iter().take(2).any(|next| OPINIONS.contains(next)))
}

/// Words that ask for a judgement rather than a fact: "do you think", "justified", "fair",
/// "to blame", "should Japan have".
fn is_opinion(words: &[&str]) -> bool {
    const JUDGEMENT: &[&str] = &[
        "justified",
        "justify",
        "unjustified",
        "fair",
        "unfair",
        "mistake",
        "naive",
        "fool",
        "villain",
        "villains",
        "morally",
        "deserve",
        "deserved",
        "overrated",
        "underrated",
        "guys",
        "patriot",
        "stupid",
        "dumb",
        "foolish",
        "idiot",
        "idiotic",
        "wise",
        "unwise",
        "smart",
        "clever",
        "incompetent",
        "evil",
        "shameful",
        "disgraceful",
    ];
    let pair = |a: &str, bs: &[&str]| words.windows(2).any(|w| w[0] == a && bs.contains(&w[1]));
    words.iter().any(|w| JUDGEMENT.contains(w))
        || words.first().is_some_and(|w| matches!(*w, "should" | "shouldn"))
        || pair("you", &["think", "believe", "reckon"])
        || your_opinion(words)
        || pair("better", &["off"])
        || pair("missed", &["chance", "opportunity"])
        || pair("worth", &["it"])
        || pair("good", &["idea"])
        || pair("bad", &["idea"])
        || pair("to", &["blame"])
        || pair("it", &["right", "wrong"])
        || pair("too", &["harsh", "soft", "weak", "lenient", "much", "little", "far"])
        || (words.first().is_some_and(|w| matches!(*w, "was" | "were" | "is" | "are"))
            && (pair("right", &["to"]) || pair("wrong", &["to"])))
        || (has_comparative(words) && words.contains(&"or"))
        || pair("best", &["book", "books"])
        || pair("best", RECOMMENDED)
        || pair("good", RECOMMENDED)
        || matches!(words, [.., "is" | "are", "best"])
}

/// What askers ask to have recommended ("a good documentary", "the best university"): a judgement,
/// not a fact of the base. Not "a good book", which the base's reading list answers.
#[rustfmt::skip]
const RECOMMENDED: &[&str] = &[
    "way", "movie", "movies", "film", "films", "option", "documentary", "documentaries", "podcast",
    "podcasts", "university", "universities", "anime", "series",
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
    // "which day", "what percentage": the kind of answer, which the answer need not name.
    let kind = TIMES.contains(&next.surface.as_str()) || FIGURES.contains(&next.surface.as_str());
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
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;
    use crate::search::question::chat_spellings;

    #[test]
    fn asks_prediction() {
        assert_eq!(asks_of("will japan and russia ever sign a peace treaty"), Asks::Prediction);
        assert_eq!(asks_of("When will the war in Ukraine end?"), Asks::Prediction);
        assert_eq!(asks_of("is the US going to keep troops in okinawa"), Asks::Prediction);
        assert_eq!(asks_of("if russia wins will it ever attack japan"), Asks::Prediction);
        assert_ne!(asks_of("Why won't Russia give back the Kuril Islands?"), Asks::Prediction);
        assert_ne!(asks_of("Will you tell me when the treaty was signed?"), Asks::Prediction);
        assert_ne!(asks_of("When was the Treaty of Portsmouth signed?"), Asks::Prediction);
        assert_eq!(asks_of("when is the next japanese election"), Asks::Prediction);
        assert_eq!(asks_of("who's the next prime minister of japan"), Asks::Prediction);
        assert_eq!(asks_of("can i visit sakhalin next summer"), Asks::Prediction);
        assert_ne!(asks_of("what did japan do the next year"), Asks::Prediction);
        assert_ne!(asks_of("what happened next after the battle"), Asks::Prediction);
    }

    fn asks_of(question: &str) -> Asks {
        asks(&chat_spellings(tokenize(question)))
    }

    fn present(question: &str) -> bool {
        asks_about_present(&read_now(chat_spellings(tokenize(question))))
    }

    fn about(question: &str) -> Option<String> {
        asked_about(&tokenize(question)).map(String::from)
    }

    #[test]
    fn asked_about_question_word() {
        assert_eq!(about("Who signed the treaty?").as_deref(), Some("signed"));
        assert_eq!(about("When was it signed and who signed it?").as_deref(), Some("signed"));
        assert_eq!(about("Putin got a dog right? what colour was it").as_deref(), Some("colour"));
        assert_eq!(about("What was the capital of Manchukuo?").as_deref(), Some("capital"));
        assert_eq!(about("What was signed in 1956?"), None);
    }

    #[test]
    fn kind_slots_cause_against_detail() {
        let mut kinds = KindSlots::default();
        kinds.set(0, Asks::Reason);
        kinds.set(1, Asks::Time);
        kinds.set(2, Asks::Person);
        kinds.set(3, Asks::Anything);
        kinds.set(4, Asks::YesNo);
        assert_eq!(kinds.other_than(Asks::Time), 0b0001);
        assert_eq!(kinds.other_than(Asks::Quantity), 0b0001);
        assert_eq!(kinds.other_than(Asks::Reason), 0b10110);
        assert_eq!(kinds.other_than(Asks::Anything), 0);
    }

    #[test]
    fn kind_slots_any_asks_a_cause() {
        let mut kinds = KindSlots::default();
        kinds.set(12, Asks::Time);
        assert!(!kinds.any_asks(Asks::Reason));
        kinds.set(13, Asks::Reason);
        assert!(kinds.any_asks(Asks::Reason));
        assert!(!kinds.any_asks(Asks::Anything));
    }

    #[test]
    fn asked_about_relative_pronoun() {
        assert_eq!(about("Name the Russian admiral who negotiated the Treaty of Shimoda."), None);
        assert_eq!(about("the treaty which ended the war"), None);
    }

    fn surfaces_of(question: &str) -> Vec<String> {
        read_now(tokenize(question)).into_iter().map(|t| t.surface).collect()
    }

    #[test]
    fn asking_sentence_after_context() {
        let text = "My friend gets upset when I call them the Kurils. Is there a difference?";
        assert_eq!(asking_sentence(text), "Is there a difference?");
        assert_eq!(asking_sentence("Who won? And when?"), "Who won? And when?");
        assert_eq!(asking_sentence("No question here. None at all."), "No question here. None at all.");
        assert_eq!(asking_sentence("友達が怒る。違いはある？"), "違いはある？");
    }

    #[test]
    fn read_now_phrases_become_now() {
        assert_eq!(surfaces_of("japan russia trade these days"), ["japan", "russia", "trade", "now"]);
        assert_eq!(surfaces_of("who rules at the moment"), ["who", "rules", "now"]);
        assert_eq!(surfaces_of("nowadays"), ["now"]);
    }

    #[test]
    fn read_now_leaves_other_days() {
        assert_eq!(surfaces_of("the days of the war"), ["the", "days", "of", "the", "war"]);
        assert_eq!(surfaces_of("at the start"), ["at", "the", "start"]);
    }

    #[test]
    fn present_in_several_words() {
        assert!(present("how much does japan trade with russia these days"));
        assert!(!present("how many days did the battle last"));
    }

    #[test]
    fn asks_question_words() {
        assert_eq!(asks_of("When was the treaty signed?"), Asks::Time);
        assert_eq!(asks_of("what year did the war end"), Asks::Time);
        assert_eq!(asks_of("What time did the attack begin?"), Asks::Time);
        assert_eq!(asks_of("On which day did the war start?"), Asks::Time);
        assert_eq!(asks_of("How many ships were sunk?"), Asks::Quantity);
        assert_eq!(asks_of("Why did Russia lose?"), Asks::Reason);
        assert_eq!(asks_of("laxman expedition purpose"), Asks::Reason);
        assert_eq!(asks_of("Who signed the treaty?"), Asks::Person);
        assert_eq!(asks_of("Did Japan win?"), Asks::YesNo);
        assert_eq!(asks_of("portsmouth treaty"), Asks::Anything);
    }
    #[test]
    fn asks_first_question_word_wins() {
        assert_eq!(asks_of("who tried to kill the prince when he visited japan"), Asks::Person);
        assert_eq!(asks_of("What happened when the Soviets entered Manchuria?"), Asks::Event);
        assert_eq!(asks_of("When did the war end and who won it?"), Asks::Time);
        assert_eq!(asks_of("Why did Japan attack when it did?"), Asks::Reason);
    }
    #[test]
    fn asks_how_much_of_a_degree_is_no_figure() {
        assert_eq!(asks_of("How much influence did Russia have in Korea?"), Asks::Anything);
        assert_eq!(asks_of("How much money did Japan pay?"), Asks::Quantity);
        assert_eq!(asks_of("Russia paid how much"), Asks::Quantity);
    }
    #[test]
    fn asks_request_is_no_yes_no() {
        assert_eq!(asks_of("Can someone explain what happened at the trial?"), Asks::Event);
        assert_eq!(asks_of("could you tell me why the talks failed"), Asks::Reason);
        assert_eq!(asks_of("Can Japan buy Russian gas?"), Asks::YesNo);
    }

    #[test]
    fn asks_chat_spellings() {
        assert_eq!(asks_of("wen did the war end"), Asks::Time);
        assert_eq!(asks_of("y did russia lose"), Asks::Reason);
    }

    #[test]
    fn counted_after_how_many_or_much() {
        let counted_in = |q: &str| counted(&tokenize(q)).into_iter().map(String::from).collect::<Vec<_>>();
        assert_eq!(counted_in("How many troops did Japan send?"), ["troops"]);
        assert_eq!(counted_in("how much money did japan pay"), ["money"]);
        assert_eq!(counted_in("сколько войск отправила Япония"), ["войск", "отправила"]);
        assert!(counted_in("How did Japan win?").is_empty());
        assert!(counted_in("how many?").is_empty());
    }

    #[test]
    fn asks_span_both_ends() {
        let span = |lang, text: &str| {
            let tokens = tokenize(text);
            asks_span(lang, text, &surfaces(&tokens))
        };
        assert!(span(Lang::En, "When did the Russo-Japanese War start and end?"));
        assert!(span(Lang::Ja, "シベリア出兵はいつからいつまで？"));
        assert!(span(Lang::Ru, "когда началась и когда закончилась русско-японская война"));
        assert!(!span(Lang::En, "When did the Russo-Japanese War start?"));
    }

    #[test]
    fn asks_opinions_and_counterfactuals() {
        assert_eq!(asks_of("Was the Siberian intervention justified?"), Asks::Opinion);
        assert_eq!(asks_of("Who was the better admiral, Togo or Nelson?"), Asks::Opinion);
        assert_eq!(asks_of("Should Russia give the islands back?"), Asks::Opinion);
        assert_eq!(asks_of("Who owns the islands? Give me your honest opinion."), Asks::Opinion);
        assert_eq!(asks_of("Was the 1991 visit a missed chance to solve it?"), Asks::Opinion);
        assert_eq!(asks_of("was the war worth it for japan"), Asks::Opinion);
        assert_eq!(asks_of("What if Russia had won the war?"), Asks::Counterfactual);
        assert_eq!(asks_of("What would have happened without Yalta?"), Asks::Counterfactual);
        assert_eq!(asks_of("Would Japan have surrendered without the bombs?"), Asks::Counterfactual);
        assert_eq!(asks_of("Was it stupid of Hatoyama to accept two islands?"), Asks::Opinion);
        assert_eq!(asks_of("Is there a good documentary about the Siberian internment?"), Asks::Opinion);
        assert_eq!(asks_of("what is the best university to study russian in japan"), Asks::Opinion);
        assert_ne!(asks_of("What is Kōdayū best known for?"), Asks::Opinion);
        assert_eq!(asks_of("where to study russian in japan, which university is best"), Asks::Opinion);
        assert_eq!(asks_of("Give me the full text of the Neutrality Pact"), Asks::Verbatim);
        assert_eq!(asks_of("what did the note say word for word"), Asks::Verbatim);
        assert_eq!(asks_of("full crew list of the cruiser varyag"), Asks::Verbatim);
        assert_eq!(asks_of("Is there a complete roster of the Diana's sailors?"), Asks::Verbatim);
        assert_ne!(asks_of("List the four disputed islands"), Asks::Verbatim);
        assert_ne!(asks_of("What was the full name of the 1956 declaration?"), Asks::Verbatim);
    }

    #[test]
    fn asks_translation_not_a_name() {
        assert_eq!(asks_of("how do you say thank you in russian"), Asks::Translation);
        assert_eq!(asks_of("how to say hello in japanese?"), Asks::Translation);
        assert_eq!(asks_of("translate good morning into russian"), Asks::Translation);
        assert_ne!(asks_of("What is Kunashiri called in Russian?"), Asks::Translation);
        assert_ne!(
            asks_of("how did putin say in japanese media that the islands were russian"),
            Asks::Translation
        );
    }

    #[test]
    fn asks_instructions_and_every_name() {
        assert_eq!(asks_of("how to get russian e visa for vladivostok step by step"), Asks::Instructions);
        assert_eq!(asks_of("how do i apply for a japanese student visa"), Asks::Instructions);
        assert_ne!(
            asks_of("Where can I learn more about relations between Japan and Russia?"),
            Asks::Instructions
        );
        assert_ne!(
            asks_of("are japanese people more flexible on how to get the islands back"),
            Asks::Instructions
        );
        assert_ne!(asks_of("how do i get to sakhalin from hokkaido"), Asks::Instructions, "the way there");
        assert_eq!(asks_of("list the names of all japanese soldiers who died at shumshu"), Asks::Verbatim);
        assert_ne!(asks_of("what are the names of all four islands"), Asks::Verbatim);
    }
    #[test]
    fn asks_facts_that_look_like_opinions() {
        // "the right to build", "Who did Yeltsin blame", "if they had a pact" are facts.
        assert_ne!(asks_of("How did Russia get the right to build a railway?"), Asks::Opinion);
        assert_ne!(asks_of("Who did Yeltsin blame for the delay?"), Asks::Opinion);
        assert_ne!(asks_of("why did the soviets attack japan if they had a pact"), Asks::Counterfactual);
        assert_ne!(asks_of("What did Russians think of Japan in 2018?"), Asks::Opinion);
        assert_ne!(asks_of("Could the war have been avoided by negotiation?"), Asks::Counterfactual);
        assert_ne!(asks_of("Would Japan join the talks in 1956?"), Asks::Counterfactual);
    }
    #[test]
    fn present_tense_markers() {
        assert!(present("Who is the president of Russia?"));
        assert!(present("who controls the islands now"));
        assert!(!present("Who was the Russian commander?"));
    }

    #[test]
    fn present_still_only_in_the_present_tense() {
        assert!(present("Is Putin still in power?"));
        assert!(present("does japan still buy russian gas"));
        assert!(!present("How many castaways were still with him?"));
        assert!(!present("did japan still trade with the soviets in 1980"));
    }

    #[test]
    fn present_perfect_lasts_until_now() {
        assert!(present("How long has Putin been in power?"));
        assert!(present("have the islands always been russian"));
        assert!(!present("How long had Putin been in power in 2012?"));
    }
}
