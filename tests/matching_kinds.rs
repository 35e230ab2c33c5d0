//! The kinds of failure seen on real people's questions, through the built binary: each test failed on
//! the matcher before it read questions for their focus, kind of answer, tense and form (issue 10),
//! and passes now. Most run on the real fact base; two need a base where one fact is the trap.

#[path = "common/asking.rs"]
mod asking;
#[path = "common/translated.rs"]
mod translated;
use asking::{answer, answer_in, ask_json, assert_answers, explain};
use translated::translated;

/// Asserts that the real base answers `question` with `fact` and that `--explain` says `reason`.
fn answered_because(question: &str, fact: &str, reason: &str) {
    assert_eq!(answer(question).as_deref(), Some(fact));
    let why = explain(question);
    assert!(why.contains(reason), "{why}");
}

/// Asserts that the real base declines `question` and that `--explain` gives `reason`.
fn declined_because(question: &str, reason: &str) {
    assert_eq!(answer(question), None);
    let why = explain(question);
    assert!(why.contains(reason), "{why}");
}

#[test]
fn unknown_name_of_several_words_is_declined() {
    // The base has Korea and wars, but never the Korean War.
    assert_eq!(answer("Who won the Korean War?"), None);
    let why = explain("Who won the Korean War?");
    assert!(why.contains("'korean war' is not in the fact base"), "{why}");
}

#[test]
fn unknown_name_is_named_in_the_explanation() {
    let why = explain("What happened at the Battle of Midway?");
    assert!(why.contains("declined because:\n  - 'midway' is not in the fact base"), "{why}");
}

#[test]
fn everyday_word_does_not_decide_the_match() {
    // "safe" meets a fishing agreement on operating safely; "Russia" says nothing in particular.
    assert_eq!(answer("is it safe to travel to russia"), None);
    assert_eq!(answer("What is the weather in Tokyo?"), None);
}

#[test]
fn multiple_choice_options_are_evidence_and_letters_are_not() {
    let question = "Which battle destroyed the Baltic Fleet? a) Midway b) Tsushima c) Jutland d) Leyte";
    assert_eq!(answer(question).as_deref(), Some("battle-of-tsushima-1905"));
    let question = "What did the Soviet Union promise in 1956? a) all four islands b) two islands c) none";
    assert_eq!(answer(question).as_deref(), Some("soviet-japanese-joint-declaration-1956"));
}

/// The fact answered, or when the question is declined the first fact it suggests instead.
fn answered_or_first_suggested(question: &str) -> Option<String> {
    let json = ask_json(question);
    json["fact_id"].as_str().or(json["suggestions"][0]["fact_id"].as_str()).map(String::from)
}

#[test]
fn typos_are_corrected_before_stemming() {
    assert_answers(&[
        ("what is the tretay of portsmouth", "treaty-of-portsmouth-1905"),
        ("soviet ocupation of the kurils", "kuril-islands-soviet-occupation-1945"),
    ]);
    // Short, and several declarations were signed: read as "declaration", it is declined as the
    // correctly spelled question is, with the 1956 one offered first.
    let typo = "when was the joint declaraton signed";
    let fact = "soviet-japanese-joint-declaration-1956";
    assert_eq!(answered_or_first_suggested(typo).as_deref(), Some(fact), "{typo}");
    assert_eq!(answer(typo), answer("when was the joint declaration signed"));
}

#[test]
fn russian_spelled_by_ear_meets_the_word() {
    // Two letters from the word: "ц" for "тс"; "о" for an unstressed "а", and a doubled "н".
    let signed = answer("когда подписали портсмуцкий мир");
    assert!(signed.as_deref().is_some_and(|f| f.contains("portsmouth")), "{signed:?}");
    assert_eq!(answer("где произошло цусимское сроженние").as_deref(), Some("battle-of-tsushima-1905"));
}

#[test]
fn russian_name_spelled_by_ear_in_a_form_the_base_lacks() {
    // Declined: "тошибой" sounds like no word the base writes; its stem sounds like "Тосиба"'s.
    let scandal = answer("что за скандал был с тошибой в 1987 году");
    assert_eq!(scandal.as_deref(), Some("toshiba-kongsberg-scandal-1987"));
}

#[test]
fn side_the_question_names_is_the_side_answered() {
    // "Russian" and "Japanese" weigh little, being everywhere; a stored question about the other side
    // shares every other word.
    assert_eq!(answer("Who was the Russian commander at Mukden?").as_deref(), Some("aleksey-kuropatkin"));
    assert_eq!(answer("Who was the Japanese commander at Mukden?").as_deref(), Some("oyama-iwao"));
    let admiral = answer("кто командовал японским флотом в цусимском сражении");
    assert_eq!(admiral.as_deref(), Some("togo-heihachiro"));
}

#[test]
fn chat_spellings_are_known_words() {
    assert_eq!(
        answer("wat was the neutrality pact").as_deref(),
        Some("soviet-japanese-neutrality-pact-1941")
    );
    let started = answer("wen did the russo japanese war start");
    assert!(started.is_some_and(|f| f.contains("port-arthur") || f.contains("russo-japanese-war")));
}

#[test]
fn long_chatty_question_is_measured_by_its_substance() {
    // Who asks and why ("my uncle told me … when he was young") used to dilute the right fact's
    // coverage below the threshold.
    let question = "My uncle told me that Japanese fishermen kept getting detained by Soviet border guards near \
                    Hokkaido when he was young. Is that true, and how many boats were taken?";
    assert_eq!(answer(question).as_deref(), Some("fishing-boat-seizures-1946-1991"));
}

#[test]
fn russian_figure_in_words_answers_how_many() {
    // "более двух лет": a figure written in Russian words used to count as none, so a "сколько"
    // question was declined as asking for what the fact lacks.
    assert_eq!(
        answer("Сколько лет Головнин провёл в плену у японцев?").as_deref(),
        Some("golovnin-incident-1811-1813")
    );
}

#[test]
fn context_told_first_does_not_decide_the_question() {
    // Who asks and when they heard of it ("in a lecture today") used to weigh as the topic, and
    // "today" made it a question about the present.
    let question = "Our professor mentioned the Otsu incident in a lecture today and I'm confused. \
                    Who attacked the Russian crown prince?";
    assert_eq!(answer(question).as_deref(), Some("otsu-incident-1891"));
    let question = "先生が授業で大津事件の話をしていました。ロシアの皇太子を襲ったのは誰ですか？";
    assert_eq!(answer(question).as_deref(), Some("otsu-incident-1891"));
}

/// A base where the trap for each question is one fact.
fn trap_base() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("facts")).unwrap();
    std::fs::write(dir.path().join("sources.toml"), "[w]\ntitle = \"Test source\"\n").unwrap();
    let facts = r#"
[[fact]]
id = "sakhalin-2-owners"
section = "Energy"
passage = "The Sakhalin-2 oil and gas project is owned by Gazprom, Shell, Mitsui and Mitsubishi."
sources = [{ key = "w" }]
date = 2021
questions = ["Who owns Sakhalin-2?", "sakhalin 2 shareholders", "Is Mitsui in Sakhalin-2?", "Which companies are in Sakhalin-2?"]
keywords = ["Sakhalin-2", "Gazprom", "Shell"]

[[fact]]
id = "sakhalin-island"
section = "Places"
passage = "Sakhalin is a Russian island north of Hokkaido; its southern half was Japanese Karafuto from 1905 to 1945."
sources = [{ key = "w" }]
questions = ["Is Sakhalin Russian or Japanese?", "What is Karafuto?", "sakhalin island", "Was Sakhalin ever Japanese?"]
keywords = ["Sakhalin", "Karafuto", "Hokkaido"]

[[fact]]
id = "medvedev-kuril-visit-2010"
section = "Diplomacy"
passage = "In November 2010 Dmitry Medvedev became the first president of Russia to visit the Kuril Islands."
sources = [{ key = "w" }]
date = "2010-11-01"
questions = ["When did Medvedev visit the Kurils?", "Which Russian president first visited the Kurils?", "medvedev kunashir visit", "Did a Russian leader ever visit the disputed islands?"]
keywords = ["Dmitry Medvedev", "Kuril Islands", "Kunashir"]

[[fact]]
id = "leaders-2025"
section = "Today"
passage = "In 2025 Vladimir Putin was the president of Russia and Sanae Takaichi the prime minister of Japan."
sources = [{ key = "w" }]
from = 2024
questions = ["Who leads Russia and Japan in 2025?", "russia japan leaders 2025", "Who is Japan's prime minister in 2025?", "Is Putin still in power?"]
keywords = ["Vladimir Putin", "Sanae Takaichi"]
"#;
    std::fs::write(dir.path().join("facts/a.toml"), translated(facts)).unwrap();
    dir
}

#[test]
fn name_asked_about_is_not_a_numbered_name() {
    // "Sakhalin" is the island; "Sakhalin-2" is an energy project named after it.
    let base = trap_base();
    assert_eq!(answer_in(base.path(), "Who owns Sakhalin?").as_deref(), Some("sakhalin-island"));
}

#[test]
fn present_tense_question_never_gets_an_old_fact() {
    let base = trap_base();
    for question in ["who is the russian president now", "Who is the current president of Russia?"] {
        let got = answer_in(base.path(), question);
        assert_ne!(got.as_deref(), Some("medvedev-kuril-visit-2010"), "{question}");
    }
}

#[test]
fn present_perfect_question_never_gets_an_old_event() {
    // "has been" asks about a state that lasts until now: Putin's 2003 or 2016–2019 meetings do not
    // say how long he has led Russia.
    for question in
        ["How long has Vladimir Putin been Russia's leader?", "how long has putin been running russia"]
    {
        let got = answer(question);
        assert!(got.as_deref().is_none_or(|id| id.contains("current")), "{question}: {got:?}");
    }
}

#[test]
fn figure_beside_what_is_counted_answers_how_many() {
    // The fact on the whole intervention gives "more than 70,000" soldiers a sentence after the
    // name; the fact on its causes gives the 12,000 first announced, nearer the name.
    let question = "how many troops did japan have in the siberian intervention";
    answered_because(question, "siberian-intervention-1918-1922", "counted (×0.70 in coverage): troop");
}

#[test]
fn present_in_several_words_gets_the_latest_of_a_tie() {
    // "these days" asks about now; the trade facts of several years tie, and the latest answers.
    let question = "how much does japan trade with russia these days";
    answered_because(question, "japan-russia-trade-2024-partial", "asks for: a figure, now");
}

#[test]
fn japanese_name_the_base_never_writes_is_declined() {
    // The base has 朝鮮 (Korea) and 戦争 (war), but never 朝鮮戦争, the Korean War.
    let question = "朝鮮戦争はいつ始まった？";
    declined_because(question, "'朝鮮戦争' is not in the fact base");
}

#[test]
fn title_beside_a_name_is_not_what_is_asked() {
    // The Nagato fact names Abe and Putin without "prime minister"; the titles only address them.
    let question = "Where did Prime Minister Abe host President Putin in December 2016?";
    assert_eq!(answer(question).as_deref(), Some("putin-visit-nagato-tokyo-2016"));
    let why = explain(question);
    let title = why.lines().find(|l| l.contains("[pm]")).unwrap_or_else(|| panic!("no title in {why}"));
    assert!(!title.contains("focus"), "the title is no part of the focus: {why}");
    let name = why.lines().find(|l| l.ends_with(": abe×1.00")).unwrap_or_else(|| panic!("no name in {why}"));
    assert!(name.contains("focus"), "the name is: {why}");
}

#[test]
fn when_question_that_gives_the_year_asks_for_the_day() {
    // The year the question gives is not its answer: the fact that dates the declaration to
    // 8 August answers, not the one on Stalin's reasons, whose stored question asks "why" in
    // almost the same words.
    let question = "When in 1945 did the USSR declare war on Japan?";
    assert_eq!(answer(question).as_deref(), Some("soviet-declaration-of-war-on-japan-1945"));
}

#[test]
fn relative_who_does_not_say_what_the_answer_is_about() {
    // "the admiral who negotiated": the passage names Putyatin without the word "negotiated".
    let question = "Name the Russian admiral who negotiated the Treaty of Shimoda with Japan.";
    assert_eq!(answer(question).as_deref(), Some("treaty-of-shimoda-1855"));
}

#[test]
fn katakana_name_with_a_letter_missed_is_corrected() {
    // ノモハン for ノモンハン: a katakana letter is a syllable, and a long name keeps its meaning.
    let got = answer("ノモハン事件はいつ？");
    assert!(got.as_deref().is_some_and(|id| id.starts_with("khalkhin-gol")), "{got:?}");
}

#[test]
fn russian_and_japanese_multiple_choice_options_are_evidence() {
    // Options marked а) б) в) or ア）イ）: their words are evidence, their letters are not words.
    assert_answers(&[
        ("Когда был подписан Портсмутский мир? а) 1895 б) 1905 в) 1910", "treaty-of-portsmouth-1905"),
        (
            "日ソ基本条約が結ばれた年は？ ア）1918年 イ）1925年 ウ）1932年",
            "soviet-japanese-basic-convention-1925",
        ),
    ]);
}

#[test]
fn length_of_time_in_the_question_is_not_what_it_asks() {
    // "80 years after": how long the asker finds it, not a figure the answer must state.
    for question in [
        "Why is there still no peace treaty between Japan and Russia 80 years after the war?",
        "戦争から80年たっても日露の平和条約がないのはなぜ？",
    ] {
        assert_eq!(answer(question).as_deref(), Some("kuril-dispute-defining-issue"), "{question}");
    }
}

#[test]
fn exact_wording_of_a_text_is_declined() {
    // The base says what the 1956 Declaration's Article 9 provides, not its words.
    for question in
        ["Quote Article 9 of the 1956 Joint Declaration word for word", "日ソ共同宣言の第9項の全文を教えて"]
    {
        assert_eq!(answer(question), None, "{question}");
        let why = explain(question);
        assert!(why.contains("the exact words of a text"), "{why}");
    }
}

#[test]
fn every_name_of_a_list_is_declined() {
    // The Mikasa's fact names its builder and its battles, not its crew.
    let question = "Give me the complete crew list of the battleship Mikasa";
    declined_because(question, "every name of a list");
}

#[test]
fn irregular_past_in_the_passage_meets_the_question() {
    // The passage says Russia lost 21 ships "sunk"; the question asks how many "sank". The stemmer
    // relates neither to "sink".
    let question = "How many Russian battleships sank at Tsushima?";
    assert_eq!(answer(question).as_deref(), Some("tsushima-forces-and-losses"));
}

#[test]
fn other_romanisation_of_a_name_is_met() {
    // Many write Хасан as "Hasan"; the base writes "Khasan".
    assert_eq!(answer("lake hasan battle year").as_deref(), Some("battle-of-lake-khasan-1938"));
}

#[test]
fn name_typed_in_lower_case_is_still_a_name() {
    // Typed without capitals, "korean war" is still the Korean War, which the base lacks.
    assert_eq!(answer("who actually won the korean war"), None);
}

#[test]
fn prediction_is_declined() {
    assert_eq!(answer("will japan and russia ever sign a peace treaty"), None);
    assert_eq!(answer("when will the ukraine war end"), None);
    let why = explain("when will the ukraine war end");
    assert!(why.contains("it asks for what will happen, and the fact base holds facts"), "{why}");
}

#[test]
fn spelling_listed_as_a_keyword_is_met_as_the_passage_spells_it() {
    // Curators list "Putiatin" beside the passage's "Putyatin"; asked that way, the stored questions
    // and the passage count too, not only the keyword.
    let json = ask_json("who was putiatin");
    assert_eq!(json["fact_id"], "putyatin-mission-nagasaki-1853-1854");
    assert!(json["score"].as_f64().unwrap() >= 0.9, "{json}");
}

#[test]
fn word_the_base_lacks_raises_the_bar() {
    // The base knows Togo but never a height: "tall" may be what the question is about.
    assert_eq!(answer("How tall was Admiral Togo?"), None);
    let why = explain("How tall was Admiral Togo?");
    assert!(why.contains("1 of them not in the fact base"), "{why}");
}

#[test]
fn long_question_that_tells_its_context_is_answered() {
    let conference = "We were talking about this in class today and nobody could remember it: where did the \
                      Japanese and Russian delegations meet to sign the treaty that ended the 1904-1905 war?";
    assert_eq!(answer(conference).as_deref(), Some("portsmouth-peace-conference-1905"));
    let city = "My grandmother was born on Sakhalin before the war and she always talks about Toyohara. \
                What is that city called today?";
    // The city's own fact and the one on Karafuto's town names both say what Toyohara is now.
    let now = ["yuzhno-sakhalinsk-toyohara", "karafuto-town-names"];
    assert!(answer(city).as_deref().is_some_and(|f| now.contains(&f)), "{city}");
}

#[test]
fn why_question_prefers_the_fact_curators_ask_why_of() {
    // One fact states the refusal and what followed ("as a result"); another gives Gromyko's
    // objections, and only its stored questions ask why.
    let question = "why did the soviet union refuse the san francisco peace treaty in 1951";
    answered_because(
        question,
        "gromyko-san-francisco-objections-1951",
        "none of its stored questions asks why",
    );
}

#[test]
fn multiple_choice_whose_options_tie_is_declined() {
    // Each island's fact says how large its own island is, so the stem fits several facts almost
    // equally and each meets another option: which option is right is the question, not a guess.
    let question = "Largest of the Kuril Islands: (a) Etorofu (b) Shikotan (c) Kunashiri";
    declined_because(question, "each for another option");
}

#[test]
fn length_asked_for_is_not_what_the_question_is_about() {
    // "100 words" says how long an answer the asker wants: the number read as a figure asked about
    // would be missed by every fact, and the summary of the whole relationship is the answer.
    let question = "history of japan russia relations in 100 words";
    assert_eq!(answer(question).as_deref(), Some("japan-russia-relations-in-brief"));
    let why = explain(question);
    let read = why.split("concepts").nth(1).and_then(|c| c.split("asks for").next()).unwrap_or_default();
    assert!(read.contains("relat") && !read.contains("100") && !read.contains("word"), "{why}");
}

#[test]
fn question_for_a_measure_needs_a_figure_of_that_measure() {
    // Putin's facts give years and figures, but none gives his age.
    declined_because("how old is vladimir putin", "asks for an age");
    let far = ask_json("how far is shikotan from hokkaido");
    assert_eq!(far["fact_id"], "kuril-island-shikotan");
    assert!(far["passage"].as_str().is_some_and(|p| p.contains(" km")), "{far}");
}

#[test]
fn chat_abbreviations_and_short_months_are_read() {
    // "feb" and "rn" used to weigh as names the base lacks and sank every fact below the bar.
    let sanctions = answer("what did japan do after russia invaded ukraine in feb 2022");
    assert_eq!(sanctions.as_deref(), Some("japan-first-sanctions-2022"));
    assert_eq!(answer("who is the russian president rn").as_deref(), Some("overview-current-leaders"));
    let read = explain("скок японцев живет в россии");
    assert!(read.contains("asks for: a figure") && !read.contains("(unknown)"), "{read}");
}

#[test]
fn russian_task_verbs_are_not_what_is_asked() {
    // "Укажите", "Охарактеризуйте" open a task as "Name" and "Describe" do; they weighed as names.
    let admiral = answer("Укажите, кто командовал русским флотом в Цусимском сражении");
    assert_eq!(admiral.as_deref(), Some("zinovy-rozhestvensky"));
    let causes = answer("Охарактеризуйте причины русско-японской войны");
    assert_eq!(causes.as_deref(), Some("causes-of-the-russo-japanese-war"));
}

#[test]
fn request_to_say_something_in_a_language_is_declined() {
    // "Thank you" and "Russian" met the overview of the relationship, which says nothing of either.
    declined_because("how do you say thank you in russian", "how to say something in a language");
    declined_because("ロシア語でありがとうって何て言うの？", "how to say something in a language");
    // A name the base gives in each language is a fact.
    assert_eq!(answer("色丹島はロシア語で何て言う？").as_deref(), Some("kuril-island-shikotan"));
    assert_eq!(answer("how do you say shikotan in russian").as_deref(), Some("kuril-island-shikotan"));
}

#[test]
fn day_and_month_must_stand_together() {
    // The Afghanistan sanctions fact gives "24 May 1980" and "February" apart: it does not give 24 February.
    let sanctions = "какие санкции ввела япония после 24 февраля";
    assert_ne!(answer(sanctions).as_deref(), Some("afghanistan-olympic-boycott-1980"));
    let announced = "какие санкции ввела япония против россии после 25 февраля";
    assert_eq!(answer(announced).as_deref(), Some("japan-first-sanctions-2022"));
}

#[test]
fn japanese_what_is_it_is_not_why() {
    // 〜ってなんですか starts like なんで ("why"), and was read as a question for a cause.
    assert_eq!(answer("日露協約ってなんですか").as_deref(), Some("russo-japanese-agreements-1907-1916"));
}

#[test]
fn worksheet_words_in_japanese_and_russian_are_not_what_is_asked() {
    // "空欄うめて" (fill in the blank) and "для огэ" (for the state exam) weighed as unknown names;
    // the blank before 年 asks for the year.
    let blank = "日ソ共同宣言は（　）年に調印された。空欄うめて";
    assert_eq!(answer(blank).as_deref(), Some("soviet-japanese-joint-declaration-1956"));
    let exam = answer("для огэ: когда был подписан портсмутский мир");
    assert!(matches!(
        exam.as_deref(),
        Some("portsmouth-peace-conference-1905" | "treaty-of-portsmouth-1905")
    ));
}

#[test]
fn span_to_the_present_asks_for_the_whole_story() {
    // Where the asker starts the story (明治時代, XIX век) is not what the question is about.
    let japanese = answer("日露関係の流れを明治時代から現在までざっくり教えて");
    assert_eq!(japanese.as_deref(), Some("japan-russia-relations-in-brief"));
    let russian = answer("Кратко опишите отношения России и Японии с XIX века до наших дней");
    assert_eq!(russian.as_deref(), Some("japan-russia-relations-in-brief"));
}

#[test]
fn japanese_name_written_the_english_way_in_russian_is_met() {
    // The base writes Japanese names the Polivanov way (Хэйхатиро, Синдзо); askers often write
    // them as English spells them (Хейхачиро, Шинзо).
    assert_eq!(answer("кто такой того хейхачиро").as_deref(), Some("togo-heihachiro"));
    assert_eq!(answer("шинзо абэ и путин сколько раз встречались").as_deref(), Some("abe-putin-27-meetings"));
}

#[test]
fn count_of_points_wanted_is_not_what_is_asked() {
    // "4" and "3つ" say how long a list the asker wants; as numbers they were focus no fact had.
    assert_eq!(
        answer("name 4 things japan got at portsmouth in 1905").as_deref(),
        Some("treaty-of-portsmouth-1905")
    );
    let reasons = answer("日露戦争でロシアが負けた理由を3つ教えて");
    assert_eq!(reasons.as_deref(), Some("why-russia-lost-the-russo-japanese-war"));
}

#[test]
fn fact_missing_the_focus_gets_no_long_question_allowance() {
    // A long question's lower bar is for words that dilute every fact alike; the treaty fact lacks
    // part of what this one asks about, and reached only 0.46.
    let weather = "What was the weather like in Shimoda on the day the Russian and Japanese envoys signed the treaty in February 1855?";
    assert_eq!(answer(weather), None);
}
