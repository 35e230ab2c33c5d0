//! Multiple-choice questions: the stem, and the options after "a) … b) …" markers.

/// Splits a multiple-choice question into its stem and options; a question without at least two
/// options in order (a, b, … or 1, 2, …) is all stem.
///
/// Markers are a letter a–f, а–е or ア–カ, or a digit 1–6, optionally in brackets, followed by `)`,
/// `.` or `:` and a space (Japanese needs none), at the start of the text or after a space, a line
/// break or Japanese punctuation. Japanese exam papers also write ア–カ before a space alone ("ア　択捉島
/// イ　国後島"), and circled digits ①–⑥ with nothing after them.
pub(crate) fn split_options(text: &str) -> (&str, Vec<&str>) {
    let markers = markers(text);
    if markers.len() < 2 {
        return (text, Vec::new());
    }
    let stem = &text[..markers[0].0];
    let options = markers
        .iter()
        .enumerate()
        .map(|(i, &(_, body))| {
            let end = markers.get(i + 1).map_or(text.len(), |&(next, _)| next);
            text[body..end].trim()
        })
        .filter(|o| !o.is_empty())
        .collect();
    (stem, options)
}

/// The runs of option markers, in order: Latin letters, digits, Russian letters (а, б, в, г, д, е:
/// the Cyrillic alphabet's order skips no letter before е), Japanese katakana (ア, イ, ウ, エ, オ) and
/// circled digits.
const RUNS: &[&[char]] = &[
    &['a', 'b', 'c', 'd', 'e', 'f'],
    &['1', '2', '3', '4', '5', '6'],
    &['а', 'б', 'в', 'г', 'д', 'е'],
    &['ア', 'イ', 'ウ', 'エ', 'オ', 'カ'],
    &['①', '②', '③', '④', '⑤', '⑥'],
];

/// The run of katakana markers in [`RUNS`], which may stand before a space alone.
const KATAKANA_RUN: usize = 3;
/// The run of circled digits in [`RUNS`], which need nothing after them.
const CIRCLED_RUN: usize = 4;
const _: () = assert!(RUNS[KATAKANA_RUN][0] == 'ア' && RUNS[CIRCLED_RUN][0] == '①');

/// `(where the marker starts, where its option's text starts)` for each marker of one run of
/// markers in order (a, b, c… or 1, 2, 3…): of the runs with two markers or more, the one that
/// starts first, so that "①" in a stem ("資料①を見て") does not hide the options after it.
fn markers(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found: [Vec<(usize, usize)>; RUNS.len()] = Default::default();
    for k in 0..chars.len() {
        let before = |n: usize| k.checked_sub(n).map(|j| chars[j].1);
        // Japanese writes no space after its full stop or question mark.
        let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || matches!(c, '。' | '？' | '、'));
        let opened = matches!(before(1), Some('(' | '（'));
        if !(space(before(1)) || opened && space(before(2))) {
            continue;
        }
        let c = chars[k].1;
        let lower = c.to_lowercase().next().unwrap_or(c);
        for (run, markers) in found.iter_mut().enumerate() {
            if RUNS[run].get(markers.len()) == Some(&lower)
                && let Some(marker) = marker_at(text, &chars, k, run, opened)
            {
                markers.push(marker);
            }
        }
    }
    found.into_iter().filter(|f| f.len() >= 2).min_by_key(|f| f[0].0).unwrap_or_default()
}

/// The marker of run `run` of [`RUNS`] at character `k` of `text` (its `chars`), when what follows
/// closes it: `(where it starts, where its option's text starts)`.
fn marker_at(
    text: &str,
    chars: &[(usize, char)],
    k: usize,
    run: usize,
    opened: bool,
) -> Option<(usize, usize)> {
    let close = chars.get(k + 1).map(|&(_, c)| c);
    let closing = match close {
        Some(')' | '）') => true,
        Some('.' | ':' | '．' | '：') => !opened,
        _ => false,
    };
    // A circled digit closes itself, and a katakana marker may stand before a space alone.
    let bare = run == CIRCLED_RUN || (run == KATAKANA_RUN && close.is_some_and(char::is_whitespace));
    // Japanese needs no space after the marker.
    let japanese = run == KATAKANA_RUN || run == CIRCLED_RUN || close == Some('）');
    let spaced = japanese || chars.get(k + 2).is_none_or(|&(_, c)| c.is_whitespace() || !c.is_ascii());
    if !((closing || bare) && spaced) {
        return None;
    }
    let start = if opened { chars[k - 1].0 } else { chars[k].0 };
    // The option's text starts after the marker and its closing bracket or stop, if any.
    let after = if run == CIRCLED_RUN && !closing { k + 1 } else { k + 2 };
    Some((start, chars.get(after).map_or(text.len(), |&(i, _)| i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_options_letters() {
        let (stem, options) = split_options("Which battle? a) Midway b) Tsushima c) Jutland d) Leyte");
        assert_eq!(stem, "Which battle? ");
        assert_eq!(options, ["Midway", "Tsushima", "Jutland", "Leyte"]);
    }

    #[test]
    fn split_options_brackets_capitals_and_lines() {
        let (stem, options) = split_options("The treaty of 1875 gave Japan:\n(A) Sakhalin\n(B) the Kurils");
        assert_eq!(stem, "The treaty of 1875 gave Japan:\n");
        assert_eq!(options, ["Sakhalin", "the Kurils"]);
        assert_eq!(split_options("Pick one: 1. Witte 2. Komura").1, ["Witte", "Komura"]);
    }

    #[test]
    fn split_options_none_without_two_in_order() {
        assert_eq!(split_options("Was it a big war?"), ("Was it a big war?", vec![]));
        assert_eq!(split_options("What did the U.S.A. do? b) maybe").1, Vec::<&str>::new());
        assert_eq!(split_options("e.g. a: note").1, Vec::<&str>::new());
    }

    #[test]
    fn split_options_russian_and_japanese_markers() {
        let (stem, options) = split_options("В каком году? а) 1918 б) 1925 в) 1932");
        assert_eq!(stem, "В каком году? ");
        assert_eq!(options, ["1918", "1925", "1932"]);
        let (stem, options) = split_options("仲介したのは誰か。ア）ルーズベルト イ）ウィルソン");
        assert_eq!(stem, "仲介したのは誰か。");
        assert_eq!(options, ["ルーズベルト", "ウィルソン"]);
        assert_eq!(split_options("何年？ ア）1918年 イ）1925年").1, ["1918年", "1925年"]);
        // Russian prepositions are not markers: "в" and "а" stand in ordinary sentences.
        assert_eq!(split_options("а в 1925 году?").1, Vec::<&str>::new());
    }

    #[test]
    fn split_options_japanese_exam_spacing_and_circled_digits() {
        let (stem, options) = split_options("結んだ条約はどれか。ア　日ソ基本条約　イ　日ソ中立条約");
        assert_eq!(stem, "結んだ条約はどれか。");
        assert_eq!(options, ["日ソ基本条約", "日ソ中立条約"]);
        assert_eq!(split_options("首相を選べ ①吉田茂 ②鳩山一郎").1, ["吉田茂", "鳩山一郎"]);
        // A katakana word is no marker, nor a circled digit after a word.
        assert_eq!(split_options("アメリカ イギリス").1, Vec::<&str>::new());
        assert_eq!(split_options("ア　樺太").1, Vec::<&str>::new());
        assert_eq!(split_options("図①と図②").1, Vec::<&str>::new());
    }

    #[test]
    fn split_options_first_run_of_two_markers_and_brackets_after_circled_digits() {
        // A circled digit in the stem is no run of options: the katakana ones after it are.
        let (stem, options) = split_options("問1 ①について正しいものを選べ。ア　樺太　イ　千島");
        assert_eq!(stem, "問1 ①について正しいものを選べ。");
        assert_eq!(options, ["樺太", "千島"]);
        assert_eq!(split_options("首相は (①) 吉田茂 (②) 鳩山一郎").1, ["吉田茂", "鳩山一郎"]);
        assert_eq!(split_options("首相は ①. 吉田茂 ②. 鳩山一郎").1, ["吉田茂", "鳩山一郎"]);
    }

    #[test]
    fn split_options_multibyte_text() {
        let (stem, options) = split_options("Кто? a) Витте b) Комура");
        assert_eq!(stem, "Кто? ");
        assert_eq!(options, ["Витте", "Комура"]);
    }
}
