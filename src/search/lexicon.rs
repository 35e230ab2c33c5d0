//! Russian and Japanese words the matcher must know beyond the fact base: question and function
//! words, everyday words, how common a word is, and the words that say what a question asks for.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::asks::{Asks, earliest, first};
use super::japanese::fold_word;
use super::normalize::stem;
use crate::lang::is_cyrillic;

/// Russian question words, particles, pronouns and chat fillers: no weight, never unknown.
const RUSSIAN_FUNCTION: &[&str] = &[
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
    "расскажи",
    "расскажите",
    "объясни",
    "объясните",
    "скажи",
    "скажите",
    "подскажи",
    "подскажите",
    "пожалуйста",
    "плиз",
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
const RUSSIAN_CONVERSATION: &[&str] = &[
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
    // Chat adverbs and the verbs of "did they manage to do anything".
    "реально",
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
    // The verbs that open a task ("Опишите …", "Назовите …"), as "Describe …" and "Name …" do.
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
    // "1918–1922 гг.": the years, as the dates say.
    "гг",
];

/// Russian and Japanese words that tell who asks and why (see `vocab::ASKERS`).
const RUSSIAN_ASKERS: &[&str] = &[
    "учитель",
    "учительница",
    "преподаватель",
    "препод",
    "урок",
    "лекция",
    "семинар",
    "домашка",
    "домашнее",
    "задание",
    "реферат",
    "доклад",
    "сочинение",
    "курсовая",
    "помогите",
    "подскажите",
    "объясните",
    "друг",
    "подруга",
    "дедушка",
    "бабушка",
    "рассказал",
    "рассказала",
    "рассказывал",
    "упомянул",
    "упомянула",
    "упоминал",
    "сказал",
    "сказала",
    "говорил",
    "слышал",
    "читал",
    "понял",
    "поняла",
    "понимаю",
    "объяснить",
    // How long an answer the asker wants ("кратко", "в двух словах"), as English "briefly".
    "кратко",
    "вкратце",
    "коротко",
    "кратенько",
    "подробно",
    "подробнее",
    // Where the asker heard or read it.
    "новости",
    "новостях",
    "интернете",
    // The forms of quizzes and worksheets, and the exams they prepare for: how the question is set,
    // not what it is about.
    "огэ",
    "егэ",
    "экзамен",
    "экзамена",
    "контрольная",
    "пропуск",
    "пропуски",
    "заполните",
    "утверждение",
    "утверждения",
    "верное",
    "верные",
    "неверное",
];
const JAPANESE_ASKERS: &[&str] = &[
    "宿題",
    "先生",
    "授業",
    "講義",
    "試験",
    "テスト",
    "レポート",
    "友達",
    "友人",
    "祖父",
    "祖母",
    "説明",
    "空欄",
    "正誤",
    "記号",
    "語句",
    "穴埋",
    // Quiz instructions: "答えよ", "選べ", "人名を答えよ", "次のうち" (answer, choose, the name, which of
    // the following), as English "choose", "select", "following".
    "答",
    "選",
    "人名",
    "次",
    "ニュース",
    "ネット",
    "序論",
    "卒論",
    "課題",
    "受験",
    "入試",
    "模試",
    // "と記憶しているのですが" (I remember that …), as English "remember".
    "記憶",
];

static ASKER_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    RUSSIAN_ASKERS.iter().map(|w| stem(w)).chain(JAPANESE_ASKERS.iter().map(|w| fold_word(w))).collect()
});

/// Whether a Russian stem or a Japanese word tells who asks and why ("учитель", "宿題").
pub(crate) fn is_asker(term: &str) -> bool {
    ASKER_STEMS.contains(term)
}

/// Japanese question words and the kanji of "tell me", "know", "think": no weight, never unknown.
const JAPANESE_FUNCTION: &[&str] = &[
    "何", "誰", "何年", "何人", "何故", "何時", "何処", "何月", "何日", "何回", "何隻", "何者", "何度",
    "何割", "何歳", "教", "知", "言", "思", "聞", "見", "話", "事", "方", "的", "等", "物",
];

/// Japanese words of the conversation and of aspects asked about (理由, 結果, 意味, 範囲, 規模):
/// everyday words.
const JAPANESE_GENERIC: &[&str] = &[
    "全部",
    "全て",
    "簡単",
    "説明",
    "理由",
    "原因",
    "目的",
    "意味",
    "結果",
    "影響",
    "内容",
    "概要",
    "歴史",
    "関係",
    "問題",
    "宿題",
    "先生",
    "質問",
    "詳細",
    "本当",
    "一番",
    "当時",
    "時代",
    "場所",
    "人物",
    "人名",
    "事件",
    "出来",
    "来事",
    "起き",
    "起こ",
    "具体",
    "体的",
    "背景",
    "経緯",
    "年代",
    "時期",
    "授業",
    "名前",
    "名称",
    "試験",
    "テスト",
    "範囲",
    "程度",
    "規模",
    "特徴",
    "役割",
    "状況",
    "様子",
    "漢字",
    "読み方",
    "書き方",
    // Adverbs of talk ("in the end", "actually", "honestly", "all sorts of"): how a question is
    // said, never what it is about, though a passage may use one.
    "結局",
    "実際",
    "一体",
    "全然",
    "絶対",
    "普通",
    "大体",
    "正直",
    "多分",
    "色々",
    "様々",
    "結構",
    "簡潔",
    "最近",
];

static FUNCTION_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    RUSSIAN_FUNCTION.iter().map(|w| stem(w)).chain(JAPANESE_FUNCTION.iter().map(|w| fold_word(w))).collect()
});

/// Words of the general Russian stop-word list that name what this base is about: a question's
/// "war", "Moscow", "Soviet" or "first" (the First Sino-Japanese War) tells facts apart.
const RUSSIAN_TOPICAL: &[&str] = &["война", "москва", "советский", "первый", "второй", "третий"];

static GENERIC_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let topical: FxHashSet<String> = RUSSIAN_TOPICAL.iter().map(|w| stem(w)).collect();
    let russian = stop_words::get("ru")
        .iter()
        .chain(RUSSIAN_CONVERSATION)
        .map(|w| stem(w))
        .filter(|w| !topical.contains(w))
        .collect::<Vec<_>>();
    russian.into_iter().chain(JAPANESE_GENERIC.iter().map(|w| fold_word(w))).collect()
});

/// Whether a Russian stem or a Japanese term is a question or function word.
pub(crate) fn is_function(term: &str) -> bool {
    FUNCTION_STEMS.contains(term)
}

/// Whether a Russian stem or a Japanese term is an everyday word.
pub(crate) fn is_generic(term: &str) -> bool {
    GENERIC_STEMS.contains(term)
}

fn word_list(text: &'static str) -> Vec<(&'static str, u8)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').and_then(|(w, n)| Some((w, n.parse().ok()?))))
        .collect()
}

static RUSSIAN_WORDS: LazyLock<Vec<(&'static str, u8)>> =
    LazyLock::new(|| word_list(include_str!("data/russian-words.txt")));
/// Folded as the text's terms are, most common level kept where two words fold to one.
static JAPANESE_WORDS: LazyLock<Vec<(String, u8)>> = LazyLock::new(|| {
    let mut words: Vec<(String, u8)> = word_list(include_str!("data/japanese-words.txt"))
        .into_iter()
        .map(|(w, level)| (fold_word(w), level))
        .collect();
    words.sort_unstable();
    words.dedup_by(|later, first| later.0 == first.0);
    words
});

/// How common a Russian word form or a Japanese word is (10 most common … 50), or `None` for a name,
/// a typo, or a word of another language.
pub(crate) fn level(word: &str) -> Option<u8> {
    match word.chars().next() {
        Some(c) if is_cyrillic(c) => {}
        Some(c) if !c.is_ascii() => return listed(&JAPANESE_WORDS, word, false),
        _ => return None,
    }
    let found = listed(&RUSSIAN_WORDS, word, true);
    // A Russian verb takes a prefix for each shade of its meaning ("приплыл", "просидел"), and the list
    // holds the common ones only: the verb without its prefix ("плыл", "сидел") is as ordinary. Only
    // verb forms, and prefixes of two letters or more, so that names stay names (Узала, Отару).
    found.or_else(|| {
        let verb = RUSSIAN_VERB_ENDINGS.iter().any(|e| word.ends_with(e));
        RUSSIAN_PREFIXES
            .iter()
            .filter(|_| verb)
            .filter_map(|p| word.strip_prefix(p).filter(|rest| rest.chars().count() >= 4))
            .find_map(|rest| listed(&RUSSIAN_WORDS, rest, true))
    })
}

/// Prefixes of Russian verbs, longest first.
const RUSSIAN_PREFIXES: &[&str] = &[
    "пере", "пред", "при", "про", "раз", "рас", "под", "над", "вос", "об", "от", "вы", "до", "за", "из",
    "ис", "на", "по",
];

/// Endings of Russian verbs in the past tense and the infinitive.
const RUSSIAN_VERB_ENDINGS: &[&str] = &["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ть", "ться"];

/// The level of `word` in `list`, or for Russian of another form of its stem.
fn listed<S: AsRef<str>>(list: &[(S, u8)], word: &str, russian: bool) -> Option<u8> {
    match list.binary_search_by(|(w, _)| w.as_ref().cmp(word)) {
        Ok(i) => Some(list[i].1),
        // Russian words have many forms and the list holds only the common ones: another form of
        // the same stem ("угнал" for "угнали") makes it an ordinary word too.
        Err(i) if russian => {
            let stem = stem(word);
            let other = |j: usize| list.get(j).filter(|(w, _)| w.as_ref().starts_with(stem.as_str()));
            (stem.chars().count() >= 4).then(|| other(i).map(|(_, l)| *l)).flatten()
        }
        Err(_) => None,
    }
}

/// Whether `word` starts with any of `prefixes` (Russian stems of a word's forms).
fn starts_any(word: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| word.starts_with(p))
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
        (Asks::Reason, first(&[at(&["почему", "зачем", "отчего"]), starting(&["причин", "цель"])])),
        (
            Asks::Time,
            first(&[
                at(&["когда"]),
                which(&["год", "дат", "век"]),
                pair(&[["в", "каком"], ["какого", "числа"], ["во", "сколько"], ["котором", "часу"]]),
            ]),
        ),
        (Asks::Quantity, first(&[at(&["сколько"]), which(&["числ", "колич", "размер", "доля", "процент"])])),
        (Asks::Person, at(&["кто", "кем", "кого", "кому"])),
        (Asks::Place, at(&["где", "куда", "откуда"])),
    ];
    earliest(&kinds)
}

/// "Куда обратиться …", "где найти …", "как получить визу": what the asker should do, as "how do I
/// …". Not "как добраться" (how to get there), which the fact on the ferries answers.
fn russian_instructions(words: &[&str]) -> bool {
    const STEPS: &[&str] = &["обратиться", "получить", "оформить", "купить", "найти"];
    words.windows(2).any(|w| matches!(w[0], "как" | "куда" | "где") && STEPS.contains(&w[1]))
}

/// Whether `c` writes a number, in digits (full-width ones are folded already) or in kanji ("4つ",
/// "四島", "十").
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || c == '十' || super::japanese::numeral(c).is_some()
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
    {
        Asks::Prediction
    } else if starts(&[
        "справедлив",
        "правильн",
        "оправдан",
        "виноват",
        "думаете",
        "считаете",
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
    &["лучше", "хуже", "сильнее", "слабее", "умнее", "талантливее", "виноватее", "лучший", "худший"];

/// "Когда будет …", "кто станет …": a question that opens by asking what is still to come. Only at
/// the start: "сказал, что будет готов" reports what someone said would happen.
fn opens_with_future(words: &[&str]) -> bool {
    matches!(words, [first, verb, ..] if matches!(*first, "когда" | "что" | "кто")
        && matches!(*verb, "будет" | "будут" | "станет" | "станут"))
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

/// After "how much" (どれくらい): a degree, which no figure answers.
const JAPANESE_DEGREES: &[&str] = &["影響", "支配", "支持", "権力", "勢力", "関心"];

/// `text` without the decades it names with digits ("1930年代" → ""), copied only if it names one.
fn named_decades_removed(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("年代") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("年代") {
        let before = &rest[..at];
        let kept = before.trim_end_matches(|c: char| c.is_ascii_digit());
        if kept.len() < before.len() {
            out.push_str(kept);
        } else {
            out.push_str(before);
            out.push_str("年代");
        }
        rest = &rest[at + "年代".len()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether a Japanese question asks when: いつ as a word, not inside another (あいつ "that guy",
/// かいつまんで "in brief") nor as いつも ("always") or いつか ("some day"; いつから is "since when").
fn asks_when(text: &str) -> bool {
    text.match_indices("いつ").any(|(at, cue)| {
        let before = text[..at].chars().next_back();
        let after = &text[at + cue.len()..];
        let not_when = after.starts_with('も') || (after.starts_with('か') && !after.starts_with("から"));
        !before.is_some_and(|c| "あこそどか".contains(c)) && !not_when
    })
}

/// Whether a worksheet's blank stands right before `unit` ("（　）年に結ばれた" asks for the year):
/// empty brackets, or a run of underscores.
fn blank_before(text: &str, unit: char) -> bool {
    let blank = |inside: &str| inside.chars().all(|c| c.is_whitespace() || "_＿".contains(c));
    text.match_indices(unit).any(|(at, _)| {
        let before = text[..at].trim_end();
        match before.chars().next_back() {
            Some(close @ (')' | '）' | ']' | '］' | '】')) => {
                let body = &before[..before.len() - close.len_utf8()];
                body.rfind(['(', '（', '[', '［', '【']).is_some_and(|open| {
                    let opener = body[open..].chars().next().map_or(0, char::len_utf8);
                    blank(&body[open + opener..])
                })
            }
            Some('_' | '＿') => true,
            _ => false,
        }
    })
}

/// Whether a Japanese question asks why with なんで, which is also the start of なんです ("what is
/// it": 〜ってなんですか), なんでしょう and なんでも ("anything").
fn asks_nande(text: &str) -> bool {
    text.match_indices("なんで").any(|(at, cue)| {
        let after = &text[at + cue.len()..];
        !["す", "しょ", "も"].iter().any(|not_why| after.starts_with(not_why))
    })
}

/// A request for a recommendation ("おすすめの勉強法"): a judgement, unless it is for reading, which
/// the base's reading list gives ("おすすめ文献").
fn recommendation(text: &str) -> bool {
    const RECOMMEND: &[&str] = &["おすすめ", "オススメ", "お勧め", "お薦め"];
    const READING: &[&str] = &["文献", "書籍", "読", "の本", "本は", "本を"];
    RECOMMEND.iter().any(|r| text.contains(r)) && !READING.iter().any(|r| text.contains(r))
}

/// What a Japanese question asks for, from its text (folded).
pub(crate) fn asks_japanese(text: &str) -> Asks {
    // A decade named ("1930年代") is what the question is about, not a request for a date (何年代).
    let unnamed = named_decades_removed(text);
    let text = unnamed.as_ref();
    let any = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
    // Spoken "てたら" is also "while I was …" (ニュース見てたら): what would have been only with a guess
    // after it (結べてたのかな).
    let spoken_if = any(&["てたら"]) && any(&["かな", "だろう", "でしょう"]);
    if any(&["もし", "なかったら", "ていたら", "ていれば", "だったら"]) || spoken_if {
        Asks::Counterfactual
    } else if (any(&["語で"]) && any(&["言う", "言います", "言えば"])) || any(&["翻訳して", "訳して"])
    {
        // "ロシア語でありがとうって何て言うの": words in a language, not a fact ("何という" asks a name).
        Asks::Translation
    } else if any(&["全文", "原文", "一字一句", "一言一句", "全員分", "全員の名前", "名簿"])
        || (any(&["名前を全部", "名前を全て", "名前をすべて"]) && !text.chars().any(is_numeral))
    {
        // "沈んだ軍艦の名前を全部": every name of a list; not "4つの島の名前を全部".
        Asks::Verbatim
    } else if any(&[
        "問い合わせれば",
        "問い合わせたら",
        "どうすればいい",
        "どうすればよい",
        "手続き",
        "行き方",
        "取り方",
        "どうやって取",
        "申請方法",
    ]) {
        // What the asker should do ("どの窓口に問い合わせればよいでしょうか"), as "how do I …".
        Asks::Instructions
    } else if any(&[
        "将来",
        "今後",
        "来年",
        "再来年",
        "来月",
        "ありそう",
        // "次の" alone also opens quiz stems ("次のうち").
        "次の選挙",
        "次の総選挙",
        "次の衆院選",
        "次の参院選",
        "次の大統領",
        "次の首相",
        "次の総理",
    ]) {
        Asks::Prediction
    } else if any(&[
        "と思う",
        "と思います",
        "べきだった",
        "べきか",
        "すべき",
        "正しかった",
        "正当",
        "悪いのは",
        "どっちが悪",
        "どっちが正し",
        "あなたはどう思",
        "どう思う",
        "どう思います",
        "ほうがよかった",
        "方がよかった",
        "方が良かった",
        "ほうが良かった",
    ]) || recommendation(text)
    {
        Asks::Opinion
    } else if any(&["なぜ", "どうして", "何故", "理由", "原因", "目的", "何のため"]) || asks_nande(text)
    {
        Asks::Reason
    } else if asks_when(text)
        || any(&["何年", "何月", "何日", "年代", "時期", "何時", "日は", "年は", "日付", "した日", "た年"])
        || blank_before(text, '年')
    {
        Asks::Time
    } else if any(&["何人", "いくら", "何隻", "何回", "何割", "何パーセント", "何%", "何キロ"])
        // "How much" of a degree ("どれくらい影響力があった") asks for no figure.
        || (any(&["どのくらい", "どれくらい", "どれぐらい"]) && !any(JAPANESE_DEGREES))
    {
        Asks::Quantity
    } else if any(&["誰", "だれ", "どなた", "何者", "人名", "人物名"]) {
        Asks::Person
    } else if any(&["どこ", "何処", "場所"]) {
        Asks::Place
    } else if any(&["何が起", "何があった", "どうなった", "何がおき", "何がおこ"]) {
        Asks::Event
    } else {
        Asks::Anything
    }
}

/// Whether a Russian question asks how things stand now ("сейчас", "кто президент").
pub(crate) fn russian_present(words: &[&str]) -> bool {
    const NOW: &[&str] =
        &["сейчас", "сегодня", "ныне", "нынешний", "нынешнего", "текущий", "теперь", "действующий"];
    const ROLES: &[&str] =
        &["президент", "премьер", "посол", "губернатор", "император", "глава", "лидер", "министр"];
    let past = words.iter().any(|w| w.starts_with("был"));
    words.iter().any(|w| NOW.contains(w))
        || words.windows(2).any(|w| w == ["до", "сих"] || w == ["настоящее", "время"])
        || (words.first() == Some(&"кто")
            && !past
            && words.iter().any(|w| ROLES.iter().any(|r| w.starts_with(r))))
}

/// Whether a Japanese question asks how things stand now (今, 現在).
pub(crate) fn japanese_present(text: &str) -> bool {
    // "いま" (now) also ends polite verbs: います, いました, いません say nothing of the time.
    let now_in_kana =
        text.match_indices("いま").any(|(at, m)| !text[at + m.len()..].starts_with(['す', 'し', 'せ']));
    now_in_kana
        || ["現在", "今の", "今は", "現職", "最新", "今日", "現状", "今も", "今でも", "今後", "最近"]
            .iter()
            .any(|c| text.contains(c))
}

#[cfg(test)]
mod tests;
