//! Turning text into search terms: Unicode folding, tokenising by script, and stemming.
//!
//! The same pipeline runs over the fact base at index time and over each question, so whatever it
//! folds (case, diacritics, full-width forms, possessives, thousands separators) meets on both sides.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::{is_cyrillic, is_japanese};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use verbs::{irregular_base, russian_verb_stem};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static RUSSIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));

/// The words of `text`, folded, split at anything that is not a letter, digit or combining mark.
///
/// ```
/// assert_eq!(nichiro::search::words("Kōdayū's SHIP, 1792!"), ["kodayu", "s", "ship", "1792"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A question reduced to a grouping key: its [`words`], single-spaced.
///
/// Two wordings that differ only in case, accents, punctuation or spacing give the same key, so
/// repeated unanswered questions can be counted together.
///
/// ```
/// use nichiro::search::normalize_question;
/// assert_eq!(normalize_question("  Who is the  PM of Japan?! "), "who is the pm of japan");
/// assert_eq!(normalize_question("Kōdayū's ship"), normalize_question("kodayu's ship"));
/// assert_eq!(normalize_question("?!"), "");
/// ```
pub fn normalize_question(text: &str) -> String {
    words(text).join(" ")
}

/// Folds text for matching: compatibility forms, lower case, and Latin diacritics removed.
///
/// Marks on Latin letters are dropped (Kōdayū → kodayu); marks on other scripts are kept and
/// recomposed, so Japanese dakuten and Cyrillic й keep their meaning. Russian ё is written е, as
/// most Russians type it (живёт, живет), and a soft sign typed for the hard sign after a prefix is
/// the hard sign (обьясните).
///
/// ```
/// use nichiro::search::fold;
/// assert_eq!(fold("Kōdayū Ryūtarō"), "kodayu ryutaro");
/// assert_eq!(fold("ＴＯＫＹＯ"), "tokyo");
/// assert_eq!(fold("Йошида"), "йошида");
/// assert_eq!(fold("Живёт Пётр"), "живет петр");
/// assert_eq!(fold("Обьясните, когда обьявили войну"), "объясните, когда объявили войну");
/// ```
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut base_is_latin = false;
    let mut kept_mark = false;
    let mut cyrillic_e = false;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            base_is_latin = true;
            continue;
        }
        decompose_compatible(c, |d| {
            if is_combining_mark(d) {
                if d == '\u{0308}' && cyrillic_e {
                    return;
                }
                if !base_is_latin {
                    out.push(d);
                    kept_mark = true;
                }
                return;
            }
            base_is_latin = d.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&d);
            cyrillic_e = matches!(d, 'е' | 'Е');
            out.extend(d.to_lowercase());
        });
    }
    let out = if kept_mark { out.nfc().collect() } else { out };
    hard_sign_after_prefix(out)
}

/// Russian prefixes that end in a consonant and take the hard sign before е, ё, ю, я (объяснить,
/// подъезд, субъект), read only at a word's start ("необьятный" is left). Not в ("вьетнам", "вьюга")
/// nor с, whose ь-words are mostly foreign names ("Сьюзен", "Сьерра-Леоне").
const HARD_SIGN_PREFIXES: &[&str] =
    &["об", "под", "от", "из", "раз", "над", "пред", "без", "вз", "меж", "сверх", "суб"];

/// Text with the soft sign many Russians type for the hard sign after a prefix (обьясните,
/// обьявил войну) written as the hard sign, as the passages write it.
fn hard_sign_after_prefix(mut text: String) -> String {
    // Only the soft signs are looked at: folding runs on every text of the base at start-up.
    let after_prefix = |i: usize| {
        if !text[i + 'ь'.len_utf8()..].starts_with(['е', 'ё', 'ю', 'я']) {
            return false;
        }
        let head = text[..i].char_indices().rev().take_while(|&(_, c)| c.is_alphabetic()).last();
        HARD_SIGN_PREFIXES.contains(&&text[head.map_or(i, |(j, _)| j)..i])
    };
    let fixes: Vec<usize> = text.match_indices('ь').map(|(i, _)| i).filter(|&i| after_prefix(i)).collect();
    // Both signs take two bytes in UTF-8, so each is replaced in place.
    for i in fixes {
        text.replace_range(i..i + 'ь'.len_utf8(), "ъ");
    }
    text
}

/// The kind of a term, which decides how it is matched and weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A word in an alphabetic script (Latin, Cyrillic, ...), stemmed.
    Word,
    /// A number, with thousands separators removed (`127,053,000` → `127053000`).
    Number,
    /// Japanese, which has no spaces: a pair of kanji (or a lone one), a katakana word, or a run of
    /// hiragana (see `japanese`).
    Cjk,
}

/// One search term produced from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The normalised, stemmed text.
    pub text: String,
    /// What sort of term it is.
    pub kind: Kind,
    /// Whether the word was one run of a hyphenated compound joined up (`hokushinron`).
    pub joined: bool,
    /// A word as written, folded but not stemmed (typos are corrected on this form); the text
    /// itself for Japanese terms; empty for numbers.
    pub surface: String,
}

/// "US" in capitals is the country, which folded to "us" would read as the pronoun: written "USA".
fn us_as_usa(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("US") {
        return text.into();
    }
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    while let Some(at) = rest.find("US") {
        let (before, after) = (&rest[..at], &rest[at + 2..]);
        out.push_str(before);
        let whole = !letter(out.chars().next_back()) && !letter(after.chars().next());
        out.push_str(if whole { "USA" } else { "US" });
        rest = after;
    }
    out.push_str(rest);
    out.into()
}

/// Whether `c` belongs to a word written with spaces: a letter, a digit or a combining mark, not Japanese.
pub(super) fn is_word_char(c: char) -> bool {
    // Most text the matcher reads is ASCII, which needs none of the Unicode tables.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_japanese(c)
}

/// Stems a folded word: English Snowball for Latin letters, Russian Snowball for Cyrillic.
///
/// ```
/// use nichiro::search::stem;
/// assert_eq!(stem("sanctions"), stem("sanctioned"));
/// assert_eq!(stem("visited"), "visit");
/// assert_eq!(stem("курилы"), "курил");
/// ```
pub fn stem(word: &str) -> String {
    STEMS.with_borrow_mut(|cache| {
        if let Some(stemmed) = cache.get(word) {
            return stemmed.clone();
        }
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        let stemmed = stem_uncached(word);
        cache.insert(word.to_string(), stemmed.clone());
        stemmed
    })
}

/// Words stemmed so far on this thread: a fact base repeats its words many times over.
const STEM_CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    static STEMS: std::cell::RefCell<FxHashMap<String, String>> = std::cell::RefCell::new(FxHashMap::default());
}

fn stem_uncached(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        ENGLISH.stem(irregular_base(word)).into_owned()
    } else if word.chars().all(is_cyrillic) {
        // Word lists and callers may write ё; folded text never does.
        let word = word.replace('ё', "е");
        if RUSSIAN_IT_NOUNS.contains(&word.as_str()) {
            return word;
        }
        if let Some(&(_, base)) = NUMERAL_FORMS.iter().find(|(form, _)| *form == word) {
            return base.to_string();
        }
        let stemmed = RUSSIAN.stem(&word);
        // Snowball cuts "стоят", "стоит" and "стоила" (stand, cost) to "сто", the number 100;
        // they join "стоял" and "стоять" instead.
        if stemmed == "сто" && word != "сто" {
            return "стоя".to_string();
        }
        if let Some(verb) = russian_verb_stem(&stemmed) {
            return verb.to_string();
        }
        place_adjective(stemmed.into_owned())
    } else {
        word.to_string()
    }
}

/// Russian numerals whose forms lose or change a vowel, which Snowball leaves as other stems, each
/// with the stem of its first form: "план из восьми пунктов" is the "восемь пунктов" a question asks
/// about. Looked up as whole words, so that the ordinal "восьмой" (eighth) stays apart.
const NUMERAL_FORMS: &[(&str, &str)] = &[
    ("восьми", "восем"),
    ("восьмью", "восем"),
    ("четырех", "четыр"),
    ("четырем", "четыр"),
    ("четырьмя", "четыр"),
    ("трех", "три"),
    ("трем", "три"),
    ("тремя", "три"),
    ("двух", "два"),
    ("двум", "два"),
    ("двумя", "два"),
];

/// Russian nouns in "-ит" that Snowball cuts as verbs, in the one case where it does: "визит" (a
/// visit) became "виз", the stem of "визы" (visas), while "визита" and "визиты" stayed "визит".
const RUSSIAN_IT_NOUNS: &[&str] = &["визит", "кредит", "транзит", "лимит", "депозит", "динамит"];

/// A Russian adjective made from a place name meets the name: "курильской" (Kuril) and "курилах"
/// (the Kurils), "сахалинский" and "Сахалин", "японская" and "Япония". Snowball leaves the "-ск-" of
/// such adjectives; short stems ("поиск", "риск") are not adjectives and stay.
fn place_adjective(stem: String) -> String {
    // Four letters before "-ск" at least.
    match adjective_base(&stem) {
        Some(base) if stem.chars().count() >= 6 => base.to_string(),
        _ => stem,
    }
}

/// The stem of a Russian adjective without its "-ск" (and a soft sign before it), as the name it
/// is made from is stemmed: "курильск" → "курил"; `None` for a stem that does not end in "-ск".
pub(crate) fn adjective_base(stem: &str) -> Option<&str> {
    let base = stem.strip_suffix("ск")?;
    Some(base.strip_suffix('ь').unwrap_or(base))
}

/// Splits text into terms: words (stemmed), numbers and CJK bigrams, in order.
///
/// Possessives are dropped (`Japan's` → `japan`); a hyphenated compound gives its parts and, after
/// them, the parts joined (`Hokushin-ron` → `hokushin`, `ron`, `hokushinron`).
///
/// ```
/// use nichiro::search::tokenize;
/// let terms: Vec<String> = tokenize("Japan's GDP: $5.179 trillion").into_iter().map(|t| t.text).collect();
/// assert_eq!(terms, ["japan", "gdp", "5.179", "trillion"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Term> {
    let mut folded = fold(&us_as_usa(text));
    if !folded.is_ascii()
        && let Some(digits) = super::japanese::written_forms(&folded)
    {
        folded = digits;
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut terms = Vec::new();
    let mut compound: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_japanese(c) {
            let start = i;
            while i < chars.len() && is_japanese(chars[i]) {
                i += 1;
            }
            super::japanese::push_run(&chars[start..i], &mut terms);
            flush_compound(&mut compound, &mut terms);
        } else if c.is_ascii_digit() {
            let (number, next) = read_number(&chars, i);
            let (number, next) = decade(&chars, number, next);
            let (number, next) = super::ordinals::short_year(&chars, i, number, next);
            i = next;
            terms.push(Term { surface: number.clone(), text: number, kind: Kind::Number, joined: false });
            // "83.9%" is also a percentage, as users ask for it.
            if chars.get(i) == Some(&'%') {
                terms.push(Term {
                    text: stem("percent"),
                    kind: Kind::Word,
                    joined: false,
                    surface: "percent".into(),
                });
            }
            flush_compound(&mut compound, &mut terms);
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) && !chars[i].is_ascii_digit() {
                i += 1;
            }
            word.clear();
            word.extend(&chars[start..i]);
            i = skip_possessive(&chars, i);
            i = contraction(&chars, i, &mut word);
            one_script(&mut word);
            let hyphen =
                i + 1 < chars.len() && matches!(chars[i], '-' | '‐' | '‑') && is_word_char(chars[i + 1]);
            if hyphen || !compound.is_empty() {
                compound.push(word.clone());
            }
            terms.push(Term { text: stem(&word), kind: Kind::Word, joined: false, surface: word.clone() });
            if hyphen {
                i += 1;
            } else {
                flush_compound(&mut compound, &mut terms);
            }
        } else {
            flush_compound(&mut compound, &mut terms);
            i += 1;
        }
    }
    flush_compound(&mut compound, &mut terms);
    super::ordinals::words_for_ordinals(&mut terms);
    super::spoken::years_in_words(&mut terms);
    terms
}

/// A word typed in two alphabets ("Sахалин", "Hаходка", "Тokyo": a letter of the other alphabet, often
/// a capital that looks the same) written in the alphabet most of its letters are in: Latin letters by
/// the Cyrillic letter they look like (as capitals: H is Н, B is В) or else sound like, Cyrillic ones by
/// the Latin letter they look like. Letters with no such counterpart are left as they are.
fn one_script(word: &mut String) {
    const TO_CYRILLIC: &[(char, char)] = &[
        ('a', 'а'),
        ('c', 'с'),
        ('e', 'е'),
        ('o', 'о'),
        ('p', 'р'),
        ('x', 'х'),
        ('y', 'у'),
        ('k', 'к'),
        ('m', 'м'),
        ('t', 'т'),
        ('s', 'с'),
        ('d', 'д'),
        ('g', 'г'),
        ('l', 'л'),
        ('i', 'и'),
        ('u', 'у'),
        ('z', 'з'),
        ('f', 'ф'),
        ('n', 'н'),
        ('r', 'р'),
        ('v', 'в'),
        ('h', 'н'),
        ('b', 'в'),
    ];
    const TO_LATIN: &[(char, char)] = &[
        ('а', 'a'),
        ('с', 'c'),
        ('е', 'e'),
        ('о', 'o'),
        ('р', 'p'),
        ('х', 'x'),
        ('у', 'y'),
        ('к', 'k'),
        ('т', 't'),
        ('м', 'm'),
        ('н', 'h'),
        ('в', 'b'),
    ];
    // Most words are in one alphabet: a byte scan settles them before any counting.
    if word.is_ascii() || !word.bytes().any(|b| b.is_ascii_alphabetic()) {
        return;
    }
    let cyrillic = word.chars().filter(|&c| crate::lang::is_cyrillic(c)).count();
    let latin = word.chars().filter(char::is_ascii_alphabetic).count();
    if cyrillic == 0 || latin == 0 || cyrillic == latin {
        return;
    }
    let table = if cyrillic > latin { TO_CYRILLIC } else { TO_LATIN };
    *word =
        word.chars().map(|c| table.iter().find(|&&(from, _)| from == c).map_or(c, |&(_, to)| to)).collect();
}

fn flush_compound(parts: &mut Vec<String>, terms: &mut Vec<Term>) {
    if parts.len() > 1 {
        let surface = parts.concat();
        terms.push(Term { text: stem(&surface), kind: Kind::Word, joined: true, surface });
    }
    parts.clear();
}

/// Reads digits with inner `,` and `.` (`127,053,000`, `5.179`); commas are dropped.
/// A decade written after `number`, which ends before `chars[at]`: "1960s", "60s" (the twentieth
/// century's), "1960年代", "1960-х" / "60-е"; read as one term, `1960s`, which the index gives the
/// facts of that decade. Any other number is returned as it is.
fn decade(chars: &[char], number: String, at: usize) -> (String, usize) {
    let ends = |len: usize| chars.get(at + len).is_none_or(|c| !is_word_char(*c));
    let suffix = match (chars.get(at), chars.get(at + 1)) {
        (Some('s'), _) if ends(1) => 1,
        (Some('年'), Some('代')) => 2,
        (Some('-'), Some('х' | 'е')) if ends(2) => 2,
        (Some('-'), Some('ы')) if matches!(chars.get(at + 2), Some('х' | 'е')) && ends(3) => 3,
        (Some('х' | 'е'), _) if ends(1) => 1,
        (Some('ы'), Some('х' | 'е')) if ends(2) => 2,
        _ => return (number, at),
    };
    let year = match number.len() {
        4 => number.parse::<u32>().ok().filter(|y| (1000..=2100).contains(y)),
        2 => number.parse::<u32>().ok().map(|y| if y == 0 { 2000 } else { 1900 + y }),
        _ => None,
    };
    match year.filter(|y| y % 10 == 0) {
        Some(year) => (format!("{year}s"), at + suffix),
        None => (number, at),
    }
}

/// The decade a year falls in, as [`tokenize`] writes it (`1962` → `1960s`).
pub(crate) fn decade_of(year: i32) -> String {
    format!("{}s", year.div_euclid(10) * 10)
}

fn read_number(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    let mut text = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            text.push(c);
        } else if c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            text.push('.');
        } else if c == ',' && thousands_group(&chars[i + 1..]) {
            // A thousands separator ("127,053,000"); any other comma ends the number ("1,5").
        } else {
            break;
        }
        i += 1;
    }
    (text, i)
}

/// Whether `rest` starts with exactly three digits (then a non-digit or the end).
fn thousands_group(rest: &[char]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(char::is_ascii_digit)
        && rest.get(3).is_none_or(|c| !c.is_ascii_digit())
}

fn skip_possessive(chars: &[char], i: usize) -> usize {
    let apostrophe = chars.get(i).is_some_and(|c| matches!(c, '\'' | '’'));
    let s = chars.get(i + 1) == Some(&'s');
    let end = chars.get(i + 2).is_none_or(|c| !is_word_char(*c));
    if apostrophe && s && end { i + 2 } else { i }
}

/// Spoken forms joined to a word by an apostrophe ("we're", "they've", "I'd", "I'm"): the word
/// stands for itself, so that "re" or "ve" never weigh as words of a question. A negated auxiliary
/// keeps its form ("didn", "isn"), which says the question asks about what did not happen, except
/// "won't", which would otherwise read as "won". Returns where reading goes on.
fn contraction(chars: &[char], i: usize, word: &mut String) -> usize {
    if !chars.get(i).is_some_and(|c| matches!(c, '\'' | '’')) {
        return i;
    }
    let rest: String = chars[i + 1..].iter().take_while(|c| is_word_char(**c)).collect();
    let next = i + 1 + rest.chars().count();
    match rest.as_str() {
        "re" | "ve" | "ll" | "d" | "m" => next,
        "t" if word == "won" => {
            *word = "will".to_string();
            next
        }
        _ => i,
    }
}

#[cfg(test)]
pub(crate) mod tests;
mod verbs;
