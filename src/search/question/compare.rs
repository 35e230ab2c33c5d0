//! What a question compares its subject with ("did Japan ban Russian seafood *like the US did*",
//! "is it the same as Pearl Harbor"): a name it brings in for comparison is no part of what the
//! question is about, and the answer need not have it.

use super::super::normalize::Term;

/// How much a name brought in for comparison counts: a fact that has it is no likelier the answer.
pub(super) const COMPARED_FACTOR: f32 = 0.3;

/// The most words a compared thing runs to ("the Soviet Union").
const MOST_WORDS: usize = 3;

/// Words that always bring in something to compare with ("*unlike* Germany", "*similar to* …"); not
/// "compared to", which asks for both sides ("how many Japanese soldiers compared to the Americans").
const PAIRS: &[(&str, &str)] = &[("same", "like"), ("same", "as"), ("similar", "to")];

/// Verbs that close a clause of comparison after "like" ("like Hitler *wanted*", "like the US *did*");
/// without one, "like" gives examples ("literature like Tolstoy"). They also end a compared thing
/// after "unlike" ("unlike Germany, *did* Japan pay").
const CLAUSE_VERBS: &[&str] =
    &["did", "does", "do", "done", "wanted", "wants", "had", "has", "have", "said", "says", "was", "were"];

/// Words that start another clause: a verb after one closes that clause, not a comparison ("did
/// people like Gorbachev *when* he was in power").
const CLAUSE_OPENERS: &[&str] =
    &["when", "while", "who", "where", "why", "how", "what", "which", "if", "because"];

/// For each word, whether it names what the question compares its subject with: the words after
/// "unlike" or a pair of [`PAIRS`] (up to [`MOST_WORDS`], ending at a verb), or the words between
/// "like" and a verb that closes the clause. Not "as", which more often joins clauses ("as the Soviet
/// army advanced"). Empty when the question compares nothing, most of them.
pub(super) fn compared(plain: &[&Term]) -> Vec<bool> {
    let word = |k: usize| plain.get(k).map_or("", |t| t.surface.as_str());
    let mut flags = Vec::new();
    for k in 0..plain.len() {
        let opens_pair = PAIRS.iter().any(|&(a, b)| word(k) == a && word(k + 1) == b);
        let span = if opens_pair || word(k) == "unlike" {
            let start = if opens_pair { k + 2 } else { k + 1 };
            let last = (start + MOST_WORDS).min(plain.len());
            Some((start, (start..last).find(|&v| CLAUSE_VERBS.contains(&word(v))).unwrap_or(last)))
        } else if word(k) == "like" && word(k.wrapping_sub(1)) != "same" {
            (k + 2..=k + 1 + MOST_WORDS)
                .take_while(|&v| !CLAUSE_OPENERS.contains(&word(v)))
                .find(|&v| CLAUSE_VERBS.contains(&word(v)))
                .map(|v| (k + 1, v))
        } else {
            None
        };
        if let Some((start, end)) = span.filter(|&(s, e)| s < e) {
            flags.resize(plain.len(), false);
            flags[start..end].iter_mut().for_each(|f| *f = true);
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        super::super::words_marked(text, compared)
    }

    #[test]
    fn compared_like_a_clause() {
        assert_eq!(marked("did it ban Russian seafood like the US did?"), ["the", "usa"]);
        assert_eq!(marked("why didn't Japan attack like Hitler wanted"), ["hitler"]);
    }

    #[test]
    fn compared_same_as_and_unlike() {
        assert_eq!(marked("is it same like pearl harbor"), ["pearl", "harbor"]);
        assert_eq!(marked("unlike Germany, did Japan pay"), ["germany"]);
    }

    #[test]
    fn compared_none_for_examples() {
        assert!(marked("did russian literature like tolstoy and dostoevsky influence japan").is_empty());
        assert!(marked("who won the war").is_empty());
        assert!(marked("Did Japanese people like Gorbachev when he was in power?").is_empty());
        assert!(marked("What did Japan do as the Soviet army was advancing?").is_empty());
        assert!(marked("Did China as well as Russia have a say?").is_empty());
    }
}
