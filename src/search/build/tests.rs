use std::collections::BTreeMap;

use super::*;
use crate::knowledge::test_fact;

/// A base large enough to be indexed in parts: fact `i` alone has the word `zq{i}zq` (spelt out in
/// letters), every fact has "shared".
fn large_base(n: usize) -> KnowledgeBase {
    let word = |i: usize| -> String {
        let letters: String = i.to_string().bytes().map(|b| char::from(b'a' + (b - b'0'))).collect();
        format!("zq{letters}zq")
    };
    let facts = (0..n)
        .map(|i| {
            let question = format!("What is {}?", word(i));
            let passage = format!("The {} fact is shared.", word(i));
            test_fact(&format!("f{i:05}"), &passage, None, &[&question], &[&word(i)])
        })
        .collect();
    KnowledgeBase::new(facts, BTreeMap::new(), Vec::new())
}

#[test]
fn decades_nineteenth_century_as_the_1800s() {
    let on = |year: &str| decades(Some(When::On(crate::knowledge::Date::parse(year).unwrap())));
    assert_eq!(on("1855"), ["1850s", "1800s"]);
    assert_eq!(on("1804"), ["1800s"]);
    assert_eq!(on("1792"), ["1790s", "1700s"]);
    assert_eq!(on("1962"), ["1960s"], "the 1900s stay a decade");
}

#[test]
fn stored_question_without_its_instruction_word() {
    let weight = |question: &str| {
        let fact = test_fact("f", "The treaty ended the war.", None, &[question], &[]);
        let index = Inverted::build(&KnowledgeBase::new(vec![fact], BTreeMap::new(), vec![]), None);
        index.question_weights[0][0]
    };
    // A user's "Name the treaty …" is read without "name"; so is the stored question.
    assert_eq!(weight("Name the treaty that ended the war"), weight("the treaty that ended the war"));
    assert!(weight("peace treaty that ended the war") > weight("the treaty that ended the war"));
}

#[test]
fn prefix_relatives_english_one_letter_russian_more() {
    let passage = "The occupation ended. The population grew. Оккупация островов, оккупационные войска.";
    let kb =
        KnowledgeBase::new(vec![test_fact("f", passage, None, &["What?"], &[])], BTreeMap::new(), vec![]);
    let index = Inverted::build(&kb, None);
    let relatives = |word: &str| -> Vec<String> {
        let names = index.prefix_relatives(&crate::search::stem(word));
        names.into_iter().map(|id| index.terms[id as usize].name.clone()).collect()
    };
    assert_eq!(relatives("occupied"), ["occup"], "the letter the stemmer leaves");
    assert!(relatives("popular").is_empty(), "population is another word");
    assert!(!relatives("оккупационный").is_empty(), "Russian endings are longer");
}

#[test]
fn build_in_parts_keeps_fact_numbers_and_order() {
    let kb = large_base(PARALLEL_FROM + 500);
    let index = Inverted::build(&kb, None);
    for i in [0, 1, PARALLEL_FROM - 1, PARALLEL_FROM, PARALLEL_FROM + 499] {
        let id = kb.facts()[i].keywords[0].clone();
        let term = index.by_text[&crate::search::stem(&id)] as usize;
        let facts: Vec<u32> = index.postings[term].iter().map(|p| p.fact).collect();
        assert_eq!(facts, [i as u32], "{id}");
    }
    let shared = index.by_text["share"] as usize;
    let facts: Vec<u32> = index.postings[shared].iter().map(|p| p.fact).collect();
    assert_eq!(facts, (0..kb.facts().len() as u32).collect::<Vec<_>>());
}
