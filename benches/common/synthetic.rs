//! A generated fact base of any size, written as TOML and loaded through the real loader, for
//! benchmarks that measure how matching scales. Words follow a Zipf-like law, as in real text.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so every run builds the same base.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// An index in 0..n, small ones far more often (roughly Zipf with exponent 1).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ri", "to", "mo", "su", "na", "be", "lo", "vi", "de", "sha", "ku", "ro", "ta", "ne", "pa", "zu",
    "gi", "ho", "ya", "mi", "se", "do", "fu", "re", "ga", "chi", "no", "ba", "te",
];

/// `n` distinct pseudo-words of two to four syllables.
pub fn vocabulary(n: usize, rng: &mut Rng) -> Vec<String> {
    let mut words = std::collections::BTreeSet::new();
    while words.len() < n {
        let len = 2 + rng.below(3);
        let word: String = (0..len).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
        words.insert(word);
    }
    let mut words: Vec<String> = words.into_iter().collect();
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    words
}

fn phrase(words: &[String], count: usize, rng: &mut Rng) -> String {
    (0..count).map(|_| words[rng.zipf(words.len())].as_str()).collect::<Vec<_>>().join(" ")
}

/// One generated fact's questions, for building query sets.
/// A word of `words` in Cyrillic letters, syllable by syllable.
fn cyrillic(word: &str) -> String {
    const LETTERS: &[(char, &str)] = &[
        ('a', "а"),
        ('b', "б"),
        ('c', "ч"),
        ('d', "д"),
        ('e', "е"),
        ('f', "ф"),
        ('g', "г"),
        ('h', "х"),
        ('i', "и"),
        ('k', "к"),
        ('l', "л"),
        ('m', "м"),
        ('n', "н"),
        ('o', "о"),
        ('p', "п"),
        ('r', "р"),
        ('s', "с"),
        ('t', "т"),
        ('u', "у"),
        ('v', "в"),
        ('y', "й"),
        ('z', "з"),
    ];
    word.chars().map(|c| LETTERS.iter().find(|(l, _)| *l == c).map_or("", |(_, r)| r)).collect()
}

/// A word of `words` as a Japanese compound of two kanji, the same for the same word.
fn kanji(word: &str) -> String {
    let h = word.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    [h % 2000, (h / 2000) % 2000].iter().filter_map(|k| char::from_u32(0x4E00 + k)).collect()
}

/// Japanese text of `count` words from `words`, each followed by a particle, as a passage runs.
fn japanese(words: &[String], count: usize, rng: &mut Rng) -> String {
    const PARTICLES: &[&str] = &["の", "は", "を", "に", "が", "と", "で", "から"];
    (0..count).map(|_| kanji(&words[rng.zipf(words.len())]) + PARTICLES[rng.below(PARTICLES.len())]).collect()
}

/// Russian text of `count` words from `words`.
fn russian(words: &[String], count: usize, rng: &mut Rng) -> String {
    (0..count).map(|_| cyrillic(&words[rng.zipf(words.len())])).collect::<Vec<_>>().join(" ")
}

pub struct Generated {
    pub questions: Vec<String>,
}

impl Generated {
    /// The stream of questions the latency figures are measured on: 2,000 stored questions drawn
    /// with seed 23, in turn without their first word, as their first word and a number, and whole.
    pub fn latency_questions(&self) -> Vec<String> {
        let mut rng = Rng::new(23);
        (0..2000)
            .map(|i| {
                let q = &self.questions[rng.below(self.questions.len())];
                let words: Vec<&str> = q.split(' ').collect();
                match i % 3 {
                    0 => words[1..].join(" "),
                    1 => format!("{} {}", words[0], q.len()),
                    _ => q.to_string(),
                }
            })
            .collect()
    }
}

/// A sentence of `count` words, some of them written as names (capitalised), ending with a full stop.
fn sentence(words: &[String], count: usize, rng: &mut Rng) -> String {
    let mut out: Vec<String> = (0..count).map(|_| words[rng.zipf(words.len())].clone()).collect();
    for w in out.iter_mut().skip(1) {
        if rng.below(8) == 0 {
            *w = capitalised(w);
        }
    }
    out[0] = capitalised(&out[0]);
    format!("{}.", out.join(" "))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Writes a valid fact base of `facts` facts into `dir` (files of 1,000 facts each), shaped like the
/// real one: passages of about 400 characters in three sentences with names in them, six questions
/// and ten keywords (names of one to three words) per fact.
pub fn write_base(dir: &Path, facts: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let words = vocabulary(40_000, &mut rng);
    std::fs::create_dir_all(dir.join("facts")).unwrap();
    std::fs::write(dir.join("sources.toml"), "[synthetic]\ntitle = \"Generated text\"\n").unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut all_questions = Vec::new();
    let mut file = String::new();
    for f in 0..facts {
        let mut questions = Vec::new();
        while questions.len() < 6 {
            let q = format!("{}?", phrase(&words, 4 + rng.below(5), &mut rng));
            if seen.insert(q.to_lowercase()) {
                questions.push(q);
            }
        }
        let passage: Vec<String> = (0..3).map(|_| sentence(&words, 19 + rng.below(4), &mut rng)).collect();
        let passage = passage.join(" ");
        let mut keywords: Vec<String> = Vec::new();
        while keywords.len() < 10 {
            let k = capitalised(&phrase(&words, 1 + rng.below(3), &mut rng));
            if !keywords.iter().any(|x| x.eq_ignore_ascii_case(&k)) {
                keywords.push(k);
            }
        }
        // Every fact has a Japanese and a Russian version, as the loader requires.
        let mut translated = |text: &dyn Fn(&mut Rng) -> String| {
            let mut out = Vec::new();
            while out.len() < 3 {
                let q = text(&mut rng);
                if seen.insert(q.clone()) {
                    out.push(format!("{q:?}"));
                }
            }
            out.join(", ")
        };
        let ja_questions =
            translated(&|rng: &mut Rng| format!("{}？", japanese(&words, 3 + rng.below(3), rng)));
        let ru_questions =
            translated(&|rng: &mut Rng| format!("{}?", russian(&words, 4 + rng.below(5), rng)));
        let ja = format!("{}。", japanese(&words, 55 + rng.below(10), &mut rng));
        let ru = format!("{}.", russian(&words, 60 + rng.below(5), &mut rng));
        let q: Vec<String> = questions.iter().map(|q| format!("{q:?}")).collect();
        let k: Vec<String> = keywords.iter().map(|k| format!("{k:?}")).collect();
        let _ = write!(
            file,
            "[[fact]]\nid = \"f{f}\"\nsection = \"part {}\"\npassage = {passage:?}\nsources = [{{ key = \"synthetic\" }}]\n\
             date = {}\nquestions = [{}]\nkeywords = [{}]\n\
             [fact.ja]\npassage = {ja:?}\nquestions = [{ja_questions}]\n\
             [fact.ru]\npassage = {ru:?}\nquestions = [{ru_questions}]\n\n",
            rng.below(40),
            1800 + rng.below(225),
            q.join(", "),
            k.join(", "),
        );
        all_questions.extend(questions);
        if (f + 1) % 1000 == 0 || f + 1 == facts {
            std::fs::write(dir.join(format!("facts/part-{:04}.toml", f / 1000)), &file).unwrap();
            file.clear();
        }
    }
    Generated { questions: all_questions }
}
