//! Fact-base fixtures for tests: every fact needs a Japanese and a Russian version.

/// A fact file with a Japanese and a Russian version added at the end of each complete fact, as
/// `check` requires. Each fact's versions carry a tag of its own, spelt in katakana and in Cyrillic
/// from a hash of its id, so that no two facts share a question and nothing in them looks like an
/// English word or name.
pub fn translated(text: &str) -> String {
    let mut out = String::new();
    for (n, block) in text.split("[[fact]]").enumerate() {
        if n > 0 {
            out.push_str("[[fact]]");
        }
        out.push_str(block);
        let id = block.lines().find_map(|l| l.strip_prefix("id = \"")).and_then(|l| l.strip_suffix('"'));
        let complete = block.contains("passage =") && block.contains("questions =");
        if let Some(id) = id.filter(|_| complete && !block.contains("[fact.ja]")) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            let (ja, ru) = tags(id);
            out.push_str(&format!(
                "[fact.ja]\npassage = \"{ja}の説明。\"\nquestions = [\"{ja}とは？\", \"{ja}はいつ？\", \"{ja}について\"]\n\
                 [fact.ru]\npassage = \"Описание {ru}.\"\nquestions = [\"что такое {ru}\", \"когда {ru}\", \"{ru} кратко\"]\n"
            ));
        }
    }
    out
}

/// A tag for `id` in katakana and in Cyrillic.
fn tags(id: &str) -> (String, String) {
    const KANA: [char; 10] = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ'];
    const CYRILLIC: [char; 10] = ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н'];
    let mut hash =
        id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let (mut ja, mut ru) = (String::new(), String::new());
    for _ in 0..6 {
        let digit = (hash % 10) as usize;
        ja.push(KANA[digit]);
        ru.push(CYRILLIC[digit]);
        ru.push('а');
        hash /= 10;
    }
    (ja, ru)
}
