//! Words that tell who asks and why, around the question: "for my *ENEM* revision", "our *AP*
//! teacher". What stands between "my" and the word of study is the asker's exam or class, not
//! what the question is about; and the asker's story told before the question sentence.

use std::sync::LazyLock;

use super::super::normalize::{Term, tokenize};
use super::super::vocab::is_english_asker;
use super::Concept;

/// The most words between "my" or "our" and the word of study ("my AP world history exam").
const MOST_BETWEEN: usize = 3;

/// Words of study that are no asker words everywhere (a law's "revision" is a subject): after
/// "my" they are the asker's, and skipped with the words before them.
const STUDY: &[&str] = &["revision", "revisions", "finals", "midterm", "midterms", "olympiad"];

/// Whether a word is the asker's possessive ("my", "our"): the words after it are the asker's.
fn is_asker_possessive(t: &Term) -> bool {
    matches!(t.surface.as_str(), "my" | "our")
}

/// For each word, whether it names the asker's own exam or class: it stands after "my" or "our"
/// and before a word of study ([`is_english_asker`], [`STUDY`]) within [`MOST_BETWEEN`] words.
/// Where the asker says they come from or live is theirs too ([`where_from`]), and so is the number
/// of their school year or exam level ([`school_grade`]). Empty (no word is) for a question with
/// none of these, most of them.
pub(super) fn asker_context(plain: &[&Term]) -> Vec<bool> {
    let from = where_from(plain).or_else(|| who_i_am(plain));
    let grade = school_grade(plain);
    if from.is_none() && grade.is_none() && !plain.iter().any(|t| is_asker_possessive(t)) {
        return Vec::new();
    }
    let mut context = vec![false; plain.len()];
    if let Some((start, k)) = from {
        context[start..=k].iter_mut().for_each(|c| *c = true);
    }
    if let Some(k) = grade {
        context[k] = true;
    }
    for (at, t) in plain.iter().enumerate() {
        if !is_asker_possessive(t) {
            continue;
        }
        let last = (at + 1 + MOST_BETWEEN).min(plain.len().saturating_sub(1));
        let study =
            |k: usize| is_english_asker(&plain[k].surface) || STUDY.contains(&plain[k].surface.as_str());
        if let Some(end) = (at + 2..=last).find(|&k| study(k)) {
            let end = if STUDY.contains(&plain[end].surface.as_str()) { end + 1 } else { end };
            context[at + 1..end].iter_mut().for_each(|c| *c = true);
        }
    }
    context
}

/// Words after a number that make it the asker's school year or an exam's level ("8th grade", "8
/// кл", "для 9 класса", "歴検2級"), and the one before it ("grade 8").
const GRADE_AFTER: &[&str] = &["grade", "grader", "graders", "кл", "класс", "класса", "классе", "級"];
const GRADE_BEFORE: &[&str] = &["grade"];

/// The number that names the asker's school year or exam level ([`GRADE_AFTER`]): no year or
/// figure the question asks about.
fn school_grade(plain: &[&Term]) -> Option<usize> {
    let number = |k: usize| plain[k].surface.starts_with(|c: char| c.is_ascii_digit());
    let word = |k: usize| plain.get(k).map(|t| t.surface.as_str());
    (0..plain.len()).find(|&k| {
        number(k)
            && (word(k + 1).is_some_and(|w| GRADE_AFTER.contains(&w))
                || k.checked_sub(1).and_then(word).is_some_and(|w| GRADE_BEFORE.contains(&w)))
    })
}

/// Words between "I am" and "from" or "in" that say who the asker is or where they live ("I am a
/// *student* from Mexico", "I'm an *exchange* student in Sapporo", "I *live* in Osaka").
const ABOUT_ME: &[&str] = &[
    "a",
    "an",
    "student",
    "exchange",
    "teacher",
    "learner",
    "currently",
    "live",
    "living",
    "based",
    "study",
    "studying",
    "work",
    "working",
    "come",
];

/// Where the asker says they come from or are ("I am from *Brazil*", "I'm from the *Philippines*",
/// "I'm an exchange student in *Sapporo*", "I live in *Osaka*"): the asker's place, not what the
/// question is about. "In" only after words of [`ABOUT_ME`] or right after "I'm": "I am interested
/// in the Kurils" says what the asker asks about. The words that say who the asker is are theirs
/// too: returns the first of them (or "from" / "in") and the place.
fn where_from(plain: &[&Term]) -> Option<(usize, usize)> {
    let word = |k: usize| plain[k].surface.as_str();
    let says = |k: usize| after_i_am(plain, k);
    let (opens, place) = (1..plain.len()).filter(|&k| matches!(word(k), "from" | "in")).find_map(|k| {
        let gap = (1..=3).take_while(|&n| k > n && ABOUT_ME.contains(&word(k - n))).last().unwrap_or(0);
        let opens = k - gap;
        let fits = word(k) == "from" || gap > 0 || matches!(word(opens - 1), "im" | "am");
        (fits && says(opens)).then_some((opens, k + 1))
    })?;
    let k = if place < plain.len() && word(place) == "the" { place + 1 } else { place };
    (k < plain.len() && !matches!(word(k), "a" | "an")).then_some((opens, k))
}

/// Whether the word at `k` (at least 1) follows "I am" or "I'm", which reads as "i" (its "'m" is no
/// word); "am I from …" asks, it does not say.
fn after_i_am(plain: &[&Term], k: usize) -> bool {
    let word = |k: usize| plain[k].surface.as_str();
    match (k.checked_sub(2).map(word), word(k - 1)) {
        (Some("i"), "am") | (_, "im") => true,
        (before, "i") => before != Some("am"),
        _ => false,
    }
}

/// Words that say what the asker is, after where they are from ("I am *Vietnam* student").
const LEARNERS: &[&str] = &["student", "learner", "teacher", "pupil"];

/// Who the asker says they are, by a place or people before a word of [`LEARNERS`] ("I am vietnam
/// student", "i'm a brazilian learner"): the asker's, as in [`where_from`]. Returns the first and
/// last of those words.
fn who_i_am(plain: &[&Term]) -> Option<(usize, usize)> {
    let word = |k: usize| plain[k].surface.as_str();
    let opens = (1..plain.len()).find(|&k| after_i_am(plain, k) && word(k) != "am")?;
    let first = if matches!(word(opens), "a" | "an") { opens + 1 } else { opens };
    // One word or two ("south korean") between "I am" and the word of study, none of them a
    // function word ("I am curious which student …" says nothing of the asker).
    let learner = (first + 1..(first + 3).min(plain.len())).find(|&k| LEARNERS.contains(&word(k)))?;
    let plain_words = (first..learner).all(|k| !crate::search::vocab::is_function_word(word(k)));
    plain_words.then_some((first, learner))
}

/// The words of a label the asker puts before the question and a colon ("Worldbuilding question:",
/// "hoi4 q:"): at most this many, then "question" or "q".
const MOST_LABEL_WORDS: usize = 4;

/// For each word, whether it is in the label before "question:" or "q:" that opens the text
/// ("Worldbuilding question: what was Karafuto like"). A label may name the subject ("Hakodate
/// question:"), so only the words the base lacks are skipped as the asker's (see `concepts`).
pub(super) fn label(text: &str, plain: &[&Term]) -> Vec<bool> {
    // Most texts have no colon: only a head before one is folded and read.
    let Some(colon) = text.find(':') else { return Vec::new() };
    let lower = text[..colon].to_lowercase();
    let head: Vec<&str> = lower.split_whitespace().collect();
    let words = head.len();
    if !(2..=MOST_LABEL_WORDS + 1).contains(&words) || !matches!(head[words - 1], "question" | "q") {
        return Vec::new();
    }
    // The label as the tokens read it, which may split a word ("hoi4" as "hoi", "4"): the tokens
    // at the start that spell it.
    let spelled: String = head.concat().chars().filter(|c| c.is_alphanumeric()).collect();
    let mut read = String::new();
    let Some(end) = plain.iter().position(|t| {
        read.push_str(&t.surface);
        read.len() >= spelled.len()
    }) else {
        return Vec::new();
    };
    if read != spelled {
        return Vec::new();
    }
    (0..plain.len()).map(|k| k <= end).collect()
}

/// How much an ordinary word the base lacks counts when only the context before the question
/// sentence uses it ("My *dorm mates* were *impressed* I'd heard of Kodayu. Who was he?"): it tells
/// the asker's story, not what the question is about.
const TOLD_BEFORE_FACTOR: f32 = 0.3;

/// Words for kin, as the tokenizer stems them: English ones tell the asker's family story after the
/// asker's possessive ("my late father", not "Abe's grandfather" or "Mother Russia"); Russian ones
/// without it too, as Russians tell theirs ("дедушка рассказывал").
const KIN: &[&str] = &[
    "grandfather",
    "grandmother",
    "grandad",
    "granddad",
    "grandpa",
    "grandma",
    "grandparents",
    "father",
    "mother",
    "dad",
    "mum",
    "mom",
    "uncle",
    "aunt",
    "husband",
    "wife",
    "family",
    "relatives",
    "ancestors",
    "дед",
    "дедушка",
    "прадед",
    "бабушка",
    "прабабушка",
    "папа",
    "мама",
    "дядя",
    "муж",
];

/// [`KIN`] as the tokenizer stems it, stemmed once.
static KIN_STEMS: LazyLock<Vec<String>> =
    LazyLock::new(|| KIN.iter().map(|k| super::super::normalize::stem(k)).collect());

/// Japanese words for the asker's own grandparents, found in the text as written (a run of kana
/// takes its particle with it: "おじいちゃんが").
const JAPANESE_KIN: &[&str] = &["祖父", "祖母", "じいちゃん", "ばあちゃん"];

/// Words of a question sentence that point back at the story before it ("Which islands does Japan
/// mean by *that*?", "сколько *их* было"): the story's names are then what the question is about.
/// Narrower than `parts::POINTING_BACK` on purpose: "How many died *there*?", "his", "это" after a
/// family story ask about everyone (taking that list lost four family-story answers).
const BACK: &[&str] = &["that", "it", "this", "those", "them", "they", "их", "они", "それ"];

/// Whether a context's words tell the asker's family story: a word of [`KIN`] that is the asker's
/// (after "my" or "our" in English; Russian ones always).
fn tells_family(tokens: &[Term]) -> bool {
    let own = |i: usize| {
        let cyrillic = tokens[i].surface.starts_with(crate::lang::is_cyrillic);
        cyrillic || tokens[i.saturating_sub(3)..i].iter().any(is_asker_possessive)
    };
    (0..tokens.len()).any(|i| KIN_STEMS.contains(&tokens[i].text) && own(i))
}

/// Weighs down the ordinary unknown words that only the context before the question sentence uses;
/// when that context tells the asker's family story, its names and years are the family's, which an
/// answer about everyone need not hold ("My grandfather was held near Khabarovsk. How many died?").
pub(super) fn told_before(text: &str, found: &mut [Concept]) {
    let told = found.iter().any(|c| c.unknown && !c.focus && c.content);
    // Only the focus of known words is given up for a family story.
    let known_focus = found.iter().any(|c| c.focus && c.content && !c.unknown);
    if !told && !known_focus {
        return;
    }
    let Some((context, sentence)) = super::super::asks::context_and_question(text) else { return };
    // Most contexts name no kin: a substring check of the stems spares them the tokenizing below.
    let folded = super::super::normalize::fold(context);
    let japanese_kin = JAPANESE_KIN.iter().any(|k| context.contains(k));
    let may_be_family =
        known_focus && (japanese_kin || KIN_STEMS.iter().any(|k| folded.contains(k.as_str())));
    if !told && !may_be_family {
        return;
    }
    let before = tokenize(context);
    let after: Vec<String> = tokenize(sentence).into_iter().map(|t| t.surface).collect();
    let only_before = |c: &Concept| {
        c.word.split(' ').all(|w| before.iter().any(|b| b.surface == w) && !after.iter().any(|a| a == w))
    };
    let points_back = after.iter().any(|w| BACK.contains(&w.as_str()));
    let family = may_be_family && !points_back && (japanese_kin || tells_family(&before));
    for c in found.iter_mut().filter(|c| c.content && only_before(c)) {
        if c.unknown && !c.focus {
            c.weight *= TOLD_BEFORE_FACTOR;
        } else if family && !c.unknown {
            c.focus = false;
        }
    }
}

/// Separators after which the rest of a question sentence may be a remark, not part of what it asks
/// ("whats togo's flagship, client wants it inked", "name the treaty - we have a medal to describe").
const REMARK_SEPARATORS: &[&str] = &[", ", " - ", " – ", " — ", "; "];

/// The clauses after the question in a message of one question sentence, when they ask nothing
/// ("whats togo's flagship, client wants it inked"): they say why the asker asks. The clauses after
/// the last one with a question word or mark ([`REMARK_SEPARATORS`]), when the question before them
/// has three words or more; with the text before them. A sentence after the question mark is left to
/// the parts of the message (`score::parts`), which answer the question before it alone.
pub(super) fn remark_after(text: &str) -> Option<(&str, &str)> {
    let asking = super::super::asks::asking_sentence(text);
    if asking.contains(['?', '？']) {
        return None;
    }
    // `asking` is a slice of `text`: its offset, not a search that could meet an earlier copy.
    let start = asking.as_ptr() as usize - text.as_ptr() as usize;
    let next = |from: usize| {
        REMARK_SEPARATORS.iter().filter_map(|sep| text[from..].find(sep).map(|i| from + i + sep.len())).min()
    };
    let mut at = next(start)?;
    while super::super::parts::has_question_word(&text[at..]) {
        at = next(at)?;
    }
    let (head, tail) = (&text[..at], text[at..].trim());
    (!tail.is_empty() && head.split_whitespace().count() >= 3).then_some((head, tail))
}

/// Weighs down the ordinary words the base lacks that only a remark after the question uses
/// ([`remark_after`]): "client wants it *inked* on his back" tells why the asker asks.
pub(super) fn told_after(text: &str, found: &mut [Concept]) {
    if !found.iter().any(|c| c.unknown && !c.focus && c.content) {
        return;
    }
    let Some((head, remark)) = remark_after(text) else { return };
    let after: Vec<String> = tokenize(remark).into_iter().map(|t| t.surface).collect();
    let before: Vec<String> = tokenize(head).into_iter().map(|t| t.surface).collect();
    let only_after = |c: &Concept| {
        c.word.split(' ').all(|w| after.iter().any(|a| a == w) && !before.iter().any(|b| b == w))
    };
    for c in found.iter_mut().filter(|c| c.content && c.unknown && !c.focus && only_after(c)) {
        c.weight *= TOLD_BEFORE_FACTOR;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        super::super::words_marked(text, asker_context)
    }

    fn focus_after_story(text: &str, word: &str) -> bool {
        let mut found = vec![Concept {
            alternatives: vec![(0, 1.0)],
            word: word.to_string(),
            content: true,
            focus: true,
            ..Concept::default()
        }];
        told_before(text, &mut found);
        found[0].focus
    }

    #[test]
    fn remark_after_the_question_mark_is_left_to_the_parts() {
        let text = "When was the Treaty of Shimoda signed? My nephew needs it for a crossword.";
        assert_eq!(remark_after(text), None);
        assert_eq!(remark_after("When was the treaty signed?"), None);
    }

    #[test]
    fn remark_after_the_last_clause_that_asks() {
        let text = "whats the name of togos flagship at tsushima, client wants it inked on his back";
        assert_eq!(remark_after(text).map(|(_, r)| r), Some("client wants it inked on his back"));
        let clauses =
            "Name the treaty, the town where it was signed, and the date - we have a medal to describe";
        assert_eq!(remark_after(clauses).map(|(_, r)| r), Some("and the date - we have a medal to describe"));
        assert_eq!(remark_after("Who signed it, Witte or Komura, and when was it?"), None);
        assert_eq!(remark_after("Tsushima, why"), None, "the question before it is too short");
    }

    #[test]
    fn told_after_weighs_down_words_only_the_remark_uses() {
        let concept = |word: &str| Concept {
            word: word.to_string(),
            content: true,
            unknown: true,
            weight: 6.0,
            ..Concept::default()
        };
        let mut found = vec![concept("flagship"), concept("inked")];
        told_after("whats the name of the flagship, client wants it inked", &mut found);
        assert_eq!(found[0].weight, 6.0, "the question uses it");
        assert!(found[1].weight < 6.0);
    }

    #[test]
    fn told_before_family_story_names_no_focus() {
        let story = "My grandfather was held near Khabarovsk. How many died?";
        assert!(!focus_after_story(story, "khabarovsk"));
        assert!(focus_after_story("The camp was near Khabarovsk. How many died?", "khabarovsk"), "no kin");
        assert!(focus_after_story("My grandfather was there. Why was Khabarovsk chosen?", "khabarovsk"));
        let others = "Abe's grandfather Kishi signed it in 1960. How did the USSR react?";
        assert!(focus_after_story(others, "kishi"), "another's kin");
        let back = "My host dad calls them the Northern Territories. Which islands does he mean by that?";
        assert!(focus_after_story(back, "northern"), "the question points back at the story");
        assert!(!focus_after_story("Дедушку моего держали под Хабаровском. Сколько умерло?", "хабаровском"));
    }

    #[test]
    fn asker_context_where_the_asker_is_from() {
        assert_eq!(marked("Hello, I am from Brazil. What was the Krasnoyarsk summit?"), ["from", "brazil"]);
        assert_eq!(marked("I'm from the Philippines, when did the war end"), ["from", "the", "philippines"]);
        assert!(marked("What am I from the list?").is_empty());
        assert_eq!(marked("Hello, I am student from Mexico. Who was Dembei?"), ["student", "from", "mexico"]);
        assert_eq!(
            marked("I'm an exchange student in Sapporo, which islands"),
            ["an", "exchange", "student", "in", "sapporo"]
        );
        assert_eq!(marked("I live in Osaka. When did the war end?"), ["live", "in", "osaka"]);
        assert!(marked("I am interested in Sakhalin").is_empty(), "what the asker asks about");
        assert!(marked("I'm in a class on the war").is_empty());
    }

    #[test]
    fn asker_context_who_the_asker_is() {
        assert_eq!(marked("i am vietnam student, when did the war start"), ["vietnam", "student"]);
        assert_eq!(marked("I'm a south korean student. who won?"), ["south", "korean", "student"]);
        assert!(
            marked("i am curious which student of Kodayu's came back").is_empty(),
            "a question word between"
        );
        assert!(marked("was Sorge a student?").is_empty(), "no one says who they are");
    }

    #[test]
    fn label_before_question_and_colon() {
        let labelled = |text: &str| {
            let tokens = tokenize(text);
            let plain: Vec<&Term> = tokens.iter().collect();
            let flags = label(text, &plain);
            plain.iter().zip(flags).filter(|(_, f)| *f).map(|(t, _)| t.surface.clone()).collect::<Vec<_>>()
        };
        assert_eq!(labelled("Worldbuilding question: what was Karafuto like"), ["worldbuilding", "question"]);
        assert_eq!(labelled("hoi4 q: why the southern strike"), ["hoi", "4", "q"]);
        assert!(labelled("question: who won").is_empty(), "no label");
        assert!(labelled("Why was the pact signed: a question").is_empty());
    }

    #[test]
    fn asker_context_school_grade() {
        assert_eq!(marked("для теста 8 кл: капитан шлюпа"), ["8"]);
        assert_eq!(marked("a quiz for grade 9 on the war"), ["9"]);
        assert_eq!(marked("歴検2級の勉強中です"), ["2"]);
        assert!(marked("what happened in 1905 in grades of schools").is_empty());
    }

    #[test]
    fn asker_context_between_my_and_the_exam() {
        assert_eq!(marked("When was it? its for my ENEM revision"), ["enem", "revision"]);
        assert_eq!(marked("for our AP world history exam"), ["ap", "world", "history"]);
        assert!(marked("my teacher says Witte won").is_empty(), "nothing between");
        assert!(
            marked("my grandfather fought at Mukden in the war of 1905 and studied").is_empty(),
            "too far"
        );
    }
}
