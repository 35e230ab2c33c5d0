//! Dates and spans of time in a question: a day beside its month is one name ("24 February"), and
//! the start of a span that runs to the present ("from 1855 to today") is not what it asks about.

use super::super::asks::NOW;
use super::super::index::is_year;
use super::super::japanese::is_hiragana;
use super::super::normalize::{Kind, Term};

/// For each word, whether it is a day of the month or the month beside it ("24 февраля", "9 August",
/// "August 9"): a fact that gives the month and, elsewhere, the number does not give the date.
pub(super) fn day_and_month(plain: &[&Term]) -> Vec<bool> {
    let day = |t: &Term| {
        t.kind == Kind::Number
            && t.text.len() <= 2
            && t.text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let month = |t: &Term| t.kind == Kind::Word && super::super::slot::MONTHS.contains(&t.text);
    let mut dates = vec![false; plain.len()];
    for k in 1..plain.len() {
        // The day first: numbers are few, and the month is looked for only beside one.
        if (day(plain[k - 1]) && month(plain[k])) || (day(plain[k]) && month(plain[k - 1])) {
            dates[k - 1] = true;
            dates[k] = true;
        }
    }
    dates
}

/// Words before a date that make it the start of what is asked about, not its subject: "after 24
/// February", "после 24 февраля", "с 9 августа".
const SINCE: &[&str] = &["after", "since", "после", "с", "со"];

/// For each word, whether it is a day and month (see [`day_and_month`]) that only says from when
/// the question asks ("what sanctions after 24 February"): the facts that answer tell what came
/// after it, and need not name the day. Empty (no word is) for a question without a date.
pub(super) fn date_since(plain: &[&Term], dates: &[bool]) -> Vec<bool> {
    if !dates.contains(&true) {
        return Vec::new();
    }
    let mut since = vec![false; plain.len()];
    let mut k = 0;
    while k < plain.len() {
        if !dates[k] {
            k += 1;
            continue;
        }
        let end = (k..plain.len()).find(|&j| !dates[j]).unwrap_or(plain.len());
        if k > 0 && SINCE.contains(&plain[k - 1].surface.as_str()) {
            since[k..end].iter_mut().for_each(|s| *s = true);
        }
        k = end;
    }
    since
}

/// Words before a year that make it a bound outside what is asked about, not its date ("after
/// 1905", "до 1945"). "Since" is not one: what has gone on since a year began in it.
const BOUND_BEFORE: &[&str] = &["after", "before", "until", "till", "by", "pre", "post", "после", "до"];
/// Words after a year (and 年) that make it such a bound ("1905年以後", "1945年まで").
const BOUND_AFTER: &[&str] = &["以後", "以前", "まで", "後", "前"];

/// The one year a question names as the time of what it asks about, when it names exactly one:
/// not a bound outside it ("after 1905", "1945年以前"; see [`BOUND_BEFORE`], [`BOUND_AFTER`]).
pub(super) fn named_year(tokens: &[Term]) -> Option<i32> {
    let year_of =
        |t: &Term| (t.kind == Kind::Number && is_year(&t.text)).then(|| t.text.parse::<i32>().ok())?;
    // Most questions name none: the words around a year are read only for one that does.
    tokens.iter().find_map(year_of)?;
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
    let word = |k: usize| plain.get(k).map_or("", |t| t.surface.as_str());
    let bound = |k: usize| {
        let before = |k: usize| BOUND_BEFORE.contains(&word(k));
        // 年 stands alone before a kana word ("年から") and in pairs in a run of kanji ("年以", "以前").
        let after = match word(k + 1).strip_prefix('年') {
            Some(rest) if BOUND_AFTER.contains(&rest) => rest,
            Some(_) => word(k + 2),
            None => word(k + 1),
        };
        // "2022年より前": より marks the comparison, the word after it the side.
        let after = if after == "より" { word(k + 3 - usize::from(word(k + 1) != "年")) } else { after };
        (k > 0 && before(k - 1))
            || (k > 1 && word(k - 1) == "the" && before(k - 2))
            || BOUND_AFTER.contains(&after)
    };
    let mut years = plain.iter().enumerate().filter_map(|(k, t)| year_of(t).map(|year| (k, year)));
    let (k, first) = years.next()?;
    (!bound(k) && years.all(|(_, y)| y == first)).then_some(first)
}

/// For each word, whether it starts a span of time that runs to the present: "from *the 1700s* to
/// now", "от *XVIII века* до наших дней", "*江戸時代*から今まで". Such a question asks for the whole
/// story, which the base's summaries tell without naming where the asker starts it.
pub(super) fn span_to_now(plain: &[&Term]) -> Vec<bool> {
    let mut span = vec![false; plain.len()];
    let word = |k: usize| plain.get(k).map_or("", |t| t.surface.as_str());
    for (to, t) in plain.iter().enumerate() {
        let now = |k: usize, words: &[&str]| {
            words.contains(&word(k)) || (word(k) == "the" && words.contains(&word(k + 1)))
        };
        let from = match t.surface.as_str() {
            "to" | "until" | "till" | "through" if now(to + 1, NOW) => {
                (0..to).rev().take(8).find(|&k| word(k) == "from").map(|k| k + 1)
            }
            "до" if ["наших", "сегодняшнего", "настоящего", "нынешних", "нынешнего"]
                .contains(&word(to + 1)) =>
            {
                (0..to).rev().take(8).find(|&k| ["от", "с", "со"].contains(&word(k))).map(|k| k + 1)
            }
            "から" | "より"
                if ["今", "現在", "現代", "今日"]
                    .contains(&plain.get(to + 1).map_or("", |t| t.text.as_str())) =>
            {
                let words =
                    (0..to).rev().take_while(|&k| plain[k].kind != Kind::Cjk || !is_hiragana(&plain[k].text));
                words.last()
            }
            _ => None,
        };
        if let Some(first) = from {
            span[first..to].iter_mut().for_each(|s| *s = true);
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn marked(text: &str, f: fn(&[&Term]) -> Vec<bool>) -> Vec<String> {
        let tokens = tokenize(text);
        let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
        let flags = f(&plain);
        plain.iter().zip(flags).filter(|(_, m)| *m).map(|(t, _)| t.text.clone()).collect()
    }

    #[test]
    fn day_and_month_beside_each_other() {
        assert_eq!(marked("после 24 февраля", day_and_month), ["24", "феврал"]);
        assert_eq!(marked("on August 9, 1945", day_and_month), ["august", "9"]);
        assert!(marked("in May 1980 24 ships", day_and_month).is_empty());
    }

    #[test]
    fn date_since_after_after() {
        let since = |text: &str| marked(text, |plain| date_since(plain, &day_and_month(plain)));
        assert_eq!(since("какие санкции после 24 февраля"), ["24", "феврал"]);
        assert_eq!(since("sanctions since February 24, 2022"), ["februari", "24"]);
        assert!(since("what happened on 9 August 1945").is_empty(), "the date asked about");
    }

    #[test]
    fn named_year_not_a_bound() {
        let year = |text: &str| named_year(&tokenize(text));
        assert_eq!(year("how did Japan react to Medvedev's visit in 2010"), Some(2010));
        assert_eq!(year("реакция японии на визит медведева в 2010 году"), Some(2010));
        assert_eq!(year("2010年のメドベージェフ訪問"), Some(2010));
        assert_eq!(year("what happened after 1905"), None);
        assert_eq!(year("what changed after the 1905 treaty"), None);
        assert_eq!(year("что было до 1945 года"), None);
        assert_eq!(year("1945年以前の樺太"), None);
        assert_eq!(year("1905年後の関係"), None);
        assert_eq!(year("1945年まで"), None);
        assert_eq!(year("2022年より前に"), None);
        assert_eq!(year("sanctions since 2022"), Some(2022), "what began in it");
        assert_eq!(year("from 1918 to 1922"), None, "two years");
        assert_eq!(year("the treaty of 1855 and the treaty of 1855"), Some(1855));
        assert_eq!(year("what did they sign"), None);
    }

    #[test]
    fn span_to_now_in_three_languages() {
        assert_eq!(marked("relations from the 1700s to now", span_to_now), ["the", "1700s"]);
        assert_eq!(marked("от XVIII века до наших дней", span_to_now), ["xviii", "век"]);
        assert_eq!(marked("日露関係を江戸時代から今まで", span_to_now), ["江戸", "戸時", "時代"]);
        assert_eq!(marked("1855年から現在まで", span_to_now), ["1855", "年"]);
        assert!(marked("what happened from 1918 to 1922", span_to_now).is_empty());
        assert!(marked("江戸時代から明治まで", span_to_now).is_empty());
    }
}
