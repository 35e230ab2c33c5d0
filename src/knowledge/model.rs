//! The fact base as the rest of nichiro sees it: validated facts, sources and synonyms.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::{Date, Location};
use crate::lang::Lang;

/// One curated fact: a short cited passage and the questions it answers.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Stable kebab-case id, unique in the base.
    pub id: String,
    /// The part of the story the fact belongs to.
    pub section: String,
    /// 1–4 sentences in the project's own words.
    pub passage: String,
    /// The works the passage rests on, each with an optional locator.
    pub citations: Vec<Citation>,
    /// When the events happened, for facts about events.
    pub when: Option<When>,
    /// Questions as users ask them.
    pub questions: Vec<String>,
    /// Names, aliases and spellings, in any script.
    pub keywords: Vec<String>,
    /// Ids of closely related facts.
    pub related: Vec<String>,
    /// A curator note, never shown to users.
    pub note: Option<String>,
    /// Where the fact's id is written.
    pub origin: Location,
    /// The passage and questions in Japanese (`None` only for facts built outside the curated base,
    /// such as a server's approved suggestions).
    pub ja: Option<Text>,
    /// The passage and questions in Russian (likewise).
    pub ru: Option<Text>,
}

/// A fact's passage and questions in one language other than English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The passage, faithful to the English one.
    pub passage: String,
    /// Questions as speakers of the language ask them.
    pub questions: Vec<String>,
}

/// A fact for unit tests, in English only, in section "Tsarist era", citing source "s".
#[cfg(test)]
pub(crate) fn test_fact(
    id: &str,
    passage: &str,
    when: Option<When>,
    questions: &[&str],
    keywords: &[&str],
) -> Fact {
    Fact {
        id: id.into(),
        section: "Tsarist era".into(),
        passage: passage.into(),
        citations: vec![Citation { key: "s".into(), at: None }],
        when,
        questions: questions.iter().map(|q| q.to_string()).collect(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        related: Vec::new(),
        note: None,
        origin: Location { path: "x".into(), line: 1, column: 1 },
        ja: None,
        ru: None,
    }
}

impl Fact {
    /// The fact's passage and questions in `lang`, if it has them (English always).
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let (passage, questions) = kb.fact("treaty-of-portsmouth-1905").unwrap().text(Lang::Ru).unwrap();
    /// assert!(passage.contains("Портсмут") && !questions.is_empty());
    /// ```
    pub fn text(&self, lang: Lang) -> Option<(&str, &[String])> {
        match lang {
            Lang::En => Some((&self.passage, &self.questions)),
            Lang::Ja => self.ja.as_ref().map(|t| (t.passage.as_str(), t.questions.as_slice())),
            Lang::Ru => self.ru.as_ref().map(|t| (t.passage.as_str(), t.questions.as_slice())),
        }
    }

    /// The passage in `lang`, or in English when the fact has none in that language.
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let fact = kb.fact("treaty-of-portsmouth-1905").unwrap();
    /// assert!(fact.passage_in(Lang::Ja).contains("ポーツマス"));
    /// assert!(fact.passage_in(Lang::En).contains("Portsmouth"));
    /// ```
    pub fn passage_in(&self, lang: Lang) -> &str {
        self.text(lang).map_or(&self.passage, |(p, _)| p)
    }

    /// The stored questions in `lang`, or in English when the fact has none in that language.
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let fact = kb.fact("treaty-of-portsmouth-1905").unwrap();
    /// assert!(!fact.questions_in(Lang::Ru).is_empty());
    /// ```
    pub fn questions_in(&self, lang: Lang) -> &[String] {
        self.text(lang).map_or(&self.questions, |(_, q)| q)
    }

    /// Every stored question in every language, English first.
    pub fn all_questions(&self) -> impl Iterator<Item = &String> {
        let ja = self.ja.iter().flat_map(|t| t.questions.iter());
        let ru = self.ru.iter().flat_map(|t| t.questions.iter());
        self.questions.iter().chain(ja).chain(ru)
    }
}

/// A reference from a fact to a work in `sources.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// A key of `sources.toml`.
    pub key: String,
    /// A locator inside the work: a section, page or document number.
    pub at: Option<String>,
}

/// The time a fact is about: one date, or a span that may still be going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A single date (to year, month or day).
    On(Date),
    /// From a date, to a date or (when `None`) to the present.
    Span(Date, Option<Date>),
}

impl When {
    /// The earliest year the fact is about.
    ///
    /// ```
    /// use nichiro::knowledge::{Date, When};
    /// let war = When::Span(Date::parse("1904-02").unwrap(), Date::parse("1905-09").ok());
    /// assert_eq!(war.start_year(), 1904);
    /// ```
    pub fn start_year(&self) -> i32 {
        match self {
            When::On(d) | When::Span(d, _) => d.year(),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::On(d) => write!(f, "{d}"),
            When::Span(from, Some(to)) => write!(f, "{from} – {to}"),
            When::Span(from, None) => write!(f, "{from} – present"),
        }
    }
}

/// What sort of work a source is, as the research notes classify them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An encyclopedia article (the source article is one).
    Encyclopedia,
    /// An official document or government page.
    Primary,
    /// A news-agency report.
    Wire,
    /// A newspaper or magazine article.
    News,
    /// A think-tank paper, survey or similar work.
    Secondary,
    /// A book.
    Book,
    /// A journal article.
    Journal,
}

/// A cited work from `sources.toml`.
#[derive(Debug, Clone)]
pub struct Source {
    /// The short key facts cite it by.
    pub key: String,
    /// Title of the work.
    pub title: String,
    /// Authors, in order.
    pub authors: Vec<String>,
    /// The newspaper, site, journal or series.
    pub work: Option<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// When the work was consulted (as the article records it).
    pub accessed: Option<Date>,
    /// Where to read it.
    pub url: Option<String>,
    /// Page range.
    pub pages: Option<String>,
    /// ISBN for books.
    pub isbn: Option<String>,
    /// What sort of work it is.
    pub kind: Option<SourceKind>,
    /// Language code when not English.
    pub language: Option<String>,
    /// Licence of the text, for works the fact base adapts.
    pub licence: Option<String>,
    /// Link to the licence.
    pub licence_url: Option<String>,
    /// The work's reference number in the source article.
    pub article_ref: Option<u32>,
    /// A curator note.
    pub note: Option<String>,
}

/// Words and phrases that mean the same in this domain, lower-cased as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    /// The equivalent terms; single words or phrases.
    pub terms: Vec<String>,
}

/// Counts that summarise a fact base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Number of facts.
    pub facts: usize,
    /// Number of sources.
    pub sources: usize,
    /// Number of questions over all facts.
    pub questions: usize,
    /// Number of distinct sections.
    pub sections: usize,
    /// Number of synonym groups.
    pub synonym_groups: usize,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} facts, {} sources, {} questions, {} sections, {} synonym groups",
            self.facts, self.sources, self.questions, self.sections, self.synonym_groups
        )
    }
}

/// A loaded, validated fact base.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    facts: Vec<Fact>,
    by_id: HashMap<String, usize>,
    sources: BTreeMap<String, Source>,
    /// Shared with the bases of servers' suggestions made [`KnowledgeBase::beside`] this one.
    synonyms: std::sync::Arc<[SynonymGroup]>,
    /// Section names in the other languages, by English name.
    section_names: std::sync::Arc<BTreeMap<String, SectionNames>>,
}

/// A section's name in Japanese and Russian (`knowledge/sections.toml`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionNames {
    /// The name in Japanese.
    pub ja: String,
    /// The name in Russian.
    pub ru: String,
}

impl KnowledgeBase {
    pub(crate) fn new(
        facts: Vec<Fact>,
        sources: BTreeMap<String, Source>,
        synonyms: impl Into<std::sync::Arc<[SynonymGroup]>>,
    ) -> Self {
        let by_id = facts.iter().enumerate().map(|(i, f)| (f.id.clone(), i)).collect();
        Self { facts, by_id, sources, synonyms: synonyms.into(), section_names: Default::default() }
    }

    pub(crate) fn with_section_names(mut self, names: BTreeMap<String, SectionNames>) -> Self {
        self.section_names = names.into();
        self
    }

    /// A section's name in `lang` (the English name when it has none in that language).
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// assert_eq!(kb.section_in("The Cold War (1945–1991)", Lang::Ja), "冷戦期（1945〜1991年）");
    /// assert_eq!(kb.section_in("Unknown", Lang::Ru), "Unknown");
    /// ```
    pub fn section_in<'a>(&'a self, section: &'a str, lang: Lang) -> &'a str {
        match (self.section_names.get(section), lang) {
            (Some(n), Lang::Ja) => &n.ja,
            (Some(n), Lang::Ru) => &n.ru,
            _ => section,
        }
    }

    /// All facts, in file order (files sorted by name).
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// assert!(kb.facts().len() > 100);
    /// ```
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The fact with this id.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let first = &kb.facts()[0];
    /// assert_eq!(kb.fact(&first.id).unwrap().id, first.id);
    /// assert!(kb.fact("no-such-fact").is_none());
    /// ```
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.by_id.get(id).map(|&i| &self.facts[i])
    }

    /// The source with this key.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// assert_eq!(kb.source("wikipedia").unwrap().licence.as_deref(), Some("CC BY-SA 4.0"));
    /// ```
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    /// All sources, by key.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// assert!(kb.sources().any(|s| s.key == "wikipedia"));
    /// ```
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// The synonym groups.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// assert!(kb.synonyms().iter().all(|g| g.terms.len() >= 2));
    /// ```
    pub fn synonyms(&self) -> &[SynonymGroup] {
        &self.synonyms
    }

    /// Each section with its number of facts, in order of first appearance.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let sections = kb.sections();
    /// assert_eq!(sections[0].0, "First contacts and borders (to 1891)");
    /// assert!(sections.iter().any(|(s, n)| *s == "The Russo-Japanese War (1904–1905)" && *n > 1));
    /// ```
    pub fn sections(&self) -> Vec<(&str, usize)> {
        let mut sections: Vec<(&str, usize)> = Vec::new();
        for fact in &self.facts {
            match sections.iter_mut().find(|(s, _)| *s == fact.section) {
                Some((_, n)) => *n += 1,
                None => sections.push((&fact.section, 1)),
            }
        }
        sections
    }

    /// A base of only `facts` and `sources` (a server's approved suggestions) that reads words as
    /// this one does (its synonyms and section names); a fact or source whose id or key this base
    /// has is left out, so an id names one fact across the two.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let mut fact = kb.facts()[0].clone();
    /// assert!(kb.beside(vec![fact.clone()], vec![]).facts().is_empty());
    /// fact.id = "another-fact".into();
    /// let own = kb.beside(vec![fact], vec![]);
    /// assert_eq!(own.facts().len(), 1);
    /// assert!(own.fact("another-fact").is_some());
    /// ```
    pub fn beside(&self, facts: Vec<Fact>, sources: Vec<Source>) -> KnowledgeBase {
        let mut ids: std::collections::HashSet<String> = std::collections::HashSet::new();
        let own: Vec<Fact> = facts
            .into_iter()
            .filter(|f| !self.by_id.contains_key(&f.id) && ids.insert(f.id.clone()))
            .collect();
        let mut by_key = BTreeMap::new();
        for source in sources.into_iter().filter(|s| !self.sources.contains_key(&s.key)) {
            by_key.entry(source.key.clone()).or_insert(source);
        }
        KnowledgeBase {
            section_names: self.section_names.clone(),
            ..KnowledgeBase::new(own, by_key, self.synonyms.clone())
        }
    }

    /// Counts of facts, sources, questions, sections and synonym groups.
    ///
    /// ```
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let stats = kb.stats();
    /// assert!(stats.questions >= 3 * stats.facts && stats.sections >= 10);
    /// ```
    pub fn stats(&self) -> Stats {
        Stats {
            facts: self.facts.len(),
            sources: self.sources.len(),
            questions: self.facts.iter().map(|f| f.questions.len()).sum(),
            sections: self.sections().len(),
            synonym_groups: self.synonyms.len(),
        }
    }
}
