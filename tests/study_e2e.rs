//! Study groups end to end through the fake Discord: moderators and settings, votes, gaps,
//! suggestions and review, and reloading the fact base.

mod support;

use nichiro::config::Config;
use nichiro::state::Status;
use serde_json::{Value, json};
use support::bot;
use support::fake_discord::{self as fake};
use support::guild::*;

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
    // The change is deferred (it waits for the state file), then shown.
    assert!(is_ephemeral(&callback(&bot, 2102).await));
    let saved = final_reply(&bot, 2102).await;
    assert!(shown(&saved).contains("Settings saved"), "{saved}");
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
    final_reply(&bot, 2105).await;
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
    let written = gaps_recorded(&bot, 3).await;
    assert_eq!(written.unanswered.len(), 1, "three askings of one question: {written:?}");
    bot.dispatch("INTERACTION_CREATE", command(2305, "gaps", json!([]), moderator()));
    let report = callback(&bot, 2305).await;
    assert!(is_ephemeral(&report));
    let text = shown(&report);
    assert!(text.contains("3× “What is the CAPITAL of France!!”"), "{text}");
    assert!(!text.contains("Portsmouth"), "a confident answer is no gap: {text}");
}

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
    // The server's own fact is listed with the topics, and its references are there.
    bot.dispatch("INTERACTION_CREATE", command(2407, "topics", json!([]), member(fake::USER_ID)));
    let topics = shown(&callback(&bot, 2407).await);
    assert!(topics.contains("Suggested by this server's moderators — 1"), "{topics}");
    let id = json!([{"name": "id", "type": 3, "value": "suggested-1"}]);
    bot.dispatch("INTERACTION_CREATE", command(2408, "source", id, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2408).await).contains("https://example.org/otaru"));
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
    let laxman = support::fact_file(knowledge.path(), "laxman-mission-kodayu");
    let text = std::fs::read_to_string(&laxman).unwrap();
    assert!(text.contains("Laxman"));
    std::fs::write(&laxman, text.replace("Laxman", "Lachsmann")).unwrap();
    bot.dispatch("INTERACTION_CREATE", command(2904, "reload", json!([]), member(fake::USER_ID)));
    bot.request(|r| r.path.contains("/webhooks/") && r.body.to_string().contains("Reloaded the fact base"))
        .await;
    bot.dispatch("INTERACTION_CREATE", ask(2905, "Who was Adam Lachsmann?", member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 2905).await).contains("Lachsmann"), "the new base answers");
}

#[tokio::test]
async fn review_cannot_be_done_by_a_member_or_from_another_server() {
    let bot = start().await;
    suggest(&bot, 3301, ZEBRA_Q, ZEBRA_P, "Harbour records").await;
    // A member who got hold of the reject form's id is refused.
    let submit = fake::form_submit(3303, "nichiro:form:reject:1:0", &[("reason", "spam")]);
    bot.dispatch("INTERACTION_CREATE", fake::in_guild(submit, member(fake::USER_ID)));
    assert!(shown(&callback(&bot, 3303).await).starts_with("Only this server's moderators"));
    // A moderator of another server cannot approve this server's suggestion.
    let elsewhere =
        fake::in_guild_of(fake::button_press_on(3304, "nichiro:review:approve:1:0", 88), moderator(), 4242);
    bot.dispatch("INTERACTION_CREATE", elsewhere);
    callback(&bot, 3304).await;
    assert!(edit_of(&bot, 3304).await.to_string().contains("#1 is not waiting for review in this server"));
    let stored = bot.store().suggestion(1).unwrap().unwrap();
    assert_eq!(stored.status, Status::Pending);
    assert_eq!(bot.store().approved(None).unwrap().len(), 0);
}

#[tokio::test]
async fn removing_the_last_mention_channel_is_refused() {
    let bot = start().await;
    let add = json!([{"name": "add_channel", "type": 7, "value": OTHER_CHANNEL.to_string()}]);
    bot.dispatch(
        "INTERACTION_CREATE",
        fake::with_resolved(command(3401, "settings", add, moderator()), &[OTHER_CHANNEL], &[]),
    );
    final_reply(&bot, 3401).await;
    let remove = json!([{"name": "remove_channel", "type": 7, "value": OTHER_CHANNEL.to_string()}]);
    bot.dispatch(
        "INTERACTION_CREATE",
        fake::with_resolved(command(3402, "settings", remove, moderator()), &[OTHER_CHANNEL], &[]),
    );
    assert!(shown(&callback(&bot, 3402).await).contains("the only channel where I answer mentions"));
    assert_eq!(bot.store().settings(fake::GUILD_ID).unwrap().mention_channels, [OTHER_CHANNEL]);
}

#[tokio::test]
async fn one_member_cannot_flood_the_review_queue() {
    let bot = start().await;
    for n in 0..6u64 {
        let question = format!("Question number {n}?");
        let values = [("question", question.as_str()), ("passage", ZEBRA_P), ("source", "Harbour records")];
        let submit = fake::form_submit(3501 + n, "nichiro:form:suggest", &values);
        bot.dispatch("INTERACTION_CREATE", fake::in_guild(submit, member(fake::USER_ID)));
        let ack = shown(&callback(&bot, 3501 + n).await);
        assert_eq!(ack.contains("waiting for a moderator's review"), n < 5, "{n}: {ack}");
    }
    assert_eq!(bot.store().pending(fake::GUILD_ID).unwrap().len(), 5);
}
