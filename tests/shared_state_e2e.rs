//! Two `nichiro serve` processes on one PostgreSQL database (issue 13): what a moderator does
//! through one is followed by the other, and `nichiro gaps` reads the database while both run.
//!
//! Needs a server: `NICHIRO_TEST_POSTGRES_URL` names a database the test may make a schema in
//! (`.ci/postgres` starts one). Without it the test is skipped with a notice, except under `CI`.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::fake_discord::{self as fake, FakeDiscord};
use support::guild::{
    ZEBRA_P, ZEBRA_Q, ask, callback, command, custom_ids, final_reply, member, moderator, press, shown,
};
use support::serving::serve;

const URL_VAR: &str = "NICHIRO_TEST_POSTGRES_URL";

/// A schema of its own in the test database, dropped when the test ends.
struct Schema {
    server: String,
    name: String,
    /// A connection address that uses the schema.
    url: String,
}

impl Schema {
    /// A fresh schema, or `None` (with a notice) when there is no test server outside CI.
    fn fresh() -> Option<Schema> {
        let server = match std::env::var(URL_VAR) {
            Ok(url) if !url.is_empty() => url,
            _ if std::env::var_os("CI").is_some() => {
                panic!("CI runs this test: set {URL_VAR} (see .ci/postgres)")
            }
            _ => {
                // Written past the test harness's capture, which holds back what passing tests print.
                let notice =
                    format!("note: {} skipped: no PostgreSQL server ({URL_VAR} is not set)\n", file!());
                let _ = std::io::Write::write_all(&mut std::io::stderr(), notice.as_bytes());
                return None;
            }
        };
        let name = format!("e2e{}", std::process::id());
        let mut client = postgres::Client::connect(&server, postgres::NoTls).unwrap();
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")).unwrap();
        let joiner = if server.contains('?') { '&' } else { '?' };
        let url = format!("{server}{joiner}options=-csearch_path%3D{name}");
        Some(Schema { server, name, url })
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// The config file `name` in `dir`: the Discord at `api_base`, the state in the database at `url`.
fn config(dir: &Path, name: &str, api_base: &str, url: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!("[discord]\napi_base = {api_base:?}\nlog = \"warn\"\n[state]\nurl = {url:?}\n");
    std::fs::write(&path, text).unwrap();
    path
}

/// Asks `question` in `discord`'s test server (interaction ids from `first` on) until the answer
/// satisfies `wanted`, for up to 20 s: the other process follows a change moments after it commits.
async fn ask_until(
    discord: &FakeDiscord,
    first: u64,
    question: &str,
    wanted: impl Fn(&str) -> bool,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    for id in first.. {
        discord.dispatch("INTERACTION_CREATE", ask(id, question, asker(id)));
        let answer = shown(&callback(discord, id).await);
        if wanted(&answer) || Instant::now() > deadline {
            return answer;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    unreachable!("interaction ids run out only after the deadline")
}

/// Suggests the zebra-mussel fact in `discord`'s test server and approves it there.
async fn suggest_and_approve(discord: &FakeDiscord) {
    support::guild::suggest(
        discord,
        5101,
        ZEBRA_Q,
        ZEBRA_P,
        "Otaru harbour records https://example.org/otaru",
    )
    .await;
    discord.dispatch("INTERACTION_CREATE", command(5103, "review", json!([]), moderator()));
    let page = callback(discord, 5103).await;
    let approve = custom_ids(&page).into_iter().find(|id| id.contains("approve")).unwrap();
    discord.dispatch("INTERACTION_CREATE", press(5104, &approve, 88, moderator()));
    assert_eq!(callback(discord, 5104).await["type"], 6, "acknowledged at once, then edited");
    let edited = support::guild::edit_of(discord, 5104).await;
    assert!(edited.to_string().contains("Approved #1"), "{edited}");
}

#[test]
fn two_processes_share_one_database() {
    // The schema is made and dropped outside the runtime: its driver blocks.
    let Some(schema) = Schema::fresh() else { return };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(share(&schema.url));
}

/// The test itself, on the database at `url`.
async fn share(url: &str) {
    let (one, two) = (FakeDiscord::start().await, FakeDiscord::start().await);
    let dir = tempfile::tempdir().unwrap();
    let (config_one, config_two) = (
        config(dir.path(), "one.toml", &one.api_base(), url),
        config(dir.path(), "two.toml", &two.api_base(), url),
    );
    let _first = serve(&config_one, "token-one");
    let _second = serve(&config_two, "token-two");
    one.frame(2).await;
    two.frame(2).await;

    // The second process has read the server's settings before the first changes them.
    let portsmouth = "When was the Treaty of Portsmouth signed?";
    let before = ask_until(&two, 5001, portsmouth, |a| a.contains("Portsmouth")).await;
    assert!(before.contains("1905"), "{before}");

    // A suggestion approved through the first process is answered by the second.
    assert!(shown(&callback_of_ask(&two, 5011, ZEBRA_Q).await).contains("Not in my fact base"));
    suggest_and_approve(&one).await;
    let answer =
        ask_until(&two, 5201, "what ship brought the zebra mussels to otaru", |a| a.contains("Kamome Maru"))
            .await;
    assert!(answer.contains("Kamome Maru") && answer.contains("https://example.org/otaru"), "{answer}");

    // A settings change through the first process applies to the second's next questions.
    let threshold = json!([{"name": "threshold", "type": 10, "value": 0.99}]);
    one.dispatch("INTERACTION_CREATE", command(5301, "settings", threshold, moderator()));
    assert!(shown(&final_reply(&one, 5301).await).contains("99% confidence"));
    let declined = ask_until(&two, 5401, portsmouth, |a| a.contains("Not in my fact base")).await;
    assert!(declined.contains("Not in my fact base"), "{declined}");

    // Both processes record unanswered questions, and `nichiro gaps` reads them while both run.
    let unknown = "Who painted the ceiling of the Hakodate Orthodox church?";
    callback_of_ask(&one, 5501, unknown).await;
    callback_of_ask(&two, 5502, unknown).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let report = loop {
        let out = Command::new(env!("CARGO_BIN_EXE_nichiro"))
            .args(["--config", config_one.to_str().unwrap(), "gaps"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
        let line = text.lines().find(|line| line.contains("Hakodate")).unwrap_or_default().to_string();
        if line.contains("2×") || Instant::now() > deadline {
            break line;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(report.contains("2× “Who painted the ceiling of the Hakodate Orthodox church?”"), "{report}");
}

/// Asks `question` once in `discord`'s test server; the response.
async fn callback_of_ask(discord: &FakeDiscord, id: u64, question: &str) -> Value {
    discord.dispatch("INTERACTION_CREATE", ask(id, question, asker(id)));
    callback(discord, id).await
}

/// A member of the test server who asks only question `id`, so no asking is slowed by the
/// per-member cooldown.
fn asker(id: u64) -> Value {
    member(fake::USER_ID + id)
}
