//! `nichiro check [DIR]`.

use std::path::Path;
use std::process::ExitCode;

use nichiro::knowledge::{self, LoadError};

/// Validates the fact base in `dir`: the summary line on success, every problem otherwise.
pub fn run(dir: &Path) -> ExitCode {
    match knowledge::load(dir) {
        Ok(kb) => {
            println!("{}: ok: {}", dir.display(), kb.stats());
            ExitCode::SUCCESS
        }
        Err(LoadError::Invalid(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let n = problems.len();
            eprintln!("{}: {n} problem{} found", dir.display(), if n == 1 { "" } else { "s" });
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
