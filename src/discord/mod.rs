//! The Discord bot: poise commands and event handlers over the shared core. This is the only module
//! that names serenity or poise; what it shows comes from `answer`, what it knows from `search`.

mod cooldown;
mod render;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::config::DiscordConfig;
use crate::search::Index;

/// State shared by every command and handler.
pub struct Data {
    index: Arc<Index>,
    config: DiscordConfig,
    cooldown: cooldown::Cooldown,
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
}

/// Ask a question about Japan–Russia relations.
#[poise::command(
    slash_command,
    name_localized("ja", "質問"),
    name_localized("ru", "вопрос"),
    description_localized("ja", "日露関係について質問する"),
    description_localized("ru", "Задать вопрос о российско-японских отношениях")
)]
async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. When was the Treaty of Portsmouth signed?"]
    #[description_localized("ja", "質問（例：ポーツマス条約はいつ結ばれた？）")]
    #[description_localized("ru", "Ваш вопрос, например: когда был подписан Портсмутский договор?")]
    #[autocomplete = "complete_question"]
    question: String,
) -> Result<(), Error> {
    if !ctx.data().cooldown.admit(ctx.author().id.get(), Instant::now()) {
        ctx.send(render::notice(render::SLOW_DOWN)).await?;
        return Ok(());
    }
    let index = &ctx.data().index;
    ctx.send(render::reply(&crate::answer::reply(index, &index.ask(&question)))).await?;
    Ok(())
}

/// Show the full references of a fact.
#[poise::command(
    slash_command,
    name_localized("ja", "出典"),
    name_localized("ru", "источник"),
    description_localized("ja", "事実の出典をすべて表示する"),
    description_localized("ru", "Показать полные источники факта")
)]
async fn source(
    ctx: Context<'_>,
    #[description = "The fact's id (shown under answers)"]
    #[description_localized("ja", "事実のID")]
    #[description_localized("ru", "Идентификатор факта")]
    #[autocomplete = "complete_fact_id"]
    id: String,
) -> Result<(), Error> {
    let index = &ctx.data().index;
    match index.knowledge().fact(id.trim()) {
        Some(fact) => ctx.send(render::sources(index, fact)).await?,
        None => {
            ctx.send(render::notice("I have no fact with that id; pick one from the list as you type."))
                .await?
        }
    };
    Ok(())
}

async fn complete_fact_id(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let partial = partial.trim().to_lowercase();
    let choices = ctx
        .data()
        .index
        .knowledge()
        .facts()
        .iter()
        .filter(|f| f.id.contains(&partial))
        .take(render::MAX_CHOICES)
        .map(|f| serenity::AutocompleteChoice::new(f.id.clone(), f.id.clone()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// List the topics nichiro can answer, with how many facts each has.
#[poise::command(
    slash_command,
    name_localized("ja", "トピック"),
    name_localized("ru", "темы"),
    description_localized("ja", "答えられるトピックの一覧"),
    description_localized("ru", "Темы, на которые бот может ответить")
)]
async fn topics(ctx: Context<'_>) -> Result<(), Error> {
    ctx.send(render::topics(ctx.data().index.knowledge())).await?;
    Ok(())
}

/// About nichiro: version, fact base, sources and licence.
#[poise::command(
    slash_command,
    name_localized("ja", "概要"),
    name_localized("ru", "о_боте"),
    description_localized("ja", "バージョン、ファクトベース、出典、ライセンス"),
    description_localized("ru", "Версия, база фактов, источники и лицензия")
)]
async fn about(ctx: Context<'_>) -> Result<(), Error> {
    ctx.send(render::about(ctx.data().index.knowledge())).await?;
    Ok(())
}

/// List nichiro's commands and how to ask.
#[poise::command(
    slash_command,
    name_localized("ja", "ヘルプ"),
    name_localized("ru", "помощь"),
    description_localized("ja", "コマンドと質問のしかた"),
    description_localized("ru", "Команды и как задавать вопросы")
)]
async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let commands: Vec<(String, String)> = ctx
        .framework()
        .options()
        .commands
        .iter()
        .map(|c| (c.name.to_string(), c.description.as_deref().unwrap_or_default().to_string()))
        .collect();
    ctx.send(render::help(&commands)).await?;
    Ok(())
}

/// Dated facts in order, a page at a time.
#[poise::command(
    slash_command,
    name_localized("ja", "年表"),
    name_localized("ru", "хронология"),
    description_localized("ja", "年代順の出来事"),
    description_localized("ru", "События по порядку")
)]
async fn timeline(
    ctx: Context<'_>,
    #[description = "First year (e.g. 1855)"]
    #[description_localized("ja", "開始年")]
    #[description_localized("ru", "Начальный год")]
    from: Option<i32>,
    #[description = "Last year (e.g. 1956)"]
    #[description_localized("ja", "終了年")]
    #[description_localized("ru", "Конечный год")]
    to: Option<i32>,
) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else { return Ok(()) };
    let response = render::timeline(ctx.data().index.knowledge(), from, to);
    app.interaction.create_response(ctx.serenity_context(), response).await?;
    Ok(())
}

/// Answers a button press: "Did you mean" and "More on this" post the chosen fact; timeline
/// buttons turn the page in place.
async fn on_event(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(press) } =
        event
    else {
        return Ok(());
    };
    let index = &framework.user_data.index;
    let response = match render::Button::parse(&press.data.custom_id) {
        Some(render::Button::ShowFact(_))
            if !framework.user_data.cooldown.admit(press.user.id.get(), Instant::now()) =>
        {
            render::slow_down()
        }
        Some(render::Button::ShowFact(id)) => match crate::answer::reply_for_fact(index, &id) {
            Some(reply) => render::button_response(&reply),
            None => render::gone(),
        },
        Some(render::Button::Timeline { from, to, page }) => {
            render::timeline_turn(index.knowledge(), from, to, page)
        }
        None => return Ok(()),
    };
    press.create_response(framework.serenity_context, response).await?;
    Ok(())
}

async fn complete_question(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = crate::answer::complete(&ctx.data().index, partial, render::MAX_CHOICES)
        .into_iter()
        .map(|q| serenity::AutocompleteChoice::new(q.clone(), q))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Answers a message that mentions the bot, ignoring bots (itself included) and other channels.
async fn on_message(
    framework: poise::FrameworkContext<'_, Data, Error>,
    msg: &serenity::Message,
) -> Result<(), Error> {
    let bot = framework.bot_id();
    let data = framework.user_data;
    let allowed = data.config.mention_channels.is_empty()
        || data.config.mention_channels.contains(&msg.channel_id.get());
    // The mention must be in the text: a reply to the bot also "mentions" it ("thanks!").
    let addressed = msg.content.contains(&format!("<@{bot}>")) || msg.content.contains(&format!("<@!{bot}>"));
    if msg.author.bot || msg.author.id == bot || !allowed || !addressed {
        return Ok(());
    }
    if !data.cooldown.admit(msg.author.id.get(), Instant::now()) {
        tracing::debug!(user = %msg.author.id, "mention ignored: cooldown");
        return Ok(());
    }
    let question = render::strip_mentions(&msg.content);
    let reply = crate::answer::reply(&data.index, &data.index.ask(&question));
    let message = render::message(&reply).reference_message(msg);
    msg.channel_id.send_message(framework.serenity_context, message).await?;
    Ok(())
}

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, %error, "command failed");
            let sorry = poise::CreateReply::default()
                .content("Sorry, something went wrong answering that. Please try again.")
                .ephemeral(true)
                .allowed_mentions(serenity::CreateAllowedMentions::new());
            if let Err(e) = ctx.send(sorry).await {
                tracing::warn!(%e, "could not tell the user about a failed command");
            }
        }
        poise::FrameworkError::NonCommandMessage { error, .. } => {
            tracing::error!(%error, "answering a mention failed");
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(%e, "error while handling an error");
            }
        }
    }
}

/// Runs the bot until the connection ends or the process is asked to stop.
pub async fn run(index: Index, config: DiscordConfig, token: Token) -> Result<(), DiscordError> {
    let intents = serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
        | serenity::GatewayIntents::MESSAGE_CONTENT;
    let mut http = serenity::HttpBuilder::new(&token.0);
    if let Some(base) = &config.api_base {
        // serenity's rate limiter ignores the proxy and would call Discord itself.
        http = http.proxy(base.as_str()).ratelimiter_disabled(true);
    }
    let guilds = config.guilds.clone();
    let owners = config.owners.clone();
    let cooldown =
        cooldown::Cooldown::new(config.cooldown_questions, Duration::from_secs(config.cooldown_seconds));
    let data = Data { index: Arc::new(index), config, cooldown };
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![ask(), source(), topics(), timeline(), about(), help()],
            on_error: |error| Box::pin(on_error(error)),
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            owners: owners.iter().map(|&id| serenity::UserId::new(id)).collect(),
            prefix_options: poise::PrefixFrameworkOptions {
                mention_as_prefix: false,
                non_command_message: Some(|framework, msg| Box::pin(on_message(*framework, msg))),
                ..Default::default()
            },
            ..Default::default()
        })
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                // A failed registration must not stop the bot: the commands may already be registered,
                // and mentions work without them.
                let commands = &framework.options().commands;
                if guilds.is_empty() {
                    if let Err(e) = poise::builtins::register_globally(ctx, commands).await {
                        tracing::error!(%e, "could not register the commands globally");
                    }
                }
                for guild in guilds {
                    let registered =
                        poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(guild))
                            .await;
                    if let Err(e) = registered {
                        tracing::error!(%e, guild, "could not register the commands in a guild");
                    }
                }
                Ok(data)
            })
        })
        .build();
    let mut client = serenity::ClientBuilder::new_with_http(http.build(), intents)
        .framework(framework)
        .await
        .map_err(|e| DiscordError::Connection(e.to_string()))?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });
    match client.start().await {
        Ok(()) => Ok(()),
        Err(serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication)) => {
            Err(DiscordError::InvalidToken)
        }
        Err(e) => Err(DiscordError::Connection(e.to_string())),
    }
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(signal) => signal,
            Err(e) => {
                tracing::warn!(%e, "cannot watch SIGTERM; only SIGINT stops the bot");
                let _ = interrupt.await;
                return;
            }
        };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
