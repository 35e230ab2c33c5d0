//! Words that tell who asks and why, around the question: "for my *ENEM* revision", "our *AP*
//! teacher". What stands between "my" and the word of study is the asker's exam or class, not
//! what the question is about.

use super::super::normalize::Term;
use super::super::vocab::is_english_asker;

/// The most words between "my" or "our" and the word of study ("my AP world history exam").
const MOST_BETWEEN: usize = 3;

/// Words of study that are no asker words everywhere (a law's "revision" is a subject): after
/// "my" they are the asker's, and skipped with the words before them.
const STUDY: &[&str] = &["revision", "revisions", "finals", "midterm", "midterms", "olympiad"];

/// For each word, whether it names the asker's own exam or class: it stands after "my" or "our"
/// and before a word of study ([`is_english_asker`], [`STUDY`]) within [`MOST_BETWEEN`] words.
/// Where the asker says they come from is theirs too ([`where_from`]). Empty (no word is) for a
/// question with neither, most of them.
pub(super) fn asker_context(plain: &[&Term]) -> Vec<bool> {
    let from = where_from(plain);
    if from.is_none() && !plain.iter().any(|t| matches!(t.surface.as_str(), "my" | "our")) {
        return Vec::new();
    }
    let mut context = vec![false; plain.len()];
    if let Some(k) = from {
        context[k] = true;
    }
    for (at, t) in plain.iter().enumerate() {
        if !matches!(t.surface.as_str(), "my" | "our") {
            continue;
        }
        let last = (at + 1 + MOST_BETWEEN).min(plain.len().saturating_sub(1));
        let study =
            |k: usize| is_english_asker(&plain[k].surface) || STUDY.contains(&plain[k].surface.as_str());
        if let Some(end) = (at + 2..=last).find(|&k| study(k)) {
            let end = if STUDY.contains(&plain[end].surface.as_str()) { end + 1 } else { end };
            context[at + 1..end].iter_mut().for_each(|c| *c = true);
        }
    }
    context
}

/// Where the asker says they come from ("I am from *Brazil*", "I'm from the *Philippines*"): the
/// asker's country, not what the question is about.
fn where_from(plain: &[&Term]) -> Option<usize> {
    let word = |k: usize| plain[k].surface.as_str();
    // "I'm" reads as "i" (its "'m" is no word); "am I from …" asks, it does not say.
    let says = |k: usize| match (k.checked_sub(2).map(word), word(k - 1)) {
        (Some("i"), "am") | (_, "im") => true,
        (before, "i") => before != Some("am"),
        _ => false,
    };
    let from = (1..plain.len()).find(|&k| word(k) == "from" && says(k))? + 1;
    let k = if from < plain.len() && word(from) == "the" { from + 1 } else { from };
    (k < plain.len()).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn marked(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
        let flags = asker_context(&plain);
        plain.iter().zip(flags).filter(|(_, m)| *m).map(|(t, _)| t.surface.clone()).collect()
    }

    #[test]
    fn asker_context_where_the_asker_is_from() {
        assert_eq!(marked("Hello, I am from Brazil. What was the Krasnoyarsk summit?"), ["brazil"]);
        assert_eq!(marked("I'm from the Philippines, when did the war end"), ["philippines"]);
        assert!(marked("What am I from the list?").is_empty());
    }

    #[test]
    fn asker_context_between_my_and_the_exam() {
        assert_eq!(marked("When was it? its for my ENEM revision"), ["enem", "revision"]);
        assert_eq!(marked("for our AP world history exam"), ["ap", "world", "history"]);
        assert!(marked("my teacher says Witte won").is_empty(), "nothing between");
        assert!(
            marked("my grandfather fought at Mukden in the war of 1905 and studied").is_empty(),
            "too far"
        );
    }
}
