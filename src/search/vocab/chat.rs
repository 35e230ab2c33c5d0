//! Chat spellings ("wat", "u", "щас"): the words they stand for, so that they weigh as those words
//! do instead of as names the base lacks.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Chat spellings and the words they stand for, as Discord users type questions.
const CHAT: &[(&str, &str)] = &[
    ("wat", "what"),
    ("wut", "what"),
    ("wht", "what"),
    ("wen", "when"),
    ("whn", "when"),
    ("wher", "where"),
    ("whr", "where"),
    ("hw", "how"),
    ("y", "why"),
    ("whyd", "why"),
    ("r", "are"),
    ("u", "you"),
    ("ur", "your"),
    ("abt", "about"),
    ("bc", "because"),
    ("cuz", "because"),
    ("coz", "because"),
    ("b4", "before"),
    ("ppl", "people"),
    ("govt", "government"),
    ("gov", "government"),
    ("thru", "through"),
    ("tho", "though"),
    ("whos", "who"),
    ("wats", "what"),
    ("whats", "what"),
    ("wuz", "was"),
    ("rn", "now"),
    ("atm", "now"),
    ("bcs", "because"),
    ("bcoz", "because"),
    ("bcuz", "because"),
    ("yr", "year"),
    ("yrs", "years"),
    ("approx", "about"),
    ("esp", "especially"),
    ("rite", "right"),
    ("pls", "please"),
    ("plz", "please"),
    // Slips of the fingers in the small words of a question, too short for typo correction to
    // find ("wich town is it?").
    ("wich", "which"),
    ("whitch", "which"),
    ("whch", "which"),
    ("waht", "what"),
    ("whta", "what"),
    ("wehn", "when"),
    ("wehre", "where"),
    ("teh", "the"),
    ("hte", "the"),
    ("thier", "their"),
    ("becuase", "because"),
    ("becasue", "because"),
    ("beacuse", "because"),
    ("sory", "sorry"),
    ("sry", "sorry"),
    ("soz", "sorry"),
    // Months as dates are written short ("feb 2022").
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
    // Russian, as typed in chats.
    ("кагда", "когда"),
    ("када", "когда"),
    ("кода", "когда"),
    ("щас", "сейчас"),
    ("ща", "сейчас"),
    ("чо", "что"),
    ("шо", "что"),
    ("скок", "сколько"),
    ("скока", "сколько"),
    ("скоко", "сколько"),
    ("ваще", "вообще"),
    ("поч", "почему"),
    ("пачему", "почему"),
    ("почиму", "почему"),
    ("хто", "кто"),
    ("зачм", "зачем"),
    ("гиде", "где"),
    ("тыщ", "тысяч"),
    ("тыщи", "тысячи"),
    ("оч", "очень"),
    ("мб", "может"),
    ("кст", "кстати"),
    ("кста", "кстати"),
    // Openers of spoken and chat questions ("окей бот скажи …"), read as written: their stem "ок" is
    // also General Oku's (Оку).
    ("окей", "ну"),
    ("окэй", "ну"),
    ("ок", "ну"),
    ("норм", "нормально"),
    ("спс", "спасибо"),
    // "Совместная хоз деятельность": хозяйственная, as typed short.
    ("хоз", "хозяйственной"),
    ("шоб", "чтобы"),
];

/// [`CHAT`] by spelling: every word of every question is looked up.
static CHAT_WORDS: LazyLock<FxHashMap<&str, &str>> = LazyLock::new(|| CHAT.iter().copied().collect());

/// The word a chat spelling stands for ("wat" → "what"), if it is one.
pub(crate) fn chat_word(surface: &str) -> Option<&'static str> {
    CHAT_WORDS.get(surface).copied()
}

/// Particles that end a sentence in Singapore and Malaysian English ("answer this one lah:").
const PARTICLES: &[&str] = &["lah", "leh", "lor"];

/// The question without the sentence-ending particles of Singapore and Malaysian English, which
/// would weigh as names the base lacks. Only in lower case and before a punctuation mark or at the
/// end: "Leh" is also a town, written as a name ("Did Japan fight in Leh?").
pub(crate) fn particles_dropped(question: &str) -> std::borrow::Cow<'_, str> {
    // Most questions have none: a substring check spares them the split below.
    if !PARTICLES.iter().any(|p| question.contains(p)) {
        return question.into();
    }
    let words: Vec<&str> = question.split(' ').collect();
    let last = words.len() - 1;
    let mut dropped = false;
    // A particle leaves only the punctuation after it.
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let bare = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
            let particle = PARTICLES.contains(&bare) && (bare.len() < w.len() || n == last);
            dropped |= particle;
            if particle { &w[bare.len()..] } else { w }
        })
        .collect();
    if dropped { kept.join(" ").into() } else { question.into() }
}
