//! Phrases: whether the words a question puts together also stand together in a fact
//! ("the Battle of Tsushima" against a fact that mentions a battle and, elsewhere, Tsushima).

use super::index::{GAP, Inverted};
use super::normalize::Kind;
use super::question::Concept;
use crate::lang::Lang;

/// Two concepts stand together when at most this many content units separate them.
const NEAR: usize = 2;

/// The question's phrases: adjacent pairs of known content concepts that the base uses as phrases
/// somewhere, or that the question writes as one name ("Korean War"), which a fact must then have too.
#[derive(Debug)]
pub(crate) struct Phrases<'a> {
    chain: Vec<&'a Concept>,
    /// For each phrase, its first concept's place in `chain`, and whether it is a name.
    pairs: Vec<(usize, bool)>,
    /// Every alternative of every concept in the chain with its place in the chain, sorted.
    lookup: Vec<(u32, usize)>,
    /// How far apart the words of the phrase starting at each place may stand.
    reach: Vec<usize>,
    /// A bit per id modulo 64 of the ids in `lookup`: most units of a fact are passed over with it.
    mask: u64,
    /// Names of several words that no fact uses as a phrase ("Korean War" in a base that has Korea
    /// and wars, but never the Korean War): what the question is about is not in the base.
    pub unknown_names: Vec<String>,
}

pub(crate) fn phrases<'a>(index: &Inverted, concepts: &'a [Concept]) -> Phrases<'a> {
    let chain: Vec<&Concept> = concepts.iter().filter(|c| c.content && !c.unknown && !c.option()).collect();
    let attested = |a: &Concept, b: &Concept| {
        a.alternatives.iter().any(|&(x, _)| b.alternatives.iter().any(|&(y, _)| index.is_attested(x, y)))
    };
    let pairs: Vec<(usize, bool, bool)> = (1..chain.len())
        .filter_map(|k| {
            let name = chain[k].name_run != 0 && chain[k].name_run == chain[k - 1].name_run;
            let known = attested(chain[k - 1], chain[k]);
            (name || known).then_some((k - 1, name, known))
        })
        .collect();
    // A name none of whose pairs of words the base uses together is unknown to it.
    let mut unknown_names = Vec::new();
    for run in chain.iter().map(|c| c.name_run).filter(|&r| r != 0).collect::<std::collections::BTreeSet<_>>()
    {
        let in_run: Vec<&(usize, bool, bool)> =
            pairs.iter().filter(|p| p.1 && chain[p.0].name_run == run).collect();
        if !in_run.is_empty() && in_run.iter().all(|p| !p.2) {
            let words: Vec<&str> =
                chain.iter().filter(|c| c.name_run == run).map(|c| c.word.as_str()).collect();
            unknown_names.push(words.join(" "));
        }
    }
    let pairs: Vec<(usize, bool)> = pairs.into_iter().map(|(k, name, _)| (k, name)).collect();
    let mut lookup: Vec<(u32, usize)> = chain
        .iter()
        .enumerate()
        .flat_map(|(k, c)| c.alternatives.iter().map(move |&(id, _)| (id, k)))
        .collect();
    lookup.sort_unstable();
    // A name of several words must stand as written: its words next to each other.
    let reach = (0..chain.len())
        .map(|k| if pairs.iter().any(|&(p, name)| p == k && name) { 2 } else { NEAR + 1 })
        .collect();
    let mask = lookup.iter().fold(0u64, |m, &(id, _)| m | 1 << (id % 64));
    Phrases { chain, pairs, lookup, reach, mask, unknown_names }
}

/// How `fact` holds the question's phrases (standing together in either order, within one text):
/// the share it holds (1 when the question has none), and how many names of several words it lacks.
pub(crate) fn phrase_share(index: &Inverted, phrases: &Phrases, fact: usize, lang: Lang) -> (f32, u32) {
    let Phrases { chain, pairs, lookup, reach, mask, .. } = phrases;
    if pairs.is_empty() {
        return (1.0, 0);
    }
    let mut found = vec![false; chain.len()];
    let mut last_seen: Vec<Option<usize>> = vec![None; chain.len()];
    let [shared, own] = index.sequence(fact, lang);
    // This loop walks every unit of the fact, so its two parts are walked in plain loops of their
    // own, and a unit is passed over by the mask alone unless it shares a bit with a question's
    // unit or with a gap.
    let mask = mask | 1 << (GAP % 64);
    for (offset, part) in [(0, shared), (shared.len(), own)] {
        for (at, &unit) in part.iter().enumerate() {
            if mask & 1 << (unit % 64) == 0 {
                continue;
            }
            if unit == GAP {
                last_seen.iter_mut().for_each(|l| *l = None);
                continue;
            }
            let position = offset + at;
            let from = lookup.partition_point(|&(id, _)| id < unit);
            for &(_, k) in lookup[from..].iter().take_while(|&&(id, _)| id == unit) {
                let near =
                    |other: usize, pair: usize| last_seen[other].is_some_and(|p| position - p <= reach[pair]);
                if k > 0 && near(k - 1, k - 1) {
                    found[k - 1] = true;
                }
                if k + 1 < chain.len() && near(k + 1, k) {
                    found[k] = true;
                }
                last_seen[k] = Some(position);
            }
        }
    }
    let held = pairs.iter().filter(|&&(k, _)| found[k]).count();
    let names_missed = pairs.iter().filter(|&&(k, name)| name && !found[k]).count();
    (held as f32 / pairs.len() as f32, names_missed as u32)
}

fn is_month(index: &Inverted, unit: u32) -> bool {
    super::slot::MONTHS.contains(&index.terms[unit as usize].name)
}

/// How many of the question's names (its focus words, written without a number after them) occur
/// in `fact` only as part of a numbered name: "Sakhalin" in a fact that only says "Sakhalin-2" is
/// an energy project, not the island.
pub(crate) fn numbered_only(index: &Inverted, concepts: &[Concept], fact: usize, lang: Lang) -> u32 {
    let is_number = |id: u32| index.terms[id as usize].kind == Kind::Number;
    let is_name = |id: u32| index.terms[id as usize].proper || index.terms[id as usize].group;
    let parts = index.sequence(fact, lang);
    let mut count = 0;
    for (n, c) in concepts.iter().enumerate() {
        let numbered_in_question = concepts
            .get(n + 1)
            .is_some_and(|next| next.alternatives.first().is_some_and(|&(id, _)| is_number(id)));
        if !c.focus
            || c.option()
            || numbered_in_question
            || !c.alternatives.iter().any(|&(id, _)| is_name(id))
        {
            continue;
        }
        count += u32::from(only_numbered(index, &parts, c));
    }
    count
}

/// Japanese counters: after a number they count things (一人, 2隻), where a number after a name
/// would name one of a series (サハリン2).
const COUNTERS: &[&str] = &["人", "名", "隻", "回", "度", "機", "両", "個", "万", "千", "百"];

/// Whether a term opens with a Japanese counter ([`COUNTERS`]): kanji are indexed in pairs, so
/// 1人津田 reads 1, 人津, 津田.
fn is_counter(index: &Inverted, unit: u32) -> bool {
    let info = &index.terms[unit as usize];
    info.kind == Kind::Cjk && COUNTERS.iter().any(|c| info.name.starts_with(c))
}

/// Whether a concept occurs in a fact's texts, and only with a small number after it.
fn only_numbered(index: &Inverted, parts: &[&[u32]; 2], c: &Concept) -> bool {
    let is_small_number = |unit: u32| {
        let info = &index.terms[unit as usize];
        info.kind == Kind::Number && info.name.len() <= 2
    };
    // Every unit of the fact is walked: most are passed over by a bit per id modulo 64 (a gap is
    // never one of the concept's ids).
    let mask = c.alternatives.iter().fold(0u64, |m, &(id, _)| m | 1 << (id % 64));
    let mut seen = false;
    for sequence in parts {
        for (i, &unit) in sequence.iter().enumerate() {
            if mask & 1 << (unit % 64) == 0 || !c.alternatives.iter().any(|&(id, _)| id == unit) {
                continue;
            }
            seen = true;
            // "Sakhalin-2", but not "the Pact of 13 April": a day of the month starts a date.
            // Nor a Japanese count: 巡査の一人 is one of the policemen.
            let numbered = sequence.get(i + 1).is_some_and(|&next| next != GAP && is_small_number(next))
                && !sequence.get(i + 2).is_some_and(|&after| {
                    after != GAP && (is_month(index, after) || is_counter(index, after))
                });
            if !numbered {
                return false;
            }
        }
    }
    seen
}
