//! Quizzes end to end through the fake Discord: a full round, a timed-out round, stopping, one quiz
//! per channel, and the leaderboard.

mod support;

use std::path::Path;

use nichiro::config::Config;
use serde_json::{Value, json};
use support::bot::{self, Bot};
use support::fake_discord::{self as fake};
use support::guild::*;

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
        // The embed shows the question with its Markdown escaped ("Otomari \\(Korsakov\\)").
        .find(|q| nichiro::display::literal(&q.question) == asked)
        .unwrap_or_else(|| panic!("a pooled question: {asked:?}"))
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
async fn quiz_round_times_out_and_reveals() {
    let mut config = Config::default();
    config.study.quiz_round_seconds = 1;
    let bot = bot::launch(config, Path::new("knowledge")).await;
    let start = json!([{"name": "rounds", "type": 4, "value": 1}]);
    bot.dispatch("INTERACTION_CREATE", quiz(2801, "start", start, member(fake::USER_ID)));
    posted(&bot, "Question 1 of 1").await;
    let reveal = posted(&bot, "Nobody got it this time").await;
    assert!(reveal["embeds"][0]["title"].as_str().unwrap().starts_with("Answer: "), "{reveal}");
    let over = posted(&bot, "Quiz over").await;
    assert!(over["content"].as_str().unwrap().contains("Nobody scored"), "{over}");
    assert!(bot.store().leaderboard(fake::GUILD_ID, 10).unwrap().is_empty());
}

#[tokio::test]
async fn quiz_stop_by_its_starter_or_a_moderator_only() {
    let bot = start().await;
    let start = json!([{"name": "rounds", "type": 4, "value": 3}, {"name": "topic", "type": 3, "value": "Russia and Japan, 1991–2012"}]);
    bot.dispatch("INTERACTION_CREATE", quiz(2811, "start", start.clone(), member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2811).await).contains("on “Russia and Japan, 1991–2012”: 3 questions"));
    posted(&bot, "Question 1 of 3").await;
    bot.dispatch("INTERACTION_CREATE", quiz(2812, "stop", json!([]), member(MOD_ID + 1)));
    assert!(shown(&callback(&bot, 2812).await).contains("Only the member who started"));
    bot.dispatch("INTERACTION_CREATE", quiz(2813, "stop", json!([]), member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2813).await).contains("Stopping"));
    posted(&bot, "Quiz over").await;
    bot.dispatch("INTERACTION_CREATE", quiz(2814, "stop", json!([]), member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2814).await).contains("No quiz is running"));

    // The channel is free again; a moderator may stop someone else's quiz.
    bot.dispatch("INTERACTION_CREATE", quiz(2815, "start", start, member(MOD_ID + 1)));
    assert!(shown(&callback(&bot, 2815).await).contains("3 questions"));
    bot.dispatch("INTERACTION_CREATE", quiz(2816, "stop", json!([]), moderator()));
    assert!(shown(&callback(&bot, 2816).await).contains("Stopping"));
}

#[tokio::test]
async fn quiz_unknown_topic_is_refused() {
    let bot = start().await;
    let start = json!([{"name": "topic", "type": 3, "value": "Cooking"}]);
    bot.dispatch("INTERACTION_CREATE", quiz(2821, "start", start, member(fake::USER_ID)));
    let refusal = callback(&bot, 2821).await;
    assert!(
        is_ephemeral(&refusal) && shown(&refusal).contains("no quiz questions on that topic"),
        "{refusal}"
    );
}

#[tokio::test]
async fn quiz_in_the_starter_language() {
    let bot = start().await;
    let mut start =
        quiz(2901, "start", json!([{"name": "rounds", "type": 4, "value": 1}]), member(fake::USER_ID));
    start["locale"] = json!("ja");
    bot.dispatch("INTERACTION_CREATE", start);
    assert!(shown(&callback(&bot, 2901).await).contains("全1問"));
    let question = posted(&bot, "第1問（全1問）").await;
    let asked = question["embeds"][0]["description"].as_str().unwrap().to_string();
    let kb = nichiro::knowledge::load("knowledge").unwrap();
    let pooled = nichiro::quiz::pool_in(&kb, None, nichiro::lang::Lang::Ja)
        .into_iter()
        .find(|q| q.question == asked)
        .expect("a Japanese question from the pool");
    let answer = format!("{}年だと思う", pooled.key.describe().split('–').next().unwrap());
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(43, fake::CHANNEL_ID, fake::USER_ID, &answer));
    let reveal = posted(&bot, "一番乗り").await;
    let fact = kb.fact(&pooled.fact_id).unwrap();
    assert_eq!(reveal["embeds"][0]["description"].as_str(), Some(fact.passage_in(nichiro::lang::Lang::Ja)));
    assert_eq!(reveal["embeds"][0]["fields"][0]["name"], "出典", "{reveal}");
    posted(&bot, "クイズ終了").await;
}
