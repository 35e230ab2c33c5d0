//! Japanese and Russian end to end, against the fake Discord: the answer's language follows the
//! question's script (or, for `/ask`, the member's locale when the script does not decide), with
//! the same citations as the English answer, and the bot's own words in that language.

mod support;

use std::path::Path;

use nichiro::config::Config;
use nichiro::i18n::{Counted, count, strings};
use nichiro::knowledge::KnowledgeBase;
use nichiro::lang::Lang;
use serde_json::{Value, json};
use support::bot::{self, Bot};
use support::fake_discord as fake;

async fn start() -> Bot {
    bot::launch(Config::default(), Path::new("knowledge")).await
}

fn kb() -> KnowledgeBase {
    nichiro::knowledge::load("knowledge").unwrap()
}

/// `/ask question` from a member whose Discord client is set to `locale`.
fn ask_in(id: u64, question: &str, locale: &str) -> Value {
    let mut interaction =
        fake::slash_command(id, "ask", json!([{"name": "question", "type": 3, "value": question}]));
    interaction["locale"] = json!(locale);
    interaction
}

async fn callback(bot: &Bot, id: u64) -> Value {
    let path = format!("/api/v10/interactions/{id}/token-{id}/callback");
    bot.request(|r| r.path == path).await.body
}

/// The references of a fact as every answer lists them, in any language.
fn sources_field(kb: &KnowledgeBase, id: &str) -> String {
    nichiro::answer::numbered(&nichiro::answer::references(kb, kb.fact(id).unwrap())).join("\n")
}

#[tokio::test]
async fn japanese_ask_from_japanese_member_gets_japanese_embed_with_same_citations() {
    let bot = start().await;
    bot.dispatch("INTERACTION_CREATE", ask_in(3001, "ポーツマス条約はいつ結ばれたの？", "ja"));
    let data = callback(&bot, 3001).await["data"].clone();
    let embed = &data["embeds"][0];
    let kb = kb();
    let fact = kb
        .facts()
        .iter()
        .find(|f| Some(f.passage_in(Lang::Ja)) == embed["description"].as_str())
        .unwrap_or_else(|| panic!("not a Japanese passage: {embed}"));
    assert!(fact.passage_in(Lang::Ja).contains("1905"), "{embed}");
    assert_eq!(embed["fields"][0]["name"], strings(Lang::Ja).sources);
    assert_eq!(embed["fields"][0]["value"].as_str(), Some(sources_field(&kb, &fact.id).as_str()));
    assert_eq!(embed["title"].as_str(), Some(kb.section_in(&fact.section, Lang::Ja)));
    let votes = &data["components"].as_array().unwrap().last().unwrap()["components"];
    assert_eq!(votes[0]["label"], strings(Lang::Ja).helpful, "{data}");
    assert_eq!(data["allowed_mentions"]["parse"], json!([]));
}

#[tokio::test]
async fn locale_decides_when_the_script_does_not() {
    let bot = start().await;
    bot.dispatch("INTERACTION_CREATE", ask_in(3101, "Sakhalin-2", "ru"));
    let latin = callback(&bot, 3101).await;
    let description = latin["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(kb().facts().iter().any(|f| f.passage == description), "Latin script is English: {description}");
    bot.dispatch("INTERACTION_CREATE", ask_in(3102, "1956", "ru"));
    let digits = callback(&bot, 3102).await;
    let embed = &digits["data"]["embeds"][0];
    let russian = embed["fields"][0]["name"] == strings(Lang::Ru).sources
        || [strings(Lang::Ru).not_covered_title, strings(Lang::Ru).tie_title]
            .map(Value::from)
            .contains(&embed["title"]);
    assert!(russian, "digits alone follow the locale: {embed}");
}

#[tokio::test]
async fn russian_mention_gets_a_russian_reply() {
    let bot = start().await;
    let channel = fake::CHANNEL_ID.to_string();
    let asked = format!("<@{}> Когда был подписан Портсмутский мирный договор?", fake::BOT_ID);
    bot.dispatch(
        "MESSAGE_CREATE",
        fake::message_payload(&channel, fake::USER_ID, false, &asked, &[fake::BOT_ID]),
    );
    let reply = bot.request(|r| r.method == "POST" && r.path.ends_with("/messages")).await;
    let embed = &reply.body["embeds"][0];
    let description = embed["description"].as_str().unwrap();
    let kb = kb();
    let fact = kb.facts().iter().find(|f| f.passage_in(Lang::Ru) == description).expect("a Russian passage");
    assert!(description.contains("1905"), "{description}");
    assert_eq!(embed["fields"][0]["name"], strings(Lang::Ru).sources);
    assert_eq!(embed["fields"][0]["value"].as_str(), Some(sources_field(&kb, &fact.id).as_str()));
    assert_eq!(reply.body["allowed_mentions"]["parse"], json!([]));
}

#[tokio::test]
async fn japanese_decline_offers_japanese_buttons_that_post_japanese_answers() {
    let bot = start().await;
    // "条約" ("treaty") alone fits several facts about equally: a decline that asks which one. ("人気",
    // "popular", did until the summary of Russian culture in Japan, whose passage says it, led.)
    bot.dispatch("INTERACTION_CREATE", ask_in(3201, "条約", "en-US"));
    let declined = callback(&bot, 3201).await;
    let embed = &declined["data"]["embeds"][0];
    assert_eq!(embed["title"], strings(Lang::Ja).tie_title, "{declined}");
    let text = embed["description"].as_str().unwrap();
    assert!(
        text.starts_with(strings(Lang::Ja).tie) && text.contains(strings(Lang::Ja).did_you_mean),
        "{text}"
    );
    let buttons = declined["data"]["components"][0]["components"].as_array().expect("buttons").clone();
    assert!(!buttons.is_empty() && buttons.len() <= 3, "{declined}");
    let custom_id = buttons[0]["custom_id"].as_str().unwrap();
    let id = custom_id.strip_prefix("nichiro:fact:ja:").expect("a Japanese button");
    let kb = kb();
    let fact = kb.fact(id).unwrap();
    assert_eq!(buttons[0]["label"].as_str(), fact.questions_in(Lang::Ja).first().map(String::as_str));
    bot.dispatch("INTERACTION_CREATE", fake::button_press(3202, custom_id));
    let answered = callback(&bot, 3202).await;
    assert_eq!(answered["data"]["embeds"][0]["description"].as_str(), Some(fact.passage_in(Lang::Ja)));
    assert_eq!(answered["data"]["allowed_mentions"]["parse"], json!([]));
}

#[tokio::test]
async fn topics_help_about_and_source_in_the_member_language() {
    let bot = start().await;
    let mut topics = fake::slash_command(3301, "topics", json!([]));
    topics["locale"] = json!("ru");
    bot.dispatch("INTERACTION_CREATE", topics);
    let shown = callback(&bot, 3301).await;
    let embed = &shown["data"]["embeds"][0];
    assert_eq!(embed["title"], strings(Lang::Ru).topics_title, "{shown}");
    assert!(embed["description"].as_str().unwrap().contains("Русско-японская война (1904–1905)"), "{embed}");
    let mut help = fake::slash_command(3302, "help", json!([]));
    help["locale"] = json!("ja");
    bot.dispatch("INTERACTION_CREATE", help);
    let shown = callback(&bot, 3302).await;
    let text = shown["data"]["embeds"][0]["description"].as_str().unwrap().to_string();
    assert!(text.contains("`/質問` — 日露関係について質問する"), "{text}");

    let mut about = fake::slash_command(3303, "about", json!([]));
    about["locale"] = json!("ru");
    bot.dispatch("INTERACTION_CREATE", about);
    let shown = callback(&bot, 3303).await;
    assert_eq!(shown["data"]["embeds"][0]["title"], strings(Lang::Ru).about_title, "{shown}");
    let facts = count(Lang::Ru, kb().facts().len() as u64, Counted::Facts);
    assert!(shown["data"]["embeds"][0]["description"].as_str().unwrap().contains(&facts), "{shown}");

    let id = json!([{"name": "id", "type": 3, "value": "treaty-of-portsmouth-1905"}]);
    let mut source = fake::slash_command(3304, "source", id);
    source["locale"] = json!("ja");
    bot.dispatch("INTERACTION_CREATE", source);
    let shown = callback(&bot, 3304).await;
    let embed = &shown["data"]["embeds"][0];
    assert_eq!(embed["title"], "treaty-of-portsmouth-1905 の出典", "{shown}");
    assert_eq!(embed["fields"][0]["name"], strings(Lang::Ja).section);
    assert_eq!(embed["fields"][0]["value"], "日露戦争（1904〜1905年）");
}

#[tokio::test]
async fn several_questions_get_the_first_answered_with_a_line_saying_so() {
    let bot = start().await;
    bot.dispatch("INTERACTION_CREATE", ask_in(3501, "日ソ共同宣言はいつ？その日の天気は？", "ja"));
    let embed = callback(&bot, 3501).await["data"]["embeds"][0].clone();
    let said = strings(Lang::Ja).answering_part("日ソ共同宣言はいつ？");
    let description = embed["description"].as_str().unwrap();
    let passage = description
        .strip_prefix(&format!("*{said}*\n\n"))
        .unwrap_or_else(|| panic!("no line naming the first question: {embed}"));
    assert!(
        kb().facts().iter().any(|f| f.passage_in(Lang::Ja) == passage),
        "not a Japanese passage: {embed}"
    );
    assert!(passage.contains("1956"), "{passage}");
}
