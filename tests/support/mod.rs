//! A fake Discord (REST and gateway) on 127.0.0.1 for end-to-end tests of the real serenity client.
//! See shared notes "fake-discord.md" for what serenity 0.12 needs; payloads here carry those fields.

// Each test crate uses only some of the helpers.
#![allow(dead_code)]

pub mod bot;
pub mod fake_discord;
pub mod guild;
pub mod serving;

/// The fact file under `knowledge` (a fact base directory) that defines the fact `id`.
pub fn fact_file(knowledge: &std::path::Path, id: &str) -> std::path::PathBuf {
    let line = format!("id = \"{id}\"");
    let mut folders = vec![knowledge.join("facts")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read_to_string(&path).is_ok_and(|t| t.lines().any(|l| l == line)) {
                return path;
            }
        }
    }
    panic!("no fact file under {} defines {id}", knowledge.display())
}
