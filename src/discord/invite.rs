//! The invite link: the OAuth2 address that adds the bot to a server, with its slash commands and
//! the channel permissions it uses.

use poise::serenity_prelude as serenity;

use super::{DiscordError, Token};

/// The channel permissions the bot uses: see the channel, answer in it and in its threads, with
/// embeds, as a reply to the message that asked (which needs its history).
fn permissions() -> serenity::Permissions {
    serenity::Permissions::VIEW_CHANNEL
        | serenity::Permissions::SEND_MESSAGES
        | serenity::Permissions::SEND_MESSAGES_IN_THREADS
        | serenity::Permissions::EMBED_LINKS
        | serenity::Permissions::READ_MESSAGE_HISTORY
}

/// The address that invites the application `application_id` with the scopes `bot` and
/// `applications.commands` and the permissions the bot uses.
///
/// ```
/// let url = nichiro::discord::invite_url(123);
/// assert!(url.starts_with("https://discord.com/oauth2/authorize?client_id=123&"));
/// assert!(url.contains("scope=bot%20applications.commands"));
/// ```
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot%20applications.commands&permissions={}",
        permissions().bits()
    )
}

/// The bot's application id, asked of Discord with its token.
///
/// ```no_run
/// # async fn run() -> Result<(), nichiro::discord::DiscordError> {
/// let token = nichiro::discord::Token::new("the bot token").unwrap();
/// let id = nichiro::discord::application_id(&token, None).await?;
/// println!("{}", nichiro::discord::invite_url(id));
/// # Ok(())
/// # }
/// ```
pub async fn application_id(token: &Token, api_base: Option<&str>) -> Result<u64, DiscordError> {
    match super::lifecycle::http(token, api_base).get_current_application_info().await {
        Ok(info) => Ok(info.id.get()),
        Err(e) if super::lifecycle::token_refused(&e) => Err(DiscordError::InvalidToken),
        Err(e) => Err(DiscordError::Connection(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_permissions_are_the_ones_used() {
        // 1024 + 2048 + 16384 + 65536 + 2^38: view, send, embed links, history, send in threads.
        assert_eq!(permissions().bits(), 274_877_991_936);
        assert!(invite_url(7).ends_with("&permissions=274877991936"));
    }
}
