//! The real fact base in `knowledge/`: it loads, passes its own checks, and covers the source article
//! (`knowledge/seed/japan-russia-relations.txt`): every section heading, every country-comparison row,
//! every image caption and every numbered reference.

use nichiro::knowledge::{self, Fact, KnowledgeBase};

const SEED: &str = include_str!("../knowledge/seed/japan-russia-relations.txt");

fn base() -> KnowledgeBase {
    match knowledge::load("knowledge") {
        Ok(kb) => kb,
        Err(knowledge::LoadError::Invalid(problems)) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("knowledge/ has problems:\n{}", list.join("\n"))
        }
        Err(e) => panic!("{e}"),
    }
}

/// Facts that cite the article at this locator (its section heading).
fn citing_article_at<'a>(kb: &'a KnowledgeBase, at: &str) -> Vec<&'a Fact> {
    kb.facts()
        .iter()
        .filter(|f| f.citations.iter().any(|c| c.key == "wikipedia" && c.at.as_deref() == Some(at)))
        .collect()
}

#[test]
fn real_base_loads_with_expected_size() {
    let stats = base().stats();
    assert!(stats.facts >= 170, "{stats}");
    assert!(stats.sources >= 60, "{stats}");
    assert!(stats.synonym_groups >= 20, "{stats}");
}

#[test]
fn every_article_heading_is_cited() {
    let kb = base();
    // "Introduction" is the lead, which has no heading; "History" is the untitled paragraph before
    // the tsarist era. The rest are the article's headings, written as the article writes them.
    let headings = [
        "Country comparison",
        "Tsarist era (1855–1917)",
        "Soviet era 1917-1991",
        "Early post-Soviet era (1991–1999)",
        "Current relations (1999–present)",
        "Kuril Islands dispute",
        "Military cooperation",
    ];
    for heading in headings {
        assert!(SEED.lines().any(|l| l.trim() == heading), "\"{heading}\" is not a heading of the article");
    }
    for at in headings.iter().chain(&["Introduction", "History"]) {
        assert!(!citing_article_at(&kb, at).is_empty(), "no fact cites the article at \"{at}\"");
    }
}

/// The country-comparison rows, as the article labels them.
const ROWS: &[&str] = &[
    "Population",
    "Area",
    "Population density",
    "Capital",
    "Largest city",
    "Government",
    "Official languages",
    "Main religions",
    "Ethnic groups",
    "GDP (nominal)",
    "Expatriate populations",
    "Military expenditures",
];

/// Each row's text after its label, with wrapped lines joined.
fn comparison_rows() -> Vec<(&'static str, String)> {
    let table: Vec<&str> = SEED
        .lines()
        .skip_while(|l| !l.starts_with("Population "))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let mut rows: Vec<(&str, String)> = Vec::new();
    for line in table {
        let label = ROWS.iter().filter(|r| line.starts_with(&format!("{r} "))).max_by_key(|r| r.len());
        match (label, rows.last_mut()) {
            (Some(label), _) => rows.push((label, line[label.len()..].trim().to_string())),
            (None, Some((_, text))) if !line.contains("Leaders") => {
                text.push(' ');
                text.push_str(line.trim());
            }
            _ => {}
        }
    }
    rows
}

/// The figures of a row: every run of digits with its inner commas and decimal points.
fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (!current.is_empty() && matches!(c, ',' | '.')) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(current.trim_end_matches([',', '.']).to_string());
            current.clear();
        }
    }
    out
}

#[test]
fn every_comparison_row_is_covered() {
    let kb = base();
    let rows = comparison_rows();
    assert_eq!(rows.iter().map(|(l, _)| *l).collect::<Vec<_>>(), ROWS, "table rows as parsed");
    let comparison: Vec<&Fact> = citing_article_at(&kb, "Country comparison");
    for (label, text) in rows {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let covered = comparison.iter().any(|f| {
            let passage = f.passage.to_lowercase();
            figures(&text).iter().all(|n| f.passage.contains(n.as_str()))
                && words.iter().all(|w| passage.contains(&w.to_lowercase()))
        }) || covered_across(&comparison, &text, &words);
        assert!(covered, "row \"{label}\" ({text}) is not covered by any country-comparison fact");
    }
}

/// A long row (religions, ethnic groups) may be split between a Japan fact and a Russia fact:
/// then every figure and name must appear in one of the comparison facts.
fn covered_across(facts: &[&Fact], text: &str, words: &[&str]) -> bool {
    let all: String = facts.iter().map(|f| f.passage.as_str()).collect::<Vec<_>>().join(" ");
    let lower = all.to_lowercase();
    figures(text).iter().all(|n| all.contains(n.as_str()))
        && words.iter().all(|w| lower.contains(&w.to_lowercase()))
}

#[test]
fn every_image_caption_is_covered() {
    let kb = base();
    // (the caption as the article prints it, terms a fact answering it must contain)
    let captions: &[(&str, &[&str])] = &[
        ("Map indicating locations of Japan and Russia", &["map"]),
        ("meet in Da Nang, Vietnam in November 2017", &["Da Nang", "2017"]),
        ("Imperial Seal of Japan", &["Imperial Seal"]),
        ("Map of Japanese Hokushin-ron plans", &["Hokushin"]),
        ("Vladimir Putin and Junichiro Koizumi in 2003 at the APEC Summit", &["Koizumi", "APEC"]),
        ("Extreme-right truck confronting the Japanese police", &["truck", "2015"]),
        ("Extreme-right van blasting propaganda", &["van"]),
        ("Defense Minister Sergei Shoigu's visit to Japan in 2017", &["Shoigu", "2017"]),
    ];
    for (caption, terms) in captions {
        assert!(SEED.contains(caption), "\"{caption}\" is not in the article");
        let found = kb.facts().iter().any(|f| {
            let text = format!("{} {}", f.passage, f.keywords.join(" ")).to_lowercase();
            terms.iter().all(|t| text.contains(&t.to_lowercase()))
        });
        assert!(found, "no fact covers the caption \"{caption}\" (needs {terms:?})");
    }
}

#[test]
fn every_article_reference_has_a_cited_source() {
    let kb = base();
    let refs: Vec<(u32, bool)> = SEED
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.trim().split_once(". ^")?;
            Some((n.parse().ok()?, rest.trim() == "[]"))
        })
        .collect();
    assert_eq!(refs.len(), 27, "the article has 27 numbered references");
    for (n, empty) in refs {
        let source = kb.sources().find(|s| s.article_ref == Some(n));
        assert_eq!(
            source.is_none(),
            empty,
            "reference [{n}]: a source exactly when the reference is not empty"
        );
        if let Some(source) = source {
            let cited = kb.facts().iter().any(|f| f.citations.iter().any(|c| c.key == source.key));
            assert!(cited, "reference [{n}] ({}) is never cited", source.key);
        }
    }
}

#[test]
fn every_fact_drawn_from_the_article_cites_a_section() {
    let kb = base();
    for fact in kb.facts() {
        for c in fact.citations.iter().filter(|c| c.key == "wikipedia") {
            assert!(c.at.is_some(), "{}: cite the article with `at` = its section", fact.id);
        }
    }
}

#[test]
fn article_licence_is_recorded() {
    let kb = base();
    let article = kb.source("wikipedia").expect("the source article is a source");
    assert_eq!(article.licence.as_deref(), Some("CC BY-SA 4.0"));
    assert!(article.url.as_deref().is_some_and(|u| u.starts_with("https://en.wikipedia.org/")));
}

/// The units of the study guide, in order: each is a folder of `knowledge/facts/` whose facts all
/// carry the unit's name as their `section`.
const UNITS: [(&str, &str); 13] = [
    ("01-first-contacts", "First contacts and borders (to 1891)"),
    ("02-korea-and-manchuria", "Rivalry over Korea and Manchuria (1891–1903)"),
    ("03-russo-japanese-war", "The Russo-Japanese War (1904–1905)"),
    ("04-ententes-and-intervention", "Ententes, revolution and intervention (1905–1925)"),
    ("05-manchuria-and-border-wars", "Manchuria, border wars and neutrality (1931–1944)"),
    ("06-war-of-1945", "1945: the Soviet–Japanese War and its aftermath"),
    ("07-cold-war", "The Cold War (1945–1991)"),
    ("08-russia-and-japan-1991-2012", "Russia and Japan, 1991–2012"),
    ("09-abe-putin-years", "The Abe–Putin years (2012–2020)"),
    ("10-since-2021", "Since 2021: war, sanctions and frozen relations"),
    ("11-kurils-and-sakhalin-today", "The Kuril Islands and Sakhalin today"),
    ("12-economy-people-culture", "Economy, people and culture"),
    ("13-overview", "Overview and country comparison"),
];

/// The unit folder a fact's file is in (`None` for a file directly under `facts/`).
fn unit_of(fact: &Fact) -> Option<String> {
    let folder = fact.origin.path.parent()?;
    let name = folder.file_name()?.to_str()?;
    (folder.parent()?.file_name()? == "facts").then(|| name.to_string())
}

#[test]
fn every_unit_has_facts() {
    let kb = base();
    for (folder, section) in UNITS {
        let n = kb.facts().iter().filter(|f| unit_of(f).as_deref() == Some(folder)).count();
        assert!(n > 0, "unit {folder} (\"{section}\") has no facts");
    }
}

#[test]
fn every_fact_is_in_a_unit_folder_with_its_section() {
    let kb = base();
    for fact in kb.facts() {
        let folder = unit_of(fact);
        let unit = UNITS.iter().find(|(f, _)| Some(*f) == folder.as_deref());
        let Some((folder, section)) = unit else {
            panic!("{}: fact \"{}\" is not in a unit folder of the study guide", fact.origin, fact.id)
        };
        assert_eq!(fact.section, *section, "{}: fact \"{}\" is in {folder}", fact.origin, fact.id);
    }
}

#[test]
fn every_wikipedia_article_is_attributed() {
    let kb = base();
    for source in kb.sources().filter(|s| s.url.as_deref().is_some_and(|u| u.contains(".wikipedia.org/"))) {
        assert_eq!(source.licence.as_deref(), Some("CC BY-SA 4.0"), "{}: licence", source.key);
        assert!(source.work.as_deref().is_some_and(|w| w.contains("Wikipedia")), "{}: work", source.key);
    }
}

#[test]
fn every_stored_question_reaches_its_own_fact() {
    let index = nichiro::search::Index::new(base(), nichiro::search::Settings::default());
    let misrouted: Vec<String> = nichiro::search::misrouted(&index)
        .iter()
        .map(|m| {
            let other = m.answered_by.and_then(|h| index.fact(h)).map_or("(declined)", |f| f.id.as_str());
            format!("\"{}\" of {} → {other}", m.question, index.knowledge().facts()[m.fact].id)
        })
        .collect();
    assert!(misrouted.is_empty(), "questions another fact answers:\n{}", misrouted.join("\n"));
}

#[test]
fn readme_attributes_every_wikipedia_article() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for source in base().sources() {
        if let Some(url) = source.url.as_deref().filter(|u| u.contains(".wikipedia.org/")) {
            assert!(readme.contains(url), "README does not attribute {} ({url})", source.key);
        }
    }
}
