//! How the asker's context and the parts of a message are read, through the built binary on the real
//! fact base: the story before a question, the asker's school, exam or home, several questions in one
//! message. Each test says what its questions got before the change it tests.

#[path = "common/asking.rs"]
mod asking;
use asking::{answer, ask_json, assert_answers};

#[test]
fn two_names_joined_by_and_are_answered_in_part() {
    // When no fact named both writers, each fact missed the other's name and the question was
    // declined at 0.47; it was then answered in part (Dostoevsky in Japan). Since the twentieth
    // round the summary of Russian literature in Japan names both, and answers it whole.
    assert_eq!(
        answer("Did Tolstoy and Dostoevsky influence Japanese writers?").as_deref(),
        Some("russian-literature-in-japan")
    );
}

#[test]
fn detail_the_base_lacks_in_a_long_question_is_declined() {
    // "dishes" and "dinner" are what is asked and no fact gives them; in a question this long the
    // coverage cap hid them, and the fact on Putin's visit of 2016 answered at 0.78. Since the
    // thirty-seventh round a fact gives the Nagato menu (tests/curation_cli.rs); the summit at
    // Krasnoyarsk has none.
    assert_eq!(
        answer("What dishes were served at the Yeltsin–Hashimoto dinner in Krasnoyarsk in November 1997?"),
        None
    );
}

#[test]
fn asker_exam_between_my_and_a_word_of_study_is_context() {
    // "IGCSE" and "ENEM" weighed 9.0 each as unknown names the questions were about: both were
    // declined (0.34 and 0.17).
    assert_eq!(
        answer("who won the battle of mukden, its for my IGCSE test").as_deref(),
        Some("battle-of-mukden-1905")
    );
    assert_eq!(
        answer("When did the Soviet Union declare war on Japan? it's for my ENEM revision").as_deref(),
        Some("soviet-declaration-of-war-on-japan-1945")
    );
}

#[test]
fn exam_named_after_the_question_is_context() {
    // "IB" weighed 9.0 as an unknown name the question was about; it was declined at 0.36.
    assert_eq!(
        answer("What did Stalin get at Yalta? for IB history").as_deref(),
        Some("yalta-agreement-on-japan-1945")
    );
}

#[test]
fn where_the_asker_studies_is_not_the_subject() {
    // Both were declined: Peru and Sapporo were read as names the question is about.
    let from = answer("I am student from Peru. Who was Dembei?");
    assert_eq!(from.as_deref(), Some("dembei-castaway-peter-the-great"));
    let studying = answer("I'm an exchange student in Sapporo. What are the Northern Territories?");
    assert_eq!(studying.as_deref(), Some("kuril-dispute-overview"));
}

#[test]
fn the_askers_school_year_is_no_number_asked_about() {
    // All three were declined: 9, 3 and 7 were read as figures the answer must give.
    let grade = answer("quiz for grade 7: who won the battle of tsushima");
    assert_eq!(grade.as_deref(), Some("battle-of-tsushima-1905"));
    let class = answer("вопрос для 9 класса: кто такой Головнин и сколько он был в плену");
    assert_eq!(class.as_deref(), Some("golovnin-incident-1811-1813"));
    let level = answer("歴検3級の問題です。ポーツマス条約はいつ結ばれた？");
    assert_eq!(level.as_deref(), Some("treaty-of-portsmouth-1905"));
}

#[test]
fn question_after_what_the_message_first_says() {
    // Both were declined: Brazil and Kamchatka, told as context, weighed as names the answer lacked.
    let gdp = answer("Brazil trades with both countries. Which has the bigger GDP, Japan or Russia?");
    assert_eq!(gdp.as_deref(), Some("comparison-gdp-nominal"));
    let shimoda =
        answer("We visited Kamchatka last summer and loved it. When was the Treaty of Shimoda signed?");
    assert_eq!(shimoda.as_deref(), Some("treaty-of-shimoda-1855"));
    // What the message first says points elsewhere: no consul of the base is Nabokov's, though
    // "Who was the consul?" alone reaches the Russian consul at Hakodate.
    let consul = ask_json("Nabokov dined with the Russian consul in Nagasaki in 1919. Who was the consul?");
    assert_eq!(consul["answered"], false, "{consul}");
}

#[test]
fn judgement_after_a_question_of_fact_leaves_the_fact_asked() {
    // Both were declined: "was it wrong", "was that fair" made the whole message an opinion.
    let attack = answer("Why did Japan attack Port Arthur before declaring war? Was it wrong?");
    assert_eq!(attack.as_deref(), Some("attack-on-port-arthur-1904"));
    let declared = answer("When did the Soviet Union declare war on Japan? Was that fair?");
    assert_eq!(declared.as_deref(), Some("soviet-declaration-of-war-on-japan-1945"));
}

#[test]
fn one_word_question_after_a_claim_asks_an_opinion() {
    // Both were answered, with facts on the claim, as if the message asked a fact.
    let islands = ask_json("the kurils should go back to japan. thoughts?");
    assert_eq!(islands["answered"], false, "{islands}");
    let sanctions = ask_json("Japan sided with the G7 on sanctions. Agree?");
    assert_eq!(sanctions["answered"], false, "{sanctions}");
}

#[test]
fn words_of_the_askers_story_weigh_less_than_the_question() {
    // Declined: "cousins", "amazed" weighed as words the base lacked, as if asked about.
    let golovnin = answer("My cousins were amazed I'd read about Golovnin. When was he released?");
    assert_eq!(golovnin.as_deref(), Some("golovnin-incident-1811-1813"));
}

#[test]
fn question_typed_without_its_mark_after_the_askers_story() {
    // Declined: with no question mark, the story before the question was read as part of it. Both
    // facts give the estimated 55,000 dead.
    let died = answer("my uncle never came back from siberia. how many japanese internees died there");
    let dead_counted = ["siberian-internment-japanese-detainees", "siberian-internee-remains-recovery"];
    assert!(died.as_deref().is_some_and(|id| dead_counted.contains(&id)), "{died:?}");
}

#[test]
fn what_the_asker_is_watching_before_kedo_is_no_subject() {
    // Declined: the manga the asker watches, before けど, weighed as the name the question is about.
    let border = answer("ゴールデンカムイを観てるんだけど、樺太って日露戦争のあと北緯50度で分けられたの？");
    assert_eq!(border.as_deref(), Some("portsmouth-treaty-sakhalin-50th-parallel"));
}

#[test]
fn when_the_asker_needs_it_is_no_subject() {
    // Declined: "tomorrow", a word the base lacks, weighed as what the question is about.
    let church = answer("leading a tour tomorrow, why is there an orthodox church in hakodate");
    assert_eq!(church.as_deref(), Some("hakodate-orthodox-church"));
}

#[test]
fn question_before_what_the_asker_tells_of_themselves() {
    // Declined: the asker's own words after the question weighed as what it is about.
    let english = answer(
        "who attacked the tsarevich at otsu in 1891? i'm a volunteer guide in shiga and my english is not so good",
    );
    assert_eq!(english.as_deref(), Some("otsu-incident-1891"));
    let japanese =
        answer("大津事件で皇太子を斬りつけた巡査は誰でしたか。滋賀でボランティアガイドをしている者です");
    assert_eq!(japanese.as_deref(), Some("otsu-incident-1891"));
}

#[test]
fn where_the_student_is_from_is_no_subject() {
    // Declined: "mexico" in "i am mexico student" weighed as the name the question is about.
    let treaty = answer("i am mexico student. the treaty of portsmouth what japan get");
    assert_eq!(treaty.as_deref(), Some("treaty-of-portsmouth-1905"));
    let pact = answer("i am a peru student, when japan and soviet sign neutrality pact");
    assert_eq!(pact.as_deref(), Some("soviet-japanese-neutrality-pact-1941"));
}

#[test]
fn where_the_asker_read_it_is_no_subject() {
    // Declined: "wikipedia", a name the passages never write, weighed as what the question is about.
    let laxman = answer("wikipedia says the laxman expedition came to nemuro, is that right");
    assert_eq!(laxman.as_deref(), Some("laxman-nagasaki-permit-1793"));
}

#[test]
fn russian_verb_of_drawn_out_action_is_no_name() {
    // Declined: "приплывал", a form the word list lacks, weighed as a name the base does not know.
    let putyatin = answer("зачем путятин приплывал в нагасаки");
    assert_eq!(putyatin.as_deref(), Some("putyatin-mission-nagasaki-1853-1854"));
}

#[test]
fn label_before_the_question_is_no_subject() {
    // Declined: "worldbuilding" in the asker's label weighed as the name the question is about.
    let agency = answer("worldbuilding question: what was the karafuto agency");
    assert_eq!(agency.as_deref(), Some("karafuto-agency-1907"));
}

#[test]
fn multiple_choice_goes_to_the_fact_that_meets_an_option() {
    // The treaty's fact fitted the stem and met none of the options, and led the fact of
    // Roosevelt's mediation, which meets option b.
    let question =
        "Who mediated the Portsmouth peace of 1905? a) Woodrow Wilson b) Theodore Roosevelt c) Edward VII";
    assert_eq!(answer(question).as_deref(), Some("roosevelt-mediation-1905"));
}

#[test]
fn places_either_side_of_an_arrow_are_two_names() {
    // Declined: "Vladivostok → Sakhalin" read as one name of two words that no fact writes.
    let question =
        "Going Vladivostok → Sakhalin next month. Is there still a ferry from Wakkanai to Korsakov?";
    assert_eq!(answer(question).as_deref(), Some("sakhalin-hokkaido-ferry"));
}

#[test]
fn episode_the_asker_prepares_is_no_subject() {
    // Declined: "ep" weighed as the name the question is about, and "prepping" as a word of its topic.
    assert_answers(&[
        (
            "Prepping an ep on Golovnin — why did the Japanese hold him for two years?",
            "golovnin-incident-1811-1813",
        ),
        ("prepping an ep about the neutrality pact: who signed it?", "soviet-japanese-neutrality-pact-1941"),
    ]);
}

#[test]
fn rounding_the_asker_wants_is_no_subject() {
    // Declined: "nearest" read as the closest point, and "10" and "thousand" as figures to find.
    assert_answers(&[
        ("japan's population rounded to the nearest 10 million?", "comparison-population"),
        (
            "How many Soviet soldiers died in the 1945 war, to the nearest thousand?",
            "manchurian-offensive-casualties-1945",
        ),
    ]);
}

#[test]
fn who_of_the_leaders_in_the_past_tense_asks_of_the_past() {
    // Declined: "кто" with "лидер" read as asking who leads now, as "кто президент", although the verb
    // is in the past tense; the past facts then counted against.
    assert_answers(&[("кто из лидеров подписал иркутское заявление", "irkutsk-statement-2001")]);
}

#[test]
fn now_before_a_verb_in_kanji_stands_apart() {
    // Declined: 今 and the verb's kanji after it (今動, 今残) were one pair no fact writes, weighed as
    // the name the question is about.
    assert_answers(&[
        ("稚内のフェリーって今動いてる？", "sakhalin-hokkaido-ferry"),
        ("サハリン2の事業に今残ってる日本の会社は", "sakhalin-energy-llc-japanese-stakes-2022"),
    ]);
}

#[test]
fn russian_name_asked_first_sets_no_kind_for_the_count_after() {
    // Declined: "сколько лет" after "как назывался" read the whole message as asking for a figure,
    // which the fact on the Japanese town names cannot give.
    let question = "как назывался корсаков при японцах и сколько лет он был японским";
    assert_answers(&[(question, "karafuto-town-names")]);
}

#[test]
fn japanese_chat_words_of_weight_are_everyday() {
    // Declined: 大事 (important) and マジ (seriously?) weighed as words of a subject the base lacks.
    assert_answers(&[
        ("二〇三高地ってなんでそんなに大事だったの", "battle-of-203-metre-hill-1904"),
        ("大津事件で皇太子が切られたってマジ？", "otsu-incident-1891"),
    ]);
}

#[test]
fn question_beside_names_the_base_never_has_is_answered_alone() {
    // Declined at 0%: the asker's names (Okonkwo-Baptiste, Sebald, Leuven) were read as what the
    // message is about, no fact has them, and its question alone was refused for not being suggested.
    assert_answers(&[
        (
            "When was the Treaty of Shimoda signed? My tutor Mrs Okonkwo-Baptiste thinks 1858 but Quizlet says otherwise.",
            "treaty-of-shimoda-1855",
        ),
        (
            "Reading Sebald and Nabokov this week for my seminar in Leuven. What was the Treaty of Portsmouth?",
            "treaty-of-portsmouth-1905",
        ),
    ]);
    // A title names no subject of its own: the consul is the one the rest of the message speaks of.
    let consul =
        ask_json("Nabokov dined with the Russian consul in Nagasaki in 1919. Who was the Russian consul?");
    assert_eq!(consul["answered"], false, "{consul}");
}

#[test]
fn japanese_question_closed_by_ka_follows_the_askers_story() {
    // A Japanese question closed by "か。" rather than "？" was not read as the question sentence, so
    // the story before it stayed in the question: both were declined (0.51 and 0.46).
    assert_answers(&[
        (
            "若い頃は商社で働いていました。ゴルバチョフが来日したのは何年でしょうか。",
            "gorbachev-visit-japan-1991",
        ),
        (
            "父は漁師でした。日ソ共同宣言が調印されたのは何年ですか。",
            "soviet-japanese-joint-declaration-1956",
        ),
        // Closed by "か" with no mark at all, after a pen name the base lacks: declined at 0.18.
        (
            "ハンドルネームは「北の猫」です。祖父が話していた日ソ共同宣言ってどういうものなんですか",
            "soviet-japanese-joint-declaration-1956",
        ),
    ]);
}

#[test]
fn length_and_whom_the_asker_asks_for_are_not_the_subject() {
    // "one short paragraph" left "short" and "paragraph" (an unknown word) in the question; the
    // homeschooling parent, the crammer, "ребенку" and "завтра" (read as "завтрак", breakfast) weighed
    // as the subject: all were declined (0.23, 0.31, 0.23, 0.41, 0.36).
    assert_answers(&[
        ("explain the treaty of portsmouth in one short paragraph", "treaty-of-portsmouth-1905"),
        ("summarise the battle of tsushima in 2 short paragraphs", "battle-of-tsushima-1905"),
        ("homeschooling my kids: when was the treaty of shimoda signed", "treaty-of-shimoda-1855"),
        ("cramming for a quiz tonight: who led the japanese fleet at tsushima", "togo-heihachiro"),
        ("ребенку завтра на урок: кто победил в русско-японской войне", "russo-japanese-war"),
    ]);
}

#[test]
fn growth_of_trade_is_no_height() {
    // "рост" is growth too: only a person's height is a measure no fact gives.
    assert_answers(&[(
        "Какой рост был у товарооборота между Россией и Японией в 2021 году?",
        "japan-russia-trade-2021",
    )]);
}

#[test]
fn a_persons_height_is_a_measure_no_fact_gives() {
    // No passage gives a person's height; these took the person's fact (0.67, 0.65, 0.65).
    for question in [
        "東郷平八郎の身長って何センチぐらいだったの？",
        "какой рост был у Макарова",
        "адмирал макаров какого роста был",
    ] {
        assert_eq!(answer(question), None, "{question}");
    }
}

#[test]
fn family_story_before_the_question_is_no_focus() {
    // The grandfather's camp and year are his story; the question asks about all the detainees.
    // Both were part of what an answer had to hold: this took the camps' conditions (0.44).
    assert_answers(&[(
        "My great-grandad spent four years in a camp near Khabarovsk until 1949. How many Japanese were taken \
         to Siberia in all, and how many died there?",
        "siberian-internment-japanese-detainees",
    )]);
}

#[test]
fn the_askers_guess_at_the_figure_is_no_focus() {
    // The guessed figure was a number the answer had to hold: the first went to the G20 summit in
    // Osaka (0.80), the others to facts with some other figure, or were declined (0.24).
    assert_answers(&[
        ("how many times did abe and putin meet? more than 20?", "abe-putin-27-meetings"),
        ("安倍とプーチンって何回会ったの？20回以上？", "abe-putin-27-meetings"),
        ("сколько раз встречались абэ и путин, больше 20?", "abe-putin-27-meetings"),
        (
            "how many japanese prisoners were taken to siberia, about 500,000?",
            "siberian-internment-japanese-detainees",
        ),
        ("抑留された日本人は何人？50万人くらい？", "siberian-internment-japanese-detainees"),
    ]);
}

#[test]
fn second_question_after_and_a_preposition_leaves_the_first() {
    // "… and in which hall …" asks a second question no fact answers; it was read as one question
    // with two details the base lacks, and declined (0.41, 0.50).
    let got = answer("When exactly was the Treaty of Portsmouth signed, and in which hall of the navy yard?");
    assert!(
        matches!(got.as_deref(), Some("treaty-of-portsmouth-1905" | "portsmouth-peace-conference-1905")),
        "{got:?}"
    );
    assert_answers(&[(
        "Кто подписал Портсмутский мир со стороны России и в каком зале?",
        "treaty-of-portsmouth-1905",
    )]);
}

#[test]
fn a_sentence_closed_inside_quotes_ends_before_the_next_word() {
    // "Accurate?" after a quoted sentence ending "… 1945.'" was read as a name the base lacks (a
    // capital mid-sentence), the question's focus, and the question was declined (0.36).
    assert_answers(&[
        (
            "Line from my essay: 'The Soviet Union declared war on Japan on 8 August 1945.' Accurate?",
            "soviet-declaration-of-war-on-japan-1945",
        ),
        (
            "Essay line: **The Soviet Union declared war on Japan on 8 August 1945.** Accurate?",
            "soviet-declaration-of-war-on-japan-1945",
        ),
    ]);
}

#[test]
fn singapore_particles_at_a_sentence_end_are_no_names() {
    // "lah" at the end weighed as a name the base lacks: declined (0.27, 0.31). "Leh", the town,
    // stays a name the base lacks.
    assert_answers(&[
        ("who signed the neutrality pact for japan lah", "soviet-japanese-neutrality-pact-1941"),
        ("ans this pls: who commanded the russian fleet at tsushima lah", "zinovy-rozhestvensky"),
    ]);
    assert_eq!(answer("Did Japan fight in Leh?"), None);
}

#[test]
fn an_old_style_date_is_no_age() {
    // "29 April Old Style" read as an age ("… old"): a question for the tsarevich's age at Ōtsu
    // was answered with the passage on the attack, which gives none (0.79).
    assert_eq!(answer("大津事件でおそわれた皇太子って当時何歳？"), None);
}

#[test]
fn would_have_after_an_if_clause_is_a_counterfactual() {
    // "would … have" after an "if" clause without "had" was read as a question of fact: answered
    // with why Japan did not attack the USSR (0.62).
    assert_eq!(answer("if japan attacked the ussr in 1941 would moscow have fallen"), None);
    // A question word before the modal asks a fact (a review's counter-example).
    assert_answers(&[(
        "if stalin promised at yalta, when would the soviets have entered the war against japan",
        "yalta-agreement-on-japan-1945",
    )]);
}

#[test]
fn russian_how_many_years_someone_was_is_an_age() {
    // "сколько лет было" was no question of age: answered with Putin's 2005 visit, which gives none
    // (0.65).
    assert_eq!(answer("сколько лет было путину когда он стал президентом"), None);
    // With a passive after "было" it is how long (a review's counter-example).
    assert_answers(&[(
        "сколько лет было дано на эвакуацию войск из маньчжурии",
        "manchuria-evacuation-agreement-1902",
    )]);
}

#[test]
fn russian_how_many_times_larger_asks_a_figure() {
    // "во сколько" was read as "at what time": the comparison giving "45 раз" could not give a date,
    // and the fact of bare areas answered, or the question was declined (0.60).
    assert_answers(&[
        ("во сколько раз россия больше японии по площади", "comparison-overall-size"),
        ("во сколько раз население россии больше чем японии", "comparison-overall-size"),
    ]);
}

#[test]
fn rarer_everyday_word_does_not_choose_the_candidates() {
    // Every content word was common, so the rarest word alone proposed candidates: "истории", which
    // the fact counting the wars does not write; declined at 0.45.
    assert_answers(&[(
        "сколько войн было между россией и японией в истории",
        "wars-between-japan-and-russia",
    )]);
}

#[test]
fn word_in_most_facts_does_not_choose_the_candidates() {
    // Japan and Russia are the only content words, each in most facts: letting the rarer of them
    // propose scored nearly every fact, and the further-reading list answered (a build of this
    // round without the limit).
    assert_answers(&[("日本とロシアの関係について説明して", "japan-russia-relations-in-brief")]);
}

#[test]
fn remark_after_the_question_weighs_less_than_it() {
    // "nephew" and "crossword" weighed as much as the question's own words, and it was declined at
    // 0.49.
    assert_answers(&[(
        "Who commanded the Japanese fleet at Tsushima, my nephew needs it for a crossword",
        "togo-heihachiro",
    )]);
}
