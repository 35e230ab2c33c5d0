//! Reading numbers, years and words out of passages, questions and typed answers.

use crate::search::{fold, number_word};

/// One piece of text: a number, a word (a run of letters in any script) or another symbol.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// Digits, with `,ddd` thousands groups and a decimal part allowed.
    Num(Written),
    /// A run of letters, as written.
    Word(String),
    /// Any other character that is not white space.
    Sym(char),
}

/// A number as written: its value and the place value of its last significant digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Written {
    pub value: f64,
    /// 1 for "84", 0.1 for "83.9", 10 for "80", 100 for "1,200".
    pub unit: f64,
    /// Significant digits: 2 for "84", 1 for "80", 3 for "83.9".
    pub significant: usize,
    /// Written as four plain digits from 1000 to 2999, as years are.
    pub year_like: bool,
}

/// A token and whether white space came before it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub gap: bool,
}

/// Splits `text` into numbers, words and symbols.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut gap = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let tok = if c.is_ascii_digit() {
            let (written, next) = read_number(&chars, i);
            i = next;
            Tok::Num(written)
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || is_mark(chars[i])) {
                i += 1;
            }
            Tok::Word(chars[start..i].iter().collect())
        } else {
            i += 1;
            Tok::Sym(c)
        };
        out.push(Token { tok, gap });
        gap = false;
    }
    out
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Reads digits from `start`: `1,200` (groups of exactly three), `83.9`; returns the end.
fn read_number(chars: &[char], start: usize) -> (Written, usize) {
    let digits_from = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = start + digits_from(start);
    let mut int: String = chars[start..i].iter().collect();
    let grouped = chars.get(i) == Some(&',') && digits_from(i + 1) == 3;
    while chars.get(i) == Some(&',') && i + 1 < chars.len() && digits_from(i + 1) == 3 {
        int.extend(&chars[i + 1..i + 4]);
        i += 4;
    }
    let mut frac = String::new();
    if chars.get(i) == Some(&'.') && i + 1 < chars.len() && chars[i + 1].is_ascii_digit() {
        let n = digits_from(i + 1);
        frac = chars[i + 1..i + 1 + n].iter().collect();
        i += 1 + n;
    }
    let value = format!("{int}.{frac}0").parse::<f64>().unwrap_or(f64::NAN);
    let int_trimmed = int.trim_start_matches('0');
    let (unit, significant) = if frac.is_empty() {
        let zeros = int_trimmed.len() - int_trimmed.trim_end_matches('0').len();
        (10f64.powi(zeros as i32), int_trimmed.trim_end_matches('0').len())
    } else {
        let lead = if int_trimmed.is_empty() { frac.len() - frac.trim_start_matches('0').len() } else { 0 };
        (10f64.powi(-(frac.len() as i32)), int_trimmed.len() + frac.len() - lead)
    };
    let year_like = !grouped && frac.is_empty() && int.len() == 4 && (1000.0..3000.0).contains(&value);
    (Written { value, unit, significant, year_like }, i)
}

const SCALES: [(&str, f64); 5] =
    [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Words after which a number is a label, not a quantity ("Article 9").
const LABELS: [&str; 10] = [
    "article",
    "articles",
    "section",
    "chapter",
    "no",
    "point",
    "clause",
    "paragraph",
    "resolution",
    "flight",
];

fn scale(tok: Option<&Token>) -> Option<f64> {
    match tok {
        Some(Token { tok: Tok::Word(w), gap: true }) => {
            let w = w.to_lowercase();
            SCALES.iter().find(|(s, _)| *s == w).map(|&(_, f)| f)
        }
        _ => None,
    }
}

fn word_at(toks: &[Token], i: Option<usize>) -> Option<String> {
    match i.and_then(|i| toks.get(i)) {
        Some(Token { tok: Tok::Word(w), .. }) => Some(w.to_lowercase()),
        _ => None,
    }
}

/// A quantity found in text: its value (scaled by "million" and the like) and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quantity {
    pub value: f64,
    pub unit: f64,
    pub significant: usize,
    pub year_like: bool,
    /// Followed by "%" or "percent", directly or at the end of a range ("7-8%").
    pub percent: bool,
}

/// Whether the number at `i` is glued to a name ("G7", "Sakhalin-2", "20th", "km2").
fn glued(toks: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(i + 1);
    let here_gap = toks[i].gap;
    // Japanese has no spaces: a number always stands against a word there ("1905年", "約600人").
    let latin_word = |t: Option<&Token>| matches!(t, Some(Token { tok: Tok::Word(w), .. }) if !w.chars().next().is_some_and(crate::lang::is_japanese));
    let word_before = latin_word(prev) && !here_gap;
    let hyphen_after_word = matches!(prev, Some(Token { tok: Tok::Sym('-'), gap: false }))
        && !here_gap
        && latin_word(i.checked_sub(2).map(|p| &toks[p]));
    let word_after = latin_word(next) && next.is_some_and(|t| !t.gap);
    word_before || hyphen_after_word || word_after
}

/// Every quantity written in `text`, in digits or (from "one" or "two" on, per `min_word`) in words.
pub(crate) fn quantities(text: &str, min_word: f64) -> Vec<Quantity> {
    let toks = tokens(&fold(text));
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let (written, factor) = match &t.tok {
            Tok::Num(w) if !glued(&toks, i) => (*w, scale(toks.get(i + 1)).or_else(|| range_scale(&toks, i))),
            Tok::Word(w) => match number_word(w) {
                Some(v) if v >= min_word => {
                    let written = Written { value: v, unit: 1.0, significant: 2, year_like: false };
                    (written, scale(toks.get(i + 1)))
                }
                _ => continue,
            },
            _ => continue,
        };
        let f = factor.unwrap_or(1.0);
        let percent = percent_after(&toks, i) || (starts_range(&toks, i) && percent_after(&toks, i + 2));
        out.push(Quantity {
            percent,
            value: written.value * f,
            unit: written.unit * f,
            significant: written.significant,
            year_like: written.year_like && factor.is_none() && !percent_after(&toks, i),
        });
    }
    out
}

/// Whether the number at `i` starts a range ("3–4", "3 to 4").
fn starts_range(toks: &[Token], i: usize) -> bool {
    let joiner = match toks.get(i + 1) {
        Some(Token { tok: Tok::Sym('-' | '–'), gap: false }) => true,
        Some(Token { tok: Tok::Word(w), gap: true }) => w == "to",
        _ => false,
    };
    joiner && matches!(toks.get(i + 2), Some(Token { tok: Tok::Num(_), .. }))
}

/// The scale of a range's second number, for its first ("3–4 billion", "3 to 4 billion").
fn range_scale(toks: &[Token], i: usize) -> Option<f64> {
    if starts_range(toks, i) { scale(toks.get(i + 3)) } else { None }
}

/// Whether the number at `i` is a day of a month: "7 February", "February 7", "17 to 23 October".
fn is_day(toks: &[Token], i: usize) -> bool {
    let month = |j: Option<usize>| word_at(toks, j).is_some_and(|w| MONTHS.contains(&w.as_str()));
    if month(i.checked_sub(1)) {
        return true;
    }
    for (j, t) in toks.iter().enumerate().skip(i + 1).take(4) {
        if month(Some(j)) {
            return true;
        }
        let joiner = match &t.tok {
            Tok::Num(_) => true,
            Tok::Word(w) => ["to", "and", "until"].contains(&w.to_lowercase().as_str()),
            Tok::Sym(c) => matches!(c, '-' | '–' | ','),
        };
        if !joiner {
            return false;
        }
    }
    false
}

fn percent_after(toks: &[Token], i: usize) -> bool {
    matches!(toks.get(i + 1), Some(Token { tok: Tok::Sym('%'), .. }))
        || word_at(toks, Some(i + 1)).is_some_and(|w| w == "percent")
}

/// A quantity a passage states, and whether it is spelt out in words ("eight").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stated {
    pub value: f64,
    pub in_words: bool,
    pub percent: bool,
}

/// The quantities in a passage a quiz may ask for: no years, days of months or labels like "Article 9".
pub(crate) fn passage_quantities(passage: &str) -> Vec<Stated> {
    let toks = tokens(&fold(passage));
    let mut kept: Vec<Stated> = Vec::new();
    let mut all = quantities(passage, 2.0).into_iter();
    for (i, t) in toks.iter().enumerate() {
        let in_words = match &t.tok {
            Tok::Num(_) if !glued(&toks, i) => false,
            Tok::Word(w) if number_word(w).is_some_and(|v| v >= 2.0) => true,
            _ => continue,
        };
        let Some(q) = all.next() else { break };
        let day = q.value.fract() == 0.0 && (1.0..=31.0).contains(&q.value) && is_day(&toks, i);
        let label = word_at(&toks, i.checked_sub(1)).is_some_and(|w| LABELS.contains(&w.as_str()));
        if !(q.year_like || day || label || kept.iter().any(|k| k.value == q.value)) {
            kept.push(Stated { value: q.value, in_words, percent: q.percent });
        }
    }
    kept
}

/// The sentences of a passage: split after `.`, `!` or `?` followed by white space.
pub(crate) fn sentences(passage: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = passage.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|(_, n)| n.is_whitespace());
        if end {
            out.push(&passage[start..=i]);
            start = i + 1;
        }
    }
    if !passage[start..].trim().is_empty() {
        out.push(&passage[start..]);
    }
    out
}

/// The years written in `text` as four plain digits.
pub(crate) fn years(text: &str) -> Vec<i32> {
    quantities(text, f64::INFINITY).into_iter().filter(|q| q.year_like).map(|q| q.value as i32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        quantities(text, 1.0).into_iter().map(|q| q.value).collect()
    }

    #[test]
    fn quantities_separators_decimals_scales_words() {
        assert_eq!(values("1,200 and 83.9% and 19.8 million"), [1200.0, 83.9, 19_800_000.0]);
        assert_eq!(values("two hundred, thirty"), [200.0, 30.0]);
    }

    #[test]
    fn quantities_skip_numbers_glued_to_names() {
        assert_eq!(values("Sakhalin-2, G7, the 20th, 8.4/km2"), [8.4]);
    }

    #[test]
    fn quantities_ranges_give_both_ends() {
        assert_eq!(values("8–9%"), [8.0, 9.0]);
        assert_eq!(values("1904-1905"), [1904.0, 1905.0]);
    }

    #[test]
    fn written_precision() {
        let q = |t: &str| quantities(t, 1.0)[0];
        assert_eq!((q("84").unit, q("84").significant), (1.0, 2));
        assert_eq!((q("80").unit, q("80").significant), (10.0, 1));
        assert_eq!(q("83.9").significant, 3);
        assert_eq!((q("1,200").unit, q("1,200").significant), (100.0, 2));
        assert!((q("0.05").unit - 0.01).abs() < 1e-12 && q("0.05").significant == 1);
    }

    #[test]
    fn passage_quantities_drop_years_days_labels() {
        let p = "From 17 to 23 October 1855, Article 9 gave 18 islands; some 17,291 people, about 8–9%, two.";
        let values: Vec<f64> = passage_quantities(p).iter().map(|s| s.value).collect();
        assert_eq!(values, [18.0, 17291.0, 8.0, 9.0, 2.0]);
        assert!(passage_quantities(p)[4].in_words && !passage_quantities(p)[0].in_words);
    }

    #[test]
    fn range_shares_scale_and_percent() {
        assert_eq!(values("$3–4 billion"), [3e9, 4e9]);
        assert_eq!(values("some 3 to 4 billion"), [3e9, 4e9]);
        assert!(quantities("7-8%", 1.0).iter().all(|q| q.percent));
        assert!(!quantities("7 of 8%", 1.0)[0].percent);
    }

    #[test]
    fn sentences_split_not_at_decimals() {
        assert_eq!(
            sentences("It was 83.9% in 2019. Then less! Why"),
            ["It was 83.9% in 2019.", " Then less!", " Why"]
        );
    }

    #[test]
    fn years_in_dates_and_ranges() {
        assert_eq!(years("1905-09-05"), [1905]);
        assert_eq!(years("Sept 1905, not 1,905 or 1905.5"), [1905]);
        assert_eq!(years("1904–1905"), [1904, 1905]);
    }
}
