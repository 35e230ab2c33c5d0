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
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2060}'..='\u{2064}'
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A member's text without control characters or direction overrides (tabs become spaces, line
/// breaks stay), for storage and terminals.
///
/// ```
/// use nichiro::display::clean;
/// assert_eq!(clean("who\u{1b}]0;owned\u{7} won\u{202e}?"), "who]0;owned won?");
/// assert_eq!(clean("a\tb\r\nc"), "a b\nc");
/// ```
pub fn clean(text: &str) -> String {
    text.chars().filter_map(|c| if c == '\t' { Some(' ') } else { (!is_hidden(c)).then_some(c) }).collect()
}

/// A member's text as Discord shows it literally: cleaned, with every markdown mark escaped, so a
/// masked link, a mention or a heading shows as the characters typed.
///
/// ```
/// use nichiro::display::literal;
/// assert_eq!(literal("[MOFA](https://evil.example)"), r"\[MOFA\]\(https://evil.example\)");
/// assert_eq!(literal("# big\n- item <@1>"), "\\# big\n\\- item \\<@1>");
/// assert_eq!(literal("Russo-Japanese War, 1904–05."), "Russo-Japanese War, 1904–05.");
/// ```
pub fn literal(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len() + cleaned.len() / 8);
    let mut line_start = true;
    let mut digits = false;
    for c in cleaned.chars() {
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
    let trimmed =
        word.trim_start_matches(['<', '(', '"', '\'']).trim_end_matches(['>', ')', '"', '\'', '.', ',', ';']);
    let parsed = url::Url::parse(trimmed)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()));
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
    fn literal_empty() {
        assert_eq!(literal(""), "");
    }

    #[test]
    fn web_address_only_http_with_host() {
        assert_eq!(web_address("http://mofa.go.jp/a_b"), Some(Ok("http://mofa.go.jp/a_b".into())));
        assert!(web_address("ftp://example.org/x").unwrap().is_err());
        assert!(web_address("https://").unwrap().is_err());
        assert!(web_address("www.example.org").unwrap().is_err(), "a bare host is not a full address");
    }
}
