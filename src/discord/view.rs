//! Messages for study groups: settings, gaps, the suggestion form and review, quiz rounds and the
//! leaderboard. Every one within Discord's limits, with mentions disabled (names show, nobody is pinged).

use crate::i18n::{Counted, count, fill, strings};
use crate::lang::Lang;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::Rules;
use super::ids::{Button, Form};
use super::render::{FOOTER, MAX_CONTENT, MAX_DESCRIPTION, MAX_FIELD, MAX_TITLE, ephemeral_embed, quiet};
use crate::answer::{numbered, references, truncate};
use crate::display::{literal, web_address};
use crate::quiz::QuizQuestion;
use crate::search::Index;
use crate::state::{GapReport, GuildSettings, Score, Suggestion};

/// Groups and facts listed by `/gaps`.
pub(super) const GAPS_SHOWN: usize = 10;
/// Members listed by `/leaderboard`.
pub(super) const LEADERBOARD_SHOWN: usize = 10;
/// Form field ids.
pub(super) const QUESTION: &str = "question";
pub(super) const PASSAGE: &str = "passage";
pub(super) const SOURCE: &str = "source";
pub(super) const REASON: &str = "reason";

/// The server's settings, as stored and as in force.
pub(super) fn settings(stored: &GuildSettings, rules: &Rules, changed: bool) -> poise::CreateReply {
    let channels = if rules.mention_channels.is_empty() {
        "every channel I can read".to_string()
    } else {
        rules.mention_channels.iter().map(|c| format!("<#{c}>")).collect::<Vec<_>>().join(", ")
    };
    let own = |set: bool| if set { "" } else { " (default)" };
    let role = stored.moderator_role.map_or("none (Manage Server only)".to_string(), |r| format!("<@&{r}>"));
    let text = format!(
        "**Mentions answered in:** {channels}{}\n**Moderator role:** {role}\n**Decline below:** {:.0}% confidence{}\n**Cooldown:** {} questions per {} s{}",
        own(!stored.mention_channels.is_empty()),
        rules.decline_below * 100.0,
        own(stored.decline_below.is_some()),
        rules.limit.questions,
        rules.limit.window.as_secs(),
        own(stored.cooldown_questions.is_some() || stored.cooldown_seconds.is_some()),
    );
    let title = if changed { "Settings saved" } else { "Settings for this server" };
    ephemeral_embed(serenity::CreateEmbed::new().title(title).description(truncate(&text, MAX_DESCRIPTION)))
}

/// The gap report for moderators.
pub(super) fn gaps(report: &GapReport, days: u32) -> poise::CreateReply {
    let text = crate::study::gaps_text(report, days, crate::display::literal);
    let embed = serenity::CreateEmbed::new()
        .title("Gaps: what members asked that I could not answer well")
        .description(truncate(&text, MAX_DESCRIPTION));
    ephemeral_embed(embed)
}

/// The `/suggest` form.
pub(super) fn suggest_form() -> serenity::CreateInteractionResponse {
    let input = |style, label: &str, id: &str, max: usize, placeholder: &str| {
        serenity::CreateActionRow::InputText(
            serenity::CreateInputText::new(style, label, id)
                .max_length(u16::try_from(max).unwrap_or(u16::MAX))
                .placeholder(placeholder)
                .required(true),
        )
    };
    let short = serenity::InputTextStyle::Short;
    let modal = serenity::CreateModal::new(Form::Suggest.custom_id(), "Suggest a fact").components(vec![
        input(
            short,
            "Question it answers",
            QUESTION,
            crate::knowledge::MAX_QUESTION_CHARS,
            "Who led the 1792 Russian embassy to Japan?",
        ),
        input(
            serenity::InputTextStyle::Paragraph,
            "The answer, in 1–4 sentences",
            PASSAGE,
            crate::knowledge::MAX_PASSAGE_CHARS,
            "Adam Laxman led the first Russian embassy to Japan in 1792…",
        ),
        input(
            short,
            "Source (book, article or link)",
            SOURCE,
            crate::study::MAX_SOURCE_CHARS,
            "Author, title, year, page or URL",
        ),
    ]);
    serenity::CreateInteractionResponse::Modal(modal)
}

/// The form asking why a suggestion is rejected.
pub(super) fn reject_form(id: i64, page: usize) -> serenity::CreateInteractionResponse {
    let reason =
        serenity::CreateInputText::new(serenity::InputTextStyle::Paragraph, "Why is it rejected?", REASON)
            .max_length(500)
            .required(true);
    let modal =
        serenity::CreateModal::new(Form::Reject { id, page }.custom_id(), format!("Reject suggestion #{id}"))
            .components(vec![serenity::CreateActionRow::InputText(reason)]);
    serenity::CreateInteractionResponse::Modal(modal)
}

/// One page of the review queue: the suggestion, Approve / Reject, and paging.
fn review_page(
    pending: &[Suggestion],
    page: usize,
    note: Option<&str>,
) -> (serenity::CreateEmbed, Vec<serenity::CreateActionRow>, String) {
    let note = note.map(|n| format!("{n}\n")).unwrap_or_default();
    let Some(last) = pending.len().checked_sub(1) else {
        let embed = serenity::CreateEmbed::new()
            .title("Review")
            .description("No suggestions are waiting for review.");
        return (embed, Vec::new(), note);
    };
    let page = page.min(last);
    let s = &pending[page];
    // Members wrote these: shown as the characters typed, the link as its full parsed address.
    let shown = |text: &str| truncate(&literal(text), MAX_FIELD).into_owned();
    let link = match web_address(&s.source) {
        Some(Ok(url)) => url,
        Some(Err(word)) => format!("not a web address: {}", literal(&word)),
        None => "none".to_string(),
    };
    let embed = serenity::CreateEmbed::new()
        .title(truncate(&format!("Suggestion #{} ({} of {})", s.id, page + 1, pending.len()), MAX_TITLE))
        .description(format!("Suggested by <@{}> in <#{}>", s.author, s.channel))
        .field("Question", shown(&s.question), false)
        .field("Passage", shown(&s.passage), false)
        .field("Source", shown(&s.source), false)
        .field("Link", truncate(&link, MAX_FIELD), false)
        .footer(serenity::CreateEmbedFooter::new(FOOTER));
    let button = |b: Button, label: &str, style, enabled: bool| {
        serenity::CreateButton::new(b.custom_id()).label(label).style(style).disabled(!enabled)
    };
    let row = serenity::CreateActionRow::Buttons(vec![
        button(Button::Approve { id: s.id, page }, "Approve", serenity::ButtonStyle::Success, true),
        button(Button::Reject { id: s.id, page }, "Reject…", serenity::ButtonStyle::Danger, true),
        button(Button::ReviewPage(page.saturating_sub(1)), "◀", serenity::ButtonStyle::Secondary, page > 0),
        button(Button::ReviewPage(page + 1), "▶", serenity::ButtonStyle::Secondary, page < last),
    ]);
    (embed, vec![row], note)
}

/// The review queue as the reply to `/review`.
pub(super) fn review_reply(pending: &[Suggestion], page: usize, note: Option<&str>) -> poise::CreateReply {
    let (embed, rows, note) = review_page(pending, page, note);
    poise::CreateReply::default()
        .content(note)
        .embed(embed)
        .components(rows)
        .ephemeral(true)
        .allowed_mentions(quiet())
}

/// The review queue replacing the message whose button was pressed.
pub(super) fn review_update(
    pending: &[Suggestion],
    page: usize,
    note: Option<&str>,
) -> serenity::CreateInteractionResponse {
    let (embed, rows, note) = review_page(pending, page, note);
    serenity::CreateInteractionResponse::UpdateMessage(
        serenity::CreateInteractionResponseMessage::new()
            .content(note)
            .embed(embed)
            .components(rows)
            .allowed_mentions(quiet()),
    )
}

/// The review queue written over the message after a deferred Approve.
pub(super) fn review_edit(
    pending: &[Suggestion],
    page: usize,
    note: &str,
) -> serenity::EditInteractionResponse {
    let (embed, rows, note) = review_page(pending, page, Some(note));
    serenity::EditInteractionResponse::new()
        .content(note)
        .embed(embed)
        .components(rows)
        .allowed_mentions(quiet())
}

/// Only a note written over the review message (when the queue could not be read).
pub(super) fn review_note(note: &str) -> serenity::EditInteractionResponse {
    serenity::EditInteractionResponse::new().content(truncate(note, MAX_CONTENT)).allowed_mentions(quiet())
}

/// The announcement of a new quiz.
pub(super) fn quiz_intro(rounds: usize, topic: Option<&str>, seconds: u64, lang: Lang) -> poise::CreateReply {
    let words = strings(lang);
    let about =
        topic.map_or(String::new(), |t| fill(words.quiz_about, &[("topic", &literal(&truncate(t, 100)))]));
    let questions = count(lang, rounds as u64, Counted::Questions);
    let values = [("about", about.as_str()), ("questions", &questions), ("seconds", &seconds.to_string())];
    poise::CreateReply::default().content(fill(words.quiz_intro, &values)).allowed_mentions(quiet())
}

/// A quiz question.
pub(super) fn quiz_question(
    n: usize,
    total: usize,
    question: &QuizQuestion,
    time: Duration,
) -> serenity::CreateMessage {
    let words = strings(question.lang);
    let embed = serenity::CreateEmbed::new()
        .title(fill(words.quiz_question, &[("n", &n.to_string()), ("total", &total.to_string())]))
        // Shown literally wherever it comes from: quizzes draw from the curated base today, but a
        // question that is a member's text must never render as markdown.
        .description(truncate(&literal(&question.question), MAX_DESCRIPTION))
        .footer(serenity::CreateEmbedFooter::new(fill(
            words.quiz_answer_within,
            &[("seconds", &time.as_secs().to_string())],
        )));
    serenity::CreateMessage::new().embed(embed).allowed_mentions(quiet())
}

/// The answer to a quiz question: who got it, the passage and its sources.
pub(super) fn quiz_reveal(
    index: &Index,
    question: &QuizQuestion,
    winner: Option<(u64, u64)>,
) -> serenity::CreateMessage {
    let (lang, words) = (question.lang, strings(question.lang));
    let result = match winner {
        Some((user, total)) => {
            let points = count(lang, total, Counted::Points);
            fill(words.quiz_got_it, &[("user", &format!("<@{user}>")), ("points", &points)])
        }
        None => words.quiz_nobody.to_string(),
    };
    let mut embed = serenity::CreateEmbed::new()
        .title(truncate(&format!("{}: {}", words.quiz_answer, question.key.describe()), MAX_TITLE));
    if let Some(fact) = index.knowledge().fact(&question.fact_id) {
        let sources = numbered(&references(index.knowledge(), fact)).join("\n");
        embed = embed.description(truncate(fact.passage_in(lang), MAX_DESCRIPTION)).field(
            words.sources,
            truncate(&sources, MAX_FIELD),
            false,
        );
    }
    serenity::CreateMessage::new()
        .content(result)
        .embed(embed.footer(serenity::CreateEmbedFooter::new(words.footer)))
        .allowed_mentions(quiet())
}

/// The end of a quiz, with this quiz's points.
pub(super) fn quiz_over(wins: &[(u64, u32)], lang: Lang) -> serenity::CreateMessage {
    let words = strings(lang);
    let mut text = String::from(words.quiz_over);
    if wins.is_empty() {
        text.push(' ');
        text.push_str(words.quiz_nobody_scored);
    }
    for (user, points) in wins {
        text.push_str(&format!("\n<@{user}>: {points}"));
    }
    text.push('\n');
    text.push_str(words.quiz_leaderboard_hint);
    serenity::CreateMessage::new()
        .content(truncate(&text, super::render::MAX_CONTENT))
        .allowed_mentions(quiet())
}

/// The server's quiz totals.
pub(super) fn leaderboard(scores: &[Score]) -> poise::CreateReply {
    let lines: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. <@{}> — {}", i + 1, s.user, count(Lang::En, s.points, Counted::Points)))
        .collect();
    let text = if lines.is_empty() {
        "No quiz points yet: `/quiz start` begins one.".to_string()
    } else {
        lines.join("\n")
    };
    let embed = serenity::CreateEmbed::new().title("Quiz leaderboard").description(text);
    poise::CreateReply::default()
        .embed(embed.footer(serenity::CreateEmbedFooter::new(FOOTER)))
        .allowed_mentions(quiet())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::AnswerKey;

    #[test]
    fn quiz_question_shows_a_suggested_question_as_text() {
        let question = QuizQuestion {
            fact_id: "suggested-1".into(),
            question: "In what year was [the MOFA record](https://evil.example) signed?".into(),
            key: AnswerKey::Year(vec![1956]),
            lang: Lang::En,
        };
        let message = quiz_question(1, 1, &question, Duration::from_secs(30));
        let json = serde_json::to_value(&message).unwrap();
        let description = json["embeds"][0]["description"].as_str().unwrap();
        assert!(description.contains(r"\[the MOFA record\]\(https://evil.example)"), "{description}");
    }
}
