//! The real `nichiro serve` binary as a child process, for tests that run several bots at once.

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A `serve` process, killed when the test ends however it ends.
pub struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `nichiro serve` with the config file `config` and the bot token `token`, on the real fact base,
/// its output discarded.
pub fn serve(config: &Path, token: &str) -> Serving {
    let child = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", config.to_str().unwrap(), "--knowledge", "knowledge", "serve"])
        .env_remove("RUST_LOG")
        .env("DISCORD_TOKEN", token)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Serving(child)
}
