//! Checks on each fact, source and synonym group, turning raw entries into the model.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::diagnostic::{Diagnostic, Location, SourceText};
use super::raw::{DateText, Entry, RawFact, RawGroup, RawSource, RawText};
use super::{Citation, Date, Fact, Source, SynonymGroup, Text, When};
use crate::lang::Lang;

/// Longest passage, in characters.
pub const MAX_PASSAGE_CHARS: usize = 1000;
/// Most sentences in a passage.
pub const MAX_PASSAGE_SENTENCES: usize = 4;
/// Fewest questions a fact may have.
pub const MIN_QUESTIONS: usize = 4;
/// Most questions a fact may have.
pub const MAX_QUESTIONS: usize = 10;
/// Fewest questions a fact may have in each other language.
pub const MIN_TRANSLATED_QUESTIONS: usize = 3;
/// Most questions a fact may have in each other language.
pub const MAX_TRANSLATED_QUESTIONS: usize = 8;
/// Longest question, in characters (Discord's autocomplete choice limit).
pub const MAX_QUESTION_CHARS: usize = 100;
/// Longest fact id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Collects diagnostics for one file.
pub(crate) struct Checker<'a> {
    pub file: &'a SourceText,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.out.push(self.file.error(span, message));
    }

    fn date(&mut self, value: &Option<Spanned<DateText>>, field: &str) -> Option<Date> {
        let value = value.as_ref()?;
        match Date::parse(value.get_ref().0.trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(&value.span(), format!("`{field}`: {e}"));
                None
            }
        }
    }

    fn non_empty(&mut self, value: &Spanned<String>, field: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.error(&value.span(), format!("`{field}` is empty"));
        }
        text.to_string()
    }

    fn when(&mut self, raw: &RawFact) -> Option<When> {
        let date = self.date(&raw.date, "date");
        let from = self.date(&raw.from, "from");
        let to = self.date(&raw.to, "to");
        if let (Some(d), Some(_)) = (&raw.date, &raw.from) {
            self.error(&d.span(), "give either `date` (one point) or `from`/`to` (a span), not both");
            return None;
        }
        if let (Some(t), None) = (&raw.to, &raw.from) {
            self.error(&t.span(), "`to` needs a `from`");
            return None;
        }
        if let (Some(f), Some(t), Some(span)) = (from, to, raw.to.as_ref().map(Spanned::span))
            && t.latest() < f.earliest()
        {
            self.error(&span, format!("dates run backwards: `to` ({t}) is before `from` ({f})"));
        }
        match (date, from) {
            (Some(d), _) => Some(When::On(d)),
            (None, Some(f)) => Some(When::Span(f, to)),
            (None, None) => None,
        }
    }

    fn strings(&mut self, list: &[Spanned<String>], field: &str) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for item in list {
            let text = self.non_empty(item, field);
            if !seen.insert(text.to_lowercase()) {
                self.error(&item.span(), format!("`{field}` lists \"{text}\" twice"));
            }
            kept.push(text);
        }
        kept
    }

    fn questions(&mut self, raw: &RawFact) -> Vec<String> {
        let list = &raw.questions;
        let n = list.get_ref().len();
        if !(MIN_QUESTIONS..=MAX_QUESTIONS).contains(&n) {
            let msg = format!("a fact needs {MIN_QUESTIONS}–{MAX_QUESTIONS} questions; this one has {n}");
            self.error(&list.span(), msg);
        }
        self.question_lengths(list.get_ref());
        self.strings(list.get_ref(), "questions")
    }

    fn question_lengths(&mut self, list: &[Spanned<String>]) {
        for q in list {
            let chars = q.get_ref().trim().chars().count();
            if chars > MAX_QUESTION_CHARS {
                let msg = format!("question is {chars} characters long; the limit is {MAX_QUESTION_CHARS}");
                self.error(&q.span(), msg);
            }
        }
    }

    fn passage(&mut self, raw: &Spanned<String>) -> String {
        let text = self.non_empty(raw, "passage");
        let chars = text.chars().count();
        if chars > MAX_PASSAGE_CHARS {
            let msg = format!("passage is {chars} characters long; the limit is {MAX_PASSAGE_CHARS}");
            self.error(&raw.span(), msg);
        }
        let sentences = count_sentences(&text);
        if sentences > MAX_PASSAGE_SENTENCES {
            let msg = format!(
                "passage has {sentences} sentences; the limit is {MAX_PASSAGE_SENTENCES} (split the fact)"
            );
            self.error(&raw.span(), msg);
        }
        text
    }

    fn id(&mut self, raw: &Spanned<String>) -> String {
        let id = raw.get_ref();
        let well_formed = !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !well_formed {
            let msg =
                format!("fact id \"{id}\" must be lowercase kebab-case: letters, digits and single hyphens");
            self.error(&raw.span(), msg);
        } else if id.chars().count() > MAX_ID_CHARS {
            self.error(&raw.span(), format!("fact id is longer than {MAX_ID_CHARS} characters"));
        }
        id.clone()
    }

    fn citations(&mut self, raw: &RawFact, sources: Option<&HashSet<String>>) -> Vec<Citation> {
        if raw.sources.get_ref().is_empty() {
            self.error(&raw.sources.span(), "a fact needs at least one source");
        }
        let mut citations: Vec<Citation> = Vec::new();
        for c in raw.sources.get_ref() {
            let key = c.get_ref().key.get_ref();
            if sources.is_some_and(|s| !s.contains(key)) {
                self.error(&c.get_ref().key.span(), unknown_key(key));
            }
            let at = c.get_ref().at.as_deref().map(str::trim).filter(|s| !s.is_empty());
            let citation = Citation { key: key.clone(), at: at.map(String::from) };
            if citations.contains(&citation) {
                self.error(&c.span(), format!("source \"{key}\" is cited twice with the same locator"));
            }
            citations.push(citation);
        }
        citations
    }

    /// Checks one fact on its own; checks across facts are in [`check_across`].
    pub fn fact(&mut self, entry: &Entry<RawFact>, sources: Option<&HashSet<String>>) -> Fact {
        let raw = &entry.value;
        let keywords = self.strings(raw.keywords.get_ref(), "keywords");
        if keywords.is_empty() {
            self.error(&raw.keywords.span(), "a fact needs at least one keyword");
        }
        Fact {
            id: self.id(&raw.id),
            section: self.non_empty(&raw.section, "section"),
            passage: self.passage(&raw.passage),
            citations: self.citations(raw, sources),
            when: self.when(raw),
            questions: self.questions(raw),
            keywords,
            related: raw.related.iter().map(|r| r.get_ref().clone()).collect(),
            note: raw.note.clone(),
            origin: self.file.locate(raw.id.span().start),
            ja: self.translation(raw, raw.ja.as_ref(), Lang::Ja),
            ru: self.translation(raw, raw.ru.as_ref(), Lang::Ru),
        }
    }

    /// A fact's passage and questions in `lang`: required, and checked like the English ones.
    fn translation(&mut self, raw: &RawFact, text: Option<&Spanned<RawText>>, lang: Lang) -> Option<Text> {
        let Some(text) = text else {
            let message = format!(
                "[[fact]] \"{}\" has no {} version: add [fact.{}] with its passage and {MIN_TRANSLATED_QUESTIONS}–{MAX_TRANSLATED_QUESTIONS} questions",
                raw.id.get_ref(),
                language_name(lang),
                lang.code()
            );
            self.error(&raw.id.span(), message);
            return None;
        };
        let text = text.get_ref();
        let passage = self.passage(&text.passage);
        let list = &text.questions;
        let n = list.get_ref().len();
        if !(MIN_TRANSLATED_QUESTIONS..=MAX_TRANSLATED_QUESTIONS).contains(&n) {
            let msg = format!(
                "a fact needs {MIN_TRANSLATED_QUESTIONS}–{MAX_TRANSLATED_QUESTIONS} questions in {}; this one has {n}",
                language_name(lang)
            );
            self.error(&list.span(), msg);
        }
        self.question_lengths(list.get_ref());
        let questions = self.strings(list.get_ref(), "questions");
        Some(Text { passage, questions })
    }

    /// Checks one source.
    pub fn source(&mut self, entry: &Entry<RawSource>) -> Option<Source> {
        let key = entry.name.as_ref()?.get_ref().clone();
        let raw = &entry.value;
        for url in [&raw.url, &raw.licence_url].into_iter().flatten() {
            let u = url.get_ref();
            if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
                self.error(&url.span(), format!("\"{u}\" is not a web address (http:// or https://)"));
            }
        }
        Some(Source {
            key,
            title: self.non_empty(&raw.title, "title"),
            authors: raw.authors.clone(),
            work: raw.work.clone(),
            publisher: raw.publisher.clone(),
            date: self.date(&raw.date, "date"),
            accessed: self.date(&raw.accessed, "accessed"),
            url: raw.url.as_ref().map(|u| u.get_ref().clone()),
            pages: raw.pages.clone(),
            isbn: raw.isbn.clone(),
            kind: raw.kind,
            language: raw.language.clone(),
            licence: raw.licence.clone(),
            licence_url: raw.licence_url.as_ref().map(|u| u.get_ref().clone()),
            article_ref: raw.article_ref.as_ref().map(|r| *r.get_ref()),
            note: raw.note.clone(),
        })
    }

    /// Checks one synonym group.
    pub fn group(&mut self, entry: &Entry<RawGroup>) -> SynonymGroup {
        let terms = &entry.value.terms;
        if terms.get_ref().len() < 2 {
            self.error(&terms.span(), "a synonym group needs at least two terms");
        }
        let terms = self.strings(terms.get_ref(), "terms");
        SynonymGroup { terms: terms.iter().map(|t| t.to_lowercase()).collect() }
    }
}

/// What `check` says of a citation whose key `sources.toml` lacks.
pub(crate) fn unknown_key(key: &str) -> String {
    format!("unknown source key \"{key}\": add it to sources.toml or fix the spelling")
}

/// A language's name in English, for messages to curators.
fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ja => "Japanese",
        Lang::Ru => "Russian",
    }
}

/// Counts sentences, treating common abbreviations and initials ("Gen.", "U.S.") as non-final.
pub(crate) fn count_sentences(text: &str) -> usize {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "gen", "adm", "col", "lt", "capt", "st", "mt", "vol", "p", "pp", "doc",
        "ed", "eds", "vs", "approx", "ca", "c", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "jr", "sr", "fig", "art",
        "para",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut pending = false;
    // Inside Japanese quotes and brackets (a title such as 『チェブラーシカ あれれ？』) nothing ends.
    let mut quoted = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_whitespace() {
            pending = true;
        }
        match c {
            '「' | '『' | '（' | '【' => quoted += 1,
            '」' | '』' | '）' | '】' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        // Japanese sentences end with 。, ！ or ？ whatever follows.
        if quoted == 0 && matches!(c, '。' | '！' | '？') {
            count += 1;
            pending = false;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j], '"' | '\'' | ')' | '”' | '’' | '»' | ']') {
            j += 1;
        }
        let at_end = j == chars.len();
        let boundary = at_end
            || (chars[j].is_whitespace()
                && chars[j + 1..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|n| n.is_uppercase() || n.is_numeric() || matches!(n, '"' | '“' | '(')));
        if !boundary {
            continue;
        }
        let word: String = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_alphanumeric() || **c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let lower = word.to_lowercase();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let dotted = word.contains('.') && word.chars().count() <= 4;
        if c == '.' && !at_end && (initial || dotted || ABBREVIATIONS.contains(&lower.as_str())) {
            continue;
        }
        count += 1;
        pending = false;
    }
    count + usize::from(pending)
}

/// Ids and cited keys of facts that could not be loaded, so they are not reported as missing.
#[derive(Debug, Default)]
pub(crate) struct Unloaded {
    pub ids: HashSet<String>,
    pub keys: HashSet<String>,
}

/// Checks that need every fact at once: duplicate ids and questions, related ids, uncited sources.
pub(crate) fn check_across(
    facts: &[Fact],
    sources: &BTreeMap<String, (Source, Location)>,
    unloaded: &Unloaded,
    out: &mut Vec<Diagnostic>,
) {
    let mut ids: HashMap<&str, &Location> = HashMap::new();
    let mut questions: HashMap<String, (&str, &Location)> = HashMap::new();
    for fact in facts {
        if let Some(first) = ids.insert(&fact.id, &fact.origin) {
            let message = format!("duplicate fact id \"{}\": also defined at {first}", fact.id);
            out.push(Diagnostic { location: fact.origin.clone(), message });
        }
        for q in fact.all_questions() {
            let key = q.to_lowercase();
            match questions.get(&key) {
                Some((other, at)) if *other != fact.id => {
                    let message = format!("question \"{q}\" is also a question of fact \"{other}\" ({at})");
                    out.push(Diagnostic { location: fact.origin.clone(), message });
                }
                _ => {
                    questions.insert(key, (&fact.id, &fact.origin));
                }
            }
        }
    }
    for fact in facts {
        for r in &fact.related {
            if r == &fact.id || !(ids.contains_key(r.as_str()) || unloaded.ids.contains(r)) {
                let message = format!("`related` names \"{r}\", which is not another fact's id");
                out.push(Diagnostic { location: fact.origin.clone(), message });
            }
        }
    }
    let cited: HashSet<&str> =
        facts.iter().flat_map(|f| f.citations.iter().map(|c| c.key.as_str())).collect();
    let mut refs: HashMap<u32, &Location> = HashMap::new();
    for (key, (source, location)) in sources {
        if !cited.contains(key.as_str()) && !unloaded.keys.contains(key) {
            let message = format!("source \"{key}\" is never cited: cite it or remove it");
            out.push(Diagnostic { location: location.clone(), message });
        }
        if let Some(n) = source.article_ref
            && let Some(first) = refs.insert(n, location)
        {
            let message = format!("article reference [{n}] is also assigned at {first}");
            out.push(Diagnostic { location: location.clone(), message });
        }
    }
}

/// Reports a term that appears in two synonym groups.
pub(crate) fn check_synonyms(groups: &[(SynonymGroup, Location)], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Location> = HashMap::new();
    for (group, location) in groups {
        for term in &group.terms {
            if let Some(first) = seen.insert(term, location)
                && first != location
            {
                let message = format!("synonym \"{term}\" is also in the group at {first}");
                out.push(Diagnostic { location: location.clone(), message });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::count_sentences;

    #[test]
    fn sentences_plain() {
        assert_eq!(count_sentences("One. Two! Three? Four."), 4);
    }

    #[test]
    fn sentences_without_final_stop() {
        assert_eq!(count_sentences("One. Two"), 2);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let text =
            "Gen. Valery Gerasimov met Adm. Kawano in Dec. 2017. The U.S. objected. James D. J. Brown wrote.";
        assert_eq!(count_sentences(text), 3);
    }

    #[test]
    fn sentences_decimal_numbers_do_not_split() {
        assert_eq!(count_sentences("GDP was $5.179 trillion. Density is 8.4/km2."), 2);
    }

    #[test]
    fn sentences_quote_after_stop() {
        assert_eq!(count_sentences("He said \"no.\" Then he left."), 2);
    }

    #[test]
    fn sentences_empty() {
        assert_eq!(count_sentences("   "), 0);
    }

    #[test]
    fn sentences_japanese() {
        assert_eq!(count_sentences("日露戦争が始まった。旅順は陥落した！"), 2);
        assert_eq!(count_sentences("『チェブラーシカ あれれ？』が放送された。"), 1);
    }
}
