//! Close calls between the best candidates: when a near tie is a guess to decline, and when a
//! question asked exactly as a fact stores it, or a question about the present, settles it.

use super::index::Inverted;
use super::question::Concept;
use super::score::{ASKED_AS_STORED, SHOWN, Scored};

/// A question this similar to a stored one is that question, as written (allowing for rounding).
const EXACTLY_STORED: f32 = 0.999;
/// Two candidates this close, for a question without a focus (no name, number or word the base
/// lacks, so nothing to tell them apart), are a guess: nichiro declines and offers both.
const AMBIGUOUS_MARGIN: f32 = 0.04;

/// Whether the best two candidates are too close to choose between: nearly the same confidence,
/// neither asked as stored, and either the question has no focus (no name, number or word the base
/// lacks, so nothing to tell them apart; not settled as the latest, not about the same time), or
/// the best meets a multiple-choice option the second does not, which meets one of its own (the
/// stem fits both, and which option is right is what the question asks).
pub(crate) fn ambiguous(index: &Inverted, ranked: &[Scored]) -> bool {
    match ranked {
        [best, second, ..] => {
            let close = best.hit.confidence - second.hit.confidence < AMBIGUOUS_MARGIN
                && best.parts[0] < ASKED_AS_STORED;
            let no_focus = !best.latest
                && index.traits[best.hit.fact].until != index.traits[second.hit.fact].until
                && best.focus == 0
                && second.focus == 0;
            close && (no_focus || options_apart(best, second))
        }
        _ => false,
    }
}

/// Whether the best candidate meets an option of a multiple-choice question that the second does
/// not, while the second meets one too: then the best may lead for its option, not for the stem.
pub(crate) fn options_apart(best: &Scored, second: &Scored) -> bool {
    second.options != 0 && best.options & !second.options != 0
}

/// A candidate this far behind the best, dated in the one year the question names while the best
/// is not, is the event asked about: the best only mentions that year beside its own.
const DATED_MARGIN: f32 = 0.12;

/// A question naming one year goes to a close candidate dated in that year when the best is dated
/// otherwise or not at all ("Medvedev's visit in 2010" is the 2010 visit, not the 2012 one whose
/// passage recalls it), unless the best is asked word for word as stored or the other misses more
/// of the question's focus or cannot give the kind of answer asked for.
pub(crate) fn dated_wins_a_tie(index: &Inverted, year: i32, ranked: &mut [Scored]) {
    let Some(best) = ranked.first() else { return };
    if best.parts[0] >= EXACTLY_STORED || index.traits[best.hit.fact].dated_in(year) {
        return;
    }
    let (top, focus_missed) = (best.hit.confidence, best.focus_missed);
    let dated = ranked.iter().take(SHOWN).position(|s| {
        top - s.hit.confidence < DATED_MARGIN
            && s.focus_missed <= focus_missed
            && !s.kind_missed
            && index.traits[s.hit.fact].dated_in(year)
    });
    if let Some(i) = dated {
        settle(ranked, i);
        ranked[0].dated = true;
    }
}

/// A candidate this far behind the best, meeting one option of a multiple-choice question while the
/// best meets none, is the answer the question offers.
const OPTION_MARGIN: f32 = 0.12;

/// A multiple-choice question goes to a close candidate that meets exactly one of its options when
/// the best meets none ("The Treaty of Portsmouth was mediated by: (a) Wilson (b) Roosevelt": the
/// treaty's fact fits the stem, Roosevelt's mediation the answer), unless the best is asked word for
/// word as stored or the other cannot give the kind of answer asked for.
pub(crate) fn option_wins_a_tie(concepts: &[Concept], ranked: &mut [Scored]) {
    let Some(best) = ranked.first() else { return };
    if best.options != 0 || best.parts[0] >= EXACTLY_STORED {
        return;
    }
    // The options a candidate meets, by the concepts (bits) of theirs it has.
    let one_option = |s: &Scored| {
        let mut choices =
            (0..concepts.len().min(64)).filter(|n| s.options & (1 << n) != 0).map(|n| concepts[n].choice);
        choices.next().is_some_and(|first| choices.all(|c| c == first))
    };
    let top = best.hit.confidence;
    let one = ranked
        .iter()
        .take(SHOWN)
        .position(|s| top - s.hit.confidence < OPTION_MARGIN && !s.kind_missed && one_option(s));
    if let Some(i) = one {
        settle(ranked, i);
    }
}

/// How many of the best candidates (at most [`SHOWN`]) are within the tie margin of the first.
fn near_tie(ranked: &[Scored]) -> usize {
    let Some(best) = ranked.first().map(|s| s.hit.confidence) else { return 0 };
    ranked.iter().take(SHOWN).take_while(|s| best - s.hit.confidence < AMBIGUOUS_MARGIN).count()
}

/// Moves candidate `i` of a near tie to the front at the tie's confidence, so settling a tie never
/// turns an answer into a decline.
fn settle(ranked: &mut [Scored], i: usize) {
    let best = ranked[0].hit.confidence;
    ranked[..=i].rotate_right(1);
    ranked[0].hit.confidence = best;
}

/// A question asked word for word as one of a fact's stored questions goes to that fact when
/// another is only a hair ahead: its curators said it answers exactly this.
pub(crate) fn stored_wins_a_tie(ranked: &mut [Scored]) {
    let exact = |s: &Scored| s.parts[0] >= EXACTLY_STORED;
    if ranked.first().is_none_or(exact) {
        return;
    }
    if let Some(i) = ranked[..near_tie(ranked)].iter().position(exact) {
        settle(ranked, i);
    }
}

/// A question about the present goes to the latest of the dated facts that nearly tie for it ("trade
/// these days" asks for the newest year's figures, not a coin toss between years), unless the best
/// is asked word for word as stored.
pub(crate) fn latest_wins_a_tie(index: &Inverted, ranked: &mut [Scored]) {
    if ranked.first().is_none_or(|s| s.parts[0] >= EXACTLY_STORED) {
        return;
    }
    let tied = near_tie(ranked);
    let until = |s: &Scored| index.traits[s.hit.fact].until;
    let latest = (0..tied)
        .filter(|&i| until(&ranked[i]).is_some())
        .max_by_key(|&i| (until(&ranked[i]), std::cmp::Reverse(i)));
    if let (true, Some(i)) = (tied > 1, latest) {
        settle(ranked, i);
        ranked[0].latest = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Hit;
    use crate::search::index::Traits;

    fn candidate(fact: usize, confidence: f32, stored: f32) -> Scored {
        Scored {
            hit: Hit { fact, confidence },
            parts: [stored, 1.0, 1.0, 1.0],
            focus: 0,
            options: 0,
            focus_missed: 0,
            kind_missed: false,
            cause_unasked: false,
            past: false,
            other_side: false,
            latest: false,
            dated: false,
            phrases: 1.0,
        }
    }

    /// An index whose facts end in these years (`None`: undated).
    fn dated(years: &[Option<i32>]) -> Inverted {
        let traits = years.iter().map(|&until| Traits { until, ..Traits::default() }).collect();
        Inverted { traits, ..Inverted::default() }
    }

    #[test]
    fn latest_wins_a_near_tie_at_its_confidence() {
        let index = dated(&[Some(2022), Some(2024), None, Some(2025)]);
        let mut ranked = vec![
            candidate(0, 0.73, 0.6),
            candidate(1, 0.71, 0.5),
            candidate(2, 0.72, 0.5),
            candidate(3, 0.5, 0.5),
        ];
        latest_wins_a_tie(&index, &mut ranked);
        assert_eq!(order(&ranked), [1, 0, 2, 3]);
        assert_eq!(ranked[0].hit.confidence, 0.73);
        assert!(ranked[0].latest && !ambiguous(&index, &ranked));
    }

    /// Concepts of a multiple-choice question: the stem's, then each option's (`choice` from 1).
    fn concepts(choices: &[u16]) -> Vec<Concept> {
        let concept = |choice: u16| Concept {
            alternatives: vec![(0, 1.0)],
            weight: 1.0,
            coverage: 1.0,
            content: true,
            choice,
            ..Concept::default()
        };
        choices.iter().map(|&c| concept(c)).collect()
    }

    #[test]
    fn option_wins_when_the_best_meets_none() {
        // Concepts: the stem's (0), option 1's two words (1, 2), option 2's (3).
        let concepts = concepts(&[0, 1, 1, 2]);
        let with = |fact, confidence, options| Scored { options, ..candidate(fact, confidence, 0.5) };
        let mut ranked = vec![with(0, 0.77, 0), with(1, 0.70, 0b1010), with(2, 0.66, 0b0110)];
        option_wins_a_tie(&concepts, &mut ranked);
        assert_eq!(order(&ranked), [2, 0, 1], "two words of one option are one option");
        assert_eq!(ranked[0].hit.confidence, 0.77);
        let mut far = vec![with(0, 0.90, 0), with(1, 0.70, 0b0110)];
        option_wins_a_tie(&concepts, &mut far);
        assert_eq!(order(&far), [0, 1], "too far behind");
        let mut met = vec![with(0, 0.77, 0b1000), with(1, 0.70, 0b0110)];
        option_wins_a_tie(&concepts, &mut met);
        assert_eq!(order(&met), [0, 1], "the best meets an option itself");
    }

    #[test]
    fn dated_wins_when_close_and_no_worse_on_focus() {
        let span = |since, until| Traits { since: Some(since), until: Some(until), ..Traits::default() };
        let traits = vec![span(2012, 2012), Traits::default(), span(2010, 2011), span(2009, 2010)];
        let index = Inverted { traits, ..Inverted::default() };
        let ranked = || vec![candidate(0, 0.74, 0.5), candidate(1, 0.70, 0.5), candidate(2, 0.65, 0.5)];
        let mut moved = ranked();
        dated_wins_a_tie(&index, 2010, &mut moved);
        assert_eq!(order(&moved), [2, 0, 1]);
        assert!(moved[0].dated && moved[0].hit.confidence == 0.74);
        let mut far = ranked();
        far[2].hit.confidence = 0.60;
        dated_wins_a_tie(&index, 2010, &mut far);
        assert_eq!(order(&far), [0, 1, 2], "too far behind");
        let mut missing = ranked();
        missing[2].focus_missed = 1;
        dated_wins_a_tie(&index, 2010, &mut missing);
        assert_eq!(order(&missing), [0, 1, 2], "misses more of the focus");
        let mut kept = ranked();
        dated_wins_a_tie(&index, 2012, &mut kept);
        assert_eq!(order(&kept), [0, 1, 2], "the best is dated in the year");
    }

    #[test]
    fn latest_does_not_win_against_a_stored_question_or_alone() {
        let index = dated(&[Some(2022), Some(2024)]);
        let mut ranked = vec![candidate(0, 0.73, 1.0), candidate(1, 0.72, 0.5)];
        latest_wins_a_tie(&index, &mut ranked);
        assert_eq!(order(&ranked), [0, 1]);
        let mut ranked = vec![candidate(0, 0.9, 0.6), candidate(1, 0.7, 0.5)];
        latest_wins_a_tie(&index, &mut ranked);
        assert_eq!(order(&ranked), [0, 1]);
        assert!(!ranked[0].latest);
    }

    fn order(ranked: &[Scored]) -> Vec<usize> {
        ranked.iter().map(|s| s.hit.fact).collect()
    }

    #[test]
    fn stored_question_wins_a_near_tie_at_its_confidence() {
        let mut ranked = vec![candidate(1, 0.882, 0.93), candidate(2, 0.879, 1.0), candidate(3, 0.7, 0.5)];
        stored_wins_a_tie(&mut ranked);
        assert_eq!(order(&ranked), [2, 1, 3]);
        assert_eq!(ranked[0].hit.confidence, 0.882);
    }

    #[test]
    fn stored_question_does_not_win_a_clear_lead() {
        let mut ranked = vec![candidate(1, 0.9, 0.6), candidate(2, 0.8, 1.0)];
        stored_wins_a_tie(&mut ranked);
        assert_eq!(order(&ranked), [1, 2]);
    }

    #[test]
    fn stored_question_first_already_stays() {
        let mut ranked = vec![candidate(1, 0.9, 1.0), candidate(2, 0.89, 1.0)];
        stored_wins_a_tie(&mut ranked);
        assert_eq!(order(&ranked), [1, 2]);
    }

    #[test]
    fn ambiguous_when_close_candidates_meet_other_options() {
        let index = dated(&[Some(1945), Some(1945), Some(1945)]);
        let with_options =
            |fact, confidence, options| Scored { options, focus: 1, ..candidate(fact, confidence, 0.5) };
        assert!(ambiguous(&index, &[with_options(0, 0.90, 0b100), with_options(1, 0.88, 0b1000)]));
        // The same option met by both, or an option met by one only, is no choice between options.
        assert!(!ambiguous(&index, &[with_options(0, 0.90, 0b100), with_options(1, 0.88, 0b100)]));
        assert!(!ambiguous(&index, &[with_options(0, 0.90, 0b100), with_options(1, 0.88, 0)]));
        // When the second meets every option the best meets, the best leads on the stem alone; when
        // the best meets more, its lead may be an option's.
        assert!(!ambiguous(&index, &[with_options(0, 0.90, 0b100), with_options(1, 0.88, 0b1100)]));
        assert!(ambiguous(&index, &[with_options(0, 0.90, 0b1100), with_options(1, 0.88, 0b100)]));
        // Far enough apart, the stem has chosen.
        assert!(!ambiguous(&index, &[with_options(0, 0.95, 0b100), with_options(1, 0.88, 0b1000)]));
    }
}
