//! Fact-base fixtures for tests: every fact needs a Japanese and a Russian version.

/// A fact file with a Japanese and a Russian version added at the end of each complete fact, as
/// `check` requires (their questions name the fact, so no two facts share one).
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
            out.push_str(&format!(
                "[fact.ja]\npassage = \"{id}の説明。\"\nquestions = [\"{id}とは？\", \"{id}はいつ？\", \"{id}について\"]\n\
                 [fact.ru]\npassage = \"Описание {id}.\"\nquestions = [\"что такое {id}\", \"когда {id}\", \"{id} кратко\"]\n"
            ));
        }
    }
    out
}
