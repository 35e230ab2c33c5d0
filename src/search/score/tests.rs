use std::collections::BTreeMap;

use crate::knowledge::{KnowledgeBase, test_fact};
use crate::search::{Index, Settings};

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
