//! How a question was read and scored, in plain text for curators, and in plain words why it was
//! declined.

use std::fmt::Write;

use super::Settings;
use super::asks::Asks;
use super::index::Inverted;
use super::measure::Measure;
use super::phrase::phrases;
use super::question::{Reading, read};
use super::score::{Bar, Scored, bar, decide, part_settings, parts, points_nowhere, scored, taken};
use super::ties::{ambiguous, options_apart};
use crate::knowledge::KnowledgeBase;

pub(crate) fn explain(index: &Inverted, kb: &KnowledgeBase, settings: Settings, question: &str) -> String {
    let (mut out, reading, whole) = explain_one(index, kb, settings, question);
    // As `score::ask` does: each part alone, in order, until one is taken, when the whole is declined.
    let alone = (!whole.is_answered()).then(|| part_settings(&reading, settings)).flatten();
    let Some(alone) = alone else { return out };
    for part in parts(question) {
        let _ = writeln!(
            out,
            "\nthe message, by its part \"{part}\" alone (threshold {:.2}):",
            alone.decline_below
        );
        let (text, part_reading, outcome) = explain_one(index, kb, alone, part);
        out.push_str(&text);
        let answered = outcome.is_answered();
        if taken(index, &whole, &part_reading, outcome).is_some() {
            break;
        }
        if answered && points_nowhere(&whole) {
            out.push_str("  - not taken: the whole message suggests no fact, and this part names no subject of its own (it may refer to the rest)\n");
        } else if answered {
            out.push_str("  - not taken: its answer is none of the whole message's suggestions (the rest of the message points elsewhere)\n");
        }
    }
    out
}

/// How one question was read and scored, its reading, and its outcome.
fn explain_one(
    index: &Inverted,
    kb: &KnowledgeBase,
    settings: Settings,
    question: &str,
) -> (String, Reading, super::Outcome) {
    let reading = read(index, question);
    let ranked = scored(index, kb, &reading);
    let mut out = String::from("concepts (weight: matching terms):\n");
    for c in &reading.concepts {
        let alts: Vec<String> = c
            .alternatives
            .iter()
            .map(|&(id, f)| format!("{}×{f:.2}", index.terms[id as usize].name))
            .collect();
        let alts = if alts.is_empty() { format!("\"{}\" (unknown)", c.word) } else { alts.join(" ") };
        let mut flags: String =
            [(!c.content, " generic"), (c.focus, " focus"), (c.option(), " option"), (c.counted, " counted")]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, name)| *name)
                .collect();
        if c.coverage < 1.0 {
            let _ = write!(flags, " (×{:.2} in coverage)", c.coverage);
        }
        let _ = writeln!(out, "  {:.2}{flags}: {alts}", c.weight);
    }
    let _ = writeln!(out, "asks for: {}{}", asked_name(&reading), if reading.present { ", now" } else { "" });
    out.push_str("candidates (confidence = question, coverage, keywords, passage; then adjustments):\n");
    for s in ranked.iter().take(5) {
        let [q, cov, kw, p] = s.parts;
        let id = &kb.facts()[s.hit.fact].id;
        let _ = writeln!(
            out,
            "  {:.3} {id} ({q:.2}, {cov:.2}, {kw:.2}, {p:.2}){}",
            s.hit.confidence,
            adjustments(s)
        );
    }
    let bar = bar(index, &reading, settings);
    let outcome = decide(index, &ranked, bar);
    if !outcome.is_answered() {
        out.push_str("declined because:\n");
        for reason in reasons(index, &reading, &ranked, kb, bar) {
            let _ = writeln!(out, "  - {reason}");
        }
    }
    (out, reading, outcome)
}

/// What a question asks for, naming the dimension of a figure when it asks for a measure.
fn asked_name(reading: &Reading) -> &'static str {
    if reading.span {
        return "a start and an end";
    }
    match reading.measure {
        Some(Measure::Age) => "an age",
        Some(Measure::Height) => "a height or a depth",
        Some(Measure::Distance) => "a distance",
        Some(Measure::Ratio) => "how many times larger",
        None => asks_name(reading.asks),
    }
}

fn asks_name(asks: Asks) -> &'static str {
    match asks {
        Asks::Anything => "anything",
        Asks::Person => "a person",
        Asks::Time => "a date",
        Asks::Place => "a place",
        Asks::Quantity => "a figure",
        Asks::Reason => "a cause",
        Asks::YesNo => "yes or no",
        Asks::Event => "an event",
        Asks::Opinion => "an opinion",
        Asks::Counterfactual => "what would have happened",
        Asks::Verbatim => "the exact words of a text or every name of a list",
        Asks::Prediction => "what will happen",
        Asks::Translation => "how to say something in a language",
        Asks::Instructions => "what to do (steps to follow)",
    }
}

fn adjustments(s: &Scored) -> String {
    let mut notes = Vec::new();
    if s.focus_missed > 0 {
        notes.push(format!("misses {} of the focus", s.focus_missed));
    }
    if s.kind_missed {
        notes.push("cannot give the kind of answer asked for".to_string());
    }
    if s.cause_unasked {
        notes.push("none of its stored questions asks why".to_string());
    }
    if s.past {
        notes.push("about the past".to_string());
    }
    if s.other_side {
        notes.push("its closest stored question, about the other side, passed over".to_string());
    }
    if s.latest {
        notes.push("the latest of a near tie, for a question about the present".to_string());
    }
    if s.dated {
        notes.push("dated in the year asked about, ahead of a close best dated otherwise".to_string());
    }
    if s.phrases < 1.0 {
        notes.push(format!("phrases {:.0}%", s.phrases * 100.0));
    }
    if notes.is_empty() { String::new() } else { format!(" [{}]", notes.join("; ")) }
}

/// Why a question was declined, in plain words, most telling first.
fn reasons(
    index: &Inverted,
    reading: &Reading,
    ranked: &[Scored],
    kb: &KnowledgeBase,
    bar: Bar,
) -> Vec<String> {
    let names = phrases(index, &reading.concepts).unknown_names;
    let mut out: Vec<String> = reading
        .unknown_focus()
        .map(str::to_string)
        .chain(names)
        .chain(reading.unknown_compounds.iter().cloned())
        .map(|w| format!("'{w}' is not in the fact base"))
        .collect();
    let Some(best) = ranked.first() else {
        if out.is_empty() {
            out.push("none of its words is in the fact base".to_string());
        }
        return out;
    };
    let id = &kb.facts()[best.hit.fact].id;
    let missing: Vec<&str> = reading
        .concepts
        .iter()
        .enumerate()
        .filter(|(n, c)| c.focus && !c.option() && !c.unknown && *n < 64 && best.focus & (1 << n) == 0)
        .map(|(_, c)| c.word.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(format!("the closest fact ({id}) does not mention '{}'", missing.join("', '")));
    }
    if best.kind_missed {
        let kind = asked_name(reading);
        // A fact of one day misses a span though it gives a date.
        let one_date = reading.span && index.traits[best.hit.fact].time;
        let given = if one_date { "one date only" } else { "none" };
        out.push(format!("the question asks for {kind}, and the closest fact ({id}) gives {given}"));
    }
    if reading.asks.not_a_fact() {
        out.push(format!("it asks for {}, and the fact base holds facts", asks_name(reading.asks)));
    }
    if let Some(country) = &reading.elsewhere {
        out.push(format!("it names '{country}' and not Japan: the fact base is about Japan and Russia"));
    }
    if best.past {
        out.push(format!(
            "the question asks about the present, and the closest fact ({id}) is about the past"
        ));
    }
    if ambiguous(index, ranked) {
        let second = &kb.facts()[ranked[1].hit.fact].id;
        let apart = if options_apart(best, &ranked[1]) { ", each for another option" } else { "" };
        out.push(format!("two facts match it almost equally ({id}, {second}){apart}"));
    }
    let needed = bar.for_best(best);
    if best.hit.confidence < needed {
        out.push(format!(
            "the closest fact ({id}) reaches a confidence of {:.2}, below {}",
            best.hit.confidence,
            bar_in_words(bar, needed)
        ));
    }
    out
}

/// The bar a question was held to, and why it differs from the threshold when it does.
fn bar_in_words(bar: Bar, needed: f32) -> String {
    let threshold = bar.threshold;
    if (needed - threshold).abs() < 0.005 {
        return format!("the threshold of {threshold:.2}");
    }
    let mut why = vec![format!("{} words", bar.words)];
    if bar.unknown > 0 {
        why.push(format!("{} of them not in the fact base", bar.unknown));
    }
    format!("the bar of {needed:.2} for this question (threshold {threshold:.2}; {})", why.join(", "))
}
