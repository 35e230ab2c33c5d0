//! Running nichiro as a deployment does (issue 13), through the built binary: from any working
//! directory with the config named, `serve --help` saying what the environment may set, and the
//! invite address.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn nichiro_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nichiro"));
    command.current_dir(cwd).args(args).stdin(Stdio::null()).env_remove("NICHIRO_CONFIG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn shipped_config() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config/nichiro.toml").to_str().unwrap().to_string()
}

#[test]
fn config_paths_relative_to_the_config_file() {
    let elsewhere = tempfile::tempdir().unwrap();
    let config = shipped_config();
    let out =
        nichiro_in(elsewhere.path(), &["--config", &config, "ask", "--json", "Treaty of Portsmouth"], &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("\"treaty-of-portsmouth-1905\""), "{stdout}");
    let out = nichiro_in(elsewhere.path(), &["check"], &[("NICHIRO_CONFIG", &config)]);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("knowledge: ok"),
        "{out:?}"
    );
}

#[test]
fn config_missing_fact_base_named_from_elsewhere() {
    // Without a config, the defaults are relative to the working directory, and the error says so.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = nichiro_in(elsewhere.path(), &["ask", "Treaty of Portsmouth"], &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("knowledge not found") && stderr.contains("--config"), "{stderr}");
}

#[test]
fn serve_help_lists_environment_and_signals() {
    let out = nichiro_in(Path::new(env!("CARGO_MANIFEST_DIR")), &["serve", "--help"], &[]);
    let help = String::from_utf8_lossy(&out.stdout);
    for var in nichiro::config::ENV_OVERRIDES {
        assert!(help.contains(var.name) && help.contains(var.key), "{} missing:\n{help}", var.name);
    }
    for word in ["DISCORD_TOKEN", "NICHIRO_CONFIG", "RUST_LOG", "SIGHUP", "SIGTERM", "Unix only"] {
        assert!(help.contains(word), "{word} missing:\n{help}");
    }
}

const PERMISSIONS: &str = "permissions=274877991936";

#[test]
fn invite_with_application_id_given() {
    let out = nichiro_in(Path::new("."), &["invite", "--application-id", "123456789"], &[]);
    let url = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        url.trim(),
        format!(
            "https://discord.com/oauth2/authorize?client_id=123456789&scope=bot%20applications.commands&{PERMISSIONS}"
        )
    );
}

/// `nichiro invite` with no id given, against a fake Discord: its exit status, stdout and stderr.
async fn invite_asking(discord: &support::fake_discord::FakeDiscord) -> (bool, String, String) {
    let base = discord.api_base();
    let out = tokio::task::spawn_blocking(move || {
        nichiro_in(
            Path::new("."),
            &["invite"],
            &[("NICHIRO_DISCORD_API_BASE", &base), ("DISCORD_TOKEN", "t")],
        )
    })
    .await
    .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[tokio::test]
async fn invite_asks_discord_for_the_application_id() {
    let discord = support::fake_discord::FakeDiscord::start().await;
    let (ok, stdout, stderr) = invite_asking(&discord).await;
    assert!(ok, "{stderr}");
    let app = support::fake_discord::APP_ID;
    assert!(stdout.contains(&format!("client_id={app}&")) && stdout.contains(PERMISSIONS), "{stdout}");
    let asked = discord.requests(|r| r.path.ends_with("/oauth2/applications/@me"));
    assert_eq!(asked.len(), 1);
}

#[tokio::test]
async fn invite_refused_token_is_said() {
    let discord = support::fake_discord::FakeDiscord::start_rejecting_token().await;
    let (ok, stdout, stderr) = invite_asking(&discord).await;
    assert!(!ok && stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr.trim(),
        "error: cannot ask Discord for the application id: Discord rejected the bot token"
    );
}
