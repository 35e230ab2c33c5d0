//! Study groups end to end through the fake Discord: moderators and settings, votes, gaps,
//! suggestions and review, quizzes, reload, and durable state.

mod support;

use std::path::Path;

use nichiro::config::Config;
use nichiro::state::Status;
use serde_json::{Value, json};
use support::bot::{self, Bot};
use support::fake_discord::{self as fake};

const MOD_ID: u64 = 900_000_000_000_000_010;
const OTHER_CHANNEL: u64 = 900_000_000_000_000_011;

async fn start() -> Bot {
    bot::launch(Config::default(), Path::new("knowledge")).await
}

fn moderator() -> Value {
    fake::member(MOD_ID, &[], fake::MANAGE_GUILD)
}

fn member(user: u64) -> Value {
    fake::member(user, &[], 0)
}

/// `/name options` run in the test guild by `by`.
fn command(id: u64, name: &str, options: Value, by: Value) -> Value {
    let mut interaction = fake::in_guild(fake::slash_command(id, name, options), by);
    interaction["data"]["guild_id"] = json!(fake::GUILD_ID.to_string());
    interaction
}

fn ask(id: u64, question: &str, by: Value) -> Value {
    command(id, "ask", json!([{"name": "question", "type": 3, "value": question}]), by)
}

fn press(id: u64, custom_id: &str, message: u64, by: Value) -> Value {
    fake::in_guild(fake::button_press_on(id, custom_id, message), by)
}

/// The bot's response to interaction `id`.
async fn callback(bot: &Bot, id: u64) -> Value {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    bot.request(|r| r.path == path).await.body
}

/// The edit of interaction `id`'s original response (after an acknowledgement).
async fn edit_of(bot: &Bot, id: u64) -> Value {
    let path = format!("/api/v10/webhooks/{}/token-{id}/messages/@original", fake::APP_ID);
    bot.request(|r| r.method == "PATCH" && r.path == path).await.body
}

/// The text a response shows: its content and its embeds.
fn shown(response: &Value) -> String {
    let data = &response["data"];
    let mut text = data["content"].as_str().unwrap_or_default().to_string();
    for embed in data["embeds"].as_array().into_iter().flatten() {
        text.push_str(&embed.to_string());
    }
    text
}

fn is_ephemeral(response: &Value) -> bool {
    response["data"]["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

fn custom_ids(response: &Value) -> Vec<String> {
    let rows = response["data"]["components"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(String::from))
        .collect()
}

#[tokio::test]
async fn moderator_commands_declare_manage_server() {
    let bot = start().await;
    let put = bot.request(|r| r.method == "PUT").await;
    let commands = put.body.as_array().unwrap();
    let by_name = |name: &str| commands.iter().find(|c| c["name"] == name).unwrap().clone();
    for name in ["settings", "gaps", "review", "reload"] {
        assert_eq!(by_name(name)["default_member_permissions"], "32", "{name}");
    }
    for name in ["ask", "suggest", "quiz", "leaderboard"] {
        assert!(by_name(name)["default_member_permissions"].is_null(), "{name} is for every member");
    }
    let quiz: Vec<Value> = by_name("quiz")["options"].as_array().unwrap().clone();
    assert_eq!(quiz.iter().map(|o| o["name"].as_str().unwrap()).collect::<Vec<_>>(), ["start", "stop"]);
}

#[tokio::test]
async fn non_moderator_is_refused_ephemerally() {
    let bot = start().await;
    let threshold = json!([{"name": "threshold", "type": 10, "value": 0.99}]);
    let attempts = [
        command(2001, "settings", threshold, member(fake::USER_ID)),
        command(2002, "gaps", json!([]), member(fake::USER_ID)),
        command(2003, "review", json!([]), member(fake::USER_ID)),
    ];
    for (n, attempt) in attempts.into_iter().enumerate() {
        bot.dispatch("INTERACTION_CREATE", attempt);
        let refusal = callback(&bot, 2001 + n as u64).await;
        assert!(is_ephemeral(&refusal), "{refusal}");
        assert!(shown(&refusal).starts_with("Only this server's moderators"), "{refusal}");
    }
    assert_eq!(bot.store().settings(fake::GUILD_ID).unwrap().decline_below, None, "nothing was changed");
    // A button in a review message is checked again too.
    bot.dispatch("INTERACTION_CREATE", press(2004, "nichiro:review:approve:1:0", 1, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2004).await).starts_with("Only this server's moderators"));
}

#[tokio::test]
async fn settings_are_stored_and_effective_at_once() {
    let bot = start().await;
    let question = "When was the Treaty of Portsmouth signed?";
    bot.dispatch("INTERACTION_CREATE", ask(2101, question, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2101).await).contains("Portsmouth"));

    let options = json!([
        {"name": "threshold", "type": 10, "value": 0.99},
        {"name": "moderator_role", "type": 8, "value": fake::MODERATOR_ROLE.to_string()},
        {"name": "add_channel", "type": 7, "value": OTHER_CHANNEL.to_string()},
    ]);
    let set = fake::with_resolved(
        command(2102, "settings", options, moderator()),
        &[OTHER_CHANNEL],
        &[fake::MODERATOR_ROLE],
    );
    bot.dispatch("INTERACTION_CREATE", set);
    let saved = callback(&bot, 2102).await;
    assert!(is_ephemeral(&saved) && shown(&saved).contains("Settings saved"), "{saved}");
    assert!(shown(&saved).contains("99% confidence"), "{saved}");

    // The new threshold applies to the very next question.
    bot.dispatch("INTERACTION_CREATE", ask(2103, question, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2103).await).contains("Not in my fact base"));
    // A member with the moderator role is now a moderator.
    let with_role = fake::member(fake::USER_ID, &[fake::MODERATOR_ROLE], 0);
    bot.dispatch("INTERACTION_CREATE", command(2104, "gaps", json!([]), with_role));
    assert!(shown(&callback(&bot, 2104).await).contains("Unanswered questions"));
    // Mentions are answered only in the chosen channel.
    let mention = format!("<@{}> who was Adam Laxman?", fake::BOT_ID);
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(31, fake::CHANNEL_ID, fake::USER_ID, &mention));
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(32, OTHER_CHANNEL, fake::USER_ID, &mention));
    let reply = bot.request(|r| r.path.ends_with("/messages")).await;
    assert_eq!(reply.path, format!("/api/v10/channels/{OTHER_CHANNEL}/messages"));
    let stored = bot.store().settings(fake::GUILD_ID).unwrap();
    assert_eq!(stored.mention_channels, [OTHER_CHANNEL]);
    assert_eq!(stored.moderator_role, Some(fake::MODERATOR_ROLE));
    // Back to the defaults.
    let reset = json!([{"name": "reset", "type": 5, "value": true}]);
    bot.dispatch("INTERACTION_CREATE", command(2105, "settings", reset, moderator()));
    callback(&bot, 2105).await;
    bot.dispatch("INTERACTION_CREATE", ask(2106, question, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2106).await).contains("Portsmouth"));
}

#[tokio::test]
async fn vote_changed_replaces_and_shows_in_gaps() {
    let bot = start().await;
    bot.dispatch("INTERACTION_CREATE", ask(2201, "Who was Adam Laxman?", member(fake::USER_ID)));
    let answer = callback(&bot, 2201).await;
    let ids = custom_ids(&answer);
    let up = ids.iter().find(|id| id.starts_with("nichiro:vote:up:")).expect("a 👍 button").clone();
    let down = ids.iter().find(|id| id.starts_with("nichiro:vote:down:")).expect("a 👎 button").clone();
    let fact = up.trim_start_matches("nichiro:vote:up:").to_string();

    bot.dispatch("INTERACTION_CREATE", press(2202, &up, 77, member(fake::USER_ID)));
    let thanks = callback(&bot, 2202).await;
    assert!(is_ephemeral(&thanks) && shown(&thanks).contains("Thanks for the 👍"), "{thanks}");
    bot.dispatch("INTERACTION_CREATE", press(2203, &down, 77, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2203).await).contains("Changed your vote to 👎"));
    bot.dispatch("INTERACTION_CREATE", press(2204, &down, 77, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2204).await).contains("already"));

    let tally = bot.store().tally(77).unwrap();
    assert_eq!((tally.up, tally.down), (0, 1), "one vote per member per answer");
    bot.dispatch(
        "INTERACTION_CREATE",
        command(2205, "gaps", json!([{"name": "days", "type": 4, "value": 1}]), moderator()),
    );
    let gaps = shown(&callback(&bot, 2205).await);
    assert!(gaps.contains(&format!("{fact}: 1 👎, 0 👍")), "{gaps}");
}

#[tokio::test]
async fn gaps_groups_unanswered_questions() {
    let bot = start().await;
    let asked = [
        "What is the capital of France?",
        "what is the capital of france",
        "  What is the CAPITAL of France!! ",
    ];
    for (n, question) in asked.iter().enumerate() {
        bot.dispatch("INTERACTION_CREATE", ask(2301 + n as u64, question, member(fake::USER_ID)));
        callback(&bot, 2301 + n as u64).await;
    }
    bot.dispatch(
        "INTERACTION_CREATE",
        ask(2304, "When was the Treaty of Portsmouth signed?", member(fake::USER_ID)),
    );
    callback(&bot, 2304).await;
    bot.dispatch("INTERACTION_CREATE", command(2305, "gaps", json!([]), moderator()));
    let report = callback(&bot, 2305).await;
    assert!(is_ephemeral(&report));
    let text = shown(&report);
    assert!(text.contains("3× “What is the CAPITAL of France!!”"), "{text}");
    assert!(!text.contains("Portsmouth"), "a confident answer is no gap: {text}");
}

/// Suggests through the form; returns nothing (the suggestion is #1 on a fresh state).
async fn suggest(bot: &Bot, id: u64, question: &str, passage: &str, source: &str) {
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

const ZEBRA_Q: &str = "Which ship brought zebra mussels to Otaru harbour?";
const ZEBRA_P: &str = "Zebra mussels reached Otaru harbour on the freighter Kamome Maru in 1911.";

#[tokio::test]
async fn suggestion_approved_then_answered() {
    let bot = start().await;
    suggest(&bot, 2401, ZEBRA_Q, ZEBRA_P, "Otaru harbour records https://example.org/otaru").await;
    bot.dispatch("INTERACTION_CREATE", ask(2403, ZEBRA_Q, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2403).await).contains("Not in my fact base"), "not before approval");

    bot.dispatch("INTERACTION_CREATE", command(2404, "review", json!([]), moderator()));
    let page = callback(&bot, 2404).await;
    assert!(is_ephemeral(&page) && shown(&page).contains("Suggestion #1 (1 of 1)"), "{page}");
    assert!(shown(&page).contains("Kamome Maru"));
    let approve = custom_ids(&page).into_iter().find(|id| id.contains("approve")).unwrap();
    bot.dispatch("INTERACTION_CREATE", press(2405, &approve, 88, moderator()));
    assert_eq!(callback(&bot, 2405).await["type"], 6, "acknowledged at once, then edited");
    let edited = edit_of(&bot, 2405).await;
    assert!(edited.to_string().contains("Approved #1"), "{edited}");
    assert!(edited.to_string().contains("No suggestions are waiting"), "{edited}");
    assert_eq!(edited["allowed_mentions"]["parse"], json!([]));

    bot.dispatch(
        "INTERACTION_CREATE",
        ask(2406, "what ship brought the zebra mussels to otaru", member(fake::USER_ID)),
    );
    let answer = shown(&callback(&bot, 2406).await);
    assert!(answer.contains("Kamome Maru"), "{answer}");
    assert!(answer.contains("suggested by the server's moderators"), "{answer}");
    assert!(answer.contains("https://example.org/otaru"), "{answer}");
    let approved = bot.store().approved(Some(fake::GUILD_ID)).unwrap();
    assert_eq!(approved.len(), 1);
    assert_eq!(approved[0].reviewer, Some(MOD_ID));
}

#[tokio::test]
async fn suggestion_rejected_with_a_reason() {
    let bot = start().await;
    suggest(&bot, 2501, ZEBRA_Q, ZEBRA_P, "my uncle").await;
    bot.dispatch("INTERACTION_CREATE", command(2503, "review", json!([]), moderator()));
    let page = callback(&bot, 2503).await;
    let reject = custom_ids(&page).into_iter().find(|id| id.contains("reject")).unwrap();
    bot.dispatch("INTERACTION_CREATE", press(2504, &reject, 88, moderator()));
    let form = callback(&bot, 2504).await;
    assert_eq!(form["type"], 9, "{form}");
    let form_id = form["data"]["custom_id"].as_str().unwrap().to_string();
    let submit = fake::form_submit(2505, &form_id, &[("reason", "No reliable source.")]);
    bot.dispatch("INTERACTION_CREATE", fake::in_guild(submit, moderator()));
    let updated = callback(&bot, 2505).await;
    assert!(shown(&updated).contains("Rejected #1"), "{updated}");
    let stored = bot.store().suggestion(1).unwrap().unwrap();
    assert_eq!(stored.status, Status::Rejected);
    assert_eq!(stored.reason.as_deref(), Some("No reliable source."));
    bot.dispatch("INTERACTION_CREATE", ask(2506, ZEBRA_Q, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2506).await).contains("Not in my fact base"));
}

#[tokio::test]
async fn suggestion_too_long_is_refused() {
    let bot = start().await;
    let long = "x".repeat(101);
    let values = [("question", long.as_str()), ("passage", "p"), ("source", "s")];
    bot.dispatch(
        "INTERACTION_CREATE",
        fake::in_guild(fake::form_submit(2601, "nichiro:form:suggest", &values), member(fake::USER_ID)),
    );
    assert!(shown(&callback(&bot, 2601).await).contains("the question is longer than 100 characters"));
    assert!(bot.store().pending(fake::GUILD_ID).unwrap().is_empty());
}

fn quiz(id: u64, sub: &str, options: Value, by: Value) -> Value {
    command(id, "quiz", json!([{"name": sub, "type": 1, "options": options}]), by)
}

/// The first message posted in a channel whose text contains `needle`.
async fn posted(bot: &Bot, needle: &str) -> Value {
    let needle = needle.to_string();
    bot.request(|r| r.path.ends_with("/messages") && r.body.to_string().contains(&needle)).await.body
}

#[tokio::test]
async fn quiz_full_round_scores_and_leaderboard() {
    let bot = start().await;
    bot.dispatch(
        "INTERACTION_CREATE",
        quiz(2701, "start", json!([{"name": "rounds", "type": 4, "value": 1}]), member(fake::USER_ID)),
    );
    assert!(shown(&callback(&bot, 2701).await).contains("1 question"));
    let question = posted(&bot, "Question 1 of 1").await;
    let asked = question["embeds"][0]["description"].as_str().unwrap().to_string();
    // One quiz per channel.
    bot.dispatch("INTERACTION_CREATE", quiz(2702, "start", json!([]), member(MOD_ID)));
    assert!(shown(&callback(&bot, 2702).await).contains("already running"));

    let kb = nichiro::knowledge::load("knowledge").unwrap();
    let key = nichiro::quiz::pool(&kb, None)
        .into_iter()
        .find(|q| q.question == asked)
        .expect("a pooled question")
        .key;
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(41, fake::CHANNEL_ID, MOD_ID, "no idea, sorry"));
    let answer = format!("I think it's {}", key.describe());
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(42, fake::CHANNEL_ID, fake::USER_ID, &answer));
    let reveal = posted(&bot, "got it first").await;
    assert!(
        reveal["content"]
            .as_str()
            .unwrap()
            .starts_with(&format!("<@{}> got it first (1 point", fake::USER_ID)),
        "{reveal}"
    );
    assert!(reveal["embeds"][0]["fields"][0]["name"] == "Sources", "{reveal}");
    assert_eq!(reveal["allowed_mentions"]["parse"], json!([]), "named, not pinged");
    posted(&bot, "Quiz over").await;

    bot.dispatch("INTERACTION_CREATE", command(2703, "leaderboard", json!([]), member(MOD_ID)));
    let board = shown(&callback(&bot, 2703).await);
    assert!(board.contains(&format!("1. <@{}> — 1 point", fake::USER_ID)), "{board}");
    assert_eq!(bot.store().leaderboard(fake::GUILD_ID, 10).unwrap().len(), 1);
}

#[tokio::test]
async fn quiz_round_times_out_then_stop_ends_it() {
    let mut config = Config::default();
    config.study.quiz_round_seconds = 1;
    let bot = bot::launch(config, Path::new("knowledge")).await;
    let start = json!([{"name": "rounds", "type": 4, "value": 3}, {"name": "topic", "type": 3, "value": "Kuril Islands dispute"}]);
    bot.dispatch("INTERACTION_CREATE", quiz(2801, "start", start, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2801).await).contains("Kuril Islands dispute"));
    posted(&bot, "Nobody got it this time").await;
    // Someone else may not stop it; its starter may.
    bot.dispatch("INTERACTION_CREATE", quiz(2802, "stop", json!([]), member(MOD_ID + 1)));
    assert!(shown(&callback(&bot, 2802).await).contains("Only the member who started"));
    bot.dispatch("INTERACTION_CREATE", quiz(2803, "stop", json!([]), member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2803).await).contains("Stopping"));
    posted(&bot, "Quiz over").await;
    bot.dispatch("INTERACTION_CREATE", quiz(2804, "stop", json!([]), member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2804).await).contains("No quiz is running"));
}

#[tokio::test]
async fn reload_refuses_a_broken_base_and_takes_a_good_one() {
    let knowledge = tempfile::tempdir().unwrap();
    bot::copy_knowledge(knowledge.path());
    let mut config = Config::default();
    config.discord.owners = vec![fake::USER_ID];
    let bot = bot::launch(config, knowledge.path()).await;

    bot.dispatch("INTERACTION_CREATE", command(2901, "reload", json!([]), moderator()));
    assert!(shown(&callback(&bot, 2901).await).contains("Only the bot's owners"));

    let broken = knowledge.path().join("facts/zz-broken.toml");
    std::fs::write(&broken, "[[fact]]\nid = \"Not An Id\"\n").unwrap();
    bot.dispatch("INTERACTION_CREATE", command(2902, "reload", json!([]), member(fake::USER_ID)));
    let refused =
        bot.request(|r| r.path.contains("/webhooks/") && r.body.to_string().contains("Reload refused")).await;
    assert!(refused.body["content"].as_str().unwrap().contains("zz-broken.toml:"), "{}", refused.body);
    bot.dispatch("INTERACTION_CREATE", ask(2903, "Who was Adam Laxman?", member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2903).await).contains("Laxman"), "the old base keeps serving");

    std::fs::remove_file(&broken).unwrap();
    let laxman = knowledge.path().join("facts/early-contacts.toml");
    let text = std::fs::read_to_string(&laxman).unwrap();
    assert!(text.contains("Laxman"));
    std::fs::write(&laxman, text.replace("Laxman", "Lachsmann")).unwrap();
    bot.dispatch("INTERACTION_CREATE", command(2904, "reload", json!([]), member(fake::USER_ID)));
    bot.request(|r| r.path.contains("/webhooks/") && r.body.to_string().contains("Reloaded the fact base"))
        .await;
    bot.dispatch("INTERACTION_CREATE", ask(2905, "Who was Adam Laxman?", member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2905).await).contains("Lachsmann"), "the new base answers");
}

#[tokio::test]
async fn burst_of_1000_votes_from_200_members_loses_none() {
    let bot = start().await;
    let fact = "treaty-of-portsmouth-1905";
    let mut id = 10_000;
    for user in 0..200u64 {
        for message in 0..5u64 {
            let direction = if (user + message) % 3 == 0 { "down" } else { "up" };
            let custom_id = format!("nichiro:vote:{direction}:{fact}");
            bot.dispatch("INTERACTION_CREATE", press(id, &custom_id, 500 + message, member(1_000 + user)));
            id += 1;
        }
    }
    for n in 10_000..id {
        let thanks = callback(&bot, n).await;
        assert!(shown(&thanks).contains("Thanks for the"), "{thanks}");
    }
    let store = bot.store();
    assert_eq!(store.vote_count().unwrap(), 1000);
    let downs =
        (0..200u64).flat_map(|u| (0..5u64).map(move |m| (u + m) % 3 == 0)).filter(|d| *d).count() as u64;
    let total: u64 = (500..505).map(|m| store.tally(m).unwrap().down).sum();
    assert_eq!(total, downs);
}

/// `nichiro serve` as a process against `discord`, with its config, state and fact base in `dir`.
fn serve(discord: &fake::FakeDiscord, dir: &Path) -> std::process::Child {
    let config = dir.join("nichiro.toml");
    let text = format!(
        "[knowledge]\ndir = {:?}\n[discord]\napi_base = {:?}\nlog = \"warn\"\ncooldown_questions = 0\n[state]\npath = {:?}\n",
        dir.join("knowledge"),
        discord.api_base(),
        dir.join("state.sqlite3")
    );
    std::fs::write(&config, text).unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", config.to_str().unwrap(), "serve"])
        .env("DISCORD_TOKEN", "fake-token")
        .env_remove("RUST_LOG")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

async fn callback_from(discord: &fake::FakeDiscord, id: u64) -> Value {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    discord.request(|r| r.path == path).await.body
}

#[cfg(unix)]
#[tokio::test]
async fn serve_keeps_suggestions_and_votes_across_sigkill_and_reloads_on_sighup() {
    let dir = tempfile::tempdir().unwrap();
    bot::copy_knowledge(&dir.path().join("knowledge"));
    let first = fake::FakeDiscord::start().await;
    let mut child = serve(&first, dir.path());
    first.request(|r| r.method == "PUT").await;

    let submit = |id, question: &str| {
        let values = [("question", question), ("passage", ZEBRA_P), ("source", "Harbour records")];
        fake::in_guild(fake::form_submit(id, "nichiro:form:suggest", &values), member(fake::USER_ID))
    };
    first.dispatch("INTERACTION_CREATE", submit(3001, ZEBRA_Q));
    assert!(shown(&callback_from(&first, 3001).await).contains("Suggestion #1"));
    first.dispatch("INTERACTION_CREATE", submit(3002, "Who ran the Otaru freighter line?"));
    assert!(shown(&callback_from(&first, 3002).await).contains("Suggestion #2"));
    first.dispatch("INTERACTION_CREATE", press(3003, "nichiro:review:approve:1:0", 88, moderator()));
    let path = format!("/api/v10/webhooks/{}/token-3003/messages/@original", fake::APP_ID);
    let edited = first.request(|r| r.method == "PATCH" && r.path == path).await.body;
    assert!(edited.to_string().contains("Approved #1"), "{edited}");
    for (n, user) in [1_001u64, 1_002, 1_003].into_iter().enumerate() {
        let id = 3004 + n as u64;
        first.dispatch("INTERACTION_CREATE", press(id, "nichiro:vote:down:some-fact", 900, member(user)));
        assert!(shown(&callback_from(&first, id).await).contains("Thanks"));
    }
    child.kill().unwrap(); // SIGKILL: no chance to flush or close anything.
    child.wait().unwrap();

    let second = fake::FakeDiscord::start().await;
    let child = serve(&second, dir.path());
    second.request(|r| r.method == "PUT").await;
    second.dispatch("INTERACTION_CREATE", ask(3101, ZEBRA_Q, member(fake::USER_ID)));
    assert!(
        shown(&callback_from(&second, 3101).await).contains("Kamome Maru"),
        "the approved suggestion survived"
    );
    second.dispatch("INTERACTION_CREATE", command(3102, "review", json!([]), moderator()));
    let page = shown(&callback_from(&second, 3102).await);
    assert!(page.contains("Suggestion #2 (1 of 1)"), "the pending one survived: {page}");
    second.dispatch("INTERACTION_CREATE", press(3103, "nichiro:vote:down:some-fact", 900, member(1_002)));
    assert!(shown(&callback_from(&second, 3103).await).contains("already"), "the vote survived");
    let store = nichiro::state::Store::open(&dir.path().join("state.sqlite3")).unwrap();
    assert_eq!(store.vote_count().unwrap(), 3);
    assert_eq!(store.tally(900).unwrap().down, 3);

    // SIGHUP reloads the fact base from disk.
    let file = dir.path().join("knowledge/facts/early-contacts.toml");
    std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("Laxman", "Lachsmann")).unwrap();
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    let mut reloaded = false;
    let mut last = String::new();
    for id in 3200..3300 {
        second.dispatch("INTERACTION_CREATE", ask(id, "Who was Adam Laxman?", member(fake::USER_ID)));
        last = shown(&callback_from(&second, id).await);
        if last.contains("Lachsmann") {
            reloaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap()).await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(reloaded, "SIGHUP did not reload the fact base: {last}\n{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[tokio::test]
async fn serve_with_unreadable_state_is_a_clear_start_up_error() {
    let dir = tempfile::tempdir().unwrap();
    bot::copy_knowledge(&dir.path().join("knowledge"));
    std::fs::write(
        dir.path().join("state.sqlite3"),
        "this is not a database, it is a shopping list\n".repeat(100),
    )
    .unwrap();
    let discord = fake::FakeDiscord::start().await;
    let child = serve(&discord, dir.path());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap()).await.unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: cannot open the state file") && last.contains("state.sqlite3"),
        "{stderr}"
    );
}
