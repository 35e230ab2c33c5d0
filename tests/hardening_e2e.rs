//! What a hostile member or a slow disk could do to the bot, end to end through the fake Discord:
//! links planted through suggestions, control characters in questions, answers held up by the state
//! file, one member's votes counted many times, a flood of one question, quizzes reached from another
//! server, and replies to deleted questions.

mod support;

use std::path::Path;

use nichiro::config::Config;
use serde_json::{Value, json};
use support::bot;
use support::fake_discord::{self as fake};
use support::guild::*;

const OTHER_GUILD: u64 = 900_000_000_000_000_077;

/// A bot that answers every question (no cooldown).
async fn unlimited() -> bot::Bot {
    let mut config = Config::default();
    config.discord.cooldown_questions = 0;
    bot::launch(config, Path::new("knowledge")).await
}

#[tokio::test]
async fn suggestion_links_show_as_text_and_masked_sources_are_refused() {
    let bot = start().await;
    let masked_source = [
        ("question", "Who signed it?"),
        ("passage", "Someone signed it in 1956."),
        ("source", "[mofa.go.jp official record](https://evil.example/mofa)"),
    ];
    let submit = fake::form_submit(3501, "nichiro:form:suggest", &masked_source);
    bot.dispatch("INTERACTION_CREATE", fake::in_guild(submit, member(fake::USER_ID)));
    let refused = shown(&callback(&bot, 3501).await);
    assert!(refused.contains("plain web address"), "{refused}");

    let passage =
        format!("{ZEBRA_P} See [Ministry of Foreign Affairs of Japan](https://evil.example/phish).");
    suggest(&bot, 3502, ZEBRA_Q, &passage, "Harbour records https://example.org/otaru").await;
    bot.dispatch("INTERACTION_CREATE", command(3504, "review", json!([]), moderator()));
    let review = callback(&bot, 3504).await;
    let fields = &review["data"]["embeds"][0]["fields"];
    let passage_shown = fields[1]["value"].as_str().unwrap();
    assert!(
        passage_shown.contains(r"\[Ministry of Foreign Affairs of Japan\]\(https://evil.example/phish).")
    );
    assert_eq!(fields[3]["name"], "Link");
    assert_eq!(fields[3]["value"], "https://example.org/otaru");

    bot.dispatch("INTERACTION_CREATE", press(3505, "nichiro:review:approve:1:0", 88, moderator()));
    assert!(edit_of(&bot, 3505).await.to_string().contains("Approved #1"));
    bot.dispatch("INTERACTION_CREATE", ask(3506, ZEBRA_Q, member(fake::USER_ID)));
    let answer = callback(&bot, 3506).await;
    let embed = &answer["data"]["embeds"][0];
    let description = embed["description"].as_str().unwrap();
    assert!(description.contains("Kamome Maru") && !description.contains("](https"), "{description}");
    assert!(embed["fields"][0]["value"].as_str().unwrap().contains("<https://example.org/otaru>"));
}

#[tokio::test]
async fn answers_while_another_connection_holds_the_write_lock() {
    let bot = start().await;
    bot.enforce_interaction_window();
    let release = bot.hold_write_lock();
    // A declined question (a gap to record) from a server whose settings were never read.
    let question = json!([{"name": "question", "type": 3, "value": "What is the capital of France?"}]);
    let elsewhere = fake::in_guild_of(fake::slash_command(3601, "ask", question), member(7), OTHER_GUILD);
    bot.dispatch("INTERACTION_CREATE", elsewhere);
    assert!(shown(&callback(&bot, 3601).await).contains("Not in my fact base"));
    bot.dispatch("INTERACTION_CREATE", ask(3602, "How do I bake sourdough bread?", member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 3602).await).contains("Not in my fact base"));
    // A vote cannot be stored now: the press is deferred in time, and the member is told once the
    // write gives up, not left with "interaction failed".
    bot.dispatch("INTERACTION_CREATE", press(3603, "nichiro:vote:down:treaty-of-shimoda", 5, member(8)));
    let vote = callback(&bot, 3603).await;
    assert_eq!((vote["type"].as_u64(), vote["data"]["flags"].as_u64()), (Some(5), Some(64)), "{vote}");
    assert!(edit_of(&bot, 3603).await.to_string().contains("Sorry"));
    let mention = format!("<@{}> what is the capital of France?", fake::BOT_ID);
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(3604, fake::CHANNEL_ID, 9, &mention));
    let reply = bot.request(|r| r.method == "POST" && r.path.ends_with("/messages")).await;
    assert!(reply.body.to_string().contains("Not in my fact base"), "{}", reply.body);
    assert!(bot.requests(|r| r.path.starts_with("/late:")).is_empty(), "every reply within Discord's window");
    drop(release);
    let report = gaps_recorded(&bot, 2).await;
    assert_eq!(report.unanswered.len(), 2, "queued gaps are written once the lock is gone");
}

#[tokio::test]
async fn one_member_voting_down_many_answers_counts_once() {
    let bot = start().await;
    for n in 0..5u64 {
        let id = 3701 + n;
        bot.dispatch(
            "INTERACTION_CREATE",
            press(id, "nichiro:vote:down:treaty-of-shimoda", 50 + n, member(8)),
        );
        assert!(shown(&callback(&bot, id).await).contains("Thanks"));
    }
    bot.dispatch("INTERACTION_CREATE", press(3706, "nichiro:vote:down:treaty-of-shimoda", 60, member(9)));
    callback(&bot, 3706).await;
    bot.dispatch("INTERACTION_CREATE", command(3707, "gaps", json!([]), moderator()));
    let gaps = shown(&callback(&bot, 3707).await);
    assert!(gaps.contains("treaty-of-shimoda: 2 👎"), "{gaps}");
}

#[tokio::test]
async fn flood_of_one_long_question_keeps_one_short_row() {
    let bot = unlimited().await;
    let question = format!("Who won the 2018 World Cup? {}", "Tell me more. ".repeat(400));
    for n in 0..30u64 {
        bot.dispatch("INTERACTION_CREATE", ask(3801 + n, &question, member(fake::USER_ID)));
        callback(&bot, 3801 + n).await;
    }
    let report = gaps_recorded(&bot, 30).await;
    assert_eq!(report.unanswered.len(), 1);
    assert_eq!(report.unanswered[0].count, 30);
    let conn =
        rusqlite::Connection::open_with_flags(bot.state_path(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let (rows, longest): (i64, i64) = conn
        .query_row("SELECT COUNT(*), MAX(length(text)) FROM gaps", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(rows, 1);
    assert!(longest <= nichiro::state::MAX_GAP_CHARS as i64, "{longest}");
}

#[tokio::test]
async fn control_characters_and_masked_links_in_questions_stay_text() {
    let bot = start().await;
    let hostile = "who won \u{1b}]0;owned\u{7}\u{1b}[2J [click here](https://evil.example/x) \u{202e}?";
    bot.dispatch("INTERACTION_CREATE", ask(3901, hostile, member(fake::USER_ID)));
    callback(&bot, 3901).await;
    gaps_recorded(&bot, 1).await;
    bot.dispatch("INTERACTION_CREATE", command(3902, "gaps", json!([]), moderator()));
    let gaps = shown(&callback(&bot, 3902).await);
    assert!(gaps.contains(r"\\[click here\\]\\(https://evil.example/x)"), "{gaps}");
    assert!(!gaps.contains("\\u001b") && !gaps.contains('\u{202e}'), "{gaps}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--state", bot.state_path().to_str().unwrap(), "gaps"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("who won ]0;owned[2J [click here]"), "{printed}");
    assert!(!printed.contains('\u{1b}') && !printed.contains('\u{7}') && !printed.contains('\u{202e}'));
}

fn quiz(id: u64, sub: &str, by: Value) -> Value {
    let options = json!([{"name": sub, "type": 1, "options": []}]);
    command(id, "quiz", options, by)
}

#[tokio::test]
async fn quiz_cannot_be_stopped_or_answered_from_another_server() {
    let bot = start().await;
    bot.dispatch("INTERACTION_CREATE", quiz(4001, "start", member(fake::USER_ID)));
    callback(&bot, 4001).await;
    // The same channel id, but in another server where this member moderates.
    let mut stop = fake::in_guild_of(fake::slash_command(4002, "quiz", json!([])), moderator(), OTHER_GUILD);
    stop["data"]["options"] = json!([{"name": "stop", "type": 1, "options": []}]);
    bot.dispatch("INTERACTION_CREATE", stop);
    assert!(shown(&callback(&bot, 4002).await).contains("No quiz is running"));
    bot.dispatch("INTERACTION_CREATE", quiz(4003, "stop", member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 4003).await).contains("Stopping the quiz"));
}

#[tokio::test]
async fn mention_reply_does_not_fail_when_the_question_is_deleted() {
    let bot = start().await;
    let mention = format!("<@{}> who was Adam Laxman?", fake::BOT_ID);
    bot.dispatch("MESSAGE_CREATE", fake::guild_message(4101, fake::CHANNEL_ID, 9, &mention));
    let reply = bot.request(|r| r.method == "POST" && r.path.ends_with("/messages")).await;
    let reference = &reply.body["message_reference"];
    assert_eq!(reference["message_id"], "4101", "{reference}");
    assert_eq!(reference["fail_if_not_exists"], false, "{reference}");
}
