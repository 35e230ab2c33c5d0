//! The fact-base files as written, with the span of every value, before validation.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::SourceKind;
use super::diagnostic::{Diagnostic, SourceText};

/// A string or integer value whose meaning (a date) is checked later, so a bad date is one
/// diagnostic among many instead of a parse failure that hides the rest of the fact.
#[derive(Debug, Clone)]
pub(crate) struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(d)? {
            toml::Value::String(s) => Ok(DateText(s)),
            toml::Value::Integer(i) => Ok(DateText(i.to_string())),
            toml::Value::Datetime(dt) => Ok(DateText(dt.to_string())),
            other => Err(serde::de::Error::custom(format!(
                "expected a date such as 1956 or \"1956-10-19\", found a {}",
                other.type_str()
            ))),
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct RawFact {
    pub id: Spanned<String>,
    pub section: Spanned<String>,
    pub passage: Spanned<String>,
    pub sources: Spanned<Vec<Spanned<RawCitation>>>,
    #[serde(default)]
    pub date: Option<Spanned<DateText>>,
    #[serde(default)]
    pub from: Option<Spanned<DateText>>,
    #[serde(default)]
    pub to: Option<Spanned<DateText>>,
    pub questions: Spanned<Vec<Spanned<String>>>,
    pub keywords: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub note: Option<String>,
    /// The fact in Japanese: `[fact.ja]`.
    #[serde(default)]
    pub ja: Option<Spanned<RawText>>,
    /// The fact in Russian: `[fact.ru]`.
    #[serde(default)]
    pub ru: Option<Spanned<RawText>>,
}

/// A fact's passage and questions in another language.
#[derive(Debug, Deserialize)]
pub(crate) struct RawText {
    pub passage: Spanned<String>,
    pub questions: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RawCitation {
    pub key: Spanned<String>,
    #[serde(default)]
    pub at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RawSource {
    pub title: Spanned<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub work: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub date: Option<Spanned<DateText>>,
    #[serde(default)]
    pub accessed: Option<Spanned<DateText>>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub pages: Option<String>,
    #[serde(default)]
    pub isbn: Option<String>,
    #[serde(default)]
    pub kind: Option<SourceKind>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub licence_url: Option<Spanned<String>>,
    #[serde(default)]
    pub article_ref: Option<Spanned<u32>>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RawGroup {
    pub terms: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    #[allow(dead_code)]
    // documentation for curators; kept so the field is accepted and checked
    pub note: Option<String>,
}

/// Key checks for tables nested inside an entry (a fact's citations).
pub(crate) trait Nested {
    fn check_nested(_file: &SourceText, _table: &DeTable<'_>, _out: &mut Vec<Diagnostic>) {}
}

impl Nested for RawSource {}
impl Nested for RawGroup {}

impl Nested for RawFact {
    fn check_nested(file: &SourceText, table: &DeTable<'_>, out: &mut Vec<Diagnostic>) {
        for lang in ["ja", "ru"] {
            if let Some(DeValue::Table(t)) = table.get(lang).map(Spanned::get_ref) {
                check_keys::<RawText>(file, t, &format!("[fact.{lang}]"), out);
            }
        }
        let Some(DeValue::Array(items)) = table.get("sources").map(Spanned::get_ref) else {
            return;
        };
        for item in items.iter() {
            if let DeValue::Table(t) = item.get_ref() {
                check_keys::<RawCitation>(file, t, "a source citation", out);
            }
        }
    }
}

/// An entry of a file, with the span of its table (or of its key, for keyed tables).
pub(crate) struct Entry<T> {
    pub name: Option<Spanned<String>>,
    pub span: Range<usize>,
    pub value: T,
}

/// Parses a TOML document, reporting every syntax error; `None` when there were any.
fn parse_document<'a>(file: &'a SourceText, out: &mut Vec<Diagnostic>) -> Option<DeTable<'a>> {
    let (table, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        out.push(file.error(&span, format!("TOML syntax error: {}", e.message().trim())));
    }
    None
}

/// The field names a derived `Deserialize` struct accepts, read from serde itself so the list
/// cannot drift from the struct.
fn struct_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("probe")
        }
    }
    impl std::error::Error for Stop {}
    impl serde::de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> serde::Deserializer<'de> for &mut Probe {
        type Error = Stop;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut probe = Probe(None);
    let _ = T::deserialize(&mut probe);
    probe.0.unwrap_or(&[])
}

/// Reports every key of `table` that `T` does not have, each at its own position.
fn check_keys<'de, T: Deserialize<'de>>(
    file: &SourceText,
    table: &DeTable<'_>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let fields = struct_fields::<T>();
    for key in table.keys() {
        let name: &str = key.get_ref();
        if fields.contains(&name) {
            continue;
        }
        let closest =
            fields.iter().map(|f| (strsim::damerau_levenshtein(f, name), *f)).min().filter(|(d, _)| *d <= 2);
        let hint = match closest {
            Some((_, f)) => format!("did you mean `{f}`?"),
            None => format!("expected one of {}", fields.join(", ")),
        };
        out.push(file.error(&key.span(), format!("unknown field `{name}` in {what}: {hint}")));
    }
}

fn deserialize_entry<T: DeserializeOwned>(
    file: &SourceText,
    value: Spanned<DeValue<'_>>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    let span = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            let at = e.span().unwrap_or(span);
            out.push(file.error(&at, format!("{what}: {}", e.message().trim())));
            None
        }
    }
}

/// Names an array entry for messages: `[[fact]] "some-id"` when it has an id.
fn describe(key: &str, item: &Spanned<DeValue<'_>>) -> String {
    match item.get_ref().get("id").and_then(|id| id.get_ref().as_str()) {
        Some(id) => format!("[[{key}]] \"{id}\""),
        None => format!("this [[{key}]]"),
    }
}

/// Reads a file made of `[[key]]` tables (facts, synonym groups); other top-level keys are errors.
pub(crate) fn array_of_tables<T: DeserializeOwned + Nested>(
    file: &SourceText,
    key: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<Entry<T>> {
    let Some(doc) = parse_document(file, out) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for (name, value) in doc {
        if name.get_ref() != key {
            let msg =
                format!("unknown top-level key `{}`: this file holds only [[{key}]] tables", name.get_ref());
            out.push(file.error(&name.span(), msg));
            continue;
        }
        let DeValue::Array(items) = value.get_ref() else {
            out.push(file.error(&value.span(), format!("`{key}` must be written as [[{key}]] tables")));
            continue;
        };
        for item in items.iter().cloned() {
            let span = item.span();
            let what = describe(key, &item);
            if let DeValue::Table(t) = item.get_ref() {
                check_keys::<T>(file, t, &what, out);
                T::check_nested(file, t, out);
            }
            if let Some(value) = deserialize_entry(file, item, &what, out) {
                entries.push(Entry { name: None, span, value });
            }
        }
    }
    entries
}

/// Reads a file of `[name]` tables (sources), each entry named by its table key; also returns
/// every name declared, including those whose table has errors, so citations of them are not
/// reported again as unknown (`None` when the file is not valid TOML: then no key can be judged).
pub(crate) fn keyed_tables<T: DeserializeOwned + Nested>(
    file: &SourceText,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Entry<T>>, Option<Vec<String>>) {
    let Some(doc) = parse_document(file, out) else {
        return (Vec::new(), None);
    };
    let declared = Some(doc.keys().map(|k| k.get_ref().to_string()).collect());
    let mut entries = Vec::new();
    for (name, value) in doc {
        let span = name.span();
        let key = Spanned::new(span.clone(), name.get_ref().to_string());
        if !value.get_ref().is_table() {
            out.push(file.error(&span, format!("`{}` must be a table: [{}]", key.get_ref(), key.get_ref())));
            continue;
        }
        let what = format!("[{}]", key.get_ref());
        if let DeValue::Table(t) = value.get_ref() {
            check_keys::<T>(file, t, &what, out);
        }
        if let Some(value) = deserialize_entry(file, value, &what, out) {
            entries.push(Entry { name: Some(key), span, value });
        }
    }
    (entries, declared)
}

/// Fact ids and cited source keys written in a facts file, read without validating it, so that a fact
/// with errors does not also make its id look missing or its sources look uncited.
pub(crate) fn names_in_facts(file: &SourceText) -> (Vec<String>, Vec<(String, std::ops::Range<usize>)>) {
    let (doc, _) = DeTable::parse_recoverable(&file.text);
    let doc = doc.into_inner();
    let mut ids = Vec::new();
    let mut keys = Vec::new();
    let Some(DeValue::Array(facts)) = doc.get("fact").map(Spanned::get_ref) else {
        return (ids, keys);
    };
    for fact in facts.iter() {
        let DeValue::Table(fact) = fact.get_ref() else { continue };
        ids.extend(fact.get("id").and_then(|id| id.get_ref().as_str()).map(String::from));
        if let Some(DeValue::Array(sources)) = fact.get("sources").map(Spanned::get_ref) {
            for source in sources.iter() {
                let key = source.get_ref().get("key");
                keys.extend(key.and_then(|k| Some((k.get_ref().as_str()?.to_string(), k.span()))));
            }
        }
    }
    (ids, keys)
}
