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
use std::time::{Duration, Instant};

use postgres::{Client, NoTls, Transaction};

use super::{REPORT_TIME_LIMIT, StateError};
pub(super) use watch::watch;

/// How long a statement may run on the bot's connections before the server cancels it: longer than
/// a lock held by a slow write, shorter than a reply waits for.
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long opening a connection may take (for each of the server's addresses).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long sent data may go unacknowledged, or a quiet connection unanswered by the operating
/// system's probes, before the connection is given up: a server that vanished from the network is
/// noticed in seconds, not the quarter of an hour TCP waits by default.
const NETWORK_TIMEOUT: Duration = Duration::from_secs(10);
/// After a failed attempt to connect, calls fail at once for this long instead of each waiting for
/// the server again.
const CONNECT_BACKOFF: Duration = Duration::from_secs(2);
/// A connection unused for this long is checked with a round trip before it is used, so a server
/// restart is noticed before a statement is lost to it.
const IDLE_CHECK: Duration = Duration::from_secs(5);
/// The channel that changes are announced on.
const CHANNEL: &str = "nichiro_changes";

/// A connection and when it was last used.
struct Conn {
    client: Client,
    used: Instant,
}

/// A PostgreSQL state store's connections.
pub(in crate::state) struct Postgres {
    config: postgres::Config,
    location: String,
    read_only: bool,
    conn: Mutex<Option<Conn>>,
    /// A second connection for reports, so a long one never holds up writes (the bot's store only).
    reports: Option<Mutex<Option<Conn>>>,
    /// When connecting last failed, and why.
    failed: Mutex<Option<(Instant, String)>>,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres").field("location", &self.location).finish_non_exhaustive()
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        // The driver's client blocks on its own runtime as it closes, which panics on a thread that
        // drives a tokio runtime: the bot may drop the last handle to its store there.
        let clients = [Some(&mut self.conn), self.reports.as_mut()]
            .into_iter()
            .flatten()
            .filter_map(|slot| slot.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner()).take());
        let clients: Vec<Conn> = clients.collect();
        if !clients.is_empty() && tokio::runtime::Handle::try_current().is_ok() {
            let _ = std::thread::spawn(move || drop(clients)).join();
        }
    }
}

/// `url` without its password, for messages and logs: rebuilt from what the driver reads in it, so
/// no way of writing a password survives; an address the driver cannot read shows as its scheme only
/// (`postgres://me:pw@db/x` → `postgres://me@db:5432/x`).
pub(super) fn redact(url: &str) -> String {
    let Ok(config) = url.parse::<postgres::Config>() else {
        let scheme = url.split_once("://").map_or("postgres", |(scheme, _)| scheme);
        return format!("{scheme}://(an address that could not be read)");
    };
    let ports = config.get_ports();
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(n, host)| {
            let port = ports.get(n).or(ports.first()).copied().unwrap_or(5432);
            match host {
                postgres::config::Host::Tcp(name) => format!("{name}:{port}"),
                #[cfg(unix)]
                postgres::config::Host::Unix(path) => format!("{}:{port}", path.display()),
            }
        })
        .collect();
    let user = config.get_user().map(|user| format!("{user}@")).unwrap_or_default();
    let db = config.get_dbname().unwrap_or_default();
    format!("postgres://{user}{}/{db}", hosts.join(","))
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
        if config.get_tcp_user_timeout().is_none() {
            config.tcp_user_timeout(NETWORK_TIMEOUT);
        }
        config
            .keepalives(true)
            .keepalives_idle(NETWORK_TIMEOUT / 2)
            .keepalives_interval(Duration::from_secs(1));
        config.keepalives_retries(5);
        if config.get_application_name().is_none() {
            config.application_name("nichiro");
        }
        let store = Postgres {
            config,
            location,
            read_only,
            conn: Mutex::new(None),
            reports: (!read_only).then(|| Mutex::new(None)),
            failed: Mutex::new(None),
        };
        let mut client = store.open_client()?;
        if read_only {
            schema::require_current(&mut client, &store.location)?;
        } else {
            // A migration, or the wait for another process's, may take longer than a statement.
            let timeout = |client: &mut Client, millis: u128| {
                let set = client.batch_execute(&format!("SET statement_timeout = {millis}"));
                set.map_err(|source| StateError::Server { what: "set the statement timeout", source })
            };
            timeout(&mut client, 0)?;
            schema::migrate(&mut client, &store.location)?;
            timeout(&mut client, STATEMENT_TIMEOUT.as_millis())?;
        }
        *lock(&store.conn) = Some(Conn { client, used: Instant::now() });
        Ok(store)
    }

    /// A new connection with the session settings every statement relies on; fails at once for a
    /// moment after a failed attempt.
    fn open_client(&self) -> Result<Client, StateError> {
        let connect_err = |source| StateError::Connect { location: self.location.clone(), source };
        if let Some((when, why)) = lock(&self.failed).as_ref()
            && when.elapsed() < CONNECT_BACKOFF
        {
            return Err(StateError::Unreachable { location: self.location.clone(), why: why.clone() });
        }
        let connected = self.config.connect(NoTls).and_then(|mut client| {
            let mut setup = format!("SET statement_timeout = {};", STATEMENT_TIMEOUT.as_millis());
            if self.read_only {
                setup.push_str("SET default_transaction_read_only = on;");
            }
            client.batch_execute(&setup).map(|()| client)
        });
        let error = match connected {
            Ok(client) => {
                *lock(&self.failed) = None;
                return Ok(client);
            }
            Err(source) => connect_err(source),
        };
        *lock(&self.failed) = Some((Instant::now(), error.to_string()));
        Err(error)
    }

    /// Runs `f` on `slot`'s connection, opening one if there is none, the server closed it, or it
    /// sat unused for a while and no longer answers.
    fn with<T>(
        &self,
        slot: &Mutex<Option<Conn>>,
        what: &'static str,
        f: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StateError> {
        let mut guard = lock(slot);
        let kept =
            guard.take().and_then(|mut conn| (!conn.client.is_closed() && usable(&mut conn)).then_some(conn));
        let mut conn = match kept {
            Some(conn) => conn,
            None => Conn { client: self.open_client()?, used: Instant::now() },
        };
        let out = f(&mut conn.client);
        conn.used = Instant::now();
        match out {
            Ok(out) => {
                *guard = Some(conn);
                Ok(out)
            }
            Err(source) => {
                if !ends_connection(&source) {
                    *guard = Some(conn);
                }
                Err(StateError::Server { what, source })
            }
        }
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

/// Locks a mutex, recovering it if another thread panicked while holding it.
fn lock<T>(slot: &Mutex<T>) -> MutexGuard<'_, T> {
    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether `error` leaves its connection unusable: anything but a statement's own error (the
/// connection failed, or the server ended the session), so the next call opens a new one.
fn ends_connection(error: &postgres::Error) -> bool {
    use postgres::error::Severity;
    error
        .as_db_error()
        .is_none_or(|db| matches!(db.parsed_severity(), Some(Severity::Fatal | Severity::Panic)))
}

/// Whether a connection may be used: recently used, or still answering a round trip.
fn usable(conn: &mut Conn) -> bool {
    conn.used.elapsed() < IDLE_CHECK || conn.client.is_valid(NETWORK_TIMEOUT / 2).is_ok()
}

/// Announces `change` to every process listening, when (and only if) `tx` commits.
fn announce(tx: &mut Transaction<'_>, change: &str) -> Result<(), postgres::Error> {
    tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &change]).map(drop)
}

#[cfg(test)]
mod tests;
