//! The curated fact base: its types, loading from `knowledge/`, and validation.
//!
//! A base is a directory with `sources.toml`, `facts/**/*.toml` and optionally `synonyms.toml`
//! (the format is described in the README). [`load`] reads and checks all of it, reporting every
//! problem with its `file:line:column`, and returns a [`KnowledgeBase`] only when there are none.

mod date;
mod diagnostic;
mod model;
mod raw;
mod validate;

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub use date::{Date, DateError};
pub use diagnostic::{Diagnostic, Location};
#[cfg(test)]
pub(crate) use model::test_fact;
pub use model::{
    Citation, Fact, KnowledgeBase, SectionNames, Source, SourceKind, Stats, SynonymGroup, Text, When,
};
pub use validate::{
    MAX_ID_CHARS, MAX_PASSAGE_CHARS, MAX_PASSAGE_SENTENCES, MAX_QUESTION_CHARS, MAX_QUESTIONS,
    MAX_TRANSLATED_QUESTIONS, MIN_QUESTIONS, MIN_TRANSLATED_QUESTIONS,
};

use diagnostic::SourceText;
use raw::{RawFact, RawGroup, RawSource};
use validate::Checker;

/// Why a fact base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory does not exist or is not a directory.
    #[error("fact base directory {} not found", .0.display())]
    NotFound(PathBuf),
    /// A directory or file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// What could not be read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A path that should be a fact-base file is something else (a FIFO, a device, a folder).
    #[error("{} is not a regular file", .0.display())]
    NotAFile(PathBuf),
    /// A file is larger than any fact-base file should be.
    #[error("{} is {bytes} bytes, over the {max}-byte limit for a fact-base file", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit, [`MAX_FILE_BYTES`].
        max: u64,
    },
    /// Reading the fact base took longer than allowed (a hung disk or network mount).
    #[error("reading {} took longer than {seconds} s", path.display())]
    TimedOut {
        /// The fact-base directory.
        path: PathBuf,
        /// The limit.
        seconds: u64,
    },
    /// The files were read but have problems; every one is listed.
    #[error("{}", Problems(.0))]
    Invalid(Vec<Diagnostic>),
}

/// The largest fact-base file read, in bytes (the largest real one is about 300 KB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

struct Problems<'a>(&'a [Diagnostic]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "the fact base has {n} problem{}", if n == 1 { "" } else { "s" })?;
        if let Some(first) = self.0.first() {
            write!(f, "; the first: {first}")?;
        }
        Ok(())
    }
}

/// Loads and validates the fact base in `dir`.
///
/// ```
/// let kb = nichiro::knowledge::load("knowledge").unwrap();
/// assert!(kb.stats().facts >= 150);
/// ```
pub fn load(dir: impl AsRef<Path>) -> Result<KnowledgeBase, LoadError> {
    let dir = dir.as_ref();
    if !dir.is_dir() {
        return Err(LoadError::NotFound(dir.to_path_buf()));
    }
    let mut out = Vec::new();
    let sources_file = read(&dir.join("sources.toml"))?;
    let mut sources = BTreeMap::new();
    let (entries, declared) = raw::keyed_tables::<RawSource>(&sources_file, &mut out);
    let declared: Option<HashSet<String>> = declared.map(|d| d.into_iter().collect());
    for entry in entries {
        let mut check = Checker { file: &sources_file, out: &mut out };
        if let Some(source) = check.source(&entry) {
            let location = sources_file.locate(entry.span.start);
            sources.insert(source.key.clone(), (source, location));
        }
    }
    let plain: BTreeMap<String, Source> = sources.iter().map(|(k, (s, _))| (k.clone(), s.clone())).collect();

    let mut facts = Vec::new();
    let mut unloaded = validate::Unloaded::default();
    let mut broken_files = false;
    for path in fact_files(&dir.join("facts"))? {
        let file = read(&path)?;
        let before = out.len();
        let entries = raw::array_of_tables::<RawFact>(&file, "fact", &mut out);
        if out.len() > before {
            broken_files = true;
            let (ids, keys) = raw::names_in_facts(&file);
            unloaded.ids.extend(ids);
            // A fact that did not load still cites: an unknown key in it is a problem of its own.
            for (key, span) in keys {
                if declared.as_ref().is_some_and(|d| !d.contains(&key)) {
                    out.push(file.error(&span, validate::unknown_key(&key)));
                }
                unloaded.keys.insert(key);
            }
        }
        if entries.is_empty() && !out.iter().any(|d| d.location.path == file.path) {
            out.push(file.error(&(0..0), "no [[fact]] tables in this file"));
        }
        let mut check = Checker { file: &file, out: &mut out };
        facts.extend(entries.iter().map(|e| check.fact(e, declared.as_ref())));
    }
    if facts.is_empty() && !broken_files {
        let location = Location { path: dir.join("facts"), line: 1, column: 1 };
        out.push(Diagnostic { location, message: "the fact base has no facts".into() });
    }
    validate::check_across(&facts, &sources, &unloaded, &mut out);
    let synonyms = load_synonyms(&dir.join("synonyms.toml"), &mut out)?;
    let section_names = load_section_names(&dir.join("sections.toml"), &facts, &mut out)?;

    if out.is_empty() {
        Ok(KnowledgeBase::new(facts, plain, synonyms).with_section_names(section_names))
    } else {
        out.sort();
        out.dedup();
        Err(LoadError::Invalid(out))
    }
}

fn load_synonyms(path: &Path, out: &mut Vec<Diagnostic>) -> Result<Vec<SynonymGroup>, LoadError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let file = read(path)?;
    let entries = raw::array_of_tables::<RawGroup>(&file, "group", out);
    let mut check = Checker { file: &file, out };
    let groups: Vec<_> = entries.iter().map(|e| (check.group(e), file.locate(e.span.start))).collect();
    validate::check_synonyms(&groups, out);
    Ok(groups.into_iter().map(|(g, _)| g).collect())
}

/// The sections' names in the other languages, if the base has them: then every section a fact
/// uses needs them.
fn load_section_names(
    path: &Path,
    facts: &[Fact],
    out: &mut Vec<Diagnostic>,
) -> Result<BTreeMap<String, SectionNames>, LoadError> {
    if !path.exists() {
        return Ok(BTreeMap::new());
    }
    let file = read(path)?;
    let names: BTreeMap<String, SectionNames> = match toml::from_str(&file.text) {
        Ok(names) => names,
        Err(e) => {
            out.push(file.error(&e.span().unwrap_or(0..0), e.message()));
            return Ok(BTreeMap::new());
        }
    };
    for fact in facts.iter().filter(|f| !names.contains_key(&f.section)) {
        let message =
            format!("section \"{}\" has no Japanese and Russian names in {}", fact.section, path.display());
        out.push(Diagnostic { location: fact.origin.clone(), message });
    }
    Ok(names)
}

/// Reads one fact-base file: a regular file (through a link is fine) of at most [`MAX_FILE_BYTES`].
/// A FIFO or device is refused before it is opened, so it cannot block the read.
fn read(path: &Path) -> Result<SourceText, LoadError> {
    use std::io::Read;
    let io = |source| LoadError::Io { path: path.to_path_buf(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile(path.to_path_buf()));
    }
    let too_large = |bytes| LoadError::TooLarge { path: path.to_path_buf(), bytes, max: MAX_FILE_BYTES };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut text = String::new();
    // Bounded again while reading: the file may grow after it was measured.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_string(&mut text))
        .map_err(io)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64));
    }
    Ok(SourceText::new(path, text))
}

fn fact_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    collect_fact_files(dir, &mut files)?;
    files.sort();
    Ok(files)
}

/// The `.toml` files under `dir`, in folders too (a folder per unit of the study guide).
fn collect_fact_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io { path: dir.to_path_buf(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        // Real folders only: a symlinked folder could lead back up and never end.
        if entry.file_type().map_err(io)?.is_dir() {
            collect_fact_files(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            // A link that leads nowhere, or to something that is not a file, is an error naming
            // it, not a fact file quietly missing.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => files.push(path),
                Ok(_) => return Err(LoadError::NotAFile(path)),
                Err(source) => return Err(LoadError::Io { path, source }),
            }
        }
    }
    Ok(())
}
