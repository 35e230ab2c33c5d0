//! The Discord bot: poise commands and event handlers over the shared core. This is the only module
//! that names serenity or poise; what it shows comes from `answer`, what it knows from `search`.

mod commands;
mod cooldown;
mod feedback;
mod ids;
mod invite;
mod known;
mod lifecycle;
mod moderation;
mod quiz;
mod render;
mod suggestions;
mod view;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::answer::Reply;
use crate::config::Config;
use crate::i18n;
use crate::lang::Lang;
use crate::search::{Index, Settings};
use crate::state::{GuildSettings, SettingsChange, StateError, Store};
use crate::study::{self, Library};

pub use invite::{application_id, invite_url};
pub use lifecycle::run;

/// State shared by every command and handler.
pub struct Data {
    library: Arc<Library>,
    store: Arc<Store>,
    config: Config,
    cooldown: cooldown::Cooldown,
    quizzes: Arc<quiz::Quizzes>,
    /// Servers' settings as stored, read once per server, so questions never wait on the store for
    /// them: this process is their only writer (it holds the state file's lock), or, on a shared
    /// database, each change another process commits drops the server's copy. The lock is held only
    /// to look up, insert or drop, never across a read of the store.
    settings: SettingsCache,
    /// Settings changes one at a time, so the copy in memory ends as the last one stored.
    changing: tokio::sync::Mutex<()>,
    /// Unanswered questions, written in the background.
    gaps: study::GapRecorder,
}

/// Servers' stored settings, kept in memory (see [`Data`]).
type SettingsCache = Arc<known::KnownSettings>;

/// How long a reply waits for the state file before going on without it (Discord allows 3 s for
/// the first response to an interaction).
const STATE_WAIT: Duration = Duration::from_millis(1500);

/// What the bot starts with.
pub struct Launch {
    /// The curated fact base, indexed.
    pub index: Index,
    /// All settings (the fact-base directory is reloaded from `config.knowledge.dir`).
    pub config: Config,
    /// The opened, migrated state store.
    pub store: Store,
}

/// A server's settings merged over the config's defaults.
#[derive(Debug, Clone, PartialEq)]
struct Rules {
    decline_below: f32,
    limit: cooldown::Limit,
    mention_channels: Vec<u64>,
    moderator_role: Option<u64>,
    /// Whether the server's own settings are known (false while the state file cannot be read).
    settled: bool,
}

impl Rules {
    /// The server's own values where it set them, the config's elsewhere.
    fn merge(config: &Config, stored: &GuildSettings) -> Rules {
        let d = &config.discord;
        let questions = stored.cooldown_questions.unwrap_or(d.cooldown_questions);
        let seconds = stored.cooldown_seconds.map_or(d.cooldown_seconds, u64::from);
        let channels =
            if stored.mention_channels.is_empty() { &d.mention_channels } else { &stored.mention_channels };
        Rules {
            decline_below: stored.decline_below.unwrap_or(config.matching.decline_below),
            limit: cooldown::Limit { questions, window: Duration::from_secs(seconds) },
            mention_channels: channels.clone(),
            moderator_role: stored.moderator_role,
            settled: true,
        }
    }

    fn answers_mentions_in(&self, channel: u64) -> bool {
        self.settled && (self.mention_channels.is_empty() || self.mention_channels.contains(&channel))
    }
}

/// The server of a `guild_only` command (poise has refused it elsewhere already).
fn require_guild(ctx: Context<'_>) -> Result<u64, Error> {
    ctx.guild_id().map(|g| g.get()).ok_or_else(|| "a guild-only command ran outside a guild".into())
}

/// Runs a store call on the blocking pool, so disk waits never stall the gateway.
async fn db<T: Send + 'static>(
    store: &Arc<Store>,
    call: impl FnOnce(&Store) -> Result<T, StateError> + Send + 'static,
) -> Result<T, Error> {
    let store = store.clone();
    Ok(tokio::task::spawn_blocking(move || call(&store)).await??)
}

/// A store call that a reply waits for at most [`STATE_WAIT`]; past it, an error (the call itself
/// finishes in the background).
async fn db_within<T: Send + 'static>(
    store: &Arc<Store>,
    call: impl FnOnce(&Store) -> Result<T, StateError> + Send + 'static,
) -> Result<T, Error> {
    match tokio::time::timeout(STATE_WAIT, db(store, call)).await {
        Ok(result) => result,
        Err(_) => Err("the state file did not answer in time".into()),
    }
}

impl Data {
    /// A server's stored settings, from memory after the first read; `None` if the state file
    /// cannot answer in time (not remembered, so the next question tries again).
    async fn stored_settings(&self, guild: u64) -> Option<GuildSettings> {
        if let Some(stored) = self.settings.get(guild) {
            return Some(stored);
        }
        let mark = self.settings.mark();
        match db_within(&self.store, move |s| s.settings(guild)).await {
            Ok(stored) => Some(self.settings.read(guild, stored, mark)),
            Err(error) => {
                tracing::warn!(%error, guild, "settings unreadable; using the defaults for now");
                None
            }
        }
    }

    /// Stores a change to a server's settings and keeps the copy in memory in step.
    async fn change_settings(&self, guild: u64, change: SettingsChange) -> Result<GuildSettings, Error> {
        let _one_at_a_time = self.changing.lock().await;
        let mark = self.settings.mark();
        let stored = db(&self.store, move |s| s.change_settings(guild, &change)).await?;
        self.settings.wrote(guild, &stored, mark);
        Ok(stored)
    }

    /// The rules in force in a server (the config's in direct messages). When a server's settings
    /// cannot be read, the config's defaults answer `/ask`, but mentions are not answered (the server
    /// may have limited them to some channels) and nobody moderates by role.
    async fn rules(&self, guild: Option<u64>) -> Rules {
        let stored = match guild {
            Some(guild) => self.stored_settings(guild).await,
            None => Some(GuildSettings::default()),
        };
        let settled = stored.is_some();
        Rules { settled, ..Rules::merge(&self.config, &stored.unwrap_or_default()) }
    }

    /// Answers a question with the server's index and threshold, queueing it if it is a gap; the
    /// reply never waits for the state file.
    async fn answer(
        &self,
        guild: Option<u64>,
        channel: u64,
        question: &str,
        rules: &Rules,
        lang: Lang,
    ) -> Reply {
        let indexes = self.library.index(guild);
        let (index, outcome) = indexes.ask_with(question, Settings { decline_below: rules.decline_below });
        let asked = study::Asked { guild, channel, text: question, at: study::now() };
        if let Some(gap) = study::gap(index, &outcome, asked, self.config.study.gap_below) {
            self.gaps.record(gap);
        }
        crate::answer::reply(index, &outcome, lang)
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;
type Context<'a> = poise::Context<'a, Data, Error>;

/// A bot token: kept out of logs, errors and `Debug` output.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// Wraps a token, trimming surrounding whitespace; `None` when empty.
    ///
    /// ```
    /// use nichiro::discord::Token;
    /// assert!(Token::new("  ").is_none());
    /// assert_eq!(format!("{:?}", Token::new("secret").unwrap()), "Token(<hidden>)");
    /// ```
    pub fn new(token: &str) -> Option<Token> {
        let token = token.trim();
        (!token.is_empty()).then(|| Token(token.to_string()))
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

/// Why the bot stopped.
#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    /// Discord refused the token.
    #[error("Discord rejected the bot token")]
    InvalidToken,
    /// The gateway connection failed for another reason.
    #[error("the Discord connection failed: {0}")]
    Connection(String),
    /// The state store could not be read at start-up.
    #[error(transparent)]
    State(#[from] StateError),
}

/// What a member sees when a button or form fails; the log gets the detail.
const SORRY: &str = "Sorry, something went wrong with that. Please try again.";

/// The language of a member's Discord locale (`ja`, `ru`, `en-US`), English for any other.
fn locale_lang(locale: Option<&str>) -> Lang {
    locale.and_then(Lang::from_code).unwrap_or_default()
}

/// Routes a button press or a submitted form to its handler; a failing handler is logged and the
/// member gets a short apology instead of Discord's "interaction failed".
async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction } = event else { return Ok(()) };
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    match interaction {
        serenity::Interaction::Component(press) => {
            let Some(button) = ids::Button::parse(&press.data.custom_id) else { return Ok(()) };
            match button {
                ids::Button::Approve { id, page } => {
                    return suggestions::approve(ctx, data, press, id, page).await;
                }
                ids::Button::Vote { direction, fact_id } => {
                    return feedback::vote(ctx, data, press, direction, fact_id).await;
                }
                _ => {}
            }
            let response = on_button(data, press, button).await.unwrap_or_else(|error| {
                tracing::error!(%error, custom_id = %press.data.custom_id, "a button failed");
                render::ephemeral_response(i18n::strings(locale_lang(Some(&press.locale))).sorry)
            });
            press.create_response(ctx, response).await?;
        }
        serenity::Interaction::Modal(submit) => {
            let Some(form) = ids::Form::parse(&submit.data.custom_id) else { return Ok(()) };
            let response = suggestions::on_form(data, submit, form).await.unwrap_or_else(|error| {
                tracing::error!(%error, custom_id = %submit.data.custom_id, "a form failed");
                render::ephemeral_response(SORRY)
            });
            submit.create_response(ctx, response).await?;
        }
        _ => {}
    }
    Ok(())
}

async fn on_button(
    data: &Data,
    press: &serenity::ComponentInteraction,
    button: ids::Button,
) -> Result<serenity::CreateInteractionResponse, Error> {
    match button {
        ids::Button::ShowFact { id, lang } => show_fact(data, press, &id, lang).await,
        ids::Button::Timeline { from, to, page } => {
            let base = data.library.base();
            Ok(render::timeline_turn(base.knowledge(), from, to, page, locale_lang(Some(&press.locale))))
        }
        review => suggestions::on_review_button(data, press, review).await,
    }
}

/// "Did you mean" and "More on this": the chosen fact's answer, within the cooldown.
async fn show_fact(
    data: &Data,
    press: &serenity::ComponentInteraction,
    id: &str,
    lang: Lang,
) -> Result<serenity::CreateInteractionResponse, Error> {
    let guild = press.guild_id.map(|g| g.get());
    let rules = data.rules(guild).await;
    if !data.cooldown.admit((guild, press.user.id.get()), Instant::now(), rules.limit) {
        return Ok(render::slow_down(lang));
    }
    let indexes = data.library.index(guild);
    Ok(match crate::answer::reply_for_fact(indexes.holding(id), id, lang) {
        Some(reply) => render::button_response(&reply),
        None => render::gone(lang),
    })
}

/// Feeds a running quiz, and answers a message that mentions the bot, ignoring bots (itself
/// included) and channels the server did not choose.
async fn on_message(
    framework: poise::FrameworkContext<'_, Data, Error>,
    msg: &serenity::Message,
) -> Result<(), Error> {
    let bot = framework.bot_id();
    let data = framework.user_data;
    if msg.author.bot || msg.author.id == bot {
        return Ok(());
    }
    let guild = msg.guild_id.map(|g| g.get());
    data.quizzes.offer(
        quiz::Place { guild, channel: msg.channel_id.get() },
        msg.author.id.get(),
        &msg.content,
    );
    // The mention must be in the text: a reply to the bot also "mentions" it ("thanks!").
    let addressed = msg.content.contains(&format!("<@{bot}>")) || msg.content.contains(&format!("<@!{bot}>"));
    if !addressed {
        return Ok(());
    }
    let rules = data.rules(guild).await;
    if !rules.answers_mentions_in(msg.channel_id.get()) {
        return Ok(());
    }
    if !data.cooldown.admit((guild, msg.author.id.get()), Instant::now(), rules.limit) {
        tracing::debug!(user = %msg.author.id, "mention ignored: cooldown");
        return Ok(());
    }
    let question = render::strip_mentions(&msg.content);
    let lang = Lang::of_question(&question);
    let reply = data.answer(guild, msg.channel_id.get(), &question, &rules, lang).await;
    // A member may delete the question before the answer is sent: answer anyway, without the link.
    let mut reference = serenity::MessageReference::from(msg);
    reference.fail_if_not_exists = Some(false);
    let message = render::message(&reply).reference_message(reference);
    msg.channel_id.send_message(framework.serenity_context, message).await?;
    Ok(())
}

/// Short, friendly text for the failures members can cause; the rest goes to poise's handler.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    let (ctx, text) = match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, %error, "command failed");
            (ctx, "Sorry, something went wrong answering that. Please try again.")
        }
        poise::FrameworkError::CommandCheckFailed { error, ctx, .. } => {
            if let Some(error) = error {
                tracing::error!(command = %ctx.command().name, %error, "permission check failed");
            }
            (ctx, moderation::ONLY_MODERATORS)
        }
        poise::FrameworkError::NotAnOwner { ctx, .. } => (ctx, "Only the bot's owners can do that."),
        poise::FrameworkError::GuildOnly { ctx, .. } => {
            (ctx, "That works in a server, not in direct messages.")
        }
        poise::FrameworkError::NonCommandMessage { error, .. } => {
            tracing::error!(%error, "handling a message failed");
            return;
        }
        poise::FrameworkError::EventHandler { error, event, .. } => {
            tracing::error!(%error, event = event.snake_case_name(), "handling an event failed");
            return;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(%e, "error while handling an error");
            }
            return;
        }
    };
    if let Err(e) = ctx.send(render::notice(text)).await {
        tracing::warn!(%e, "could not tell the user why a command failed");
    }
}

/// Every command, in the order `/help` lists them.
fn all_commands() -> Vec<poise::Command<Data, Error>> {
    vec![
        commands::ask(),
        commands::source(),
        commands::topics(),
        commands::timeline(),
        quiz::quiz(),
        quiz::leaderboard(),
        suggestions::suggest(),
        suggestions::review(),
        moderation::gaps(),
        moderation::settings(),
        moderation::reload(),
        commands::about(),
        commands::help(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_server_values_override_config_defaults() {
        let mut config = Config::default();
        config.discord.mention_channels = vec![1];
        let defaults = Rules::merge(&config, &GuildSettings::default());
        assert_eq!(defaults.decline_below, config.matching.decline_below);
        assert_eq!(defaults.limit, cooldown::Limit { questions: 5, window: Duration::from_secs(30) });
        assert!(defaults.answers_mentions_in(1) && !defaults.answers_mentions_in(2));

        let own = GuildSettings {
            mention_channels: vec![2],
            moderator_role: Some(9),
            decline_below: Some(0.7),
            cooldown_questions: Some(0),
            cooldown_seconds: None,
        };
        let rules = Rules::merge(&config, &own);
        assert_eq!(rules.decline_below, 0.7);
        assert_eq!(rules.limit, cooldown::Limit { questions: 0, window: Duration::from_secs(30) });
        assert!(rules.answers_mentions_in(2) && !rules.answers_mentions_in(1));
        assert_eq!(rules.moderator_role, Some(9));
    }
}
