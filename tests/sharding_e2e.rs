//! Several `nichiro serve` processes sharing one bot's servers through gateway shards (issue 13):
//! the real binary, twice, against a fake Discord that routes each server's events to its shard.

mod support;

use std::path::Path;

use serde_json::json;
use support::fake_discord::{self as fake, FakeDiscord};
use support::serving::Serving;

/// `nichiro serve` with its own state in `dir`, running the shards `shards` (a TOML inline table,
/// or `None` for the default) with the bot token `token`, against the Discord at `api_base`.
fn serve(api_base: &str, dir: &Path, shards: Option<&str>, token: &str) -> Serving {
    let config = dir.join("nichiro.toml");
    let shards = shards.map(|s| format!("shards = {s}\n")).unwrap_or_default();
    let text = format!(
        "[discord]\napi_base = {api_base:?}\nlog = \"warn\"\n{shards}[state]\npath = {:?}\n",
        dir.join("state.sqlite3")
    );
    std::fs::write(&config, text).unwrap();
    support::serving::serve(&config, token)
}

/// A server id whose events Discord sends to `shard` of 2: bits 22 and up pick the shard.
fn guild_on_shard(shard: u64) -> u64 {
    (1_000 + shard) << 22
}

/// A question mentioning the bot, in `channel` of `guild`.
fn mention_in(guild: u64, channel: u64, message: u64) -> serde_json::Value {
    let text = format!("<@{}> When was the Treaty of Portsmouth signed?", fake::BOT_ID);
    let mut payload = fake::guild_message(message, channel, fake::USER_ID, &text);
    payload["guild_id"] = json!(guild.to_string());
    payload
}

#[tokio::test(flavor = "multi_thread")]
async fn shards_split_servers_between_processes() {
    let discord = FakeDiscord::start_sharded(2).await;
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let _first = serve(&discord.api_base(), a.path(), Some("{ total = 2, first = 0, count = 1 }"), "token-a");
    let _second = serve(&discord.api_base(), b.path(), Some("{ total = 2, first = 1 }"), "token-b");
    assert_eq!(discord.identified(0).await["d"]["shard"], json!([0, 2]));
    assert_eq!(discord.identified(1).await["d"]["shard"], json!([1, 2]));
    // The process running shard 0 registers the commands, and only it.
    discord.request(|r| r.method == "PUT" && r.path.ends_with("/commands")).await;

    let (channel_a, channel_b) = (910_000_000_000_000_001u64, 910_000_000_000_000_002u64);
    discord.dispatch("MESSAGE_CREATE", mention_in(guild_on_shard(0), channel_a, 7001));
    discord.dispatch("MESSAGE_CREATE", mention_in(guild_on_shard(1), channel_b, 7002));
    let in_channel = |channel: u64| {
        move |r: &support::fake_discord::Recorded| {
            r.method == "POST" && r.path == format!("/api/v10/channels/{channel}/messages")
        }
    };
    let reply_a = discord.request(in_channel(channel_a)).await;
    let reply_b = discord.request(in_channel(channel_b)).await;
    assert_eq!(reply_a.token, "token-a", "shard 0's server is answered by the first process");
    assert_eq!(reply_b.token, "token-b", "shard 1's server is answered by the second process");
    assert!(reply_a.body.to_string().contains("Portsmouth"), "{}", reply_a.body);
    assert!(reply_b.body.to_string().contains("Portsmouth"), "{}", reply_b.body);

    // Each message was answered once, though both processes are connected.
    discord.dispatch("MESSAGE_CREATE", mention_in(guild_on_shard(1), channel_a, 7003));
    discord.request(|r| in_channel(channel_a)(r) && r.token == "token-b").await;
    assert_eq!(discord.requests(in_channel(channel_a)).len(), 2);
    assert_eq!(discord.requests(in_channel(channel_b)).len(), 1);
    let registered = discord.requests(|r| r.method == "PUT" && r.path.ends_with("/commands"));
    assert!(registered.iter().all(|r| r.token == "token-a"), "{registered:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn shards_default_to_discords_recommendation() {
    let discord = FakeDiscord::start_sharded(2).await;
    let dir = tempfile::tempdir().unwrap();
    let _serving = serve(&discord.api_base(), dir.path(), None, "token-a");
    assert_eq!(discord.identified(0).await["d"]["shard"], json!([0, 2]));
    // serenity waits 5 s between two IDENTIFYs, as Discord asks.
    assert_eq!(discord.identified(1).await["d"]["shard"], json!([1, 2]));
    assert_eq!(discord.requests(|r| r.path == "/api/v10/gateway/bot").len(), 1);
}
