//! The shared backend: a PostgreSQL database that several bot processes use at once.
//!
//! Each store holds one connection for writes and, for the bot, one for reports, each behind a
//! mutex; a connection that the server closed is opened again on the next call. Changes other
//! processes must see (settings, approvals) are announced with `NOTIFY` in the transaction that
//! makes them, so they arrive only if it commits; [`watch`] listens for them.

mod queries;
mod schema;
mod watch;

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use postgres::{Client, NoTls, Transaction};

use super::{REPORT_TIME_LIMIT, StateError};
pub(super) use watch::watch;

/// How long a statement may run on the bot's connections before the server cancels it: longer than
/// a lock held by a slow write, shorter than a reply waits for.
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long opening a connection may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The channel that changes are announced on.
const CHANNEL: &str = "nichiro_changes";

/// A PostgreSQL state store's connections.
pub(in crate::state) struct Postgres {
    config: postgres::Config,
    location: String,
    read_only: bool,
    conn: Mutex<Option<Client>>,
    /// A second connection for reports, so a long one never holds up writes (the bot's store only).
    reports: Option<Mutex<Option<Client>>>,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres").field("location", &self.location).finish_non_exhaustive()
    }
}

/// `url` without its password, for messages and logs.
///
/// ```ignore
/// assert_eq!(redact("postgres://me:pw@db/x"), "postgres://me@db/x");
/// ```
pub(super) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        // The key=value form: drop any password=… pair.
        let kept: Vec<&str> = url.split_whitespace().filter(|pair| !pair.starts_with("password=")).collect();
        return kept.join(" ");
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => format!("{}@{host}", user.split(':').next().unwrap_or_default()),
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query.split('&').filter(|pair| !pair.starts_with("password=")).collect();
            if kept.is_empty() { path.to_string() } else { format!("{path}?{}", kept.join("&")) }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

impl Postgres {
    /// Connects to `url`; a writer migrates the schema, a reader (`read_only`) checks it is current.
    pub(super) fn connect(url: &str, read_only: bool) -> Result<Postgres, StateError> {
        let location = redact(url);
        let mut config: postgres::Config =
            url.parse().map_err(|source| StateError::Connect { location: location.clone(), source })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("nichiro");
        let store = Postgres { config, location, read_only, conn: Mutex::new(None), reports: None };
        let mut client = store.open_client()?;
        if read_only {
            schema::require_current(&mut client, &store.location)?;
        } else {
            schema::migrate(&mut client, &store.location)?;
        }
        *lock(&store.conn) = Some(client);
        let reports = if read_only { None } else { Some(Mutex::new(None)) };
        Ok(Postgres { reports, ..store })
    }

    /// A new connection with the session settings every statement relies on.
    fn open_client(&self) -> Result<Client, StateError> {
        let connect_err = |source| StateError::Connect { location: self.location.clone(), source };
        let mut client = self.config.connect(NoTls).map_err(connect_err)?;
        let mut setup = format!("SET statement_timeout = {};", STATEMENT_TIMEOUT.as_millis());
        if self.read_only {
            setup.push_str("SET default_transaction_read_only = on;");
        }
        client.batch_execute(&setup).map_err(connect_err)?;
        Ok(client)
    }

    /// Runs `f` on `slot`'s connection, opening one if there is none or the server closed it.
    fn with<T>(
        &self,
        slot: &Mutex<Option<Client>>,
        what: &'static str,
        f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StateError> {
        let mut guard = lock(slot);
        let mut client = match guard.take() {
            Some(client) if !client.is_closed() => client,
            _ => self.open_client()?,
        };
        let out = f(&mut client);
        *guard = Some(client);
        out.map_err(|source| StateError::Server { what, source })
    }

    /// Runs `f` on the main connection (a read, outside a transaction).
    pub(super) fn read<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StateError> {
        self.with(&self.conn, what, f)
    }

    /// Runs `f` in one transaction on the main connection and commits it.
    pub(super) fn write<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&mut Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, StateError> {
        self.with(&self.conn, what, |client| {
            let mut tx = client.transaction()?;
            let out = f(&mut tx)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// Runs a read on the report connection in a read-only transaction, cut off after
    /// [`REPORT_TIME_LIMIT`] on the bot's store (the command line's reports take as long as they need).
    pub(super) fn report<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&mut Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, StateError> {
        let slot = self.reports.as_ref().unwrap_or(&self.conn);
        let limited = self.reports.is_some();
        self.with(slot, what, |client| {
            let mut tx = client.build_transaction().read_only(true).start()?;
            let limit = if limited { REPORT_TIME_LIMIT.as_millis() } else { 0 };
            tx.batch_execute(&format!("SET LOCAL statement_timeout = {limit}"))?;
            let out = f(&mut tx)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// The schema version recorded in the database.
    pub(super) fn schema_version(&self) -> Result<u32, StateError> {
        self.read("read the schema version", schema::version)
    }
}

/// Locks a connection slot, recovering it if another thread panicked while holding it.
fn lock(slot: &Mutex<Option<Client>>) -> MutexGuard<'_, Option<Client>> {
    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Announces `change` to every process listening, when (and only if) `tx` commits.
fn announce(tx: &mut Transaction<'_>, change: &str) -> Result<(), postgres::Error> {
    tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &change]).map(drop)
}

#[cfg(test)]
mod tests;
