//! A candidate's confidence from the parts of its evidence and what it misses of the question.

use super::*;

/// What a candidate misses of what the question asks, each lowering its confidence.
#[derive(Clone, Copy)]
pub(super) struct Missed {
    /// How many of the question's focus concepts it lacks.
    pub(super) focus: u32,
    /// It cannot give the kind of answer asked for.
    pub(super) kind: bool,
    /// It is about the past and the question about the present.
    pub(super) past: bool,
    /// The question asks why and none of its stored questions does.
    pub(super) cause: bool,
    /// The question is about a third country's affairs and the fact never is.
    pub(super) elsewhere: bool,
    /// Only everyday words of the question meet it.
    pub(super) everyday_only: bool,
    /// It never mentions the everyday detail of a scene the question asks for.
    pub(super) scene: bool,
}

/// A candidate's confidence from the parts of its evidence and what it misses.
pub(super) fn weigh(reading: &Reading, parts: [f32; 4], missed: Missed) -> f32 {
    let mut confidence = blend(reading, parts);
    confidence *= FOCUS_MISSED.powi(missed.focus.min(3) as i32);
    // The detail of a scene asked for (the weather, what someone wore) is what the question is
    // about: a fact that never mentions it tells the event, not the detail, however long the names.
    if missed.scene {
        confidence *= SCENE_MISSED;
    }
    if missed.kind {
        // A cause is given in too many ways to be sure a passage lacks one.
        confidence *= if reading.asks == Asks::Reason { REASON_MISSED } else { KIND_MISSED };
    }
    if missed.past {
        confidence *= PAST_FOR_PRESENT;
    }
    if missed.cause {
        confidence *= CAUSE_UNASKED;
    }
    if reading.asks.not_a_fact() {
        confidence *= NOT_A_FACT;
    }
    if missed.elsewhere {
        confidence *= ELSEWHERE;
    }
    if missed.everyday_only {
        confidence *= EVERYDAY_ONLY;
    }
    if parts[2] == 0.0 && parts[0] < PASSAGE_ONLY_BELOW {
        confidence *= PASSAGE_ONLY;
    }
    if parts[3] == 0.0 && parts[0] < ASKED_AS_STORED {
        confidence *= KEYWORDS_ONLY;
    }
    confidence.clamp(0.0, 1.0)
}

/// A candidate's confidence from the parts of its evidence alone, before what it misses.
pub(super) fn blend(reading: &Reading, parts: [f32; 4]) -> f32 {
    // Keywords are written for English questions (other scripts only for names): a question in
    // another language is judged without them.
    let english = reading.lang == Lang::En;
    let keywords_share = if english { SHARE_KEYWORDS } else { 0.0 };
    (SHARE_QUESTION * parts[0]
        + SHARE_COVERAGE * parts[1]
        + keywords_share * parts[2]
        + SHARE_PASSAGE * parts[3])
        / (SHARE_QUESTION + SHARE_COVERAGE + keywords_share + SHARE_PASSAGE)
}

/// Whether a fact can give the kind of answer a question asks for.
pub(super) fn answers_kind(asks: Asks, traits: Traits) -> bool {
    match asks {
        Asks::Time | Asks::Event => traits.time,
        Asks::Quantity => traits.figure,
        Asks::Reason => traits.reason,
        Asks::Anything
        | Asks::Person
        | Asks::Place
        | Asks::YesNo
        | Asks::Opinion
        | Asks::Counterfactual
        | Asks::Verbatim
        | Asks::Prediction
        | Asks::Translation
        | Asks::Instructions => true,
    }
}

/// Whether a dated fact ended more than [`PRESENT_YEARS`] before the latest year in the base.
pub(super) fn is_past(traits: Traits, latest: Option<i32>) -> bool {
    match (traits.until, latest) {
        (Some(ONGOING), _) | (None, _) | (_, None) => false,
        (Some(year), Some(latest)) => latest - year > PRESENT_YEARS,
    }
}
