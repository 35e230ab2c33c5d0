//! Environment variables that override the config file, for deployments (one per key).

use std::path::PathBuf;

use super::{Config, ConfigError};

/// An environment variable that overrides one config key, for deployments.
pub struct EnvOverride {
    /// The variable.
    pub name: &'static str,
    /// The key it overrides.
    pub key: &'static str,
    apply: fn(&mut Config, &str, &str) -> Result<(), ConfigError>,
}

fn parse_env<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Env { name: name.to_string(), value: value.to_string() })
}

fn parse_ids(name: &str, value: &str) -> Result<Vec<u64>, ConfigError> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(|v| parse_env(name, v)).collect()
}

fn path(_: &str, value: &str) -> Result<PathBuf, ConfigError> {
    Ok(PathBuf::from(value))
}

fn text(_: &str, value: &str) -> Result<String, ConfigError> {
    Ok(value.to_string())
}

fn some<T>(
    read: fn(&str, &str) -> Result<T, ConfigError>,
) -> impl Fn(&str, &str) -> Result<Option<T>, ConfigError> {
    move |name, value| read(name, value).map(Some)
}

/// One row of [`ENV_OVERRIDES`]: the variable, the key, and how its value is read into the field.
macro_rules! env_override {
    // A key of `discord.shards`, which an override creates when the file has none.
    ($name:literal, discord.shards.$field:ident by $read:expr) => {
        EnvOverride {
            name: $name,
            key: concat!("discord.shards.", stringify!($field)),
            apply: |c: &mut Config, name: &str, value: &str| {
                c.discord.shards.get_or_insert_default().$field = $read(name, value)?;
                Ok(())
            },
        }
    };
    ($name:literal, $($field:ident).+ by $read:expr) => {
        EnvOverride {
            name: $name,
            key: stringify!($($field).+),
            apply: |c: &mut Config, name: &str, value: &str| {
                c.$($field).+ = $read(name, value)?;
                Ok(())
            },
        }
    };
}

/// The environment variables that override the config file (ids as comma-separated lists). Paths
/// given here are relative to the working directory, as on the command line.
pub const ENV_OVERRIDES: &[EnvOverride] = &[
    env_override!("NICHIRO_KNOWLEDGE_DIR", knowledge.dir by path),
    env_override!("NICHIRO_DECLINE_BELOW", matching.decline_below by parse_env),
    env_override!("NICHIRO_DISCORD_GUILDS", discord.guilds by parse_ids),
    env_override!("NICHIRO_DISCORD_MENTION_CHANNELS", discord.mention_channels by parse_ids),
    env_override!("NICHIRO_DISCORD_COOLDOWN_QUESTIONS", discord.cooldown_questions by parse_env),
    env_override!("NICHIRO_DISCORD_COOLDOWN_SECONDS", discord.cooldown_seconds by parse_env),
    env_override!("NICHIRO_DISCORD_OWNERS", discord.owners by parse_ids),
    env_override!("NICHIRO_DISCORD_LOG", discord.log by text),
    env_override!("NICHIRO_DISCORD_SECRETS_FILE", discord.secrets_file by some(path)),
    env_override!("NICHIRO_DISCORD_API_BASE", discord.api_base by some(text)),
    env_override!("NICHIRO_DISCORD_APPLICATION_ID", discord.application_id by some(parse_env)),
    env_override!("NICHIRO_DISCORD_SHARDS_TOTAL", discord.shards.total by parse_env),
    env_override!("NICHIRO_DISCORD_SHARDS_FIRST", discord.shards.first by parse_env),
    env_override!("NICHIRO_DISCORD_SHARDS_COUNT", discord.shards.count by some(parse_env)),
    env_override!("NICHIRO_STATE_PATH", state.path by path),
    env_override!("NICHIRO_STATE_URL", state.url by some(text)),
    env_override!("NICHIRO_STUDY_QUIZ_ROUND_SECONDS", study.quiz_round_seconds by parse_env),
    env_override!("NICHIRO_STUDY_GAP_BELOW", study.gap_below by parse_env),
    env_override!("NICHIRO_STUDY_GAP_DAYS", study.gap_days by parse_env),
    env_override!("NICHIRO_STUDY_GAPS_PER_SERVER", study.gaps_per_server by parse_env),
];

impl Config {
    /// Applies the [`ENV_OVERRIDES`] found by `lookup`.
    ///
    /// ```
    /// use nichiro::config::Config;
    /// let env = |name: &str| (name == "NICHIRO_DISCORD_GUILDS").then(|| "1, 2".to_string());
    /// assert_eq!(Config::default().with_env(env).unwrap().discord.guilds, [1, 2]);
    /// let bad = |name: &str| (name == "NICHIRO_DECLINE_BELOW").then(|| "high".to_string());
    /// assert!(Config::default().with_env(bad).unwrap_err().to_string().contains("NICHIRO_DECLINE_BELOW"));
    /// ```
    pub fn with_env(mut self, lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        for var in ENV_OVERRIDES {
            if let Some(value) = lookup(var.name) {
                (var.apply)(&mut self, var.name, &value)?;
            }
        }
        match self.bad_value() {
            Some(bad) => Err(ConfigError::Env { name: bad.variable.into(), value: bad.value }),
            None => Ok(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An environment holding only `vars`.
    fn only(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn env_state_path_and_quiz_time() {
        let env = only(&[
            ("NICHIRO_STATE_PATH", "/srv/nichiro.sqlite3"),
            ("NICHIRO_STUDY_QUIZ_ROUND_SECONDS", "45"),
        ]);
        let c = Config::default().with_env(env).unwrap();
        assert_eq!(c.state.path, PathBuf::from("/srv/nichiro.sqlite3"));
        assert_eq!(c.study.quiz_round_seconds, 45);
        let bad = only(&[("NICHIRO_STUDY_GAP_BELOW", "-1")]);
        assert!(Config::default().with_env(bad).unwrap_err().to_string().contains("NICHIRO_STUDY_GAP_BELOW"));
    }

    #[test]
    fn env_shards_make_a_range() {
        let env = only(&[
            ("NICHIRO_DISCORD_SHARDS_TOTAL", "6"),
            ("NICHIRO_DISCORD_SHARDS_FIRST", "3"),
            ("NICHIRO_DISCORD_SHARDS_COUNT", "2"),
        ]);
        assert_eq!(Config::default().with_env(env).unwrap().discord.shards.map(|s| s.range()), Some(3..5));
        let e = Config::default().with_env(only(&[("NICHIRO_DISCORD_SHARDS_FIRST", "1")])).unwrap_err();
        assert!(e.to_string().contains("NICHIRO_DISCORD_SHARDS_TOTAL"), "{e}");
    }

    #[test]
    fn env_gap_retention_applies() {
        let env = only(&[("NICHIRO_STUDY_GAP_DAYS", "30"), ("NICHIRO_STUDY_GAPS_PER_SERVER", "50")]);
        let c = Config::default().with_env(env).unwrap();
        assert_eq!((c.study.gap_days, c.study.gaps_per_server), (30, 50));
    }

    #[test]
    fn env_overrides_each_name_a_key() {
        let keys: Vec<&str> = ENV_OVERRIDES.iter().map(|v| v.key).collect();
        assert!(keys.contains(&"study.gaps_per_server") && keys.contains(&"discord.api_base"), "{keys:?}");
        for var in ENV_OVERRIDES {
            let expected = format!("NICHIRO_{}", var.key.replace('.', "_").to_uppercase());
            let shortened = expected.replace("MATCHING_", "");
            assert!(var.name == expected || var.name == shortened, "{} for {}", var.name, var.key);
        }
    }
}
