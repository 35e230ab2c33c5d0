//! The indexes the bot answers from: the curated base, shared by every server, and beside it a small
//! index of each server's own approved suggestions (so a server costs memory in proportion to its
//! suggestions, not to the base). Swapped whole on reload, so a question in flight keeps the indexes
//! it started with.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use crate::knowledge::{self, LoadError, Stats};
use crate::search::{Index, Outcome, Settings};
use crate::state::Suggestion;

use super::overlay_fact;

/// Why a reload was refused; the old base keeps serving.
#[derive(Debug, thiserror::Error)]
#[error("the fact base in {} was not loaded: {source}", dir.display())]
pub struct ReloadError {
    /// The directory that was read.
    pub dir: PathBuf,
    /// What was wrong, with every problem for an invalid base.
    pub source: LoadError,
}

#[derive(Debug)]
struct Shelf {
    base: Arc<Index>,
    overlays: HashMap<u64, Arc<Index>>,
    /// Each server's approved suggestions, to rebuild its overlay on a reload (shared, so that a
    /// change to one server copies pointers, not every server's suggestions).
    approved: HashMap<u64, Arc<[Suggestion]>>,
}

/// What one server answers from: the shared base, and its own approved suggestions beside it.
#[derive(Debug, Clone)]
pub struct Indexes {
    base: Arc<Index>,
    own: Option<Arc<Index>>,
}

impl Indexes {
    /// The curated base every server shares.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert!(library.index(Some(5)).base().knowledge().facts().len() > 100);
    /// ```
    pub fn base(&self) -> &Index {
        &self.base
    }

    /// The server's own suggestions' index, if it has approved any.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert!(library.index(Some(5)).own().is_none());
    /// ```
    pub fn own(&self) -> Option<&Index> {
        self.own.as_deref()
    }

    /// Matches a question in both indexes and keeps the better outcome, with the index whose facts it
    /// names: the server's own fact when it answers at least as confidently as the base's best (see
    /// [`prefer_own`]).
    ///
    /// ```
    /// # use nichiro::{search::{Index, Settings}, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// let indexes = library.index(Some(5));
    /// let (index, outcome) = indexes.ask_with("Who was Adam Laxman?", Settings::default());
    /// assert!(index.fact(outcome.best().unwrap()).unwrap().passage.contains("Laxman"));
    /// ```
    pub fn ask_with(&self, question: &str, settings: Settings) -> (&Index, Outcome) {
        let shared = self.base.ask_with(question, settings);
        if let Some(own) = self.own.as_deref() {
            let mine = own.ask_with(question, settings);
            if prefer_own(&mine, &shared) {
                return (own, mine);
            }
        }
        (&self.base, shared)
    }

    /// The index that holds the fact `id`: the server's own when it is one of its suggestions.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// let indexes = library.index(Some(5));
    /// assert!(indexes.holding("treaty-of-shimoda-1855").knowledge().fact("treaty-of-shimoda-1855").is_some());
    /// ```
    pub fn holding(&self, id: &str) -> &Index {
        match self.own.as_deref() {
            Some(own) if own.knowledge().fact(id).is_some() => own,
            _ => &self.base,
        }
    }

    /// Every fact the server can answer with: its own, then the base's.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert_eq!(library.index(Some(5)).facts().count(), library.base().knowledge().facts().len());
    /// ```
    pub fn facts(&self) -> impl Iterator<Item = &crate::knowledge::Fact> {
        let own = self.own.iter().flat_map(|o| o.knowledge().facts());
        own.chain(self.base.knowledge().facts())
    }
}

/// The current indexes, shared by every handler.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    settings: Settings,
    shelf: RwLock<Arc<Shelf>>,
    /// Held while building, so two changes never build from the same old shelf.
    building: Mutex<()>,
    /// Held for a whole reload, so two reloads cannot finish in the wrong order.
    reloading: Mutex<()>,
}

impl Library {
    /// A library serving `index`, reloading from `dir`.
    ///
    /// ```
    /// use nichiro::{search::Index, study::Library};
    /// let index = Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let library = Library::new(index, "knowledge".into());
    /// assert!(library.base().ask("Who was Adam Laxman?").is_answered());
    /// ```
    pub fn new(index: Index, dir: PathBuf) -> Library {
        let settings = index.settings();
        let shelf = Shelf { base: Arc::new(index), overlays: HashMap::new(), approved: HashMap::new() };
        Library {
            dir,
            settings,
            shelf: RwLock::new(Arc::new(shelf)),
            building: Mutex::new(()),
            reloading: Mutex::new(()),
        }
    }

    fn shelf(&self) -> Arc<Shelf> {
        self.shelf.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// What a server answers from (only the base for `None`, a direct message).
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert!(library.index(Some(5)).own().is_none());
    /// assert_eq!(library.index(None).base().knowledge().facts().len(), library.base().knowledge().facts().len());
    /// ```
    pub fn index(&self, guild: Option<u64>) -> Indexes {
        let shelf = self.shelf();
        Indexes { base: shelf.base.clone(), own: guild.and_then(|g| shelf.overlays.get(&g).cloned()) }
    }

    /// The curated base every server shares.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert!(library.base().ask("Who was Adam Laxman?").is_answered());
    /// ```
    pub fn base(&self) -> Arc<Index> {
        self.shelf().base.clone()
    }

    /// How many servers have their own suggestions' index, and the memory those indexes hold beside
    /// their facts, in bytes (approximately).
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// assert_eq!(library.overlay_bytes(), (0, 0));
    /// ```
    pub fn overlay_bytes(&self) -> (usize, usize) {
        let shelf = self.shelf();
        (shelf.overlays.len(), shelf.overlays.values().map(|o| o.index_bytes()).sum())
    }

    /// Makes `approved` (all of a server's approved suggestions) that server's overlay, at once.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// library.set_approved(9, &[]);
    /// assert!(library.index(Some(9)).own().is_none());
    /// ```
    pub fn set_approved(&self, guild: u64, approved: &[Suggestion]) {
        let infallible: Result<(), std::convert::Infallible> = self.refresh(guild, || Ok(approved.to_vec()));
        let Ok(()) = infallible;
    }

    /// Makes `all` (every server's approved suggestions, as [`Store::approved`](crate::state::Store::approved)
    /// lists them) the overlays, at once; servers missing from it lose theirs.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// library.replace_approved(&[]);
    /// assert_eq!(library.overlay_bytes(), (0, 0));
    /// ```
    pub fn replace_approved(&self, all: &[Suggestion]) {
        let _building = self.building.lock().unwrap_or_else(|p| p.into_inner());
        let mut grouped: HashMap<u64, Vec<Suggestion>> = HashMap::new();
        for s in all {
            grouped.entry(s.guild).or_default().push(s.clone());
        }
        let base = self.shelf().base.clone();
        let mut overlays = HashMap::new();
        for (&guild, approved) in &grouped {
            if let Some(index) = overlay(&base, approved, self.settings) {
                overlays.insert(guild, Arc::new(index));
            }
        }
        let approved = grouped.into_iter().map(|(guild, list)| (guild, list.into())).collect();
        self.swap(Shelf { base, overlays, approved });
    }

    /// Rebuilds a server's overlay from `approved()`, read while no other change can build: two
    /// approvals at once cannot leave the older list in place.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// # let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "knowledge".into());
    /// let failed: Result<(), &str> = library.refresh(9, || Err("the store is unreadable"));
    /// assert!(failed.is_err());
    /// ```
    pub fn refresh<E>(
        &self,
        guild: u64,
        approved: impl FnOnce() -> Result<Vec<Suggestion>, E>,
    ) -> Result<(), E> {
        let _building = self.building.lock().unwrap_or_else(|p| p.into_inner());
        let approved = approved()?;
        let old = self.shelf();
        let mut approved_by_guild = old.approved.clone();
        let mut overlays = old.overlays.clone();
        match overlay(&old.base, &approved, self.settings) {
            Some(index) => overlays.insert(guild, Arc::new(index)),
            None => overlays.remove(&guild),
        };
        if approved.is_empty() {
            approved_by_guild.remove(&guild);
        } else {
            approved_by_guild.insert(guild, approved.into());
        }
        self.swap(Shelf { base: old.base.clone(), overlays, approved: approved_by_guild });
        Ok(())
    }

    /// Loads the fact base again and rebuilds every overlay on it; on any error the current base
    /// keeps serving and the error lists every problem.
    ///
    /// ```
    /// # use nichiro::{search::Index, study::Library};
    /// let index = Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let library = Library::new(index, "no-such-dir".into());
    /// assert!(library.reload().is_err());
    /// assert!(library.base().ask("Who was Adam Laxman?").is_answered());
    /// ```
    pub fn reload(&self) -> Result<Stats, ReloadError> {
        let _reloading = self.reloading.lock().unwrap_or_else(|p| p.into_inner());
        let dir = self.dir.clone();
        let kb = load_within(&self.dir, READ_TIME_LIMIT, move || knowledge::load(&dir))
            .map_err(|source| ReloadError { dir: self.dir.clone(), source })?;
        let stats = kb.stats();
        let base = Arc::new(Index::new(kb, self.settings));
        let _building = self.building.lock().unwrap_or_else(|p| p.into_inner());
        let approved = self.shelf().approved.clone();
        let overlays = approved
            .iter()
            .filter_map(|(&guild, list)| Some((guild, Arc::new(overlay(&base, list, self.settings)?))))
            .collect();
        self.swap(Shelf { base, overlays, approved });
        Ok(stats)
    }

    fn swap(&self, shelf: Shelf) {
        *self.shelf.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(shelf);
    }
}

/// How long a reload may spend reading and checking the fact base.
const READ_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `load` on a thread of its own and waits at most `limit` for it: a read stuck on a hung mount
/// is left behind (holding no lock), so it cannot block this reload or any later one.
fn load_within(
    dir: &std::path::Path,
    limit: std::time::Duration,
    load: impl FnOnce() -> Result<knowledge::KnowledgeBase, LoadError> + Send + 'static,
) -> Result<knowledge::KnowledgeBase, LoadError> {
    let (done, result) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("nichiro-reload".into())
        .spawn(move || {
            let _ = done.send(load());
        })
        .map_err(|source| LoadError::Io { path: dir.to_path_buf(), source })?;
    result
        .recv_timeout(limit)
        .unwrap_or_else(|_| Err(LoadError::TimedOut { path: dir.to_path_buf(), seconds: limit.as_secs() }))
}

fn overlay(base: &Index, approved: &[Suggestion], settings: Settings) -> Option<Index> {
    if approved.is_empty() {
        return None;
    }
    let (facts, sources) = approved.iter().map(overlay_fact).unzip();
    Some(Index::beside(base, base.knowledge().beside(facts, sources), settings))
}

/// What a reload did, for the person who asked for it: the new counts, or every problem found
/// (up to `max_chars`), with the reassurance that the old base still serves.
///
/// ```
/// use nichiro::{search::Index, study::{reload_report, Library}};
/// let library = Library::new(Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()), "src".into());
/// let text = reload_report(&library.reload(), 1000);
/// assert!(text.starts_with("Reload refused"), "{text}");
/// assert!(text.contains("still answering from the previous fact base"));
/// ```
pub fn reload_report(result: &Result<Stats, ReloadError>, max_chars: usize) -> String {
    let error = match result {
        Ok(stats) => return format!("Reloaded the fact base: {stats}."),
        Err(error) => error,
    };
    let mut text = String::from("Reload refused; still answering from the previous fact base.\n");
    let problems: Vec<String> = match &error.source {
        LoadError::Invalid(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
        other => vec![format!("{}: {other}", error.dir.display())],
    };
    text.push_str(&format!("{} problem{}:\n", problems.len(), if problems.len() == 1 { "" } else { "s" }));
    for (shown, problem) in problems.iter().enumerate() {
        let line = format!("{problem}\n");
        let more = format!("… and {} more (run `nichiro check`)", problems.len() - shown);
        if text.chars().count() + line.chars().count() + more.chars().count() > max_chars {
            text.push_str(&more);
            break;
        }
        text.push_str(&line);
    }
    text
}

/// Whether a server's own outcome beats the base's: it must answer, and an answer to the whole
/// message beats one to its first question only, whatever their confidences; otherwise the more
/// confident wins, the server's own on a tie.
fn prefer_own(mine: &Outcome, shared: &Outcome) -> bool {
    let whole = |o: &Outcome| o.is_answered() && o.part().is_none();
    if !mine.is_answered() {
        return false;
    }
    if shared.is_answered() && whole(mine) != whole(shared) {
        return whole(mine);
    }
    mine.confidence() >= shared.confidence()
}

#[cfg(test)]
mod tests;
