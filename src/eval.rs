//! Scoring a question set: which answerable questions get a passage with the expected keys, and
//! which off-topic questions are declined.

use std::fmt;

use serde::Deserialize;

use crate::lang::Lang;
use crate::search::{Index, Outcome, Settings};

/// One line of a question set (`{"q": "...", "expect": ["key", "alt1|alt2"]}` or `"expect": null`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The question.
    pub q: String,
    /// Keys the answer's passage must contain (each may list `|`-separated alternatives), or
    /// `None` for an off-topic question that must be declined.
    pub expect: Option<Vec<String>>,
    /// The facts that answer the question, when known: the answer must then be one of them (its
    /// keys alone are not enough).
    #[serde(default)]
    pub facts: Vec<String>,
}

/// Why a line of a question set could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct CaseError {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
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
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| {
                // serde_json ends its message with its own " at line 1 column N": one location is enough.
                let text = e.to_string();
                let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_string();
                CaseError { line: i + 1, column: e.column().max(1), message }
            })
        })
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
/// let case = Case { q: "What is the speed of light?".into(), expect: None, facts: vec![] };
/// assert!(judge(&index, &case).passed);
/// ```
pub fn judge(index: &Index, case: &Case) -> Verdict {
    judge_with(index, case, index.settings())
}

/// Judges one case with other settings than the index's own (another threshold).
///
/// ```
/// use nichiro::eval::{Case, judge_with};
/// use nichiro::search::Settings;
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let case = Case { q: "Who was Adam Laxman?".into(), expect: Some(vec!["Laxman".into()]), facts: vec![] };
/// assert!(!judge_with(&index, &case, Settings { decline_below: 1.01 }).passed);
/// ```
pub fn judge_with(index: &Index, case: &Case, settings: Settings) -> Verdict {
    let outcome = index.ask_with(&case.q, settings);
    let answered = match &outcome {
        Outcome::Answered { best, .. } => index.fact(*best),
        Outcome::Declined { .. } => None,
    };
    let passed = match (&case.expect, answered) {
        (None, None) => true,
        (Some(_), Some(fact)) if !case.facts.is_empty() => case.facts.contains(&fact.id),
        (Some(keys), Some(fact)) => passage_has_keys(fact.passage_in(Lang::of_question(&case.q)), keys),
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
    /// Questions answered wrongly: a passage without the expected keys, or any answer to an off-topic one.
    pub wrong: usize,
}

impl Summary {
    /// Adds one judged case.
    ///
    /// ```
    /// use nichiro::eval::{Case, Summary, Verdict};
    /// let mut s = Summary::default();
    /// s.add(&Case { q: "x".into(), expect: None, facts: vec![] }, &Verdict { passed: true, answered: None, confidence: 0.0 });
    /// assert_eq!((s.off_topic_declined, s.off_topic), (1, 1));
    /// ```
    pub fn add(&mut self, case: &Case, verdict: &Verdict) {
        self.wrong += usize::from(!verdict.passed && verdict.answered.is_some());
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

    /// Share of all questions answered wrongly, in percent (0 when there are none).
    ///
    /// ```
    /// let s = nichiro::eval::Summary { wrong: 1, answerable: 3, off_topic: 1, ..Default::default() };
    /// assert_eq!(s.wrong_percent(), 25.0);
    /// ```
    pub fn wrong_percent(&self) -> f64 {
        let all = self.answerable + self.off_topic;
        if all == 0 { 0.0 } else { 100.0 * self.wrong as f64 / all as f64 }
    }
}

fn percent(n: usize, d: usize) -> f64 {
    if d == 0 { 100.0 } else { 100.0 * n as f64 / d as f64 }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "answerable top-1: {}/{} = {:.1}%; declined off-topic: {}/{} = {:.1}%; wrong answers: {}/{} = {:.1}%",
            self.answerable_passed,
            self.answerable,
            self.answerable_percent(),
            self.off_topic_declined,
            self.off_topic,
            self.off_topic_percent(),
            self.wrong,
            self.answerable + self.off_topic,
            self.wrong_percent()
        )
    }
}

/// Totals at each threshold, each case judged as it would be with that threshold.
///
/// ```
/// use nichiro::eval::{Case, sweep};
/// # let index = nichiro::search::Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
/// let cases = [Case { q: "Tell me a joke".into(), expect: None, facts: vec![] }];
/// let rows = sweep(&index, &cases, &[0.0, 1.01]);
/// assert_eq!((rows[1].1.off_topic_declined, rows[1].1.off_topic), (1, 1));
/// ```
pub fn sweep(index: &Index, cases: &[Case], thresholds: &[f32]) -> Vec<(f32, Summary)> {
    thresholds
        .iter()
        .map(|&t| {
            let mut summary = Summary::default();
            for case in cases {
                summary.add(case, &judge_with(index, case, Settings { decline_below: t }));
            }
            (t, summary)
        })
        .collect()
}
