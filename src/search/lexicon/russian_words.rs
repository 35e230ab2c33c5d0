//! Russian words the matcher must know beyond the fact base (question, function and conversation
//! words; the askers' words are in `russian_askers`) and what a Russian question asks for.

use super::*;

/// Russian question words, particles, pronouns and chat fillers: no weight, never unknown.
pub(super) const RUSSIAN_FUNCTION: &[&str] = &[
    "кто",
    "что",
    "чё",
    "че",
    "когда",
    "где",
    "куда",
    "откуда",
    "почему",
    "зачем",
    "отчего",
    "сколько",
    // A rough figure will do ("сколько примерно"): how precise the answer may be, as "сколько" asks.
    "примерно",
    "приблизительно",
    "какой",
    "какая",
    "какое",
    "какие",
    "каком",
    "какую",
    "каким",
    "какого",
    "каков",
    "какова",
    "каковы",
    "ли",
    "же",
    "бы",
    "это",
    "эта",
    "этот",
    "эти",
    "этом",
    "этого",
    "был",
    "была",
    "было",
    "были",
    "быть",
    "есть",
    "чем",
    "как",
    "кем",
    "кого",
    "кому",
    "чей",
    "чья",
    "чьи",
    "чьё",
    "пожалуйста",
    "плиз",
    // "пожалуйста" as chats write it short.
    "пж",
    "пжл",
    "пжлст",
    "плз",
    "привет",
    "короче",
    "вообще",
    "кстати",
    "ну",
    "вот",
    "типа",
    "блин",
    "спасибо",
    "бот",
    "нитиро",
    "такой",
    "такая",
    "такое",
    "такие",
    "там",
    "тут",
    "вы",
    "ты",
    "мне",
    "меня",
    "я",
    "мы",
    "он",
    "она",
    "они",
    "его",
    "её",
    "их",
    "ему",
    "им",
    "и",
    "а",
    "но",
    "или",
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "по",
    "о",
    "об",
    "от",
    "до",
    "из",
    "за",
    "для",
    "при",
    "про",
    "у",
    "не",
    "ни",
];

/// Russian words of the conversation around a question ("учитель", "домашка", "кратко"), and
/// aspects that stand for a question word ("причины", "итоги"): everyday words.
pub(super) const RUSSIAN_CONVERSATION: &[&str] = &[
    "учитель",
    "учительница",
    "урок",
    "домашка",
    "домашнее",
    "задание",
    "тест",
    "экзамен",
    "реферат",
    "доклад",
    "сочинение",
    "вопрос",
    "ответ",
    "кратко",
    "вкратце",
    "коротко",
    // "Describe", as in English: what is asked about is the thing described.
    "описать",
    "подробно",
    "история",
    "истории",
    "исторический",
    "интересно",
    "помогите",
    "помощь",
    "нужно",
    "надо",
    "хочу",
    "знать",
    "знает",
    "знаете",
    "знаешь",
    "знаю",
    "узнать",
    "понять",
    "значение",
    "смысл",
    "суть",
    "итог",
    "итоги",
    "результат",
    "результаты",
    "последствия",
    "причина",
    "причины",
    "цель",
    "цели",
    "роль",
    "событие",
    "события",
    "произошло",
    "случилось",
    "происходило",
    "главное",
    "основные",
    "инфа",
    "информация",
    "насчёт",
    "насчет",
    "относительно",
    "именно",
    "также",
    "ещё",
    "еще",
    "уже",
    "очень",
    "просто",
    "всё",
    "самый",
    "самая",
    "самое",
    "сторона",
    "стороны",
    "стороне",
    // "с обеих сторон" (on both sides), as "both" is a function word in English.
    "оба",
    "обе",
    "обеих",
    "обоих",
    // "Идти" (go), as English "go" and "come" are everyday words: "с какого года идут обмены".
    "идет",
    "идут",
    "шел",
    "шла",
    "шли",
    // Chat adverbs and the verbs of "did they manage to do anything".
    "реально",
    "нормально",
    "вообще",
    "короче",
    "типа",
    "прям",
    "прямо",
    "кстати",
    "блин",
    "вроде",
    "наверное",
    "успели",
    "успел",
    "успела",
    "сделать",
    "сделали",
    "сделал",
    // "1918–1922 гг.": the years, as the dates say.
    "гг",
];

/// Russian verbs that ask to be told ("расскажи", "объясните"): function words, no weight.
pub(super) const RUSSIAN_REQUESTS: &[&str] =
    &["расскажи", "расскажите", "объясни", "объясните", "скажи", "скажите", "подскажи", "подскажите"];

/// The verbs that open a task ("Опишите …", "Назовите …"), as "Describe …" and "Name …" do: everyday
/// words.
pub(super) const RUSSIAN_TASKS: &[&str] = &[
    "опишите",
    "опиши",
    "назовите",
    "назови",
    "напишите",
    "напиши",
    "заполните",
    "заполни",
    "вставьте",
    "вставь",
    "перечислите",
    "перечисли",
    "сравните",
    "сравни",
    "укажите",
    "укажи",
    "выберите",
    "выбери",
    "дайте",
    "дай",
    "приведите",
    "приведи",
    "охарактеризуйте",
    "охарактеризуй",
    "определите",
];

/// Whether a Russian word as written asks to be told or opens a task ("расскажите", "назовите").
pub(crate) fn opens_russian_request(word: &str) -> bool {
    RUSSIAN_REQUESTS.contains(&word) || RUSSIAN_TASKS.contains(&word)
}

/// The kind of answer the first Russian question word asks for, when there is one: "когда … и
/// почему …" asks when, "почему … и когда …" why, as in English ([`earliest`]).
fn first_asked_russian(words: &[&str]) -> Option<Asks> {
    let at = |cues: &[&str]| words.iter().position(|w| cues.contains(w));
    let starting = |prefixes: &[&str]| words.iter().position(|w| starts_any(w, prefixes));
    let which = |nouns: &[&str]| {
        words.windows(2).position(|w| w[0].starts_with("как") && nouns.iter().any(|n| w[1].starts_with(n)))
    };
    let pair = |pairs: &[[&str; 2]]| words.windows(2).position(|w| pairs.iter().any(|p| w == p));
    // In order of precedence when two stand at the same place.
    let kinds = [
        // "из-за чего", as often typed without its hyphen ("из за чего").
        (
            Asks::Reason,
            first(&[
                at(&["почему", "зачем", "отчего"]),
                starting(&["причин", "цель"]),
                pair(&[["за", "чего"]]),
            ]),
        ),
        (
            Asks::Time,
            first(&[
                at(&["когда"]).filter(|&n| !opens_russian_clause(words, n)),
                which(&["год", "дат", "век"]),
                pair(&[["в", "каком"], ["какого", "числа"], ["котором", "часу"]]),
                // "во сколько раз" asks how many times larger, "во сколько обошлась" a cost: figures.
                pair(&[["во", "сколько"]]).filter(|&n| !words.get(n + 2).is_some_and(|w| asks_a_figure(w))),
            ]),
        ),
        (Asks::Quantity, first(&[at(&["сколько"]), which(&["числ", "колич", "размер", "доля", "процент"])])),
        (Asks::Person, at(&["кто", "кем", "кого", "кому"])),
        (Asks::Place, at(&["где", "куда", "откуда"])),
        // "Как назывался …" asks for a name, of no kind of its own: a "сколько" after it asks the
        // second question, not the first.
        (Asks::Anything, which(&["назыв", "зовут", "звали"])),
    ];
    // Alone, a name asked for leaves the question to the readings after this one ("что произошло …
    // и как назывался договор" asks what happened).
    let others = kinds.iter().any(|&(kind, at)| kind != Asks::Anything && at.is_some());
    earliest(&kinds).filter(|&kind| kind != Asks::Anything || others)
}

/// Whether a word after "во сколько" makes it ask a figure, not a time: "раз" (how many times
/// larger) or a verb of cost ("обошлась", "обойдётся", "оценивается", "стоила").
fn asks_a_figure(word: &str) -> bool {
    word == "раз" || starts_any(word, &["обош", "обой", "оцен", "стои"])
}

/// Whether the "когда" at `at` starts a clause of a question "что" or "как" opens ("что сделала
/// Япония, когда сбили самолёт", "как отреагировал Токио, когда …"): it asks nothing, as "when"
/// after "what did … do" in English. After "и", "или", "а" it asks a second question ("что
/// подписали и когда").
fn opens_russian_clause(words: &[&str], at: usize) -> bool {
    // The opener stands first, or after "а", "и", "ну"; "что-то", "как интересно", "как по-твоему"
    // and a verb of knowing before "когда" ("забыл, когда") leave it asking when.
    const ASIDES: &[&str] = &["то", "по", "интересно", "думаешь", "думаете", "считаешь", "считаете"];
    const KNOWING: &[&str] =
        &["знаешь", "знаете", "помню", "помнишь", "забыл", "забыла", "интересно", "скажи", "скажите"];
    let opener = match words {
        [first, ..] if matches!(*first, "что" | "как") => 0,
        [lead, second, ..] if matches!(*lead, "а" | "и" | "ну") && matches!(*second, "что" | "как") => {
            1
        }
        _ => return false,
    };
    at > opener + 1
        && !words.get(opener + 1).is_some_and(|w| ASIDES.contains(w))
        && !matches!(words[at - 1], "и" | "или" | "а" | "но")
        && !KNOWING.contains(&words[at - 1])
}

/// "Куда обратиться …", "где найти …", "как получить визу": what the asker should do, as "how do I
/// …". Not "как добраться" (how to get there), which the fact on the ferries answers.
fn russian_instructions(words: &[&str]) -> bool {
    const STEPS: &[&str] = &["обратиться", "получить", "оформить", "купить", "найти"];
    words.windows(2).any(|w| matches!(w[0], "как" | "куда" | "где") && STEPS.contains(&w[1]))
}

/// What a Russian question asks for, from its words as written (folded).
pub(crate) fn asks_russian(words: &[&str]) -> Asks {
    let has = |w: &str| words.contains(&w);
    let starts = |prefixes: &[&str]| words.iter().any(|w| starts_any(w, prefixes));
    if has("если") && has("бы") || words.windows(2).any(|w| w == ["что", "если"]) {
        Asks::Counterfactual
    } else if russian_translation(words) {
        Asks::Translation
    } else if has("дословно")
        || words.windows(2).any(|w| w[1].starts_with("текст") && starts_any(w[0], &["полн", "точн"]))
        || words.windows(2).any(|w| {
            // "список", then "списка", "списке" …: the vowel drops in the other cases.
            let list = w[1] == "список" || w[1].starts_with("списк");
            (w[0].starts_with("полн") && list) || w == ["список", "всех"]
        })
    {
        Asks::Verbatim
    } else if russian_instructions(words) {
        Asks::Instructions
    } else if words
        .windows(2)
        .any(|w| matches!(w[0], "будет" | "будут" | "станет" | "станут") && w[1] == "ли")
        || words.windows(2).any(|w| w == ["в", "будущем"])
        || opens_with_future(words)
        || asks_future_act(words)
    {
        Asks::Prediction
    } else if starts(&[
        "справедлив",
        "правильн",
        "оправдан",
        "виноват",
        "думаете",
        "думаешь",
        "считаете",
        "считаешь",
        "мнени",
        "посовет",
        "порекоменд",
    ]) || words.windows(2).any(|w| w[0] == "стоило" && w[1] == "ли")
        || words.windows(2).any(|w| w == ["чьей", "стороне"])
        || (has("или") && words.iter().any(|w| RUSSIAN_COMPARATIVES.contains(w)))
        || words.windows(2).any(|w| {
            const ROLES: &[&str] =
                &["президент", "лидер", "правител", "дипломат", "адмирал", "генерал", "царь", "премьер"];
            (w[0].starts_with("хорош") || w[0].starts_with("плох"))
                && ROLES.iter().any(|r| w[1].starts_with(r))
        })
    {
        Asks::Opinion
    } else if let Some(kind) = first_asked_russian(words) {
        kind
    } else if words.windows(2).any(|w| w[0] == "что" && matches!(w[1], "произошло" | "случилось" | "было"))
    {
        Asks::Event
    } else if words.get(1) == Some(&"ли") {
        Asks::YesNo
    } else {
        Asks::Anything
    }
}

/// A judgement between two ("кто был лучше, Абэ или Кисида"), with "или".
const RUSSIAN_COMPARATIVES: &[&str] =
    &["лучше", "хуже", "сильнее", "слабее", "умнее", "талантливее", "виноватее", "лучший", "худший", "круче"];

/// "Когда будет …", "кто станет …": a question that opens by asking what is still to come. Only at
/// the start: "сказал, что будет готов" reports what someone said would happen.
fn opens_with_future(words: &[&str]) -> bool {
    matches!(words, [first, verb, ..] if matches!(*first, "когда" | "что" | "кто")
        && matches!(*verb, "будет" | "будут" | "станет" | "станут"))
}

/// Future forms of the perfective verbs the stemmer joins to their past (normalize's verb table):
/// "подпишут" is one word with "подписали" to the matcher, but asks what will be done.
const RUSSIAN_FUTURE_ACTS: &[&str] = &[
    "вернет",
    "вернут",
    "возьмет",
    "возьмут",
    "нападет",
    "нападут",
    "начнет",
    "начнут",
    "отдадим",
    "отдадут",
    "отдаст",
    "подпишет",
    "подпишут",
    "приедет",
    "приедут",
    "уедет",
    "уедут",
];

/// Whether a question asks about an act still to come: "подпишут ли …" (will they sign), or
/// "когда/кто/что" with such a verb ("когда Россия отдаст острова").
fn asks_future_act(words: &[&str]) -> bool {
    let future = |w: &str| RUSSIAN_FUTURE_ACTS.contains(&w);
    words.windows(2).any(|w| future(w[0]) && w[1] == "ли")
        || (words.first().is_some_and(|w| matches!(*w, "когда" | "кто" | "что"))
            && words.iter().any(|w| future(w)))
}

/// "Как сказать … по-японски", "как будет … на русском", "переведи …": words in a language.
fn russian_translation(words: &[&str]) -> bool {
    const IN_LANGUAGE: &[&str] = &["японски", "русски", "английски"];
    const LANGUAGE: &[&str] = &["японском", "русском", "английском"];
    let how = words.windows(2).any(|w| w[0] == "как" && matches!(w[1], "сказать" | "будет" | "говорят"));
    let language = words.iter().any(|w| IN_LANGUAGE.contains(w))
        || words.windows(2).any(|w| w[0] == "на" && LANGUAGE.contains(&w[1]));
    (how && language) || words.first().is_some_and(|w| matches!(*w, "переведи" | "переведите"))
}
