//! The languages nichiro answers in, and the language a question is written in.

use std::fmt;

/// A language of the fact base and of the bot's replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the fact base's first language.
    #[default]
    En,
    /// Japanese.
    Ja,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Ru];

    /// The language's ISO 639-1 code.
    ///
    /// ```
    /// assert_eq!(nichiro::lang::Lang::Ja.code(), "ja");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ru => "ru",
        }
    }

    /// The language of a code or a locale ("ja", "ru", "en-US", "en-GB"); `None` for others.
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_code("RU"), Some(Lang::Ru));
    /// assert_eq!(Lang::from_code("fr"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language a text is written in, by its script: kana and kanji are Japanese, Cyrillic is
    /// Russian, Latin letters are English (a kanji counts as two letters, since a name in kanji in an
    /// English question is as long as its romanisation); `None` when the text has no letters at all.
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// assert_eq!(Lang::of_text("北方領土はどこの国のもの？"), Some(Lang::Ja));
    /// assert_eq!(Lang::of_text("Когда был подписан Портсмутский мир?"), Some(Lang::Ru));
    /// assert_eq!(Lang::of_text("Who owns the Kurils?"), Some(Lang::En));
    /// assert_eq!(Lang::of_text("1905?"), None);
    /// ```
    pub fn of_text(text: &str) -> Option<Lang> {
        let (mut latin, mut cyrillic, mut japanese) = (0usize, 0usize, 0usize);
        for c in text.chars() {
            match c {
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => latin += 1,
                c if is_cyrillic(c) => cyrillic += 1,
                c if is_kanji(c) => japanese += 2,
                c if is_japanese(c) => japanese += 1,
                _ => {}
            }
        }
        let most = latin.max(cyrillic).max(japanese);
        if most == 0 {
            None
        } else if japanese == most {
            Some(Lang::Ja)
        } else if cyrillic == most {
            Some(Lang::Ru)
        } else {
            Some(Lang::En)
        }
    }

    /// The language a question is read and answered in: its script's, English when it has no letters.
    ///
    /// ```
    /// use nichiro::lang::Lang;
    /// assert_eq!(Lang::of_question("いつ？"), Lang::Ja);
    /// assert_eq!(Lang::of_question("1905?"), Lang::En);
    /// ```
    pub fn of_question(text: &str) -> Lang {
        Lang::of_text(text).unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Whether `c` is a Cyrillic letter.
///
/// ```
/// assert!(nichiro::lang::is_cyrillic('ж') && !nichiro::lang::is_cyrillic('z'));
/// ```
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Whether `c` is written only in Japanese text: kana (half-width too), kanji, and 々.
///
/// ```
/// use nichiro::lang::is_japanese;
/// assert!(is_japanese('の') && is_japanese('ポ') && is_japanese('露') && !is_japanese('ж'));
/// ```
pub fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3005}' | '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
        || is_kanji(c)
}

/// Whether `c` is a kanji (a CJK ideograph).
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}`: use en, ja or ru"))
    }
}
