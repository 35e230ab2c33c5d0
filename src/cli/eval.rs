//! `nichiro eval FILE`: score a question set, list the misses, end with the totals line.

use std::path::Path;
use std::process::ExitCode;

use nichiro::eval::{Summary, judge, parse_cases};
use nichiro::search::Index;

/// Scores the question set in `file`: its misses and totals, or with `sweep` the totals per threshold.
pub fn run(index: &Index, file: &Path, sweep: bool) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let cases = parse_cases(&text).map_err(|e| format!("{}:{e}", file.display()))?;
    if cases.is_empty() {
        return Err(format!("{}: the question set is empty", file.display()));
    }
    if sweep {
        let thresholds: Vec<f32> = (20..=80).step_by(2).map(|t| t as f32 / 100.0).collect();
        for (t, summary) in nichiro::eval::sweep(index, &cases, &thresholds) {
            println!("decline_below = {t:.2}: {summary}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut summary = Summary::default();
    for case in &cases {
        let verdict = judge(index, case);
        summary.add(case, &verdict);
        if verdict.passed {
            continue;
        }
        let answered = match &verdict.answered {
            Some(id) => {
                let lang = nichiro::lang::Lang::of_question(&case.q);
                let passage = index.knowledge().fact(id).map_or("", |f| f.passage_in(lang));
                format!(
                    "answered {id} ({:.2}): {}",
                    verdict.confidence,
                    nichiro::answer::truncate(passage, 100)
                )
            }
            None => format!("declined (best {:.2})", verdict.confidence),
        };
        match &case.expect {
            Some(keys) => println!("MISS {:?} expected {keys:?}; {answered}", case.q),
            None => println!("MISS {:?} is off-topic; {answered}", case.q),
        }
    }
    println!("{summary}");
    Ok(ExitCode::SUCCESS)
}
