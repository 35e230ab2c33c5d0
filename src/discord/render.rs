//! Turning replies into Discord messages: embeds within Discord's limits, no mentions ever.

use poise::serenity_prelude as serenity;

use crate::answer::{Reply, numbered, references, truncate};
use crate::i18n::{self, Strings, strings};
use crate::knowledge::{Fact, KnowledgeBase};
use crate::lang::Lang;
use crate::search::Index;

use super::ids::Button;
use crate::state::Direction;

/// Discord's limits.
pub const MAX_DESCRIPTION: usize = 4096;
pub const MAX_FIELD: usize = 1024;
pub const MAX_TITLE: usize = 256;
pub const MAX_CHOICES: usize = 25;

/// Discord's limit on a message's text.
pub const MAX_CONTENT: usize = 2000;

/// The footer under embeds shown to moderators (in English).
pub const FOOTER: &str = i18n::EN.footer;

/// No mentions at all: everything the bot sends may quote members' text.
pub fn quiet() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

/// The embed for a reply.
pub fn embed(reply: &Reply) -> serenity::CreateEmbed {
    let words = strings(reply.lang());
    match reply {
        Reply::Answer { passage, references, section, confidence, part, .. } => {
            let sources = numbered(references);
            let description = match part {
                Some(question) => format!("*{}*\n\n{passage}", part_answered(words, question)),
                None => passage.clone(),
            };
            serenity::CreateEmbed::new()
                .title(truncate(section, MAX_TITLE))
                .description(truncate(&description, MAX_DESCRIPTION))
                .field(words.sources, truncate(&sources.join("\n"), MAX_FIELD), false)
                .footer(serenity::CreateEmbedFooter::new(format!(
                    "{} · {} {:.0}%",
                    words.footer,
                    words.confidence,
                    confidence * 100.0
                )))
        }
        Reply::Decline { suggestions, reason, .. } => {
            let (title, said) = words.decline(*reason);
            let mut text = String::from(said);
            if !suggestions.is_empty() {
                text.push_str("\n\n");
                text.push_str(words.did_you_mean);
                for s in suggestions {
                    text.push_str(&format!("\n• {}", crate::display::literal(&s.question)));
                }
            }
            serenity::CreateEmbed::new()
                .title(title)
                .description(truncate(&text, MAX_DESCRIPTION))
                .footer(serenity::CreateEmbedFooter::new(words.footer))
        }
    }
}

/// Timeline entries per page.
pub const TIMELINE_PAGE: usize = 10;
/// Discord's button label limit.
const MAX_LABEL: usize = 80;

/// The most of the asker's first question quoted above its answer, in characters.
const MAX_QUOTED_QUESTION: usize = 200;

/// The line above an answer to one part of a message, quoting it on one line with its Markdown
/// shown as typed.
fn part_answered(words: &Strings, question: &str) -> String {
    let one_line = question.split_whitespace().collect::<Vec<_>>().join(" ");
    words.answering_part(&crate::display::literal(&truncate(&one_line, MAX_QUOTED_QUESTION)))
}

/// Buttons for the other facts a reply offers: "Did you mean" after a decline, "More on this" after
/// an answer; at most three.
pub fn buttons(reply: &Reply) -> Vec<serenity::CreateActionRow> {
    let (offered, style) = match reply {
        Reply::Answer { more, .. } => (more, serenity::ButtonStyle::Secondary),
        Reply::Decline { suggestions, .. } => (suggestions, serenity::ButtonStyle::Primary),
    };
    let mut seen: Vec<&str> = Vec::new();
    let buttons: Vec<serenity::CreateButton> = offered
        .iter()
        .filter(|s| {
            // Discord rejects a message whose buttons share an id.
            let fresh = !seen.contains(&s.fact_id.as_str());
            seen.push(&s.fact_id);
            fresh
        })
        .take(3)
        .map(|s| {
            serenity::CreateButton::new(
                Button::ShowFact { id: s.fact_id.clone(), lang: reply.lang() }.custom_id(),
            )
            .label(truncate(&s.question, MAX_LABEL))
            .style(style)
        })
        .collect();
    let mut rows = Vec::new();
    if !buttons.is_empty() {
        rows.push(serenity::CreateActionRow::Buttons(buttons));
    }
    if let Reply::Answer { fact_id, .. } = reply {
        rows.push(vote_row(fact_id, reply.lang()));
    }
    rows
}

/// 👍 / 👎 under an answer.
fn vote_row(fact_id: &str, lang: Lang) -> serenity::CreateActionRow {
    let vote = |direction: Direction, emoji: char, label: &str| {
        serenity::CreateButton::new(Button::Vote { direction, fact_id: fact_id.to_string() }.custom_id())
            .emoji(emoji)
            .label(label)
            .style(serenity::ButtonStyle::Secondary)
    };
    serenity::CreateActionRow::Buttons(vec![
        vote(Direction::Up, '👍', strings(lang).helpful),
        vote(Direction::Down, '👎', strings(lang).not_helpful),
    ])
}

/// A reply to an interaction, with its buttons and every mention disabled.
pub fn reply(reply: &Reply) -> poise::CreateReply {
    poise::CreateReply::default().embed(embed(reply)).components(buttons(reply)).allowed_mentions(quiet())
}

/// A channel message, with its buttons and every mention disabled.
pub fn message(reply: &Reply) -> serenity::CreateMessage {
    serenity::CreateMessage::new().embed(embed(reply)).components(buttons(reply)).allowed_mentions(quiet())
}

/// The response to a button press: a new message with the chosen fact's answer.
pub fn button_response(reply: &Reply) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .embed(embed(reply))
            .components(buttons(reply))
            .allowed_mentions(quiet()),
    )
}

/// A short ephemeral text for the user alone, with every mention disabled.
pub fn notice(text: &str) -> poise::CreateReply {
    poise::CreateReply::default()
        .content(truncate(text, MAX_CONTENT))
        .ephemeral(true)
        .allowed_mentions(quiet())
}

/// An ephemeral text response to a button press or form, with every mention disabled.
pub fn ephemeral_response(text: &str) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(truncate(text, MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(quiet()),
    )
}

/// The question in a message, without user, role and channel mentions (`<@123>`, `<@!1>`, `<@&2>`, `<#3>`).
pub fn strip_mentions(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find('>') {
            Some(end) if is_mention(&tail[1..end]) => rest = &tail[end + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_mention(inner: &str) -> bool {
    let id = inner.trim_start_matches(['@', '!', '&', '#']);
    inner.len() > id.len() && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

pub fn ephemeral_embed(embed: serenity::CreateEmbed) -> poise::CreateReply {
    localized_embed(embed, Lang::En)
}

/// An ephemeral embed with the footer in `lang`.
pub fn localized_embed(embed: serenity::CreateEmbed, lang: Lang) -> poise::CreateReply {
    poise::CreateReply::default()
        .embed(embed.footer(serenity::CreateEmbedFooter::new(strings(lang).footer)))
        .ephemeral(true)
        .allowed_mentions(quiet())
}

/// Every reference of a fact, in full.
pub fn sources(index: &Index, fact: &Fact, lang: Lang) -> poise::CreateReply {
    let words = strings(lang);
    let refs = numbered(&references(index.knowledge(), fact));
    let section = index.knowledge().section_in(&fact.section, lang);
    let embed = serenity::CreateEmbed::new()
        .title(truncate(&i18n::fill(words.sources_of, &[("id", &fact.id)]), MAX_TITLE))
        .description(truncate(&refs.join("\n\n"), MAX_DESCRIPTION))
        .field(words.section, truncate(section, MAX_FIELD), true);
    localized_embed(
        match fact.when {
            Some(when) => embed.field(words.date, when.to_string(), true),
            None => embed,
        },
        lang,
    )
}

/// The sections with their fact counts: the curated base's, then a server's own suggestions'.
pub fn topics(bases: &[&KnowledgeBase], lang: Lang) -> poise::CreateReply {
    let words = strings(lang);
    let lines: Vec<String> = bases
        .iter()
        .flat_map(|kb| kb.sections().into_iter().map(move |(s, n)| (kb.section_in(s, lang), n)))
        .map(|(section, n)| format!("• {section} — {}", i18n::count(lang, n as u64, i18n::Counted::Facts)))
        .collect();
    let text = format!("{}\n\n{}", lines.join("\n"), words.how_to_ask);
    let embed = serenity::CreateEmbed::new().title(words.topics_title);
    localized_embed(embed.description(truncate(&text, MAX_DESCRIPTION)), lang)
}

/// Version, counts, sources and licence.
pub fn about(kb: &KnowledgeBase, lang: Lang) -> poise::CreateReply {
    let (stats, words) = (kb.stats(), strings(lang));
    let values = [
        ("version", env!("CARGO_PKG_VERSION").to_string()),
        ("facts", i18n::count(lang, stats.facts as u64, i18n::Counted::Facts)),
        ("sections", stats.sections.to_string()),
        ("sources", i18n::count(lang, stats.sources as u64, i18n::Counted::Sources)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let text = i18n::fill(words.about, &values);
    localized_embed(serenity::CreateEmbed::new().title(words.about_title).description(text), lang)
}

/// The commands and their descriptions.
pub fn help(commands: &[(String, String)], lang: Lang) -> poise::CreateReply {
    let words = strings(lang);
    let lines: Vec<String> = commands.iter().map(|(name, about)| format!("`/{name}` — {about}")).collect();
    let text = format!("{}\n\n{}", lines.join("\n"), words.mention_hint);
    let embed = serenity::CreateEmbed::new().title(words.help_title);
    localized_embed(embed.description(truncate(&text, MAX_DESCRIPTION)), lang)
}

/// One page of a timeline as an embed, with Earlier / Later buttons.
fn timeline_page(
    entries: &[crate::answer::TimelineEntry],
    from: Option<i32>,
    to: Option<i32>,
    page: usize,
    lang: Lang,
) -> serenity::CreateInteractionResponseMessage {
    let words = strings(lang);
    let pages = entries.len().div_ceil(TIMELINE_PAGE).max(1);
    let page = page.min(pages - 1);
    let lines: Vec<String> = entries
        .iter()
        .skip(page * TIMELINE_PAGE)
        .take(TIMELINE_PAGE)
        .map(|e| format!("**{}** — {} (`{}`)", e.when, e.title, e.fact_id))
        .collect();
    let text = if lines.is_empty() { words.no_dated_facts.to_string() } else { lines.join("\n") };
    let range = match (from, to) {
        (Some(f), Some(t)) => format!("{f}–{t}"),
        (Some(f), None) => format!("{f}–"),
        (None, Some(t)) => format!("–{t}"),
        (None, None) => words.all_years.to_string(),
    };
    let embed = serenity::CreateEmbed::new()
        .title(truncate(
            &format!("{}, {range} ({})", words.timeline, page_of(words, page + 1, pages)),
            MAX_TITLE,
        ))
        .description(truncate(&text, MAX_DESCRIPTION))
        .footer(serenity::CreateEmbedFooter::new(format!("{} · {}", words.source_hint, words.footer)));
    let button = |label: &str, target: usize, enabled: bool| {
        serenity::CreateButton::new(Button::Timeline { from, to, page: target }.custom_id())
            .label(label)
            .style(serenity::ButtonStyle::Secondary)
            .disabled(!enabled)
    };
    let row = serenity::CreateActionRow::Buttons(vec![
        button(words.earlier, page.saturating_sub(1), page > 0),
        button(words.later, page + 1, page + 1 < pages),
    ]);
    serenity::CreateInteractionResponseMessage::new()
        .embed(embed)
        .components(vec![row])
        .allowed_mentions(quiet())
}

/// "page 2 of 5" in `words`' language.
fn page_of(words: &i18n::Strings, page: usize, pages: usize) -> String {
    words.page_of.replace("{page}", &page.to_string()).replace("{pages}", &pages.to_string())
}

/// The first page of the timeline between these years, as a new message.
pub fn timeline(
    kb: &KnowledgeBase,
    from: Option<i32>,
    to: Option<i32>,
    lang: Lang,
) -> serenity::CreateInteractionResponse {
    let entries = crate::answer::timeline(kb, from, to, lang);
    serenity::CreateInteractionResponse::Message(timeline_page(&entries, from, to, 0, lang))
}

/// Another page of the timeline, replacing the message whose button was pressed.
pub fn timeline_turn(
    kb: &KnowledgeBase,
    from: Option<i32>,
    to: Option<i32>,
    page: usize,
    lang: Lang,
) -> serenity::CreateInteractionResponse {
    let entries = crate::answer::timeline(kb, from, to, lang);
    serenity::CreateInteractionResponse::UpdateMessage(timeline_page(&entries, from, to, page, lang))
}

/// The ephemeral response to a button pressed by a user over the cooldown.
pub fn slow_down(lang: Lang) -> serenity::CreateInteractionResponse {
    ephemeral_response(strings(lang).slow_down)
}

/// The response to a button whose fact no longer exists (the fact base was changed).
pub fn gone(lang: Lang) -> serenity::CreateInteractionResponse {
    ephemeral_response(strings(lang).gone)
}

#[cfg(test)]
mod tests {
    use super::strip_mentions;

    #[test]
    fn strip_mentions_user_and_nickname() {
        assert_eq!(
            strip_mentions("<@123> when was <@!45> the 1956 declaration?"),
            "when was the 1956 declaration?"
        );
    }

    #[test]
    fn strip_mentions_keeps_other_angle_brackets() {
        assert_eq!(strip_mentions("<@1> is 3 < 4 and <b>?"), "is 3 < 4 and <b>?");
    }

    #[test]
    fn strip_mentions_roles_and_channels() {
        assert_eq!(strip_mentions("<@&9> <#8> hello"), "hello");
    }
}

#[cfg(test)]
mod limits {
    use super::*;
    use crate::answer::Suggestion;
    use crate::search::Unsure;

    fn json(embed: serenity::CreateEmbed) -> serde_json::Value {
        serde_json::to_value(embed).unwrap()
    }

    #[test]
    fn embed_over_long_answer_fits_discord_limits() {
        let reply = Reply::Answer {
            fact_id: "x".into(),
            passage: "日本とロシア ".repeat(2000),
            references: vec!["Ref ".repeat(400); 5],
            section: "S".repeat(1000),
            confidence: 0.9,
            more: Vec::new(),
            lang: Lang::Ja,
            part: Some("北方領土は？\n".repeat(500)),
        };
        let e = json(embed(&reply));
        let chars = |v: &serde_json::Value| v.as_str().unwrap().chars().count();
        let description = chars(&e["description"]);
        assert!(description <= MAX_DESCRIPTION && description > MAX_DESCRIPTION * 4 / 5, "{description}");
        assert!(e["description"].as_str().unwrap().ends_with('…'));
        assert!(chars(&e["title"]) <= MAX_TITLE);
        assert!(chars(&e["fields"][0]["value"]) <= MAX_FIELD);
        let total = chars(&e["description"])
            + chars(&e["title"])
            + chars(&e["fields"][0]["value"])
            + "Sources".len()
            + chars(&e["footer"]["text"]);
        assert!(total <= 6000, "{total}");
    }

    #[test]
    fn embed_part_answered_quotes_the_question_on_one_line() {
        let reply = Reply::Answer {
            fact_id: "x".into(),
            passage: "Gorbachev visited Japan in April 1991.".into(),
            references: vec!["Ref".into()],
            section: "The Cold War".into(),
            confidence: 0.9,
            more: Vec::new(),
            lang: Lang::En,
            part: Some("When did *Gorbachev*\nvisit Japan?".into()),
        };
        let e = json(embed(&reply));
        assert_eq!(
            e["description"],
            "*This answers the part of your message that asks: “When did \\*Gorbachev\\* visit \
             Japan?”*\n\nGorbachev visited Japan in April 1991."
        );
    }

    #[test]
    fn buttons_at_most_three_distinct_with_short_labels() {
        let suggestion = |i: usize| Suggestion { fact_id: format!("f{}", i % 4), question: "q".repeat(300) };
        let reply = Reply::Decline {
            confidence: 0.2,
            reason: Unsure::Uncovered,
            suggestions: (0..6).map(suggestion).collect(),
            lang: Lang::En,
        };
        let rows = serde_json::to_value(buttons(&reply)).unwrap();
        let row = rows[0]["components"].as_array().unwrap();
        assert_eq!(row.len(), 3);
        assert!(row.iter().all(|b| b["label"].as_str().unwrap().chars().count() <= 80));
        let ids: Vec<&str> = row.iter().map(|b| b["custom_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["nichiro:fact:f0", "nichiro:fact:f1", "nichiro:fact:f2"]);
        let repeated = Reply::Decline {
            confidence: 0.2,
            reason: Unsure::Uncovered,
            suggestions: vec![suggestion(0); 3],
            lang: Lang::En,
        };
        let rows = serde_json::to_value(buttons(&repeated)).unwrap();
        assert_eq!(rows[0]["components"].as_array().unwrap().len(), 1, "one button per fact");
    }

    #[test]
    fn embed_tie_decline_asks_which_one() {
        let offered = |id: &str| Suggestion { fact_id: id.into(), question: format!("About {id}?") };
        let decline = |reason| Reply::Decline {
            confidence: 0.9,
            reason,
            suggestions: vec![offered("a"), offered("b")],
            lang: Lang::Ja,
        };
        let tie = json(embed(&decline(Unsure::Tie)));
        assert_eq!(tie["title"], strings(Lang::Ja).tie_title);
        let text = tie["description"].as_str().unwrap();
        assert!(text.starts_with(strings(Lang::Ja).tie) && text.contains("About b?"), "{text}");
        let uncovered = json(embed(&decline(Unsure::Uncovered)));
        assert_eq!(uncovered["title"], strings(Lang::Ja).not_covered_title);
    }
}
