//! Moderators and their commands: who counts as one, `/settings`, `/gaps` and `/reload`.
//!
//! A moderator has Manage Server (or Administrator) in the channel, or the moderator role the server
//! set with `/settings`. Moderator commands declare `MANAGE_GUILD` as their default permission, so
//! Discord hides them from everyone else until a server admin grants them to another role in its
//! Integrations settings, and they check again when run.

use poise::serenity_prelude as serenity;

use super::{Context, Data, Error, Rules, db_within, render, view};
use crate::state::SettingsChange;

/// What anyone else is told.
pub(super) const ONLY_MODERATORS: &str = "Only this server's moderators can do that: members with Manage Server, or the moderator role set with `/settings`.";

/// Why the last mention channel cannot simply be removed.
const LAST_CHANNEL: &str = "That is the only channel where I answer mentions; without it I would answer in every channel. \
     Add another channel first, or use `all_channels: True` to answer everywhere.";

/// Whether a member with these permissions and roles may moderate, given the server's moderator role.
fn may_moderate(
    permissions: Option<serenity::Permissions>,
    roles: &[serenity::RoleId],
    moderator_role: Option<u64>,
) -> bool {
    let manages = permissions.is_some_and(|p| p.administrator() || p.manage_guild());
    manages || moderator_role.is_some_and(|role| roles.iter().any(|r| r.get() == role))
}

/// Whether the member who pressed a button or sent a form in a server may moderate there.
pub(super) async fn is_moderator(
    data: &Data,
    guild: Option<serenity::GuildId>,
    member: Option<&serenity::Member>,
) -> Result<bool, Error> {
    let (Some(guild), Some(member)) = (guild, member) else { return Ok(false) };
    if may_moderate(member.permissions, &member.roles, None) {
        return Ok(true);
    }
    let rules = data.rules(Some(guild.get())).await;
    Ok(may_moderate(None, &member.roles, rules.moderator_role))
}

/// The check on every moderator command, run when it is used (Discord's defaults can be overridden).
pub(super) async fn moderator_check(ctx: Context<'_>) -> Result<bool, Error> {
    let poise::Context::Application(app) = ctx else { return Ok(false) };
    is_moderator(ctx.data(), app.interaction.guild_id, app.interaction.member.as_deref()).await
}

/// Show or change this server's settings; moderators only.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    check = "moderator_check",
    name_localized("ja", "設定"),
    name_localized("ru", "настройки"),
    description_localized("ja", "このサーバーの設定を表示・変更する（モデレーター）"),
    description_localized("ru", "Показать или изменить настройки сервера (модераторы)")
)]
#[allow(clippy::too_many_arguments)]
pub(super) async fn settings(
    ctx: Context<'_>,
    #[description = "Also answer mentions in this channel"] add_channel: Option<serenity::ChannelId>,
    #[description = "Stop answering mentions in this channel"] remove_channel: Option<serenity::ChannelId>,
    #[description = "Answer mentions in every channel again"] all_channels: Option<bool>,
    #[description = "Members with this role count as moderators"] moderator_role: Option<serenity::RoleId>,
    #[description = "Remove the moderator role"] no_moderator_role: Option<bool>,
    #[description = "Confidence (0–1) below which I decline"]
    #[min = 0.0]
    #[max = 1.0]
    threshold: Option<f64>,
    #[description = "Questions a member may ask per cooldown window (0: no limit)"]
    #[max = 1000]
    cooldown_questions: Option<u32>,
    #[description = "The cooldown window in seconds"]
    #[min = 1]
    #[max = 86400]
    cooldown_seconds: Option<u32>,
    #[description = "Threshold and cooldown back to the bot's defaults"] reset: Option<bool>,
) -> Result<(), Error> {
    let guild = super::require_guild(ctx)?;
    if let (Some(removed), None, None | Some(false)) = (remove_channel, add_channel, all_channels) {
        // Checked on the stored settings themselves: defaults would let the last channel go.
        let stored = db_within(&ctx.data().store, move |s| s.settings(guild)).await?;
        if stored.mention_channels == [removed.get()] {
            ctx.send(render::notice(LAST_CHANNEL)).await?;
            return Ok(());
        }
    }
    let reset = reset == Some(true);
    let change = SettingsChange {
        add_channel: add_channel.map(|c| c.get()),
        remove_channel: remove_channel.map(|c| c.get()),
        clear_channels: all_channels == Some(true),
        moderator_role: match (moderator_role, no_moderator_role) {
            (_, Some(true)) => Some(None),
            (Some(role), _) => Some(Some(role.get())),
            _ => None,
        },
        decline_below: if reset { Some(None) } else { threshold.map(|t| Some(t as f32)) },
        cooldown_questions: if reset { Some(None) } else { cooldown_questions.map(Some) },
        cooldown_seconds: if reset { Some(None) } else { cooldown_seconds.map(Some) },
    };
    let changed = change != SettingsChange::default();
    // The change waits for the state file as long as it must: Discord is told to wait for it.
    ctx.defer_ephemeral().await?;
    let stored = ctx.data().change_settings(guild, change).await?;
    let rules = Rules::merge(&ctx.data().config, &stored);
    ctx.send(view::settings(&stored, &rules, changed)).await?;
    Ok(())
}

/// Questions I could not answer and answers members voted down; moderators only.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    check = "moderator_check",
    name_localized("ja", "未回答"),
    name_localized("ru", "пробелы"),
    description_localized("ja", "答えられなかった質問と低評価の回答（モデレーター）"),
    description_localized("ru", "Вопросы без ответа и ответы с минусами (модераторы)")
)]
pub(super) async fn gaps(
    ctx: Context<'_>,
    #[description = "How many days back (default 7)"]
    #[min = 1]
    #[max = 3650]
    days: Option<u32>,
) -> Result<(), Error> {
    let guild = super::require_guild(ctx)?;
    let days = days.unwrap_or(7);
    let since = crate::study::now() - i64::from(days) * 86_400;
    let report =
        db_within(&ctx.data().store, move |s| s.gap_report(Some(guild), since, view::GAPS_SHOWN)).await?;
    ctx.send(view::gaps(&report, days)).await?;
    Ok(())
}

/// Reload the fact base from disk; a base with errors is refused and the old one keeps serving.
#[poise::command(
    slash_command,
    owners_only,
    default_member_permissions = "MANAGE_GUILD",
    name_localized("ja", "再読み込み"),
    name_localized("ru", "перезагрузка"),
    description_localized("ja", "ファクトベースを再読み込みする（オーナー）"),
    description_localized("ru", "Перезагрузить базу фактов (владельцы)")
)]
pub(super) async fn reload(ctx: Context<'_>) -> Result<(), Error> {
    // Loading takes a moment; defer so Discord does not time the command out.
    ctx.defer_ephemeral().await?;
    let library = ctx.data().library.clone();
    let result = tokio::task::spawn_blocking(move || library.reload()).await?;
    match &result {
        Ok(stats) => tracing::info!(%stats, "/reload: fact base reloaded"),
        Err(e) => tracing::warn!(%e, "/reload refused"),
    }
    let text = crate::study::reload_report(&result, render::MAX_CONTENT - 10);
    ctx.send(render::notice(&text)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_moderate_manage_guild_or_role() {
        let role = serenity::RoleId::new(77);
        assert!(may_moderate(Some(serenity::Permissions::MANAGE_GUILD), &[], None));
        assert!(may_moderate(Some(serenity::Permissions::ADMINISTRATOR), &[], None));
        assert!(may_moderate(Some(serenity::Permissions::empty()), &[role], Some(77)));
        assert!(!may_moderate(Some(serenity::Permissions::SEND_MESSAGES), &[role], Some(78)));
        assert!(!may_moderate(None, &[role], None), "no role configured: a role grants nothing");
    }
}
