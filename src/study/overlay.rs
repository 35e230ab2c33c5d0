//! Approved suggestions as facts: the overlay a server's matcher uses, and the export for curators.

use std::path::PathBuf;

use crate::knowledge::{Citation, Fact, Location, MAX_PASSAGE_CHARS, MAX_QUESTION_CHARS, Source};
use crate::state::Suggestion;

/// The section of every suggested fact.
pub const SUGGESTED_SECTION: &str = "Suggested by this server's moderators";
/// How a suggested fact's source is credited.
pub const SUGGESTED_BY: &str = "suggested by the server's moderators";
/// The longest source a suggestion may give.
pub const MAX_SOURCE_CHARS: usize = 300;

/// Why a suggestion cannot be taken as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SuggestionProblem {
    /// A field is empty.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// A field is over its limit, in characters.
    #[error("the {field} is longer than {max} characters")]
    TooLong {
        /// Which field.
        field: &'static str,
        /// Its limit.
        max: usize,
    },
    /// The source gives a link that is not a full `http(s)://` address (a masked link, another scheme).
    #[error("the source's link must be a plain web address starting with https:// or http://")]
    Link,
}

/// Checks a suggestion's three fields against the fact format's limits, and its source's link.
///
/// ```
/// use nichiro::study::{check_suggestion, SuggestionProblem};
/// assert!(check_suggestion("When?", "It happened in 1900.", "A book").is_ok());
/// assert_eq!(check_suggestion(" ", "x", "y"), Err(SuggestionProblem::Empty("question")));
/// assert_eq!(check_suggestion("q", "p", "[MOFA](https://evil.example)"), Err(SuggestionProblem::Link));
/// ```
pub fn check_suggestion(question: &str, passage: &str, source: &str) -> Result<(), SuggestionProblem> {
    let fields = [
        ("question", question, MAX_QUESTION_CHARS),
        ("passage", passage, MAX_PASSAGE_CHARS),
        ("source", source, MAX_SOURCE_CHARS),
    ];
    for (field, text, max) in fields {
        if text.trim().is_empty() {
            return Err(SuggestionProblem::Empty(field));
        }
        if text.trim().chars().count() > max {
            return Err(SuggestionProblem::TooLong { field, max });
        }
    }
    match crate::display::web_address(source) {
        Some(Err(_)) => Err(SuggestionProblem::Link),
        _ => Ok(()),
    }
}

/// The fact id (and source key) of a suggestion.
///
/// ```
/// assert_eq!(nichiro::study::suggested_id(12), "suggested-12");
/// ```
pub fn suggested_id(id: i64) -> String {
    format!("suggested-{id}")
}

/// The fact and source an approved suggestion becomes in its server's overlay: the member's passage
/// and source title shown literally (markdown escaped), the link only as a checked full address.
///
/// ```
/// use nichiro::state::{Status, Suggestion};
/// let s = Suggestion {
///     id: 7, guild: 1, channel: 2, author: 3, question: "Who?".into(), passage: "Someone.".into(),
///     source: "Smith 2001 https://example.org/x".into(), status: Status::Approved, reviewer: Some(4),
///     reason: None, created_at: 0, reviewed_at: Some(1),
/// };
/// let (fact, source) = nichiro::study::overlay_fact(&s);
/// assert_eq!(fact.id, "suggested-7");
/// assert_eq!(source.url.as_deref(), Some("https://example.org/x"));
/// assert_eq!(source.title, "Smith 2001");
/// ```
pub fn overlay_fact(s: &Suggestion) -> (Fact, Source) {
    let id = suggested_id(s.id);
    let fact = Fact {
        id: id.clone(),
        section: SUGGESTED_SECTION.to_string(),
        passage: crate::display::literal(s.passage.trim()),
        citations: vec![Citation { key: id.clone(), at: None }],
        when: None,
        questions: vec![crate::display::clean(s.question.trim())],
        keywords: Vec::new(),
        related: Vec::new(),
        note: None,
        origin: Location { path: PathBuf::from(format!("suggestion #{}", s.id)), line: 1, column: 1 },
        ja: None,
        ru: None,
    };
    let (title, url) = split_url(s.source.trim());
    let source = Source {
        key: id,
        title: crate::display::literal(&title),
        authors: Vec::new(),
        work: Some(SUGGESTED_BY.to_string()),
        publisher: None,
        date: None,
        accessed: None,
        url,
        pages: None,
        isbn: None,
        kind: None,
        language: None,
        licence: None,
        licence_url: None,
        article_ref: None,
        note: None,
    };
    (fact, source)
}

/// The source text (cleaned) without its web address, and that address if it is a full http(s) one;
/// a bare address is its own title.
fn split_url(text: &str) -> (String, Option<String>) {
    let text = crate::display::clean(text);
    let Some(Ok(url)) = crate::display::web_address(&text) else {
        return (text, None);
    };
    let rest: Vec<&str> =
        text.split_whitespace().filter(|w| crate::display::web_address(w).is_none()).collect();
    let title = rest.join(" ").trim_end_matches([',', ';', ':', '-', '–']).trim().to_string();
    let title = if title.is_empty() { url.clone() } else { title };
    (title, Some(url))
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Approved suggestions as a fact base in the curated format: `(facts/suggested.toml, sources.toml)`.
///
/// Each suggestion has one question and no keywords where the format wants 3–8 questions and some
/// keywords, so `nichiro check` on the result lists exactly what curators must add before merging.
///
/// ```
/// let (facts, sources) = nichiro::study::export(&[], "2026-11-23");
/// assert!(facts.starts_with("# Approved suggestions"));
/// assert!(sources.starts_with('#'));
/// ```
pub fn export(approved: &[Suggestion], today: &str) -> (String, String) {
    let mut facts = format!(
        "# Approved suggestions from nichiro's study groups, exported {today}, for curators to review.\n\
         # Before moving a fact into knowledge/facts/: check its source, reword the passage in the\n\
         # project's own words, give it a lasting id and section, and add questions (3–8) and keywords;\n\
         # `nichiro check` on this directory lists what is still missing. Move each source into\n\
         # knowledge/sources.toml with it.\n"
    );
    let mut sources =
        format!("# The sources of the suggestions in facts/suggested.toml, exported {today}.\n");
    for s in approved {
        // Curators get the member's text as typed (cleaned), not the escaped form answers show.
        let (mut fact, mut source) = overlay_fact(s);
        fact.passage = crate::display::clean(s.passage.trim());
        source.title = split_url(s.source.trim()).0;
        let reviewed = s.reviewer.map_or(String::new(), |r| format!(", approved by user {r}"));
        let note = format!("Suggestion #{} from user {} in server {}{reviewed}.", s.id, s.author, s.guild);
        facts.push_str(&format!(
            "\n[[fact]]\nid = {}\nsection = {}\npassage = {}\nsources = [{{ key = {} }}]\nquestions = [{}]\nkeywords = []\nnote = {}\n",
            quoted(&fact.id),
            quoted(&fact.section),
            quoted(&fact.passage),
            quoted(&source.key),
            quoted(&fact.questions[0]),
            quoted(&note),
        ));
        sources.push_str(&format!("\n[{}]\ntitle = {}\n", source.key, quoted(&source.title)));
        if let Some(url) = &source.url {
            sources.push_str(&format!("url = {}\n", quoted(url)));
        }
        let typed = crate::display::clean(s.source.trim());
        sources.push_str(&format!("note = {}\n", quoted(&format!("{SUGGESTED_BY}: {typed}"))));
    }
    (facts, sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Status;

    fn suggestion(id: i64, source: &str) -> Suggestion {
        Suggestion {
            id,
            guild: 10,
            channel: 20,
            author: 30,
            question: "What did \"Nadezhda\" carry?".into(),
            passage: "The sloop Nadezhda carried Rezanov's embassy to Nagasaki in 1804.\nA second line."
                .into(),
            source: source.into(),
            status: Status::Approved,
            reviewer: Some(40),
            reason: None,
            created_at: 0,
            reviewed_at: Some(1),
        }
    }

    #[test]
    fn split_url_bare_address_is_title() {
        assert_eq!(
            split_url("https://a.example/x"),
            ("https://a.example/x".into(), Some("https://a.example/x".into()))
        );
        assert_eq!(
            split_url("Pravda, <https://пример.рф/a>"),
            ("Pravda".into(), Some("https://xn--e1afmkfd.xn--p1ai/a".into())),
            "an address is shown as parsed: a look-alike host in punycode"
        );
        assert_eq!(
            split_url("Lensen, The Russian Push (1959)"),
            ("Lensen, The Russian Push (1959)".into(), None)
        );
        assert_eq!(split_url("Smith – http://b.example"), ("Smith".into(), Some("http://b.example/".into())));
    }

    #[test]
    fn check_suggestion_limits() {
        let long = "x".repeat(MAX_QUESTION_CHARS + 1);
        assert_eq!(
            check_suggestion(&long, "p", "s"),
            Err(SuggestionProblem::TooLong { field: "question", max: MAX_QUESTION_CHARS })
        );
        assert_eq!(check_suggestion("q", "p", "\n"), Err(SuggestionProblem::Empty("source")));
    }

    #[test]
    fn overlay_fact_shows_masked_links_as_text() {
        let mut s = suggestion(5, "[mofa.go.jp official record](https://evil.example/mofa)");
        s.passage = "See [Ministry of Foreign Affairs of Japan](https://evil.example/phish).".into();
        let (fact, source) = overlay_fact(&s);
        assert!(!fact.passage.contains("](") && fact.passage.contains("\\["), "{}", fact.passage);
        assert!(!source.title.contains("](") && source.url.is_none(), "{source:?}");
    }

    #[test]
    fn export_parses_as_toml_with_quotes_and_newlines() {
        let (facts, sources) =
            export(&[suggestion(3, "Lensen 1959"), suggestion(4, "https://x.example")], "today");
        let facts: toml::Table = toml::from_str(&facts).unwrap();
        let list = facts["fact"].as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["questions"][0].as_str(), Some("What did \"Nadezhda\" carry?"));
        assert!(list[1]["passage"].as_str().unwrap().contains('\n'));
        let sources: toml::Table = toml::from_str(&sources).unwrap();
        assert_eq!(sources["suggested-4"]["url"].as_str(), Some("https://x.example/"));
        assert!(sources["suggested-3"]["note"].as_str().unwrap().starts_with(SUGGESTED_BY));
    }
}
