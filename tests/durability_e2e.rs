//! Durable state: a burst of votes loses none, and `nichiro serve` killed with SIGKILL comes back with
//! every acknowledged vote and suggestion; SIGHUP reloads the fact base; an unreadable state file stops
//! the start with one clear line.

mod support;

use std::path::Path;

use serde_json::json;
use support::bot;
use support::fake_discord::{self as fake};
use support::guild::*;

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
        // Votes behind a long queue of writes are deferred, then thanked by an edit.
        let thanks = final_reply(&bot, n).await;
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
    assert!(shown(&callback(&first, 3001).await).contains("Suggestion #1"));
    first.dispatch("INTERACTION_CREATE", submit(3002, "Who ran the Otaru freighter line?"));
    assert!(shown(&callback(&first, 3002).await).contains("Suggestion #2"));
    first.dispatch("INTERACTION_CREATE", press(3003, "nichiro:review:approve:1:0", 88, moderator()));
    let path = format!("/api/v10/webhooks/{}/token-3003/messages/@original", fake::APP_ID);
    let edited = first.request(|r| r.method == "PATCH" && r.path == path).await.body;
    assert!(edited.to_string().contains("Approved #1"), "{edited}");
    for (n, user) in [1_001u64, 1_002, 1_003].into_iter().enumerate() {
        let id = 3004 + n as u64;
        first.dispatch("INTERACTION_CREATE", press(id, "nichiro:vote:down:some-fact", 900, member(user)));
        assert!(shown(&callback(&first, id).await).contains("Thanks"));
    }
    child.kill().unwrap(); // SIGKILL: no chance to flush or close anything.
    child.wait().unwrap();

    let second = fake::FakeDiscord::start().await;
    let child = serve(&second, dir.path());
    second.request(|r| r.method == "PUT").await;
    second.dispatch("INTERACTION_CREATE", ask(3101, ZEBRA_Q, member(fake::USER_ID)));
    assert!(
        shown(&callback(&second, 3101).await).contains("Kamome Maru"),
        "the approved suggestion survived"
    );
    second.dispatch("INTERACTION_CREATE", command(3102, "review", json!([]), moderator()));
    let page = shown(&callback(&second, 3102).await);
    assert!(page.contains("Suggestion #2 (1 of 1)"), "the pending one survived: {page}");
    second.dispatch("INTERACTION_CREATE", press(3103, "nichiro:vote:down:some-fact", 900, member(1_002)));
    assert!(shown(&callback(&second, 3103).await).contains("already"), "the vote survived");
    let store = nichiro::state::Store::open_read_only(&dir.path().join("state.sqlite3")).unwrap();
    assert_eq!(store.vote_count().unwrap(), 3);
    assert_eq!(store.tally(900).unwrap().down, 3);

    // SIGHUP reloads the fact base from disk.
    let file = support::fact_file(&dir.path().join("knowledge"), "laxman-mission-kodayu");
    std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("Laxman", "Lachsmann")).unwrap();
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    let mut reloaded = false;
    let mut last = String::new();
    for id in 3200..3300 {
        second.dispatch("INTERACTION_CREATE", ask(id, "Who was Adam Lachsmann?", member(fake::USER_ID)));
        last = shown(&callback(&second, id).await);
        if last.contains("Lachsmann") {
            reloaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    second.dispatch("INTERACTION_CREATE", ask(3400, ZEBRA_Q, member(fake::USER_ID)));
    let overlay = shown(&callback(&second, 3400).await);
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap()).await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(reloaded, "SIGHUP did not reload the fact base: {last}\n{stderr}");
    assert!(
        overlay.contains("Kamome Maru"),
        "the server's overlay is rebuilt on the reloaded base: {overlay}"
    );
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
        last.starts_with("error: the state file") && last.contains("state.sqlite3 is damaged"),
        "{stderr}"
    );
    assert!(last.contains("restore it from a backup"), "{stderr}");
}
