//! Typo lookup: which vocabulary words are within a few edits of a word the vocabulary lacks.
//!
//! A deletion index (the SymSpell idea): every word is stored under each string obtained by deleting
//! up to `k` of its characters, so a lookup generates the query's own deletions and meets its
//! neighbours without scanning the vocabulary. Candidates are confirmed with Damerau–Levenshtein.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::sounds::russian_key;

/// Edits allowed for a word of `len` characters: none below 5, one from 5, two from 9 (as
/// Meilisearch), none past [`MAX_TYPO_WORD_CHARS`].
///
/// ```
/// use nichiro::search::typo_budget;
/// assert_eq!((typo_budget(4), typo_budget(5), typo_budget(9), typo_budget(500)), (0, 1, 2, 0));
/// ```
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        9..=MAX_TYPO_WORD_CHARS => 2,
        _ => 0,
    }
}

/// Longer "words" are not words anyone mistyped (and their deletions grow with the cube of the length).
pub const MAX_TYPO_WORD_CHARS: usize = 32;

/// Edits allowed for a vocabulary or question word: [`typo_budget`], but at most one in Cyrillic,
/// where one stem has a dozen long forms and two edits would multiply the index for little gain;
/// and one in a katakana word of four letters or more, each of which is a syllable.
fn budget(word: &str) -> usize {
    let len = word.chars().count();
    match word.chars().next() {
        Some(c) if crate::lang::is_cyrillic(c) => typo_budget(len).min(1),
        Some(c) if super::japanese::is_katakana_char(c) && (4..=MAX_TYPO_WORD_CHARS).contains(&len) => 1,
        _ => typo_budget(len),
    }
}

/// Vocabulary words indexed by their deletions. Matches must keep the first letter.
///
/// Deletions are stored as hashes in one sorted list: a collision only adds a candidate, which the
/// distance check then drops.
#[derive(Debug, Default)]
pub(crate) struct TypoIndex {
    words: Vec<(String, u32)>,
    deletions: Vec<(u64, u32)>,
    /// The Russian words by the hash of their sound key ([`russian_key`]).
    sounds: Vec<(u64, u32)>,
    /// The ids of Russian stems by the hash of their sound key, for a form the base never writes.
    stem_sounds: Vec<(u64, u32)>,
}

/// The shortest stem whose sound key is looked up: shorter keys merge too many words.
const MIN_STEM_KEY_CHARS: usize = 4;

/// The most stems a question word may sound like and still be read as one of them.
const MAX_STEMS_BY_EAR: usize = 3;

/// The sound key of a Russian stem, when it is long enough to tell words apart.
fn stem_key(stem: &str) -> Option<String> {
    russian_key(stem).filter(|k| k.chars().count() >= MIN_STEM_KEY_CHARS)
}

/// How far a Russian word spelled by ear counts from the word it stands for, in edits.
const BY_EAR_DISTANCE: usize = 2;

/// The hash of a sound key, as [`hash_without`] hashes whole words.
fn hash_key(key: &str) -> u64 {
    hash_without(&key.chars().collect::<Vec<_>>(), &[])
}

/// The values listed under `hash` in a table of (hash, value) sorted by hash.
pub(crate) fn listed_under(table: &[(u64, u32)], hash: u64) -> impl Iterator<Item = u32> + '_ {
    let start = table.partition_point(|&(h, _)| h < hash);
    table[start..].iter().take_while(move |&&(h, _)| h == hash).map(|&(_, value)| value)
}

/// The hash of `chars` with the positions in `skip` left out.
fn hash_without(chars: &[char], skip: &[usize]) -> u64 {
    let mut h = FxHasher::default();
    for (i, &c) in chars.iter().enumerate() {
        if !skip.contains(&i) {
            h.write_u32(c as u32);
        }
    }
    h.write_usize(chars.len() - skip.len());
    h.finish()
}

/// Hashes of `word` and of every string made by deleting up to `depth` (at most 2) of its characters.
fn deletion_hashes(chars: &[char], depth: usize) -> Vec<u64> {
    let n = chars.len();
    let mut out = vec![hash_without(chars, &[])];
    if depth >= 1 {
        out.extend((0..n).map(|i| hash_without(chars, &[i])));
    }
    if depth >= 2 {
        out.extend(
            (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).map(|(i, j)| hash_without(chars, &[i, j])),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl TypoIndex {
    /// Adds a word with the id it answers to; words shorter than 5 characters are not added.
    /// Call [`TypoIndex::finish`] after the last word.
    pub fn insert(&mut self, word: &str, id: u32) {
        let chars: Vec<char> = word.chars().collect();
        let k = budget(word);
        if k == 0 {
            return;
        }
        let slot = self.words.len() as u32;
        self.words.push((word.to_string(), id));
        self.deletions.extend(deletion_hashes(&chars, k).into_iter().map(|h| (h, slot)));
        if let Some(key) = russian_key(word) {
            self.sounds.push((hash_key(&key), slot));
        }
    }

    /// Adds a Russian stem (a term's own text) with its id, so that a form of the word the base never
    /// writes meets it by sound ([`TypoIndex::lookup`] with the question word's stem).
    pub fn insert_stem(&mut self, stem: &str, id: u32) {
        if let Some(key) = stem_key(stem) {
            self.stem_sounds.push((hash_key(&key), id));
        }
    }

    /// The heap memory the index holds, in bytes (approximately).
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|(w, _)| w.capacity()).sum();
        words
            + self.words.capacity() * std::mem::size_of::<(String, u32)>()
            + (self.deletions.capacity() + self.sounds.capacity() + self.stem_sounds.capacity())
                * std::mem::size_of::<(u64, u32)>()
    }

    /// Sorts the deletions for lookups.
    pub fn finish(&mut self) {
        self.deletions.sort_unstable();
        self.sounds.sort_unstable();
        self.stem_sounds.sort_unstable();
        self.stem_sounds.dedup();
    }

    /// Ids of the words nearest to `word` within its typo budget, with the distance; empty if none.
    pub fn lookup(&self, word: &str) -> Vec<(u32, usize)> {
        let chars: Vec<char> = word.chars().collect();
        let k = budget(word);
        if k == 0 {
            return Vec::new();
        }
        let mut slots: Vec<u32> = Vec::new();
        for key in deletion_hashes(&chars, k) {
            slots.extend(listed_under(&self.deletions, key));
        }
        slots.sort_unstable();
        slots.dedup();
        let mut best: Vec<(u32, usize)> = Vec::new();
        let mut best_distance = usize::MAX;
        for slot in slots {
            let (candidate, id) = &self.words[slot as usize];
            // People rarely mistype the first letter; allowing it turns real words into others
            // ("night" into "right").
            if candidate.chars().next() != chars.first().copied() {
                continue;
            }
            let allowed = k.min(budget(candidate));
            let d = strsim::damerau_levenshtein(word, candidate);
            if d == 0 || d > allowed || d > best_distance {
                continue;
            }
            if d < best_distance {
                best.clear();
                best_distance = d;
            }
            best.push((*id, d));
        }
        if best.is_empty() {
            best = self.by_ear(word);
        }
        // Several words (surfaces) may share one id.
        best.sort_unstable();
        best.dedup();
        best
    }

    /// Ids of the Russian words that sound like `word` (see [`russian_key`]), each counted as
    /// [`BY_EAR_DISTANCE`] edits away: "портсмуцкий" for "портсмутский"; failing that, of the stems
    /// that sound like its stem, so a form the base never writes meets the name's other forms
    /// ("тошибой" meets "тосиба").
    fn by_ear(&self, word: &str) -> Vec<(u32, usize)> {
        let Some(key) = russian_key(word) else { return Vec::new() };
        let same_word: Vec<(u32, usize)> = listed_under(&self.sounds, hash_key(&key))
            .map(|slot| &self.words[slot as usize])
            .filter(|(candidate, _)| candidate != word && russian_key(candidate).as_deref() == Some(&key))
            .map(|&(_, id)| (id, BY_EAR_DISTANCE))
            .collect();
        if !same_word.is_empty() {
            return same_word;
        }
        let Some(key) = stem_key(&super::normalize::stem(word)) else { return Vec::new() };
        let stems: Vec<(u32, usize)> =
            listed_under(&self.stem_sounds, hash_key(&key)).map(|id| (id, BY_EAR_DISTANCE)).collect();
        // A key that many stems share says little of which one was meant.
        if stems.len() > MAX_STEMS_BY_EAR { Vec::new() } else { stems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(words: &[&str]) -> TypoIndex {
        let mut t = TypoIndex::default();
        for (i, w) in words.iter().enumerate() {
            t.insert(w, i as u32);
            t.insert_stem(&crate::search::normalize::stem(w), i as u32);
        }
        t.finish();
        t
    }

    #[test]
    fn lookup_one_edit() {
        let t = index(&["medvedev", "vladivostok"]);
        assert_eq!(t.lookup("medvedew"), [(0, 1)]);
    }

    #[test]
    fn lookup_two_edits_for_long_words() {
        let t = index(&["nonaggression", "vladivostok"]);
        assert_eq!(t.lookup("vladivostock"), [(1, 1)]);
        assert_eq!(t.lookup("nonagresion"), [(0, 2)]);
    }

    #[test]
    fn lookup_katakana_one_letter_missed() {
        let t = index(&["ノモンハン", "ロシア"]);
        assert_eq!(t.lookup("ノモハン"), [(0, 1)]);
        // Three syllables are too short to guess at.
        assert_eq!(t.lookup("ロシヤ"), []);
    }

    #[test]
    fn lookup_transposition_counts_once() {
        let t = index(&["rebellion"]);
        assert_eq!(t.lookup("rebelion"), [(0, 1)]);
        assert_eq!(t.lookup("rebellino"), [(0, 1)]);
    }

    #[test]
    fn lookup_short_words_exact_only() {
        let t = index(&["kuril", "abe"]);
        assert!(t.lookup("abr").is_empty());
    }

    #[test]
    fn lookup_keeps_only_nearest() {
        let t = index(&["treaties", "treatise"]);
        assert_eq!(t.lookup("treatiez"), [(0, 1)]);
    }

    #[test]
    fn lookup_russian_by_ear() {
        let t = index(&["портсмутский", "сражении", "курильские"]);
        assert_eq!(t.lookup("портсмуцкий"), [(0, 2)]);
        assert_eq!(t.lookup("сроженнии"), [(1, 2)]);
        assert!(t.lookup("курские").is_empty());
    }

    #[test]
    fn lookup_russian_by_ear_other_form() {
        let t = index(&["тосиба", "тосибы", "кисида"]);
        assert_eq!(t.lookup("тошибой"), [(0, 2), (1, 2)]);
        assert_eq!(t.lookup("кишидой"), [(2, 2)]);
        // A key four stems share is no guess.
        let many = index(&["тосиба", "дасипа", "тасипа", "досиба"]);
        assert!(many.lookup("тошибой").is_empty());
        // Stems of three sounds are too short to guess at: "томов" and "домами" both stem to one.
        let short = index(&["домами"]);
        assert!(short.lookup("томов").is_empty());
    }

    #[test]
    fn lookup_multibyte() {
        let t = index(&["курильские"]);
        assert_eq!(t.lookup("курилские"), [(0, 1)]);
    }
}
