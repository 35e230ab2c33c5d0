//! Running nichiro as a deployment does (issue 13), through the built binary: from any working
//! directory with the config named, and `serve --help` saying what the environment may set.

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
