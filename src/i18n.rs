//! The bot's own words in each language it answers in: labels, the decline, buttons and notices.
//!
//! Facts carry their own translations (see [`crate::knowledge::Fact::passage_in`]); this is the
//! text around them.

use crate::lang::Lang;

/// Everything the bot says around a fact, in one language.
#[derive(Debug)]
pub struct Strings {
    /// The heading of an answer's references.
    pub sources: &'static str,
    /// "confidence" in an answer's footer.
    pub confidence: &'static str,
    /// The title of a decline.
    pub not_covered_title: &'static str,
    /// What a decline says.
    pub not_covered: &'static str,
    /// The lead-in to a decline's suggestions.
    pub did_you_mean: &'static str,
    /// The vote buttons.
    pub helpful: &'static str,
    /// The vote buttons.
    pub not_helpful: &'static str,
    /// The footer under every embed.
    pub footer: &'static str,
    /// What a member over the cooldown is told.
    pub slow_down: &'static str,
    /// What a member sees when something failed.
    pub sorry: &'static str,
    /// A button whose fact was removed from the base.
    pub gone: &'static str,
    /// The title of `/topics`.
    pub topics_title: &'static str,
    /// "facts" after a section's count in `/topics`.
    pub facts: &'static str,
    /// How to ask, under `/topics`.
    pub how_to_ask: &'static str,
    /// The title of `/help`.
    pub help_title: &'static str,
    /// The mention example under `/help`.
    pub mention_hint: &'static str,
    /// The title of a timeline.
    pub timeline: &'static str,
    /// Timeline button.
    pub earlier: &'static str,
    /// Timeline button.
    pub later: &'static str,
    /// A timeline range with no dated facts.
    pub no_dated_facts: &'static str,
    /// A timeline over all years.
    pub all_years: &'static str,
    /// A timeline page's place, with `{page}` and `{pages}` to fill in.
    pub page_of: &'static str,
    /// The hint in a timeline's footer.
    pub source_hint: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    sources: "Sources",
    confidence: "confidence",
    not_covered_title: "Not in my fact base",
    not_covered: "My fact base doesn't cover that. I answer questions about Japan–Russia relations: treaties, wars, the Kuril Islands dispute, diplomacy, opinion and statistics. Try `/ask` with a specific question.",
    did_you_mean: "Did you mean:",
    helpful: "Helpful",
    not_helpful: "Not helpful",
    footer: "nichiro · adapted from Wikipedia, “Japan–Russia relations” (CC BY-SA 4.0) and cited sources",
    slow_down: "You're asking faster than I can keep up with: please wait a few seconds and ask again.",
    sorry: "Sorry, something went wrong with that. Please try again.",
    gone: "That fact is no longer in my fact base; try `/ask` again.",
    topics_title: "What I can answer",
    facts: "facts",
    how_to_ask: "Ask with `/ask`, or mention me with a question.",
    help_title: "How to ask",
    mention_hint: "You can also mention me with a question, e.g. “@nichiro when was the 1956 declaration signed?”",
    timeline: "Timeline",
    earlier: "◀ Earlier",
    later: "Later ▶",
    no_dated_facts: "No dated facts in that range.",
    all_years: "all years",
    page_of: "page {page} of {pages}",
    source_hint: "Use /source with an id for its references",
};

/// Japanese.
pub const JA: Strings = Strings {
    sources: "出典",
    confidence: "確信度",
    not_covered_title: "ファクトベースにない質問です",
    not_covered: "その質問はファクトベースにありません。日露関係（条約、戦争、北方領土問題、外交、世論、統計）についての質問に答えます。`/ask`（質問）で具体的に聞いてみてください。",
    did_you_mean: "もしかして：",
    helpful: "役に立った",
    not_helpful: "役に立たなかった",
    footer: "nichiro · Wikipedia「Japan–Russia relations」(CC BY-SA 4.0) と各出典による",
    slow_down: "質問のペースが速すぎます。数秒待ってからもう一度聞いてください。",
    sorry: "申し訳ありません、うまくいきませんでした。もう一度お試しください。",
    gone: "その事実はファクトベースから削除されました。もう一度 `/ask` で聞いてください。",
    topics_title: "答えられるテーマ",
    facts: "件",
    how_to_ask: "`/ask`（質問）で聞くか、メンションして質問してください。",
    help_title: "質問のしかた",
    mention_hint: "メンションでも質問できます。例：「@nichiro 日ソ共同宣言はいつ？」",
    timeline: "年表",
    earlier: "◀ 前へ",
    later: "次へ ▶",
    no_dated_facts: "この期間に日付のある事実はありません。",
    all_years: "全期間",
    page_of: "{page}/{pages}ページ",
    source_hint: "IDを /source（出典）に入れると出典をすべて表示します",
};

/// Russian.
pub const RU: Strings = Strings {
    sources: "Источники",
    confidence: "уверенность",
    not_covered_title: "Этого нет в моей базе фактов",
    not_covered: "Моя база фактов этого не охватывает. Я отвечаю на вопросы о российско-японских отношениях: договоры, войны, спор о Курильских островах, дипломатия, общественное мнение и статистика. Задайте конкретный вопрос через `/ask`.",
    did_you_mean: "Возможно, вы имели в виду:",
    helpful: "Полезно",
    not_helpful: "Не помогло",
    footer: "nichiro · по статье Википедии «Japan–Russia relations» (CC BY-SA 4.0) и указанным источникам",
    slow_down: "Вы спрашиваете быстрее, чем я успеваю отвечать: подождите несколько секунд и спросите снова.",
    sorry: "Извините, что-то пошло не так. Попробуйте ещё раз.",
    gone: "Этого факта больше нет в моей базе; спросите снова через `/ask`.",
    topics_title: "На что я могу ответить",
    facts: "фактов",
    how_to_ask: "Спросите через `/ask` или упомяните меня с вопросом.",
    help_title: "Как спросить",
    mention_hint: "Можно также упомянуть меня с вопросом, например: «@nichiro когда подписали декларацию 1956 года?»",
    timeline: "Хронология",
    earlier: "◀ Раньше",
    later: "Позже ▶",
    no_dated_facts: "В этом промежутке нет датированных фактов.",
    all_years: "все годы",
    page_of: "страница {page} из {pages}",
    source_hint: "Полные источники — /source с идентификатором факта",
};

/// The bot's words in `lang`.
///
/// ```
/// use nichiro::{i18n::strings, lang::Lang};
/// assert_eq!(strings(Lang::Ja).sources, "出典");
/// assert_eq!(strings(Lang::En).did_you_mean, "Did you mean:");
/// ```
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ru => &RU,
    }
}

/// The language to answer a question in: the question's own script, else the asker's locale (a
/// Discord locale such as `ja` or `en-US`), else English.
///
/// ```
/// use nichiro::{i18n::reply_language, lang::Lang};
/// assert_eq!(reply_language("北方領土とは", Some("en-US")), Lang::Ja);
/// assert_eq!(reply_language("1956?", Some("ru")), Lang::Ru);
/// assert_eq!(reply_language("Sakhalin-2", Some("ja")), Lang::En);
/// assert_eq!(reply_language("1956?", None), Lang::En);
/// ```
pub fn reply_language(question: &str, locale: Option<&str>) -> Lang {
    Lang::of_text(question).or_else(|| locale.and_then(Lang::from_code)).unwrap_or_default()
}
