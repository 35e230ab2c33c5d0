use std::collections::BTreeMap;

use crate::knowledge::{KnowledgeBase, SynonymGroup, test_fact};
use crate::search::question::Reading;
use crate::search::{Hit, Index, Outcome, Settings, Unsure};

/// A base where the Kuril Islands are too common to propose candidates (more than 100 facts of 522
/// name them) and "upset" is rare, in one fact about something else.
fn common_name_base() -> Index {
    let mut facts: Vec<_> = (0..120)
        .map(|n| {
            let passage = format!("A fishing boat was stopped near the Kuril Islands in {}.", 1950 + n);
            test_fact(
                &format!("boat-{n}"),
                &passage,
                None,
                &["Which boats were stopped?"],
                &["Kuril Islands"],
            )
        })
        .collect();
    facts.extend((0..400).map(|n| {
        let passage = format!("A trade mission visited Osaka in {}.", 1900 + n % 100);
        test_fact(&format!("mission-{n}"), &passage, None, &["Which missions visited Osaka?"], &["Osaka"])
    }));
    let count = "The Kuril Islands are a chain of 56 islands.";
    facts.push(test_fact("count", count, None, &["How many Kuril Islands are there?"], &["Kuril Islands"]));
    let football = "Fans were upset when the football match was cancelled.";
    facts.push(test_fact("football", football, None, &["Why were the fans upset?"], &["football"]));
    Index::new(KnowledgeBase::new(facts, BTreeMap::new(), Vec::new()), Settings { decline_below: 0.54 })
}

#[test]
fn rank_common_name_proposes_beside_a_rare_everyday_word() {
    let index = common_name_base();
    let outcome = index.ask("My friend got upset at me. How many Kuril Islands are there?");
    let best = outcome.best().map(|hit| index.knowledge().facts()[hit.fact].id.as_str());
    assert_eq!(best, Some("count"));
}

fn bar_of(index: &Index, question: &str, threshold: f32) -> f32 {
    let reading = crate::search::question::read(&index.inverted, question);
    super::bar(&index.inverted, &reading, Settings { decline_below: threshold }).question
}

#[test]
fn bar_lower_for_a_long_question() {
    let index = common_name_base();
    let short = bar_of(&index, "How many Kuril Islands are there?", 0.54);
    let context =
        "A trade mission visited Osaka and a fishing boat was stopped: how many Kuril Islands are there?";
    let long = bar_of(&index, context, 0.54);
    assert!(long < 0.54 && 0.54 < short, "{long} {short}");
}

#[test]
fn bar_higher_for_a_word_the_base_lacks() {
    let index = common_name_base();
    let known = bar_of(&index, "How many Kuril Islands are there in the chain?", 0.54);
    let unknown = bar_of(&index, "How many Kuril Islands are there in the archipelago?", 0.54);
    assert!(unknown > known + 0.05, "{known} {unknown}");
}

#[test]
fn bar_at_either_end_is_always_or_never() {
    let index = common_name_base();
    assert_eq!(bar_of(&index, "Why were the giraffes upset?", 0.0), 0.0);
    assert_eq!(
        bar_of(&index, "My friend and my teacher argue: how many Kuril Islands are there?", 1.01),
        1.01
    );
}

#[test]
fn bar_not_raised_for_a_question_asked_as_stored() {
    let index = common_name_base();
    let stored = "Why were the fans upset?";
    let reading = crate::search::question::read(&index.inverted, stored);
    let bar = super::bar(&index.inverted, &reading, Settings { decline_below: 0.54 });
    let ranked = super::scored(&index.inverted, &index.kb, &reading);
    assert!(bar.question > 0.54, "a short question: {}", bar.question);
    assert_eq!(bar.for_best(&ranked[0]), 0.54);
}

#[test]
fn bits_lowest_first() {
    assert_eq!(super::gather::bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
    assert_eq!(super::gather::bits(1 << 31).collect::<Vec<_>>(), [31]);
    assert_eq!(super::gather::bits(0).count(), 0);
}

/// A base of one fact on Sorge, whose keywords may name Operation Barbarossa while its passage,
/// `passage`, may not.
fn sorge_base(passage: &str) -> Index {
    let keywords = ["Richard Sorge", "Operation Barbarossa"];
    let sorge = test_fact("sorge", passage, None, &["What did Sorge report to Moscow?"], &keywords);
    let other = "A trade mission visited Osaka in 1901.";
    let other = test_fact("mission", other, None, &["Which missions visited Osaka?"], &["Osaka"]);
    Index::new(KnowledgeBase::new(vec![sorge, other], BTreeMap::new(), Vec::new()), Settings::default())
}

#[test]
fn keywords_only_match_counts_less_than_a_passage_that_names_it() {
    let question = "What was Operation Barbarossa?";
    let silent = sorge_base("Richard Sorge told Moscow in 1941 that Japan would strike south.");
    let named = sorge_base(
        "Richard Sorge told Moscow in 1941 of Operation Barbarossa and that Japan would strike south.",
    );
    let (silent, named) = (silent.ask(question).confidence(), named.ask(question).confidence());
    assert!(silent < 0.8 * named, "{silent} {named}");
}

fn writers_base(both: bool) -> Index {
    let fact = |id: &str, passage: &str, keywords: &[&str]| {
        test_fact(id, passage, None, &["Which Japanese writers read him?"], keywords)
    };
    let mut facts = vec![
        fact("tolstoy", "Tolstoy was read by Japanese writers from the 1880s.", &["Tolstoy"]),
        fact("dostoevsky", "Dostoevsky was read by Japanese writers after 1892.", &["Dostoevsky"]),
        fact("mission", "A trade mission visited Osaka in 1901.", &["Osaka"]),
    ];
    if both {
        let passage = "Tolstoy and Dostoevsky shaped the Japanese novel.";
        facts.push(fact("both", passage, &["Tolstoy", "Dostoevsky"]));
    }
    Index::new(KnowledgeBase::new(facts, BTreeMap::new(), Vec::new()), Settings::default())
}

#[test]
fn coordinated_name_forgiven_only_when_no_fact_meets_both() {
    let apart = writers_base(false);
    let joined = apart.ask("Did Tolstoy and Dostoevsky influence Japanese writers?").confidence();
    let listed = apart.ask("Did Tolstoy with Dostoevsky influence Japanese writers?").confidence();
    assert!(joined > listed / 0.8, "{joined} {listed}");
    let together = writers_base(true);
    let always = Settings { decline_below: 0.0 };
    let outcome = together.ask_with("Did Tolstoy and Dostoevsky influence Japanese writers?", always);
    let best = outcome.best().map(|hit| together.knowledge().facts()[hit.fact].id.as_str());
    assert_eq!(best, Some("both"));
}

#[test]
fn coverage_measure_counts_lacked_words_beside_the_cap() {
    use super::confidence::{COVERAGE_CAP, coverage_measure};
    assert_eq!(coverage_measure(10.0, 0.0, 10.0), 10.0, "a short question: all its weight");
    assert_eq!(coverage_measure(40.0, 0.0, 40.0), COVERAGE_CAP, "a long one: the cap");
    let lacked = coverage_measure(40.0, 6.0, 40.0);
    assert!((lacked - (COVERAGE_CAP + 6.0)).abs() < 1e-4, "{lacked}");
}

/// A base of a treaty, a consul and a prime minister, with synonym groups for the treaty (a name),
/// the prime minister (a common noun) and Russia (in every fact); the trade missions are there so
/// that names are rare and everyday words common, as in the real base.
fn treaty_and_consul_base() -> Index {
    let mut facts: Vec<_> = (0..40)
        .map(|n| {
            let passage = format!("A Russian trade mission visited Osaka in {}.", 1900 + n);
            test_fact(&format!("mission-{n}"), &passage, None, &["Which missions visited Osaka?"], &["Osaka"])
        })
        .collect();
    let shimoda = "The Treaty of Shimoda was signed on 7 February 1855 by Putyatin and Kawaji.";
    let asked = ["When was the Treaty of Shimoda signed?"];
    facts.push(test_fact("shimoda", shimoda, None, &asked, &["Treaty of Shimoda"]));
    let consul = "Iosif Goshkevich became the first Russian consul in Japan, at Hakodate, in 1858.";
    facts.push(test_fact("consul", consul, None, &["Who was the consul?"], &["Goshkevich"]));
    let premier = "Prime Minister Ichirō Hatoyama signed the Joint Declaration in Moscow in 1956.";
    facts.push(test_fact("premier", premier, None, &["Who was the prime minister?"], &["Hatoyama"]));
    let group = |terms: &[&str]| SynonymGroup { terms: terms.iter().map(|t| t.to_string()).collect() };
    let groups = vec![
        group(&["treaty of shimoda", "shimoda treaty"]),
        group(&["prime minister", "premier"]),
        group(&["russia", "russian"]),
    ];
    Index::new(KnowledgeBase::new(facts, BTreeMap::new(), groups), Settings { decline_below: 0.54 })
}

#[test]
fn taken_alone_when_the_rest_points_nowhere_and_the_part_names_its_subject() {
    let index = treaty_and_consul_base();
    let read = |q: &str| crate::search::question::read(&index.inverted, q);
    let hit = |fact| Hit { fact, confidence: 0.9 };
    let answered = || Outcome::Answered { best: hit(40), others: Vec::new(), part: None };
    let declined =
        |suggestions| Outcome::Declined { suggestions, confidence: 0.2, reason: Unsure::Uncovered };
    let treaty = read("When was the Treaty of Shimoda signed?");
    let taken =
        |whole: &Outcome, part: &Reading| super::taken(&index.inverted, whole, part, answered()).is_some();
    assert!(taken(&declined(vec![hit(40)]), &treaty), "the whole suggests the part's fact");
    assert!(!taken(&declined(vec![hit(3)]), &treaty), "the rest points elsewhere");
    assert!(taken(&declined(Vec::new()), &treaty), "the rest points nowhere");
    // A common noun names no subject of its own: it is the one the rest of the message speaks of,
    // though a synonym group or a country's name meets it.
    for part in ["Who was the consul?", "Who was the Russian consul?", "Who was the prime minister then?"] {
        let reading = read(part);
        assert!(!taken(&declined(Vec::new()), &reading), "{part}");
    }
}
