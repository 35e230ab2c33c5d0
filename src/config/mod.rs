//! nichiro's settings from `config/nichiro.toml`: typed, with every key checked.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::search;

mod env;
mod state;

pub use env::{ENV_OVERRIDES, EnvOverride};
pub use state::{StateConfig, StateLocation};

/// Where the default config file lives, relative to the working directory.
pub const DEFAULT_PATH: &str = "config/nichiro.toml";

/// All settings.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where the fact base is.
    pub knowledge: KnowledgeConfig,
    /// How questions are matched.
    pub matching: MatchingConfig,
    /// The Discord bot.
    pub discord: DiscordConfig,
    /// Where runtime state (votes, suggestions, scores, settings) is kept.
    pub state: StateConfig,
    /// Study-group features: quizzes and gap recording.
    pub study: StudyConfig,
}

/// The `[study]` table.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StudyConfig {
    /// Seconds members have to answer each quiz question.
    pub quiz_round_seconds: u64,
    /// Rounds in a quiz when `/quiz start` does not say.
    pub quiz_rounds: u32,
    /// The most rounds a quiz may have.
    pub quiz_max_rounds: u32,
    /// Answered questions below this confidence are recorded as gaps too (declined ones always are).
    pub gap_below: f32,
    /// Gaps not asked again for this many days are deleted.
    pub gap_days: u32,
    /// At most this many distinct unanswered questions are kept per server.
    pub gaps_per_server: usize,
}

impl Default for StudyConfig {
    fn default() -> Self {
        let keep = crate::state::Retention::default();
        StudyConfig {
            quiz_round_seconds: 30,
            quiz_rounds: 5,
            quiz_max_rounds: 20,
            gap_below: 0.6,
            gap_days: keep.days,
            gaps_per_server: keep.per_server,
        }
    }
}

impl StudyConfig {
    /// How long and how many gaps are kept.
    ///
    /// ```
    /// let study = nichiro::config::StudyConfig { gap_days: 30, ..Default::default() };
    /// assert_eq!(study.retention().days, 30);
    /// ```
    pub fn retention(&self) -> crate::state::Retention {
        crate::state::Retention { days: self.gap_days, per_server: self.gaps_per_server }
    }
}

/// The `[discord]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DiscordConfig {
    /// Register commands in these guilds only (fast, for testing); empty: globally.
    pub guilds: Vec<u64>,
    /// Answer mentions only in these channels; empty: in any channel the bot can read.
    pub mention_channels: Vec<u64>,
    /// Questions a user may ask per cooldown window.
    pub cooldown_questions: u32,
    /// The cooldown window, in seconds.
    pub cooldown_seconds: u64,
    /// User ids of the bot's owners.
    pub owners: Vec<u64>,
    /// Log filter (tracing `EnvFilter` syntax); `RUST_LOG` overrides it.
    pub log: String,
    /// A file holding the bot token (`token = "..."`), used when `DISCORD_TOKEN` is not set.
    pub secrets_file: Option<PathBuf>,
    /// Base address of the Discord API, for a proxy or a test double; empty: Discord itself.
    pub api_base: Option<String>,
    /// The application id, for `nichiro invite`; unset: asked of Discord with the token.
    pub application_id: Option<u64>,
    /// The gateway shards this process runs; unset: all of them, as many as Discord recommends.
    pub shards: Option<Shards>,
}

/// `discord.shards`: which of the bot's gateway shards this process runs, so that several
/// processes (on several machines) can share a bot's servers.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Shards {
    /// How many shards the bot has in all, across every process.
    pub total: u32,
    /// The first shard this process runs.
    #[serde(default)]
    pub first: u32,
    /// How many shards this process runs from `first` [default: the rest, `total - first`].
    pub count: Option<u32>,
}

impl Shards {
    /// The shard ids this process runs.
    ///
    /// ```
    /// use nichiro::config::Shards;
    /// assert_eq!(Shards { total: 4, first: 2, count: None }.range(), 2..4);
    /// assert_eq!(Shards { total: 4, first: 0, count: Some(1) }.range(), 0..1);
    /// ```
    pub fn range(&self) -> std::ops::Range<u32> {
        let count = self.count.unwrap_or(self.total.saturating_sub(self.first));
        self.first..self.first.saturating_add(count)
    }

    fn bad_value(&self) -> Option<BadValue> {
        let bad = |variable, value: u32, message: String| {
            Some(BadValue { variable, value: value.to_string(), message })
        };
        if self.total == 0 {
            return bad("NICHIRO_DISCORD_SHARDS_TOTAL", 0, "discord.shards.total must be at least 1".into());
        }
        if self.first >= self.total {
            let message = format!("discord.shards.first must be below discord.shards.total ({})", self.total);
            return bad("NICHIRO_DISCORD_SHARDS_FIRST", self.first, message);
        }
        let count = self.range().len() as u32;
        if count == 0 || self.range().end > self.total {
            let message = format!(
                "discord.shards.count must be between 1 and {} (the shards from first to total), not {count}",
                self.total - self.first
            );
            return bad("NICHIRO_DISCORD_SHARDS_COUNT", count, message);
        }
        None
    }
}

impl Default for DiscordConfig {
    fn default() -> Self {
        DiscordConfig {
            guilds: Vec::new(),
            mention_channels: Vec::new(),
            cooldown_questions: 5,
            cooldown_seconds: 30,
            owners: Vec::new(),
            log: "info,serenity=warn,poise=warn".into(),
            secrets_file: None,
            api_base: None,
            application_id: None,
            shards: None,
        }
    }
}

/// The `[knowledge]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct KnowledgeConfig {
    /// The fact-base directory.
    pub dir: PathBuf,
}

impl Default for KnowledgeConfig {
    fn default() -> Self {
        KnowledgeConfig { dir: PathBuf::from("knowledge") }
    }
}

/// The `[matching]` table.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MatchingConfig {
    /// Confidence below which nichiro declines, in [0, 1].
    pub decline_below: f32,
}

impl Default for MatchingConfig {
    fn default() -> Self {
        MatchingConfig { decline_below: search::DEFAULT_DECLINE_BELOW }
    }
}

impl MatchingConfig {
    /// The search settings these values give.
    ///
    /// ```
    /// let m = nichiro::config::MatchingConfig { decline_below: 0.5 };
    /// assert_eq!(m.settings().decline_below, 0.5);
    /// ```
    pub fn settings(&self) -> search::Settings {
        search::Settings { decline_below: self.decline_below }
    }
}

/// Why the config could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {}: {source}", path.display())]
    Io {
        /// The config file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An environment override has a value of the wrong kind.
    #[error("environment variable {name} has an invalid value {value:?}")]
    Env {
        /// The variable.
        name: String,
        /// Its value.
        value: String,
    },
    /// The file is not valid: unknown key, wrong type, bad TOML.
    #[error("invalid config {}: {message}", path.display())]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// What is wrong, naming the key and position.
        message: String,
    },
}

impl Config {
    /// Parses config text; `path` is only used in messages.
    ///
    /// ```
    /// use nichiro::config::Config;
    /// let c = Config::parse("[matching]\ndecline_below = 0.5\n", "x.toml".as_ref()).unwrap();
    /// assert_eq!(c.matching.decline_below, 0.5);
    /// let e = Config::parse("[matching]\ndecline = 0.5\n", "x.toml".as_ref()).unwrap_err();
    /// assert!(e.to_string().contains("decline"));
    /// ```
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid { path: path.to_path_buf(), message };
        let config: Config = toml::from_str(text).map_err(|e| invalid(one_line(&e.to_string())))?;
        match config.bad_value() {
            Some(bad) => Err(invalid(bad.message)),
            None => Ok(config),
        }
    }

    /// Reads the config at `path`; when `path` is `None`, reads [`DEFAULT_PATH`] if it exists and
    /// otherwise uses the defaults. Relative paths the file sets are relative to the file's own
    /// directory, so the bot runs the same from any working directory; the defaults of keys it
    /// leaves out are relative to the working directory.
    ///
    /// ```
    /// let c = nichiro::config::Config::load(Some("config/nichiro.toml".as_ref())).unwrap();
    /// assert_eq!(c.knowledge.dir, std::path::PathBuf::from("config/../knowledge"));
    /// ```
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = Config::file(path) else { return Ok(Config::default()) };
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Io { path: path.to_path_buf(), source })?;
        let mut config = Config::parse(&text, path)?;
        config.relative_to(&text, path.parent().unwrap_or(Path::new("")));
        Ok(config)
    }

    /// The config file [`Config::load`] reads: `path`, else [`DEFAULT_PATH`] if it exists, else none.
    ///
    /// ```
    /// use nichiro::config::Config;
    /// assert_eq!(Config::file(None), Some("config/nichiro.toml".as_ref()));
    /// assert_eq!(Config::file(Some("x.toml".as_ref())), Some("x.toml".as_ref()));
    /// ```
    pub fn file(path: Option<&Path>) -> Option<&Path> {
        path.or_else(|| Some(Path::new(DEFAULT_PATH)).filter(|p| p.exists()))
    }

    /// Joins `dir` to each relative path that the config `text` sets.
    fn relative_to(&mut self, text: &str, dir: &Path) {
        let table: toml::Table = toml::from_str(text).unwrap_or_default();
        let set = |table_name: &str, key: &str| table.get(table_name).and_then(|t| t.get(key)).is_some();
        let join = |path: &mut PathBuf| {
            if path.is_relative() {
                *path = dir.join(&*path);
            }
        };
        if set("knowledge", "dir") {
            join(&mut self.knowledge.dir);
        }
        if set("state", "path") {
            join(&mut self.state.path);
        }
        if let Some(secrets) = self.discord.secrets_file.as_mut() {
            join(secrets);
        }
    }
}

/// A value of the right type but out of bounds, wherever it came from (file or environment).
struct BadValue {
    variable: &'static str,
    value: String,
    message: String,
}

impl Config {
    fn bad_value(&self) -> Option<BadValue> {
        if let Some(bad) = self.study.bad_value() {
            return Some(bad);
        }
        if let Some(bad) = self.discord.shards.and_then(|s| s.bad_value()) {
            return Some(bad);
        }
        if let Some(bad) = self.state.bad_value() {
            return Some(bad);
        }
        let threshold = self.matching.decline_below;
        if !(0.0..=1.0).contains(&threshold) {
            return Some(BadValue {
                variable: "NICHIRO_DECLINE_BELOW",
                value: threshold.to_string(),
                message: format!("matching.decline_below must be between 0 and 1, not {threshold}"),
            });
        }
        let base = self.discord.api_base.as_deref()?;
        let rest = base.strip_prefix("https://").or_else(|| base.strip_prefix("http://"));
        let valid = rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace));
        (!valid).then(|| BadValue {
            variable: "NICHIRO_DISCORD_API_BASE",
            value: base.to_string(),
            message: format!("discord.api_base must be an http:// or https:// address, not {base:?}"),
        })
    }
}

impl StudyConfig {
    fn bad_value(&self) -> Option<BadValue> {
        let bad = |variable, value: String, message: String| Some(BadValue { variable, value, message });
        if !(0.0..=1.0).contains(&self.gap_below) {
            let message = format!("study.gap_below must be between 0 and 1, not {}", self.gap_below);
            return bad("NICHIRO_STUDY_GAP_BELOW", self.gap_below.to_string(), message);
        }
        if !(1..=3650).contains(&self.gap_days) {
            let message = format!("study.gap_days must be between 1 and 3650, not {}", self.gap_days);
            return bad("NICHIRO_STUDY_GAP_DAYS", self.gap_days.to_string(), message);
        }
        if !(1..=100_000).contains(&self.gaps_per_server) {
            let message =
                format!("study.gaps_per_server must be between 1 and 100000, not {}", self.gaps_per_server);
            return bad("NICHIRO_STUDY_GAPS_PER_SERVER", self.gaps_per_server.to_string(), message);
        }
        if !(1..=600).contains(&self.quiz_round_seconds) {
            let message = format!(
                "study.quiz_round_seconds must be between 1 and 600, not {}",
                self.quiz_round_seconds
            );
            return bad("NICHIRO_STUDY_QUIZ_ROUND_SECONDS", self.quiz_round_seconds.to_string(), message);
        }
        if self.quiz_max_rounds == 0 || !(1..=self.quiz_max_rounds).contains(&self.quiz_rounds) {
            let message = format!(
                "study.quiz_rounds must be between 1 and study.quiz_max_rounds ({}), not {}",
                self.quiz_max_rounds, self.quiz_rounds
            );
            return bad("NICHIRO_STUDY_QUIZ_ROUNDS", self.quiz_rounds.to_string(), message);
        }
        None
    }
}

/// toml's messages span several lines (a source excerpt); keep the first line and the explanation.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let head = lines.first().copied().unwrap_or_default();
    let detail = lines
        .iter()
        .rev()
        .find(|l| !l.starts_with('|') && !l.chars().next().is_some_and(|c| c.is_ascii_digit()));
    match detail {
        Some(d) if *d != head => format!("{head}: {d}"),
        _ => head.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_empty_gives_defaults() {
        assert_eq!(Config::parse("", Path::new("c")).unwrap(), Config::default());
    }

    #[test]
    fn parse_unknown_key_names_it() {
        let e = Config::parse("[knowledge]\ndirectory = \"k\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("directory"), "{e}");
        assert!(!e.to_string().contains('\n'), "{e}");
    }

    #[test]
    fn parse_empty_api_base_rejected() {
        let e = Config::parse("[discord]\napi_base = \"\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("discord.api_base"), "{e}");
        let env = |name: &str| (name == "NICHIRO_DISCORD_API_BASE").then(String::new);
        assert!(Config::default().with_env(env).is_err());
    }

    #[test]
    fn parse_threshold_out_of_range() {
        let e = Config::parse("[matching]\ndecline_below = 1.5\n", Path::new("c.toml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid config c.toml: matching.decline_below must be between 0 and 1, not 1.5"
        );
    }

    #[test]
    fn parse_study_bounds_named() {
        let e = Config::parse("[study]\ngap_below = 2.0\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("study.gap_below must be between 0 and 1"), "{e}");
        let e = Config::parse("[study]\nquiz_rounds = 30\n", Path::new("c.toml")).unwrap_err();
        assert!(
            e.to_string().contains("study.quiz_rounds must be between 1 and study.quiz_max_rounds (20)"),
            "{e}"
        );
        let e = Config::parse("[study]\nquiz_round_seconds = 0\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().contains("quiz_round_seconds"), "{e}");
    }

    #[test]
    fn parse_shards_range_checked() {
        let c = Config::parse("[discord]\nshards = { total = 4, first = 2 }\n", Path::new("c")).unwrap();
        assert_eq!(c.discord.shards.map(|s| s.range()), Some(2..4));
        for (text, says) in [
            ("{ total = 0 }", "discord.shards.total must be at least 1"),
            ("{ total = 2, first = 2 }", "discord.shards.first must be below discord.shards.total (2)"),
            ("{ total = 4, first = 1, count = 4 }", "discord.shards.count must be between 1 and 3"),
            ("{ total = 4, count = 0 }", "discord.shards.count must be between 1 and 4"),
        ] {
            let e = Config::parse(&format!("[discord]\nshards = {text}\n"), Path::new("c")).unwrap_err();
            assert!(e.to_string().contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn shipped_config_is_the_defaults() {
        // The shipped file names the default places from its own directory.
        let shipped = Config::load(Some(Path::new(DEFAULT_PATH))).unwrap();
        assert_eq!(shipped.knowledge.dir, Path::new("config/../knowledge"));
        assert_eq!(shipped.state.path, Path::new("config/../state/nichiro.sqlite3"));
        let defaults = Config::default();
        let paths_as_defaults =
            Config { knowledge: defaults.knowledge.clone(), state: defaults.state.clone(), ..shipped };
        assert_eq!(paths_as_defaults, defaults);
    }

    #[test]
    fn load_paths_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nichiro.toml");
        let text = "[knowledge]\ndir = \"facts\"\n[state]\npath = \"/srv/s.sqlite3\"\n\
                    [discord]\nsecrets_file = \"secrets.toml\"\n";
        std::fs::write(&file, text).unwrap();
        let c = Config::load(Some(&file)).unwrap();
        assert_eq!(c.knowledge.dir, dir.path().join("facts"));
        assert_eq!(c.state.path, PathBuf::from("/srv/s.sqlite3"));
        assert_eq!(c.discord.secrets_file, Some(dir.path().join("secrets.toml")));
        std::fs::write(&file, "").unwrap();
        assert_eq!(Config::load(Some(&file)).unwrap().knowledge.dir, PathBuf::from("knowledge"));
    }
}
