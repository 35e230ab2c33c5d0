//! Scoring a question set: which answerable questions get a passage with the expected keys, and
//! which off-topic questions are declined.

use std::fmt;

use serde::Deserialize;

use crate::search::{Index, Outcome};

/// One line of a question set (`{"q": "...", "expect": ["key", "alt1|alt2"]}` or `"expect": null`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The question.
    pub q: String,
    /// Keys the answer's passage must contain (each may list `|`-separated alternatives), or
    /// `None` for an off-topic question that must be declined.
    pub expect: Option<Vec<String>>,
}

/// Why a line of a question set could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CaseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Reads a question set in JSON Lines; blank lines are skipped.
///
/// ```
/// let cases = nichiro::eval::parse_cases("{\"q\": \"Who?\", \"expect\": null}\n\n").unwrap();
/// assert_eq!(cases.len(), 1);
/// assert!(nichiro::eval::parse_cases("{\"q\": 1}").is_err());
/// ```
pub fn parse_cases(text: &str) -> Result<Vec<Case>, CaseError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| CaseError { line: i + 1, message: e.to_string() }))
        .collect()
}

/// Whether a passage contains every key (case-insensitively; any `|` alternative will do).
///
/// ```
/// use nichiro::eval::passage_has_keys;
/// assert!(passage_has_keys("Signed in 1956 in Moscow.", &["1956".into(), "moscow|tokyo".into()]));
/// assert!(!passage_has_keys("Signed in 1956.", &["1955".into()]));
/// ```
pub fn passage_has_keys(passage: &str, keys: &[String]) -> bool {
    let passage = passage.to_lowercase();
    keys.iter().all(|k| k.split('|').any(|alt| passage.contains(&alt.to_lowercase())))
}

/// The verdict on one case.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether the case passed.
    pub passed: bool,
    /// The id of the fact answered, if any.
    pub answered: Option<String>,
    /// The confidence of the best candidate.
    pub confidence: f32,
}

/// Judges one case against the index.
///
/// ```
/// use nichiro::eval::{Case, judge};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let case = Case { q: "What is the speed of light?".into(), expect: None };
/// assert!(judge(&index, &case).passed);
/// ```
pub fn judge(index: &Index, case: &Case) -> Verdict {
    let outcome = index.ask(&case.q);
    let answered = match &outcome {
        Outcome::Answered { best, .. } => index.fact(*best),
        Outcome::Declined { .. } => None,
    };
    let passed = match (&case.expect, answered) {
        (None, None) => true,
        (Some(keys), Some(fact)) => passage_has_keys(&fact.passage, keys),
        _ => false,
    };
    Verdict { passed, answered: answered.map(|f| f.id.clone()), confidence: outcome.confidence() }
}

/// Totals over a question set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Answerable questions answered with the expected keys.
    pub answerable_passed: usize,
    /// Answerable questions in all.
    pub answerable: usize,
    /// Off-topic questions declined.
    pub off_topic_declined: usize,
    /// Off-topic questions in all.
    pub off_topic: usize,
}

impl Summary {
    /// Adds one judged case.
    ///
    /// ```
    /// use nichiro::eval::{Case, Summary, Verdict};
    /// let mut s = Summary::default();
    /// s.add(&Case { q: "x".into(), expect: None }, &Verdict { passed: true, answered: None, confidence: 0.0 });
    /// assert_eq!((s.off_topic_declined, s.off_topic), (1, 1));
    /// ```
    pub fn add(&mut self, case: &Case, verdict: &Verdict) {
        if case.expect.is_some() {
            self.answerable += 1;
            self.answerable_passed += usize::from(verdict.passed);
        } else {
            self.off_topic += 1;
            self.off_topic_declined += usize::from(verdict.passed);
        }
    }

    /// Share of answerable questions passed, in percent (100 when there are none).
    ///
    /// ```
    /// let s = nichiro::eval::Summary { answerable_passed: 1, answerable: 4, ..Default::default() };
    /// assert_eq!(s.answerable_percent(), 25.0);
    /// ```
    pub fn answerable_percent(&self) -> f64 {
        percent(self.answerable_passed, self.answerable)
    }

    /// Share of off-topic questions declined, in percent (100 when there are none).
    ///
    /// ```
    /// let s = nichiro::eval::Summary { off_topic_declined: 9, off_topic: 10, ..Default::default() };
    /// assert_eq!(s.off_topic_percent(), 90.0);
    /// ```
    pub fn off_topic_percent(&self) -> f64 {
        percent(self.off_topic_declined, self.off_topic)
    }
}

fn percent(n: usize, d: usize) -> f64 {
    if d == 0 { 100.0 } else { 100.0 * n as f64 / d as f64 }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "answerable top-1: {}/{} = {:.1}%; declined off-topic: {}/{} = {:.1}%",
            self.answerable_passed,
            self.answerable,
            self.answerable_percent(),
            self.off_topic_declined,
            self.off_topic,
            self.off_topic_percent()
        )
    }
}

/// What the matcher's top candidate for a case would be, whatever the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct TopCandidate {
    /// Confidence of the top candidate (0 when there is none).
    pub confidence: f32,
    /// Whether the case passes if that candidate is given as the answer.
    pub passes_if_answered: bool,
}

/// The top candidate for a case, answered or only suggested.
///
/// ```
/// use nichiro::eval::{Case, top_candidate};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let top = top_candidate(&index, &Case { q: "Who was Adam Laxman?".into(), expect: Some(vec!["Laxman".into()]) });
/// assert!(top.passes_if_answered && top.confidence > 0.5);
/// ```
pub fn top_candidate(index: &Index, case: &Case) -> TopCandidate {
    let outcome = index.ask(&case.q);
    let best = match &outcome {
        Outcome::Answered { best, .. } => Some(*best),
        Outcome::Declined { suggestions, .. } => suggestions.first().copied(),
    };
    let passes_if_answered = match (&case.expect, best) {
        (Some(keys), Some(hit)) => index.fact(hit).is_some_and(|f| passage_has_keys(&f.passage, keys)),
        _ => false,
    };
    TopCandidate { confidence: best.map_or(0.0, |h| h.confidence), passes_if_answered }
}

/// Totals at each threshold: an answerable case passes when its top candidate passes and reaches the
/// threshold; an off-topic case passes when its top candidate stays below it.
///
/// ```
/// use nichiro::eval::{Case, sweep};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let cases = [Case { q: "Tell me a joke".into(), expect: None }];
/// let rows = sweep(&index, &cases, &[0.0, 1.01]);
/// assert_eq!((rows[1].1.off_topic_declined, rows[1].1.off_topic), (1, 1));
/// ```
pub fn sweep(index: &Index, cases: &[Case], thresholds: &[f32]) -> Vec<(f32, Summary)> {
    let tops: Vec<TopCandidate> = cases.iter().map(|c| top_candidate(index, c)).collect();
    thresholds
        .iter()
        .map(|&t| {
            let mut summary = Summary::default();
            for (case, top) in cases.iter().zip(&tops) {
                let answered = top.confidence >= t && top.confidence > 0.0;
                let passed = match case.expect {
                    Some(_) => answered && top.passes_if_answered,
                    None => !answered,
                };
                let verdict = Verdict { passed, answered: None, confidence: top.confidence };
                summary.add(case, &verdict);
            }
            (t, summary)
        })
        .collect()
}
