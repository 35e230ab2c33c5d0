//! Writes the generated fact base the benchmarks use (`benches/common/synthetic.rs`) to a folder,
//! with the benchmark's stream of latency questions beside it, so that the binary can be measured
//! on it: instruction counts under callgrind are the same on every run, which timings on this
//! machine are not (docs/performance.md).
//!
//! `cargo run --release --example synthetic_base -- DIR [FACTS]` writes DIR/knowledge (FACTS facts,
//! 100,000 by default) and DIR/questions.txt (2,000 questions, one a line), for
//! `nichiro --knowledge DIR/knowledge ask --json < DIR/questions.txt`.

#[path = "../benches/common/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: synthetic_base DIR [FACTS]")?);
    let facts: usize = args.next().map_or(Ok(100_000), |n| n.parse())?;
    let generated = synthetic::write_base(&dir.join("knowledge"), facts, 7);
    let questions: String = generated.latency_questions().into_iter().map(|q| q + "\n").collect();
    std::fs::write(dir.join("questions.txt"), questions)?;
    println!("{} facts in {}", facts, dir.join("knowledge").display());
    Ok(())
}
