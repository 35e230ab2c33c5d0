//! A fact's keywords name what it is about, through the built binary on the real fact base. Each
//! test says what its questions got before the keyword it tests was added.

#[path = "common/asking.rs"]
mod asking;
use asking::assert_answers;

#[test]
fn ambassadors_fact_answers_who_the_ambassador_is_now() {
    // Answered with the state of relations in 2025, whose keywords name an ambassador while the
    // ambassadors' fact named only its people and "embassy".
    assert_answers(&[
        ("Who is the current Japanese ambassador to Russia?", "ambassadors-nozdrev-muto-2023-2024"),
        ("who is japan's ambassador in moscow now", "ambassadors-nozdrev-muto-2023-2024"),
    ]);
}
