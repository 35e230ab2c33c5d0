//! The question commands: `/ask`, `/source`, `/topics`, `/timeline`, `/about`, `/help`.

use std::time::Instant;

use poise::serenity_prelude as serenity;

use super::{Context, Error, locale_lang, render};
use crate::i18n;

/// Ask a question about Japan–Russia relations.
#[poise::command(
    slash_command,
    name_localized("ja", "質問"),
    name_localized("ru", "вопрос"),
    description_localized("ja", "日露関係について質問する"),
    description_localized("ru", "Задать вопрос о российско-японских отношениях")
)]
pub(super) async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. When was the Treaty of Portsmouth signed?"]
    #[description_localized("ja", "質問（例：ポーツマス条約はいつ結ばれた？）")]
    #[description_localized("ru", "Ваш вопрос, например: когда был подписан Портсмутский договор?")]
    #[autocomplete = "complete_question"]
    question: String,
) -> Result<(), Error> {
    let data = ctx.data();
    let guild = ctx.guild_id().map(|g| g.get());
    let lang = i18n::reply_language(&question, ctx.locale());
    let rules = data.rules(guild).await;
    if !data.cooldown.admit((guild, ctx.author().id.get()), Instant::now(), rules.limit) {
        ctx.send(render::notice(i18n::strings(lang).slow_down)).await?;
        return Ok(());
    }
    let reply = data.answer(guild, ctx.channel_id().get(), &question, &rules, lang).await;
    ctx.send(render::reply(&reply)).await?;
    Ok(())
}

/// Show the full references of a fact.
#[poise::command(
    slash_command,
    name_localized("ja", "出典"),
    name_localized("ru", "источник"),
    description_localized("ja", "事実の出典をすべて表示する"),
    description_localized("ru", "Показать полные источники факта")
)]
pub(super) async fn source(
    ctx: Context<'_>,
    #[description = "The fact's id (shown under answers)"]
    #[description_localized("ja", "事実のID")]
    #[description_localized("ru", "Идентификатор факта")]
    #[autocomplete = "complete_fact_id"]
    id: String,
) -> Result<(), Error> {
    let indexes = ctx.data().library.index(ctx.guild_id().map(|g| g.get()));
    let index = indexes.holding(id.trim());
    match index.knowledge().fact(id.trim()) {
        Some(fact) => ctx.send(render::sources(index, fact, locale_lang(ctx.locale()))).await?,
        None => ctx.send(render::notice(i18n::strings(locale_lang(ctx.locale())).no_such_fact)).await?,
    };
    Ok(())
}

async fn complete_fact_id(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let partial = partial.trim().to_lowercase();
    let indexes = ctx.data().library.index(ctx.guild_id().map(|g| g.get()));
    let choices = indexes
        .facts()
        .filter(|f| f.id.contains(&partial))
        .take(render::MAX_CHOICES)
        .map(|f| serenity::AutocompleteChoice::new(f.id.clone(), f.id.clone()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// List the topics nichiro can answer, with how many facts each has.
#[poise::command(
    slash_command,
    name_localized("ja", "トピック"),
    name_localized("ru", "темы"),
    description_localized("ja", "答えられるトピックの一覧"),
    description_localized("ru", "Темы, на которые бот может ответить")
)]
pub(super) async fn topics(ctx: Context<'_>) -> Result<(), Error> {
    let indexes = ctx.data().library.index(ctx.guild_id().map(|g| g.get()));
    let own = indexes.own().map(|own| own.knowledge());
    let bases: Vec<_> = std::iter::once(indexes.base().knowledge()).chain(own).collect();
    ctx.send(render::topics(&bases, locale_lang(ctx.locale()))).await?;
    Ok(())
}

/// About nichiro: version, fact base, sources and licence.
#[poise::command(
    slash_command,
    name_localized("ja", "概要"),
    name_localized("ru", "о_боте"),
    description_localized("ja", "バージョン、ファクトベース、出典、ライセンス"),
    description_localized("ru", "Версия, база фактов, источники и лицензия")
)]
pub(super) async fn about(ctx: Context<'_>) -> Result<(), Error> {
    ctx.send(render::about(ctx.data().library.base().knowledge(), locale_lang(ctx.locale()))).await?;
    Ok(())
}

/// List nichiro's commands and how to ask.
#[poise::command(
    slash_command,
    name_localized("ja", "ヘルプ"),
    name_localized("ru", "помощь"),
    description_localized("ja", "コマンドと質問のしかた"),
    description_localized("ru", "Команды и как задавать вопросы")
)]
pub(super) async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let lang = locale_lang(ctx.locale());
    let commands: Vec<(String, String)> = ctx
        .framework()
        .options()
        .commands
        .iter()
        .map(|c| {
            let localized = |all: &[(std::borrow::Cow<'_, str>, std::borrow::Cow<'_, str>)]| {
                all.iter().find(|(code, _)| code == lang.code()).map(|(_, text)| text.to_string())
            };
            let name = localized(&c.name_localizations).unwrap_or_else(|| c.name.to_string());
            let about = localized(&c.description_localizations)
                .or_else(|| c.description.as_ref().map(|d| d.to_string()))
                .unwrap_or_default();
            (name, about)
        })
        .collect();
    ctx.send(render::help(&commands, lang)).await?;
    Ok(())
}

/// Dated facts in order, a page at a time.
#[poise::command(
    slash_command,
    name_localized("ja", "年表"),
    name_localized("ru", "хронология"),
    description_localized("ja", "年代順の出来事"),
    description_localized("ru", "События по порядку")
)]
pub(super) async fn timeline(
    ctx: Context<'_>,
    #[description = "First year (e.g. 1855)"]
    #[description_localized("ja", "開始年")]
    #[description_localized("ru", "Начальный год")]
    from: Option<i32>,
    #[description = "Last year (e.g. 1956)"]
    #[description_localized("ja", "終了年")]
    #[description_localized("ru", "Конечный год")]
    to: Option<i32>,
) -> Result<(), Error> {
    let poise::Context::Application(app) = ctx else { return Ok(()) };
    let base = ctx.data().library.base();
    let response = render::timeline(base.knowledge(), from, to, locale_lang(ctx.locale()));
    app.interaction.create_response(ctx.serenity_context(), response).await?;
    Ok(())
}

async fn complete_question(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let indexes = ctx.data().library.index(ctx.guild_id().map(|g| g.get()));
    // The server's own suggestions first, then the base's questions.
    let mut questions = indexes
        .own()
        .map(|own| crate::answer::complete(own, partial, render::MAX_CHOICES))
        .unwrap_or_default();
    questions.extend(crate::answer::complete(indexes.base(), partial, render::MAX_CHOICES));
    questions.truncate(render::MAX_CHOICES);
    let choices = questions.into_iter().map(|q| serenity::AutocompleteChoice::new(q.clone(), q)).collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
