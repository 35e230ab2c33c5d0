//! Questions for a measure of one dimension ("how tall", "何歳", "какое расстояние"): a fact answers
//! them only if its passage gives a figure with a unit of that dimension. A fact about Putin's
//! visits gives years and figures, but not his age; one that mentions Lake Baikal gives no depth.

use super::normalize::{Kind, Term, fold};
use super::parts::RUSSIAN_PREPOSITIONS;
use crate::lang::Lang;

/// The dimension a question for a measure asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    /// An age ("how old", "何歳", "в каком возрасте").
    Age,
    /// A height or a depth, of a person too ("how tall", "高さ", "身長", "какого роста").
    Height,
    /// A distance ("how far", "距離", "как далеко").
    Distance,
    /// How many times larger one thing is than another ("how many times bigger", "何倍", "во
    /// сколько раз"): a passage that gives both figures leaves the asker to divide them.
    Ratio,
}

impl Measure {
    /// Every measure, in the order of their bits.
    pub(crate) const ALL: [Measure; 4] = [Measure::Age, Measure::Height, Measure::Distance, Measure::Ratio];

    /// The measure's bit in [`super::index::Traits::measures`].
    pub(crate) fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The English words that give a figure this dimension, and how many words away from the
    /// figure they may stand: units after it ("1,820 m", "43 km"), or for an age the words around
    /// it ("aged 22", "a 22-year-old", "born in 1868"). Passages in the other languages translate
    /// the English one, so its figures are theirs.
    fn units(self) -> (&'static [&'static str], usize) {
        match self {
            Measure::Age => (&["age", "aged", "old", "born"], 3),
            Measure::Height => (
                &[
                    "m",
                    "metres",
                    "meters",
                    "metre",
                    "meter",
                    "ft",
                    "feet",
                    "foot",
                    "cm",
                    "centimetres",
                    "centimeters",
                ],
                1,
            ),
            Measure::Distance => (
                &["km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "m", "metres"],
                1,
            ),
            Measure::Ratio => (&["times"], 1),
        }
    }

    /// Whether a passage's terms (as [`super::normalize::tokenize`] gives them) hold a figure of
    /// this measure: a number with one of its units beside it.
    pub(crate) fn given_in(self, tokens: &[Term]) -> bool {
        let (units, near) = self.units();
        let plain: Vec<&Term> = tokens.iter().filter(|t| !t.joined).collect();
        // "Old Style" names the calendar a date is in ("29 April Old Style"): no age.
        let old_style =
            |k: usize| plain[k].surface == "old" && plain.get(k + 1).is_some_and(|t| t.surface == "style");
        let unit = |k: usize| {
            plain[k].kind == Kind::Word && units.contains(&plain[k].surface.as_str()) && !old_style(k)
        };
        plain.iter().enumerate().filter(|(_, t)| t.kind == Kind::Number).any(|(i, _)| {
            // Units follow their figure; the words of an age stand on either side of it.
            let from = if self == Measure::Age { i.saturating_sub(near) } else { i + 1 };
            (from..plain.len().min(i + near + 1)).any(unit)
        })
    }
}

/// The measure a question asks for, if it asks for one, from its text and its words as written
/// (folded).
pub(crate) fn measure(lang: Lang, text: &str, words: &[&str]) -> Option<Measure> {
    let pair = |a: &[&str], b: &[&str]| words.windows(2).any(|w| a.contains(&w[0]) && b.contains(&w[1]));
    match lang {
        Lang::En => {
            if pair(&["how"], &["old"]) || pair(&["what"], &["age"]) {
                Some(Measure::Age)
            } else if pair(&["how", "what"], &["tall", "high", "deep", "height", "depth"])
                || pair(&["his", "her", "whose"], &["height"])
            {
                Some(Measure::Height)
            } else if pair(&["how"], &["far"]) || pair(&["what"], &["distance"]) {
                Some(Measure::Distance)
            } else if asks_times_larger(words) {
                Some(Measure::Ratio)
            } else {
                None
            }
        }
        Lang::Ja => {
            let text = fold(text);
            let any = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
            if any(&["何歳", "何才", "年齢"]) {
                Some(Measure::Age)
            } else if any(&["高さ", "標高", "深さ", "何メートル", "身長", "何センチ", "何cm"])
            {
                Some(Measure::Height)
            } else if any(&["距離", "何キロ", "何km"]) {
                Some(Measure::Distance)
            } else if any(&["何倍"]) {
                Some(Measure::Ratio)
            } else {
                None
            }
        }
        Lang::Ru => {
            // "высота 203" is a hill's name: only a question word before it asks for a measure.
            const WHICH: &[&str] = &["какая", "какое", "какой", "какова", "каково", "каком", "какую"];
            let asks = |stems: &[&str]| {
                words.windows(2).any(|w| WHICH.contains(&w[0]) && stems.iter().any(|s| w[1].starts_with(s)))
            };
            if asks(&["возраст"]) || asks_age(words) {
                Some(Measure::Age)
            } else if asks(&["высот", "глубин"]) || asks_stature(words) {
                Some(Measure::Height)
            } else if asks(&["расстояни"])
                || pair(&["как"], &["далеко"])
                || pair(&["сколько"], &["км", "километров"])
            {
                Some(Measure::Distance)
            } else if words.windows(3).any(|w| w == ["во", "сколько", "раз"]) {
                Some(Measure::Ratio)
            } else {
                None
            }
        }
    }
}

/// Whether English words ask how many times larger (or smaller) one thing is: "how many times"
/// before a comparative, not "how many times did they meet".
fn asks_times_larger(words: &[&str]) -> bool {
    const COMPARATIVES: &[&str] =
        &["bigger", "larger", "more", "greater", "higher", "smaller", "less", "richer", "as", "over"];
    words.windows(4).any(|w| w[..3] == ["how", "many", "times"] && COMPARATIVES.contains(&w[3]))
}

/// Whether Russian words ask how old someone was: "сколько лет исполнилось", "сколько ему было
/// лет", "сколько лет было цесаревичу". Otherwise "сколько лет" asks how long ("сколько лет длилась
/// война"), with "было" too when a preposition or a passive follows it ("сколько лет было в силе",
/// "сколько лет было дано на эвакуацию").
fn asks_age(words: &[&str]) -> bool {
    const PRONOUNS: &[&str] = &["ему", "ей", "им"];
    words.iter().enumerate().filter(|(_, w)| **w == "сколько").any(|(i, _)| {
        let after = &words[i + 1..words.len().min(i + 4)];
        let whose = after.contains(&"было") && after.iter().any(|w| PRONOUNS.contains(w));
        let of_someone = after.windows(2).position(|w| w == ["лет", "было"]).is_some_and(|at| {
            words.get(i + 1 + at + 2).is_some_and(|next| {
                !RUSSIAN_PREPOSITIONS.contains(next) && !next.ends_with("но") && !next.ends_with("то")
            })
        });
        after.contains(&"лет") && (after.contains(&"исполнилось") || whose || of_someone)
    })
}

/// Whether Russian words ask how tall a person was: "какого роста был …", "какой рост был у …",
/// "сколько сантиметров". Trade grows too ("какой рост был у товарооборота", "какого роста достиг
/// экспорт"): a word of the economy after "рост" asks for growth.
fn asks_stature(words: &[&str]) -> bool {
    const ECONOMY: &[&str] =
        &["товарооборот", "торгов", "экспорт", "импорт", "ввп", "инвестиц", "цен", "добыч"];
    let growth = |w: &str| ECONOMY.iter().any(|e| w.starts_with(e)) || w.starts_with("достиг");
    let stature = |w: &[&str]| match w {
        ["какого", "роста", rest @ ..] => !rest.iter().any(|w| growth(w)),
        ["какой" | "каков", "рост", next, rest @ ..] => {
            ["был", "у"].contains(next) && !rest.iter().any(|w| growth(w))
        }
        ["сколько", unit, ..] => unit.starts_with("сантиметр") || *unit == "см",
        _ => false,
    };
    (0..words.len()).any(|i| stature(&words[i..words.len().min(i + 5)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn measure_of(question: &str) -> Option<Measure> {
        let lang = Lang::of_question(question);
        let tokens = tokenize(question);
        let words: Vec<&str> = tokens.iter().filter(|t| !t.joined).map(|t| t.surface.as_str()).collect();
        measure(lang, question, &words)
    }

    fn given(passage: &str, measure: Measure) -> bool {
        measure.given_in(&tokenize(passage))
    }

    #[test]
    fn measure_read_in_three_languages() {
        assert_eq!(measure_of("how old is putin"), Some(Measure::Age));
        assert_eq!(measure_of("How deep is Lake Baikal?"), Some(Measure::Height));
        assert_eq!(measure_of("How far is Kunashir from Hokkaido?"), Some(Measure::Distance));
        assert_eq!(measure_of("爺爺岳の高さは？"), Some(Measure::Height));
        assert_eq!(measure_of("国後島と北海道の距離は？"), Some(Measure::Distance));
        assert_eq!(measure_of("какое расстояние от кунашира до хоккайдо"), Some(Measure::Distance));
        assert_eq!(measure_of("в каком возрасте умер того"), Some(Measure::Age));
    }

    #[test]
    fn measure_ratio_in_three_languages() {
        assert_eq!(measure_of("во сколько раз россия больше японии"), Some(Measure::Ratio));
        assert_eq!(measure_of("ロシアは日本の何倍大きい？"), Some(Measure::Ratio));
        assert_eq!(measure_of("how many times bigger is russia than japan"), Some(Measure::Ratio));
        assert_eq!(measure_of("how many times did abe meet putin"), None, "a count, not a ratio");
        assert_eq!(measure_of("сколько раз встречались абэ и путин"), None);
        assert!(given("Russia's area is about 45 times Japan's", Measure::Ratio));
        assert!(!given("Japan's area is 377,944 km2 and Russia's 17,125,191 km2", Measure::Ratio));
    }

    #[test]
    fn measure_russian_how_many_years_old() {
        assert_eq!(measure_of("сколько лет было цесаревичу николаю в оцу"), Some(Measure::Age));
        assert_eq!(measure_of("сколько ему было лет когда его взяли в плен"), Some(Measure::Age));
        assert_eq!(measure_of("сколько лет исполнилось путину"), Some(Measure::Age));
        assert_eq!(measure_of("сколько лет длилась война"), None);
        assert_eq!(measure_of("сколько лет головнин просидел в плену"), None);
        assert_eq!(measure_of("на сколько лет заключили пакт"), None);
        assert_eq!(measure_of("сколько лет было в силе пакт о нейтралитете"), None);
        assert_eq!(measure_of("сколько лет было дано на эвакуацию войск"), None);
        assert_eq!(measure_of("сколько лет ему дали за шпионаж"), None);
    }

    #[test]
    fn measure_stature_of_a_person() {
        assert_eq!(measure_of("東郷平八郎の身長って何センチ？"), Some(Measure::Height));
        assert_eq!(measure_of("какого роста был адмирал макаров"), Some(Measure::Height));
        assert_eq!(measure_of("какой рост был у головнина"), Some(Measure::Height));
        assert_eq!(measure_of("а сколько сантиметров"), Some(Measure::Height));
        assert_eq!(measure_of("what was his height"), Some(Measure::Height));
        assert_eq!(measure_of("какой рост товарооборота в 2021"), None);
        assert_eq!(measure_of("Какой рост был у товарооборота между Россией и Японией?"), None);
        assert_eq!(measure_of("какого роста достиг экспорт в 2021"), None);
        assert_eq!(measure_of("japan at the height of the cold war"), None);
    }

    #[test]
    fn measure_not_read_from_names_or_other_figures() {
        assert_eq!(measure_of("что было на высоте 203"), None);
        assert_eq!(measure_of("how long did the siege last"), None);
        assert_eq!(measure_of("how many troops did japan send"), None);
        assert_eq!(measure_of("203高地の戦い"), None);
    }

    #[test]
    fn measure_given_by_a_unit_beside_a_figure() {
        assert!(given("the highest peak is Mt Chacha, about 1,820 m", Measure::Height));
        assert!(given("Kunashir lies 16 km off Hokkaido", Measure::Distance));
        assert!(given("the 22-year-old Tsesarevich", Measure::Age));
        assert!(given("born in 1868", Measure::Age));
        assert!(!given("Japan sent 70,000 troops in 1918", Measure::Height));
        assert!(!given("a railway of 9,289 km", Measure::Height));
        assert!(!given("the m of the 1,820 peak", Measure::Distance));
        assert!(given("he stood 152 cm tall", Measure::Height));
    }

    #[test]
    fn measure_old_style_date_gives_no_age() {
        assert!(!given("on 11 May 1891 (29 April Old Style) during his visit", Measure::Age));
        assert!(given("on 11 May 1891, when he was 22 years old", Measure::Age));
    }
}
