//! Per-server settings that override the configuration file's defaults.

use rusqlite::{Connection, OptionalExtension, params};

use super::{StateError, Store, id_in, id_out, sqlite_or};

/// One server's stored settings; a `None` field means "use the configuration default".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuildSettings {
    /// Channels where the bot answers every question without being mentioned, ascending.
    pub mention_channels: Vec<u64>,
    /// The role whose members may review suggestions and change settings.
    pub moderator_role: Option<u64>,
    /// The match score below which the bot declines to answer.
    pub decline_below: Option<f32>,
    /// How many questions a member may ask per cooldown window.
    pub cooldown_questions: Option<u32>,
    /// The length of the cooldown window in seconds.
    pub cooldown_seconds: Option<u32>,
}

/// A change to one server's settings; `None` fields are left as they are.
///
/// Channel changes apply in the order clear, add, remove.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsChange {
    /// A channel to add to the mention-free channels.
    pub add_channel: Option<u64>,
    /// A channel to remove from the mention-free channels.
    pub remove_channel: Option<u64>,
    /// Whether to empty the mention-free channels first.
    pub clear_channels: bool,
    /// A new moderator role; `Some(None)` clears it.
    pub moderator_role: Option<Option<u64>>,
    /// A new decline threshold; `Some(None)` goes back to the default.
    pub decline_below: Option<Option<f32>>,
    /// A new questions-per-window limit; `Some(None)` goes back to the default.
    pub cooldown_questions: Option<Option<u32>>,
    /// A new window length in seconds; `Some(None)` goes back to the default.
    pub cooldown_seconds: Option<Option<u32>>,
}

impl Store {
    /// The settings of server `guild`; all defaults if it never changed any.
    ///
    /// ```
    /// let store = nichiro::state::Store::open_in_memory().unwrap();
    /// assert_eq!(store.settings(1).unwrap(), nichiro::state::GuildSettings::default());
    /// ```
    pub fn settings(&self, guild: u64) -> Result<GuildSettings, StateError> {
        let db = sqlite_or!(self, pg => pg.settings(guild));
        // On the read-only connection: a write waiting for the file never holds up this read.
        db.report("read server settings", |conn| load(conn, guild))
    }

    /// Applies `change` to server `guild`'s settings in one transaction and returns the result.
    ///
    /// ```
    /// use nichiro::state::{SettingsChange, Store};
    /// let store = Store::open_in_memory().unwrap();
    /// let change = SettingsChange { add_channel: Some(7), decline_below: Some(Some(0.5)), ..Default::default() };
    /// let now = store.change_settings(1, &change).unwrap();
    /// assert_eq!(now.mention_channels, vec![7]);
    /// assert_eq!(now.decline_below, Some(0.5));
    /// assert_eq!(store.settings(1).unwrap(), now);
    /// ```
    pub fn change_settings(&self, guild: u64, change: &SettingsChange) -> Result<GuildSettings, StateError> {
        let db = sqlite_or!(self, pg => pg.change_settings(guild, change));
        db.write("change server settings", |tx| {
            let g = id_in(guild);
            tx.execute("INSERT INTO guild_settings (guild) VALUES (?1) ON CONFLICT DO NOTHING", params![g])?;
            if change.clear_channels {
                tx.execute("DELETE FROM mention_channels WHERE guild = ?1", params![g])?;
            }
            if let Some(channel) = change.add_channel {
                tx.execute(
                    "INSERT INTO mention_channels (guild, channel) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    params![g, id_in(channel)],
                )?;
            }
            if let Some(channel) = change.remove_channel {
                tx.execute(
                    "DELETE FROM mention_channels WHERE guild = ?1 AND channel = ?2",
                    params![g, id_in(channel)],
                )?;
            }
            if let Some(role) = change.moderator_role {
                let role = role.map(id_in);
                tx.execute(
                    "UPDATE guild_settings SET moderator_role = ?2 WHERE guild = ?1",
                    params![g, role],
                )?;
            }
            if let Some(below) = change.decline_below {
                let below = below.map(f64::from);
                tx.execute(
                    "UPDATE guild_settings SET decline_below = ?2 WHERE guild = ?1",
                    params![g, below],
                )?;
            }
            if let Some(n) = change.cooldown_questions {
                tx.execute(
                    "UPDATE guild_settings SET cooldown_questions = ?2 WHERE guild = ?1",
                    params![g, n],
                )?;
            }
            if let Some(secs) = change.cooldown_seconds {
                tx.execute(
                    "UPDATE guild_settings SET cooldown_seconds = ?2 WHERE guild = ?1",
                    params![g, secs],
                )?;
            }
            load(tx, guild)
        })
    }
}

/// Reads one server's settings.
fn load(conn: &Connection, guild: u64) -> rusqlite::Result<GuildSettings> {
    let g = id_in(guild);
    let row = conn
        .query_row(
            "SELECT moderator_role, decline_below, cooldown_questions, cooldown_seconds
             FROM guild_settings WHERE guild = ?1",
            params![g],
            |row| {
                Ok(GuildSettings {
                    mention_channels: Vec::new(),
                    moderator_role: row.get::<_, Option<i64>>(0)?.map(id_out),
                    // Stored from an f32, so narrowing back is exact.
                    decline_below: row.get::<_, Option<f64>>(1)?.map(|v| v as f32),
                    cooldown_questions: row.get(2)?,
                    cooldown_seconds: row.get(3)?,
                })
            },
        )
        .optional()?;
    let Some(mut settings) = row else { return Ok(GuildSettings::default()) };
    let mut stmt = conn.prepare_cached("SELECT channel FROM mention_channels WHERE guild = ?1")?;
    let channels = stmt.query_map(params![g], |row| row.get::<_, i64>(0).map(id_out))?;
    settings.mention_channels = channels.collect::<rusqlite::Result<_>>()?;
    settings.mention_channels.sort_unstable();
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::testing::both_backends;

    fn change() -> SettingsChange {
        SettingsChange::default()
    }

    both_backends!(fn settings_default_when_never_set(store) {
        assert_eq!(store.settings(1).unwrap(), GuildSettings::default());
    });

    both_backends!(fn settings_round_trip_every_field(store) {
        let all = SettingsChange {
            add_channel: Some(10),
            moderator_role: Some(Some(20)),
            decline_below: Some(Some(0.37)),
            cooldown_questions: Some(Some(3)),
            cooldown_seconds: Some(Some(u32::MAX)),
            ..change()
        };
        let expected = GuildSettings {
            mention_channels: vec![10],
            moderator_role: Some(20),
            decline_below: Some(0.37),
            cooldown_questions: Some(3),
            cooldown_seconds: Some(u32::MAX),
        };
        assert_eq!(store.change_settings(1, &all).unwrap(), expected);
        assert_eq!(store.settings(1).unwrap(), expected);
        assert_eq!(store.settings(2).unwrap(), GuildSettings::default(), "settings are per server");
    });

    both_backends!(fn settings_partial_change_leaves_other_fields(store) {
        let first = SettingsChange {
            add_channel: Some(10),
            moderator_role: Some(Some(20)),
            decline_below: Some(Some(0.5)),
            ..change()
        };
        store.change_settings(1, &first).unwrap();
        let now = store
            .change_settings(1, &SettingsChange { cooldown_seconds: Some(Some(60)), ..change() })
            .unwrap();
        assert_eq!(
            now,
            GuildSettings {
                mention_channels: vec![10],
                moderator_role: Some(20),
                decline_below: Some(0.5),
                cooldown_questions: None,
                cooldown_seconds: Some(60),
            }
        );
        assert_eq!(store.change_settings(1, &change()).unwrap(), now, "an empty change changes nothing");
    });

    both_backends!(fn settings_some_none_clears(store) {
        let set = SettingsChange {
            moderator_role: Some(Some(20)),
            decline_below: Some(Some(0.5)),
            cooldown_questions: Some(Some(3)),
            cooldown_seconds: Some(Some(60)),
            ..change()
        };
        store.change_settings(1, &set).unwrap();
        let clear = SettingsChange {
            moderator_role: Some(None),
            decline_below: Some(None),
            cooldown_questions: Some(None),
            cooldown_seconds: Some(None),
            ..change()
        };
        assert_eq!(store.change_settings(1, &clear).unwrap(), GuildSettings::default());
        assert_eq!(store.settings(1).unwrap(), GuildSettings::default());
    });

    both_backends!(fn settings_channels_add_remove_clear(store) {
        for channel in [30, 10, 20, 10] {
            store.change_settings(1, &SettingsChange { add_channel: Some(channel), ..change() }).unwrap();
        }
        assert_eq!(store.settings(1).unwrap().mention_channels, vec![10, 20, 30], "ascending, no duplicates");
        let removed =
            store.change_settings(1, &SettingsChange { remove_channel: Some(20), ..change() }).unwrap();
        assert_eq!(removed.mention_channels, vec![10, 30]);
        let absent =
            store.change_settings(1, &SettingsChange { remove_channel: Some(99), ..change() }).unwrap();
        assert_eq!(absent.mention_channels, vec![10, 30]);
        let reset = SettingsChange { clear_channels: true, add_channel: Some(5), ..change() };
        assert_eq!(store.change_settings(1, &reset).unwrap().mention_channels, vec![5], "clear, then add");
        let cleared = store.change_settings(1, &SettingsChange { clear_channels: true, ..change() }).unwrap();
        assert!(cleared.mention_channels.is_empty());
        assert!(store.settings(1).unwrap().mention_channels.is_empty());
    });

    both_backends!(fn settings_ids_round_trip_u64_max(store) {
        for channel in [u64::MAX, 1 << 63, 7] {
            let add = SettingsChange {
                add_channel: Some(channel),
                moderator_role: Some(Some(u64::MAX)),
                ..change()
            };
            store.change_settings(u64::MAX, &add).unwrap();
        }
        let got = store.settings(u64::MAX).unwrap();
        assert_eq!(got.mention_channels, vec![7, 1 << 63, u64::MAX], "ascending as unsigned");
        assert_eq!(got.moderator_role, Some(u64::MAX));
        assert_eq!(store.settings(u64::MAX - 1).unwrap(), GuildSettings::default());
    });
}
