//! Typo lookup: which vocabulary words are within a few edits of a word the vocabulary lacks.
//!
//! A deletion index (the SymSpell idea): every word is stored under each string obtained by deleting
//! up to `k` of its characters, so a lookup generates the query's own deletions and meets its
//! neighbours without scanning the vocabulary. Candidates are confirmed with Damerau–Levenshtein.

use std::collections::HashMap;

/// Edits allowed for a word of `len` characters: none below 5, one from 5, two from 9 (as Meilisearch).
///
/// ```
/// use nichiro::search::typo_budget;
/// assert_eq!((typo_budget(4), typo_budget(5), typo_budget(9)), (0, 1, 2));
/// ```
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Vocabulary words indexed by their deletions. Matches must keep the first letter.
#[derive(Debug, Default)]
pub(crate) struct TypoIndex {
    words: Vec<(String, u32)>,
    deletions: HashMap<String, Vec<u32>>,
}

fn deletions(word: &[char], depth: usize, out: &mut Vec<String>) {
    if depth == 0 || word.len() <= 1 {
        return;
    }
    for i in 0..word.len() {
        let mut shorter = word.to_vec();
        shorter.remove(i);
        let s: String = shorter.iter().collect();
        if !out.contains(&s) {
            out.push(s);
            deletions(&shorter, depth - 1, out);
        }
    }
}

impl TypoIndex {
    /// Adds a word with the id it answers to; words shorter than 5 characters are not added.
    pub fn insert(&mut self, word: &str, id: u32) {
        let chars: Vec<char> = word.chars().collect();
        let k = typo_budget(chars.len());
        if k == 0 {
            return;
        }
        let slot = self.words.len() as u32;
        self.words.push((word.to_string(), id));
        let mut keys = vec![word.to_string()];
        deletions(&chars, k, &mut keys);
        for key in keys {
            self.deletions.entry(key).or_default().push(slot);
        }
    }

    /// Ids of the words nearest to `word` within its typo budget, with the distance; empty if none.
    pub fn lookup(&self, word: &str) -> Vec<(u32, usize)> {
        let chars: Vec<char> = word.chars().collect();
        let k = typo_budget(chars.len());
        if k == 0 {
            return Vec::new();
        }
        let mut keys = vec![word.to_string()];
        deletions(&chars, k, &mut keys);
        let mut best: Vec<(u32, usize)> = Vec::new();
        let mut best_distance = usize::MAX;
        let mut seen: Vec<u32> = Vec::new();
        for key in &keys {
            for &slot in self.deletions.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                if seen.contains(&slot) {
                    continue;
                }
                seen.push(slot);
                let (candidate, id) = &self.words[slot as usize];
                // People rarely mistype the first letter; allowing it turns real words into others
                // ("night" into "right").
                if candidate.chars().next() != word.chars().next() {
                    continue;
                }
                let budget = k.min(typo_budget(candidate.chars().count()));
                let d = strsim::damerau_levenshtein(word, candidate);
                if d == 0 || d > budget || d > best_distance {
                    continue;
                }
                if d < best_distance {
                    best.clear();
                    best_distance = d;
                }
                best.push((*id, d));
            }
        }
        best.sort_unstable();
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(words: &[&str]) -> TypoIndex {
        let mut t = TypoIndex::default();
        for (i, w) in words.iter().enumerate() {
            t.insert(w, i as u32);
        }
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
    fn lookup_multibyte() {
        let t = index(&["курильские"]);
        assert_eq!(t.lookup("курилские"), [(0, 1)]);
    }
}
