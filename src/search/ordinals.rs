//! Numbers with an ending. Small ordinals written in digits, as words: "2nd Pacific Squadron" and
//! "2-я Тихоокеанская эскадра" meet "Second Pacific Squadron" and "Вторая Тихоокеанская эскадра",
//! and "1st Sino-Japanese War" the First; days of a month stay numbers ("9th August", "1-го
//! сентября"). And a Russian year said short ("в 45-м", "в 45м"): the year in full, read with the
//! number's characters.

use super::normalize::{Kind, Term, is_word_char, stem};

/// The ordinals from one to ten, in English and in Russian.
const ENGLISH: [&str; 10] =
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const RUSSIAN: [&str; 10] = [
    "первый",
    "второй",
    "третий",
    "четвертый",
    "пятый",
    "шестой",
    "седьмой",
    "восьмой",
    "девятый",
    "десятый",
];

/// The endings written after the digits: English "st", "nd", "rd", "th"; Russian after a hyphen
/// ("2-я", "2-й", "2-го"). Not "-х", "-м", "-е", which also end cardinals ("в 2-х словах").
const ENGLISH_ENDINGS: &[&str] = &["st", "nd", "rd", "th"];
const RUSSIAN_ENDINGS: &[&str] = &["й", "я", "ю", "го", "му", "ой", "ая", "ое", "ые", "ий", "ым", "ого"];

/// Rewrites each small ordinal in `terms` (a number from 1 to 10 and its ending) as the ordinal
/// word, unless a month stands beside it, where it is the day of a date.
pub(super) fn words_for_ordinals(terms: &mut Vec<Term>) {
    if !terms.iter().any(|t| t.kind == Kind::Number && t.text.len() <= 2) {
        return;
    }
    let month = |t: Option<&Term>| t.is_some_and(|t| super::slot::MONTHS.contains(&t.text));
    let mut at = 0;
    while at + 1 < terms.len() {
        let (number, ending) = (&terms[at], &terms[at + 1]);
        let value = match number.kind {
            Kind::Number => number.text.parse::<usize>().ok().filter(|n| (1..=10).contains(n)),
            _ => None,
        };
        let words = match ending.surface.as_str() {
            e if ENGLISH_ENDINGS.contains(&e) => &ENGLISH,
            e if RUSSIAN_ENDINGS.contains(&e) => &RUSSIAN,
            _ => {
                at += 1;
                continue;
            }
        };
        let after = terms.get(at + 2).filter(|t| t.surface != "of").or(terms.get(at + 3));
        let day = month(at.checked_sub(1).and_then(|k| terms.get(k))) || month(after);
        if let Some(n) = value.filter(|_| !day) {
            let word = words[n - 1];
            terms[at] = Term { text: stem(word), kind: Kind::Word, joined: false, surface: word.to_string() };
            terms.remove(at + 1);
        }
        at += 1;
    }
}

/// The endings of a Russian year said by its last two digits ("в 45-м", "с 38-го").
const SHORT_YEAR_ENDINGS: &[&str] = &["м", "го", "ом"];

/// Words after which a number of two digits is a year said short: seasons and months, as Russian
/// askers write them ("осенью 41", "в августе 45"), and "в" ("в кавана в 98?").
#[rustfmt::skip]
const BEFORE_SHORT_YEAR: &[&str] = &[
    "в", "осенью", "летом", "зимой", "весной", "январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
    "августе", "сентябре", "октябре", "ноябре", "декабре",
];

/// A year said short with `number`, which runs from `chars[start]` to before `chars[at]`: "45м",
/// "41-м" are 1945 and 1941, read as one number with its ending, as [`super::normalize`] reads a
/// decade ("1960-х"); so are "осенью 41", "в августе 45" and "в 98" at the end of a clause. Only 30 to 99,
/// which can only be the last century's ("в 22-м" may be 2022). The end of a span written short
/// ("1918–19") is read in its start's century ([`range_end`]). Any other number is returned as it is.
pub(super) fn short_year(chars: &[char], start: usize, number: String, at: usize) -> (String, usize) {
    if let Some(year) = range_end(chars, start, &number, at) {
        return (year, at);
    }
    if number.len() != 2 || !number.parse::<u32>().is_ok_and(|n| n >= 30) {
        return (number, at);
    }
    if let Some(end) = year_word_after(chars, at) {
        return (format!("19{number}"), end);
    }
    if (follows_year_cue(chars, start) && ends_clause(chars, at)) || after_apostrophe(chars, start) {
        return (format!("19{number}"), at);
    }
    let from = at + usize::from(chars.get(at) == Some(&'-'));
    let ending = SHORT_YEAR_ENDINGS.iter().map(|e| e.chars().collect::<Vec<_>>()).find(|e| {
        chars.get(from..from + e.len()) == Some(e.as_slice())
            && chars.get(from + e.len()).is_none_or(|c| !is_word_char(*c))
    });
    match ending {
        Some(e) => (format!("19{number}"), from + e.len()),
        None => (number, at),
    }
}

/// The year that two digits after a year and a dash stand for, as English writes a span short
/// ("1918–19", "1904-05" end in 1919 and 1905), the digits running from `chars[start]` to before
/// `chars[at]`; `None` unless they end a span forward, and for a date's month ("1905-09-05").
fn range_end(chars: &[char], start: usize, number: &str, at: usize) -> Option<String> {
    let month = chars.get(at).is_some_and(|c| matches!(c, '-' | '–' | '—'))
        && chars.get(at + 1).is_some_and(char::is_ascii_digit);
    let dash = start.checked_sub(1).filter(|&k| !month && matches!(chars[k], '-' | '–' | '—'))?;
    let from = dash.checked_sub(4)?;
    let year = &chars[from..dash];
    let alone = from == 0 || !chars[from - 1].is_alphanumeric();
    if number.len() != 2 || !alone || !year.iter().all(char::is_ascii_digit) {
        return None;
    }
    let first: String = year.iter().collect();
    (number > &first[2..]).then(|| format!("{}{number}", &first[..2]))
}

/// Whether a number ending before `chars[at]` ends its clause: not "в августе 45 человек" (forty-five
/// people), nor "в 45 годах". A word for "year" after it is read first ([`year_word_after`]).
fn ends_clause(chars: &[char], at: usize) -> bool {
    if chars.get(at).is_some_and(|c| is_word_char(*c) || *c == '-') {
        return false;
    }
    chars[at..].iter().find(|c| !c.is_whitespace()).is_none_or(|c| !is_word_char(*c))
}

/// Where a Russian word for "year" ends that follows a number after a space ("в 91 году", "в 45 г.",
/// "с 38 года"); not a lone "м", as often metres ("в 45 м от берега") as a year ("в 91 м").
fn year_word_after(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) != Some(&' ') {
        return None;
    }
    let begin = at + 1;
    let end = chars[begin..].iter().position(|c| !is_word_char(*c)).map_or(chars.len(), |k| begin + k);
    let word: String = chars[begin..end].iter().collect();
    match word.as_str() {
        "году" | "года" | "г" => Some(end),
        _ => None,
    }
}

/// Whether an apostrophe opens the number at `chars[start]`, as English writes a year short ("in
/// '91", "the ’45 campaign"): not one that ends a word ("Japan's 45").
fn after_apostrophe(chars: &[char], start: usize) -> bool {
    let quote = start.checked_sub(1).map(|k| chars[k]);
    let before = start.checked_sub(2).map(|k| chars[k]);
    matches!(quote, Some('\'' | '’' | '‘')) && before.is_none_or(|c| !is_word_char(c))
}

/// Whether the word before `chars[start]` (spaces between) is one of [`BEFORE_SHORT_YEAR`].
fn follows_year_cue(chars: &[char], start: usize) -> bool {
    let end = chars[..start].iter().rposition(|c| !c.is_whitespace()).map_or(0, |i| i + 1);
    if end == start {
        return false;
    }
    let begin = chars[..end].iter().rposition(|c| !is_word_char(*c)).map_or(0, |i| i + 1);
    let word: String = chars[begin..end].iter().collect();
    BEFORE_SHORT_YEAR.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::normalize::tokenize;

    fn surfaces(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.surface).collect()
    }

    #[test]
    fn ordinals_english_and_russian_as_words() {
        assert_eq!(surfaces("the 2nd Pacific Squadron"), ["the", "second", "pacific", "squadron"]);
        assert_eq!(surfaces("1st sino-japanese war")[0], "first");
        assert_eq!(surfaces("2-я эскадра"), ["второй", "эскадра"]);
    }

    #[test]
    fn short_years_russian_in_full() {
        assert_eq!(surfaces("война кончилась в 45м"), ["война", "кончилась", "в", "1945"]);
        assert_eq!(surfaces("gorbachev in '91")[2], "1991");
        assert_eq!(surfaces("приезжал в 91 г. что подписал")[2], "1991");
        assert_eq!(surfaces("в 45 году"), ["в", "1945"]);
        assert_eq!(surfaces("в 45 м от берега")[1], "45", "metres");
        assert_eq!(surfaces("в 45 годах")[1], "45");
        assert_eq!(surfaces("the ’45 invasion")[1], "1945");
        assert_eq!(surfaces("'15 and '05")[0], "15", "before 1930: this century's or the last's");
        assert!(surfaces("rock'45").contains(&"45".to_string()), "an apostrophe inside a word");
        assert_eq!(surfaces("в 41-м году"), ["в", "1941", "году"]);
        assert_eq!(surfaces("в 22-м"), ["в", "22", "м"], "2022 or 1922");
        assert_eq!(surfaces("45мм пушка")[0], "45", "millimetres");
        assert_eq!(surfaces("япония не нападет осенью 41")[4], "1941");
        assert_eq!(surfaces("в августе 45, после хиросимы")[2], "1945");
        assert_eq!(surfaces("осенью 41 года")[1], "1941");
        assert_eq!(surfaces("в августе 45 человек")[2], "45", "forty-five people");
        assert_eq!(surfaces("что предлагал в кавана в 98? границу")[5], "1998");
        assert_eq!(surfaces("в 45 человек")[1], "45", "forty-five people");
        assert_eq!(surfaces("летом 2")[1], "2");
    }

    #[test]
    fn short_year_ending_a_span() {
        assert!(surfaces("the intervention of 1918–19").contains(&"1919".to_string()));
        assert!(surfaces("the war of 1904-05").contains(&"1905".to_string()));
        assert!(!surfaces("between 1945-12 and").contains(&"1912".to_string()), "a span backwards");
        assert!(!surfaces("flight SU1945-19").contains(&"1919".to_string()), "no year before the dash");
        assert!(!surfaces("signed 1905-09-05").contains(&"1909".to_string()), "a date's month");
    }

    #[test]
    fn ordinals_days_of_a_month_stay_numbers() {
        assert_eq!(surfaces("on the 9th of August")[2], "9");
        assert_eq!(surfaces("August 9th")[1], "9");
        assert_eq!(surfaces("1-го сентября")[0], "1");
        assert_eq!(surfaces("the 50th parallel")[1], "50", "not a small ordinal");
        assert_eq!(surfaces("в 2-х словах")[1], "2", "a cardinal");
    }
}
