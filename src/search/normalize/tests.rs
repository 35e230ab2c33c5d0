use super::*;

/// The texts of the terms of `s`.
pub(crate) fn texts(s: &str) -> Vec<String> {
    tokenize(s).into_iter().map(|t| t.text).collect()
}

#[test]
fn fold_diacritics_latin() {
    assert_eq!(fold("Shinzō Abe"), "shinzo abe");
}

#[test]
fn fold_soft_sign_after_prefix_is_hard() {
    assert_eq!(fold("обьясните подьезд субьект"), "объясните подъезд субъект");
    assert_eq!(fold("Вьетнам, статья, семья, бьют, Сьюзен"), "вьетнам, статья, семья, бьют, сьюзен");
    assert_eq!(fold("объявил"), "объявил");
}

#[test]
fn fold_keeps_dakuten() {
    assert_eq!(fold("ガ"), "ガ");
}

#[test]
fn tokenize_decades_in_three_languages() {
    for text in [
        "the 1960s",
        "the 60s",
        "the '60s",
        "1960年代",
        "в 1960-х годах",
        "в 60-е",
        "в 60е",
        "в 60-ые",
        "60-ых",
    ] {
        assert!(texts(text).contains(&"1960s".to_string()), "{text}: {:?}", texts(text));
    }
    assert!(texts("the 2000s").contains(&"2000s".to_string()));
    assert!(texts("in 1960").contains(&"1960".to_string()), "a year stays a year");
    assert!(texts("the 1965s").contains(&"1965".to_string()), "no decade ends in 5");
    assert!(texts("1960sq").contains(&"1960".to_string()), "an 's' that begins a word");
}

#[test]
fn russian_yo_typed_as_ye() {
    assert_eq!(texts("живёт Пётр"), texts("живет петр"));
    assert_eq!(stem("всё"), stem("все"));
    assert_eq!(fold("й"), "й", "the breve stays");
}

#[test]
fn tokenize_us_in_capitals_is_the_country() {
    let texts = |t: &str| tokenize(t).into_iter().map(|t| t.surface).collect::<Vec<_>>();
    assert_eq!(texts("the US trade deficit"), ["the", "usa", "trade", "deficit"]);
    assert_eq!(texts("tell us about the USSR"), ["tell", "us", "about", "the", "ussr"]);
    assert_eq!(texts("US."), ["usa"]);
}

#[test]
fn tokenize_empty() {
    assert!(tokenize("").is_empty());
    assert!(tokenize("   \t\n").is_empty());
}

#[test]
fn tokenize_possessive() {
    assert_eq!(texts("Japan's Russia’s"), ["japan", "russia"]);
}

#[test]
fn tokenize_contractions() {
    let surfaces = |s: &str| tokenize(s).into_iter().map(|t| t.surface).collect::<Vec<_>>();
    assert_eq!(surfaces("We're sure they've I'd I’m"), ["we", "sure", "they", "i", "i"]);
    assert_eq!(surfaces("didn't won't can't isn’t"), ["didn", "t", "will", "can", "t", "isn", "t"]);
    assert_eq!(surfaces("O'Brien rock'n'roll"), ["o", "brien", "rock", "n", "roll"]);
}

#[test]
fn tokenize_numbers_keep_decimals_drop_commas() {
    assert_eq!(
        texts("127,053,000 and 8.4/km2 in 1956."),
        ["127053000", "and", "8.4", "km", "2", "in", "1956"]
    );
}

#[test]
fn tokenize_comma_only_separates_thousands() {
    assert_eq!(texts("1,5 and 2,137"), ["1", "5", "and", "2137"]);
}

#[test]
fn tokenize_cjk_iteration_mark() {
    assert_eq!(texts("佐々木"), ["佐々", "々木"]);
}

#[test]
fn tokenize_hyphen_compound_joined() {
    assert_eq!(texts("Hokushin-ron"), ["hokushin", "ron", "hokushinron"]);
    let joined: Vec<bool> = tokenize("non-aggression").iter().map(|t| t.joined).collect();
    assert_eq!(joined, [false, false, true]);
}

#[test]
fn tokenize_cjk_bigrams() {
    assert_eq!(texts("北方領土"), ["北方", "方領", "領土"]);
    assert_eq!(texts("島"), ["島"]);
}

#[test]
fn tokenize_cyrillic_words() {
    assert_eq!(texts("Южные Курилы"), [stem("южные"), stem("курилы")]);
}

#[test]
fn tokenize_zero_width_and_emoji_are_separators() {
    assert_eq!(texts("kuril\u{200B}islands 🏝️"), ["kuril", "island"]);
}

#[test]
fn stem_meets_inflections() {
    assert_eq!(stem("visit"), stem("visited"));
    assert_eq!(stem("islands"), stem("island"));
}

#[test]
fn stem_irregular_past_meets_its_verb() {
    assert_eq!(stem("began"), stem("begin"));
    assert_eq!(stem("withdrew"), stem("withdrawn"));
    assert_eq!(stem("withdraw"), stem("withdrew"));
    assert_eq!(stem("fought"), stem("fights"));
    // "left" is also the other side of "right": not taken for "leave".
    assert_ne!(stem("left"), stem("leave"));
}

#[test]
fn stem_russian_present_meets_past() {
    assert_eq!(stem("живёт"), stem("жили"));
    assert_eq!(stem("живут"), stem("жил"));
    assert_eq!(stem("умрут"), stem("умерли"));
    assert_eq!(stem("погибших"), stem("погиб"));
    assert_eq!(stem("нападение"), stem("напали"));
    assert_eq!(stem("подпишут"), stem("подписали"));
    // Stems Snowball already joins stay as they were.
    assert_eq!(stem("подписали"), "подписа");
    assert_ne!(stem("жители"), stem("жили"));
}

#[test]
fn stem_russian_visit_is_not_visas() {
    assert_eq!(stem("визит"), stem("визита"));
    assert_ne!(stem("визит"), stem("визы"));
    assert_eq!(stem("кредит"), stem("кредиты"));
}

#[test]
fn stem_russian_stand_is_not_a_hundred() {
    assert_eq!(stem("стоят"), stem("стоял"));
    assert_ne!(stem("стоят"), stem("сто"));
    assert_ne!(stem("стоила"), stem("сто"));
}

#[test]
fn stem_russian_numeral_forms_meet() {
    assert_eq!(stem("восьми"), stem("восемь"));
    assert_eq!(stem("трёх"), stem("три"));
    assert_eq!(stem("двух"), stem("два"));
    assert_eq!(stem("четырёх"), stem("четыре"));
    assert_eq!(stem("восьмью"), stem("восемь"));
    assert_ne!(stem("двух"), stem("три"));
    assert_ne!(stem("восьмой"), stem("восемь"), "the ordinal stays apart");
}

#[test]
fn adjective_base_without_sk_and_soft_sign() {
    assert_eq!(adjective_base("курильск"), Some("курил"));
    assert_eq!(adjective_base("оцуск"), Some("оцу"));
    assert_eq!(adjective_base("курил"), None);
}

#[test]
fn stem_russian_place_adjective_meets_the_place() {
    assert_eq!(stem("курильской"), stem("курилах"));
    assert_eq!(stem("сахалинский"), stem("сахалине"));
    assert_eq!(stem("японская"), stem("японии"));
    assert_eq!(stem("поиск"), "поиск");
}

#[test]
fn tokenize_word_in_two_alphabets_reads_in_one() {
    let surfaces = |text: &str| tokenize(text).into_iter().map(|t| t.surface).collect::<Vec<_>>();
    // A Latin S among Cyrillic letters; a Cyrillic "а" (U+0430) among Latin ones.
    assert_eq!(surfaces("Sахалин-2"), ["сахалин", "2"]);
    assert_eq!(surfaces("s\u{430}khalin"), ["sakhalin"]);
    assert_eq!(surfaces("сахалин sakhalin"), ["сахалин", "sakhalin"]);
    // Capitals that look alike: a Latin H in "Находка", a Cyrillic Т in "Tokyo".
    assert_eq!(surfaces("Hаходка \u{422}okyo"), ["находка", "tokyo"]);
}
