//! What a careless operator could do to the state file and the fact base, through the real binary:
//! two bots on one state file, an empty or private state file, stopping while Discord is away,
//! exporting over curated files, and fact-base files that are not files.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::bot;
use support::fake_discord::FakeDiscord;

fn nichiro() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nichiro"));
    command.env_remove("RUST_LOG").env_remove("NICHIRO_STATE_PATH");
    command
}

/// `nichiro serve` with its config and state in `dir`, against the Discord at `api_base`.
fn serve(api_base: &str, dir: &Path, extra: &[&str]) -> Child {
    let config = dir.join("nichiro.toml");
    let text = format!(
        "[discord]\napi_base = {api_base:?}\nlog = \"info\"\n[state]\npath = {:?}\n",
        dir.join("state.sqlite3")
    );
    std::fs::write(&config, text).unwrap();
    nichiro()
        .args(["--config", config.to_str().unwrap(), "serve"])
        .args(extra)
        .env("DISCORD_TOKEN", "fake-token")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The process's output once it has ended, or `None` if it is still running after `limit` (then it
/// is killed).
fn ended_within(mut child: Child, limit: Duration) -> Option<Output> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    None
}

/// Waits until `serve` in `dir` has opened its state file and begun connecting (the fact base loads
/// first, and a signal before that ends it the default way), then a little longer.
fn wait_until_serving(dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !dir.join("state.sqlite3").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_secs(2));
}

fn signal(child: &Child, name: &str) {
    let pid = child.id().to_string();
    assert!(Command::new("kill").args([name, &pid]).status().unwrap().success());
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
#[tokio::test]
async fn second_serve_on_one_state_file_is_refused_and_the_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let discord = FakeDiscord::start().await;
    let first = serve(&discord.api_base(), dir.path(), &[]);
    discord.request(|r| r.method == "PUT").await;
    let mode = std::fs::metadata(dir.path().join("state.sqlite3")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    let second_dir = dir.path().join("second");
    std::fs::create_dir(&second_dir).unwrap();
    let config = format!("[state]\npath = {:?}\n", dir.path().join("state.sqlite3"));
    std::fs::write(second_dir.join("nichiro.toml"), config).unwrap();
    let second = nichiro()
        .args(["--config", second_dir.join("nichiro.toml").to_str().unwrap(), "serve"])
        .env("DISCORD_TOKEN", "fake-token")
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(stderr(&second).contains("is in use by another nichiro process"), "{}", stderr(&second));
    signal(&first, "-TERM");
    let out = tokio::task::spawn_blocking(|| ended_within(first, Duration::from_secs(20))).await.unwrap();
    assert_eq!(out.map(|o| o.status.code()), Some(Some(0)));
}

#[cfg(unix)]
#[test]
fn serve_stops_on_sigterm_while_discord_is_unreachable() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on the discard port: every connection attempt fails and serenity retries.
    let child = serve("http://127.0.0.1:9", dir.path(), &[]);
    wait_until_serving(dir.path());
    signal(&child, "-TERM");
    let out = ended_within(child, Duration::from_secs(10)).expect("serve ignored SIGTERM");
    assert!(stderr(&out).contains("shutting down"), "{:?} {}", out.status, stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn serve_second_signal_exits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let child = serve("http://127.0.0.1:9", dir.path(), &[]);
    wait_until_serving(dir.path());
    signal(&child, "-TERM");
    signal(&child, "-INT");
    assert!(ended_within(child, Duration::from_secs(10)).is_some(), "serve ignored two signals");
}

#[tokio::test]
async fn serve_refuses_an_empty_state_file_unless_init() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.sqlite3"), b"").unwrap();
    let discord = FakeDiscord::start().await;
    let refused = serve(&discord.api_base(), dir.path(), &[]).wait_with_output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(message.contains("is empty (0 bytes)") && message.contains("--init"), "{message}");

    let started = serve(&discord.api_base(), dir.path(), &["--init"]);
    discord.request(|r| r.method == "PUT").await;
    signal(&started, "-TERM");
    let out = tokio::task::spawn_blocking(|| ended_within(started, Duration::from_secs(20))).await.unwrap();
    assert_eq!(out.map(|o| o.status.code()), Some(Some(0)));
}

/// A state file with one approved suggestion.
fn state_with_suggestion(dir: &Path) -> PathBuf {
    let path = dir.join("state.sqlite3");
    let store = nichiro::state::Store::open(&path).unwrap();
    let new = nichiro::state::NewSuggestion {
        guild: 1,
        channel: 2,
        author: 3,
        question: "Which ship?".into(),
        passage: "The Kamome Maru.".into(),
        source: "Harbour records".into(),
        at: 0,
    };
    let id = store.suggest(&new).unwrap().id;
    store.approve(id, 1, 4, 0).unwrap();
    path
}

#[test]
fn export_suggestions_never_replaces_curated_files_or_follows_links() {
    let dir = tempfile::tempdir().unwrap();
    let state = state_with_suggestion(dir.path());
    let out = dir.path().join("knowledge");
    bot::copy_knowledge(&out);
    let curated = std::fs::read_to_string(out.join("sources.toml")).unwrap();
    let export = |extra: &[&str]| {
        nichiro()
            .args(["--state", state.to_str().unwrap(), "export-suggestions", "--out", out.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = export(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("exists; use --force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(out.join("sources.toml")).unwrap(), curated);

    #[cfg(unix)]
    {
        let target = dir.path().join("elsewhere.toml");
        std::fs::write(&target, "keep me").unwrap();
        let fresh = dir.path().join("fresh");
        std::fs::create_dir(&fresh).unwrap();
        std::os::unix::fs::symlink(&target, fresh.join("sources.toml")).unwrap();
        let linked = nichiro()
            .args(["--state", state.to_str().unwrap(), "export-suggestions", "--force", "--out"])
            .arg(&fresh)
            .output()
            .unwrap();
        assert_eq!(linked.status.code(), Some(1));
        assert!(stderr(&linked).contains("is a symbolic link"), "{}", stderr(&linked));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!fresh.join("facts").exists(), "nothing half exported");
    }

    let forced = export(&["--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(out.join("sources.toml")).unwrap().contains("suggested-1"));
}

/// `nichiro check` on `dir`, which must end within 20 s.
fn check(dir: &Path) -> Output {
    let child =
        nichiro().arg("check").arg(dir).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    ended_within(child, Duration::from_secs(20)).expect("check hung on the fact base")
}

#[cfg(unix)]
#[test]
fn fact_base_fifo_dangling_link_and_huge_file_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("knowledge");
    bot::copy_knowledge(&base);
    std::fs::remove_file(base.join("sources.toml")).unwrap();
    assert!(Command::new("mkfifo").arg(base.join("sources.toml")).status().unwrap().success());
    let out = check(&base);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("sources.toml is not a regular file"), "{}", stderr(&out));

    bot::copy_knowledge(&dir.path().join("clean"));
    let base = dir.path().join("clean");
    std::os::unix::fs::symlink(dir.path().join("gone.toml"), base.join("facts").join("lost.toml")).unwrap();
    let out = check(&base);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("lost.toml"), "{}", stderr(&out));

    std::fs::remove_file(base.join("facts").join("lost.toml")).unwrap();
    let huge = "# padding\n".repeat(1_000_000);
    std::fs::write(base.join("synonyms.toml"), huge).unwrap();
    let out = check(&base);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the 8388608-byte limit"), "{}", stderr(&out));
}
