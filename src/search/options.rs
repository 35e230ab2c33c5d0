//! Multiple-choice questions: the stem, and the options after "a) … b) …" markers.

/// Splits a multiple-choice question into its stem and options; a question without at least two
/// options in order (a, b, … or 1, 2, …) is all stem.
///
/// Markers are a letter a–f or a digit 1–6, optionally in brackets, followed by `)`, `.` or `:`
/// and a space, at the start of the text or after a space or line break.
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

/// `(where the marker starts, where its option's text starts)` for each marker of the one run of
/// markers in order (a, b, c… or 1, 2, 3…).
fn markers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut expected: Option<u8> = None;
    for i in 0..bytes.len() {
        let before_ok = i == 0
            || bytes[i - 1].is_ascii_whitespace()
            || (bytes[i - 1] == b'(' && (i == 1 || bytes[i - 2].is_ascii_whitespace()));
        if !before_ok {
            continue;
        }
        let c = bytes[i].to_ascii_lowercase();
        let first = matches!(c, b'a' | b'1');
        let next = expected == Some(c);
        if !(first && found.is_empty() || next) {
            continue;
        }
        let close = bytes.get(i + 1).copied();
        let opened = i > 0 && bytes[i - 1] == b'(';
        let closes = match close {
            Some(b')') => true,
            Some(b'.' | b':') => !opened,
            _ => false,
        };
        let spaced = bytes.get(i + 2).is_none_or(|b| b.is_ascii_whitespace());
        if closes && spaced {
            let start = if opened { i - 1 } else { i };
            found.push((start, (i + 2).min(text.len())));
            expected = Some(c + 1);
        }
    }
    found
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
    fn split_options_multibyte_text() {
        let (stem, options) = split_options("Кто? a) Витте b) Комура");
        assert_eq!(stem, "Кто? ");
        assert_eq!(options, ["Витте", "Комура"]);
    }
}
