//! The side a question names, the Russian (or Soviet) one or the Japanese one: "Who commanded the
//! *Russian* army at Mukden?" is not the stored question "Who commanded the *Japanese* armies at
//! Mukden?", though every other word is shared and "Russian" and "Japanese" weigh little, being
//! everywhere in the base.

use super::normalize::Term;

/// The Russian or Soviet side, as a bit of a set of sides.
pub(crate) const RUSSIAN: u8 = 1;
/// The Japanese side.
pub(crate) const JAPANESE: u8 = 2;

/// The side an adjective names, in English or Russian (folded, as written): 0 for any other word.
fn side_of(surface: &str) -> u8 {
    const RUSSIAN_STARTS: &[&str] = &["русск", "российск", "советск", "царск"];
    match surface {
        "russian" | "russians" | "soviet" | "soviets" | "tsarist" => RUSSIAN,
        "japanese" => JAPANESE,
        w if RUSSIAN_STARTS.iter().any(|s| w.starts_with(s)) => RUSSIAN,
        w if w.starts_with("японск") || w.starts_with("японц") => JAPANESE,
        _ => 0,
    }
}

/// The side a place names after "in" (English) or "в" (Russian): "anime in Japan" is not "anime in
/// Russia".
fn side_of_place(preposition: &str, place: &str) -> u8 {
    match (preposition, place) {
        ("in", "japan") | ("в", "японии") => JAPANESE,
        ("in", "russia" | "ussr") | ("в", "россии" | "ссср") => RUSSIAN,
        _ => 0,
    }
}

/// The side whose people a word names ("Russians", "Japanese people", "японцы"), who like or read a
/// thing of the other side as a country does where it is found: 0 for any other word.
fn people_of(surface: &str, next: Option<&str>) -> u8 {
    const PEOPLE: &[&str] = &["people", "readers", "fans", "audiences", "viewers"];
    match surface {
        "russians" | "россияне" | "россиян" => RUSSIAN,
        "японцы" | "японцев" => JAPANESE,
        "russian" | "japanese" if !next.is_some_and(|n| PEOPLE.contains(&n)) => 0,
        "russian" => RUSSIAN,
        "japanese" => JAPANESE,
        _ => 0,
    }
}

/// The sides the words of a text name, and the way it points, read in one pass over its words.
///
/// The way is set when the text names a thing of one side in the other's country ("Russian culture
/// in Japan", "японская культура в России") or before the other's people ("Do Russians like Japanese
/// culture?"): the thing's side ([`RUSSIAN`] or [`JAPANESE`]), else 0. Both sides are named then, so
/// the sides alone cannot tell "Japanese writers in Russia" from "Russian writers in Japan". A
/// country's possessive ("Japan's position") names its side too ([`possessor`]): `text` is what
/// `tokens` were read from, since they drop the possessive.
pub(crate) fn sides_and_direction(text: &str, tokens: &[Term]) -> (u8, u8) {
    let (mut named, mut thing, mut people, mut country) = (possessor(text), 0, 0, 0);
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).map(|n| n.surface.as_str());
        let side = side_of(&t.surface);
        named |= side;
        match people_of(&t.surface, next) {
            0 => thing |= side,
            of => people |= of,
        }
        if let Some(next) = next {
            let at = side_of_place(&t.surface, next);
            named |= at;
            country |= at;
        }
    }
    let one = |side: u8| side == RUSSIAN || side == JAPANESE;
    let place = people | country;
    let direction = if one(thing) && one(place) && thing != place {
        thing
    } else if thing == 0 && one(people) && one(country) && people != country {
        // No thing of a side: the people are what stands in the other's country ("Russians living
        // in Japan"), as "Japanese" does in "How many Japanese live in Russia?".
        people
    } else {
        0
    };
    (named, direction)
}

/// The side a country's possessive names ("Japan's position", "Russia’s claim"), read word by word
/// from the text ("Prussia's" is no Russia's).
fn possessor(text: &str) -> u8 {
    if !text.contains(['\'', '’']) {
        return 0;
    }
    let side = |owner: &str| {
        let is = |names: &[&str]| names.iter().any(|n| owner.eq_ignore_ascii_case(n));
        if is(&["japan", "tokyo"]) {
            JAPANESE
        } else if is(&["russia", "ussr", "moscow"]) {
            RUSSIAN
        } else {
            0
        }
    };
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter_map(|w| ["'s", "'S", "’s", "’S"].iter().find_map(|s| w.strip_suffix(s)))
        .fold(0, |sides, owner| sides | side(owner))
}

/// Whether a stored question points the other way than a question that points one way.
pub(crate) fn other_way(question: u8, stored: u8) -> bool {
    question != 0 && stored != 0 && question != stored
}

/// Whether a stored question names only the other side than a question that names one.
pub(crate) fn other_side(question: u8, stored: u8) -> bool {
    let one = question == RUSSIAN || question == JAPANESE;
    one && stored != 0 && stored & question == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::tokenize;

    fn sides(text: &str) -> u8 {
        sides_and_direction(text, &tokenize(text)).0
    }

    fn direction(text: &str) -> u8 {
        sides_and_direction(text, &tokenize(text)).1
    }

    #[test]
    fn sides_english_and_russian_adjectives() {
        assert_eq!(sides("Who commanded the Russian army at Mukden?"), RUSSIAN);
        assert_eq!(sides("кто командовал японской армией"), JAPANESE);
        assert_eq!(sides("Soviet and Japanese troops"), RUSSIAN | JAPANESE);
    }

    #[test]
    fn sides_none_for_the_countries_alone() {
        assert_eq!(sides("Why did Japan and Russia go to war?"), 0);
        assert_eq!(sides(""), 0);
    }

    #[test]
    fn sides_of_the_place_named() {
        assert_eq!(sides("Which anime is popular in Japan?"), JAPANESE);
        assert_eq!(sides("how popular is anime in russia"), RUSSIAN);
        assert_eq!(sides("популярно ли аниме в России"), RUSSIAN);
        assert_eq!(sides("What did Japan ask Russia for?"), 0);
    }

    #[test]
    fn direction_of_a_thing_in_the_other_country() {
        assert_eq!(direction("Is Russian culture popular in Japan?"), RUSSIAN);
        assert_eq!(direction("Which Japanese writers are read in Russia?"), JAPANESE);
        assert_eq!(direction("популярна ли японская культура в россии"), JAPANESE);
        assert_eq!(direction("Is anime popular in Russia?"), 0, "no thing's side");
        assert_eq!(direction("Are Japanese cars popular in Japan?"), 0, "one side");
        assert_eq!(direction("Do Russians like Japanese culture?"), JAPANESE, "its people");
        assert_eq!(direction("Do Japanese people read Russian novels?"), RUSSIAN);
        assert_eq!(direction("любят ли японцы русскую литературу"), RUSSIAN);
        assert_eq!(direction("Is Japanese culture popular?"), 0, "no place");
        assert_eq!(direction("how many russian people live in japan"), RUSSIAN, "people, no thing");
        assert_eq!(direction("сколько японцев живет в россии"), JAPANESE);
        assert_eq!(direction("How many Japanese live in Russia?"), JAPANESE);
        assert!(other_way(RUSSIAN, JAPANESE) && !other_way(RUSSIAN, RUSSIAN) && !other_way(0, JAPANESE));
    }

    #[test]
    fn possessor_of_a_country() {
        assert_eq!(possessor("What is Japan's legal argument?"), JAPANESE);
        assert_eq!(possessor("Russia’s claim and Tokyo's answer"), RUSSIAN | JAPANESE);
        assert_eq!(possessor("What does Japan claim?"), 0);
        assert_eq!(possessor("Prussia's king"), 0, "a word of its own");
        assert_eq!(possessor("JAPAN'S CLAIM"), JAPANESE);
        assert_eq!(sides("What is Japan's legal argument?"), JAPANESE, "read with the words");
    }

    #[test]
    fn other_side_only_against_one_side() {
        assert!(other_side(RUSSIAN, JAPANESE));
        assert!(!other_side(RUSSIAN, RUSSIAN | JAPANESE));
        assert!(!other_side(RUSSIAN | JAPANESE, JAPANESE));
        assert!(!other_side(RUSSIAN, 0));
        assert!(!other_side(0, JAPANESE));
    }
}
