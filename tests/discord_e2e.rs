//! The bot end to end: the real serenity client and poise framework against a fake Discord on
//! loopback (tests/support/fake_discord.rs).

mod support;

#[path = "common/translated.rs"]
mod translated;
use std::path::Path;
use translated::translated;

use nichiro::config::{Config, DiscordConfig};
use nichiro::discord::{self, Launch, Token};
use nichiro::search::Index;
use nichiro::state::Store;
use serde_json::{Value, json};
use support::bot::{self, Bot};
use support::fake_discord::{self as fake, FakeDiscord};

async fn start() -> Bot {
    start_with(DiscordConfig::default()).await
}

async fn start_with(discord: DiscordConfig) -> Bot {
    bot::launch(Config { discord, ..Config::default() }, Path::new("knowledge")).await
}

/// A bot on another fact base (with the default config).
async fn start_on(knowledge: &Path) -> Bot {
    bot::launch(Config::default(), knowledge).await
}

fn no_mentions(body: &Value) -> bool {
    body["allowed_mentions"]["parse"] == json!([])
}

/// Every message, reply and interaction response the bot has sent so far pings nobody.
fn assert_all_quiet(discord: &FakeDiscord) {
    for r in discord.requests(|r| r.method == "POST" || r.method == "PATCH") {
        let message = if r.path.ends_with("/callback") { &r.body["data"] } else { &r.body };
        if message.is_object() && r.body["type"] != 8 {
            assert!(no_mentions(message), "{} {}: {}", r.method, r.path, r.body);
        }
    }
}

#[tokio::test]
async fn start_up_identifies_and_registers_localised_commands() {
    let discord = start().await;
    let identify = discord.frame(2).await;
    let intents = identify["d"]["intents"].as_u64().unwrap();
    // GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT
    assert_eq!(intents, 1 | (1 << 9) | (1 << 12) | (1 << 15));
    let put = discord.request(|r| r.method == "PUT" && r.path.ends_with("/commands")).await;
    assert_eq!(put.path, format!("/api/v10/applications/{}/commands", fake::APP_ID));
    let ask = put.body.as_array().unwrap().iter().find(|c| c["name"] == "ask").expect("an ask command");
    assert_eq!(ask["name_localizations"]["ja"], "質問");
    assert_eq!(ask["name_localizations"]["ru"], "вопрос");
    assert!(ask["description_localizations"]["ru"].as_str().unwrap().contains("российско-японских"));
    assert_eq!(ask["options"][0]["name"], "question");
    assert_eq!(ask["options"][0]["autocomplete"], true);
    let mut names: Vec<&str> =
        put.body.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "about",
            "ask",
            "gaps",
            "help",
            "leaderboard",
            "quiz",
            "reload",
            "review",
            "settings",
            "source",
            "suggest",
            "timeline",
            "topics"
        ]
    );
    for command in put.body.as_array().unwrap() {
        for locale in ["ja", "ru"] {
            assert!(command["name_localizations"][locale].is_string(), "{command}");
            assert!(command["description_localizations"][locale].is_string(), "{command}");
        }
    }
}

#[tokio::test]
async fn guild_registration_when_configured() {
    let discord = start_with(DiscordConfig { guilds: vec![4242], ..DiscordConfig::default() }).await;
    let put = discord.request(|r| r.method == "PUT").await;
    assert_eq!(put.path, format!("/api/v10/applications/{}/guilds/4242/commands", fake::APP_ID));
}

#[tokio::test]
async fn ask_replies_with_cited_embed_and_no_mentions() {
    let discord = start().await;
    let question =
        json!([{"name": "question", "type": 3, "value": "What did the 1956 Joint Declaration promise?"}]);
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1001, "ask", question));
    let callback = discord.request(|r| r.path == "/api/v10/interactions/1001/token-1001/callback").await;
    assert_eq!(callback.body["type"], 4, "{}", callback.body);
    let data = &callback.body["data"];
    let embed = &data["embeds"][0];
    assert!(embed["description"].as_str().unwrap().contains("Habomai"), "{embed}");
    assert!(embed["fields"][0]["value"].as_str().unwrap().contains("Japan–Russia relations"), "{embed}");
    assert!(no_mentions(data), "{data}");
}

#[tokio::test]
async fn mention_gets_a_reply_and_bots_are_ignored() {
    let discord = start().await;
    let channel = fake::CHANNEL_ID.to_string();
    let from_bot = format!("<@{}> who was Adam Laxman?", fake::BOT_ID);
    discord.dispatch("MESSAGE_CREATE", fake::message_payload(&channel, 42, true, &from_bot, &[fake::BOT_ID]));
    // A reply to the bot "mentions" it without addressing it: no answer.
    discord.dispatch(
        "MESSAGE_CREATE",
        fake::message_payload(&channel, fake::USER_ID, false, "thanks!", &[fake::BOT_ID]),
    );
    let asked = format!("<@{}> @everyone when was the Treaty of Portsmouth signed?", fake::BOT_ID);
    discord.dispatch(
        "MESSAGE_CREATE",
        fake::message_payload(&channel, fake::USER_ID, false, &asked, &[fake::BOT_ID]),
    );
    let reply = discord.request(|r| r.method == "POST" && r.path.ends_with("/messages")).await;
    assert_eq!(reply.path, format!("/api/v10/channels/{channel}/messages"));
    let description = reply.body["embeds"][0]["description"].as_str().unwrap();
    assert!(description.contains("Portsmouth"), "{description}");
    assert!(no_mentions(&reply.body), "{}", reply.body);
    assert!(reply.body["message_reference"]["message_id"].is_string(), "{}", reply.body);
    // A later question's reply, so that a reply to the bot's message would have come by now.
    let later = format!("<@{}> what is the capital of Japan?", fake::BOT_ID);
    discord.dispatch(
        "MESSAGE_CREATE",
        fake::message_payload(&channel, fake::USER_ID, false, &later, &[fake::BOT_ID]),
    );
    discord.request(|r| r.path.ends_with("/messages") && r.body.to_string().contains("Tokyo")).await;
    let replies = discord.requests(|r| r.method == "POST" && r.path.ends_with("/messages"));
    assert_eq!(replies.len(), 2, "neither the bot's message nor the thank-you gets a reply");
    assert!(replies.iter().all(|r| !r.body.to_string().contains("Laxman")));
    assert_all_quiet(&discord);
}

#[tokio::test]
async fn autocomplete_offers_at_most_25_fitting_questions() {
    let discord = start().await;
    let mut interaction = fake::slash_command(
        1002,
        "ask",
        json!([{"name": "question", "type": 3, "value": "kuril", "focused": true}]),
    );
    interaction["type"] = json!(4);
    discord.dispatch("INTERACTION_CREATE", interaction);
    let callback = discord.request(|r| r.path == "/api/v10/interactions/1002/token-1002/callback").await;
    assert_eq!(callback.body["type"], 8, "{}", callback.body);
    let choices = callback.body["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25, "{choices:?}");
    for choice in choices {
        let name = choice["name"].as_str().unwrap();
        assert!(name.chars().count() <= 100 && name.to_lowercase().contains("kuril"), "{name}");
    }
}

fn ask(id: u64, question: &str) -> Value {
    fake::slash_command(id, "ask", json!([{"name": "question", "type": 3, "value": question}]))
}

async fn callback(discord: &FakeDiscord, id: u64) -> Value {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    discord.request(|r| r.path == path).await.body
}

#[tokio::test]
async fn low_confidence_offers_buttons_and_a_press_answers() {
    let discord = start().await;
    discord.dispatch("INTERACTION_CREATE", ask(1101, "capital"));
    let declined = callback(&discord, 1101).await;
    let buttons = declined["data"]["components"][0]["components"].as_array().expect("buttons").clone();
    assert!(!buttons.is_empty() && buttons.len() <= 3, "{declined}");
    let custom_id = buttons[0]["custom_id"].as_str().unwrap();
    assert!(custom_id.starts_with("nichiro:fact:"), "{custom_id}");
    discord.dispatch("INTERACTION_CREATE", fake::button_press(1102, custom_id));
    let answered = callback(&discord, 1102).await;
    assert_eq!(answered["type"], 4, "{answered}");
    let fact = custom_id.trim_start_matches("nichiro:fact:");
    let kb = nichiro::knowledge::load("knowledge").unwrap();
    let passage = &kb.fact(fact).unwrap().passage;
    assert_eq!(answered["data"]["embeds"][0]["description"], json!(passage));
    assert_all_quiet(&discord);
}

#[tokio::test]
async fn cooldown_refuses_ephemerally_without_answering() {
    let config = DiscordConfig { cooldown_questions: 2, cooldown_seconds: 3600, ..DiscordConfig::default() };
    let discord = start_with(config).await;
    for id in [1201, 1202, 1203] {
        discord.dispatch("INTERACTION_CREATE", ask(id, "When was the Treaty of Portsmouth signed?"));
        callback(&discord, id).await;
    }
    let refused = callback(&discord, 1203).await;
    assert_eq!(refused["data"]["flags"], 64, "ephemeral: {refused}");
    assert!(refused["data"]["embeds"].as_array().is_none_or(|e| e.is_empty()), "{refused}");
    assert!(refused["data"]["content"].as_str().unwrap().contains("wait"), "{refused}");
    assert!(callback(&discord, 1201).await["data"]["embeds"][0]["description"].is_string());
}

#[tokio::test]
async fn topics_source_about_and_help() {
    let discord = start().await;
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1301, "topics", json!([])));
    let topics = callback(&discord, 1301).await;
    assert!(
        topics["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("The Kuril Islands and Sakhalin today — ")
    );
    let id = json!([{"name": "id", "type": 3, "value": "kuril-fisherman-killed-2006"}]);
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1302, "source", id));
    let source = callback(&discord, 1302).await;
    assert!(
        source["data"]["embeds"][0]["description"].as_str().unwrap().contains("Justin McCurry"),
        "{source}"
    );
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1303, "about", json!([])));
    let about = callback(&discord, 1303).await;
    assert!(about["data"]["embeds"][0]["description"].as_str().unwrap().contains("CC BY-SA 4.0"), "{about}");
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1304, "help", json!([])));
    let help = callback(&discord, 1304).await;
    let text = help["data"]["embeds"][0]["description"].as_str().unwrap();
    for command in ["/ask", "/source", "/topics", "/about", "/help"] {
        assert!(text.contains(command), "{text}");
    }
    for reply in [&topics, &source, &about, &help] {
        assert!(no_mentions(&reply["data"]), "{reply}");
    }
}

#[tokio::test]
async fn rejected_token_is_a_clear_error() {
    let discord = FakeDiscord::start_rejecting_token().await;
    let mut config = Config::default();
    config.discord.api_base = Some(discord.api_base());
    let index = Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default());
    let launch = Launch { index, config, store: Store::open_in_memory().unwrap() };
    let run = discord::run(launch, Token::new("wrong").unwrap());
    let error = tokio::time::timeout(std::time::Duration::from_secs(30), run).await.expect("the bot gave up");
    assert!(matches!(error, Err(discord::DiscordError::InvalidToken)), "{error:?}");
}

#[tokio::test]
async fn dropped_connection_resumes_and_answers() {
    let discord = start().await;
    discord.drop_connections();
    discord.frame(6).await;
    discord.dispatch("INTERACTION_CREATE", ask(1401, "Who was Adam Laxman?"));
    let answer = callback(&discord, 1401).await;
    assert!(answer["data"]["embeds"][0]["description"].as_str().unwrap().contains("Laxman"));
}

#[tokio::test]
async fn failed_reply_is_logged_and_the_next_is_answered() {
    let discord = start().await;
    discord.fail_next_callback();
    discord.dispatch("INTERACTION_CREATE", ask(1501, "Who was Adam Laxman?"));
    callback(&discord, 1501).await;
    // on_error tells the user in one short sentence, and the detail goes to the log.
    let sorry = discord.request(|r| r.body.to_string().contains("Sorry, something went wrong")).await;
    assert!(!sorry.body.to_string().contains("500"), "no internals shown: {}", sorry.body);
    discord.dispatch("INTERACTION_CREATE", ask(1502, "When was the Treaty of Portsmouth signed?"));
    let answer = callback(&discord, 1502).await;
    assert!(answer["data"]["embeds"][0]["description"].as_str().unwrap().contains("Portsmouth"));
}

#[tokio::test]
async fn malformed_event_is_ignored_and_the_next_served() {
    let discord = start().await;
    discord.send_raw(json!({"op": 0, "s": 999, "t": "INTERACTION_CREATE", "d": {"id": "1"}}));
    discord.send_raw(json!({"op": 0, "s": 1000, "t": "MESSAGE_CREATE", "d": "not an object"}));
    discord.dispatch("INTERACTION_CREATE", ask(1601, "Who was Adam Laxman?"));
    let answer = callback(&discord, 1601).await;
    assert!(answer["data"]["embeds"][0]["description"].as_str().unwrap().contains("Laxman"));
}

/// An event missing a field serenity needs silently becomes an unknown event: every payload the fake
/// sends must deserialize into serenity's own types.
#[test]
fn fixtures_deserialize_into_serenity_types() {
    use poise::serenity_prelude::{Interaction, Message, Ready};
    let addr = "127.0.0.1:1".parse().unwrap();
    serde_json::from_value::<Ready>(fake::ready(addr)).unwrap();
    let channel = fake::CHANNEL_ID.to_string();
    serde_json::from_value::<Message>(fake::message_payload(&channel, 1, false, "hi", &[fake::BOT_ID]))
        .unwrap();
    let command = serde_json::from_value::<Interaction>(ask(1, "q")).unwrap();
    assert!(matches!(command, Interaction::Command(_)));
    let mut autocomplete = ask(2, "q");
    autocomplete["type"] = json!(4);
    assert!(matches!(
        serde_json::from_value::<Interaction>(autocomplete).unwrap(),
        Interaction::Autocomplete(_)
    ));
    let press = serde_json::from_value::<Interaction>(fake::button_press(3, "nichiro:fact:x")).unwrap();
    assert!(matches!(press, Interaction::Component(_)));
    // The study-group payloads: in a guild, by a member, with resolved options, and a submitted form.
    let member = fake::member(fake::USER_ID, &[fake::MODERATOR_ROLE], fake::MANAGE_GUILD);
    let settings =
        fake::with_resolved(fake::in_guild(ask(4, "q"), member.clone()), &[1], &[fake::MODERATOR_ROLE]);
    let Interaction::Command(settings) = serde_json::from_value::<Interaction>(settings).unwrap() else {
        panic!("not a command")
    };
    let by = settings.member.unwrap();
    assert!(by.permissions.unwrap().manage_guild() && by.roles[0].get() == fake::MODERATOR_ROLE);
    assert_eq!(settings.data.resolved.roles.len(), 1);
    let form = fake::in_guild(fake::form_submit(5, "nichiro:form:suggest", &[("question", "q")]), member);
    assert!(matches!(serde_json::from_value::<Interaction>(form).unwrap(), Interaction::Modal(_)));
    let message = fake::guild_message(6, fake::CHANNEL_ID, fake::USER_ID, "1905");
    assert!(serde_json::from_value::<Message>(message).unwrap().guild_id.is_some());
}

#[tokio::test]
async fn timeline_pages_with_buttons() {
    let discord = start().await;
    let years = json!([{"name": "from", "type": 4, "value": 1900}, {"name": "to", "type": 4, "value": 1960}]);
    discord.dispatch("INTERACTION_CREATE", fake::slash_command(1701, "timeline", years));
    let first = callback(&discord, 1701).await;
    let embed = &first["data"]["embeds"][0];
    assert!(embed["title"].as_str().unwrap().starts_with("Timeline, 1900–1960 (page 1 of "), "{embed}");
    let lines: Vec<&str> = embed["description"].as_str().unwrap().lines().collect();
    assert_eq!(lines.len(), 10, "{embed}");
    let buttons = first["data"]["components"][0]["components"].as_array().unwrap();
    assert_eq!(buttons[0]["disabled"], true, "no earlier page on page 1");
    let later = buttons[1]["custom_id"].as_str().unwrap();
    assert_eq!(later, "nichiro:timeline:1900:1960:1");
    discord.dispatch("INTERACTION_CREATE", fake::button_press(1702, later));
    let second = callback(&discord, 1702).await;
    assert_eq!(second["type"], 7, "the page is updated in place: {second}");
    let title = second["data"]["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("(page 2 of "), "{title}");
    assert_ne!(second["data"]["embeds"][0]["description"], embed["description"]);
    assert_all_quiet(&discord);
}

#[tokio::test]
async fn over_long_sources_are_cut_within_limits() {
    let tmp = tempfile::tempdir().unwrap();
    let title = "A very long title of a source that goes on and on ".repeat(6);
    let mut sources = String::new();
    let mut cited = Vec::new();
    for i in 0..8 {
        sources.push_str(&format!("[s{i}]\ntitle = {title:?}\nurl = \"https://example.org/{i}\"\n\n"));
        cited.push(format!("{{ key = \"s{i}\" }}"));
    }
    let passage = format!("{}.", "The longest passage the validator allows ".repeat(24).trim_end());
    let fact = format!(
        "[[fact]]\nid = \"long\"\nsection = \"Test\"\npassage = {passage:?}\nsources = [{}]\n\
         questions = [\"longest passage test?\", \"long passage\", \"validator allows\", \"longest\"]\nkeywords = [\"long\"]\n",
        cited.join(", ")
    );
    std::fs::create_dir_all(tmp.path().join("facts")).unwrap();
    std::fs::write(tmp.path().join("sources.toml"), sources).unwrap();
    std::fs::write(tmp.path().join("facts/long.toml"), translated(&fact)).unwrap();
    let discord = start_on(tmp.path()).await;
    discord.dispatch("INTERACTION_CREATE", ask(1801, "longest passage the validator allows"));
    let embed = callback(&discord, 1801).await["data"]["embeds"][0].clone();
    let chars = |v: &Value| v.as_str().unwrap().chars().count();
    let sources = &embed["fields"][0]["value"];
    assert!(chars(sources) <= 1024 && sources.as_str().unwrap().ends_with('…'), "{sources}");
    assert!(chars(&embed["description"]) <= 4096 && chars(&embed["title"]) <= 256);
    let total = chars(&embed["description"])
        + chars(&embed["title"])
        + chars(sources)
        + chars(&embed["footer"]["text"]);
    assert!(total <= 6000, "{total}");
}

/// Runs `nichiro serve` as a process against the fake, with `token`, until it exits.
fn serve_process(discord: &FakeDiscord, token: &str) -> std::process::Child {
    let dir = tempfile::tempdir().unwrap().keep();
    let config = dir.join("nichiro.toml");
    let state = dir.join("state.sqlite3");
    let text = format!(
        "[discord]\napi_base = {:?}\nlog = \"warn\"\n[state]\npath = {state:?}\n",
        discord.api_base()
    );
    std::fs::write(&config, text).unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", config.to_str().unwrap(), "serve"])
        .env("DISCORD_TOKEN", token)
        .env_remove("RUST_LOG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

async fn exit_of(child: std::process::Child) -> std::process::Output {
    let waiting = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap());
    tokio::time::timeout(std::time::Duration::from_secs(30), waiting)
        .await
        .expect("nichiro serve did not exit")
        .unwrap()
}

#[tokio::test]
async fn serve_with_rejected_token_ends_with_one_clear_line() {
    let discord = FakeDiscord::start_rejecting_token().await;
    let out = exit_of(serve_process(&discord, "wrong")).await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().last(), Some("error: Discord rejected the bot token"), "{stderr}");
    assert!(!stderr.contains("wrong"), "the token must never be printed: {stderr}");
}

/// `nichiro serve`'s log read through a pipe, as a service manager or `2> file` reads it.
#[tokio::test]
async fn serve_log_through_a_pipe_has_no_colour() {
    let discord = FakeDiscord::start_rejecting_token().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("nichiro.toml");
    let state = dir.path().join("state.sqlite3");
    let text = format!(
        "[discord]\napi_base = {:?}\nlog = \"info\"\n[state]\npath = {state:?}\n",
        discord.api_base()
    );
    std::fs::write(&config, text).unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", config.to_str().unwrap(), "serve"])
        .env("DISCORD_TOKEN", "wrong")
        .env_remove("RUST_LOG")
        .env_remove("NO_COLOR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = exit_of(child).await;
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("INFO"), "the log has lines: {stderr}");
    assert!(!stderr.contains('\x1b'), "no escape bytes in a piped log: {stderr:?}");
}

#[cfg(unix)]
#[tokio::test]
async fn serve_stops_cleanly_on_sigterm() {
    let discord = FakeDiscord::start().await;
    let child = serve_process(&discord, "fine");
    discord.request(|r| r.method == "PUT").await;
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let out = exit_of(child).await;
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
