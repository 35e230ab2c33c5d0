//! Suggestions: members propose a fact with `/suggest`; moderators approve or reject it in `/review`;
//! an approved one joins the server's overlay at once.

use poise::serenity_prelude as serenity;

use super::ids::{Button, Form};
use super::moderation::{ONLY_MODERATORS, is_moderator, moderator_check};
use super::{Context, Data, Error, db, db_within, render, view};
use crate::state::NewSuggestion;
use crate::study;

/// How many suggestions one member may have waiting, so nobody can flood the review queue.
const MAX_PENDING_PER_MEMBER: usize = 5;

/// Suggest a fact for this server: a question, the passage that answers it, and its source.
#[poise::command(
    slash_command,
    guild_only,
    name_localized("ja", "提案"),
    name_localized("ru", "предложить"),
    description_localized("ja", "新しい事実を提案する"),
    description_localized("ru", "Предложить новый факт")
)]
pub(super) async fn suggest(ctx: Context<'_>) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else { return Ok(()) };
    app.interaction.create_response(ctx.serenity_context(), view::suggest_form()).await?;
    Ok(())
}

/// Review the suggestions waiting in this server; moderators only.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    check = "moderator_check",
    name_localized("ja", "審査"),
    name_localized("ru", "проверка"),
    description_localized("ja", "提案を審査する（モデレーター）"),
    description_localized("ru", "Проверить предложения (модераторы)")
)]
pub(super) async fn review(ctx: Context<'_>) -> Result<(), Error> {
    let guild = super::require_guild(ctx)?;
    let pending = super::db_within(&ctx.data().store, move |s| s.pending(guild)).await?;
    ctx.send(view::review_reply(&pending, 0, None)).await?;
    Ok(())
}

/// Approve, Reject and paging in a review; pressed by a moderator, checked again here.
pub(super) async fn on_review_button(
    data: &Data,
    press: &serenity::ComponentInteraction,
    button: Button,
) -> Result<serenity::CreateInteractionResponse, Error> {
    let guild = press.guild_id;
    if !is_moderator(data, guild, press.member.as_ref()).await? {
        return Ok(render::ephemeral_response(ONLY_MODERATORS));
    }
    let Some(guild) = guild.map(|g| g.get()) else { return Ok(render::ephemeral_response(ONLY_MODERATORS)) };
    let page = match button {
        Button::ReviewPage(page) => page,
        Button::Reject { id, page } => return Ok(view::reject_form(id, page)),
        Button::Approve { .. } | Button::ShowFact { .. } | Button::Timeline { .. } | Button::Vote { .. } => {
            return Err("not a paging or reject button".into());
        }
    };
    let pending = db_within(&data.store, move |s| s.pending(guild)).await?;
    Ok(view::review_update(&pending, page, None))
}

/// Approve: acknowledged at once (indexing the overlay may take longer than Discord waits), then the
/// review message is edited when the suggestion is stored and answerable.
pub(super) async fn approve(
    ctx: &serenity::Context,
    data: &Data,
    press: &serenity::ComponentInteraction,
    id: i64,
    page: usize,
) -> Result<(), Error> {
    let guild = match (is_moderator(data, press.guild_id, press.member.as_ref()).await, press.guild_id) {
        (Ok(true), Some(guild)) => guild.get(),
        (Err(error), _) => {
            tracing::error!(%error, "checking a moderator failed");
            press.create_response(ctx, render::ephemeral_response(super::SORRY)).await?;
            return Ok(());
        }
        _ => {
            press.create_response(ctx, render::ephemeral_response(ONLY_MODERATORS)).await?;
            return Ok(());
        }
    };
    press.create_response(ctx, serenity::CreateInteractionResponse::Acknowledge).await?;
    let edit = match approved_page(data, guild, press.user.id.get(), id, page).await {
        Ok(edit) => edit,
        Err(error) => {
            tracing::error!(%error, id, "approving a suggestion failed");
            view::review_note(super::SORRY)
        }
    };
    press.edit_response(ctx, edit).await?;
    Ok(())
}

async fn approved_page(
    data: &Data,
    guild: u64,
    reviewer: u64,
    id: i64,
    page: usize,
) -> Result<serenity::EditInteractionResponse, Error> {
    let approved = db(&data.store, move |s| s.approve(id, guild, reviewer, study::now())).await?;
    let note = match approved {
        Some(_) => {
            refresh_overlay(data, guild).await?;
            format!("Approved #{id}: I answer with it from now on.")
        }
        None => format!("#{id} is not waiting for review in this server."),
    };
    let pending = db(&data.store, move |s| s.pending(guild)).await?;
    Ok(view::review_edit(&pending, page, &note))
}

/// Rebuilds a server's overlay from its approved suggestions (off the async threads: it indexes).
async fn refresh_overlay(data: &Data, guild: u64) -> Result<(), Error> {
    let (library, store) = (data.library.clone(), data.store.clone());
    tokio::task::spawn_blocking(move || library.refresh(guild, || store.approved(Some(guild)))).await??;
    Ok(())
}

/// The submitted value of a form field.
fn field(submit: &serenity::ModalInteraction, id: &str) -> String {
    submit
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(input) if input.custom_id == id => input.value.clone(),
            _ => None,
        })
        .unwrap_or_default()
}

/// A new suggestion, or a rejection's reason.
pub(super) async fn on_form(
    data: &Data,
    submit: &serenity::ModalInteraction,
    form: Form,
) -> Result<serenity::CreateInteractionResponse, Error> {
    let Some(guild) = submit.guild_id.map(|g| g.get()) else {
        return Ok(render::ephemeral_response("Suggestions are kept per server: use `/suggest` in one."));
    };
    match form {
        Form::Suggest => {
            // Stored without control characters; shown everywhere through crate::display.
            let typed = |id| crate::display::clean(&field(submit, id)).trim().to_string();
            let (question, passage, source) =
                (typed(view::QUESTION), typed(view::PASSAGE), typed(view::SOURCE));
            if let Err(problem) = study::check_suggestion(&question, &passage, &source) {
                return Ok(render::ephemeral_response(&format!(
                    "I could not take that suggestion: {problem}."
                )));
            }
            let new = NewSuggestion {
                guild,
                channel: submit.channel_id.get(),
                author: submit.user.id.get(),
                question,
                passage,
                source,
                at: study::now(),
            };
            let Some(stored) =
                db_within(&data.store, move |s| s.suggest_within(&new, MAX_PENDING_PER_MEMBER)).await?
            else {
                return Ok(render::ephemeral_response(&format!(
                    "You already have {MAX_PENDING_PER_MEMBER} suggestions waiting for review; please wait until the moderators have looked at them."
                )));
            };
            Ok(render::ephemeral_response(&format!(
                "Thanks! Suggestion #{} is waiting for a moderator's review.",
                stored.id
            )))
        }
        Form::Reject { id, page } => {
            if !is_moderator(data, submit.guild_id, submit.member.as_ref()).await? {
                return Ok(render::ephemeral_response(ONLY_MODERATORS));
            }
            let (reviewer, reason) = (submit.user.id.get(), field(submit, view::REASON));
            let reason = crate::display::clean(&reason).trim().to_string();
            let rejected =
                db_within(&data.store, move |s| s.reject(id, guild, reviewer, &reason, study::now())).await?;
            let note = match rejected {
                Some(_) => format!("Rejected #{id}."),
                None => format!("#{id} is not waiting for review in this server."),
            };
            let pending = db_within(&data.store, move |s| s.pending(guild)).await?;
            Ok(view::review_update(&pending, page, Some(&note)))
        }
    }
}
