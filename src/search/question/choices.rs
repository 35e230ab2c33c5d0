//! The options of a multiple-choice question, read as the question's concepts.

use std::borrow::Cow;

use super::super::normalize::tokenize;
use super::super::options::split_options;
use super::{Concept, Inverted, chat_spellings, concepts};

/// The stem of a multiple-choice question and its options' concepts, numbered as
/// [`Concept::choice`]; a question without options is all stem. A choice among names the base never
/// has, and nothing it knows, is none it can make: those options are read as words of the question,
/// without their markers ("which started the First World War? ア サラエボ事件 イ ドレフュス事件").
pub(super) fn read_options<'q>(index: &Inverted, text: &'q str) -> (Cow<'q, str>, Vec<Vec<Concept>>) {
    let (stem, options) = split_options(text);
    let choice = |k: usize| u16::try_from(k + 1).unwrap_or(u16::MAX);
    let read: Vec<Vec<Concept>> = (options.iter().enumerate())
        .map(|(k, o)| concepts(index, &chat_spellings(tokenize(o)), o, choice(k), false))
        .collect();
    let known = read.iter().flatten().any(|c| c.content && !c.unknown);
    let unknown_name = read.iter().flatten().any(|c| c.unknown && c.focus);
    if known || !unknown_name {
        return (Cow::Borrowed(stem), read);
    }
    (Cow::Owned(std::iter::once(stem).chain(options).collect::<Vec<_>>().join(" ")), Vec::new())
}
