//! Questions that ask for no fact of the base: a judgement, a "what if", a prediction, a text word for
//! word, a translation, or steps for the asker to take.

use super::*;

/// "What if", "if … had", "would have": a question about what did not happen.
pub(super) fn is_counterfactual(words: &[&str]) -> bool {
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

/// Question words that ask for a fact of a kind (what, when, who …).
const ASKING: &[&str] = &["when", "what", "who", "how", "where", "which"];

/// "Will they ever …", "when will …", "is it going to …", "in the future": what will happen, which
/// no fact says; "will you tell me" is a request.
pub(super) fn is_prediction(words: &[&str]) -> bool {
    // Not "why": "why won't Russia give them back" asks the cause of a refusal.
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
pub(super) fn is_translation(words: &[&str]) -> bool {
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
pub(super) fn is_instructions(words: &[&str]) -> bool {
    const READING: &[&str] = &["learn", "read", "find", "study"];
    // Where to find out is a fact the base may hold ("where can I look up the names of the dead");
    // how to check something ("how can I check my visa status") is steps.
    const LOOKING_UP: &[&str] = &["look", "search", "check", "trace"];
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
            && !(w[0] == "where" && LOOKING_UP.contains(&w[3]))
            && !way(&w[3..])
    };
    let how_to = words.len() > 2 && words[..2] == ["how", "to"] && words[2] != "say" && !way(&words[2..]);
    (0..words.len()).any(asking) || how_to
}

/// "word for word", "the exact text", "verbatim": the words of a text, not what it says; and "the full
/// crew list", "the complete roster": every name of a list, which no passage holds.
pub(super) fn is_verbatim(words: &[&str]) -> bool {
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
            && !(w[3].bytes().all(|b| b.is_ascii_digit())
                || crate::search::slot::NUMBER_WORDS.contains(&w[3]))
    });
    words.windows(3).any(|w| w == ["word", "for", "word"])
        || every_name
        || words.contains(&"verbatim")
        || pair("exact", &["text", "wording", "words", "quote", "quotation"])
        || pair("full", &["text", "wording"])
        || whole_list
}

/// "Would Japan have surrendered …", "might the war have ended sooner": a modal opening the
/// question, or a clause after an "if" ("if Japan attacked in 1941, would Germany have won"), and,
/// after its subject, "have" before a past participle. Not "could": "Could the war have been
/// avoided?" asks what historians find about the chances there were, which facts tell.
fn modal_then_perfect(words: &[&str]) -> bool {
    const SUBJECT: usize = 4;
    // "if you know", "if possible": the asker's aside, not a condition of the past.
    const ASIDE: &[&str] = &[
        "you", "u", "i", "im", "i'm", "anyone", "anybody", "someone", "possible", "so", "any", "anything",
        "not", "memory",
    ];
    let if_at = words.windows(2).position(|w| w[0] == "if" && !ASIDE.contains(&w[1]));
    let perfect_after = |at: usize| {
        words.iter().skip(at + 1).take(SUBJECT + 1).position(|w| *w == "have").is_some_and(|i| {
            words
                .get(at + i + 2)
                .is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || *w == "won" || *w == "lost")
        })
    };
    words.iter().enumerate().any(|(at, w)| {
        // "if Stalin promised at Yalta, when would the Soviets have entered": a question of fact.
        let asking = |w: &str| ASKING.contains(&w) || w == "why";
        let after_if = if_at.is_some_and(|i| i < at) && !asking(words[at - 1]);
        matches!(*w, "would" | "might") && (at == 0 || after_if) && perfect_after(at)
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
pub(super) fn is_opinion(words: &[&str]) -> bool {
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
        || pair("you", &["think", "believe", "reckon", "agree"])
        || pair("hot", &["take"])
        // A question sentence of one word after a claim: "… a proxy against Russia. Agree?"
        || matches!(words, ["agree" | "thoughts" | "opinions" | "discuss"])
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
