//! Matching a question against the fact base: normalising, indexing and scoring.
//!
//! [`Index::ask`] never fails and never panics: every input gets an [`Outcome`], an answer with its
//! confidence and up to three other candidates, or a decline with suggestions.

mod asks;
mod build;
mod consistency;
mod elsewhere;
mod explain;
mod ime;
mod index;
mod japanese;
mod lexicon;
mod measure;
mod normalize;
mod options;
mod ordinals;
mod parts;
mod phrase;
mod question;
mod readings;
mod score;
mod sides;
mod slot;
mod sounds;
mod spoken;
mod ties;
mod titles;
mod typo;
mod vocab;

pub use consistency::{Misrouted, misrouted};

/// Whether a question, in English, Japanese or Russian, asks when something happened (a year or a
/// date).
///
/// ```
/// use nichiro::search::asks_when;
/// assert!(asks_when("When was the Treaty of Portsmouth signed?"));
/// assert!(asks_when("ポーツマス条約はいつ結ばれた？"));
/// assert!(asks_when("в каком году подписали портсмутский мир"));
/// assert!(!asks_when("Who signed the Treaty of Portsmouth?"));
/// ```
pub fn asks_when(question: &str) -> bool {
    asks::asks_when(question)
}
pub use japanese::kanji_numbers;
pub use normalize::{Kind, Term, fold, normalize_question, stem, tokenize, words};
pub(crate) use spoken::number_word;
pub use typo::{MAX_TYPO_WORD_CHARS, typo_budget};

use crate::knowledge::{Fact, KnowledgeBase};
use index::Inverted;

/// Matching settings that deployments may tune.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Answers need at least this confidence, moved for each question by its length and by its
    /// words the base lacks (0 and 1 are not moved); below it nichiro declines and offers
    /// suggestions.
    pub decline_below: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { decline_below: DEFAULT_DECLINE_BELOW }
    }
}

impl Settings {
    /// The least confidence any answer can have: a long question's bar is below the threshold
    /// (see `docs/calibration.md`, ninth round).
    ///
    /// ```
    /// let settings = nichiro::search::Settings { decline_below: 0.54 };
    /// assert!(settings.lowest_bar() < 0.54);
    /// ```
    pub fn lowest_bar(&self) -> f32 {
        score::lowest_bar(*self)
    }
}

/// The calibrated default for [`Settings::decline_below`] (see `docs/calibration.md`).
pub const DEFAULT_DECLINE_BELOW: f32 = 0.54;

/// A fact that matched, with the confidence of the match in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position of the fact in [`KnowledgeBase::facts`].
    pub fact: usize,
    /// How sure the match is, in [0, 1].
    pub confidence: f32,
}

/// What the matcher concluded about a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The best fact answers the question; `others` are up to three runners-up.
    Answered {
        /// The answering fact.
        best: Hit,
        /// Other candidates, best first.
        others: Vec<Hit>,
        /// The part of the message answered on its own, when no fact answered it as a whole: the
        /// first of several questions, or the question after what it first says.
        part: Option<String>,
    },
    /// Nothing answers with enough confidence; `suggestions` are up to three related facts.
    Declined {
        /// Related facts, best first (possibly none).
        suggestions: Vec<Hit>,
        /// The confidence of the best candidate, suggested or not (0 when there was none).
        confidence: f32,
        /// Why no fact was chosen.
        reason: Unsure,
    },
}

/// Why a question was declined: what the reply should tell the asker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unsure {
    /// No fact matches the question well enough: the base does not cover it.
    Uncovered,
    /// Two facts match it well and almost equally: the base covers it, but the question does not
    /// say which of them it means.
    Tie,
}

impl Outcome {
    /// Whether the question was answered.
    ///
    /// ```
    /// use nichiro::search::{Hit, Outcome, Unsure};
    /// assert!(!Outcome::Declined { suggestions: vec![], confidence: 0.1, reason: Unsure::Uncovered }.is_answered());
    /// ```
    pub fn is_answered(&self) -> bool {
        matches!(self, Outcome::Answered { .. })
    }

    /// Whether a declined question suggests `fact` ("Did you mean"), or an answered one answers it.
    pub(crate) fn suggests(&self, fact: usize) -> bool {
        match self {
            Outcome::Answered { best, .. } => best.fact == fact,
            Outcome::Declined { suggestions, .. } => suggestions.iter().any(|h| h.fact == fact),
        }
    }

    /// The confidence of the best candidate, answered or not (0 when there is none).
    ///
    /// ```
    /// use nichiro::search::{Hit, Outcome, Unsure};
    /// let o = Outcome::Declined { suggestions: vec![Hit { fact: 3, confidence: 0.2 }], confidence: 0.2, reason: Unsure::Tie };
    /// assert_eq!(o.confidence(), 0.2);
    /// ```
    pub fn confidence(&self) -> f32 {
        match self {
            Outcome::Answered { best, .. } => best.confidence,
            Outcome::Declined { confidence, .. } => *confidence,
        }
    }

    /// The answering fact's hit, or `None` for a decline.
    ///
    /// ```
    /// use nichiro::search::{Hit, Outcome, Unsure};
    /// let best = Hit { fact: 1, confidence: 0.9 };
    /// assert_eq!(Outcome::Answered { best, others: vec![], part: None }.best(), Some(best));
    /// assert_eq!(Outcome::Declined { suggestions: vec![], confidence: 0.1, reason: Unsure::Uncovered }.best(), None);
    /// ```
    pub fn best(&self) -> Option<Hit> {
        match self {
            Outcome::Answered { best, .. } => Some(*best),
            Outcome::Declined { .. } => None,
        }
    }

    /// The question answered when a message asked several and only its first was answered; `None`
    /// for an answer to the whole message, or a decline.
    ///
    /// ```
    /// use nichiro::search::{Hit, Outcome};
    /// let best = Hit { fact: 1, confidence: 0.9 };
    /// let first = Outcome::Answered { best, others: vec![], part: Some("Who won?".into()) };
    /// assert_eq!(first.part(), Some("Who won?"));
    /// assert_eq!(Outcome::Answered { best, others: vec![], part: None }.part(), None);
    /// ```
    pub fn part(&self) -> Option<&str> {
        match self {
            Outcome::Answered { part, .. } => part.as_deref(),
            Outcome::Declined { .. } => None,
        }
    }

    /// The other candidates: runners-up of an answer, or the suggestions of a decline.
    ///
    /// ```
    /// use nichiro::search::{Outcome, Unsure};
    /// assert!(Outcome::Declined { suggestions: vec![], confidence: 0.0, reason: Unsure::Uncovered }.alternatives().is_empty());
    /// ```
    pub fn alternatives(&self) -> &[Hit] {
        match self {
            Outcome::Answered { others, .. } => others,
            Outcome::Declined { suggestions, .. } => suggestions,
        }
    }
}

/// A fact base with its search index, built once at load.
#[derive(Debug)]
pub struct Index {
    kb: KnowledgeBase,
    inverted: Inverted,
    settings: Settings,
}

impl Index {
    /// Builds the index over `kb`.
    ///
    /// ```
    /// use nichiro::search::{Index, Settings};
    /// let kb = nichiro::knowledge::load("knowledge").unwrap();
    /// let index = Index::new(kb, Settings::default());
    /// assert!(index.ask("When was the Treaty of Portsmouth signed?").is_answered());
    /// ```
    pub fn new(kb: KnowledgeBase, settings: Settings) -> Self {
        let inverted = Inverted::build(&kb, None);
        Index { kb, inverted, settings }
    }

    /// An index of `kb` (a server's approved suggestions, made with [`KnowledgeBase::beside`]) to
    /// search beside `base`: its words weigh as they would in one index of both, so that its
    /// confidences and the base's can be compared. It holds only `kb`'s facts and words.
    ///
    /// ```
    /// use nichiro::search::Index;
    /// let base = Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let mut fact = base.knowledge().facts()[0].clone();
    /// fact.id = "own-fact".into();
    /// let own = Index::beside(&base, base.knowledge().beside(vec![fact.clone()], vec![]), Default::default());
    /// assert!(own.index_bytes() * 20 < base.index_bytes());
    /// let best = own.ask(&fact.questions[0]);
    /// assert!(best.is_answered() && best.confidence() > 0.9);
    /// ```
    pub fn beside(base: &Index, kb: KnowledgeBase, settings: Settings) -> Self {
        let inverted = Inverted::build(&kb, Some(&base.inverted));
        Index { kb, inverted, settings }
    }

    /// The fact base the index serves.
    ///
    /// ```
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// assert!(!index.knowledge().facts().is_empty());
    /// ```
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The settings in force.
    ///
    /// ```
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// assert_eq!(index.settings().decline_below, nichiro::search::DEFAULT_DECLINE_BELOW);
    /// ```
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// The fact a hit refers to (`None` for a hit that did not come from this index).
    ///
    /// ```
    /// use nichiro::search::{Hit, Outcome};
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let Outcome::Answered { best, .. } = index.ask("Who was Adam Laxman?") else { panic!("declined") };
    /// assert!(index.fact(best).unwrap().passage.contains("Laxman"));
    /// assert!(index.fact(Hit { fact: usize::MAX, confidence: 1.0 }).is_none());
    /// ```
    pub fn fact(&self, hit: Hit) -> Option<&Fact> {
        self.kb.facts().get(hit.fact)
    }

    /// Matches a question: the best fact and runners-up, or a decline. Never fails.
    ///
    /// ```
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// assert!(index.ask("What is the capital of France?").confidence() < 1.0);
    /// assert!(!index.ask("").is_answered());
    /// ```
    pub fn ask(&self, question: &str) -> Outcome {
        score::ask(&self.inverted, &self.kb, self.settings, question)
    }

    /// Matches a question with other settings than the index's own (a server's own threshold).
    ///
    /// ```
    /// use nichiro::search::Settings;
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let q = "When was the Treaty of Portsmouth signed?";
    /// assert!(index.ask_with(q, Settings { decline_below: 0.0 }).is_answered());
    /// assert!(!index.ask_with(q, Settings { decline_below: 1.01 }).is_answered());
    /// ```
    pub fn ask_with(&self, question: &str, settings: Settings) -> Outcome {
        score::ask(&self.inverted, &self.kb, settings, question)
    }

    /// The memory the index holds beside the fact base, in bytes (approximately).
    ///
    /// ```
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// assert!(index.index_bytes() > index.knowledge().facts().len() * 100);
    /// ```
    pub fn index_bytes(&self) -> usize {
        self.inverted.heap_bytes()
    }

    /// How a question is read (its weighted concepts) and scored (the top candidates with the parts
    /// of their confidence), as plain text for curators.
    ///
    /// ```
    /// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    /// let text = index.explain("kurile islands");
    /// assert!(text.starts_with("concepts"));
    /// ```
    pub fn explain(&self, question: &str) -> String {
        explain::explain(&self.inverted, &self.kb, self.settings, question)
    }
}
