//! `nichiro serve`: the Discord bot.

use std::process::ExitCode;

use nichiro::config::{Config, DiscordConfig, StateLocation};
use nichiro::discord::{self, Launch, Token};
use nichiro::search::Index;
use nichiro::state::Store;
use serde::Deserialize;

/// The secrets file: `token = "..."`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Secrets {
    token: String,
}

/// The bot token from `DISCORD_TOKEN`, else from the config's secrets file; never printed.
pub(super) fn token(config: &DiscordConfig) -> Result<Token, String> {
    if let Ok(value) = std::env::var("DISCORD_TOKEN") {
        return Token::new(&value).ok_or_else(|| "DISCORD_TOKEN is empty".to_string());
    }
    let Some(path) = &config.secrets_file else {
        return Err("no bot token: set DISCORD_TOKEN or discord.secrets_file in the config".into());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let secrets: Secrets = toml::from_str(&text)
        .map_err(|e| format!("{} must hold `token = \"...\"`: {}", path.display(), e.message()))?;
    Token::new(&secrets.token).ok_or_else(|| format!("the token in {} is empty", path.display()))
}

/// Opens the state store (`init`: an existing empty file is taken as new; a database is always
/// migrated) and runs the bot until it
/// stops or is stopped (SIGINT, SIGTERM); SIGHUP reloads the fact base.
pub fn run(index: Index, config: Config, init: bool) -> Result<ExitCode, String> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(&config.discord.log))
        .map_err(|e| format!("invalid discord.log filter: {e}"))?
        // tungstenite traces whole frames, and IDENTIFY carries the token: never log them.
        .add_directive("tungstenite=off".parse().map_err(|e| format!("{e}"))?);
    // Colour only for a person at a terminal: never in a log file or pipe, and never under NO_COLOR.
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colour).init();
    let token = token(&config.discord)?;
    let store = match config.state.location() {
        StateLocation::File(path) if init => Store::open_init(path),
        StateLocation::File(path) => Store::open(path),
        StateLocation::Database(url) => Store::connect(url),
    };
    let store = store.map_err(|e| e.to_string())?;
    tracing::info!(state = %store.location(), "state store open");
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    let launch = Launch { index, config, store };
    let result = runtime.block_on(discord::run(launch, token));
    // A reload blocked on a hung file must not keep the process alive: stop waiting for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    result.map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
