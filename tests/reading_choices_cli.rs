//! Multiple-choice questions as exam papers write them, through the built binary on the real fact
//! base. Each test says what its questions got before the change it tests.

#[path = "common/asking.rs"]
mod asking;
use asking::assert_answers;

#[test]
fn circled_digits_mark_the_options_of_a_japanese_question() {
    // Declined: the options' names (吉田茂, 山本五十六 …) were read as names the question was about,
    // and each fact lacked the others.
    assert_answers(&[
        ("日本海海戦で連合艦隊を率いたのは誰か。①東郷平八郎 ②山本五十六 ③乃木希典", "togo-heihachiro"),
        (
            "1956年に日ソ共同宣言に署名した日本の首相を選べ ①吉田茂 ②鳩山一郎 ③岸信介",
            "soviet-japanese-joint-declaration-1956",
        ),
    ]);
}
