use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::knowledge::Date;

use crate::knowledge::test_fact as fact;

fn on(date: &str) -> Option<When> {
    Date::parse(date).ok().map(When::On)
}

fn span(from: &str, to: &str) -> Option<When> {
    Some(When::Span(Date::parse(from).ok()?, Date::parse(to).ok()))
}

fn portsmouth() -> Fact {
    fact(
        "portsmouth",
        "The Treaty of Portsmouth was signed on 5 September 1905 by Sergei Witte and Komura Jutarō.",
        on("1905-09-05"),
        &["When was the Treaty of Portsmouth signed?", "Who signed the Treaty of Portsmouth?"],
        &[
            "Treaty of Portsmouth",
            "Portsmouth",
            "Sergei Witte",
            "Сергей Витте",
            "Komura Jutarō",
            "小村寿太郎",
        ],
    )
}

fn shimoda() -> Fact {
    fact(
        "shimoda",
        "The Treaty of Shimoda was signed in 1855 by Japan's Kawaji Toshiakira and Russia's Admiral Yevfimy \
         Putyatin. It opened Shimoda, Hakodate and Nagasaki to Russian ships.",
        on("1855-02-07"),
        &["Who signed the Treaty of Shimoda?", "treaty of shimoda signatories"],
        &[
            "Treaty of Shimoda",
            "Kawaji Toshiakira",
            "川路聖謨",
            "Yevfimy Putyatin",
            "Evfimii Putiatin",
            "Евфимий Путятин",
            "Hakodate",
            "Nagasaki",
            "Japan",
        ],
    )
}

fn war() -> Fact {
    fact(
        "war",
        "The Russo-Japanese War of 1904–1905 ended in a Japanese victory.",
        span("1904-02-08", "1905-09-05"),
        &["When was the Russo-Japanese War?", "When did the Russo-Japanese War end?", "Who won the war?"],
        &["Russo-Japanese War", "Japan"],
    )
}

fn census() -> Fact {
    fact(
        "census",
        "On 15 August 1945 some 17,291 Japanese lived on the four islands, about 83.9% of them fishing families.",
        on("1945-08-15"),
        &["How many Japanese lived on the islands in 1945?", "What share of them were fishing families?"],
        &["Northern Territories"],
    )
}

fn key(f: &Fact, i: usize) -> AnswerKey {
    key_for(f, &f.questions[i]).unwrap_or_else(|| panic!("not quizzable: {}", f.questions[i]))
}

#[test]
fn year_in_sentence() {
    let k = key(&portsmouth(), 0);
    assert_eq!(k, AnswerKey::Year(vec![1905]));
    for answer in ["1905", "in 1905!", "Sept 1905", "1905-09-05", "it was 1905 I think"] {
        assert!(k.accepts(answer), "{answer}");
    }
}

#[test]
fn year_wrong_or_missing_rejected() {
    let k = key(&portsmouth(), 0);
    for answer in ["1904", "in 1906", "1,905", "nineteen oh five", "", "September", "1904 or 1905"] {
        assert!(!k.accepts(answer), "{answer}");
    }
}

#[test]
fn year_span_whole_accepts_both_years() {
    let k = key(&war(), 0);
    assert_eq!(k, AnswerKey::Year(vec![1904, 1905]));
    assert!(k.accepts("1904-1905") && k.accepts("1904") && k.accepts("in 1905"));
    assert!(!k.accepts("1904-1906"));
    assert_eq!(k.describe(), "1904–1905");
}

#[test]
fn year_span_event_asks_start() {
    assert_eq!(
        key_for(&war(), "When did the Russo-Japanese War break out?"),
        Some(AnswerKey::Year(vec![1904]))
    );
}

#[test]
fn year_span_end_asked() {
    let k = key(&war(), 1);
    assert_eq!(k, AnswerKey::Year(vec![1905]));
    assert!(!k.accepts("1904-1905") && !k.accepts("1904"));
}

#[test]
fn year_question_naming_a_year_not_quizzable() {
    let f = portsmouth();
    assert_eq!(key_for(&f, "When in 1905 was the Treaty of Portsmouth signed?"), None);
    assert_eq!(key_for(&f, "When had Japan last signed a treaty?"), None);
    assert_eq!(key_for(&f, "When does Japan mark the treaty?"), None);
}

#[test]
fn year_not_in_passage_not_quizzable() {
    let f = fact("f", "A treaty was signed.", on("1905"), &["When was it signed?"], &[]);
    assert_eq!(key_for(&f, &f.questions[0]), None);
}

#[test]
fn year_needs_a_date() {
    let f = fact("f", "A treaty was signed in 1905.", None, &["When was it signed?"], &[]);
    assert_eq!(key_for(&f, &f.questions[0]), None);
}

#[test]
fn name_key_people_not_places_or_question_words() {
    let k = key(&shimoda(), 0);
    let AnswerKey::Name(names) = &k else { panic!("{k:?}") };
    assert!(names.contains(&"Yevfimy Putyatin".to_string()) && names.contains(&"川路聖謨".to_string()));
    assert!(!names.iter().any(|n| n.contains("Shimoda") || n == "Hakodate" || n == "Japan"), "{names:?}");
    assert_eq!(k.describe(), "Kawaji Toshiakira / Yevfimy Putyatin");
}

#[test]
fn name_list_of_guesses_rejected() {
    let k = key(&shimoda(), 0);
    assert!(!k.accepts("Laxman Rezanov Golovnin Putyatin Witte Komura"));
    assert!(!k.accepts("kodayu laxman rezanov golovnin or putjatin"));
    assert!(k.accepts("I think it was the Russian admiral Yevfimy Putyatin"));
    assert!(k.accepts("Putyatin and Kawaji"));
}

#[test]
fn name_typo_accepted() {
    let k = key(&shimoda(), 0);
    for answer in
        ["it was putyatin", "Putjatin", "Admiral Putyatin's", "Evfimii Putiatin", "Путятин", "kawaji"]
    {
        assert!(k.accepts(answer), "{answer}");
    }
}

#[test]
fn name_other_person_rejected() {
    let k = key(&shimoda(), 0);
    for answer in ["Putin", "Japan", "Nagasaki", "Hakodate", "Yevfimy", "Sergei Witte", "", "the treaty"] {
        assert!(!k.accepts(answer), "{answer}");
    }
}

#[test]
fn name_diacritics_folded() {
    let k = key(&portsmouth(), 1);
    assert!(k.accepts("Jutaro Komura") && k.accepts("komura") && k.accepts("WITTE"));
    assert!(!k.accepts("Portsmouth"));
}

#[test]
fn name_surname_with_given_name_in_passage() {
    let f = fact(
        "f",
        "Signed by Prime Minister Ichirō Hatoyama and Soviet Premier Nikolai Bulganin in Moscow.",
        on("1956-10-19"),
        &["Who signed the declaration?"],
        &["Ichirō Hatoyama", "Bulganin", "Булганин", "Moscow"],
    );
    let k = key(&f, 0);
    assert!(k.accepts("bulganin") && k.accepts("Булганин") && k.accepts("Hatoyama"));
    assert!(!k.accepts("Moscow") && !k.accepts("Nikolai Rezanov"));
    assert_eq!(k.describe(), "Ichirō Hatoyama / Nikolai Bulganin");
}

#[test]
fn name_who_won_and_who_is_not_quizzable() {
    let f = war();
    assert_eq!(key_for(&f, "Who won the war?"), None);
    let s = shimoda();
    assert_eq!(key_for(&s, "Who was Yevfimy Putyatin?"), None);
    assert_eq!(key_for(&s, "Who was Kawaji and why did he go to Shimoda?"), None);
}

#[test]
fn name_which_person_noun() {
    let s = shimoda();
    assert!(key_for(&s, "Which Russian admiral signed the treaty?").is_some());
    assert_eq!(key_for(&s, "Which ports opened?"), None);
}

#[test]
fn name_all_in_question_not_quizzable() {
    let f = fact(
        "f",
        "Sergei Witte signed the treaty.",
        None,
        &["Who was the Sergei Witte of the treaty?"],
        &["Sergei Witte"],
    );
    assert_eq!(key_for(&f, &f.questions[0]), None);
}

#[test]
fn number_with_thousands_separator() {
    let k = key(&census(), 0);
    assert_eq!(k, AnswerKey::Number(vec![17291.0, 83.9]), "'four' is dropped: the passage has digits");
    for answer in ["17,291", "17291", "about 17,300", "17.3 thousand", "17,000"] {
        assert!(k.accepts(answer), "{answer}");
    }
    for answer in ["1,200", "20,000", "none", "", "1945"] {
        assert!(!k.accepts(answer), "{answer}");
    }
}

#[test]
fn number_percentage_rounding() {
    let k = key(&census(), 1);
    assert!(k.accepts("83.9%") && k.accepts("84%") && k.accepts("about 84 percent"));
    assert!(!k.accepts("about 80%") && !k.accepts("90%"));
}

#[test]
fn number_words_and_small_counts_exact() {
    let f = fact(
        "f",
        "Japan expelled eight Russian diplomats.",
        on("2022-04-08"),
        &["How many were expelled?"],
        &[],
    );
    let k = key(&f, 0);
    assert_eq!(k, AnswerKey::Number(vec![8.0]));
    assert!(k.accepts("eight") && k.accepts("8") && k.accepts("8 diplomats in 2022"));
    assert!(!k.accepts("seven") && !k.accepts("9") && !k.accepts("8 or 9"));
}

#[test]
fn number_range_in_passage() {
    let f = fact(
        "f",
        "Russia supplied roughly 8–9% of Japan's LNG.",
        None,
        &["What share of LNG came from Russia?"],
        &[],
    );
    let k = key(&f, 0);
    assert_eq!(k, AnswerKey::Number(vec![8.0, 9.0]));
    assert!(k.accepts("8-9%") && k.accepts("about 9%") && !k.accepts("20%"));
}

#[test]
fn number_too_many_candidates_not_quizzable() {
    let f = fact("f", "Shares were 50%, 27.5%, 12.5% and 10%.", None, &["How much did Mitsui own?"], &[]);
    assert_eq!(key_for(&f, &f.questions[0]), None);
}

#[test]
fn number_in_question_excluded() {
    let f = fact(
        "f",
        "Of the 398 listed, 63 were officials.",
        None,
        &["How many of the 398 were officials?"],
        &[],
    );
    assert_eq!(key(&f, 0), AnswerKey::Number(vec![63.0]));
}

#[test]
fn number_scaled_describe() {
    assert_eq!(AnswerKey::Number(vec![19_800_000.0]).describe(), "19.8 million");
    assert_eq!(AnswerKey::Number(vec![127_053_000.0]).describe(), "127,053,000");
    assert_eq!(AnswerKey::Number(vec![5.179e12]).describe(), "5.179 trillion");
    assert!(AnswerKey::Number(vec![19_800_000.0]).accepts("about 20 million"));
}

#[test]
fn keyword_question_not_quizzable() {
    let f = shimoda();
    assert_eq!(key_for(&f, "treaty of shimoda signatories"), None);
    assert_eq!(key_for(&f, "who signed shimoda"), None);
    assert_eq!(key_for(&f, "What was the Treaty of Shimoda?"), None);
}

fn base() -> KnowledgeBase {
    KnowledgeBase::new(vec![portsmouth(), shimoda(), war(), census()], BTreeMap::new(), Vec::new())
}

#[test]
fn pool_in_fact_order_all_quizzable_questions() {
    let p = pool(&base(), None);
    let got: Vec<(&str, &str)> = p.iter().map(|q| (q.fact_id.as_str(), q.question.as_str())).collect();
    assert_eq!(
        got,
        [
            ("portsmouth", "When was the Treaty of Portsmouth signed?"),
            ("portsmouth", "Who signed the Treaty of Portsmouth?"),
            ("shimoda", "Who signed the Treaty of Shimoda?"),
            ("war", "When was the Russo-Japanese War?"),
            ("war", "When did the Russo-Japanese War end?"),
            ("census", "How many Japanese lived on the islands in 1945?"),
            ("census", "What share of them were fishing families?"),
        ]
    );
}

#[test]
fn pool_section_trimmed_case_insensitive() {
    let kb = base();
    assert_eq!(pool(&kb, Some("  TSARIST era ")).len(), pool(&kb, None).len());
    assert!(pool(&kb, Some("Soviet era")).is_empty());
}

#[test]
fn draw_distinct_facts() {
    let p = pool(&base(), None);
    for seed in 0..50 {
        let rounds = draw(&p, 3, seed);
        let ids: HashSet<&str> = rounds.iter().map(|q| q.fact_id.as_str()).collect();
        assert_eq!((rounds.len(), ids.len()), (3, 3));
        assert!(rounds.iter().all(|q| p.contains(q)));
    }
    assert_eq!(draw(&p, 10, 1).len(), 4);
    assert!(draw(&p, 0, 1).is_empty() && draw(&[], 3, 1).is_empty());
}

#[test]
fn draw_deterministic_for_seed() {
    let p = pool(&base(), None);
    assert_eq!(draw(&p, 4, 7), draw(&p, 4, 7));
    let orders: HashSet<Vec<String>> =
        (0..20).map(|s| draw(&p, 4, s).into_iter().map(|q| q.question).collect()).collect();
    assert!(orders.len() > 1, "the seed changes the draw");
}

static REAL: LazyLock<KnowledgeBase> =
    LazyLock::new(|| crate::knowledge::load("knowledge").unwrap_or_else(|e| panic!("{e}")));

const OTHER_PEOPLE: [&str; 5] =
    ["Napoleon Bonaparte", "Joseph Stalin", "Winston Churchill", "Japan", "Russia"];

#[test]
fn real_pool_large_and_self_consistent() {
    let p = pool(&REAL, None);
    let count = |f: fn(&AnswerKey) -> bool| p.iter().filter(|q| f(&q.key)).count();
    let (years, names, numbers) = (
        count(|k| matches!(k, AnswerKey::Year(_))),
        count(|k| matches!(k, AnswerKey::Name(_))),
        count(|k| matches!(k, AnswerKey::Number(_))),
    );
    println!("real pool: {} questions ({years} year, {names} name, {numbers} number)", p.len());
    assert!(p.len() >= 60, "{}", p.len());
    assert!(years >= 20 && names >= 10 && numbers >= 10, "{years} {names} {numbers}");
    for q in &p {
        let shown = q.key.describe();
        assert!(q.key.accepts(&shown), "{}: {shown:?} not accepted", q.question);
        assert!(!q.key.accepts(&q.question), "{} gives itself away", q.question);
        match &q.key {
            AnswerKey::Year(ys) => {
                for wrong in [ys[0] - 7, ys[ys.len() - 1] + 11] {
                    assert!(!q.key.accepts(&wrong.to_string()), "{}: {wrong}", q.question);
                }
            }
            AnswerKey::Name(_) => {
                for wrong in OTHER_PEOPLE {
                    assert!(!q.key.accepts(wrong), "{}: {wrong}", q.question);
                }
            }
            AnswerKey::Number(vs) => {
                let max = vs.iter().copied().fold(0.0, f64::max);
                assert!(!q.key.accepts(&format!("{}", max * 3.0 + 7.0)), "{}", q.question);
            }
        }
    }
}

#[test]
fn real_pool_names_never_countries() {
    for q in pool(&REAL, None) {
        if let AnswerKey::Name(names) = &q.key {
            for n in names {
                let w = crate::search::words(n);
                assert!(
                    !w.iter().any(|w| ["japan", "russia", "soviet", "ussr"].contains(&w.as_str())),
                    "{n}"
                );
            }
        }
    }
}

#[test]
fn real_draw_covers_sections() {
    let p = pool(&REAL, None);
    let rounds = draw(&p, 10, 2024);
    let ids: HashSet<&str> = rounds.iter().map(|q| q.fact_id.as_str()).collect();
    assert_eq!(ids.len(), 10);
    for (section, _) in REAL.sections() {
        let part = pool(&REAL, Some(section));
        assert!(part.iter().all(|q| REAL.fact(&q.fact_id).is_some_and(|f| f.section == section)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn accepts_never_panics(answer in "\\PC{0,2000}") {
        for q in pool(&base(), None) {
            let _ = q.key.accepts(&answer);
        }
        let _ = AnswerKey::Number(vec![0.0, -1.0, f64::MAX]).accepts(&answer);
    }

    #[test]
    fn accepts_never_panics_on_any_chars(answer in proptest::collection::vec(any::<char>(), 0..2000)) {
        let answer: String = answer.into_iter().collect();
        for q in pool(&base(), None) {
            let _ = q.key.accepts(&answer);
        }
    }

    #[test]
    fn pool_and_draw_never_panic(
        passage in "\\PC{0,300}",
        question in "(When|Who|How many|Which tsar|What share) \\PC{0,60}\\?",
        keyword in "\\PC{0,30}",
        section in proptest::option::of("\\PC{0,20}"),
        rounds in 0usize..20,
        seed in any::<u64>(),
    ) {
        let f = fact("f", &passage, on("1905"), &[question.as_str()], &[keyword.as_str(), "Sergei Witte"]);
        let kb = KnowledgeBase::new(vec![f, shimoda()], BTreeMap::new(), Vec::new());
        let p = pool(&kb, section.as_deref());
        let d = draw(&p, rounds, seed);
        prop_assert!(d.len() <= rounds);
    }
}
