//! Japanese years as askers write them, in an era (明治38年) or by two digits (56年宣言), read as
//! the Western years the passages give.

/// The Japanese eras of modern times, each with the Western year before its first (明治元年 is 1868).
const ERAS: [(&str, i32); 5] =
    [("明治", 1867), ("大正", 1911), ("昭和", 1925), ("平成", 1988), ("令和", 2018)];

/// Years of an era written as the Western years the passages give ("明治38年" → "1905年", "昭和元年"
/// → "1926年"), and years said by two digits before a dated thing ("56年宣言" → "1956年宣言"); `None`
/// when the text has none. The era's name stays when no year follows (明治維新).
/// Looked for from each 年, as most texts have none.
pub(super) fn western_years(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    for (at, _) in text.match_indices('年') {
        let before = &text[..at];
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let (number_at, year) = match digits {
            1 | 2 => (at - digits, before[at - digits..].parse::<i32>().ok()),
            0 if before.ends_with('元') => (at - '元'.len_utf8(), Some(1)),
            _ => continue,
        };
        let head = &text[..number_at];
        let Some((era, before_first)) = ERAS.iter().find(|(era, _)| head.ends_with(era)) else {
            if let Some(year) = year.filter(|_| digits == 2 && names_a_dated_thing(&text[at..]))
                && number_at >= copied
            {
                out.push_str(&text[copied..number_at]);
                out.push_str(&(if year < 30 { 2000 + year } else { 1900 + year }).to_string());
                copied = at;
            }
            continue;
        };
        let (Some(year), era_at) = (year, number_at - era.len()) else { continue };
        if era_at < copied {
            continue;
        }
        out.push_str(&text[copied..era_at]);
        out.push_str(&(before_first + year).to_string());
        copied = at;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Words after "NN年" that make it a year said by its last two digits, as the press writes them
/// ("56年宣言", "60年安保", "93年東京宣言"), not a length of time ("戦後80年").
const DATED_THINGS: &[&str] = &["宣言", "声明", "協定", "条約", "協約", "合意", "安保", "体制", "東京宣言"];

/// Whether `after` (from 年 on) goes on with a document or event [`DATED_THINGS`] names, or a month
/// ("45年8月"), so that the two digits before it are a year.
fn names_a_dated_thing(after: &str) -> bool {
    let rest = &after['年'.len_utf8()..];
    let month = rest.bytes().take_while(u8::is_ascii_digit).count();
    DATED_THINGS.iter().any(|w| rest.starts_with(w))
        || (matches!(month, 1 | 2) && rest[month..].starts_with('月'))
}
