//! 👍 / 👎 under answers: one vote per member per answer, a new vote replacing the old.

use poise::serenity_prelude as serenity;

use super::{Data, Error, db_within, render};
use crate::state::{Direction, Vote, VoteOutcome};

/// Records a vote, and only then thanks the member (ephemerally): an acknowledged vote is stored. A
/// state file that does not answer in time gets the member an apology, not silence.
pub(super) async fn vote(
    data: &Data,
    press: &serenity::ComponentInteraction,
    direction: Direction,
    fact_id: String,
) -> Result<serenity::CreateInteractionResponse, Error> {
    let vote = Vote {
        message: press.message.id.get(),
        user: press.user.id.get(),
        guild: press.guild_id.map(|g| g.get()),
        fact_id,
        direction,
        at: crate::study::now(),
    };
    let outcome = db_within(&data.store, move |s| s.vote(&vote)).await?;
    Ok(render::ephemeral_response(thanks(direction, outcome)))
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
