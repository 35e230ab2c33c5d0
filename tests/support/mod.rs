//! A fake Discord (REST and gateway) on 127.0.0.1 for end-to-end tests of the real serenity client.
//! See shared notes "fake-discord.md" for what serenity 0.12 needs; payloads here carry those fields.

// Each test crate uses only some of the helpers.
#![allow(dead_code)]

pub mod bot;
pub mod fake_discord;
pub mod guild;
