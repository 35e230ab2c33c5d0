//! The gap report as text: what members asked that nichiro could not answer, and what they voted down.

use crate::state::GapReport;

/// The report for the last `days` days as plain lines; each question is shown on one line, cut to
/// [`MAX_EXAMPLE_CHARS`] (so one long question cannot crowd out the rest) and passed through `shown`
/// ([`crate::display::clean`] for a terminal, [`crate::display::literal`] for Discord).
///
/// ```
/// use nichiro::state::{FactVotes, GapGroup, GapReport};
/// let report = GapReport {
///     unanswered: vec![GapGroup { normalized: "who won".into(), example: "Who won?".into(), count: 3,
///         last_at: 0, best_fact: Some("russo-japanese-war".into()), best_score: 0.31 }],
///     downvoted: vec![FactVotes { fact_id: "kuril-overview".into(), down: 2, up: 1 }],
/// };
/// let text = nichiro::study::gaps_text(&report, 7, nichiro::display::clean);
/// assert!(text.contains("3× “Who won?” (closest: russo-japanese-war, 31%)"));
/// assert!(text.contains("kuril-overview: 2 👎, 1 👍"));
/// ```
pub fn gaps_text(report: &GapReport, days: u32, shown: fn(&str) -> String) -> String {
    let period = if days == 1 { "the last day".to_string() } else { format!("the last {days} days") };
    let mut text = format!("Unanswered questions, {period}:\n");
    if report.unanswered.is_empty() {
        text.push_str("  none\n");
    }
    for (i, group) in report.unanswered.iter().enumerate() {
        let closest = match &group.best_fact {
            Some(fact) => format!(" (closest: {fact}, {:.0}%)", group.best_score * 100.0),
            None => String::new(),
        };
        text.push_str(&format!(
            "{:>3}. {}× “{}”{closest}\n",
            i + 1,
            group.count,
            shown(&one_line(&group.example))
        ));
    }
    text.push_str(&format!("\nMost down-voted facts, {period}:\n"));
    if report.downvoted.is_empty() {
        text.push_str("  none\n");
    }
    for (i, fact) in report.downvoted.iter().enumerate() {
        text.push_str(&format!("{:>3}. {}: {} 👎, {} 👍\n", i + 1, fact.fact_id, fact.down, fact.up));
    }
    text
}

/// The longest question shown in the report, in characters.
pub const MAX_EXAMPLE_CHARS: usize = 150;

/// A member's text on one line and within [`MAX_EXAMPLE_CHARS`], so it cannot break the list.
fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::answer::truncate(&line, MAX_EXAMPLE_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::GapGroup;

    #[test]
    fn gaps_text_shows_questions_through_the_helper() {
        let group = GapGroup {
            normalized: "x".into(),
            example: "[click](https://evil.example) \u{1b}[2J".into(),
            count: 1,
            last_at: 0,
            best_fact: None,
            best_score: 0.0,
        };
        let report = GapReport { unanswered: vec![group], downvoted: vec![] };
        let discord = gaps_text(&report, 7, crate::display::literal);
        assert!(discord.contains("\\[click\\]\\(https://evil.example)"), "{discord}");
        assert!(!gaps_text(&report, 7, crate::display::clean).contains('\u{1b}'));
    }

    #[test]
    fn gaps_text_long_question_cut_to_one_line() {
        let group = GapGroup {
            normalized: "x".into(),
            example: format!("why\n{}", "very ".repeat(200)),
            count: 2,
            last_at: 0,
            best_fact: None,
            best_score: 0.0,
        };
        let text =
            gaps_text(&GapReport { unanswered: vec![group], downvoted: vec![] }, 1, crate::display::clean);
        let line = text.lines().nth(1).unwrap();
        assert!(line.starts_with("  1. 2× “why very very"), "{line}");
        assert!(line.chars().count() < MAX_EXAMPLE_CHARS + 20 && line.contains('…'), "{line}");
        assert!(
            text.contains("the last day") && text.contains("Most down-voted facts, the last day:\n  none")
        );
    }
}
