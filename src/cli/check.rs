//! `nichiro check [DIR]`.

use std::path::Path;
use std::process::ExitCode;

use nichiro::knowledge::{self, KnowledgeBase, LoadError};
use nichiro::search::{Index, Settings, misrouted};

/// Validates the fact base in `dir` and checks that the matcher routes every stored question to its
/// own fact: the summary line on success, every problem otherwise.
pub fn run(dir: &Path, settings: Settings) -> ExitCode {
    match knowledge::load(dir) {
        Ok(kb) => self_consistency(dir, kb, settings),
        Err(LoadError::Invalid(problems)) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            fail(dir, &lines)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the matcher over every stored question; a question that another fact answers better (or
/// that is declined) is a problem, fixed by moving, merging or rewording facts.
fn self_consistency(dir: &Path, kb: KnowledgeBase, settings: Settings) -> ExitCode {
    let stats = kb.stats();
    let index = Index::new(kb, settings);
    let facts = index.knowledge().facts();
    let lines: Vec<String> = misrouted(&index)
        .iter()
        .map(|m| {
            let own = &facts[m.fact];
            let verdict = match m.answered_by.and_then(|hit| index.fact(hit).map(|f| (f, hit))) {
                Some((other, hit)) => format!(
                    "is answered by fact \"{}\" ({}, confidence {:.2})",
                    other.id, other.origin, hit.confidence
                ),
                None => "is declined by the matcher".to_string(),
            };
            format!("{}: question \"{}\" of fact \"{}\" {verdict}", own.origin, m.question, own.id)
        })
        .collect();
    if lines.is_empty() {
        println!("{}: ok: {stats}", dir.display());
        ExitCode::SUCCESS
    } else {
        fail(dir, &lines)
    }
}

fn fail(dir: &Path, lines: &[String]) -> ExitCode {
    for line in lines {
        eprintln!("{line}");
    }
    let n = lines.len();
    eprintln!("{}: {n} problem{} found", dir.display(), if n == 1 { "" } else { "s" });
    ExitCode::FAILURE
}
