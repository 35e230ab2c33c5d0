use super::*;

#[test]
fn level_russian_and_japanese() {
    assert!(level("погода").is_some());
    assert!(level("итуруп").is_none());
    assert!(level("天気").is_some());
    assert!(level("択捉").is_none());
    assert!(level("weather").is_none());
}

#[test]
fn level_russian_verb_with_a_prefix() {
    assert!(level("приплыл").is_some() && level("просидел").is_some());
    assert!(level("лаксман").is_none() && level("головнин").is_none(), "names stay names");
    assert!(level("узала").is_none() && level("наджин").is_none(), "names that start like a prefix");
}

#[test]
fn asks_russian_question_words() {
    assert_eq!(asks_russian(&["когда", "был", "подписан", "договор"]), Asks::Time);
    assert_eq!(asks_russian(&["в", "каком", "году", "началась", "война"]), Asks::Time);
    assert_eq!(asks_russian(&["какого", "числа", "подписали", "договор"]), Asks::Time);
    assert_eq!(asks_russian(&["во", "сколько", "началась", "атака"]), Asks::Time);
    assert_eq!(
        asks_russian(&["во", "сколько", "раз", "россия", "больше", "японии"]),
        Asks::Quantity,
        "во сколько раз: how many times larger"
    );
    assert_eq!(asks_russian(&["во", "сколько", "обошлась", "россии", "война"]), Asks::Quantity, "a cost");
    assert_eq!(asks_russian(&["почему", "россия", "проиграла"]), Asks::Reason);
    assert_eq!(
        asks_russian(&["из", "за", "чего", "ссср", "отказался"]),
        Asks::Reason,
        "из-за чего, without its hyphen"
    );
    assert_eq!(asks_russian(&["кто", "победил"]), Asks::Person);
    assert_eq!(asks_russian(&["сколько", "погибло"]), Asks::Quantity);
    assert_eq!(asks_russian(&["что", "если", "бы", "россия", "победила"]), Asks::Counterfactual);
    assert_eq!(asks_russian(&["полный", "текст", "пакта", "о", "нейтралитете"]), Asks::Verbatim);
    assert_eq!(asks_russian(&["когда", "японцы", "ушли", "и", "почему", "остались"]), Asks::Time);
    assert_eq!(asks_russian(&["почему", "японцы", "остались", "и", "когда", "ушли"]), Asks::Reason);
}

#[test]
fn asks_russian_when_clause_after_what() {
    let what_did_japan_do = ["что", "сделала", "япония", "когда", "сбили", "самолет"];
    assert_eq!(asks_russian(&what_did_japan_do), Asks::Anything);
    assert_eq!(
        asks_russian(&["а", "как", "отреагировал", "токио", "когда", "ссср", "напал"]),
        Asks::Anything
    );
    assert_eq!(asks_russian(&["что", "подписали", "и", "когда"]), Asks::Time);
    assert_eq!(asks_russian(&["когда", "сбили", "самолет"]), Asks::Time);
    assert_eq!(asks_russian(&["что", "то", "я", "забыл", "когда", "был", "подписан", "трактат"]), Asks::Time);
    assert_eq!(asks_russian(&["как", "интересно", "когда", "был", "подписан", "трактат"]), Asks::Time);
    assert_eq!(asks_russian(&["как", "по", "твоему", "когда", "вернут", "курилы"]), Asks::Time);
}

#[test]
fn asks_japanese_whereabouts_and_counters() {
    assert_eq!(asks_japanese("大韓航空機はどのへんに落ちたの？"), Asks::Place);
    assert_eq!(asks_japanese("日本海海戦はどのあたりで戦われた？"), Asks::Place);
    assert_eq!(asks_japanese("ロシアの面積は日本の何倍？"), Asks::Quantity);
    assert_eq!(asks_japanese("ゴロヴニンは捕まったとき何歳だった？"), Asks::Quantity);
    assert_eq!(asks_japanese("撃墜された飛行機が落ちたのはどのへん？"), Asks::Place);
    assert_ne!(asks_japanese("ポーツマス条約のどのあたりが不満だったの？"), Asks::Place);
    assert_ne!(asks_japanese("何万人もの日本人が抑留された収容所はどこにあった？"), Asks::Quantity);
}

#[test]
fn asks_japanese_question_words() {
    assert_eq!(asks_japanese("ポーツマス条約はいつ結ばれた？"), Asks::Time);
    assert_eq!(asks_japanese("真珠湾攻撃って何時に始まったの"), Asks::Time);
    assert_eq!(asks_japanese("なんでロシアは負けたの"), Asks::Reason);
    assert_eq!(asks_japanese("北方領土はどこにある"), Asks::Place);
    assert_eq!(asks_japanese("もしロシアが勝っていたら"), Asks::Counterfactual);
    assert_eq!(asks_japanese("あのとき妥協してたら、今ごろ条約を結べてたのかな"), Asks::Counterfactual);
    assert_ne!(asks_japanese("ニュース見てたら出てきたんだけど、北方領土って何？"), Asks::Counterfactual);
    assert_eq!(asks_japanese("日ソ中立条約の全文を教えて"), Asks::Verbatim);
    assert_eq!(asks_japanese("樺太の工場の社員名簿はどこで見られますか"), Asks::Verbatim);
    assert_eq!(asks_japanese("ビザはどこに問い合わせればいいですか"), Asks::Instructions);
    assert_ne!(
        asks_japanese("祖父の記録を調べたいのですが、どこに問い合わせればよいですか"),
        Asks::Instructions,
        "whom to ask to look a record up"
    );
    assert_ne!(
        asks_japanese("抑留された祖父を名簿で調べる方法は？"),
        Asks::Verbatim,
        "where to look a name up"
    );
}

#[test]
fn asks_translation_in_russian_and_japanese() {
    assert_eq!(asks_japanese("ロシア語でありがとうって何て言うの？"), Asks::Translation);
    assert_ne!(asks_japanese("北方領土はロシア語で何という？"), Asks::Translation);
    assert_eq!(asks_russian(&["как", "сказать", "спасибо", "по", "японски"]), Asks::Translation);
    assert_eq!(asks_russian(&["как", "будет", "привет", "на", "японском"]), Asks::Translation);
    assert_ne!(asks_russian(&["как", "называют", "курилы", "по", "японски"]), Asks::Translation);
}

#[test]
fn asks_japanese_decade_named_and_degree() {
    assert_eq!(asks_japanese("日ソ 国境紛争 1930年代"), Asks::Anything);
    assert_eq!(asks_japanese("それは何年代のこと？"), Asks::Time);
    assert_eq!(asks_japanese("1890年代のロシアは朝鮮でどれくらい影響力があった？"), Asks::Anything);
    assert_eq!(asks_japanese("賠償金はどれくらいだった？"), Asks::Quantity);
}

#[test]
fn generic_japanese_aspects_of_a_topic() {
    for aspect in ["理由", "影響", "範囲", "規模", "役割"] {
        assert!(is_generic(aspect), "{aspect}");
    }
    assert!(!is_generic("樺太") && !is_generic("条約"));
}

#[test]
fn generic_japanese_adverbs_of_talk() {
    for adverb in ["結局", "正直", "実際", "色々"] {
        assert!(is_generic(adverb), "{adverb}");
    }
}

#[test]
fn asks_every_name_of_a_list_in_russian_and_japanese() {
    assert_eq!(asks_russian(&["полный", "список", "экипажа", "варяга"]), Asks::Verbatim);
    assert_eq!(asks_russian(&["список", "всех", "погибших"]), Asks::Verbatim);
    assert_ne!(asks_russian(&["в", "списке", "островов", "есть", "шикотан"]), Asks::Verbatim);
    assert_eq!(asks_japanese("三笠の乗組員名簿はどこで見られる？"), Asks::Verbatim);
    assert_ne!(asks_japanese("北方四島の名前を全部教えて"), Asks::Verbatim);
}

#[test]
fn asks_russian_opinion_formal_and_familiar() {
    assert_eq!(asks_russian(&["что", "вы", "думаете", "о", "путине"]), Asks::Opinion);
    assert_eq!(asks_russian(&["что", "ты", "думаешь", "о", "путине", "как", "политике"]), Asks::Opinion);
    assert_eq!(asks_russian(&["ты", "считаешь", "это", "правильным"]), Asks::Opinion);
    assert_ne!(asks_russian(&["что", "думал", "сталин", "о", "японии"]), Asks::Opinion, "a view of the past");
}

#[test]
fn asks_japanese_opinion_asked_plainly() {
    assert_eq!(asks_japanese("プーチンのこと正直どう思う？"), Asks::Opinion);
    assert_eq!(asks_japanese("2島返還で手を打ったほうがよかったんじゃない？"), Asks::Opinion);
    assert_ne!(asks_japanese("当時の日本人はロシアをどう思っていたの"), Asks::Opinion);
}

#[test]
fn asks_japanese_visit_logistics_are_instructions() {
    assert_eq!(asks_japanese("根室の北方館って何時まで開いてる？"), Asks::Instructions);
    assert_eq!(asks_japanese("記念艦三笠の入場料っていくら？"), Asks::Instructions);
    assert_eq!(asks_japanese("マリインスキー・バレエの来日公演チケットっていくら？"), Asks::Instructions);
    assert_ne!(asks_japanese("ユジノサハリンスクの日本総領事館って今も開いてますか"), Asks::Instructions);
    assert_ne!(asks_japanese("ボリショイ・バレエが初めて来日したのはいつ？"), Asks::Instructions);
}

#[test]
fn asks_which_of_two_is_greater_judgement_or_figure() {
    assert_eq!(asks_japanese("東郷平八郎とネルソン、提督としてどっちが上？"), Asks::Opinion);
    assert_eq!(asks_japanese("戦艦三笠とロシアの戦艦ってどっちが強い？"), Asks::Opinion);
    assert_eq!(asks_russian(&["кто", "круче", "макаров", "или", "того"]), Asks::Opinion);
    assert_ne!(asks_japanese("日本とロシアのGDPってどっちが上"), Asks::Opinion, "a figure");
    assert_ne!(asks_japanese("日本とロシアって人口はどっちが多いんですか"), Asks::Opinion);
    assert_ne!(asks_japanese("奉天会戦では日本とロシアどっちが優勢だった？"), Asks::Opinion, "who won");
    assert_ne!(asks_japanese("首都としてどちらが古い？"), Asks::Opinion, "a date");
}

#[test]
fn asks_japanese_recommendation_unless_for_reading() {
    assert_eq!(asks_japanese("シベリア抑留のおすすめのドキュメンタリーある？"), Asks::Opinion);
    assert_ne!(asks_japanese("日露戦争について読むならおすすめの本は？"), Asks::Opinion);
    assert_ne!(asks_japanese("日露関係史のおすすめ文献は？"), Asks::Opinion);
}

#[test]
fn present_in_russian_and_japanese() {
    assert!(russian_present(&["кто", "президент", "россии"]));
    assert!(!russian_present(&["кто", "был", "президентом", "в", "1991"]));
    assert!(japanese_present("今の首相は誰"));
    assert!(!japanese_present("当時の首相は誰"));
    assert!(japanese_present("最近の日露関係は？"));
    assert!(japanese_present("いまの大使は誰？"));
    assert!(!japanese_present("全権は小村だったと記憶しているのですが、合っていますか？"), "a polite ending");
    assert!(!japanese_present("何人が住んでいました？"));
    assert!(japanese_present("その協定は今どうなってる？"), "今 before a verb");
    assert!(japanese_present("今年の漁獲枠は決まった？"));
}

#[test]
fn asks_russian_and_japanese_prediction() {
    assert_eq!(asks_russian(&["будет", "ли", "война", "между", "россией", "и", "японией"]), Asks::Prediction);
    assert_eq!(asks_russian(&["вернут", "ли", "острова", "в", "будущем"]), Asks::Prediction);
    assert_ne!(asks_russian(&["извинялась", "ли", "россия", "когда", "нибудь"]), Asks::Prediction);
    assert_eq!(asks_japanese("将来、北方領土は返ってくる？"), Asks::Prediction);
    assert_ne!(asks_japanese("ヤルタ協定で千島列島はどうなることになってたの"), Asks::Prediction);
    assert_eq!(asks_japanese("プーチンって次の大統領選も出るの？"), Asks::Prediction);
    assert_eq!(asks_japanese("来年あたり日露首脳会談ありそう？"), Asks::Prediction);
    assert_ne!(asks_japanese("次のうち、ポーツマス条約で日本が得たものはどれか"), Asks::Prediction);
    assert_eq!(asks_russian(&["кто", "станет", "следующим", "президентом"]), Asks::Prediction);
    assert_eq!(asks_russian(&["когда", "будет", "следующий", "саммит"]), Asks::Prediction);
    assert_ne!(asks_russian(&["сталин", "сказал", "что", "будет", "готов", "напасть"]), Asks::Prediction);
}

#[test]
fn asks_russian_future_act_is_prediction() {
    assert_eq!(asks_russian(&["подпишут", "ли", "мирный", "договор"]), Asks::Prediction);
    assert_eq!(asks_russian(&["когда", "россия", "отдаст", "острова"]), Asks::Prediction);
    assert_ne!(asks_russian(&["когда", "подписали", "мирный", "договор"]), Asks::Prediction);
    assert_ne!(
        asks_russian(&["почему", "япония", "не", "нападет"]),
        Asks::Prediction,
        "no question of when or who"
    );
}

#[test]
fn level_japanese_word_folded_as_the_text() {
    let terms = crate::search::normalize::tokenize("ニュース");
    assert_eq!(terms[0].text, "ニュス");
    assert!(level(&terms[0].text).is_some(), "a loanword with a long-vowel mark is an ordinary word");
    assert!(level("ノモンハン").is_none());
}

#[test]
fn asks_japanese_when_only_as_a_word() {
    assert_eq!(asks_japanese("日露戦争はいつから始まった？"), Asks::Time);
    assert_eq!(asks_japanese("シベリア抑留はいつまで続いた"), Asks::Time);
    assert_ne!(asks_japanese("プーチンはいつも柔道をしているの？"), Asks::Time);
    assert_ne!(asks_japanese("日露関係史をかいつまんで説明して"), Asks::Time);
    assert_eq!(asks_japanese("こいつ誰？東郷平八郎"), Asks::Person);
}

#[test]
fn asks_japanese_blank_before_year() {
    assert_eq!(asks_japanese("日ソ中立条約は（　）年に結ばれた。空欄うめて"), Asks::Time);
    assert_eq!(asks_japanese("日ソ共同宣言は＿＿＿年に調印された"), Asks::Time);
    assert_eq!(asks_japanese("日ソ共同宣言は(1956)年に調印された"), Asks::Anything);
    assert_eq!(asks_japanese("（　　）条約で国交が回復した"), Asks::Anything);
}

#[test]
fn asks_japanese_nande_desu_is_what() {
    assert_eq!(asks_japanese("満韓交換論ってなんですか"), Asks::Anything);
    assert_eq!(asks_japanese("日本政府の立場はどっちなんでしょう"), Asks::Anything);
    assert_eq!(asks_japanese("なんで日本は負けたの"), Asks::Reason);
}

#[test]
fn asker_japanese_long_vowel_folded() {
    assert!(is_asker(&crate::search::japanese::fold_word("レポート")));
}

#[test]
fn asker_japanese_remembering() {
    assert!(is_asker("記憶"), "と記憶しているのですが: how the asker knows, not what about");
}

#[test]
fn generic_russian_both_sides() {
    let both = crate::search::normalize::stem("обеих");
    assert!(is_generic(&both), "с обеих сторон: on both sides");
}

#[test]
fn asks_instructions_and_every_name_in_russian_and_japanese() {
    assert_eq!(asks_japanese("厚生労働省のどの窓口に問い合わせればよいでしょうか"), Asks::Instructions);
    assert_eq!(asks_japanese("ロシアのビザってどうやって取るの？"), Asks::Instructions);
    assert_eq!(asks_japanese("日本海海戦で沈んだロシアの軍艦の名前を全部教えてください"), Asks::Verbatim);
    assert_ne!(asks_japanese("北方領土の4つの島の名前を全部教えて"), Asks::Verbatim);
    assert_eq!(asks_russian(&["где", "найти", "могилу", "прадеда"]), Asks::Instructions);
    assert_ne!(asks_russian(&["как", "добраться", "с", "хоккайдо", "на", "сахалин"]), Asks::Instructions);
}

#[test]
fn level_japanese_kanji_stem_of_a_word_with_kana_endings() {
    // 遠回り is listed; a question's text meets it as the kanji pair 遠回, an ordinary word, no name.
    assert!(level("遠回").is_some());
    assert!(level("択捉").is_none(), "a name stays a name");
}

#[test]
fn asker_pupils_and_great_grandparents() {
    assert!(is_asker("生徒") && is_asker("歴検"));
    assert!(is_asker(&crate::search::normalize::stem("прадед")));
}

#[test]
fn present_still_in_japanese_and_russian() {
    assert!(japanese_present("三井はまだ出資してるの"));
    assert!(!japanese_present("その頃はまだ子供だった"), "still, in the past");
    assert!(!japanese_present("二つの鉄道の関係がいまいちわかりません"), "not quite");
    assert!(russian_present(&["пакт", "всё", "ещё", "действует"]));
    assert!(!russian_present(&["пакт", "был", "всё", "ещё", "в", "силе"]));
}

#[test]
fn present_not_when_the_verb_is_past() {
    assert!(!russian_present(&["кто", "из", "советских", "лидеров", "первым", "приехал", "в", "японию"]));
    assert!(!russian_present(&["кто", "из", "президентов", "подписали", "декларацию"]));
    assert!(!russian_present(&["кто", "из", "лидеров", "договорились"]));
    assert!(russian_present(&["кто", "генерал", "губернатор", "сахалина"]), "a rank, no verb");
    assert!(russian_present(&["кто", "лидер", "или", "глава", "японии"]), "'или' is no verb");
}

#[test]
fn says_now_in_three_languages() {
    assert!(says_now("now") && says_now("сейчас") && says_now("щас") && says_now("現在"));
    assert!(!says_now("then") && !says_now("тогда") && !says_now("当時"));
}

#[test]
fn russian_now_in_any_form_of_its_adjectives() {
    assert!(says_now("нынешние") && says_now("текущая") && says_now("сегодняшних") && says_now("нынче"));
    assert!(russian_present(&["как", "описать", "нынешние", "отношения"]));
    assert!(!says_now("тогдашних"), "another time's adjective is none");
}

#[test]
fn generic_russian_now_adjectives_and_describe() {
    assert!(is_generic(&stem("нынешних")) && is_generic(&stem("текущие")) && is_generic(&stem("описать")));
    assert!(!is_generic(&stem("отношения")), "what is described is no everyday word");
}

#[test]
fn function_russian_rough_figure() {
    assert!(is_function(&stem("примерно")) && is_function(&stem("приблизительно")));
    assert!(!is_function(&stem("пример")), "an example is a word of its own");
}

#[test]
fn level_russian_iterative_verb() {
    assert!(level("приплывал").is_some() && level("выплачивались").is_some());
    assert!(level("хакодатэ").is_none() && level("ивал").is_none(), "names and short words");
}

#[test]
fn asks_russian_name_first_then_count() {
    let words = ["корсаков", "как", "назывался", "и", "сколько", "лет", "был", "японским"];
    assert_eq!(asks_russian(&words), Asks::Anything);
    assert_eq!(asks_russian(&["сколько", "лет", "и", "как", "назывался"]), Asks::Quantity);
}

#[test]
fn present_with_nouns_shaped_as_past_verbs() {
    assert!(russian_present(&["кто", "губернатор", "сахалина", "и", "курил"]));
    assert!(russian_present(&["кто", "глава", "терминала", "спг"]));
    assert!(russian_present(&["кто", "лидер", "жители", "островов"]));
    assert!(russian_present(&["пакт", "все", "еще", "действует"]), "as folded, 'ещё' is 'еще'");
}

#[test]
fn asks_russian_name_alone_leaves_the_event() {
    let words = ["что", "произошло", "в", "1905", "году", "и", "как", "назывался", "договор"];
    assert_eq!(asks_russian(&words), Asks::Event);
}

#[test]
fn function_russian_chat_openers_as_written() {
    assert_eq!(crate::search::vocab::chat_word("окей"), Some("ну"));
    assert!(is_function(&stem("ну")) && crate::search::vocab::chat_word("кста") == Some("кстати"));
    assert_eq!(crate::search::vocab::chat_word("оку"), None, "General Oku");
    assert!(!is_function(&stem("оку")), "its stem is the opener's");
}
