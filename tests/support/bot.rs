//! The bot running in-process against a fake Discord, with its own state file and fact base.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use nichiro::config::Config;
use nichiro::discord::{self, Launch, Token};
use nichiro::search::Index;
use nichiro::state::Store;

use super::fake_discord::FakeDiscord;

/// A running bot: the fake it talks to, and the temporary directory holding its state file.
pub struct Bot {
    pub discord: FakeDiscord,
    pub dir: tempfile::TempDir,
}

impl Deref for Bot {
    type Target = FakeDiscord;
    fn deref(&self) -> &FakeDiscord {
        &self.discord
    }
}

impl Bot {
    /// The bot's SQLite file.
    pub fn state_path(&self) -> PathBuf {
        self.dir.path().join("state.sqlite3")
    }

    /// Holds the state file's write lock from another connection (`BEGIN IMMEDIATE`) until the
    /// returned sender is dropped or sent to.
    pub fn hold_write_lock(&self) -> std::sync::mpsc::Sender<()> {
        let (release, held) = std::sync::mpsc::channel::<()>();
        let (locked, ready) = std::sync::mpsc::channel();
        let path = self.state_path();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            locked.send(()).unwrap();
            let _ = held.recv();
            conn.execute_batch("ROLLBACK").unwrap();
        });
        ready.recv().unwrap();
        release
    }

    /// A read-only connection to the bot's state (WAL lets it read while the bot writes).
    pub fn store(&self) -> Store {
        Store::open_read_only(&self.state_path()).unwrap()
    }
}

/// Starts the bot with `config` (its Discord address and state file are filled in) on the fact base
/// in `knowledge`, and waits until it has identified.
pub async fn launch(mut config: Config, knowledge: &Path) -> Bot {
    let discord = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    config.discord.api_base = Some(discord.api_base());
    config.state.path = dir.path().join("state.sqlite3");
    config.knowledge.dir = knowledge.to_path_buf();
    let index = Index::new(nichiro::knowledge::load(knowledge).unwrap(), config.matching.settings());
    let store = Store::open(&config.state.path).unwrap();
    let token = Token::new("fake-token").unwrap();
    tokio::spawn(async move { discord::run(Launch { index, config, store }, token).await });
    discord.frame(2).await;
    Bot { discord, dir }
}

/// Copies a fact base directory (to change it under a running bot).
pub fn copy_knowledge(to: &Path) {
    for entry in walk(Path::new("knowledge")) {
        let target = to.join(entry.strip_prefix("knowledge").unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}
