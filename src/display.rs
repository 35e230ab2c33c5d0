//! Showing what members wrote as text and nothing more: control characters and direction overrides
//! removed everywhere, markdown escaped where Discord renders it, links only as full addresses.
//!
//! Members' text reaches moderators (`/review`, `/gaps`), curators' terminals (`nichiro gaps`) and,
//! once a suggestion is approved, every answer in a server; none of those may carry a hidden link,
//! a terminal escape sequence or text that reorders what is around it.

/// Whether `c` may change how text around it is shown or hide what it is: control characters
/// (terminal escapes, bells) and the invisible marks that override or isolate text direction or hide
/// characters. The joiners that scripts and emoji need (U+200C, U+200D) stay.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}')
}

/// A member's text without control characters, direction overrides or invisible characters (tabs
/// become spaces; line and paragraph separators become line breaks), for storage and terminals.
///
/// ```
/// use nichiro::display::clean;
/// assert_eq!(clean("who\u{1b}]0;owned\u{7} won\u{202e}?"), "who]0;owned won?");
/// assert_eq!(clean("a\tb\r\nc"), "a b\nc");
/// ```
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{2028}' | '\u{2029}' => Some('\n'),
            c => (!is_hidden(c)).then_some(c),
        })
        .collect()
}

/// A member's text as Discord shows it literally: cleaned, with every markdown mark escaped, so a
/// masked link, a mention or a heading shows as the characters typed.
///
/// ```
/// use nichiro::display::literal;
/// assert_eq!(literal("[MOFA](https://evil.example)"), r"\[MOFA\]\(https://evil.example)");
/// assert_eq!(literal("see https://en.wikipedia.org/wiki/Kuril_Islands"), "see https://en.wikipedia.org/wiki/Kuril_Islands");
/// assert_eq!(literal("# big\n- item <@1>"), "\\# big\n\\- item \\<@1>");
/// assert_eq!(literal("Russo-Japanese War, 1904–05."), "Russo-Japanese War, 1904–05.");
/// ```
pub fn literal(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len() + cleaned.len() / 8);
    let mut rest = cleaned.as_str();
    let (mut line_start, mut digits) = (true, false);
    while let Some(c) = rest.chars().next() {
        // A web address is left as typed: escaping its `_` or `(` would change where it leads, and
        // Discord reads the whole address as one link, so no mark inside it takes effect. Discord ends
        // an address at `<`, so the rest is escaped again from there.
        if rest.starts_with("https://") || rest.starts_with("http://") {
            let end = rest.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            (line_start, digits) = (false, false);
            continue;
        }
        let escape = match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '(' | ')' | '<' => true,
            // Block marks: headings, quotes, lists and subtext count only at the start of a line.
            '#' | '>' | '-' | '+' => line_start,
            '.' => digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        digits = (line_start || digits) && c.is_ascii_digit();
        line_start = c == '\n' || (line_start && c == ' ');
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The web address a source gives: `Ok` with the address as parsed (a look-alike host shows in
/// punycode) if the first word that looks like a link is an absolute `http(s)` URL with a host once
/// the brackets and punctuation around it are dropped, `Err` with that word if not, `None` if no word
/// looks like a link.
///
/// ```
/// use nichiro::display::web_address;
/// assert_eq!(web_address("Smith 2001, <https://example.org/x>."), Some(Ok("https://example.org/x".into())));
/// assert_eq!(web_address("A book, 1999"), None);
/// assert!(web_address("[record](https://evil.example/mofa)").unwrap().is_err());
/// assert!(web_address("javascript://x%0Aalert(1)").unwrap().is_err());
/// ```
pub fn web_address(source: &str) -> Option<Result<String, String>> {
    let word = source.split_whitespace().find(|w| w.contains("://") || w.starts_with("www."))?;
    let mut trimmed = word.trim_start_matches(['<', '(', '"', '\'']);
    loop {
        let before = trimmed;
        trimmed = trimmed.trim_end_matches(['>', '"', '\'', '.', ',', ';']);
        // A closing bracket belongs to the address when it closes one opened in it: /Sakhalin_(island).
        if trimmed.ends_with(')') && trimmed.matches(')').count() > trimmed.matches('(').count() {
            trimmed = &trimmed[..trimmed.len() - 1];
        }
        if trimmed == before {
            break;
        }
    }
    // An address with a user name ("https://mofa.go.jp@evil.example") hides its real host.
    let parsed = url::Url::parse(trimmed).ok().filter(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some_and(|h| !h.is_empty())
            && u.username().is_empty()
            && u.password().is_none()
    });
    Some(parsed.map(String::from).ok_or_else(|| word.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_terminal_escapes_and_bidi() {
        let hostile = "q\u{1b}[2J\u{1b}]8;;https://evil\u{7}link\u{1b}]8;;\u{7}\u{2067}x\u{2069}\u{9b}";
        let shown = clean(hostile);
        assert!(shown.chars().all(|c| !c.is_control()), "{shown:?}");
        assert!(!shown.contains('\u{2067}') && !shown.contains('\u{2069}'));
        assert_eq!(clean("日本\u{200d}👨‍👩‍👧"), "日本\u{200d}👨‍👩‍👧", "joiners stay");
    }

    #[test]
    fn literal_escapes_masked_links_and_mentions() {
        let shown =
            literal("See [Ministry of Foreign Affairs of Japan](https://evil.example/phish) <@&5> <t:0>");
        assert!(!shown.contains("](") && !shown.contains(" <@"), "{shown}");
        assert!(shown.contains("https://evil.example/phish"), "the full address stays visible: {shown}");
    }

    #[test]
    fn literal_block_marks_only_at_line_start() {
        assert_eq!(literal("1. first\n 2. second"), "1\\. first\n 2\\. second");
        assert_eq!(literal("> quote -# small"), "\\> quote -# small");
        assert_eq!(literal("in 1855. Then"), "in 1855. Then");
    }

    #[test]
    fn literal_address_ends_at_angle_bracket() {
        assert_eq!(literal("https://a.example/<@1>"), r"https://a.example/\<@1>");
    }

    #[test]
    fn literal_empty() {
        assert_eq!(literal(""), "");
    }

    #[test]
    fn web_address_keeps_balanced_brackets_and_refuses_user_names() {
        let wiki = "(see https://en.wikipedia.org/wiki/Sakhalin_(island)).";
        assert_eq!(web_address(wiki), Some(Ok("https://en.wikipedia.org/wiki/Sakhalin_(island)".into())));
        assert!(web_address("https://mofa.go.jp@evil.example/").unwrap().is_err());
    }

    #[test]
    fn clean_removes_invisible_characters() {
        assert_eq!(clean("a\u{E0041}\u{00AD}b\u{3164}c\u{2028}d"), "abc\nd");
    }

    #[test]
    fn web_address_only_http_with_host() {
        assert_eq!(web_address("http://mofa.go.jp/a_b"), Some(Ok("http://mofa.go.jp/a_b".into())));
        assert!(web_address("ftp://example.org/x").unwrap().is_err());
        assert!(web_address("https://").unwrap().is_err());
        assert!(web_address("www.example.org").unwrap().is_err(), "a bare host is not a full address");
    }
}
