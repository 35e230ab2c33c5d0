//! Russian words spelled as they sound: the key under which a misspelling written by ear
//! ("портсмуцкий", "сроженнии", "зделать") meets the word it stands for ("портсмутский",
//! "сражении", "сделать"), although it is two or more letters away.

/// The sound key of a Russian word: unstressed vowels merged (о with а; е, э, я, ы with и; ю with
/// у), voiced consonants written as their voiceless pairs, soft and hard signs dropped, "тс" as
/// "ц", and doubled letters once; the two ways of writing Japanese names in Cyrillic merged too
/// (ч with т; ш, ж, дж and дз with с). `None` for a word with other letters than Cyrillic.
///
/// The key is used only for a word the base lacks, after the one-edit typo lookup found nothing:
/// it merges many real words ("мир" and "мер"), so it never decides between words that exist.
pub(crate) fn russian_key(word: &str) -> Option<String> {
    // Japanese names are written both the Polivanov way (Синдзо, Хэйхатиро, Мицубиси) and the
    // English way (Шинзо, Хейхачиро, Мицубиши): дз and дж as з, ч as т, ш and ж as с.
    let mut merged = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'д' && chars.next_if(|&n| n == 'з' || n == 'ж').is_some() {
            merged.push('с');
            continue;
        }
        let sound = match c {
            'о' => 'а',
            'е' | 'ё' | 'э' | 'я' | 'ы' => 'и',
            'ю' => 'у',
            'б' => 'п',
            'в' => 'ф',
            'г' => 'к',
            'д' => 'т',
            'ж' | 'ш' => 'с',
            'ч' => 'т',
            'з' => 'с',
            'ь' | 'ъ' => continue,
            c if ('а'..='я').contains(&c) => c,
            _ => return None,
        };
        merged.push(sound);
    }
    let merged = merged.replace("тс", "ц");
    let mut key = String::with_capacity(merged.len());
    for c in merged.chars() {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_key_written_by_ear() {
        assert_eq!(russian_key("портсмуцкий"), russian_key("портсмутский"));
        assert_eq!(russian_key("сроженнии"), russian_key("сражении"));
        assert_eq!(russian_key("зделать"), russian_key("сделать"));
        assert_eq!(russian_key("хейхачиро"), russian_key("хэйхатиро"));
        assert_eq!(russian_key("шинзо"), russian_key("синдзо"));
        assert_eq!(russian_key("порт-артур"), None);
    }

    #[test]
    fn russian_key_keeps_consonants_apart() {
        assert_ne!(russian_key("мир"), russian_key("мол"));
        assert_ne!(russian_key("курилы"), russian_key("кубы"));
    }

    #[test]
    fn russian_key_other_scripts() {
        assert_eq!(russian_key("tsushima"), None);
        assert_eq!(russian_key(""), Some(String::new()));
    }
}
