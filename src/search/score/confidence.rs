//! A candidate's confidence: how much of the question it covers, how like the question its best
//! stored question is, and what it misses of what the question asks for.

use super::gather::bits;
use super::weigh::{Missed, answers_kind, blend, is_past, weigh};
use super::{Evidence, OTHER_KIND, SUGGESTION_FLOOR, Scored, met_with_coordinated};
use crate::search::Hit;
use crate::search::asks::Asks;
use crate::search::index::{Inverted, question_slots};
use crate::search::question::Reading;
use crate::search::sides::{other_side, other_way};

/// The most of a question's weight a fact must cover to be fully confident: about six content words.
/// A long, chatty question ("my grandfather says … how common was that?") tells who asks and why,
/// and those words dilute every fact's coverage alike; its names and numbers still have to be met
/// (the focus checks), and short questions are measured against all their words as before. The words
/// the base lacks are outside the cap: in "What was on the menu at the Abe–Putin dinner in Nagato in
/// December 2016?" they are what is asked, which no fact gives, however much of the rest one covers.
pub(super) const COVERAGE_CAP: f32 = 22.0;

/// The same for the likeness to a stored question, which is short: a long question that tells its
/// context matches its stored question in the words it asks with, and the context words count
/// only up to this weight (about five content words), or up to the stored question's own weight
/// when that is more (a long stored question asked word for word is still itself).
const STORED_QUESTION_CAP: f32 = 18.0;

/// The weight a fact's coverage of a question is measured against: the weight coverage counts,
/// capped at a share of the known words' weight ([`COVERAGE_CAP`]), and the words the base lacks in
/// full beside it.
pub(super) fn coverage_measure(covered_total: f32, lacked: f32, total: f32) -> f32 {
    let known_total = (total - lacked).max(f32::EPSILON);
    (covered_total - lacked) * (COVERAGE_CAP / known_total).min(1.0) + lacked
}

/// A candidate's confidence: its evidence, then what it misses of the question's focus, the kind
/// of answer asked for, and the present. `None` for a candidate that cannot reach
/// [`SUGGESTION_FLOOR`], which is never shown: most candidates share only a common word with the
/// question, and the likeness to each stored question is the costly part to measure.
// Called for every candidate from `rank`, in another module: inlined there as it was before the move.
#[inline]
pub(super) fn confidence(
    index: &Inverted,
    reading: &Reading,
    fact: usize,
    e: &Evidence,
    (focus_all, apart, covered): (u64, &[u64], f32),
) -> Option<Scored> {
    let total = reading.total;
    let mut parts =
        [0.0, (e.any / covered).min(1.0), (e.keywords / covered).min(1.0), (e.passage / covered).min(1.0)];
    // No stored question's likeness exceeds twice the weight that met any of them over the least
    // weight a likeness is measured against; every step of `weigh` is monotonic in the likeness
    // (rounding included), so a candidate below the floor with that likeness stays below it. Most
    // are below it before what they miss, which only lowers a confidence, is looked at.
    let least_asked = if total > STORED_QUESTION_CAP { STORED_QUESTION_CAP } else { total };
    parts[0] = (2.0 * e.stored / least_asked).min(1.0);
    if blend(reading, parts) < SUGGESTION_FLOOR {
        return None;
    }
    let traits = index.traits[fact];
    let met = met_with_coordinated(apart, e.focus);
    let missed = Missed {
        focus: (focus_all & !met).count_ones(),
        kind: !answers_kind(reading.asks, traits)
            || reading.measure.is_some_and(|m| !traits.measures(m))
            || (reading.span && !traits.span),
        past: reading.present && is_past(traits, index.latest_year),
        cause: reading.asks == Asks::Reason && !index.question_kinds[fact].any_asks(Asks::Reason),
        elsewhere: reading.elsewhere.is_some() && !traits.third_country,
        everyday_only: !e.specific,
        scene: reading.scene & !met != 0,
    };
    if weigh(reading, parts, missed) < SUGGESTION_FLOOR {
        return None;
    }
    let (best_question, other_side) = likeness(index, reading, fact, e);
    parts[0] = best_question.min(1.0);
    let hit = Hit { fact, confidence: weigh(reading, parts, missed) };
    Some(Scored {
        hit,
        parts,
        focus: met,
        options: e.options,
        focus_missed: missed.focus,
        kind_missed: missed.kind,
        cause_unasked: missed.cause,
        past: missed.past,
        other_side,
        latest: false,
        dated: false,
        phrases: 1.0,
    })
}

/// The likeness of the question to the fact's best stored question, and whether a stored question
/// about the other side than the question's would have been better.
fn likeness(index: &Inverted, reading: &Reading, fact: usize, e: &Evidence) -> (f32, bool) {
    let total = reading.total;
    let weights = &index.question_weights[fact];
    let slots = question_slots(reading.lang);
    // Only a long question is measured against less than its whole weight.
    let long = total > STORED_QUESTION_CAP;
    // Stored questions asking for another kind of answer, a bit per slot of this language.
    let other_kind = index.question_kinds[fact].other_than(reading.asks) >> slots.start;
    // A stored question that met none of the question's concepts scores 0 and changes no maximum.
    let dice = bits(e.matched).map(|k| {
        let (m, w) = (e.questions[k], weights[slots.start + k]);
        let asked = if long { STORED_QUESTION_CAP.max(total.min(w)) } else { total };
        let kind = if other_kind & 1 << k != 0 { OTHER_KIND } else { 1.0 };
        (k, if w > 0.0 { kind * 2.0 * m / (asked + w) } else { 0.0 })
    });
    // A stored question about the other side ("the Japanese commander" for "the Russian commander")
    // is not this question, however many words they share: it does not count as the best one.
    if reading.sides == 0 && reading.direction == 0 {
        return (dice.fold(0.0f32, |best, (_, d)| best.max(d)), false);
    }
    let (mut same, mut other) = (0.0f32, 0.0f32);
    let (question_sides, directions) = (index.question_sides[fact], index.question_directions[fact]);
    for (k, d) in dice {
        let shift = 2 * (slots.start + k);
        let (sides, way) = ((question_sides >> shift) as u8 & 3, (directions >> shift) as u8 & 3);
        if other_side(reading.sides, sides) || other_way(reading.direction, way) {
            other = other.max(d)
        } else {
            same = same.max(d)
        }
    }
    (same, other > same)
}
