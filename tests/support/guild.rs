//! Interactions in a test guild, by members and moderators, and reading the bot's responses.

use std::path::Path;

use nichiro::config::Config;
use serde_json::{Value, json};

use super::bot::{self, Bot};
use super::fake_discord::{self as fake, FakeDiscord};

pub const MOD_ID: u64 = 900_000_000_000_000_010;
pub const OTHER_CHANNEL: u64 = 900_000_000_000_000_011;

pub async fn start() -> Bot {
    bot::launch(Config::default(), Path::new("knowledge")).await
}

pub fn moderator() -> Value {
    fake::member(MOD_ID, &[], fake::MANAGE_GUILD)
}

pub fn member(user: u64) -> Value {
    fake::member(user, &[], 0)
}

/// `/name options` run in the test guild by `by`.
pub fn command(id: u64, name: &str, options: Value, by: Value) -> Value {
    let mut interaction = fake::in_guild(fake::slash_command(id, name, options), by);
    interaction["data"]["guild_id"] = json!(fake::GUILD_ID.to_string());
    interaction
}

pub fn ask(id: u64, question: &str, by: Value) -> Value {
    command(id, "ask", json!([{"name": "question", "type": 3, "value": question}]), by)
}

pub fn press(id: u64, custom_id: &str, message: u64, by: Value) -> Value {
    fake::in_guild(fake::button_press_on(id, custom_id, message), by)
}

/// The bot's response to interaction `id`.
pub async fn callback(discord: &FakeDiscord, id: u64) -> Value {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    discord.request(|r| r.path == path).await.body
}

/// The edit of interaction `id`'s original response (after an acknowledgement).
pub async fn edit_of(discord: &FakeDiscord, id: u64) -> Value {
    let path = format!("/api/v10/webhooks/{}/token-{id}/messages/@original", fake::APP_ID);
    discord.request(|r| r.method == "PATCH" && r.path == path).await.body
}

/// The text a response shows: its content and its embeds.
pub fn shown(response: &Value) -> String {
    let data = &response["data"];
    let mut text = data["content"].as_str().unwrap_or_default().to_string();
    for embed in data["embeds"].as_array().into_iter().flatten() {
        text.push_str(&embed.to_string());
    }
    text
}

pub fn is_ephemeral(response: &Value) -> bool {
    response["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

pub fn custom_ids(response: &Value) -> Vec<String> {
    let rows = response["data"]["components"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(String::from))
        .collect()
}

/// Suggests through the form; returns nothing (the suggestion is #1 on a fresh state).
pub async fn suggest(bot: &FakeDiscord, id: u64, question: &str, passage: &str, source: &str) {
    bot.dispatch("INTERACTION_CREATE", command(id, "suggest", json!([]), member(fake::USER_ID)));
    let form = callback(bot, id).await;
    assert_eq!(form["type"], 9, "a modal: {form}");
    assert_eq!(form["data"]["custom_id"], "nichiro:form:suggest");
    let fields: Vec<&str> = form["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["components"][0]["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["question", "passage", "source"]);
    let values = [("question", question), ("passage", passage), ("source", source)];
    bot.dispatch(
        "INTERACTION_CREATE",
        fake::in_guild(fake::form_submit(id + 1, "nichiro:form:suggest", &values), member(fake::USER_ID)),
    );
    let ack = callback(bot, id + 1).await;
    assert!(is_ephemeral(&ack) && shown(&ack).contains("waiting for a moderator's review"), "{ack}");
}

pub const ZEBRA_Q: &str = "Which ship brought zebra mussels to Otaru harbour?";
pub const ZEBRA_P: &str = "Zebra mussels reached Otaru harbour on the freighter Kamome Maru in 1911.";

/// Waits (up to 20 s) until the bot's state counts `askings` unanswered questions in the test guild:
/// they are written in the background, after the answer.
pub async fn gaps_recorded(bot: &Bot, askings: u64) -> nichiro::state::GapReport {
    for _ in 0..200 {
        let report = bot.store().gap_report(Some(fake::GUILD_ID), 0, 100).unwrap();
        if report.unanswered.iter().map(|g| g.count).sum::<u64>() >= askings {
            return report;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the gaps were never written");
}

/// What the member is finally told after pressing a button: the response, or, if the press was
/// deferred (a slow state file), the edit that follows it.
pub async fn final_reply(discord: &FakeDiscord, id: u64) -> Value {
    let response = callback(discord, id).await;
    if response["type"] == 5 {
        // The edit of the original response, or a follow-up message (as poise sends after a defer).
        let original = format!("/api/v10/webhooks/{}/token-{id}", fake::APP_ID);
        let followed = discord
            .request(|r| {
                (r.method == "PATCH" && r.path == format!("{original}/messages/@original"))
                    || (r.method == "POST" && r.path == original)
            })
            .await;
        return json!({"data": followed.body});
    }
    response
}
