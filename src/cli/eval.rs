//! `nichiro eval FILE`: score a question set, list the misses, end with the totals line.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use nichiro::eval::{Case, Summary, judge, parse_cases};
use nichiro::search::Index;

/// The question set in `file`, or one line saying why it cannot be scored.
pub fn cases(file: &Path) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let cases = parse_cases(&text).map_err(|e| format!("{}:{e}", file.display()))?;
    if cases.is_empty() {
        return Err(format!("{}: the question set is empty", file.display()));
    }
    Ok(cases)
}

/// Scores `cases` to standard output: the misses and the totals, or with `sweep` the totals per
/// threshold.
pub fn run(index: &Index, cases: &[Case], sweep: bool) -> io::Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    if sweep {
        let thresholds: Vec<f32> = (20..=80).step_by(2).map(|t| t as f32 / 100.0).collect();
        for (t, summary) in nichiro::eval::sweep(index, cases, &thresholds) {
            writeln!(out, "decline_below = {t:.2}: {summary}")?;
        }
    } else {
        let mut summary = Summary::default();
        for case in cases {
            let verdict = judge(index, case);
            summary.add(case, &verdict);
            if !verdict.passed {
                writeln!(out, "{}", miss(index, case, &verdict))?;
            }
        }
        writeln!(out, "{summary}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The line of a case the matcher got wrong: what was expected, and what it did instead.
fn miss(index: &Index, case: &Case, verdict: &nichiro::eval::Verdict) -> String {
    let answered = match &verdict.answered {
        Some(id) => {
            let lang = nichiro::lang::Lang::of_question(&case.q);
            let passage = index.knowledge().fact(id).map_or("", |f| f.passage_in(lang));
            format!("answered {id} ({:.2}): {}", verdict.confidence, nichiro::answer::truncate(passage, 100))
        }
        None => format!("declined (best {:.2})", verdict.confidence),
    };
    match &case.expect {
        Some(keys) => format!("MISS {:?} expected {keys:?}; {answered}", case.q),
        None => format!("MISS {:?} is off-topic; {answered}", case.q),
    }
}
