//! `nichiro ask [--json] [QUESTION]`: one answer, or one per line of standard input.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use nichiro::answer::{Reply, Suggestion, reply};
use nichiro::search::Index;
use serde::Serialize;

/// The JSON contract of `ask --json` (one object per question).
#[derive(Serialize)]
struct JsonAnswer<'a> {
    question: &'a str,
    answered: bool,
    fact_id: Option<&'a str>,
    passage: Option<&'a str>,
    citation: Option<String>,
    section: Option<&'a str>,
    score: f32,
    suggestions: &'a [Suggestion],
}

/// How answers are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Text,
    Json,
    Explain,
}

/// Answers the question in `words`, or each line of standard input when there is none.
pub fn run(index: &Index, mode: Mode, words: &[String]) -> io::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if !words.is_empty() {
        answer(index, &words.join(" "), mode, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    // Bytes, decoded leniently: one bad line must not end the batch or shift the answers.
    for (i, line) in io::stdin().lock().split(b'\n').enumerate() {
        let line = line?;
        let text = String::from_utf8_lossy(line.strip_suffix(b"\r").unwrap_or(&line));
        if mode != Mode::Json && i > 0 {
            writeln!(out, "\n{}\n", "─".repeat(40))?;
        }
        answer(index, &text, mode, &mut out)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn answer(index: &Index, question: &str, mode: Mode, out: &mut impl Write) -> io::Result<()> {
    let reply = reply(index, &index.ask(question));
    match mode {
        Mode::Json => {
            serde_json::to_writer(&mut *out, &to_json(question, &reply))?;
            writeln!(out)
        }
        Mode::Text => write!(out, "{}", render(&reply)),
        Mode::Explain => write!(out, "{}\n{}", render(&reply), index.explain(question)),
    }
}

fn to_json<'a>(question: &'a str, reply: &'a Reply) -> JsonAnswer<'a> {
    match reply {
        Reply::Answer { fact_id, passage, references, section, confidence, more } => JsonAnswer {
            question,
            answered: true,
            fact_id: Some(fact_id),
            passage: Some(passage),
            citation: Some(references.join("; ")),
            section: Some(section),
            score: *confidence,
            suggestions: more,
        },
        Reply::Decline { confidence, suggestions } => JsonAnswer {
            question,
            answered: false,
            fact_id: None,
            passage: None,
            citation: None,
            section: None,
            score: *confidence,
            suggestions,
        },
    }
}

/// The human-readable answer: passage, numbered references, section and confidence; or a decline
/// with "did you mean" suggestions.
fn render(reply: &Reply) -> String {
    let mut text = String::new();
    match reply {
        Reply::Answer { passage, references, section, confidence, .. } => {
            text.push_str(&format!("{passage}\n\nSources:\n"));
            for line in nichiro::answer::numbered(references) {
                text.push_str(&format!("  {line}\n"));
            }
            text.push_str(&format!("\n{section} · confidence {:.0}%\n", confidence * 100.0));
        }
        Reply::Decline { confidence, suggestions } => {
            text.push_str("The fact base does not cover that question");
            text.push_str(&format!(" (best match {:.0}%).\n", confidence * 100.0));
            if !suggestions.is_empty() {
                text.push_str("Did you mean:\n");
                for s in suggestions {
                    text.push_str(&format!("  - {} ({})\n", s.question, s.fact_id));
                }
            }
        }
    }
    text
}
