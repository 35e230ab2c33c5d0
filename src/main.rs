//! The `nichiro` command line: a thin adapter over the library.

mod cli;

use std::process::ExitCode;

use clap::FromArgMatches;

/// The matcher makes many small short-lived allocations per question (terms, concepts, candidates);
/// mimalloc makes a question about 10% faster than the system allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let parsed = cli::Cli::from_arg_matches(&cli::command().get_matches());
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli::run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
