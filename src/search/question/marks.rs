//! What a question's words are besides their terms: names, dates, spans to now, the asker's own
//! context, names brought in for comparison.

use super::dates::{date_since, day_and_month, span_to_now};
use super::length::{DURATION_FACTOR, in_duration, is_duration, length_words};
use super::names::{list_items, lowercase_names, proper_nouns};
use super::{Concept, compare, context, guess};
use crate::search::index::Inverted;
use crate::search::normalize::Term;

/// What a question's words are besides their terms, per word of its plain tokens: names, dates,
/// spans and durations, the asker's own context, names brought in for comparison, list items.
pub(super) struct Marks {
    pub names: Vec<String>,
    pub lower_names: Vec<bool>,
    pub dates: Vec<bool>,
    span: Vec<bool>,
    since: Vec<bool>,
    pub asker: Vec<bool>,
    /// The numbers the asker guesses at the figure asked for ([`guess::guessed`]).
    guess: Vec<bool>,
    /// The words that say how long an answer the asker wants ([`length_words`]).
    pub length: Vec<bool>,
    /// The words of a label before "question:" ([`context::label`]).
    pub label: Vec<bool>,
    compared: Vec<bool>,
    pub listed: Vec<String>,
}

impl Marks {
    /// The marks of a question's words; `figure` when it asks for one, which the asker may guess.
    pub fn read(index: &Inverted, text: &str, plain: &[&Term], figure: bool) -> Marks {
        let dates = day_and_month(plain);
        let guess = if figure { guess::guessed(plain, &dates) } else { Vec::new() };
        Marks {
            names: proper_nouns(text),
            lower_names: lowercase_names(index, text, plain),
            since: date_since(plain, &dates),
            dates,
            span: span_to_now(plain),
            asker: context::asker_context(plain),
            guess,
            length: length_words(plain),
            label: context::label(text, plain),
            compared: compare::compared(plain),
            listed: list_items(text),
        }
    }

    /// Weighs down a concept the question asks from (a date, a span to now, a duration), brings in
    /// for comparison or guesses at: it is not what the answer must give.
    pub fn weigh(&self, c: &mut Concept, plain: &[&Term], start: usize, len: usize) {
        let flagged = |flags: &[bool]| (start..start + len).any(|k| flags.get(k) == Some(&true));
        let from_date = flagged(&self.since);
        if flagged(&self.span) || from_date {
            c.focus = false;
            c.weight *= DURATION_FACTOR;
        }
        // Nor is a date it asks from a name the answer must write word for word.
        if from_date {
            c.name_run = 0;
        }
        if is_duration(plain, start) || (start..start + len).all(|k| in_duration(plain, k)) {
            c.focus = false;
            c.weight *= DURATION_FACTOR;
        }
        if flagged(&self.guess) {
            c.focus = false;
            c.weight *= guess::GUESS_FACTOR;
        }
        if c.focus && flagged(&self.compared) {
            c.focus = false;
            c.weight *= compare::COMPARED_FACTOR;
        }
    }
}
