use crate::search::normalize::tokenize;

#[test]
fn unknown_compounds_war_the_base_never_names() {
    let known = |t: &Term| ["朝鮮", "戦争", "日露", "露戦"].contains(&t.text.as_str());
    assert_eq!(super::unknown_compounds(&tokenize("朝鮮戦争はいつ始まった？"), known), ["朝鮮戦争"]);
    assert!(super::unknown_compounds(&tokenize("日露戦争はいつ始まった？"), known).is_empty());
}

#[test]
fn unknown_compounds_needs_both_words_known() {
    // A typo (和新 for 和親) is not a name of something else.
    let known = |t: &Term| ["日露", "条約"].contains(&t.text.as_str());
    assert!(super::unknown_compounds(&tokenize("日露和新条約"), known).is_empty());
    assert!(super::unknown_compounds(&tokenize("朝鮮の戦争"), |_: &Term| true).is_empty());
}

use super::*;
use crate::search::normalize::tests::texts;

#[test]
fn japanese_scripts_split_words() {
    assert_eq!(texts("北方領土はどこの国のもの"), ["北方", "方領", "領土", "はどこの", "国", "のもの"]);
    assert_eq!(texts("ポーツマス条約"), ["ポツマス", "条約"]);
}

#[test]
fn japanese_question_kanji_start_a_word() {
    // 今誰 ("now, who") is no pair: 今 then the question word.
    assert_eq!(texts("大使は今誰"), ["大使", "は", "今", "誰"]);
    assert_eq!(texts("今何人"), ["今", "何人"]);
    assert_eq!(texts("北方領土"), ["北方", "方領", "領土"]);
}

#[test]
fn japanese_older_ya_spelling() {
    assert_eq!(texts("シベリヤ抑留"), texts("シベリア抑留"));
    assert_eq!(texts("ロシヤ"), texts("ロシア"));
    assert_eq!(texts("ヒマラヤ"), ["ヒマラヤ"], "ラ is no i-sound");
}

#[test]
fn japanese_middle_dot_separates_names() {
    assert_eq!(texts("ウラジーミル・アトラソフ"), ["ウラジミル", "アトラソフ"]);
}

#[test]
fn japanese_variants_fold() {
    assert_eq!(texts("滿洲"), texts("満州"));
    assert_eq!(texts("ヴィッテ"), texts("ウィッテ"));
    assert_eq!(texts("関ヶ原"), texts("関ケ原"));
    assert_eq!(texts("ｳｨｯﾃ"), texts("ウィッテ"));
}

#[test]
fn japanese_counter_ke_is_ka() {
    assert_eq!(texts("7ヶ月"), texts("7か月"));
    assert_eq!(texts("何ヵ月"), texts("何か月"));
    assert_eq!(texts("三カ国"), texts("三か国"));
    assert_eq!(texts("数ケ所"), texts("数か所"));
    assert_ne!(texts("関ヶ原"), texts("関か原"), "a place's ke between kanji");
}

#[test]
fn japanese_hiragana_names_read_as_katakana() {
    assert_eq!(katakana_readings("のもんはんって")[..2], ["ノモンハンテ", "ノモンハン"]);
    assert!(katakana_readings("ぽーつます").contains(&"ポツマス".to_string()));
    assert_eq!(texts("イトゥルップ"), texts("イトゥルプ"));
    assert!(katakana_readings("は").is_empty());
}

#[test]
fn japanese_numbers_stay_numbers() {
    assert_eq!(texts("１９０５年"), ["1905", "年"]);
}

#[test]
fn kanji_numbers_before_counters() {
    assert_eq!(texts("第一次日露協約"), texts("第1次日露協約"));
    assert_eq!(texts("第二次世界大戦"), texts("第2次世界大戦"));
    assert_eq!(kanji_numbers("第15条"), None);
    assert_eq!(kanji_numbers("一九〇五年").as_deref(), Some("1905年"));
    assert_eq!(kanji_numbers("北緯五十度").as_deref(), Some("北緯50度"));
    assert_eq!(kanji_numbers("十二月").as_deref(), Some("12月"));
    assert_eq!(kanji_numbers("百二十人").as_deref(), Some("120人"));
}

#[test]
fn western_years_of_an_era() {
    assert_eq!(written_forms("明治38年の奉天会戦").as_deref(), Some("1905年の奉天会戦"));
    assert_eq!(written_forms("昭和二十年八月九日").as_deref(), Some("1945年8月9日"));
    assert_eq!(written_forms("昭和元年").as_deref(), Some("1926年"));
    assert_eq!(written_forms("令和5年版と平成3年").as_deref(), Some("2023年版と1991年"));
    assert_eq!(texts("明治38年"), texts("1905年"));
}

#[test]
fn western_years_of_two_digits_before_a_dated_thing() {
    assert_eq!(written_forms("56年宣言で").as_deref(), Some("1956年宣言で"));
    assert_eq!(written_forms("45年8月9日").as_deref(), Some("1945年8月9日"));
    assert_eq!(written_forms("01年のイルクーツク").as_deref(), None);
    assert_eq!(written_forms("01年イルクーツク声明"), None);
    assert_eq!(written_forms("01年声明").as_deref(), Some("2001年声明"));
    assert_eq!(written_forms("戦後80年たっても"), None);
    assert_eq!(written_forms("1956年宣言"), None);
}

#[test]
fn western_years_none_without_a_year() {
    assert_eq!(written_forms("明治維新"), None);
    assert_eq!(written_forms("昭和の日"), None);
    assert_eq!(written_forms("大正100年"), None);
}

#[test]
fn superlatives_spoken_meet_written() {
    assert_eq!(texts("北方四島で一番大きい島"), texts("北方四島で最大の島"));
    assert_eq!(texts("最も古い記録"), texts("最古の記録"));
    assert_eq!(written_forms("一番の理由"), None);
}

#[test]
fn kanji_numbers_inside_words_stay() {
    for word in ["千島列島", "一番大きい", "北方四島", "唯一日本", "統一年表", "三国干渉", "一日本"]
    {
        assert_eq!(kanji_numbers(word), None, "{word}");
    }
}

#[test]
fn now_apart_before_a_kanji_it_forms_no_word_with() {
    let apart = |text: &str, known: &[&str]| -> Vec<String> {
        now_apart(tokenize(text), |pair| known.contains(&pair)).into_iter().map(|t| t.text).collect()
    };
    assert_eq!(apart("今動いて", &[]), ["今", "動", "いて"]);
    // The next pair of the run carries the second kanji.
    assert_eq!(apart("今残存", &[]), ["今", "残存"]);
    // A pair the base has, and a word of the word list, stay whole.
    assert_eq!(apart("今動", &["今動"]), ["今動"]);
    assert_eq!(apart("今年", &[]), ["今年"]);
}
