//! Which words of a question are names: capitalised words, lower-case names with a noun such as
//! "war", items of a list, and names joined by "and".

use super::Concept;
use crate::search::index::Inverted;
use crate::search::normalize::{Kind, Term, tokenize};
use crate::search::titles::Span;

/// Marks that end an item of a list, or the start of a route, written onto its last word ("China,",
/// "Vladivostok→").
const ITEM_ENDS: &[char] = &[',', ';', '—', '–', '→', '⇒'];
/// The same standing between words ("China — India", "Vladivostok -> Sakhalin", "A / B").
const ITEM_BREAKS: &[&str] = &["—", "–", "-", "→", "->", "=>", "⇒", "/"];

/// The terms of the words a comma, semicolon, dash or arrow follows: an item of a list, or the
/// start of a route ("Vladivostok → Sakhalin"), ends there.
pub(super) fn list_items(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let ends = |k: usize| {
        words[k].ends_with(ITEM_ENDS) || words.get(k + 1).is_some_and(|next| ITEM_BREAKS.contains(next))
    };
    (0..words.len())
        .filter(|&k| ends(k))
        .flat_map(|k| tokenize(words[k]).into_iter().map(|t| t.text))
        .collect()
}

/// Words that join two things a question asks about alike ("Sakhalin-1 and Sakhalin-2"); "&" is no
/// word to the tokenizer.
const COORDINATORS: &[&str] = &["and", "or", "и", "или", "と", "や"];

/// Marks each concept that a coordinator joins to the concept just before it.
pub(super) fn join_coordinated(plain: &[&Term], concepts: &mut [Concept], spans: &[Span]) {
    for pair in spans.windows(2) {
        let [(start, len, a), (next, _, b)] = [pair[0], pair[1]];
        let between = plain.get(start + len).map(|t| t.surface.as_str());
        if next == start + len + 1 && a != b && between.is_some_and(|w| COORDINATORS.contains(&w)) {
            concepts[b].joined_to = a as u16 + 1;
        }
    }
}

/// Nouns that, after a name, make one name with it: "korean war", "shimoda treaty".
/// Not "battle" or "islands": lower-case askers write "tsushima battle" for the base's "Battle of
/// Tsushima", a name in another order.
const NAME_HEADS: &[&str] =
    &["war", "treaty", "pact", "incident", "declaration", "conference", "agreement", "crisis", "revolution"];

/// For a question typed all in lower case, where capitals cannot show its names: per word of
/// `plain`, whether it is part of a name of several words, a noun such as "war" and the words
/// before it that the base's passages capitalise ("korean war"). Empty when the question has
/// capitals.
pub(super) fn lowercase_names(index: &Inverted, text: &str, plain: &[&Term]) -> Vec<bool> {
    if text.chars().any(char::is_uppercase) || !text.is_ascii() {
        return Vec::new();
    }
    let proper = |t: &Term| {
        t.kind == Kind::Word && index.term_id(&t.text).is_some_and(|id| index.terms[id as usize].proper)
    };
    let proper: Vec<bool> = plain.iter().map(|t| proper(t)).collect();
    let mut named = vec![false; plain.len()];
    for (k, t) in plain.iter().enumerate().skip(1) {
        if proper[k - 1] && NAME_HEADS.contains(&t.surface.as_str()) {
            named[k] = true;
            (0..k).rev().take_while(|&j| proper[j]).for_each(|j| named[j] = true);
        }
    }
    named
}

/// Terms of the words written capitalised other than at the start of a sentence; none when most
/// words are capitalised (Title Case, ALL CAPS), where capitals say nothing about names.
pub(super) fn proper_nouns(question: &str) -> Vec<String> {
    let words: Vec<&str> = question.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    // The first word is capitalised anyway; Title Case shows in the others.
    if words.iter().skip(1).filter(|w| capitalised(w)).count() * 2 > words.len().saturating_sub(1) {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut sentence_start = true;
    let mut noun_follows = false;
    for word in words {
        let named = capitalised(word) && !sentence_start;
        // Russian capitalises only the first word of a name: "Корейская война", "Холодная война".
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if named || (noun_follows && !bare.is_empty() && bare.chars().all(crate::lang::is_cyrillic)) {
            names.extend(tokenize(word).into_iter().map(|t| t.text));
        }
        noun_follows = named && russian_adjective(bare);
        // A sentence ends before the quotation mark, bracket or Discord markup that closes it too
        // ("… treaty.'", "**… 1945.**").
        sentence_start = word.trim_end_matches(CLOSERS).ends_with(['.', '?', '!', ':', '…']);
    }
    names
}

/// Quotation marks, brackets and Discord's markup that may close a sentence after its full stop.
const CLOSERS: &[char] = &['\'', '"', '’', '”', '»', ')', ']', '」', '』', '*', '_', '`', '~', '|'];

/// Whether a Russian word has a feminine, neuter or plural adjective's ending ("Корейская",
/// "Курильские"); masculine endings are left out, since they are also surnames' (Толстой, Невельской)
/// and the verb after a surname is no part of a name.
fn russian_adjective(word: &str) -> bool {
    const ENDINGS: [&str; 7] = ["ая", "яя", "ое", "ее", "ые", "ие", "ую"];
    // The endings are lower case whatever the word's first letter is.
    word.chars().all(|c| crate::lang::is_cyrillic(c) || c == '-') && ENDINGS.iter().any(|e| word.ends_with(e))
}
