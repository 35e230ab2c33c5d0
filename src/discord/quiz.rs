//! Quizzes: `/quiz start` runs rounds in a channel, members answer in chat, the first right answer
//! scores; `/quiz stop`; `/leaderboard`. One quiz per channel.

use crate::lang::Lang;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use poise::serenity_prelude as serenity;
use tokio::sync::{Notify, mpsc};

use super::moderation::is_moderator;
use super::{Context, Error, db, render, view};
use crate::quiz::{self as questions, QuizQuestion};
use crate::state::Store;
use crate::study::Library;

/// Answers waiting to be graded in one channel; more than this and the newest are dropped.
const QUEUE: usize = 256;

struct Running {
    answers: mpsc::Sender<(u64, String)>,
    stop: Arc<Notify>,
    starter: u64,
}

/// Where a quiz runs: a channel of a server. Both are part of the key, so an event that names a
/// channel under another server (as a forged or confused one may) never reaches this quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Place {
    /// The server (`None` in direct messages, where quizzes do not run).
    pub guild: Option<u64>,
    /// The channel.
    pub channel: u64,
}

/// The quizzes running now, by server and channel.
#[derive(Default)]
pub(super) struct Quizzes {
    running: Mutex<HashMap<Place, Running>>,
}

/// A channel held for one quiz; dropping it frees the channel, however the quiz ends (finished,
/// stopped, failed to start, or its task panicked).
struct Claim {
    quizzes: Arc<Quizzes>,
    place: Place,
}

impl Drop for Claim {
    fn drop(&mut self) {
        self.quizzes.lock().remove(&self.place);
    }
}

impl Quizzes {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Place, Running>> {
        self.running.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Holds `place` for a new quiz; `None` when one is already running there.
    fn claim(self: &Arc<Self>, place: Place, running: Running) -> Option<Claim> {
        match self.lock().entry(place) {
            std::collections::hash_map::Entry::Occupied(_) => None,
            std::collections::hash_map::Entry::Vacant(free) => {
                free.insert(running);
                Some(Claim { quizzes: self.clone(), place })
            }
        }
    }

    /// Passes a message to the quiz running where it was sent, if any.
    pub(super) fn offer(&self, place: Place, user: u64, text: &str) {
        if let Some(quiz) = self.lock().get(&place) {
            // A full queue means a flood; dropping an answer then is fairer than stalling.
            let _ = quiz.answers.try_send((user, text.to_string()));
        }
    }
}

/// Start or stop a quiz in this channel.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "stop"),
    subcommand_required,
    name_localized("ja", "クイズ"),
    name_localized("ru", "викторина"),
    description_localized("ja", "このチャンネルでクイズ"),
    description_localized("ru", "Викторина в этом канале")
)]
pub(super) async fn quiz(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Start a quiz: questions from the fact base, answered in this channel.
#[poise::command(
    slash_command,
    guild_only,
    name_localized("ja", "開始"),
    name_localized("ru", "начать"),
    description_localized("ja", "クイズを始める"),
    description_localized("ru", "Начать викторину")
)]
async fn start(
    ctx: Context<'_>,
    #[description = "Only questions from this topic"]
    #[autocomplete = "complete_topic"]
    topic: Option<String>,
    #[description = "How many questions"]
    #[min = 1]
    #[max = 50]
    rounds: Option<u32>,
) -> Result<(), Error> {
    let (guild, channel) = (super::require_guild(ctx)?, ctx.channel_id().get());
    let study = ctx.data().config.study;
    let rounds = rounds.unwrap_or(study.quiz_rounds).min(study.quiz_max_rounds) as usize;
    // Quizzes ask the curated base only, not a server's own suggestions.
    let index = ctx.data().library.base();
    // The quiz speaks the language of the member who starts it.
    let lang = super::locale_lang(ctx.locale());
    let pool = questions::pool_in(index.knowledge(), topic.as_deref(), lang);
    let drawn = questions::draw(&pool, rounds, fastrand::u64(..));
    if drawn.is_empty() {
        ctx.send(render::notice(crate::i18n::strings(lang).quiz_no_questions)).await?;
        return Ok(());
    }
    let (answers, inbox) = mpsc::channel(QUEUE);
    let stop = Arc::new(Notify::new());
    let running = Running { answers, stop: stop.clone(), starter: ctx.author().id.get() };
    let place = Place { guild: Some(guild), channel };
    let Some(claim) = ctx.data().quizzes.claim(place, running) else {
        ctx.send(render::notice("A quiz is already running in this channel; `/quiz stop` ends it.")).await?;
        return Ok(());
    };
    let seconds = study.quiz_round_seconds;
    ctx.send(view::quiz_intro(drawn.len(), topic.as_deref(), seconds, lang)).await?;
    let game = Game {
        http: ctx.serenity_context().http.clone(),
        channel: serenity::ChannelId::new(channel),
        guild,
        store: ctx.data().store.clone(),
        library: ctx.data().library.clone(),
        claim,
        round: Duration::from_secs(seconds),
    };
    tokio::spawn(game.play(drawn, inbox, stop));
    Ok(())
}

/// Stop the quiz in this channel (the member who started it, or a moderator).
#[poise::command(
    slash_command,
    guild_only,
    name_localized("ja", "終了"),
    name_localized("ru", "стоп"),
    description_localized("ja", "クイズを終える"),
    description_localized("ru", "Остановить викторину")
)]
async fn stop(ctx: Context<'_>) -> Result<(), Error> {
    let place = Place { guild: Some(super::require_guild(ctx)?), channel: ctx.channel_id().get() };
    let running = ctx.data().quizzes.lock().get(&place).map(|q| (q.starter, q.stop.clone()));
    let Some((starter, stop)) = running else {
        ctx.send(render::notice("No quiz is running in this channel.")).await?;
        return Ok(());
    };
    let member = match ctx {
        poise::Context::Application(app) => app.interaction.member.as_deref(),
        poise::Context::Prefix(_) => None,
    };
    if starter != ctx.author().id.get() && !is_moderator(ctx.data(), ctx.guild_id(), member).await? {
        ctx.send(render::notice("Only the member who started this quiz, or a moderator, can stop it."))
            .await?;
        return Ok(());
    }
    stop.notify_one();
    ctx.send(render::notice("Stopping the quiz.")).await?;
    Ok(())
}

async fn complete_topic(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let index = ctx.data().library.base();
    let partial = partial.trim().to_lowercase();
    let choices = index
        .knowledge()
        .sections()
        .into_iter()
        .filter(|(section, _)| section.to_lowercase().contains(&partial))
        .take(render::MAX_CHOICES)
        .map(|(section, _)| serenity::AutocompleteChoice::new(section.to_string(), section.to_string()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The quiz scores in this server.
#[poise::command(
    slash_command,
    guild_only,
    name_localized("ja", "ランキング"),
    name_localized("ru", "рейтинг"),
    description_localized("ja", "このサーバーのクイズ得点"),
    description_localized("ru", "Очки викторины на этом сервере")
)]
pub(super) async fn leaderboard(ctx: Context<'_>) -> Result<(), Error> {
    let guild = super::require_guild(ctx)?;
    let scores =
        super::db_within(&ctx.data().store, move |s| s.leaderboard(guild, view::LEADERBOARD_SHOWN)).await?;
    ctx.send(view::leaderboard(&scores)).await?;
    Ok(())
}

/// A running quiz's handles.
struct Game {
    http: Arc<serenity::Http>,
    channel: serenity::ChannelId,
    guild: u64,
    store: Arc<Store>,
    library: Arc<Library>,
    claim: Claim,
    round: Duration,
}

/// How a round ended.
enum Ending {
    Won { user: u64, total: u64 },
    TimedOut,
    Stopped,
}

impl Game {
    /// Plays every round, then frees the channel, whatever happened.
    async fn play(
        self,
        drawn: Vec<QuizQuestion>,
        mut inbox: mpsc::Receiver<(u64, String)>,
        stop: Arc<Notify>,
    ) {
        let mut wins: Vec<(u64, u32)> = Vec::new();
        let total = drawn.len();
        for (n, question) in drawn.iter().enumerate() {
            match self.round(n + 1, total, question, &mut inbox, &stop).await {
                Ok(Ending::Stopped) => break,
                Ok(Ending::Won { user, .. }) => match wins.iter_mut().find(|(u, _)| *u == user) {
                    Some((_, points)) => *points += 1,
                    None => wins.push((user, 1)),
                },
                Ok(Ending::TimedOut) => {}
                Err(e) => {
                    tracing::error!(%e, channel = %self.channel, "quiz round failed; ending the quiz");
                    break;
                }
            }
        }
        drop(self.claim);
        wins.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Err(e) = self
            .channel
            .send_message(&self.http, view::quiz_over(&wins, drawn.first().map_or(Lang::En, |q| q.lang)))
            .await
        {
            tracing::warn!(%e, "could not post the quiz results");
        }
    }

    async fn round(
        &self,
        n: usize,
        total: usize,
        question: &QuizQuestion,
        inbox: &mut mpsc::Receiver<(u64, String)>,
        stop: &Notify,
    ) -> Result<Ending, Error> {
        // Answers typed between rounds belong to no question.
        while inbox.try_recv().is_ok() {}
        self.channel.send_message(&self.http, view::quiz_question(n, total, question, self.round)).await?;
        let deadline = tokio::time::Instant::now() + self.round;
        let ending = loop {
            tokio::select! {
                () = stop.notified() => break Ending::Stopped,
                () = tokio::time::sleep_until(deadline) => break Ending::TimedOut,
                answer = inbox.recv() => {
                    let Some((user, text)) = answer else { break Ending::Stopped };
                    if question.key.accepts(&text) {
                        let guild = self.guild;
                        let total = db(&self.store, move |s| s.add_points(guild, user, 1)).await?;
                        break Ending::Won { user, total };
                    }
                }
            }
        };
        let index = self.library.base();
        let winner = match ending {
            Ending::Won { user, total } => Some((user, total)),
            _ => None,
        };
        self.channel.send_message(&self.http, view::quiz_reveal(&index, question, winner)).await?;
        Ok(ending)
    }
}
