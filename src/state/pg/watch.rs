//! Following other processes' changes: `LISTEN` on the changes channel, on a connection and a
//! thread of its own.

use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};

use super::super::{Change, StateError};
use super::{CHANNEL, Postgres};

/// The longest wait between attempts to listen again after the connection was lost.
const MOST_BACKOFF: Duration = Duration::from_secs(30);

/// What an announcement says changed.
fn parse(payload: &str) -> Change {
    let (kind, guild) = payload.split_once(' ').unwrap_or((payload, ""));
    match (kind, guild.parse()) {
        ("settings", Ok(guild)) => Change::Settings(guild),
        ("approved", Ok(guild)) => Change::Approved(guild),
        _ => Change::Everything,
    }
}

/// A connection to the server `config` names (`location`, for messages) listening on the changes
/// channel.
fn listener(config: &postgres::Config, location: &str) -> Result<Client, StateError> {
    let connect_err = |source| StateError::Connect { location: location.to_string(), source };
    let mut client = config.connect(NoTls).map_err(connect_err)?;
    client.batch_execute(&format!("LISTEN {CHANNEL}")).map_err(connect_err)?;
    Ok(client)
}

/// Starts listening, then calls `on_change` from a thread of its own for each change another process
/// (or this one) commits, until it returns `false`. A lost connection is opened again with backoff,
/// and [`Change::Everything`] then says that changes may have been missed.
pub(in crate::state) fn watch(
    pg: &Postgres,
    mut on_change: impl FnMut(Change) -> bool + Send + 'static,
) -> Result<(), StateError> {
    let (config, location) = (pg.config.clone(), pg.location.clone());
    let mut client = listener(&config, &location)?;
    std::thread::Builder::new()
        .name("state-watch".into())
        .spawn(move || {
            loop {
                if !follow(&mut client, &mut on_change) {
                    return;
                }
                tracing::warn!(state = %location, "lost the state database's change feed; reconnecting");
                client = listen_again(&config, &location);
                if !on_change(Change::Everything) {
                    return;
                }
            }
        })
        .map(drop)
        .map_err(|source| StateError::Watch { source })
}

/// Passes each announcement on `client` to `on_change` until the connection is lost (`true`) or
/// `on_change` says to stop (`false`).
fn follow(client: &mut Client, on_change: &mut impl FnMut(Change) -> bool) -> bool {
    let mut notifications = client.notifications();
    let mut changes = notifications.blocking_iter();
    loop {
        match changes.next() {
            Ok(Some(n)) if on_change(parse(n.payload())) => {}
            Ok(Some(_)) => return false,
            Ok(None) | Err(_) => return true,
        }
    }
}

/// Listens again, waiting longer after each failure up to [`MOST_BACKOFF`].
fn listen_again(config: &postgres::Config, location: &str) -> Client {
    let mut wait = Duration::from_secs(1);
    loop {
        std::thread::sleep(wait);
        match listener(config, location) {
            Ok(client) => return client,
            Err(error) => tracing::warn!(%error, "still cannot listen for state changes"),
        }
        wait = (wait * 2).min(MOST_BACKOFF);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names_the_server() {
        assert_eq!(parse("settings 42"), Change::Settings(42));
        assert_eq!(parse("approved 18446744073709551615"), Change::Approved(u64::MAX));
        assert_eq!(parse("approved x"), Change::Everything);
        assert_eq!(parse("something new"), Change::Everything);
    }
}
