//! Cutting text to a length limit at a character boundary.

use std::borrow::Cow;

/// Cuts `text` to at most `max` characters, ending with "…" when it was cut; words are kept whole
/// where a space falls in the last fifth.
///
/// ```
/// use nichiro::answer::truncate;
/// assert_eq!(truncate("short", 10), "short");
/// assert_eq!(truncate("one two three", 9), "one two…");
/// assert_eq!(truncate("日露関係史", 3), "日露…");
/// ```
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let keep = max - 1;
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut cut = &text[..end];
    if let Some(space) = cut.rfind(char::is_whitespace)
        && cut[space..].chars().count() <= max / 5 + 1
    {
        cut = &cut[..space];
    }
    Cow::Owned(format!("{}…", cut.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncate_exact_length_unchanged() {
        assert_eq!(truncate("abcde", 5), "abcde");
    }

    #[test]
    fn truncate_zero() {
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn truncate_never_exceeds_limit() {
        for max in 1..40 {
            let text = "Заявление Иркутск 2001 — 日本 and Russia's 🏝️ islands";
            assert!(truncate(text, max).chars().count() <= max, "{max}");
        }
    }

    #[test]
    fn truncate_long_word_cut_mid_word() {
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
    }
}
