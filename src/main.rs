//! The `nichiro` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nichiro::knowledge::{self, LoadError};

/// nichiro answers questions about Japan–Russia relations from a curated, cited fact base.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load and validate a fact base, listing every problem as file:line:column.
    Check {
        /// The fact-base directory.
        #[arg(default_value = "knowledge")]
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir } => check(&dir),
    }
}

fn check(dir: &std::path::Path) -> ExitCode {
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
