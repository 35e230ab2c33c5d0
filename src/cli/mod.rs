//! Subcommands and the options they share.

mod ask;
mod check;
mod eval;
mod invite;
mod serve;
mod study;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nichiro::config::Config;
use nichiro::knowledge::{self, LoadError};
use nichiro::search::Index;

/// nichiro answers questions about Japan–Russia relations from a curated, cited fact base.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// Config file; relative paths in it are relative to its directory [default:
    /// config/nichiro.toml if present, else built-in defaults]
    #[arg(long, global = true, value_name = "FILE", env = "NICHIRO_CONFIG")]
    config: Option<PathBuf>,
    /// Fact-base directory [default: from the config, `knowledge`]
    #[arg(long, global = true, value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// State file (SQLite), used even when the config sets a database (state.url) [default: from
    /// the config, `state/nichiro.sqlite3`]
    #[arg(long, global = true, value_name = "FILE")]
    state: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Answer a question with a passage and its references, or say what nichiro can answer instead.
    ///
    /// With no question, reads one question per line from standard input and answers each in turn.
    Ask {
        /// Print one JSON object per answer (JSON Lines when reading standard input).
        #[arg(long, conflicts_with = "explain")]
        json: bool,
        /// Show how the question was read and scored (for curators), after the answer.
        #[arg(long)]
        explain: bool,
        /// Answer in this language (en, ja or ru) whatever the question is written in [default: the
        /// question's language, by its script]
        #[arg(long, value_name = "LANG")]
        lang: Option<nichiro::lang::Lang>,
        /// The question (several words are joined with spaces).
        question: Vec<String>,
    },
    /// Score a question set (JSON Lines of {"q", "expect"}): list the misses and print the totals.
    Eval {
        /// The question set.
        file: PathBuf,
        /// Instead of listing misses, print the totals at each threshold from 0.20 to 0.80, to
        /// calibrate `matching.decline_below`.
        #[arg(long)]
        sweep: bool,
    },
    /// Run the Discord bot (token from DISCORD_TOKEN, or the config's secrets file) until stopped.
    Serve {
        /// Take an existing empty (or schema-less) state file as a new, empty store instead of
        /// refusing it.
        #[arg(long)]
        init: bool,
    },
    /// List the questions the bot could not answer (grouped) and the most down-voted facts.
    Gaps {
        /// How many days back.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=36500))]
        days: u32,
        /// Only this server (its id) [default: every server]
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
        /// How many questions and facts to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write the approved suggestions as a fact base in the curated format, for curators to review
    /// and merge into the fact base.
    ExportSuggestions {
        /// The directory to write (facts/suggested.toml and sources.toml).
        #[arg(long, value_name = "DIR", default_value = "exported-suggestions")]
        out: PathBuf,
        /// Only this server's suggestions (its id) [default: every server]
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
        /// Replace the files if they exist (never through a symbolic link).
        #[arg(long)]
        force: bool,
    },
    /// Print the address that invites the bot to a server, with its slash commands and the
    /// permissions it uses (the application id from here, the config, or Discord with the token).
    Invite {
        /// The application id (Developer Portal → your application → General Information)
        /// [default: discord.application_id, else asked of Discord with the bot token]
        #[arg(long, value_name = "ID")]
        application_id: Option<u64>,
    },
    /// Load and validate a fact base, listing every problem as file:line:column.
    Check {
        /// The fact-base directory [default: --knowledge, then the config]
        dir: Option<PathBuf>,
    },
}

/// The command line's definition, with what `serve --help` says about the environment and signals.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().mut_subcommand("serve", |serve| serve.after_long_help(serve_environment()))
}

/// The environment variables and signals `serve` reads, listed for `serve --help`.
fn serve_environment() -> String {
    let mut rows = vec![
        ("DISCORD_TOKEN", "the bot token (else the file named by discord.secrets_file)".to_string()),
        ("NICHIRO_CONFIG", "the config file, as --config".to_string()),
        ("RUST_LOG", "the log filter, overriding discord.log".to_string()),
    ];
    rows.extend(nichiro::config::ENV_OVERRIDES.iter().map(|v| (v.name, format!("overrides {}", v.key))));
    let width = rows.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    let mut help = String::from("Environment variables:\n");
    for (name, meaning) in rows {
        help.push_str(&format!("  {name:width$}  {meaning}\n"));
    }
    help.push_str(
        "\nSignals (Unix only; elsewhere Ctrl-C stops and /reload reloads):\n  \
         SIGHUP           reload the fact base\n  \
         SIGINT, SIGTERM  stop within seconds, writing queued unanswered questions; a second one exits at once\n",
    );
    help
}

/// Runs a parsed command line; `Err` is a one-line message for standard error.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    let file = Config::file(cli.config.as_deref());
    let mut config = Config::load(file)
        .and_then(|c| c.with_env(|name| std::env::var(name).ok()))
        .map_err(|e| e.to_string())?;
    if let Some(state) = cli.state {
        config.state.path = state;
        config.state.url = None;
    }
    let dir = cli.knowledge.unwrap_or_else(|| config.knowledge.dir.clone());
    // With no config file and the default directory, that directory is relative to the working
    // directory: a missing fact base then most likely means "run from elsewhere".
    let unconfigured = file.is_none() && dir == nichiro::config::KnowledgeConfig::default().dir;
    let open_index = |dir: &Path, config: &Config| open_index(dir, config, unconfigured);
    match cli.command {
        Command::Check { dir: given } => {
            Ok(check::run(given.as_deref().unwrap_or(&dir), config.matching.settings()))
        }
        Command::Ask { json, explain, lang, question } => {
            let index = open_index(&dir, &config)?;
            let mode = match (json, explain) {
                (true, _) => ask::Mode::Json,
                (false, true) => ask::Mode::Explain,
                (false, false) => ask::Mode::Text,
            };
            piped(ask::run(&index, mode, lang, &question), "cannot read questions or write answers")
        }
        Command::Serve { init } => {
            let index = open_index(&dir, &config)?;
            config.knowledge.dir = dir;
            serve::run(index, config, init)
        }
        Command::Gaps { days, guild, limit } => study::gaps(&config.state, days, guild, limit),
        Command::ExportSuggestions { out, guild, force } => study::export(&config.state, &out, guild, force),
        Command::Invite { application_id } => invite::run(application_id, &config.discord),
        Command::Eval { file, sweep } => {
            let index = open_index(&dir, &config)?;
            let cases = eval::cases(&file)?;
            piped(eval::run(&index, &cases, sweep), "cannot write the results")
        }
    }
}

/// The outcome of a command that writes to standard output: a reader that closed it early
/// (`nichiro eval … | head`) has read all it wanted, which is no error.
fn piped(result: std::io::Result<ExitCode>, what: &str) -> Result<ExitCode, String> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map_err(|e| format!("{what}: {e}")),
    }
}

/// Loads the fact base and builds its index, or says in one line why not (`unconfigured`: no config
/// file was found and no directory named, so the hint says how to name them).
fn open_index(dir: &Path, config: &Config, unconfigured: bool) -> Result<Index, String> {
    match knowledge::load(dir) {
        Ok(kb) => Ok(Index::new(kb, config.matching.settings())),
        Err(e @ LoadError::NotFound(_)) if unconfigured => Err(format!(
            "{e} in this directory, and there is no {} here either: run nichiro from its project \
             directory, or name the config with --config FILE (or NICHIRO_CONFIG)",
            nichiro::config::DEFAULT_PATH
        )),
        Err(e @ LoadError::Invalid(_)) => {
            Err(format!("{} (in {}); run `nichiro check` for all", e, dir.display()))
        }
        Err(e) => Err(e.to_string()),
    }
}
