//! The gap report as text: what members asked that nichiro could not answer, and what they voted down.

use crate::state::GapReport;

/// The report for the last `days` days as plain lines (Discord markdown-safe).
///
/// ```
/// use nichiro::state::{FactVotes, GapGroup, GapReport};
/// let report = GapReport {
///     unanswered: vec![GapGroup { normalized: "who won".into(), example: "Who won?".into(), count: 3,
///         last_at: 0, best_fact: Some("russo-japanese-war".into()), best_score: 0.31 }],
///     downvoted: vec![FactVotes { fact_id: "kuril-overview".into(), down: 2, up: 1 }],
/// };
/// let text = nichiro::study::gaps_text(&report, 7);
/// assert!(text.contains("3× “Who won?” (closest: russo-japanese-war, 31%)"));
/// assert!(text.contains("kuril-overview: 2 👎, 1 👍"));
/// ```
pub fn gaps_text(report: &GapReport, days: u32) -> String {
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
        text.push_str(&format!("{:>3}. {}× “{}”{closest}\n", i + 1, group.count, one_line(&group.example)));
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

/// A member's text on one line, so it cannot break the list.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
