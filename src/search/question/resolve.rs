//! The concept for one unit of a question: the index terms that can match it (itself, a typo's
//! correction, its relatives by prefix), its weight, and whether it is what the question is about.

use super::*;

/// The concept for one unit of a question; `name` when it was written as a name, which keeps it
/// from meeting longer words (France is not Francisco).
pub(super) fn resolve(index: &Inverted, unit: &Unit, surface: &str, name: bool) -> Option<Concept> {
    let class = match unit {
        Unit::Group(_) => Class::Content,
        Unit::Term(text, kind) => class_of(text, *kind),
    };
    if class == Class::Function {
        return None;
    }
    let concept = |alternatives: Vec<(u32, f32)>, weight: f32, content: bool| {
        let unknown = alternatives.is_empty();
        let word = surface.to_string();
        let everyday = !matches!(unit, Unit::Group(_))
            && !alternatives.is_empty()
            && alternatives.iter().all(|&(id, _)| {
                let info = &index.terms[id as usize];
                info.everyday && !info.proper && info.kind == Kind::Word
            });
        let asker = match alternatives.first() {
            // A Russian form the base lacks, met only by its relatives ("пропуск" by "пропуска"), is
            // an asker's word by its own stem; a term the base has is marked in the index.
            Some(&(_, factor)) if !surface.is_ascii() && factor < 1.0 => {
                matches!(unit, Unit::Term(text, _) if crate::search::lexicon::is_asker(text))
            }
            Some(&(id, _)) if !surface.is_ascii() => index.terms[id as usize].asker,
            _ => everyday && is_english_asker(surface),
        } || crate::search::lexicon::is_asker_form(surface);
        // A word of who asks and why is never what the question is about, though a passage may
        // write it as a name ("РИА Новости" makes "новости" a name).
        let focus = content && !asker && focus(index, unit, &alternatives);
        let coverage = if asker {
            ASKER_COVERAGE
        } else if everyday && surface.is_ascii() {
            EVERYDAY_COVERAGE
        } else {
            1.0
        };
        Concept {
            alternatives,
            weight,
            coverage,
            content,
            everyday,
            word,
            unknown,
            focus,
            choice: 0,
            counted: false,
            position: 0,
            name_run: 0,
            joined_to: 0,
        }
    };
    let content = class == Class::Content;
    let mut alternatives: Vec<(u32, f32)> = Vec::new();
    if let Some(id) = index.id(unit).or_else(|| short_name_adjective(index, unit)) {
        alternatives.push((id, 1.0));
    }
    if alternatives.is_empty() && class == Class::Content {
        // A word the base lacks may be a typo of one it has (looked up as written, before
        // stemming cuts it); an English word is not taken for a typo ("weather" is not
        // "whether"). A typo match counts less, and so does the word.
        let near = match unit {
            Unit::Term(_, Kind::Word) if word_level(surface).is_none() => romanised_near(index, surface),
            // A katakana name with a letter missed or doubled ("ノモハン").
            Unit::Term(text, Kind::Cjk) if is_katakana(text) => index.typos.lookup(text),
            _ => Vec::new(),
        };
        if let Some(&(_, d)) = near.first() {
            let factor = TYPO_FACTOR[(d - 1).min(1)];
            let ids: Vec<u32> = near.iter().map(|&(id, _)| id).collect();
            let weight = ids.iter().map(|&id| index.terms[id as usize].weight).fold(0.0, f32::max) * factor;
            let content = ids.iter().any(|&id| index.terms[id as usize].class == Class::Content);
            return Some(concept(ids.into_iter().map(|id| (id, 1.0)).collect(), weight, content));
        }
    }
    // A spelling that only keywords list also stands for the base's nearest words within its typo
    // budget, usually the spelling the passages and stored questions use: "putiatin" is met as
    // "putyatin" there too, not only in the keywords.
    if let (Unit::Term(_, Kind::Word), [(id, _)]) = (unit, &alternatives[..])
        && index.keyword_only(*id)
    {
        let own = *id;
        for (near, _) in index.typos.lookup(surface) {
            if near != own && !alternatives.iter().any(|(a, _)| *a == near) {
                alternatives.push((near, 1.0));
            }
        }
    }
    if let (Unit::Term(text, Kind::Word), Class::Content) = (unit, class) {
        let relatives = match alternatives.first() {
            // A Russian name declines ("визит Горбачёва"), and the stemmer cuts its forms unlike
            // ("горбачев", "горбач"): its shorter forms are the name, its longer ones other words.
            _ if name && text.starts_with(crate::lang::is_cyrillic) => index.shorter_forms(text),
            _ if name => Vec::new(),
            Some(&(id, _)) => index.relatives_of(id).to_vec(),
            // A Russian word of who asks and why the base lacks ("завтра") is no form of a word it
            // has ("завтрак"): it weighs nothing, as below.
            None if crate::search::lexicon::is_asker(text) => Vec::new(),
            None => index.prefix_relatives(text),
        };
        for id in relatives.into_iter().take(MAX_PREFIX_ALTERNATIVES) {
            if !alternatives.iter().any(|(a, _)| *a == id) {
                alternatives.push((id, PREFIX_FACTOR));
            }
        }
    }
    if let Some(&(first, factor)) = alternatives.first() {
        // A word the base has is weighed as itself; one it lacks, by the relative that would matter most.
        let weight = if factor == 1.0 {
            index.terms[first as usize].weight
        } else {
            alternatives.iter().map(|&(id, _)| index.terms[id as usize].weight).fold(0.0, f32::max) * factor
        };
        let content =
            content && alternatives.iter().any(|&(id, _)| index.terms[id as usize].class == Class::Content);
        return Some(concept(alternatives, weight, content));
    }
    // A content word the fact base never uses is evidence that the question is about something
    // else; a name (not an everyday word) is what the question is about.
    let level = surface.split(' ').map(word_level).max().flatten().filter(|_| !name);
    let ordinary = level.is_some();
    // A Russian or Japanese word of who asks and why ("序論", "огэ") says nothing of the subject,
    // known to the base or not.
    let content = content && !matches!(unit, Unit::Term(text, _) if crate::search::lexicon::is_asker(text));
    let russian = surface.chars().next().is_some_and(crate::lang::is_cyrillic);
    let factor = match level {
        Some(_) if russian => RUSSIAN_UNKNOWN_FACTOR,
        Some(l) if l <= EVERYDAY_LEVEL => COMMON_UNKNOWN_FACTOR,
        Some(_) => ENGLISH_UNKNOWN_FACTOR,
        None => UNKNOWN_WORD_FACTOR,
    };
    let weight = if content { index.unknown_weight * factor } else { 0.0 };
    let mut c = concept(Vec::new(), weight, content);
    c.focus = content && !ordinary;
    Some(c)
}

/// The name a Russian adjective the base lacks is made from, when the name is too short for the
/// stemmer to cut the adjective back to it: "оцуский" (of Ōtsu) is "Оцу". Only a name the passages
/// write capitalised counts, so "риск" is no adjective of some "ри".
fn short_name_adjective(index: &Inverted, unit: &Unit) -> Option<u32> {
    let Unit::Term(text, Kind::Word) = unit else { return None };
    let base = crate::search::normalize::adjective_base(text)?;
    if base.chars().count() < 2 || !base.chars().all(crate::lang::is_cyrillic) {
        return None;
    }
    // The name as the passages' words were stemmed ("Оцу" is "оц").
    let id = index.term_id(&crate::search::normalize::stem(base))?;
    index.terms[id as usize].proper.then_some(id)
}

/// The known words nearest a word the base lacks, trying it as written and then as the other
/// romanisations write it; a romanisation the base has as it stands ("hasan" → "khasan") counts
/// as one letter off.
pub(super) fn romanised_near(index: &Inverted, surface: &str) -> Vec<(u32, usize)> {
    for (n, variant) in transliterations(surface).iter().enumerate() {
        let exact = (n > 0).then(|| index.term_id(&crate::search::normalize::stem(variant))).flatten();
        if let Some(id) = exact {
            return vec![(id, 1)];
        }
        let near = index.typos.lookup(variant);
        if !near.is_empty() {
            return near;
        }
    }
    Vec::new()
}

/// A word as written, then as the other common romanisations would write it (Hasan / Khasan,
/// Halhin / Khalkhin, Jalta / Yalta, Cushima / Tsushima), for typo lookups: the first letter is
/// otherwise never changed.
pub(super) fn transliterations(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    const SWAPS: &[(&str, &str)] = &[
        ("h", "kh"),
        ("kh", "h"),
        ("j", "y"),
        ("y", "j"),
        ("j", "zh"),
        ("zh", "j"),
        ("c", "ts"),
        ("ts", "c"),
        ("z", "ts"),
    ];
    for (from, to) in SWAPS {
        if let Some(rest) = word.strip_prefix(from) {
            out.push(format!("{to}{rest}"));
        }
    }
    // Japanese ん before b or p is written m by Hepburn and n by others (Dembei / Denbei, Дэмбэй /
    // Дэнбэй): anywhere in the word.
    const NASALS: &[(&str, &str)] = &[
        ("mb", "nb"),
        ("nb", "mb"),
        ("mp", "np"),
        ("np", "mp"),
        ("мб", "нб"),
        ("нб", "мб"),
        ("мп", "нп"),
        ("нп", "мп"),
    ];
    for (from, to) in NASALS {
        if word.contains(from) {
            out.push(word.replace(from, to));
        }
    }
    out
}

/// The most facts a name may be used in and still tell facts apart (see [`FOCUS_MAX_SHARE`]).
pub(crate) fn most_facts_for_a_name(index: &Inverted) -> usize {
    (FOCUS_MAX_SHARE * index.question_weights.len() as f32).max(1.0) as usize
}

/// Whether a known concept is part of what the question is about: a number, a synonym group (the
/// base's names for one thing: KAL 007, the Soviet Union), or a name the passages use (a word they
/// write capitalised); in each case only if few facts use it.
fn focus(index: &Inverted, unit: &Unit, alternatives: &[(u32, f32)]) -> bool {
    if matches!(unit, Unit::Term(_, Kind::Number)) {
        return true;
    }
    let most = most_facts_for_a_name(index);
    let group = matches!(unit, Unit::Group(_));
    alternatives
        .iter()
        .filter(|(_, f)| *f == 1.0)
        .any(|&(id, _)| (group && index.postings[id as usize].len() <= most) || rare_name(index, id, most))
}

/// Whether term `id` is a name the passages write capitalised, used in at most `most` facts (see
/// [`most_facts_for_a_name`]).
pub(crate) fn rare_name(index: &Inverted, id: u32, most: usize) -> bool {
    index.terms[id as usize].proper && index.postings[id as usize].len() <= most
}
