//! Japanese text as search terms. Japanese has no spaces, so the script of each character stands
//! in for word boundaries: kanji compounds give overlapping pairs (北方領土 → 北方, 方領, 領土), a
//! katakana run is one word (ポーツマス), and a hiragana run is particles and endings (は, ですか),
//! kept only so that question words (いつ, どこ) can be read.
//!
//! Variant spellings meet before that: old character forms (國 → 国), ヶ → ケ, 洲 → 州, and the
//! katakana spellings of foreign sounds that writers vary (ヴィ / ビ / ウィ, long-vowel marks).

use super::normalize::{Kind, Term};
use years::western_years;

mod compounds;
mod years;

pub(crate) use compounds::{compounds_apart, kana_names_apart};

/// Old (pre-1946) character forms still seen in names and quotations, with today's forms.
const OLD_FORMS: &[(char, char)] = &[
    ('國', '国'),
    ('洲', '州'),
    ('滿', '満'),
    ('戰', '戦'),
    ('關', '関'),
    ('與', '与'),
    ('舊', '旧'),
    ('條', '条'),
    ('號', '号'),
    ('對', '対'),
    ('當', '当'),
    ('黨', '党'),
    ('會', '会'),
    ('臺', '台'),
    ('灣', '湾'),
    ('澤', '沢'),
    ('邊', '辺'),
    ('邉', '辺'),
    ('齋', '斎'),
    ('齊', '斉'),
    ('廣', '広'),
    ('濱', '浜'),
    ('櫻', '桜'),
    ('鐵', '鉄'),
    ('體', '体'),
    ('學', '学'),
    ('實', '実'),
    ('變', '変'),
    ('權', '権'),
    ('縣', '県'),
    ('聯', '連'),
    ('豐', '豊'),
    ('亞', '亜'),
    ('氣', '気'),
    ('圓', '円'),
    ('兩', '両'),
    ('歐', '欧'),
    ('爭', '争'),
    ('獨', '独'),
    ('髙', '高'),
    ('﨑', '崎'),
    ('嶋', '島'),
    ('嶌', '島'),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Katakana,
    Hiragana,
    /// The middle dot between the parts of a foreign name (ウラジーミル・アトラソフ).
    Separator,
}

fn script(c: char) -> Script {
    match c {
        '\u{3041}'..='\u{309F}' => Script::Hiragana,
        '・' | '\u{FF65}' => Script::Separator,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Script::Katakana,
        _ => Script::Kanji,
    }
}

/// Whether `c` is a kanji (or 々, which repeats one).
pub(crate) fn is_kanji(c: char) -> bool {
    script(c) == Script::Kanji
}

/// The characters of a run with variant forms replaced; ヶ between kanji (関ヶ原) stays a kanji.
fn fold_variants(run: &[char]) -> Vec<(char, Script)> {
    let mut out: Vec<(char, Script)> = Vec::with_capacity(run.len());
    for (i, &c) in run.iter().enumerate() {
        let c = OLD_FORMS.iter().find(|(old, _)| *old == c).map_or(c, |&(_, new)| new);
        let kanji_around = |j: Option<usize>| j.and_then(|j| run.get(j)).is_some_and(|&n| is_kanji(n));
        let (c, s) = match c {
            // The counter's small ke or ka (3ヶ月, 何ヵ国, 数カ所) as the passages write it: か.
            'ヶ' | 'ケ' | 'ヵ' | 'カ' if counted_after(run, i) => ('か', Script::Hiragana),
            'ヶ' | 'ケ' if kanji_around(i.checked_sub(1)) && kanji_around(Some(i + 1)) => {
                ('ケ', Script::Kanji)
            }
            'ヶ' => ('ケ', Script::Katakana),
            'ヵ' => ('カ', Script::Katakana),
            // Long-vowel marks and doubled consonants are written or left out at will
            // (コンピュータ / コンピューター, イトゥルプ / イトゥルップ).
            'ー' | 'ｰ' => continue,
            'ッ' => continue,
            _ => (c, script(c)),
        };
        out.push((c, s));
    }
    out
}

/// Whether the ke or ka at `i` stands between a number (a digit before the run, a numeral, 何 or 数)
/// and a counter of months, countries, places or articles (3ヶ月, 何カ国).
fn counted_after(run: &[char], i: usize) -> bool {
    const COUNTERS: &[char] = &['月', '国', '所', '条'];
    let number = |c: char| numeral(c).is_some() || unit(c).is_some() || matches!(c, '何' | '数');
    run.get(i + 1).is_some_and(|c| COUNTERS.contains(c)) && i.checked_sub(1).is_none_or(|j| number(run[j]))
}

/// A word as questions and passages are folded to (long-vowel marks and small ッ left out, variant
/// kana folded), so that word lists meet the text's terms (ニュース is read as ニュス).
pub(crate) fn fold_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let folded: String = fold_variants(&chars).into_iter().map(|(c, _)| c).collect();
    if !folded.is_empty() && folded.chars().all(is_katakana_char) { fold_katakana(&folded) } else { folded }
}

/// Katakana spellings of foreign sounds that writers vary, folded to one (ヴィッテ, ウィッテ → ビッテ).
fn fold_katakana(word: &str) -> String {
    const SOUNDS: &[(&str, &str)] = &[
        ("ウィ", "ビ"),
        ("ヴァ", "バ"),
        ("ヴィ", "ビ"),
        ("ヴェ", "ベ"),
        ("ヴォ", "ボ"),
        ("ヴ", "ブ"),
        ("ヂ", "ジ"),
        ("ヅ", "ズ"),
    ];
    let mut out = word.to_string();
    for (from, to) in SOUNDS {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    // The older spelling writes ヤ where today's writes ア after an i-sound: シベリヤ, ロシヤ.
    if let Some(stem) = out.strip_suffix('ヤ')
        && stem.chars().last().is_some_and(|c| I_ROW.contains(c))
    {
        out = format!("{stem}ア");
    }
    out
}

/// Katakana of the i-row, after which a final ヤ is the older spelling of ア.
const I_ROW: &str = "キシチニヒミリギジビピ";

fn term(text: String) -> Term {
    Term { surface: text.clone(), text, kind: Kind::Cjk, joined: false }
}

/// Appends the terms of one run of Japanese characters (no spaces or punctuation inside).
pub(crate) fn push_run(run: &[char], terms: &mut Vec<Term>) {
    let chars = fold_variants(run);
    let mut i = 0;
    while i < chars.len() {
        let script = chars[i].1;
        let start = i;
        while i < chars.len() && chars[i].1 == script {
            i += 1;
        }
        let part: Vec<char> = chars[start..i].iter().map(|&(c, _)| c).collect();
        match script {
            Script::Kanji => {
                let mut from = 0;
                for k in 1..=part.len() {
                    if k == part.len() || QUESTION_KANJI.contains(&part[k]) {
                        push_kanji(&part[from..k], terms);
                        from = k;
                    }
                }
            }
            Script::Katakana => terms.push(term(fold_katakana(&part.iter().collect::<String>()))),
            Script::Hiragana => terms.push(term(part.iter().collect())),
            Script::Separator => {}
        }
    }
}

/// Kanji that start a question word (誰, 何年, 何人): a word of their own after a kanji before them
/// (今誰 is "now, who", 今何人 "now, how many"), never the second half of a pair with it.
const QUESTION_KANJI: &[char] = &['誰', '何'];

/// "今" (now) before the kanji of a verb or noun it forms no word with (今動いてる, 今住んでる) stands
/// apart, as in 今誰: a pair the base lacks (`known`) and the Japanese word list lacks (今年, 今村 are
/// words) is read as 今 and its second kanji, which the next pair of the run carries when there is one.
pub(crate) fn now_apart(tokens: Vec<Term>, known: impl Fn(&str) -> bool) -> Vec<Term> {
    let opens_with_now = |t: &Term| t.kind == Kind::Cjk && !t.joined && t.text.starts_with('今');
    if !tokens.iter().any(opens_with_now) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for (i, t) in tokens.iter().enumerate() {
        let apart = opens_with_now(t) && !known(&t.text) && super::vocab::word_level(&t.text).is_none();
        let second = match t.text.chars().collect::<Vec<_>>()[..] {
            ['今', c] if apart && is_kanji(c) => c,
            _ => {
                out.push(t.clone());
                continue;
            }
        };
        out.push(term("今".to_string()));
        let carried = tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Cjk && n.text.starts_with(second));
        if !carried {
            out.push(term(second.to_string()));
        }
    }
    out
}

/// Appends the terms of one kanji word: itself when a single kanji, else its overlapping pairs.
fn push_kanji(word: &[char], terms: &mut Vec<Term>) {
    match word {
        [one] => terms.push(term(one.to_string())),
        _ => terms.extend(word.windows(2).map(|pair| term(pair.iter().collect()))),
    }
}

/// Counters after which a number written in kanji is a number (八月九日, 北緯五十度, 三回), so it
/// meets the same number written in digits; elsewhere kanji numerals are parts of words (千島, 一番).
const COUNTERS: &[&str] = &[
    "次", "年", "月", "日", "世紀", "回", "人", "度", "条", "隻", "歳", "名", "カ月", "ケ月", "か月", "周年",
    "項",
];

/// The digit a kanji numeral writes (一 → 1, 〇 → 0).
pub(crate) fn numeral(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// The value of a run of kanji numerals: 二十三 → 23, 一九〇五 → 1905 (read digit by digit).
fn numeral_value(run: &[char]) -> u32 {
    if !run.iter().any(|&c| unit(c).is_some()) {
        return run.iter().filter_map(|&c| numeral(c)).fold(0, |n, d| n.saturating_mul(10).saturating_add(d));
    }
    let (mut total, mut pending) = (0u32, None);
    for &c in run {
        match (numeral(c), unit(c)) {
            (Some(d), _) => pending = Some(d),
            (_, Some(u)) => total = total.saturating_add(pending.take().unwrap_or(1) * u),
            _ => {}
        }
    }
    total.saturating_add(pending.unwrap_or(0))
}

/// Text with numbers written in kanji before a counter in digits (八月九日 → 8月9日), and small
/// ordinals after 第 in kanji (第1次 → 第一次), or `None` when there is nothing to change. Ordinals go
/// the other way because 第一次 and 第二次 are names in themselves, and their pairs weigh as such.
///
/// ```
/// # use nichiro::search::kanji_numbers;
/// assert_eq!(kanji_numbers("昭和二十年八月九日").as_deref(), Some("昭和20年8月9日"));
/// assert_eq!(kanji_numbers("第1次日露協約").as_deref(), Some("第一次日露協約"));
/// assert_eq!(kanji_numbers("千島列島"), None);
/// ```
pub fn kanji_numbers(text: &str) -> Option<String> {
    if !text.chars().any(|c| numeral(c).is_some() || unit(c).is_some() || c == '第') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let digits = i > 0 && chars[i - 1] == '第';
        while i < chars.len() && is_number_char(chars[i], digits) {
            i += 1;
        }
        if start == i {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = &chars[start..i];
        match number_here(&chars, start, i) {
            Some(text) => {
                out.push_str(&text);
                changed = true;
            }
            None => out.extend(run),
        }
    }
    changed.then_some(out)
}

fn is_number_char(c: char, after_dai: bool) -> bool {
    if after_dai { c.is_ascii_digit() } else { numeral(c).is_some() || unit(c).is_some() }
}

/// What the number at `start..end` becomes, if anything: digits after 第 become a kanji ordinal up
/// to 十; kanji numerals before a counter become digits, except the 一 of a word such as 統一 or
/// 唯一, and a number before the 日 of 日本.
fn number_here(chars: &[char], start: usize, end: usize) -> Option<String> {
    const KANJI_DIGITS: [&str; 11] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let before = start.checked_sub(1).map(|j| chars[j]);
    if before == Some('第') {
        let value: usize = chars[start..end].iter().collect::<String>().parse().ok()?;
        return KANJI_DIGITS.get(value).filter(|_| value > 0).map(|k| (*k).to_string());
    }
    let rest: String = chars[end..chars.len().min(end + 2)].iter().collect();
    let counted = COUNTERS.iter().any(|c| rest.starts_with(c)) && !rest.starts_with("日本");
    let word_one = end - start == 1
        && chars[start] == '一'
        && before.is_some_and(|b| is_kanji(b) && !matches!(b, '年' | '月'));
    (counted && !word_one).then(|| numeral_value(&chars[start..end]).to_string())
}

/// Spoken superlatives with the written compound they stand for (一番大きい島 → 最大の島), so a
/// question in everyday words meets a passage in written ones.
const SUPERLATIVES: &[(&str, &str)] = &[
    ("大きい", "最大"),
    ("でかい", "最大"),
    ("小さい", "最小"),
    ("長い", "最長"),
    ("多い", "最多"),
    ("古い", "最古"),
    ("高い", "最高"),
    ("強い", "最強"),
    ("新しい", "最新"),
    ("北", "最北"),
    ("南", "最南"),
];

/// Text with spoken superlatives (一番大きい, 最も大きい) written as compounds (最大), or `None`.
fn written_superlatives(text: &str) -> Option<String> {
    if !text.contains("一番") && !text.contains("最も") {
        return None;
    }
    let mut out = text.to_string();
    for lead in ["一番", "最も"] {
        for (spoken, written) in SUPERLATIVES {
            let phrase = format!("{lead}{spoken}");
            if out.contains(&phrase) {
                // The particle keeps the compound apart from the noun after it (最大の島, not 最大島).
                out = out.replace(&phrase, &format!("{written}の"));
            }
        }
    }
    (out != text).then_some(out)
}

/// Japanese text in the forms the index keeps: spoken superlatives as compounds, numbers as
/// [`kanji_numbers`] writes them, then years of an era as Western years; `None` when nothing changes.
pub(crate) fn written_forms(text: &str) -> Option<String> {
    let forms = match written_superlatives(text) {
        Some(text) => Some(kanji_numbers(&text).unwrap_or(text)),
        None => kanji_numbers(text),
    };
    match forms {
        Some(text) => Some(western_years(&text).unwrap_or(text)),
        None => western_years(text),
    }
}

/// Particles that may stick to a name typed in hiragana (のもんはん + って).
pub(crate) const PARTICLES: &[&str] =
    &["って", "とは", "は", "が", "の", "を", "に", "で", "と", "も", "へ", "や"];

/// The katakana spellings a run of hiragana may stand for when a name was typed without converting
/// it (ぽーつます → ポツマス), with and without a particle at either end, longest first.
pub(crate) fn katakana_readings(hiragana: &str) -> Vec<String> {
    let chars: Vec<char> = hiragana.chars().collect();
    if chars.len() < 3 {
        return Vec::new();
    }
    let mut forms = vec![hiragana.to_string()];
    for p in PARTICLES {
        if let Some(rest) = hiragana.strip_suffix(p) {
            forms.push(rest.to_string());
        }
        if let Some(rest) = hiragana.strip_prefix(p) {
            forms.push(rest.to_string());
        }
    }
    forms.into_iter().filter(|f| f.chars().count() >= 3).map(|f| katakana_of(f.chars())).collect()
}

/// The katakana a run of hiragana spells, folded as the index folds katakana (no ー or ッ).
pub(crate) fn katakana_of(hiragana: impl IntoIterator<Item = char>) -> String {
    // Hiragana and katakana stand 0x60 apart in Unicode.
    let kana: String = hiragana
        .into_iter()
        .filter(|&c| c != 'ー' && c != 'っ')
        .map(|c| if script(c) == Script::Hiragana { char::from_u32(c as u32 + 0x60).unwrap_or(c) } else { c })
        .collect();
    fold_katakana(&kana)
}

/// Whether a term is a pair of kanji (one of the overlapping pairs of a compound).
pub(crate) fn is_kanji_pair(term: &Term) -> bool {
    term.kind == Kind::Cjk && term.text.chars().count() == 2 && term.text.chars().all(is_kanji)
}

/// The second words of Japanese names of a kind: X戦争 is a war, X条約 a treaty, X事件 an incident.
const NAME_HEADS: &[&str] = &[
    "戦争", "大戦", "条約", "協定", "宣言", "事件", "海戦", "会戦", "戦役", "会談", "革命", "同盟", "紛争",
    "出兵",
];

/// Names the question writes that the base never does (朝鮮戦争, where the base has 朝鮮 and 戦争 but
/// never joined): two words `known` to the base, the second the head of a name ([`NAME_HEADS`]),
/// joined by a pair of kanji it has never seen.
pub(crate) fn unknown_compounds(tokens: &[Term], known: impl Fn(&Term) -> bool) -> Vec<String> {
    let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
    let overlap = |a: &Term, b: &Term| a.text.chars().last() == b.text.chars().next();
    plain
        .windows(3)
        .filter(|w| {
            w.iter().all(|t| is_kanji_pair(t))
                && overlap(w[0], w[1])
                && overlap(w[1], w[2])
                && NAME_HEADS.contains(&w[2].text.as_str())
                && known(w[0])
                && known(w[2])
                && !known(w[1])
        })
        .map(|w| format!("{}{}", w[0].text, w[2].text))
        .collect()
}

/// Whether a term is hiragana only: particles and endings.
pub(crate) fn is_hiragana(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_hiragana_char)
}

/// Whether `text` is written in katakana (a foreign name or word).
pub(crate) fn is_katakana(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_katakana_char)
}

/// Whether `c` is katakana.
pub(crate) fn is_katakana_char(c: char) -> bool {
    script(c) == Script::Katakana
}

/// Whether `c` is hiragana.
pub(crate) fn is_hiragana_char(c: char) -> bool {
    script(c) == Script::Hiragana
}

#[cfg(test)]
mod tests;
