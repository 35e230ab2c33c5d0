//! Whether a Russian question asks how things stand now: its words of "now", and "кто" with a
//! leader's title unless a verb puts it in the past.

/// Russian words that say "now" or "current". "Действующий" (in office) only in this form: its
/// others also name a historical field army ("Маньчжурская действующая армия").
const RUSSIAN_NOW: &[&str] = &["сейчас", "сегодня", "ныне", "нынче", "теперь", "действующий", "щас"];

/// The adjectives of "now" ("нынешние отношения", "на текущий момент"), in any of their forms.
const RUSSIAN_NOW_STEMS: &[&str] = &["нынешн", "текущ", "сегодняшн", "теперешн"];

/// The same adjectives as written, everyday words as English "current" and "today" are: what is
/// asked about is the thing at the time they name.
pub(super) const RUSSIAN_NOW_ADJECTIVES: &[&str] = &["нынешний", "текущий", "сегодняшний", "теперешний"];

/// Whether a Russian word as written says "now" or "current" ([`RUSSIAN_NOW`], [`RUSSIAN_NOW_STEMS`]).
pub(super) fn says_now_russian(word: &str) -> bool {
    RUSSIAN_NOW.contains(&word) || RUSSIAN_NOW_STEMS.iter().any(|s| word.starts_with(s))
}

/// Whether a Russian question asks how things stand now ("сейчас", "кто президент").
pub(crate) fn russian_present(words: &[&str]) -> bool {
    const ROLES: &[&str] =
        &["президент", "премьер", "посол", "губернатор", "император", "глава", "лидер", "министр"];
    let past = words.iter().any(|w| w.starts_with("был") || is_past_verb(w));
    words.iter().any(|w| says_now_russian(w))
        || words.windows(2).any(|w| w == ["до", "сих"] || w == ["настоящее", "время"])
        // "Всё ещё" (still), as English "still": now, unless the question is in the past. Questions
        // reach here folded, "ещё" written "еще".
        || (!past && words.windows(2).any(|w| matches!(w[0], "всё" | "все") && matches!(w[1], "ещё" | "еще")))
        || (words.first() == Some(&"кто")
            && !past
            && words.iter().any(|w| ROLES.iter().any(|r| w.starts_with(r))))
}

/// Whether a Russian word reads as a verb in the past tense ("приехал", "подписали", "договорились"):
/// a vowel, "л", then a gender or plural ending and the reflexive "ся"/"сь". Short words ("или",
/// "дела", "стал") are not, nor nouns of that shape that questions of this base use ("курил",
/// "терминал", "мемориал", "жители").
fn is_past_verb(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "генерал",
        "адмирал",
        "маршал",
        "канал",
        "капитал",
        "журнал",
        "финал",
        "курил",
        "терминал",
        "скандал",
        "материал",
        "мемориал",
        "вокзал",
        "персонал",
        "сигнал",
        "арсенал",
        "квартал",
        "трибунал",
        "байкал",
        "потенциал",
        "идеал",
        "раздел",
        "отдел",
        "предел",
        "расстрел",
        "могил",
        "недел",
        "модел",
        "детал",
        "медал",
        "михаил",
        "павел",
        "караул",
        "стамбул",
    ];
    let bare = word.strip_suffix("ся").or_else(|| word.strip_suffix("сь")).unwrap_or(word);
    let bare = bare.strip_suffix(['а', 'о', 'и']).filter(|b| b.ends_with('л')).unwrap_or(bare);
    let Some(stem) = bare.strip_suffix('л') else { return false };
    // Nouns of people in -тель ("жители", "представители", "писатели") end as plural verbs do.
    let people = word.ends_with("ители") || word.ends_with("атели");
    stem.chars().count() >= 4
        && stem.ends_with(['а', 'я', 'и', 'е', 'ё', 'ы', 'у'])
        && !people
        && !NOUNS.iter().any(|n| word.starts_with(n))
}
