//! Formatting sources as references a reader can follow.

use crate::knowledge::{Date, Fact, KnowledgeBase, Source};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn long_date(d: Date) -> String {
    match (d.month(), d.day()) {
        (Some(m), Some(day)) => format!("{day} {} {}", MONTHS[usize::from(m) - 1], d.year()),
        (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], d.year()),
        _ => d.year().to_string(),
    }
}

fn authors(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// Formats one source as a reference, with an optional locator (section, page) inside it.
///
/// ```
/// use nichiro::answer::format_reference;
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let r = format_reference(kb.source("majumdar-2017").unwrap(), None);
/// assert_eq!(r, "Dave Majumdar, \"Could Russia and Japan Finally Settle Their Island Dispute?\", The National Interest, 12 December 2017");
/// ```
pub fn format_reference(source: &Source, at: Option<&str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(authors(&source.authors));
    parts.push(format!("\"{}\"", source.title));
    parts.extend(source.work.clone());
    parts.extend(source.publisher.clone());
    parts.extend(source.date.map(long_date));
    parts.extend(source.pages.as_ref().map(|p| format!("pp. {p}")));
    parts.extend(at.map(|a| format!("at: {a}")));
    let mut text = parts.join(", ");
    if let Some(url) = &source.url {
        text.push_str(&format!(" <{url}>"));
    }
    if let Some(licence) = &source.licence {
        text.push_str(&format!(" ({licence})"));
    }
    text
}

/// References numbered as they are shown everywhere: `[1] ...`, `[2] ...`.
///
/// ```
/// let refs = vec!["A".to_string(), "B".to_string()];
/// assert_eq!(nichiro::answer::numbered(&refs), ["[1] A", "[2] B"]);
/// ```
pub fn numbered(references: &[String]) -> Vec<String> {
    references.iter().enumerate().map(|(i, r)| format!("[{}] {r}", i + 1)).collect()
}

/// A fact's references, formatted, in the order the fact cites them.
///
/// ```
/// use nichiro::answer::references;
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// let refs = references(&kb, kb.fact("kuril-fisherman-killed-2006").unwrap());
/// assert!(refs.iter().any(|r| r.starts_with("Wikipedia contributors, \"Japan–Russia relations\"")));
/// assert!(refs.iter().any(|r| r.contains("Justin McCurry")));
/// ```
pub fn references(kb: &KnowledgeBase, fact: &Fact) -> Vec<String> {
    fact.citations
        .iter()
        .map(|c| match kb.source(&c.key) {
            Some(source) => format_reference(source, c.at.as_deref()),
            None => c.key.clone(),
        })
        .collect()
}
