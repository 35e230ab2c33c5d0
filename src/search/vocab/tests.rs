use super::*;

#[test]
fn is_asker_as_written() {
    assert!(is_english_asker("friend"));
    assert!(!is_english_asker("friendly"));
    assert!(!is_english_asker("says"));
    assert!(lexicon::is_asker(&stem("учителя")));
    assert!(lexicon::is_asker("宿題"));
    assert!(lexicon::is_asker("正誤"), "a true-or-false item");
    assert!(is_english_asker("crossword") && is_english_asker("student") && is_english_asker("simple"));
    assert!(!is_english_asker("students"), "Japanese students in Russia are a subject");
    assert!(is_english_asker("tomorrow") && !is_english_asker("today"), "today asks about the present");
    assert!(is_english_asker("homeschooling") && is_english_asker("cramming") && is_english_asker("kids"));
    assert!(lexicon::is_asker_form("ребенку") && lexicon::is_asker(&stem("завтра")), "for whom, for when");
    assert!(
        !lexicon::is_asker(&stem("внуков")) && !lexicon::is_asker_form("внуков"),
        "the passages' grandsons"
    );
    assert_eq!(chat_word("rite"), Some("right"));
    assert_eq!(chat_word("wich"), Some("which"));
    assert!(is_english_asker("ballpark"), "how exact an answer the asker wants");
    assert!(lexicon::is_asker("ラジオ") && lexicon::is_asker("動画"), "where the asker heard of it");
    assert_eq!(chat_word("becuase"), Some("because"));
    assert_eq!(class_of("全部", Kind::Cjk), Class::Generic);
}

#[test]
fn media_the_asker_met_the_subject_in_are_askers() {
    assert!(is_english_asker("youtube") && is_english_asker("documentary"));
    assert_eq!(class_of(&stem("youtube"), Kind::Word), Class::Generic);
    assert!(!is_english_asker("video"), "the base has an instructional video");
    assert!(is_english_asker("gcse") && is_english_asker("enem") && is_english_asker("pub"));
    assert!(is_english_asker("ep") && is_english_asker("episode") && is_english_asker("prepping"));
}

#[test]
fn worksheets_and_handouts_are_askers() {
    assert!(is_english_asker("worksheet") && is_english_asker("handout") && is_english_asker("flashcards"));
}

#[test]
fn chat_word_apology_slips_are_sorry() {
    assert_eq!(chat_word("sory"), Some("sorry"));
    assert_eq!(chat_word("sry"), Some("sorry"));
    assert_eq!(chat_word("soz"), Some("sorry"));
}

#[test]
fn class_of_forms_of_address_is_function() {
    assert_eq!(class_of(&stem("sir"), Kind::Word), Class::Function, "Sir, I wish to know …");
    assert_eq!(class_of(&stem("bro"), Kind::Word), Class::Function);
    assert_ne!(class_of(&stem("sire"), Kind::Word), Class::Function);
    assert_ne!(class_of(&stem("mate"), Kind::Word), Class::Function, "the first mate of the Diana");
    assert_ne!(class_of(&stem("folk"), Kind::Word), Class::Function, "Russian folk songs");
}

#[test]
fn english_level_calendar_words() {
    assert!(english_level("christmas").is_some_and(|l| l > EVERYDAY_LEVEL));
    assert!(english_level("sunday").is_some());
    assert_eq!(english_level("putin"), None);
}

#[test]
fn class_of_seam_into_question_word() {
    assert_eq!(class_of("月何", Kind::Cjk), Class::Function);
    assert_eq!(class_of("年何", Kind::Cjk), Class::Function);
}

#[test]
fn class_of_negated_helper_pieces() {
    assert_eq!(class_of(&stem("hadn"), Kind::Word), Class::Function);
    assert_eq!(class_of(&stem("mustn"), Kind::Word), Class::Function);
    assert_ne!(class_of(&stem("haddock"), Kind::Word), Class::Function);
}

#[test]
fn class_of_question_word_pairs() {
    assert_eq!(class_of("何月", Kind::Cjk), Class::Function);
    // "How many times": the ratio asked for, which the answer has ("45倍").
    assert_eq!(class_of("何倍", Kind::Cjk), Class::Content);
    assert_eq!(class_of("宣戦", Kind::Cjk), Class::Content);
}

#[test]
fn scene_detail_three_languages() {
    assert!(is_scene_detail("breakfast") && is_scene_detail("天気") && is_scene_detail("погода"));
    assert!(is_scene_detail("завтрак") && is_scene_detail("ел"));
    assert!(is_scene_detail("website") && is_scene_detail("телефона") && is_scene_detail("電話番号"));
    assert!(!is_scene_detail("phone") && !is_scene_detail("телефонный"), "a phone call is no contact");
    assert!(!is_scene_detail("treaty") && !is_scene_detail("елена") && !is_scene_detail("served"));
}

#[test]
fn particles_dropped_only_at_a_sentence_end_in_lower_case() {
    assert_eq!(particles_dropped("ans this one lah: who signed it?"), "ans this one : who signed it?");
    assert_eq!(particles_dropped("who signed the pact lor"), "who signed the pact ");
    assert_eq!(particles_dropped("Did Japan fight in Leh?"), "Did Japan fight in Leh?", "the town");
    assert_eq!(particles_dropped("was leh part of russia"), "was leh part of russia", "mid-sentence");
}
