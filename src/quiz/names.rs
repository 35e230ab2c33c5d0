//! Names as quiz answers: which keywords of a fact name a person, and whether typed text names one.

use crate::knowledge::Fact;
use crate::search::{fold, typo_budget};

use crate::search::words;

/// Words that make a keyword a country, people, place, event, document or institution, never a person.
const NOT_PERSON: &[&str] = &[
    "japan",
    "japanese",
    "russia",
    "russian",
    "russians",
    "soviet",
    "soviets",
    "ussr",
    "union",
    "china",
    "chinese",
    "korea",
    "korean",
    "mongolia",
    "mongolian",
    "manchukuo",
    "manchuria",
    "america",
    "american",
    "united",
    "states",
    "ukraine",
    "ukrainian",
    "imperial",
    "empire",
    "british",
    "britain",
    "nippon",
    "treaty",
    "pact",
    "declaration",
    "convention",
    "agreement",
    "statement",
    "plan",
    "war",
    "battle",
    "battles",
    "incident",
    "island",
    "islands",
    "lake",
    "sea",
    "port",
    "bay",
    "strait",
    "river",
    "mount",
    "hill",
    "territories",
    "kurils",
    "kuril",
    "chain",
    "oblast",
    "region",
    "forum",
    "bank",
    "party",
    "army",
    "navy",
    "forces",
    "force",
    "embassy",
    "council",
    "ministry",
    "group",
    "cup",
    "alliance",
    "rebellion",
    "uprising",
    "era",
    "summit",
    "project",
    "energy",
    "doctrine",
    "road",
    "center",
    "centre",
    "agency",
    "development",
    "company",
    "co",
    "corporation",
    "day",
    "law",
    "cabinet",
    "government",
    "staff",
    "office",
    "exchange",
    "zone",
    "far",
    "east",
    "north",
    "south",
    "northern",
    "southern",
    "eastern",
    "western",
    "oil",
    "gas",
    "research",
    "university",
    "times",
    "news",
    "points",
    "restoration",
    "shogunate",
    "federation",
    "republic",
    "kingdom",
    "prefecture",
    "city",
    "world",
    "peace",
    "amendment",
    "network",
    "subprefecture",
    "cooperation",
    "economic",
    "commission",
    "committee",
    "association",
    "institute",
    "organization",
    "organisation",
    "foundation",
    "society",
    "league",
    "district",
    "fleet",
    "principle",
];

/// Words before a surname in a passage that show the surname is a person's ("Premier Bulganin").
const TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "admiral",
    "general",
    "tsar",
    "emperor",
    "empress",
    "prince",
    "princess",
    "ambassador",
    "secretary",
    "chancellor",
    "marshal",
    "mr",
    "mrs",
    "dr",
    "envoy",
    "king",
    "queen",
];

/// Lower-case words allowed inside a name ("Catherine the Great").
const PARTICLES: &[&str] = &["the", "de", "von", "van", "der"];

fn is_latin(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || c == '’')
}

fn is_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether a Latin keyword is shaped like a person's name: capitalised words (Roman numerals and a
/// few particles allowed), no acronym, no word of [`NOT_PERSON`].
fn name_shaped(keyword: &str) -> bool {
    let raw: Vec<&str> = keyword.split([' ', '-', '–']).filter(|w| !w.is_empty()).collect();
    let shaped = raw.iter().enumerate().all(|(i, w)| {
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let acronym = w.chars().filter(|c| c.is_uppercase()).count() > 1 && !is_roman(w);
        let particle = i > 0 && i + 1 < raw.len() && PARTICLES.contains(w);
        (first_upper && !acronym && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’'))
            || particle
            || is_roman(w)
    });
    shaped && !words(keyword).iter().any(|w| NOT_PERSON.contains(&w.as_str()))
}

/// The passage's spelling of a one-word keyword when a given name or title stands before it
/// ("Bulganin" → "Nikolai Bulganin"), which shows it names a person. A word that starts another of the
/// fact's keywords does not count ("Etorofu (Iturup)").
fn person_in_passage(fact: &Fact, keyword: &str) -> Option<String> {
    let raw: Vec<&str> = fact.passage.split_whitespace().collect();
    let target = words(keyword);
    let starts_keyword = |w: &str| {
        fact.keywords.iter().any(|k| k != keyword && words(k).first().is_some_and(|f| *f == fold(w)))
    };
    for pair in raw.windows(2) {
        let (before, here) = (pair[0], pair[1]);
        let here_starts = here.chars().next().is_some_and(char::is_alphabetic);
        if !here_starts || words(here).first() != target.first() || !before.chars().all(char::is_alphabetic) {
            continue;
        }
        let lower = fold(before);
        let capitalised = before.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || NOT_PERSON.contains(&lower.as_str()) || starts_keyword(before) {
            continue;
        }
        if TITLES.contains(&lower.as_str()) {
            return Some(keyword.to_string());
        }
        if !PARTICLES.contains(&lower.as_str()) {
            return Some(format!("{before} {keyword}"));
        }
    }
    None
}

/// Whether typed word `typed` is `word` allowing the typos [`typo_budget`] allows; the first letter must
/// be right.
fn same_word(typed: &str, word: &str) -> bool {
    if typed == word {
        return true;
    }
    let n = word.chars().count();
    let budget = typo_budget(n);
    budget > 0
        && typed.chars().next() == word.chars().next()
        && typed.chars().count().abs_diff(n) <= budget
        && strsim::damerau_levenshtein(typed, word) <= budget
}

/// Whether `answer` names `name`: the whole name, or its distinctive word (the last word, or the first
/// when a particle follows it), of at least 4 letters. Names in Han or kana must appear as written.
pub(crate) fn names(answer: &str, name: &str) -> bool {
    if is_cjk(name) {
        return crate::search::fold(answer).contains(&crate::search::fold(name));
    }
    let typed = words(answer);
    let parts = words(name);
    let has = |w: &str| typed.iter().any(|t| same_word(t, w));
    let particle = parts.iter().position(|w| PARTICLES.contains(&w.as_str()));
    let distinctive = match particle {
        Some(p) if p > 0 => parts.get(p - 1),
        _ => parts.last(),
    };
    let by_word = distinctive.is_some_and(|w| w.chars().count() >= 4 && has(w));
    let whole = !parts.is_empty() && parts.iter().all(|w| has(w));
    by_word || whole
}

/// Words that often surround a name in an answer and that the everyday-word list lacks: titles,
/// nationalities and the like, which say nothing about who is meant.
const FILLER: &[&str] = &[
    "guess",
    "pretty",
    "answer",
    "named",
    "called",
    "russian",
    "japanese",
    "soviet",
    "admiral",
    "emperor",
    "tsar",
    "prime",
    "minister",
    "foreign",
    "captain",
    "count",
    "baron",
    "prince",
    "envoy",
    "ambassador",
    "president",
    "premier",
    "leader",
    "explorer",
    "navigator",
    "diplomat",
    "signed",
];

/// Whether an answer hedges by listing names: more than three words of four letters or more that are
/// neither part of an accepted name, nor everyday words, nor filler ("Laxman Rezanov Golovnin Putyatin Witte").
pub(crate) fn hedges(answer: &str, accepted: &[String]) -> bool {
    let accepted: Vec<String> = accepted.iter().flat_map(|n| words(n)).collect();
    let others = words(answer)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !FILLER.contains(&w.as_str()) && !super::STOP.contains(w))
        .filter(|w| !accepted.iter().any(|a| same_word(w, a)))
        .count();
    others > 3
}

/// One person: the spellings of their name, the first as the passage has it.
type Person = Vec<String>;

/// The names that answer a "who" question about `fact`: keywords shaped like a person's name that the
/// passage mentions and the question does not, each with the spellings listed after it.
///
/// When the question itself names a person ("Who sent Laxman?") and several others remain, which one
/// is meant is a matter of grammar this module does not parse: nothing is returned. When `nouns`
/// (the words after "which") title some of the people in the passage ("Tsar Alexander I" for "Which
/// tsar"), only those are kept.
pub(crate) fn answer_names(fact: &Fact, question: &str, nouns: &[String]) -> Vec<String> {
    let (people, names_a_person) = people(fact, question);
    let titled: Vec<&Person> =
        people.iter().filter(|p| nouns.iter().any(|n| titled_in(&fact.passage, &p[0], n))).collect();
    let chosen: Vec<&Person> = if titled.is_empty() { people.iter().collect() } else { titled };
    if names_a_person && chosen.len() > 1 {
        return Vec::new();
    }
    chosen.into_iter().flatten().cloned().collect()
}

/// The people among the fact's keywords, and whether the question names one of them.
fn people(fact: &Fact, question: &str) -> (Vec<Person>, bool) {
    let asked = words(question);
    let passage_words = words(&fact.passage);
    let in_question = |k: &str| words(k).iter().any(|w| asked.iter().any(|a| same_word(a, w)));
    let mut people: Vec<Person> = Vec::new();
    let mut names_a_person = false;
    // Whether the latest Latin keyword is a person: spellings in other scripts follow their keyword.
    let mut current: Option<Person> = None;
    for keyword in &fact.keywords {
        if !is_latin(keyword)
            || current.as_ref().is_some_and(|p| name_shaped(keyword) && shares_word(&p[0], keyword))
        {
            if let Some(person) = current.as_mut().filter(|_| !in_question(keyword)) {
                person.push(keyword.clone());
            }
            continue;
        }
        people.extend(current.take().map(with_reversed));
        if !name_shaped(keyword) {
            continue;
        }
        if in_question(keyword) {
            names_a_person |= words(keyword).len() >= 2;
            continue;
        }
        let mentioned = words(keyword).iter().all(|w| passage_words.contains(w));
        if words(keyword).len() >= 2 && mentioned && !after_the(&fact.passage, keyword) {
            current = Some(vec![keyword.clone()]);
        } else if let Some(full) = person_in_passage(fact, keyword) {
            current = Some(if full == *keyword { vec![full] } else { vec![full, keyword.clone()] });
        }
    }
    people.extend(current.map(with_reversed));
    (people, names_a_person)
}

/// Whether every time the passage writes `name` it writes "the" just before: "the Open Door".
fn after_the(passage: &str, name: &str) -> bool {
    let text = words(passage);
    let name = words(name);
    let starts: Vec<usize> = (0..text.len()).filter(|&i| text[i..].starts_with(&name)).collect();
    !starts.is_empty() && starts.iter().all(|&i| i > 0 && text[i - 1] == "the")
}

/// Whether the passage writes `noun` (or a title containing it) within two words before `name`.
fn titled_in(passage: &str, name: &str, noun: &str) -> bool {
    let text = words(passage);
    let first = words(name);
    let Some(first) = first.first() else { return false };
    (0..text.len())
        .filter(|&i| &text[i] == first)
        .any(|i| text[i.saturating_sub(2)..i].iter().any(|w| w == noun))
}

/// Adds the reversed order of a two-word Japanese name (one with a spelling in Han characters and no
/// katakana), since either word may be the family name ("Kawaji Toshiakira" → "Toshiakira Kawaji").
fn with_reversed(mut person: Person) -> Person {
    let japanese = person.iter().any(|s| {
        s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            && !s.chars().any(|c| ('\u{30A0}'..='\u{30FF}').contains(&c))
    });
    let parts: Vec<&str> = person[0].split_whitespace().collect();
    let titled = parts.iter().any(|p| TITLES.contains(&fold(p).as_str()));
    if japanese && parts.len() == 2 && !titled {
        let reversed = format!("{} {}", parts[1], parts[0]);
        if !person.contains(&reversed) {
            person.push(reversed);
        }
    }
    person
}

/// Whether two keywords share a word of 4 letters or more, allowing typos: spellings of one name.
fn shares_word(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    a.iter().filter(|w| w.chars().count() >= 4).any(|w| b.iter().any(|v| same_word(v, w) || same_word(w, v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_shape() {
        assert!(name_shaped("Yevfimy Putyatin"));
        assert!(name_shaped("Catherine the Great"));
        assert!(name_shaped("Alexander I"));
        assert!(!name_shaped("Chief of the General Staff"));
        assert!(!name_shaped("Imperial Japanese Army"));
        assert!(!name_shaped("APEC 2003"));
        assert!(!name_shaped("Treaty of Shimoda"));
        assert!(!name_shaped("Lake Khasan"));
    }

    #[test]
    fn surname_with_given_name_in_passage() {
        let mut f = crate::knowledge::test_fact(
            "f",
            "signed by Prime Minister Ichirō Hatoyama and Soviet Premier Nikolai Bulganin, in Nagasaki, \
             between Etorofu (Iturup) and Etorofu Urup, by the Lake Khasan",
            None,
            &[],
            &["Etorofu", "Urup"],
        );
        assert_eq!(person_in_passage(&f, "Bulganin").as_deref(), Some("Nikolai Bulganin"));
        assert_eq!(person_in_passage(&f, "Nagasaki"), None);
        assert_eq!(person_in_passage(&f, "Iturup"), None);
        assert_eq!(person_in_passage(&f, "Urup"), None);
        assert_eq!(person_in_passage(&f, "Khasan"), None);
        f.passage = "by Premier Bulganin".into();
        assert_eq!(person_in_passage(&f, "Bulganin").as_deref(), Some("Bulganin"));
    }

    #[test]
    fn names_written_after_the_are_not_people() {
        assert!(after_the("split by the Open Door principle", "Open Door"));
        assert!(!after_the("by Sergei Witte", "Sergei Witte"));
        assert!(!after_the("Yosuke Matsuoka", "Matsuoka Yosuke"));
    }

    #[test]
    fn names_by_distinctive_word_with_typos() {
        assert!(names("it was putyatin", "Yevfimy Putyatin"));
        assert!(names("Putjatin", "Yevfimy Putyatin"));
        assert!(!names("Putin", "Yevfimy Putyatin"));
        assert!(!names("Yevfimy", "Yevfimy Putyatin"));
        assert!(names("catherine", "Catherine the Great"));
        assert!(!names("Peter the Great", "Catherine the Great"));
        assert!(names("Alexander I", "Alexander I"));
        assert!(!names("Alexander", "Alexander I"));
        assert!(names("プーチン大統領", "プーチン"));
    }
}
