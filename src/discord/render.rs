//! Turning replies into Discord messages: embeds within Discord's limits, no mentions ever.

use poise::serenity_prelude as serenity;

use crate::answer::{Reply, truncate};
use crate::search::Index;

/// Discord's limits.
pub const MAX_DESCRIPTION: usize = 4096;
pub const MAX_FIELD: usize = 1024;
pub const MAX_TITLE: usize = 256;
pub const MAX_CHOICES: usize = 25;

const FOOTER: &str =
    "nichiro · adapted from Wikipedia, “Japan–Russia relations” (CC BY-SA 4.0) and cited sources";

/// The embed for a reply.
pub fn embed(index: &Index, reply: &Reply) -> serenity::CreateEmbed {
    let _ = index;
    match reply {
        Reply::Answer { passage, references, section, confidence, .. } => {
            let sources: Vec<String> =
                references.iter().enumerate().map(|(i, r)| format!("[{}] {r}", i + 1)).collect();
            serenity::CreateEmbed::new()
                .title(truncate(section, MAX_TITLE))
                .description(truncate(passage, MAX_DESCRIPTION))
                .field("Sources", truncate(&sources.join("\n"), MAX_FIELD), false)
                .footer(serenity::CreateEmbedFooter::new(format!(
                    "{FOOTER} · confidence {:.0}%",
                    confidence * 100.0
                )))
        }
        Reply::Decline { suggestions, .. } => {
            let mut text = String::from(
                "My fact base doesn't cover that. I answer questions about Japan–Russia relations: treaties, wars, the Kuril Islands dispute, diplomacy, opinion and statistics. Try `/ask` with a specific question.",
            );
            if !suggestions.is_empty() {
                text.push_str("\n\nDid you mean:");
                for s in suggestions {
                    text.push_str(&format!("\n• {}", s.question));
                }
            }
            serenity::CreateEmbed::new()
                .title("Not in my fact base")
                .description(truncate(&text, MAX_DESCRIPTION))
                .footer(serenity::CreateEmbedFooter::new(FOOTER))
        }
    }
}

/// A reply to an interaction, with every mention disabled.
pub fn reply(index: &Index, reply: &Reply) -> poise::CreateReply {
    poise::CreateReply::default()
        .embed(embed(index, reply))
        .allowed_mentions(serenity::CreateAllowedMentions::new())
}

/// A channel message, with every mention disabled.
pub fn message(index: &Index, reply: &Reply) -> serenity::CreateMessage {
    serenity::CreateMessage::new()
        .embed(embed(index, reply))
        .allowed_mentions(serenity::CreateAllowedMentions::new())
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
