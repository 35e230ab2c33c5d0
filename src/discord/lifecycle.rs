//! Starting and stopping the bot: restoring overlays, connecting, registering commands, reloading
//! on SIGHUP, and stopping within seconds on SIGINT or SIGTERM whatever it is doing.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::{
    Data, DiscordError, Error, Launch, SettingsCache, Token, all_commands, on_error, on_event, on_message,
    render,
};
use crate::config::{Config, Shards};
use crate::search::Index;
use crate::state::{Change, Store};
use crate::study::{self, Library};
use tokio::sync::mpsc::UnboundedReceiver;

/// Registers the commands: in the configured guilds, or globally. A failure is logged, not fatal:
/// the commands may already be registered, and mentions work without them.
async fn register(ctx: &serenity::Context, commands: &[poise::Command<Data, Error>], guilds: &[u64]) {
    if guilds.is_empty()
        && let Err(e) = poise::builtins::register_globally(ctx, commands).await
    {
        tracing::error!(%e, "could not register the commands globally");
    }
    for &guild in guilds {
        let registered =
            poise::builtins::register_in_guild(ctx, commands, serenity::GuildId::new(guild)).await;
        if let Err(e) = registered {
            tracing::error!(%e, guild, "could not register the commands in a guild");
        }
    }
}

/// An HTTP client for Discord with `token`, through `api_base` when set (a proxy or a test double).
pub(super) fn http(token: &Token, api_base: Option<&str>) -> serenity::Http {
    let mut http = serenity::HttpBuilder::new(&token.0);
    if let Some(base) = api_base {
        // serenity's rate limiter ignores the proxy and would call Discord itself.
        http = http.proxy(base).ratelimiter_disabled(true);
    }
    http.build()
}

/// Whether Discord refused a request for its token (HTTP 401).
pub(super) fn token_refused(error: &serenity::Error) -> bool {
    matches!(error, serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response))
        if response.status_code.as_u16() == 401)
}

/// The library, with every server's approved suggestions in its overlay (read off the runtime's
/// threads: a database driver blocks).
async fn restore(index: Index, config: &Config, store: &Arc<Store>) -> Result<Arc<Library>, DiscordError> {
    let library = Arc::new(Library::new(index, config.knowledge.dir.clone()));
    let (filled, read) = (library.clone(), store.clone());
    tokio::task::spawn_blocking(move || read.approved(None).map(|all| filled.replace_approved(&all)))
        .await
        .map_err(|e| {
            DiscordError::Connection(format!("restoring the servers' suggestions stopped: {e}"))
        })??;
    Ok(library)
}

/// Starts listening for the changes other processes commit to a shared store (a store only this
/// process writes has none): started before the overlays are read, so a change committed meanwhile
/// is applied after them rather than lost.
async fn listen(store: &Arc<Store>) -> Result<Option<UnboundedReceiver<Change>>, DiscordError> {
    let (sender, changes) = tokio::sync::mpsc::unbounded_channel();
    let watched = store.clone();
    let following =
        tokio::task::spawn_blocking(move || watched.watch(move |change| sender.send(change).is_ok()))
            .await
            .map_err(|e| DiscordError::Connection(format!("following the shared state stopped: {e}")))??;
    Ok(following.then_some(changes))
}

/// Keeps this process's copies of servers' settings and overlays in step with `changes`; a change
/// that cannot be followed (the database is unreachable) is tried again, for up to a minute.
fn follow_changes(
    mut changes: UnboundedReceiver<Change>,
    store: &Arc<Store>,
    library: &Arc<Library>,
    settings: &SettingsCache,
) {
    let (store, library, settings) = (store.clone(), library.clone(), settings.clone());
    tokio::spawn(async move {
        while let Some(change) = changes.recv().await {
            let mut wait = Duration::from_secs(1);
            while let Err(error) = follow(change, &store, &library, &settings).await {
                if wait > FOLLOW_PATIENCE {
                    tracing::error!(%error, ?change, "gave up following a change to the shared state");
                    break;
                }
                tracing::warn!(%error, ?change, retry_in = ?wait, "could not follow a change to the shared state");
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
    });
}

/// How long a change to the shared state is retried before it is given up.
const FOLLOW_PATIENCE: Duration = Duration::from_secs(60);

/// Brings what this process holds in memory up to date with one `change` to the shared store.
async fn follow(
    change: Change,
    store: &Arc<Store>,
    library: &Arc<Library>,
    settings: &SettingsCache,
) -> Result<(), Error> {
    let (store, library) = (store.clone(), library.clone());
    match change {
        Change::Settings(guild) => {
            settings.forget(Some(guild));
        }
        Change::Approved(guild) => {
            tokio::task::spawn_blocking(move || library.refresh(guild, || store.approved(Some(guild))))
                .await??;
        }
        Change::Everything => {
            settings.forget(None);
            tokio::task::spawn_blocking(move || {
                store.approved(None).map(|all| library.replace_approved(&all))
            })
            .await??;
        }
    }
    Ok(())
}

/// Unanswered questions that may wait to be written before new ones are dropped.
const GAP_QUEUE: usize = 1024;
/// How long stopping waits for the gateway to close and for queued gaps, each.
const STOP_WAIT: Duration = Duration::from_secs(2);

/// Runs the bot until the connection ends or the process is asked to stop (SIGINT, SIGTERM: it
/// stops within a few seconds whatever it is doing, writing the queued gaps first; a second signal
/// exits at once); SIGHUP reloads the fact base.
pub async fn run(launch: Launch, token: Token) -> Result<(), DiscordError> {
    let (index, config, store) = (launch.index, launch.config, Arc::new(launch.store));
    let changes = listen(&store).await?;
    let library = restore(index, &config, &store).await?;
    let gaps = study::GapRecorder::start(store.clone(), config.study.retention(), GAP_QUEUE);
    let shards = Arc::new(std::sync::OnceLock::new());
    let mut stop = Stop::watch();
    let serving = serve(library, store, config, changes, gaps.clone(), token, shards.clone());
    let outcome = tokio::select! {
        result = serving => result,
        () = stop.next() => {
            tracing::info!("shutting down");
            tokio::spawn(async move {
                stop.next().await;
                tracing::warn!("second signal: exiting now");
                std::process::exit(130);
            });
            if let Some(shards) = shards.get()
                && tokio::time::timeout(STOP_WAIT, shards.shutdown_all()).await.is_err()
            {
                tracing::warn!("the gateway did not close in time");
            }
            Ok(())
        }
    };
    let flushed = tokio::task::spawn_blocking(move || gaps.flush(STOP_WAIT)).await.unwrap_or(false);
    if !flushed {
        tracing::warn!("some unanswered questions could not be written before stopping");
    }
    outcome
}

/// Connects the configured gateway shards (by default all, as many as Discord recommends) and
/// serves until they end, publishing the shard manager in `shards` so a signal can close it.
async fn serve(
    library: Arc<Library>,
    store: Arc<Store>,
    config: Config,
    changes: Option<UnboundedReceiver<Change>>,
    gaps: study::GapRecorder,
    token: Token,
    shards: Arc<std::sync::OnceLock<Arc<serenity::ShardManager>>>,
) -> Result<(), DiscordError> {
    let intents = serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
        | serenity::GatewayIntents::MESSAGE_CONTENT;
    let http = http(&token, config.discord.api_base.as_deref());
    let guilds = config.discord.guilds.clone();
    let shard_range = config.discord.shards;
    let owners = config.discord.owners.iter().map(|&id| serenity::UserId::new(id)).collect();
    tokio::spawn(reload_on_hangup(library.clone()));
    let settings = SettingsCache::default();
    if let Some(changes) = changes {
        follow_changes(changes, &store, &library, &settings);
    }
    let data = Data {
        library,
        store,
        config,
        cooldown: Default::default(),
        quizzes: Default::default(),
        settings,
        changing: Default::default(),
        gaps,
    };
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: all_commands(),
            on_error: |error| Box::pin(on_error(error)),
            event_handler: |framework, event| Box::pin(on_event(framework, event)),
            allowed_mentions: Some(render::quiet()),
            owners,
            prefix_options: poise::PrefixFrameworkOptions {
                mention_as_prefix: false,
                non_command_message: Some(|framework, msg| Box::pin(on_message(*framework, msg))),
                ..Default::default()
            },
            ..Default::default()
        })
        // Owners come from the config only, not from Discord's application info.
        .initialize_owners(false)
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                // One process registers for all: the one that runs shard 0.
                if shard_range.is_none_or(|r| r.first == 0) {
                    register(ctx, &framework.options().commands, &guilds).await;
                }
                Ok(data)
            })
        })
        .build();
    let mut client = serenity::ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await
        .map_err(|e| DiscordError::Connection(e.to_string()))?;
    let _ = shards.set(client.shard_manager.clone());
    start(&mut client, shard_range).await
}

/// Starts this process's shards, the configured range or all that Discord recommends, and runs
/// them until they end.
async fn start(client: &mut serenity::Client, shard_range: Option<Shards>) -> Result<(), DiscordError> {
    let started = match shard_range {
        Some(range) => {
            tracing::info!(shards = ?range.range(), total = range.total, "starting this process's shards");
            // serenity's range is inclusive of its end: 4..7 starts shards 4, 5, 6 and 7.
            let ids = range.range();
            client.start_shard_range(ids.start..ids.end - 1, range.total).await
        }
        None => {
            let total = recommended_shards(&client.http).await?;
            tracing::info!(total, "starting the shards Discord recommends");
            client.start_shards(total).await
        }
    };
    match started {
        Ok(()) => Ok(()),
        Err(serenity::Error::Gateway(serenity::GatewayError::InvalidAuthentication)) => {
            Err(DiscordError::InvalidToken)
        }
        Err(e) => Err(DiscordError::Connection(e.to_string())),
    }
}

/// The number of shards Discord recommends for the bot, asked until it answers (at boot the network
/// may not be up yet; a stop signal ends the wait). A refused token ends it at once.
async fn recommended_shards(http: &serenity::Http) -> Result<u32, DiscordError> {
    let mut wait = Duration::from_secs(1);
    loop {
        match http.get_bot_gateway().await {
            Ok(gateway) => return Ok(gateway.shards.max(1)),
            Err(e) if token_refused(&e) => return Err(DiscordError::InvalidToken),
            Err(e) => {
                tracing::warn!(%e, retry_in = ?wait, "cannot ask Discord how many shards to run");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// Reloads the fact base on each SIGHUP; a refused reload is logged with its problems.
async fn reload_on_hangup(library: Arc<Library>) {
    #[cfg(unix)]
    {
        let mut hangup = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
            Ok(signal) => signal,
            Err(e) => {
                tracing::warn!(%e, "cannot watch SIGHUP; use /reload to reload the fact base");
                return;
            }
        };
        while hangup.recv().await.is_some() {
            let lib = library.clone();
            match tokio::task::spawn_blocking(move || lib.reload()).await {
                Ok(Ok(stats)) => tracing::info!(%stats, "SIGHUP: fact base reloaded"),
                Ok(Err(e)) => tracing::error!("SIGHUP: {}", study::reload_report(&Err(e), usize::MAX)),
                Err(e) => tracing::error!(%e, "SIGHUP: the reload failed"),
            }
        }
    }
    #[cfg(not(unix))]
    let _ = library;
}

/// SIGINT and SIGTERM, watched from the start so that a second signal arriving while the bot
/// stops is never missed.
struct Stop {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl Stop {
    fn watch() -> Stop {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let watch =
                |kind| signal(kind).map_err(|e| tracing::warn!(%e, "cannot watch a stop signal")).ok();
            Stop { interrupt: watch(SignalKind::interrupt()), terminate: watch(SignalKind::terminate()) }
        }
        #[cfg(not(unix))]
        Stop {}
    }

    /// Waits for the next SIGINT or SIGTERM (Ctrl-C elsewhere).
    async fn next(&mut self) {
        #[cfg(unix)]
        {
            async fn one(signal: &mut Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            tokio::select! {
                () = one(&mut self.interrupt) => {}
                () = one(&mut self.terminate) => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}
