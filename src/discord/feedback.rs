//! 👍 / 👎 under answers: one vote per member per answer, a new vote replacing the old.

use poise::serenity_prelude as serenity;

use super::{Data, Error, STATE_WAIT, render};
use crate::state::{Direction, StateError, Vote, VoteOutcome};

/// Records a vote, and only then thanks the member (ephemerally): an acknowledged vote is stored. If
/// the state file is slow (a burst of votes, another process's lock), the press is deferred within
/// Discord's window and the thanks, or an apology if the vote could not be stored, follows as an edit.
pub(super) async fn vote(
    ctx: &serenity::Context,
    data: &Data,
    press: &serenity::ComponentInteraction,
    direction: Direction,
    fact_id: String,
) -> Result<(), Error> {
    let vote = Vote {
        message: press.message.id.get(),
        user: press.user.id.get(),
        guild: press.guild_id.map(|g| g.get()),
        fact_id,
        direction,
        at: crate::study::now(),
    };
    let sorry = crate::i18n::strings(super::locale_lang(Some(&press.locale))).sorry;
    let store = data.store.clone();
    let mut write = tokio::task::spawn_blocking(move || store.vote(&vote));
    if let Ok(done) = tokio::time::timeout(STATE_WAIT, &mut write).await {
        press.create_response(ctx, render::ephemeral_response(said(direction, done, sorry))).await?;
        return Ok(());
    }
    let deferred = serenity::CreateInteractionResponseMessage::new().ephemeral(true);
    press.create_response(ctx, serenity::CreateInteractionResponse::Defer(deferred)).await?;
    let text = said(direction, write.await, sorry);
    let edit = serenity::EditInteractionResponse::new().content(text).allowed_mentions(render::quiet());
    press.edit_response(ctx, edit).await?;
    Ok(())
}

/// The reply to a vote once its write has ended: thanks, or an apology (the log gets the error).
fn said(
    direction: Direction,
    written: Result<Result<VoteOutcome, StateError>, tokio::task::JoinError>,
    sorry: &'static str,
) -> &'static str {
    match written {
        Ok(Ok(outcome)) => thanks(direction, outcome),
        Ok(Err(error)) => {
            tracing::error!(%error, "a vote could not be stored");
            sorry
        }
        Err(error) => {
            tracing::error!(%error, "storing a vote failed");
            sorry
        }
    }
}

/// What a member is told after voting.
fn thanks(direction: Direction, outcome: VoteOutcome) -> &'static str {
    match (outcome, direction) {
        (VoteOutcome::New, Direction::Up) => "Thanks for the 👍: it tells the moderators this answer works.",
        (VoteOutcome::New, Direction::Down) => {
            "Thanks for the 👎: the moderators will see it in `/gaps`. `/suggest` can propose a better answer."
        }
        (VoteOutcome::Changed, Direction::Up) => "Changed your vote to 👍.",
        (VoteOutcome::Changed, Direction::Down) => "Changed your vote to 👎.",
        (VoteOutcome::Unchanged, Direction::Up) => "You have already given this answer a 👍.",
        (VoteOutcome::Unchanged, Direction::Down) => "You have already given this answer a 👎.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thanks_says_what_changed() {
        assert!(thanks(Direction::Down, VoteOutcome::Changed).contains("👎"));
        assert!(thanks(Direction::Up, VoteOutcome::Unchanged).contains("already"));
        assert_ne!(thanks(Direction::Up, VoteOutcome::New), thanks(Direction::Down, VoteOutcome::New));
    }
}
