//! The `[state]` table: where the bot keeps its runtime state.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::BadValue;

/// The `[state]` table.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StateConfig {
    /// The SQLite file, created with its directory on first start (when `url` is unset).
    pub path: PathBuf,
    /// A PostgreSQL database that several bot processes share
    /// (`postgres://user:password@host:port/database`); when set, `path` is not used.
    pub url: Option<String>,
}

impl Default for StateConfig {
    fn default() -> Self {
        StateConfig { path: PathBuf::from("state/nichiro.sqlite3"), url: None }
    }
}

/// Where the state is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateLocation<'a> {
    /// A SQLite file that one process owns.
    File(&'a Path),
    /// A PostgreSQL database, by its address.
    Database(&'a str),
}

impl StateConfig {
    /// The database when `url` is set, else the file.
    ///
    /// ```
    /// use nichiro::config::{StateConfig, StateLocation};
    /// let mut state = StateConfig::default();
    /// assert_eq!(state.location(), StateLocation::File("state/nichiro.sqlite3".as_ref()));
    /// state.url = Some("postgres://db/nichiro".into());
    /// assert_eq!(state.location(), StateLocation::Database("postgres://db/nichiro"));
    /// ```
    pub fn location(&self) -> StateLocation<'_> {
        match &self.url {
            Some(url) => StateLocation::Database(url),
            None => StateLocation::File(&self.path),
        }
    }

    /// A `url` that is not a PostgreSQL address, named without its password.
    pub(super) fn bad_value(&self) -> Option<BadValue> {
        let url = self.url.as_deref()?;
        let error = url.parse::<postgres::Config>().err()?;
        let shown = crate::state::without_password(url);
        Some(BadValue {
            variable: "NICHIRO_STATE_URL",
            message: format!(
                "state.url must be a PostgreSQL address (postgres://user:password@host:port/database), \
                 not {shown:?}: {error}"
            ),
            value: shown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use super::*;

    #[test]
    fn state_url_parsed_and_checked() {
        let c = Config::parse("[state]\nurl = \"postgres://me:pw@db/n\"\n", Path::new("c")).unwrap();
        assert_eq!(c.state.location(), StateLocation::Database("postgres://me:pw@db/n"));
        let e = Config::parse("[state]\nurl = \"postgres://me:pw@db:port/n\"\n", Path::new("c")).unwrap_err();
        let message = e.to_string();
        assert!(message.contains("state.url must be a PostgreSQL address"), "{message}");
        assert!(message.contains("could not be read") && !message.contains("pw"), "{message}");
    }
}
