use std::collections::BTreeMap;

use super::names::{lowercase_names, proper_nouns};
use super::resolve::{romanised_near, transliterations};
use super::*;
use crate::knowledge::{KnowledgeBase, test_fact};

fn index() -> Inverted {
    let fact = |id: &str, passage: &str, keywords: &[&str]| {
        test_fact(id, passage, None, &["What was the Treaty of Portsmouth?"], keywords)
    };
    let facts = vec![
        fact("portsmouth", "The Treaty of Portsmouth, signed in 1905, ended the war.", &["Portsmouth"]),
        fact("khasan", "The Battle of Lake Khasan was fought in 1938 near Korea.", &["Lake Khasan"]),
    ];
    Inverted::build(&KnowledgeBase::new(facts, BTreeMap::new(), Vec::new()), None)
}

/// An index of one fact with one stored question and one keyword.
fn index_of_one(id: &str, passage: &str, question: &str, keyword: &str) -> Inverted {
    let facts = vec![test_fact(id, passage, None, &[question], &[keyword])];
    Inverted::build(&KnowledgeBase::new(facts, BTreeMap::new(), Vec::new()), None)
}

#[test]
fn proper_nouns_russian_name_takes_its_noun() {
    assert_eq!(proper_nouns("Почему началась Корейская война?"), ["корей", "войн"]);
    assert_eq!(proper_nouns("когда была Русско-японская война"), ["русск", "япон", "русскояпон", "войн"]);
    assert!(proper_nouns("Корейская война началась когда?").is_empty(), "a sentence's first word");
    assert_eq!(proper_nouns("где живёт Путин сейчас"), ["путин"], "a name that is no adjective");
    assert_eq!(proper_nouns("когда Невельской поднял флаг"), ["невел"], "a surname, then a verb");
}

#[test]
fn proper_nouns_sentence_ends_inside_quotes() {
    assert!(proper_nouns("He said 'they never signed a treaty.' Accurate?").is_empty());
    assert!(proper_nouns("Он сказал «мир подписан.» Правда?").is_empty());
    assert!(proper_nouns("Essay line: **war was declared in 1945.** Accurate?").is_empty(), "markup");
    assert!(proper_nouns("it said war came in 1945… Accurate?").is_empty(), "an ellipsis");
    assert_eq!(proper_nouns("He said 'the treaty' Accurate?"), ["accur"], "no full stop before the quote");
}

#[test]
fn unknown_name_is_focus_and_english_word_is_not() {
    let reading = read(&index(), "What happened at the Battle of Midway?");
    let midway = reading.concepts.iter().find(|c| c.word == "midway").unwrap();
    assert!(midway.unknown && midway.focus);
    let reading = read(&index(), "what was the venue of the treaty");
    let venue = reading.concepts.iter().find(|c| c.word == "venue").unwrap();
    assert!(venue.unknown && !venue.focus);
}

#[test]
fn everyday_words_count_less_in_coverage() {
    let reading = read(&index(), "Which Battle ended the war near Korea?");
    let coverage = |word: &str| reading.concepts.iter().find(|c| c.word == word).map(|c| c.coverage);
    assert_eq!(coverage("battle"), Some(1.0), "{reading:?}");
    let everyday = reading.concepts.iter().find(|c| c.everyday).expect("an everyday word");
    assert_eq!(everyday.coverage, EVERYDAY_COVERAGE);
    assert!(reading.covered_total < reading.total);
}

#[test]
fn typo_corrected_on_the_word_as_written() {
    let reading = read(&index(), "tretay of portsmuth");
    assert!(reading.concepts.iter().all(|c| !c.unknown), "{reading:?}");
}

#[test]
fn transliterations_try_other_romanisations() {
    assert!(transliterations("hasan").contains(&"khasan".to_string()));
    assert!(transliterations("jalta").contains(&"yalta".to_string()));
    assert_eq!(transliterations("portsmouth"), ["portsmouth"]);
    assert!(transliterations("денбей").contains(&"дембей".to_string()), "ん before b as m");
    assert!(transliterations("shimbun").contains(&"shinbun".to_string()));
}

#[test]
fn options_count_only_when_found() {
    let reading = read(&index(), "Which treaty ended the war? a) Versailles b) Portsmouth c) Brest");
    assert!(reading.concepts.iter().any(|c| c.option() && c.word == "portsmouth"));
    assert!(!reading.concepts.iter().any(|c| c.word == "versailles"), "unknown options are dropped");
    let stem_weight: f32 = reading.concepts.iter().filter(|c| !c.option()).map(|c| c.weight).sum();
    assert_eq!(reading.total, stem_weight);
}

#[test]
fn options_the_base_never_names_stay_in_the_question() {
    let reading = read(&index(), "Which treaty ended the war? a) Versailles b) Trianon c) Brest");
    assert!(!reading.concepts.iter().any(|c| c.option()));
    let unknown: Vec<&str> = reading.unknown_focus().collect();
    assert_eq!(unknown, ["versailles", "trianon", "brest"]);
}

#[test]
fn options_of_no_name_stay_options_and_markers_no_numbers() {
    let reading = read(&index(), "Did the Treaty of Portsmouth end the war? 1) yes 2) no");
    let words: Vec<&str> = reading.concepts.iter().map(|c| c.word.as_str()).collect();
    assert!(!words.contains(&"1") && !words.contains(&"2"), "{words:?}");
}

#[test]
fn names_of_several_words_form_a_run() {
    let reading = read(&index(), "Who won the Korean War?");
    let runs: Vec<u16> = reading.concepts.iter().map(|c| c.name_run).collect();
    assert!(runs.iter().filter(|&&r| r != 0).count() >= 2, "{runs:?}");
    let reading = read(&index(), "At Yalta the USSR agreed");
    assert!(reading.concepts.iter().all(|c| c.name_run == 0), "'the' does not join names");
}

#[test]
fn names_in_a_list_are_runs_of_their_own() {
    let reading = read(&index(), "how was the war seen in China, India, Turkey and other places");
    let runs: Vec<u16> = reading.concepts.iter().map(|c| c.name_run).collect();
    assert!(runs.iter().all(|&r| r == 0), "{runs:?}");
    let reading = read(&index(), "how was the war seen in China India Turkey and other places");
    assert!(reading.concepts.iter().filter(|c| c.name_run != 0).count() >= 2, "{reading:?}");
}

#[test]
fn names_either_side_of_an_arrow_are_runs_of_their_own() {
    for text in
        ["Planning Vladivostok → Sakhalin this summer", "Planning Vladivostok -> Sakhalin this summer"]
    {
        let reading = read(&index(), text);
        let place = |w: &str| reading.concepts.iter().any(|c| c.word == w);
        assert!(place("vladivostok") && place("sakhalin"), "{text}: {reading:?}");
        let runs: Vec<u16> = reading.concepts.iter().map(|c| c.name_run).filter(|&r| r != 0).collect();
        assert!(runs.windows(2).all(|w| w[0] != w[1]), "{text}: {runs:?}");
    }
}

#[test]
fn asks_context_question_word_is_not_asked() {
    let index = index();
    let text = "My friend gets upset when I call them the Kurils. Is there a difference?";
    assert_eq!(read(&index, text).asks, Asks::YesNo);
    // A sentence cut at an abbreviation keeps what the whole question asks.
    assert_eq!(read(&index, "Why did the embassy leave St. Petersburg?").asks, Asks::Reason);
}

#[test]
fn duration_is_not_focus_and_a_year_is() {
    let reading = read(&index(), "Why was the treaty still honoured 80 years after 1905?");
    let eighty = reading.concepts.iter().find(|c| c.word == "80").unwrap();
    let year = reading.concepts.iter().find(|c| c.word == "1905").unwrap();
    assert!(!eighty.focus && year.focus);
    assert!(eighty.weight < year.weight / 2.0);
    let era = read(&index(), "昭和20年に何があった？");
    // Read as the Western year (昭和20年 is 1945), which is what the question is about.
    assert!(era.concepts.iter().find(|c| c.word == "1945").is_some_and(|c| c.focus), "an era's year");
}

#[test]
fn romanised_near_other_romanisation_known_as_it_stands() {
    let index = index();
    let khasan = index.id(&Unit::Term(super::super::normalize::stem("khasan"), Kind::Word)).unwrap();
    assert_eq!(romanised_near(&index, "hasan"), [(khasan, 1)]);
    let reading = read(&index, "lake hasan battle year");
    let hasan = reading.concepts.iter().find(|c| c.word == "hasan").unwrap();
    assert!(!hasan.unknown, "{reading:?}");
    assert!(romanised_near(&index, "zzzz").is_empty());
}

#[test]
fn lowercase_names_noun_after_a_name() {
    let index = index();
    let names = |text: &str| {
        let tokens = tokenize(text);
        let plain: Vec<&Term> = tokens.iter().collect();
        lowercase_names(&index, text, &plain)
    };
    assert_eq!(names("when was the portsmouth treaty"), [false, false, false, true, true]);
    assert_eq!(names("lake khasan battle"), [false, false, false], "a battle is named the other way round");
    assert!(names("When was the Portsmouth treaty").is_empty(), "capitals show the names");
}

#[test]
fn resolve_keyword_spelling_meets_the_passage_spelling() {
    let fact = test_fact(
        "putyatin",
        "Admiral Putyatin signed the Treaty of Shimoda in 1855.",
        None,
        &["Who was Putyatin?"],
        &["Putyatin", "Putiatin"],
    );
    let index = Inverted::build(&KnowledgeBase::new(vec![fact], BTreeMap::new(), Vec::new()), None);
    let id = |w: &str| index.id(&Unit::Term(super::super::normalize::stem(w), Kind::Word)).unwrap();
    let reading = read(&index, "who was putiatin");
    let c = reading.concepts.iter().find(|c| c.word == "putiatin").unwrap();
    assert_eq!(c.alternatives, [(id("putiatin"), 1.0), (id("putyatin"), 1.0)], "{reading:?}");
    let reading = read(&index, "who was putyatin");
    let c = reading.concepts.iter().find(|c| c.word == "putyatin").unwrap();
    assert_eq!(c.alternatives, [(id("putyatin"), 1.0)], "the passage's spelling is itself");
}

#[test]
fn coordinated_names_join_the_one_before() {
    let joined = |q: &str| {
        let reading = read(&index(), q);
        let word = |n: u16| reading.concepts[n as usize - 1].word.clone();
        reading
            .concepts
            .iter()
            .filter(|c| c.joined_to > 0)
            .map(|c| (word(c.joined_to), c.word.clone()))
            .collect()
    };
    let pairs: Vec<(String, String)> = joined("Were Portsmouth and Khasan both in 1905?");
    assert_eq!(pairs, [("portsmouth".to_string(), "khasan".to_string())]);
    assert!(joined("Was Portsmouth signed after the battle at Khasan?").is_empty(), "not joined by and");
    assert_eq!(joined("Портсмут или Хасан").len(), 1, "Russian или");
}

#[test]
fn chat_spellings_drop_eli5_and_internet_fillers() {
    let reading = read(&index(), "ELI5 what the Portsmouth treaty gave Japan, TIL it was a big deal");
    assert!(reading.concepts.iter().all(|c| !matches!(c.word.as_str(), "eli" | "5" | "til")));
    assert!(reading.concepts.iter().any(|c| c.focus && c.word.contains("portsmouth")));
}

#[test]
fn told_before_unknown_words_weigh_less_than_asked_ones() {
    let weight = |text: &str, word: &str| {
        read(&index(), text).concepts.iter().find(|c| c.word == word).map(|c| c.weight).unwrap()
    };
    let told = weight("My dorm mates were impressed. Who signed the Treaty of Portsmouth?", "impressed");
    let asked = weight("Who was impressed by the Treaty of Portsmouth?", "impressed");
    assert!(told < asked, "{told} {asked}");
}

#[test]
fn compared_name_weighs_less_and_is_not_focus() {
    let portsmouth = |text: &str| {
        let reading = read(&index(), text);
        reading.concepts.into_iter().find(|c| c.word == "portsmouth").unwrap()
    };
    let compared = portsmouth("Was Lake Khasan the same as Portsmouth?");
    let named = portsmouth("Was Lake Khasan after Portsmouth?");
    assert!(!compared.focus && compared.weight < named.weight, "{compared:?} {named:?}");
}

#[test]
fn asker_word_the_passages_write_as_a_name_is_no_focus() {
    let index = index_of_one(
        "fishing",
        "В 2001 году РИА Новости писало о рыболовстве, и РИА Новости писало снова.",
        "Что писали о рыболовстве?",
        "рыболовство",
    );
    let reading = read(&index, "читаю новости про рыболовство что там");
    let news = reading.concepts.iter().find(|c| c.word == "новости").unwrap();
    assert!(!news.focus && news.coverage == 0.0, "{news:?}");
}

#[test]
fn scene_opening_hours_only_as_such() {
    let marked = |q: &str| read(&index(), q).scene != 0;
    assert!(marked("what are the opening hours of the museum in portsmouth"));
    assert!(marked("часы работы музея в портсмуте"));
    assert!(!marked("how many hours did the battle of lake khasan last"), "a battle's hours");
}

#[test]
fn asker_word_the_base_lacks_meets_no_longer_word() {
    let index =
        index_of_one("sorge", "Зорге знал о решениях «группы завтраков» Коноэ.", "Что знал Зорге?", "Зорге");
    let reading = read(&index, "что знал зорге мне завтра на урок");
    let tomorrow = reading.concepts.iter().find(|c| c.word == "завтра");
    assert!(tomorrow.is_none_or(|c| c.alternatives.is_empty() && c.weight == 0.0), "{tomorrow:?}");
}
