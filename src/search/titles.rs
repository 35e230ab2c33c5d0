//! Titles written beside a name ("Prime Minister Abe", "президент Путин", 安倍首相): the name says
//! who is meant, and the title only how the asker addresses them, so a fact that names the person
//! without the title still answers. A title without a name ("who was the prime minister in 1956?",
//! "президент России", 日本の首相) is what the question asks about, and stays so.

use std::sync::LazyLock;

use super::index::Inverted;
use super::normalize::{Kind, Term, stem};
use super::question::Concept;

/// A title beside a name counts this much of its weight in a fact's coverage of the question.
const TITLE_FACTOR: f32 = 0.5;

/// Titles written before a name, in English (as written: "commanded" is no commander) and in
/// Russian (in any case the stemmer reduces to the same word).
const BEFORE: &[&str] = &[
    "president",
    "prime minister",
    "pm",
    "premier",
    "foreign minister",
    "minister",
    "ambassador",
    "envoy",
    "consul",
    "admiral",
    "general",
    "marshal",
    "lieutenant",
    "captain",
    "commander",
    "chairman",
    "secretary",
    "general secretary",
    "chancellor",
    "governor",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "tsarevich",
    "prince",
    "princess",
    "mr",
    "mrs",
    "ms",
    "dr",
    "президент",
    "премьер",
    "премьер министр",
    "министр",
    "министр иностранных дел",
    "посол",
    "посла",
    "консул",
    "адмирал",
    "генерал",
    "маршал",
    "лейтенант",
    "капитан",
    "генсек",
    "секретарь",
    "председатель",
    "канцлер",
    "губернатор",
    "император",
    "императрица",
    "царь",
    "цесаревич",
    "принц",
    "принцесса",
];

/// The Russian titles of [`BEFORE`] as the stemmed words a question's terms are compared with.
static RUSSIAN_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let russian = BEFORE.iter().filter(|title| !title.is_ascii());
    russian.map(|title| title.split(' ').map(stem).collect::<Vec<_>>().join(" ")).collect()
});

/// Titles written after a name, in Japanese.
const AFTER: &[&str] = &[
    "首相",
    "総理",
    "総理大臣",
    "大統領",
    "外相",
    "外務大臣",
    "大臣",
    "大使",
    "公使",
    "領事",
    "提督",
    "大将",
    "中将",
    "元帥",
    "書記長",
    "議長",
    "天皇",
    "皇帝",
    "皇太子",
    "首席全権",
    "全権",
];

/// A concept's words in `plain`, the question's words: `(start, len, concept)`. A word the
/// question repeats has a span of its own pointing at the one concept.
pub(crate) type Span = (usize, usize, usize);

/// Lowers the titles among `concepts` that stand beside a name: they are no longer part of the
/// question's focus, nor of a name of several words, and count less in a fact's coverage; the
/// name is the focus.
pub(crate) fn beside_names(index: &Inverted, plain: &[&Term], concepts: &mut [Concept], spans: &[Span]) {
    let concept_at = |token: usize| {
        spans.iter().find(|&&(start, len, _)| start <= token && token < start + len).map(|&(.., k)| k)
    };
    // A name most facts use (Japan, Russia) is a country or people: ロシア大統領 asks about the office.
    let most = super::question::most_facts_for_a_name(index);
    let titles = title_words(plain, spans);
    let in_title = |token: usize| titles.iter().any(|&(start, end)| start <= token && token < end);
    let mut beside: Vec<(usize, usize)> = Vec::new();
    let mut names: Vec<usize> = Vec::new();
    for &(start, end) in &titles {
        let neighbour = if japanese(&plain[start..end]) { before_japanese(plain, start) } else { Some(end) };
        let name = neighbour
            .filter(|&token| token < plain.len() && !in_title(token))
            .and_then(concept_at)
            .filter(|&k| names_someone(index, &concepts[k], most));
        if let Some(name) = name {
            beside.push((start, end));
            names.push(name);
        }
    }
    for &(start, len, k) in spans {
        if beside.iter().any(|&(from, to)| from <= start && start + len <= to) && !names.contains(&k) {
            let c = &mut concepts[k];
            c.focus = false;
            c.name_run = 0;
            // Against the stored questions the title counts in full, so a question asked as
            // stored is still recognised as such.
            c.coverage *= TITLE_FACTOR;
        }
    }
    // The title says the word beside it names a person (小渕 in 小渕首相, a pair of kanji that is
    // otherwise no name): the question is about them.
    for name in names {
        concepts[name].focus = true;
    }
}

/// Where titles stand among the words, as ranges: an English or Russian title is a concept of its
/// own; a Japanese one may be spelt by several overlapping pairs of kanji (大統領: 大統, 統領).
fn title_words(plain: &[&Term], spans: &[Span]) -> Vec<(usize, usize)> {
    let mut titles: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(start, len, _)| {
            !japanese(&plain[start..start + len]) && is_title(&plain[start..start + len])
        })
        .map(|&(start, len, _)| (start, start + len))
        .collect();
    for start in 0..plain.len() {
        let mut text = String::new();
        for (offset, t) in plain[start..].iter().take(MAX_TITLE_WORDS).enumerate() {
            // Pairs of one compound overlap by a kanji (大統, 統領); anything else ends it.
            let overlaps =
                || super::japanese::is_kanji_pair(t) && text.chars().last() == t.text.chars().next();
            if t.kind != Kind::Cjk || (offset > 0 && !overlaps()) {
                break;
            }
            text.extend(t.text.chars().skip(usize::from(offset > 0)));
            if AFTER.contains(&text.as_str()) {
                titles.push((start, start + offset + 1));
            }
        }
    }
    titles
}

/// The longest Japanese title (総理大臣, 首席全権) is spelt by this many pairs of kanji.
const MAX_TITLE_WORDS: usize = 3;

/// Whether the words are Japanese (pairs of kanji, katakana words, runs of hiragana).
fn japanese(words: &[&Term]) -> bool {
    !words.is_empty() && words.iter().all(|t| t.kind == Kind::Cjk)
}

/// Whether English words, as written, or Russian words, by their stems, are a title.
fn is_title(words: &[&Term]) -> bool {
    let join = |part: fn(&Term) -> &str| words.iter().map(|t| part(t)).collect::<Vec<_>>().join(" ");
    if words.iter().all(|t| t.surface.is_ascii()) {
        BEFORE.contains(&join(|t| t.surface.as_str()).as_str())
    } else {
        RUSSIAN_STEMS.contains(&join(|t| t.text.as_str()))
    }
}

/// The word written just before a Japanese title at `start`: in a run of kanji, the pair before
/// the pair that straddles the two words (安倍 in 安倍首相, past 倍首); a particle between them
/// (日本の首相) is a word of its own, and no name.
fn before_japanese(plain: &[&Term], start: usize) -> Option<usize> {
    let previous = start.checked_sub(1)?;
    let title_first = plain[start].text.chars().next()?;
    let straddles = super::japanese::is_kanji_pair(plain[previous])
        && plain[previous].text.chars().nth(1) == Some(title_first);
    if straddles { previous.checked_sub(1) } else { Some(previous) }
}

/// Whether a concept names someone: a word the base knows, not an everyday one, not one most facts
/// use, and not one of the base's synonym groups, which name countries, places, treaties and offices
/// (ソ連大使, "American President" ask about the office), not people. An English or Russian word
/// must also be one the passages write capitalised (a rare verb after "emperor" is no name); a
/// Japanese pair of kanji cannot say so.
fn names_someone(index: &Inverted, c: &Concept, most: usize) -> bool {
    if c.option() || !c.content || c.everyday {
        return false;
    }
    if c.unknown {
        return c.focus;
    }
    let term = |id: u32| &index.terms[id as usize];
    let group = c.alternatives.iter().any(|&(id, _)| term(id).group);
    let proper =
        c.word.chars().all(crate::lang::is_japanese) || c.alternatives.iter().any(|&(id, _)| term(id).proper);
    let largest = c.alternatives.iter().map(|&(id, _)| index.postings[id as usize].len()).max().unwrap_or(0);
    !group && proper && largest <= most
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::question::{Concept, read};
    use super::*;
    use crate::knowledge::{KnowledgeBase, SynonymGroup, Text, test_fact};

    fn index() -> Inverted {
        let mut nagato = test_fact(
            "nagato",
            "In 2016 President Vladimir Putin met Shinzo Abe at Nagato in Yamaguchi; Japan and Russia talked.",
            None,
            &["Where did Putin and Abe meet in 2016?"],
            &["Nagato"],
        );
        nagato.ja = Some(Text {
            passage: "2016年、プーチン大統領は山口県長門市で安倍晋三と会談した。".into(),
            questions: vec!["長門会談とは".into()],
        });
        nagato.ru = Some(Text {
            passage: "В 2016 году президент Владимир Путин встретился с Синдзо Абэ в Нагато.".into(),
            questions: vec!["где встретились путин и абэ".into()],
        });
        let mut hatoyama = test_fact(
            "hatoyama",
            "In 1956 Prime Minister Ichiro Hatoyama went to Moscow; Japan and Russia signed a declaration.",
            None,
            &["Which prime minister went to Moscow in 1956?"],
            &["Hatoyama"],
        );
        hatoyama.ja = Some(Text {
            passage: "1956年、鳩山一郎首相がモスクワを訪れ、日本の首相として宣言に署名した。".into(),
            questions: vec!["日ソ共同宣言に署名した首相は".into()],
        });
        let other =
            test_fact("other", "Japan and Russia, and the Soviet Union, traded fish.", None, &["fish?"], &[]);
        let groups = vec![
            SynonymGroup { terms: vec!["pm".into(), "prime minister".into(), "首相".into()] },
            SynonymGroup { terms: vec!["soviet union".into(), "ussr".into(), "ソ連".into()] },
        ];
        Inverted::build(&KnowledgeBase::new(vec![nagato, hatoyama, other], BTreeMap::new(), groups), None)
    }

    fn concept<'a>(concepts: &'a [Concept], word: &str) -> &'a Concept {
        concepts.iter().find(|c| c.word == word).unwrap_or_else(|| panic!("no {word} in {concepts:?}"))
    }

    #[test]
    fn title_before_name_is_no_focus() {
        let index = index();
        let named = read(&index, "Where did President Putin meet Abe?");
        let alone = read(&index, "Who was the President in 2016?");
        let (title, office) = (concept(&named.concepts, "president"), concept(&alone.concepts, "president"));
        assert!(!title.focus && office.focus, "{title:?} {office:?}");
        let named = read(&index, "where did president putin meet abe");
        let alone = read(&index, "who was the president in 2016");
        let (title, office) = (concept(&named.concepts, "president"), concept(&alone.concepts, "president"));
        assert_eq!(title.coverage, office.coverage * TITLE_FACTOR);
        assert_eq!(title.weight, office.weight, "against the stored questions it counts in full");
        assert!(concept(&named.concepts, "putin").focus, "the name stays the focus");
    }

    #[test]
    fn title_of_several_words_leaves_no_unknown_name() {
        let reading = read(&index(), "When did Prime Minister Hatoyama go to Moscow?");
        let pm = concept(&reading.concepts, "prime minister");
        assert!(!pm.focus && pm.name_run == 0, "{pm:?}");
    }

    #[test]
    fn title_before_country_or_verb_stays_the_focus() {
        let index = index();
        // A synonym group (a country) is no person's name, nor is a word the passages never
        // write capitalised.
        let reading = read(&index, "Who was prime minister ussr in 1956?");
        assert!(concept(&reading.concepts, "prime minister").focus, "{:?}", reading.concepts);
        let reading = read(&index, "Which prime minister went to Moscow?");
        assert!(concept(&reading.concepts, "prime minister").focus, "{:?}", reading.concepts);
    }

    #[test]
    fn japanese_title_after_name_is_no_focus() {
        let index = index();
        let named = read(&index, "鳩山首相はいつモスクワに行った");
        assert!(!concept(&named.concepts, "首相").focus, "{:?}", named.concepts);
        assert!(concept(&named.concepts, "鳩山").focus, "the name beside the title: {:?}", named.concepts);
        let office = read(&index, "1956年の日本の首相は誰");
        assert!(concept(&office.concepts, "首相").focus, "a particle before it: {:?}", office.concepts);
        let country = read(&index, "ソ連首相は誰");
        assert!(concept(&country.concepts, "首相").focus, "a country before it: {:?}", country.concepts);
    }

    #[test]
    fn japanese_title_of_several_kanji_pairs_counts_less() {
        let index = index();
        let named = read(&index, "プーチン大統領はどこで会談した");
        let alone = read(&index, "大統領はどこで会談した");
        for pair in ["大統", "統領"] {
            let (named, alone) = (concept(&named.concepts, pair), concept(&alone.concepts, pair));
            assert_eq!(named.coverage, alone.coverage * TITLE_FACTOR);
        }
    }

    #[test]
    fn russian_title_in_any_case_counts_less() {
        let index = index();
        let alone = read(&index, "кто был президент в 2016");
        let office = concept(&alone.concepts, "президент").coverage;
        for (question, word) in
            [("когда президент Путин встретил Абэ", "президент"), ("у президента Путина", "президента")]
        {
            let reading = read(&index, question);
            assert_eq!(concept(&reading.concepts, word).coverage, office * TITLE_FACTOR, "{question}");
        }
    }
}
