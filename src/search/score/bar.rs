//! The confidence a question's best fact must reach, from the question's length and the words
//! the base lacks.

use super::*;

/// A question of this many concepts is held to the threshold as configured.
const PLAIN_LENGTH: usize = 6;
/// Each concept more than [`PLAIN_LENGTH`] lowers the bar by this much, up to [`LONG_LENGTH`]
/// concepts; each concept fewer raises it.
const LENGTH_STEP: f32 = 0.025;
const LONG_LENGTH: usize = 12;
/// Each word the base does not know raises the bar by this much (in the share of its weight that
/// the matcher gives it: half for an ordinary Russian word, whose other forms the base may have),
/// up to [`MOST_UNKNOWN`] words; it also counts in full against every fact's coverage (see
/// [`COVERAGE_CAP`]). Not for an index of a server's own facts built beside the base.
const UNKNOWN_STEP: f32 = 0.08;
const MOST_UNKNOWN: f32 = 3.0;

/// The confidence a question's best fact must reach to be answered: the configured threshold,
/// lower for a long question and higher for each word the base does not know.
///
/// A long question tells its context ("my teacher said … but my book says …"), and those words
/// dilute every fact's confidence alike, so a right answer to it scores lower than one to a short
/// question. A word the base lacks may be what the question is about ("how *tall* was Admiral
/// Togo", "what did they eat"), so the words it does know are weaker evidence. The steps are a
/// logistic fit on the tuning parts of the question sets (docs/calibration.md, ninth round). A
/// threshold at either end (0 or below, 1 or above) means always or never, whatever the question.
pub(crate) fn bar(index: &Inverted, reading: &Reading, settings: Settings) -> Bar {
    let threshold = settings.decline_below;
    let words = reading.concepts.len();
    // A server's own facts, indexed beside the base, lack most words: one they lack says nothing.
    let lacked = reading.concepts.iter().filter(|c| c.unknown && !index.beside);
    let (unknown, unknown_weight) = lacked.fold((0, 0.0), |(n, w), c| (n + 1, w + c.weight));
    if threshold <= 0.0 || threshold >= 1.0 {
        return Bar { threshold, question: threshold, words, unknown };
    }
    let lacking = (unknown_weight / index.unknown_weight).min(MOST_UNKNOWN);
    let question = question_bar(threshold, words, lacking);
    // A question for what no fact holds (an opinion, what would have happened) is declined with its
    // related facts however long it is: its length allows for diluting words, not for its kind.
    let question = if reading.asks.not_a_fact() { question.max(threshold) } else { question };
    Bar { threshold, question, words, unknown }
}

/// The bar of a question of `words` concepts, lacking words of `lacking` unknown words' weight.
pub(super) fn question_bar(threshold: f32, words: usize, lacking: f32) -> f32 {
    let length = words.min(LONG_LENGTH) as f32;
    threshold - LENGTH_STEP * (length - PLAIN_LENGTH as f32) + UNKNOWN_STEP * lacking
}

/// The lowest [`bar`] of any question: one of [`LONG_LENGTH`] concepts or more, lacking no word.
pub(crate) fn lowest_bar(settings: Settings) -> f32 {
    let threshold = settings.decline_below;
    if threshold <= 0.0 || threshold >= 1.0 {
        return threshold;
    }
    question_bar(threshold, LONG_LENGTH, 0.0)
}

/// The confidence needed to answer a question (see [`bar`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bar {
    /// The threshold as configured.
    pub threshold: f32,
    /// The bar for this question, from its length and its words the base lacks.
    pub question: f32,
    /// How many concepts the question has, and how many of them the base lacks, for explanations.
    pub words: usize,
    pub unknown: usize,
}

impl Bar {
    /// The bar `best` must reach: a question asked as one of its stored questions is asked as its
    /// curators foresaw, so its unknown words or its shortness do not raise the bar for it; a fact
    /// that lacks part of what the question is about gets no allowance for a long question, which is
    /// for words that dilute every fact alike, not for a name the fact does not have.
    pub fn for_best(self, best: &Scored) -> f32 {
        if best.parts[0] >= ASKED_AS_STORED {
            self.question.min(self.threshold)
        } else if best.focus_missed > 0 {
            self.question.max(self.threshold)
        } else {
            self.question
        }
    }
}
