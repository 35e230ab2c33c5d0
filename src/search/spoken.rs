//! Years said in words, as voice input and some typists write them: "eighteen ninety one" is 1891,
//! "nineteen oh five" 1905, "eighteen fifty-five" 1855, "in two thousand and sixteen" 2016, "twenty
//! twenty two" 2022. Read as the year in digits, a question names the year it is about; word by
//! word it named nothing ("ninety" is in no fact) and weighed as words the base lacks. Forms that
//! may be counts ("eighteen twenty", "two thousand five") are years only after "in", "since" and
//! the like.

use super::normalize::{Kind, Term};

/// The numbers from zero to twenty, and the tens, in words.
#[rustfmt::skip]
const SMALL: [&str; 21] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The value of a number word ("two", "thirty"), if it is one.
pub(crate) fn number_word(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    let small = SMALL.iter().position(|s| *s == w).map(|n| n as f64);
    small.or_else(|| TENS.iter().position(|s| *s == w).map(|n| (n as f64 + 2.0) * 10.0))
}

/// The whole number a word says, if it is one.
fn whole(word: Option<&&str>) -> Option<u32> {
    word.and_then(|w| number_word(w)).map(|n| n as u32)
}

/// The value of a number from 0 to 99 said in `words` from their start ("ninety one", "oh five",
/// "twelve"), and how many words it took; `None` for anything else. A lone unit counts only after
/// "oh": "eighteen five" is no year.
fn two_digits(words: &[&str]) -> Option<(u32, usize)> {
    let unit = |w: Option<&&str>| whole(w).filter(|n| (1..=9).contains(n));
    match whole(words.first()) {
        Some(tens) if tens >= 20 && tens % 10 == 0 => {
            Some(unit(words.get(1)).map_or((tens, 1), |u| (tens + u, 2)))
        }
        Some(teen) if (10..20).contains(&teen) => Some((teen, 1)),
        Some(_) => None,
        None if matches!(words.first(), Some(&("oh" | "o"))) => unit(words.get(1)).map(|u| (u, 2)),
        None => None,
    }
}

/// The words that say a year's century, and the century.
const CENTURIES: [(&str, u32); 4] = [("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20)];

/// The year said at the start of `words`, how many words it took, and whether it can only be a
/// year: a century ("seventeen" to "nineteen", or "twenty" before a number of ten or more) and two
/// digits, the century and "hundred (and)" two digits, or "two thousand (and)" a number. "Eighteen
/// ninety one" and "nineteen oh five" can only be years; "eighteen twenty" may be two counts ("how
/// many ships, eighteen, twenty or thirty?") and "two thousand five" a count of men.
fn year(words: &[&str]) -> Option<(u32, usize, bool)> {
    let first = *words.first()?;
    let century = match CENTURIES.iter().find(|(word, _)| *word == first) {
        Some(&(_, century)) => century,
        None if first == "two" && words.get(1) == Some(&"thousand") => {
            let and = usize::from(words.get(2) == Some(&"and"));
            let unit = || whole(words.get(2 + and)).filter(|n| (1..=9).contains(n)).map(|n| (n, 1));
            let (n, used) = two_digits(&words[2 + and..]).or_else(unit)?;
            return Some((2000 + n, 2 + and + used, false));
        }
        None => return None,
    };
    let (hundred, rest) = match words.get(1) {
        Some(&"hundred") => {
            let and = usize::from(words.get(2) == Some(&"and"));
            (true, 2 + and)
        }
        _ => (false, 1),
    };
    let (n, used) = two_digits(words.get(rest..)?)?;
    // "twenty one" is 21; "twenty twenty two" and "twenty fifteen" are years.
    if century == 20 && (hundred || n < 10) {
        return None;
    }
    Some((century * 100 + n, rest + used, used == 2))
}

/// Words before a number that make it a year ("in eighteen twenty", "since two thousand five").
const YEAR_CUES: &[&str] =
    &["in", "of", "since", "by", "from", "until", "till", "after", "before", "year", "early", "late", "mid"];

/// Words after a number that make it a count: "two thousand five hundred soldiers".
const SCALES: &[&str] = &["hundred", "thousand", "million", "billion", "percent"];

/// Rewrites each year said in words in `terms` (words as [`super::normalize::tokenize`] gives them)
/// as one number term. The words it was said in go, with their hyphenated compound ("ninety-one"
/// also gives "ninetyone"), which would otherwise stay a word the base lacks.
pub(super) fn years_in_words(terms: &mut Vec<Term>) {
    let starts = |t: &Term| t.surface == "two" || CENTURIES.iter().any(|(word, _)| t.surface == *word);
    if !terms.iter().any(|t| !t.joined && starts(t)) {
        return;
    }
    let mut at = 0;
    while at < terms.len() {
        if terms[at].joined || !starts(&terms[at]) {
            at += 1;
            continue;
        }
        if let Some((value, end)) = year_at(terms, at) {
            let text = value.to_string();
            terms[at] = Term { surface: text.clone(), text, kind: Kind::Number, joined: false };
            terms.drain(at + 1..end);
        }
        at += 1;
    }
}

/// The year said from `terms[at]`, and the end of its terms (its compound's included), if the
/// words there say one and what stands around them lets it be a year.
fn year_at(terms: &[Term], at: usize) -> Option<(u32, usize)> {
    // The words from here on, and where each stands among the terms.
    let (places, words): (Vec<usize>, Vec<&str>) = (at..terms.len())
        .filter(|&k| !terms[k].joined)
        .take(7)
        .map(|k| (k, terms[k].surface.as_str()))
        .unzip();
    let (value, used, sure) = year(&words)?;
    let before = terms[..at].iter().rev().find(|t| !t.joined).map(|t| t.surface.as_str());
    let count = words.get(used).is_some_and(|w| SCALES.contains(w));
    if count || (!sure && !before.is_some_and(|w| YEAR_CUES.contains(&w))) {
        return None;
    }
    let last = *places.get(used.checked_sub(1)?)?;
    let end = (last + 1..terms.len()).find(|&k| !terms[k].joined).unwrap_or(terms.len());
    // "eighteen forty-five-year-olds": the compound goes on past the year's words.
    let tail: String = words[used.saturating_sub(2)..used].concat();
    let compound = terms[end..].iter().find(|t| t.joined);
    if end < terms.len()
        && end == last + 1
        && compound.is_some_and(|t| t.surface.starts_with(&tail) && t.surface != tail)
    {
        return None;
    }
    Some((value, end))
}

#[cfg(test)]
mod tests {
    use crate::search::normalize::tokenize;

    fn texts(question: &str) -> Vec<String> {
        tokenize(question).into_iter().filter(|t| !t.joined).map(|t| t.text).collect()
    }

    #[test]
    fn spoken_years_read_as_digits() {
        assert!(texts("attacked in eighteen ninety one and").contains(&"1891".to_string()));
        assert!(texts("nineteen oh five").contains(&"1905".to_string()));
        assert!(texts("in eighteen fifty-five").contains(&"1855".to_string()));
        assert!(texts("in two thousand and sixteen").contains(&"2016".to_string()));
        assert!(texts("twenty twenty two").contains(&"2022".to_string()));
        assert!(texts("nineteen forty five the russo-japanese").contains(&"1945".to_string()));
        assert!(texts("nineteen forty five").contains(&"1945".to_string()));
        assert!(texts("eighteen hundred and fifty five").contains(&"1855".to_string()));
        assert!(texts("seventeen ninety two").contains(&"1792".to_string()));
        assert_eq!(texts("in nineteen twelve").len(), 2);
    }

    #[test]
    fn spoken_years_drop_the_compound() {
        let terms = tokenize("in eighteen ninety-one");
        assert!(terms.iter().all(|t| !t.surface.contains("ninety")), "{terms:?}");
    }

    #[test]
    fn spoken_years_not_from_counts() {
        let year = |q: &str| texts(q).iter().any(|t| t.parse::<u32>().is_ok_and(|n| n >= 1000));
        assert!(!year("twenty one ships"));
        assert!(!year("eighteen people died"));
        assert!(!year("two thousand soldiers"));
        assert!(!year("eighteen five"));
        assert!(year("in eighteen ninety"));
        assert!(!year("eighteen ninety"), "two counts, without a word that makes it a year");
        assert!(!year("two thousand five hundred soldiers landed"));
        assert!(!year("how many ships sank, eighteen, twenty or thirty?"));
        assert!(!year("eighteen forty-five-year-olds"));
        assert!(year("since two thousand and five"));
    }
}
