//! The bot's own words in each language it answers in: labels, the decline, buttons and notices.
//!
//! Facts carry their own translations (see [`crate::knowledge::Fact::passage_in`]); this is the
//! text around them.

use crate::lang::Lang;
use crate::search::Unsure;

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
    /// The title of a decline because two facts fit about equally.
    pub tie_title: &'static str,
    /// What a decline because two facts fit about equally says, before its suggestions.
    pub tie: &'static str,
    /// The lead-in to a decline's suggestions.
    pub did_you_mean: &'static str,
    /// Above an answer to one part of a message (the first of several questions, or the question
    /// after what it first says), with `{question}` (that part).
    pub part_answered: &'static str,
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
    /// The announcement of a quiz, with `{about}` (its topic, see `quiz_about`), `{questions}` (see
    /// [`count`]) and `{seconds}` to fill in.
    pub quiz_intro: &'static str,
    /// A quiz's topic in its announcement, with `{topic}`.
    pub quiz_about: &'static str,
    /// A quiz question's title, with `{n}` and `{total}`.
    pub quiz_question: &'static str,
    /// A quiz question's footer, with `{seconds}`.
    pub quiz_answer_within: &'static str,
    /// The reveal's title, before the answer.
    pub quiz_answer: &'static str,
    /// The winner of a round, with `{user}` (a mention) and `{points}` (see [`count`]).
    pub quiz_got_it: &'static str,
    /// A round nobody won.
    pub quiz_nobody: &'static str,
    /// The end of a quiz.
    pub quiz_over: &'static str,
    /// The end of a quiz nobody scored in.
    pub quiz_nobody_scored: &'static str,
    /// Where the server's totals are.
    pub quiz_leaderboard_hint: &'static str,
    /// No quiz questions on a topic in this language.
    pub quiz_no_questions: &'static str,
    /// The title of `/about`.
    pub about_title: &'static str,
    /// `/about`, with `{version}`, `{facts}`, `{sections}` and `{sources}` to fill in.
    pub about: &'static str,
    /// The title of `/source`, with `{id}`.
    pub sources_of: &'static str,
    /// The section field of `/source`.
    pub section: &'static str,
    /// The date field of `/source`.
    pub date: &'static str,
    /// `/source` with an id the base does not have.
    pub no_such_fact: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    sources: "Sources",
    confidence: "confidence",
    not_covered_title: "Not in my fact base",
    not_covered: "My fact base doesn't cover that. I answer questions about Japan–Russia relations: treaties, wars, the Kuril Islands dispute, diplomacy, opinion and statistics. Try `/ask` with a specific question.",
    part_answered: "This answers the part of your message that asks: “{question}”",
    tie_title: "Which one do you mean?",
    tie: "Two facts in my fact base fit that question almost equally well, and I can't tell which one you mean. Pick one below, or ask again with more detail.",
    did_you_mean: "Did you mean:",
    helpful: "Helpful",
    not_helpful: "Not helpful",
    footer: "nichiro · adapted from Wikipedia, “Japan–Russia relations” (CC BY-SA 4.0) and cited sources",
    slow_down: "You're asking faster than I can keep up with: please wait a few seconds and ask again.",
    sorry: "Sorry, something went wrong with that. Please try again.",
    gone: "That fact is no longer in my fact base; try `/ask` again.",
    topics_title: "What I can answer",
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
    quiz_intro: "Quiz{about}: {questions}. Answer in this channel; you have {seconds} s for each, and the first right answer scores a point.",
    quiz_about: " on “{topic}”",
    quiz_question: "Question {n} of {total}",
    quiz_answer_within: "Answer in this channel within {seconds} s",
    quiz_answer: "Answer",
    quiz_got_it: "{user} got it first ({points} in this server).",
    quiz_nobody: "Nobody got it this time.",
    quiz_over: "Quiz over.",
    quiz_nobody_scored: "Nobody scored this time.",
    quiz_leaderboard_hint: "`/leaderboard` shows the server's totals.",
    quiz_no_questions: "I have no quiz questions on that topic; pick one from the list as you type.",
    about_title: "About nichiro",
    about: "nichiro {version} answers questions about Japan–Russia relations from a curated fact base: {facts} in {sections} sections, citing {sources}.\n\nThe facts adapt the Wikipedia article “Japan–Russia relations” (CC BY-SA 4.0) and news, official and scholarly sources; use `/source` for a fact's full references.",
    sources_of: "Sources of {id}",
    section: "Section",
    date: "Date",
    no_such_fact: "I have no fact with that id; pick one from the list as you type.",
};

/// Japanese.
pub const JA: Strings = Strings {
    sources: "出典",
    confidence: "確信度",
    not_covered_title: "ファクトベースにない質問です",
    not_covered: "その質問はファクトベースにありません。日露関係（条約、戦争、北方領土問題、外交、世論、統計）についての質問に答えます。`/ask`（質問）で具体的に聞いてみてください。",
    part_answered: "ご質問のうち「{question}」にお答えします。",
    tie_title: "どちらのことですか？",
    tie: "ファクトベースの二つの事実がこの質問にほぼ同じくらい当てはまるため、どちらのことか判断できません。下から選ぶか、もう少し詳しく聞いてみてください。",
    did_you_mean: "もしかして：",
    helpful: "役に立った",
    not_helpful: "役に立たなかった",
    footer: "nichiro · Wikipedia「Japan–Russia relations」(CC BY-SA 4.0) と各出典による",
    slow_down: "質問のペースが速すぎます。数秒待ってからもう一度聞いてください。",
    sorry: "申し訳ありません、うまくいきませんでした。もう一度お試しください。",
    gone: "その事実はファクトベースから削除されました。もう一度 `/ask` で聞いてください。",
    topics_title: "答えられるテーマ",
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
    quiz_intro: "クイズ{about}：{questions}。このチャンネルで答えてください。各問{seconds}秒、最初の正解者に1点です。",
    quiz_about: "（{topic}）",
    quiz_question: "第{n}問（全{total}問）",
    quiz_answer_within: "{seconds}秒以内にこのチャンネルで答えてください",
    quiz_answer: "答え",
    quiz_got_it: "{user} さんが一番乗り（このサーバーで{points}）。",
    quiz_nobody: "今回は正解者なし。",
    quiz_over: "クイズ終了。",
    quiz_nobody_scored: "今回は得点者なし。",
    quiz_leaderboard_hint: "`/leaderboard` でサーバーの合計得点を表示します。",
    quiz_no_questions: "そのテーマの日本語のクイズ問題はありません。入力中に表示される一覧から選んでください。",
    about_title: "nichiroについて",
    about: "nichiro {version} は、厳選したファクトベースから日露関係についての質問に答えます。{sections}のテーマに{facts}の事実があり、{sources}の出典を引用しています。\n\n事実はWikipediaの記事「Japan–Russia relations」(CC BY-SA 4.0) と報道・公式・学術の資料にもとづきます。事実の出典をすべて見るには `/source`（出典）を使ってください。",
    sources_of: "{id} の出典",
    section: "テーマ",
    date: "日付",
    no_such_fact: "そのIDの事実はありません。入力中に表示される一覧から選んでください。",
};

/// Russian.
pub const RU: Strings = Strings {
    sources: "Источники",
    confidence: "уверенность",
    not_covered_title: "Этого нет в моей базе фактов",
    not_covered: "Моя база фактов этого не охватывает. Я отвечаю на вопросы о российско-японских отношениях: договоры, войны, спор о Курильских островах, дипломатия, общественное мнение и статистика. Задайте конкретный вопрос через `/ask`.",
    part_answered: "Ответ на эту часть сообщения: «{question}»",
    tie_title: "Что именно вы имеете в виду?",
    tie: "Вашему вопросу почти одинаково подходят два факта из моей базы, и я не могу определить, какой из них вы имеете в виду. Выберите один ниже или уточните вопрос.",
    did_you_mean: "Возможно, вы имели в виду:",
    helpful: "Полезно",
    not_helpful: "Не помогло",
    footer: "nichiro · по статье Википедии «Japan–Russia relations» (CC BY-SA 4.0) и указанным источникам",
    slow_down: "Вы спрашиваете быстрее, чем я успеваю отвечать: подождите несколько секунд и спросите снова.",
    sorry: "Извините, что-то пошло не так. Попробуйте ещё раз.",
    gone: "Этого факта больше нет в моей базе; спросите снова через `/ask`.",
    topics_title: "На что я могу ответить",
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
    quiz_intro: "Викторина{about}: {questions}. Отвечайте в этом канале; на каждый вопрос {seconds} с, очко получает первый правильный ответ.",
    quiz_about: " на тему «{topic}»",
    quiz_question: "Вопрос {n} из {total}",
    quiz_answer_within: "Ответьте в этом канале за {seconds} с",
    quiz_answer: "Ответ",
    quiz_got_it: "{user} ответил(а) первым (на этом сервере: {points}).",
    quiz_nobody: "На этот раз никто не ответил.",
    quiz_over: "Викторина окончена.",
    quiz_nobody_scored: "На этот раз никто не набрал очков.",
    quiz_leaderboard_hint: "`/leaderboard` показывает общий счёт сервера.",
    quiz_no_questions: "По этой теме у меня нет вопросов викторины на русском; выберите тему из списка при вводе.",
    about_title: "О боте nichiro",
    about: "nichiro {version} отвечает на вопросы о российско-японских отношениях по тщательно составленной базе фактов: {facts} в {sections} разделах, {sources}.\n\nФакты основаны на статье Википедии «Japan–Russia relations» (CC BY-SA 4.0) и на новостных, официальных и научных источниках; полные источники факта показывает `/source`.",
    sources_of: "Источники факта {id}",
    section: "Раздел",
    date: "Дата",
    no_such_fact: "Факта с таким идентификатором нет; выберите его из списка при вводе.",
};

impl Strings {
    /// The line above an answer to one part of a message, quoting `question` (that part) as given.
    ///
    /// ```
    /// use nichiro::{i18n::strings, lang::Lang};
    /// assert_eq!(strings(Lang::Ja).answering_part("いつ？"), "ご質問のうち「いつ？」にお答えします。");
    /// ```
    pub fn answering_part(&self, question: &str) -> String {
        self.part_answered.replace("{question}", question)
    }

    /// The title and the text of a decline for `reason`.
    ///
    /// ```
    /// use nichiro::{i18n::strings, lang::Lang, search::Unsure};
    /// assert_eq!(strings(Lang::En).decline(Unsure::Tie).0, "Which one do you mean?");
    /// assert_eq!(strings(Lang::Ru).decline(Unsure::Uncovered).0, "Этого нет в моей базе фактов");
    /// ```
    pub fn decline(&self, reason: Unsure) -> (&'static str, &'static str) {
        match reason {
            Unsure::Uncovered => (self.not_covered_title, self.not_covered),
            Unsure::Tie => (self.tie_title, self.tie),
        }
    }
}

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

/// What is counted, for [`count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Quiz questions.
    Questions,
    /// Quiz points.
    Points,
    /// Facts of the base.
    Facts,
    /// Sources the base cites.
    Sources,
}

/// `n` questions, points, facts or sources, as `lang` writes a count ("1 question", "全3問", "5 очков",
/// "621 факт").
///
/// ```
/// use nichiro::{i18n::{Counted, count}, lang::Lang};
/// assert_eq!(count(Lang::En, 1, Counted::Questions), "1 question");
/// assert_eq!(count(Lang::Ja, 3, Counted::Questions), "全3問");
/// assert_eq!(count(Lang::Ru, 22, Counted::Points), "22 очка");
/// assert_eq!(count(Lang::Ru, 11, Counted::Points), "11 очков");
/// assert_eq!(count(Lang::Ru, 621, Counted::Facts), "621 факт");
/// assert_eq!(count(Lang::En, 886, Counted::Sources), "886 sources");
/// ```
pub fn count(lang: Lang, n: u64, what: Counted) -> String {
    match (lang, what) {
        (Lang::En, Counted::Questions) => format!("{n} question{}", if n == 1 { "" } else { "s" }),
        (Lang::En, Counted::Points) => format!("{n} point{}", if n == 1 { "" } else { "s" }),
        (Lang::En, Counted::Facts) => format!("{n} fact{}", if n == 1 { "" } else { "s" }),
        (Lang::En, Counted::Sources) => format!("{n} source{}", if n == 1 { "" } else { "s" }),
        (Lang::Ja, Counted::Questions) => format!("全{n}問"),
        (Lang::Ja, Counted::Points) => format!("{n}点"),
        (Lang::Ja, Counted::Facts | Counted::Sources) => format!("{n}件"),
        (Lang::Ru, what) => {
            let forms = match what {
                Counted::Questions => ["вопрос", "вопроса", "вопросов"],
                Counted::Points => ["очко", "очка", "очков"],
                Counted::Facts => ["факт", "факта", "фактов"],
                Counted::Sources => ["источник", "источника", "источников"],
            };
            // Russian counts take one of three forms: 1, 21 вопрос; 2–4, 22 вопроса; 5–20, 25 вопросов.
            let form = match (n % 10, n % 100) {
                (_, 11..=14) => forms[2],
                (1, _) => forms[0],
                (2..=4, _) => forms[1],
                _ => forms[2],
            };
            format!("{n} {form}")
        }
    }
}

/// Fills `{name}` placeholders of a template.
///
/// ```
/// assert_eq!(nichiro::i18n::fill("Question {n} of {total}", &[("n", "2"), ("total", "5")]), "Question 2 of 5");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
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
