//! How questions are read, through the built binary on the real fact base. Each test says what its
//! questions got before the change it tests. The asker's context and the parts of a message are in
//! reading_context_cli.rs.

#[path = "common/asking.rs"]
mod asking;
use asking::{answer, ask_json, assert_answers};

#[test]
fn kanji_numbers_meet_digits() {
    // The passages write 北緯50度 and 8月9日; both questions were declined.
    let parallel = answer("北緯五十度以南の樺太が日本領になったのは何年？");
    assert_eq!(parallel.as_deref(), Some("portsmouth-treaty-sakhalin-50th-parallel"));
    let invasion = answer("ソ連が満州に侵攻したのは八月九日？");
    assert_eq!(invasion.as_deref(), Some("manchurian-strategic-offensive-1945"));
}

#[test]
fn which_day_asks_for_a_date_the_answer_need_not_name() {
    // Answered with the 1904 declaration of war while "day" still had to stand in the answer.
    let day = answer("On which day did the Soviet Union declare war on Japan?");
    assert_eq!(day.as_deref(), Some("soviet-declaration-of-war-on-japan-1945"));
}

#[test]
fn crown_prince_is_the_tsarevich() {
    // Declined before the base had synonyms for the heir.
    assert_eq!(answer("who tried to kill the crown prince in otsu").as_deref(), Some("otsu-incident-1891"));
}

#[test]
fn decade_meets_the_facts_it_covers() {
    // The seizures fact is dated 1946–1991; "1960s" used to be read as the year 1960, and both
    // questions were declined.
    for question in [
        "Japanese fishermen arrested by the Soviets in the 1960s",
        "soviets arresting japanese fishermen in the 60s",
    ] {
        assert_eq!(answer(question).as_deref(), Some("fishing-boat-seizures-1946-1991"), "{question}");
    }
}

#[test]
fn multiple_choice_fact_meeting_every_option_of_another_is_no_tie() {
    // Both facts on the declaration name Habomai and Shikotan; the one on Article 9, second, also
    // names Kunashiri and Etorofu, as left out. The first meets no option the second lacks, so it
    // leads on the stem, and answers. It was declined as a choice between options.
    let question = "In the 1956 Soviet-Japanese Joint Declaration, which islands did the USSR promise to \
                    hand over after a peace treaty? a) Iturup and Kunashir b) Habomai and Shikotan \
                    c) all four islands d) none of them";
    assert_eq!(answer(question).as_deref(), Some("soviet-japanese-joint-declaration-1956"));
}

#[test]
fn russian_adjective_of_a_short_name_meets_the_name() {
    // "оцуский" is made from "Оцу", which the stemmer cannot cut back to; it weighed as a word the
    // base lacks, and the question was declined.
    assert_eq!(answer("что такое оцуский инцидент").as_deref(), Some("otsu-incident-1891"));
}

#[test]
fn next_of_something_to_come_asks_what_will_happen() {
    // The English question was answered with Hashimoto's fall in 1998, the Japanese one with the
    // Suzuki affair of 2002; no fact says what is still to come.
    assert_eq!(answer("when is the next japanese election"), None);
    assert_eq!(answer("鈴木宗男は次の選挙に出ますか"), None);
}

#[test]
fn holiday_is_a_word_not_a_typo() {
    // "christmas" was taken for a typo of "christian" and answered with the table of religions.
    assert_eq!(answer("how many days till christmas"), None);
}

#[test]
fn visit_as_askers_and_passages_say_it() {
    // The passages write 日本を訪れ and "посетил"; the Japanese question was declined, the Russian
    // one answered with Shevardnadze's visit of 1986, whose passage names Gorbachev.
    assert_eq!(answer("ゴルバチョフの来日はいつ？").as_deref(), Some("gorbachev-visit-japan-1991"));
    assert_eq!(answer("когда был визит горбачева в японию").as_deref(), Some("gorbachev-visit-japan-1991"));
}

#[test]
fn katakana_name_one_letter_off_is_read_before_longer_names() {
    // "ノモハン" was corrected to ノモンハン only after the names of several words had been looked
    // for, so ノモンハン事件 (the base's name of the battles) was missed: the reply differed from
    // the one to the name spelled right (its score was 0.856 against 0.853).
    let reply = |question: &str| {
        let json = ask_json(question);
        (json["fact_id"].clone(), json["score"].clone())
    };
    assert_eq!(reply("ノモハン事件で日本は勝ったの？"), reply("ノモンハン事件で日本は勝ったの？"));
}

#[test]
fn involved_is_an_everyday_word() {
    // "involved" weighed 5.5, as a word the base almost never writes; the passages say "a stake",
    // so both questions were declined (0.52 and 0.42).
    assert_eq!(
        answer("Which Japanese companies are involved in Sakhalin-1?").as_deref(),
        Some("sakhalin-1-project")
    );
    // Any of the facts that give Mitsui's and Mitsubishi's stakes answers it; they nearly tie since
    // the shareholders' fact asks in the past (thirty-second round).
    let stakes = [
        "sakhalin-2-shareholders-lng-share",
        "sakhalin-2-putin-decree-2022",
        "sakhalin-energy-llc-japanese-stakes-2022",
        "sakhalin-2-gazprom-takeover-2006-2007",
        "japanese-companies-in-sakhalin-projects",
    ];
    let got = answer("Was Japan involved in the Sakhalin-2 project?");
    assert!(got.as_deref().is_some_and(|f| stakes.contains(&f)), "{got:?}");
}

#[test]
fn russian_better_of_two_is_an_opinion() {
    // Answered with Abe's speeches at the Eastern Economic Forum.
    assert_eq!(answer("кто лучше абэ или путин"), None);
}

#[test]
fn cop_is_the_passages_policeman() {
    // "cop" was a word the base lacks, weighing against every fact: both were declined (0.62 and
    // 0.42), though the Ōtsu passage names "one of the policemen".
    assert_eq!(
        answer("the cop who attacked the tsarevich at otsu in 1891, what was his name").as_deref(),
        Some("otsu-incident-1891")
    );
    assert_eq!(
        answer("a japanese cop attacked the russian crown prince in 1891, who was he").as_deref(),
        Some("otsu-incident-1891")
    );
}

#[test]
fn date_after_after_says_from_when() {
    // "24 February" was a name every answer had to write: the question was declined at 0.27.
    assert_eq!(
        answer("what sanctions did japan impose on russia after february 24").as_deref(),
        Some("japan-first-sanctions-2022")
    );
}

#[test]
fn riots_after_a_won_war_meet_the_riots() {
    // The passage on the Hibiya riots never said Japan had won: "won" missed it, and both
    // questions were declined (0.47 and 0.54).
    assert_eq!(
        answer("why did tokyo riot in 1905 when japan had won the war").as_deref(),
        Some("hibiya-riots-1905")
    );
    assert_eq!(answer("japan won the war so why the hibiya riots").as_deref(), Some("hibiya-riots-1905"));
}

#[test]
fn japanese_policeman_counted_by_one_is_no_numbered_name() {
    // 警官 was a word the base lacks (declined at 0.46). In the group of policemen it had missed
    // the Ōtsu passage, whose 巡査の一人 ("one of the policemen") read as a name with a number.
    assert_eq!(answer("ニコライを襲った警官は誰？").as_deref(), Some("otsu-incident-1891"));
    assert_eq!(answer("大津事件　切りつけた巡査　名前").as_deref(), Some("otsu-incident-1891"));
}

#[test]
fn japanese_true_or_false_item_is_read_as_its_statement() {
    // 正誤 ("true or false") weighed 9.0 as an unknown name the question was about: declined at 0.43.
    assert_eq!(
        answer("正誤問題：ポーツマス条約で日本は樺太全島を得た。○か×か").as_deref(),
        Some("portsmouth-treaty-sakhalin-50th-parallel")
    );
}

#[test]
fn quick_overview_meets_the_short_history() {
    // "quick" proposed the facts that say "quick victory" and was declined (0.35); the overview
    // fact's own question asks for "a short history".
    assert_eq!(
        answer("give me a quick overview of japan russia relations").as_deref(),
        Some("japan-russia-relations-in-brief")
    );
}

#[test]
fn ordinal_in_digits_meets_the_ordinal_word() {
    // "2nd" was the number 2 and a stray "nd", which the Second Pacific Squadron never wrote
    // (declined at 0.51).
    assert_eq!(
        answer("who commanded the 2nd pacific squadron").as_deref(),
        Some("baltic-fleet-voyage-1904-1905")
    );
    assert_eq!(
        answer("кто командовал 2-й тихоокеанской эскадрой").as_deref(),
        Some("baltic-fleet-voyage-1904-1905")
    );
}

#[test]
fn steps_to_follow_and_every_name_are_declined_with_related_facts() {
    // Answered with the tourism fact (0.58) and the Battle of Shumshu (0.76): neither gives steps
    // or the names of the dead.
    for question in [
        "how to get russian e visa for vladivostok step by step",
        "list the names of all japanese soldiers who died at shumshu",
    ] {
        let reply = ask_json(question);
        assert_eq!(reply["fact_id"], serde_json::Value::Null, "{question}");
        assert!(reply["suggestions"].as_array().is_some_and(|s| !s.is_empty()), "{question}");
    }
}

#[test]
fn third_country_without_japan_is_not_japans_part_in_it() {
    // Answered with Japan's first sanctions at 0.79 before: the base is asked about Japan and Russia.
    assert_eq!(answer("When did Russia invade Ukraine?"), None);
    // A fact asked about the USSR and China alone still answers them.
    let pact = answer("When did the USSR and China sign a non-aggression pact?");
    assert_eq!(pact.as_deref(), Some("sino-soviet-non-aggression-pact-1937"));
}

#[test]
fn year_of_a_japanese_era_is_the_western_year() {
    // 明治38年 is 1905, the year the passages give; the question was declined (0.31).
    let treaty = answer("明治38年に結ばれた講和条約は？");
    assert_eq!(treaty.as_deref(), Some("treaty-of-portsmouth-1905"));
}

#[test]
fn russian_name_declined_meets_its_other_forms() {
    // "Горбачёва" is stemmed "горбачев", the passage's "Горбачёв" "горбач": answered with
    // Shevardnadze's 1986 visit, whose passage declines the name as the question does.
    let visit = answer("Визит Горбачёва в Японию в 1991 году — что тогда подписали?");
    assert_eq!(visit.as_deref(), Some("gorbachev-visit-japan-1991"));
}

#[test]
fn everyday_detail_of_a_scene_must_be_in_the_answer() {
    // Both were answered with the fact on the person, which says nothing of clothes or food.
    assert_eq!(answer("What did Kodayu wear when he met Catherine the Great?"), None);
    assert_eq!(answer("東郷平八郎の好物は何？"), None);
    // A fact that gives the detail still answers.
    assert_eq!(answer("What is the weather like on the Kurils?").as_deref(), Some("kuril-climate"));
}

#[test]
fn both_ends_of_a_span_are_not_one_day() {
    // Answered with the surprise attack of February 1904, which gives the start only.
    let war = answer("When did the Russo-Japanese War start and end?");
    assert_ne!(war.as_deref(), Some("attack-on-port-arthur-1904"));
}

#[test]
fn long_opinion_question_is_declined() {
    // Answered at 0.47: the allowance for a long question's diluting words had let an opinion, halved,
    // under the bar.
    let judged = ask_json(
        "Do you think Kojima Iken was right to refuse the government's demand for the death penalty for \
         Tsuda Sanzo after the Otsu incident?",
    );
    assert_eq!(judged["answered"], false, "{judged}");
}

#[test]
fn polite_japanese_ending_is_not_now() {
    // "入っています" was read as いま (now), and the present favoured the fact on today's readings.
    let islands =
        answer("日ソ共同宣言で約束された島の引き渡しについて教えてもらえますか？ 歯舞と色丹が入っていますか");
    assert_eq!(islands.as_deref(), Some("joint-declaration-1956-article-9"));
}

#[test]
fn scene_detail_missed_declines_even_beside_long_names() {
    // Answered at 0.64 with the fact on the meeting: the kanji pairs of the long names outweighed
    // the one missed focus, 天気 (the weather), that no fact mentions.
    let weather = ask_json("大黒屋光太夫がエカチェリーナ2世に会った日の天気を知りたい");
    assert_eq!(weather["answered"], false, "{weather}");
    // 着ていた is "was wearing" (answered at 0.87); 着いた, "arrived", is no detail of a scene.
    let wore = ask_json("大黒屋光太夫がエカテリーナ2世に謁見したとき何を着ていたの？");
    assert_eq!(wore["answered"], false, "{wore}");
    let arrived = answer("大黒屋光太夫はいつ根室に着いた？");
    assert_eq!(arrived.as_deref(), Some("kodayu-castaway-catherine-the-great"));
}

#[test]
fn kanji_an_input_method_got_wrong_is_read_as_meant() {
    // 中率 for 中立, 状約 for 条約 (the same readings): both were declined as unknown names.
    let pact = answer("日ソ中率条約が結ばれたのはいつ？");
    assert_eq!(pact.as_deref(), Some("soviet-japanese-neutrality-pact-1941"));
    let exchange = answer("樺太千島交換状約の内容は？");
    assert_eq!(exchange.as_deref(), Some("treaty-of-saint-petersburg-1875"));
    // A name the base never writes is not taken for one it does: 朝鮮戦争 stays unknown.
    assert_eq!(answer("朝鮮戦争はいつ始まった？"), None);
}

#[test]
fn quiz_forms_and_kana_endings_are_no_names() {
    // Declined: "crossword" weighed as a name no fact has, and 遠回り (a detour) met the text as the
    // kanji pair 遠回, which the word list did not know.
    let clue = answer("crossword clue: the Japanese admiral who won at Tsushima");
    assert_eq!(clue.as_deref(), Some("battle-of-tsushima-1905"));
    let detour = answer("バルチック艦隊はなぜアフリカを遠回りしたの");
    assert_eq!(detour.as_deref(), Some("baltic-fleet-voyage-1904-1905"));
}

#[test]
fn name_compared_with_is_no_subject() {
    // Declined: "the americans", brought in for comparison, weighed as a name the answer lacked.
    let oil = answer("did japan ban russian oil imports like the americans did");
    assert_eq!(oil.as_deref(), Some("japan-phase-out-russian-oil-coal-2022"));
}

#[test]
fn an_offices_phone_number_is_a_detail_the_answer_must_give() {
    // Both were answered with the history of Japan's consulates, which gives no phone number.
    let english = ask_json("what's the phone number for japan's consulate in vladivostok");
    assert_eq!(english["answered"], false, "{english}");
    let russian = ask_json("телефон японского консульства во владивостоке");
    assert_eq!(russian["answered"], false, "{russian}");
}

#[test]
fn japanese_name_with_n_or_m_before_b() {
    // Declined: the base writes Дэмбэй, the asker Денбей (ん before b as n, not m).
    let dembei = answer("кто такой японец денбей");
    assert_eq!(dembei.as_deref(), Some("dembei-castaway-peter-the-great"));
}

#[test]
fn year_written_short_with_an_apostrophe() {
    // "'91" was read as the number 91: a 1991 fact that is not the visit was answered, and the
    // landing on Shumshu was declined.
    let visit = answer("gorbachev visit to japan '91 what came of it");
    assert_eq!(visit.as_deref(), Some("gorbachev-visit-japan-1991"));
    let shumshu = answer("what happened on shumshu in '45");
    assert_eq!(shumshu.as_deref(), Some("battle-of-shumshu-1945"));
}

#[test]
fn opening_hours_are_a_detail_the_answer_must_give() {
    // Answered with the church's history, which gives no hours.
    let hours = ask_json("what are the opening hours of the hakodate orthodox church");
    assert_eq!(hours["answered"], false, "{hours}");
}

#[test]
fn japanese_month_answers_when_the_year_is_given() {
    // The visit's fact "could not give a date": its 4月 was no date beside the question's own year,
    // and a 1993 visit was answered.
    let month = answer("ゴルバチョフが日本に来たのは1991年の何月？");
    assert_eq!(month.as_deref(), Some("gorbachev-visit-japan-1991"));
}

#[test]
fn russian_future_act_is_a_prediction() {
    // "подпишут" became one word with "подписали" and the 1956 declaration was answered.
    let treaty = ask_json("подпишут ли мирный договор россия и япония");
    assert_eq!(treaty["answered"], false, "{treaty}");
}

#[test]
fn which_port_asks_for_a_place_the_answer_names() {
    // Declined: "port" had to stand in the answer, which names Maizuru without the word.
    let port = answer("through which port did the siberian detainees come home");
    assert_eq!(port.as_deref(), Some("siberian-internment-repatriation-1946-1956"));
}

#[test]
fn year_asked_goes_to_the_fact_dated_in_it() {
    // The geothermal passage names Medvedev's 2010 visit in passing and led; the facts dated 2010
    // (the visit, Kan's protest) were a few points behind.
    let dated = ["kuril-medvedev-visit-2010", "kan-unforgivable-outrage-2011"];
    assert_answered_by_one_of("メドベージェフが2010年に国後島に来たとき日本はどうした", &dated);
}

#[test]
fn word_for_now_does_not_choose_the_candidates() {
    // "Сегодня" was the question's least common word and alone proposed candidates: only facts that
    // write it were scored, none of them about the Japanese in Russia, and the question was declined.
    assert_eq!(answer("много ли японцев живёт в россии сегодня").as_deref(), Some("japanese-in-russia"));
}

#[test]
fn counter_ke_meets_the_passages_ka() {
    // 何ヶ月 was read as two pairs the base lacks (何ケ, ケ月), the first a heavy unknown name.
    assert_eq!(
        answer("バルチック艦隊の航海って何ヶ月かかったの").as_deref(),
        Some("baltic-fleet-voyage-1904-1905")
    );
}

#[test]
fn count_of_points_wanted_is_the_askers_even_with_a_word_between() {
    // "3" before "simple facts" was a number the answer had to write: the question was declined.
    let railway = ["trans-siberian-railway-start-1891", "trans-siberian-railway-as-cause-of-war"];
    assert_answered_by_one_of(
        "give me 3 simple facts about the trans-siberian railway and why japan feared it",
        &railway,
    );
}

#[test]
fn country_possessive_names_its_side() {
    // "Japan's" lost its side with the possessive: Russia's legal position led.
    let fact = answer("summarise japan's legal case for the four islands");
    assert_eq!(fact.as_deref(), Some("japan-legal-position-northern-territories"));
}

/// Asserts that `question` is answered with one of `facts` (several facts answer it alike).
fn assert_answered_by_one_of(question: &str, facts: &[&str]) {
    let fact = answer(question);
    assert!(fact.as_deref().is_some_and(|f| facts.contains(&f)), "{question}: {fact:?}");
}

#[test]
fn rough_figure_word_weighs_nothing_in_russian() {
    // "Приблизительно" weighed as a heavy rare word and sank every fact; "примерно" led to the
    // facts whose passages write it.
    let fact = answer("приблизительно сколько японцев живёт в россии");
    assert_eq!(fact.as_deref(), Some("japanese-in-russia"));
}

#[test]
fn trading_house_in_cyrillic_meets_its_latin_name() {
    // The Russian passage writes Mitsui and Mitsubishi in Latin letters: "мицуи" and "мицубиси" met
    // nothing there, and a fact that writes them in Cyrillic led.
    let fact = answer("одобрила ли москва доли мицуи и мицубиси в новом операторе");
    assert_eq!(fact.as_deref(), Some("sakhalin-energy-llc-japanese-stakes-2022"));
}

#[test]
fn ime_slip_of_a_whole_word_meets_its_sound() {
    // A pair of kanji typed as another of the same sound was an unknown word the question was about,
    // and the question was declined.
    assert_answers(&[
        ("ポーツマス会議の日本の全件は誰？", "komura-jutaro-at-portsmouth"),
        ("日路戦争はいつ終わった？", "treaty-of-portsmouth-1905"),
        ("日英道明はいつ結ばれた？", "anglo-japanese-alliance-1902"),
    ]);
    // An everyday word the base lacks (好物, favourite food) is no slip for 鉱物 (minerals).
    assert_eq!(answer("東郷の好物は？"), None);
}

#[test]
fn two_digit_year_before_a_document_is_the_year() {
    // "56年宣言" (the 1956 Joint Declaration, as the press writes it) weighed 56 as a figure no
    // passage gives.
    let fact = answer("56年宣言で約束された島はどこ？");
    assert_eq!(fact.as_deref(), Some("soviet-japanese-joint-declaration-1956"));
    let fact = answer("60年安保のあとソ連は何を言ってきた？");
    assert_eq!(fact.as_deref(), Some("soviet-memoranda-1960"));
}

#[test]
fn span_written_short_ends_in_its_year() {
    // "1918–22" and "1904-05" left a number (22, 05) no passage gives as a year.
    let fact = answer("How many soldiers did Japan send to Siberia in 1918–22?");
    assert_eq!(fact.as_deref(), Some("siberian-intervention-1918-1922"));
    assert_eq!(
        answer("Which Russian general lost at Mukden in 1904-05?").as_deref(),
        Some("battle-of-mukden-1905")
    );
}

#[test]
fn crossword_length_and_chat_please_weigh_nothing() {
    // A clue's length, Russian chat's "please", and the asker's exam or newspaper said short were
    // words the answer had to contain.
    assert_answers(&[
        ("Japanese admiral at Tsushima, 1905 (4 letters)", "battle-of-tsushima-1905"),
        ("кто такой головнин кратко пж", "golovnin-incident-1811-1813"),
        ("教採の問題で出た日露和親条約の内容を教えて", "treaty-of-shimoda-1855"),
        ("道新に出てた元島民の平均年齢って何歳？", "former-island-residents-today"),
    ]);
}

#[test]
fn russian_chat_abbreviations_read_as_their_words() {
    // "мб" (может быть), "кст" (кстати) and "хоз" (хозяйственная) weighed as names the base lacks.
    assert_answers(&[
        ("мб кто знает кст когда был подписан симодский трактат", "treaty-of-shimoda-1855"),
        ("совместная хоз деятельность на островах какие проекты", "kuril-joint-activities-legal-framework"),
    ]);
}

#[test]
fn russian_year_said_short_after_v_is_a_year() {
    // Declined: "в 93?", "в 39?" were the numbers 93 and 39, which no fact on these names gives.
    assert_answers(&[
        ("что подписали ельцин и хосокава в токио в 93?", "tokyo-declaration-1993"),
        ("кто победил на халхин-голе в 39?", "khalkhin-gol-nomonhan-1939"),
    ]);
}
