//! Gathering evidence: a concept's postings merged and added to the facts they touch.

use super::*;

/// The question slots of the question's language, as bits of [`Posting::questions`].
#[derive(Clone, Copy)]
pub(super) struct LanguageSlots {
    pub(super) first: u32,
    pub(super) mask: u32,
}

/// Adds a concept's posting to a fact's evidence; `n` is the concept's place in the question.
pub(super) fn add(
    e: &mut Evidence,
    p: &Posting,
    concept: &Concept,
    (n, language): (usize, LanguageSlots),
    factor: f32,
) {
    let c = concept.weight * factor;
    let covered = c * concept.coverage;
    e.any += covered;
    e.content |= concept.content;
    e.specific |= concept.content && !concept.everyday;
    if n < 64 && concept.focus {
        e.focus |= 1 << n;
    }
    if n < 64 && concept.option() {
        e.options |= 1 << n;
    }
    if p.fields() & (KEYWORD | SECTION) != 0 {
        e.keywords += covered;
    }
    if p.fields() & (PASSAGE | DATE) != 0 {
        e.passage += covered;
    }
    let matched = (p.questions() >> language.first) & language.mask;
    e.matched |= matched;
    if matched != 0 {
        e.stored += c;
    }
    for k in bits(matched) {
        e.questions[k] += c;
    }
}

/// The places of the set bits of `bits`, lowest first.
pub(super) fn bits(mut bits: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = bits.trailing_zeros() as usize;
        bits &= bits.wrapping_sub(1);
        (k < 32).then_some(k)
    })
}

/// The evidence of `fact`, touched now if it was not yet.
pub(super) fn touch<'a>(
    (slot, evidence, touched): (&mut [u32], &'a mut Vec<Evidence>, &mut Vec<u32>),
    fact: u32,
) -> &'a mut Evidence {
    let mut at = slot[fact as usize];
    if at == UNTOUCHED {
        at = evidence.len() as u32;
        slot[fact as usize] = at;
        evidence.push(Evidence::default());
        touched.push(fact);
    }
    &mut evidence[at as usize]
}

/// Finds a concept's postings in the facts touched so far (into `s.found`, by place in `s.touched`),
/// merging its alternatives. A short posting list is walked, checking each fact's slot; a long one
/// (a common word in a large base, as long as the base) is searched fact by fact instead.
pub(super) fn add_to_touched(index: &Inverted, concept: &Concept, s: &mut Scratch) {
    s.found.clear();
    s.found.resize(s.touched.len(), None);
    // About the steps of one binary search per touched fact.
    let search_cost = s.touched.len() * (usize::BITS - s.touched.len().leading_zeros()) as usize * 4;
    for &(id, factor) in &concept.alternatives {
        let postings = &index.postings[id as usize];
        let mut meet = |i: usize, p: Posting| {
            s.found[i] = Some(match s.found[i] {
                Some((mut q, f)) => {
                    q.merge(p);
                    (q, f.max(factor))
                }
                None => (p, factor),
            });
        };
        if postings.len() <= search_cost {
            for &p in postings.iter() {
                let slot = s.slot[p.fact as usize];
                if slot != UNTOUCHED {
                    meet(slot as usize, p);
                }
            }
        } else {
            for (i, &fact) in s.touched.iter().enumerate() {
                if let Ok(k) = postings.binary_search_by_key(&fact, |p| p.fact) {
                    meet(i, postings[k]);
                }
            }
        }
    }
}

/// The postings of a concept's alternatives, one per fact, keeping the best factor and all fields.
///
/// Each posting list is in fact order, so the few lists of a concept are merged, not sorted.
pub(super) fn merge_postings(
    index: &Inverted,
    concept: &Concept,
    (merged, factors): (&mut Vec<Posting>, &mut Vec<f32>),
) {
    merged.clear();
    factors.clear();
    let lists: Vec<(&[Posting], f32)> = concept
        .alternatives
        .iter()
        .map(|&(id, factor)| (index.postings[id as usize].as_slice(), factor))
        .collect();
    let mut heads = vec![0usize; lists.len()];
    loop {
        let next = lists.iter().zip(&heads).filter_map(|((list, _), &h)| list.get(h).map(|p| p.fact)).min();
        let Some(fact) = next else { break };
        let mut fact_posting = Posting::new(fact, 0, 0);
        let mut best = 0.0f32;
        for ((list, factor), h) in lists.iter().zip(heads.iter_mut()) {
            if let Some(p) = list.get(*h).filter(|p| p.fact == fact) {
                fact_posting.merge(*p);
                best = best.max(*factor);
                *h += 1;
            }
        }
        merged.push(fact_posting);
        factors.push(best);
    }
}

/// A concept with its place in the question.
pub(super) type Placed<'a> = (usize, &'a Concept);

/// The concepts that propose candidates and those that only add to the candidates found.
pub(super) fn proposers<'a>(index: &Inverted, usable: &[Placed<'a>]) -> (Vec<Placed<'a>>, Vec<Placed<'a>>) {
    let facts = index.question_weights.len();
    // The largest posting list of a concept is a lower bound on the facts it is found in.
    let frequency = |c: &Concept| {
        c.alternatives.iter().map(|&(id, _)| index.postings[id as usize].len()).max().unwrap_or(0)
    };
    let common_above = (COMMON_SHARE * facts as f32).max(MIN_COMMON_FACTS);
    // Only a specific content word may propose candidates on its own; everyday words never do, nor
    // does a lone kanji (国, 島), which is a piece of a word more often than a word.
    let lone_kanji = |c: &Concept| c.word.chars().count() == 1 && !c.word.is_ascii();
    let proposes = |c: &Concept| c.content && !lone_kanji(c) && frequency(c) as f32 <= common_above;
    let any_rare = usable.iter().any(|(_, c)| proposes(c));
    // Without a specific word, the least common content word proposes candidates, and so does what
    // the question is about: not a rarer everyday word ("истории" is rarer than "войн" in this base,
    // and the fact that counts the wars does not write it), nor a word in most facts ("Japan"),
    // which would propose nearly the whole base; failing those, the least common concept. A word
    // that says "now" only when it is the only one (the facts that write "сейчас" are not the ones
    // about what is asked now).
    let timeless = || usable.iter().filter(|(_, c)| !crate::search::lexicon::says_now(&c.word));
    let least = timeless()
        .filter(|(_, c)| c.content && frequency(c) * 2 <= facts)
        .min_by_key(|(_, c)| frequency(c))
        .or_else(|| timeless().min_by_key(|(_, c)| frequency(c)))
        .or_else(|| usable.iter().min_by_key(|(_, c)| frequency(c)))
        .map(|(n, _)| *n);
    // A chatty question's rare everyday words ("upset") must not hide the facts about what it
    // names: when no name of the question proposes, its least common one does.
    let named = |c: &Concept| c.focus && !c.option();
    let least_named = if usable.iter().any(|(_, c)| named(c) && proposes(c)) {
        None
    } else {
        usable.iter().filter(|(_, c)| named(c)).min_by_key(|(_, c)| frequency(c)).map(|(n, _)| *n)
    };
    usable.iter().partition(|(n, c)| {
        if any_rare { proposes(c) || Some(*n) == least_named } else { Some(*n) == least || named(c) }
    })
}
