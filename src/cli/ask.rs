//! `nichiro ask [--json] [QUESTION]`: one answer, or one per line of standard input.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};

use nichiro::answer::{Reply, Suggestion, reply};
use nichiro::i18n::strings;
use nichiro::lang::Lang;
use nichiro::search::{Index, Unsure};
use serde::Serialize;

/// The JSON contract of `ask --json` (one object per question).
#[derive(Serialize)]
struct JsonAnswer<'a> {
    question: &'a str,
    lang: Lang,
    answered: bool,
    fact_id: Option<&'a str>,
    passage: Option<&'a str>,
    citation: Option<String>,
    section: Option<&'a str>,
    score: f32,
    /// Why the question was declined; `null` when it was answered.
    declined: Option<Unsure>,
    /// The question answered, when the message asked several and only its first was answered;
    /// `null` otherwise.
    part: Option<&'a str>,
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
/// Answers are in `lang`, or in each question's own language.
pub fn run(index: &Index, mode: Mode, lang: Option<Lang>, words: &[String]) -> io::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let how = How { mode, lang };
    if !words.is_empty() {
        answer(index, &words.join(" "), how, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if io::IsTerminal::is_terminal(&io::stdin()) {
        // Nobody is piping questions in: waiting silently would look like a hang.
        eprintln!("{TTY_HINT}");
        return Ok(ExitCode::from(2));
    }
    answer_lines(index, how, &mut out)?;
    Ok(ExitCode::SUCCESS)
}

/// What `nichiro ask` without a question says when standard input is a terminal.
const TTY_HINT: &str = "usage: nichiro ask \"QUESTION\" (e.g. nichiro ask \"When was the Treaty of Portsmouth signed?\"), or pipe questions in, one per line";

/// How to answer: the output mode, and the language if one was chosen.
#[derive(Clone, Copy)]
struct How {
    mode: Mode,
    lang: Option<Lang>,
}

/// Lines read ahead into one piece of work for a worker, at most.
const CHUNK: usize = 256;

/// Answers each line of standard input, in order, on all cores: a reader hands out runs of lines,
/// a worker per core answers them, and this thread writes the answers back in input order. A run
/// ends when no more input is buffered, so a pipe used one question at a time gets each answer at
/// once, while a long batch goes in runs of [`CHUNK`] lines.
fn answer_lines(index: &Index, how: How, out: &mut impl Write) -> io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<(usize, Vec<String>)>(workers * 2);
    // Only the workers hold the receiver: when they stop because the answers can no longer be
    // written (`| head` closed the pipe), it is dropped and the reader's next send fails, so the
    // reader stops too instead of waiting for room forever.
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (answer_tx, answer_rx) = mpsc::channel::<Answers>();
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_chunks(&chunk_tx));
        for _ in 0..workers {
            let (chunk_rx, answer_tx) = (Arc::clone(&chunk_rx), answer_tx.clone());
            scope.spawn(move || {
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((first, lines))) = next else { break };
                    let mut text = Vec::new();
                    let written = lines.iter().enumerate().try_for_each(|(k, question)| {
                        if how.mode != Mode::Json && first + k > 0 {
                            writeln!(text, "\n{}\n", "─".repeat(40))?;
                        }
                        answer(index, question, how, &mut text)
                    });
                    if answer_tx.send((first, lines.len(), written.map(|()| text))).is_err() {
                        break;
                    }
                }
            });
        }
        drop((answer_tx, chunk_rx));
        let written = write_in_order(&answer_rx, out);
        // On a write error, stop the workers (their sends fail) before waiting for the reader.
        drop(answer_rx);
        let read = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.and(read)
    })
}

/// Reads standard input into runs of lines numbered from the first: up to [`CHUNK`] lines, and
/// no more than are already buffered.
fn read_chunks(chunks: &mpsc::SyncSender<(usize, Vec<String>)>) -> io::Result<()> {
    let mut input = io::BufReader::with_capacity(1 << 16, io::stdin());
    let mut line = Vec::new();
    let (mut first, mut lines) = (0, Vec::new());
    loop {
        line.clear();
        let end = input.read_until(b'\n', &mut line)? == 0;
        if !end {
            // Bytes, decoded leniently: one bad line must not end the batch or shift the answers.
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            lines.push(String::from_utf8_lossy(text.strip_suffix(b"\r").unwrap_or(text)).into_owned());
        }
        if !lines.is_empty() && (end || lines.len() == CHUNK || input.buffer().is_empty()) {
            let run = std::mem::take(&mut lines);
            let n = run.len();
            if chunks.send((first, run)).is_err() {
                return Ok(());
            }
            first += n;
        }
        if end {
            return Ok(());
        }
    }
}

/// Runs of answers: the number of the run's first line, how many lines, and the answers' text.
type Answers = (usize, usize, io::Result<Vec<u8>>);

/// Writes the runs of answers coming from `answers` in input order, flushing whenever none is
/// waiting to be received.
fn write_in_order(answers: &mpsc::Receiver<Answers>, out: &mut impl Write) -> io::Result<()> {
    let mut waiting: BTreeMap<usize, (usize, Vec<u8>)> = BTreeMap::new();
    let mut next = 0;
    loop {
        let (first, count, text) = match answers.try_recv() {
            Ok(answer) => answer,
            Err(mpsc::TryRecvError::Empty) => {
                out.flush()?;
                match answers.recv() {
                    Ok(answer) => answer,
                    Err(_) => break,
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => break,
        };
        waiting.insert(first, (count, text?));
        while let Some((count, text)) = waiting.remove(&next) {
            out.write_all(&text)?;
            next += count;
        }
    }
    out.flush()
}

fn answer(index: &Index, question: &str, how: How, out: &mut impl Write) -> io::Result<()> {
    let lang = how.lang.unwrap_or_else(|| Lang::of_question(question));
    let reply = reply(index, &index.ask(question), lang);
    match how.mode {
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
        Reply::Answer { fact_id, passage, references, section, confidence, more, lang, part } => JsonAnswer {
            question,
            lang: *lang,
            answered: true,
            fact_id: Some(fact_id),
            passage: Some(passage),
            citation: Some(references.join("; ")),
            section: Some(section),
            score: *confidence,
            declined: None,
            part: part.as_deref(),
            suggestions: more,
        },
        Reply::Decline { confidence, suggestions, reason, lang } => JsonAnswer {
            question,
            lang: *lang,
            answered: false,
            fact_id: None,
            passage: None,
            citation: None,
            section: None,
            score: *confidence,
            declined: Some(*reason),
            part: None,
            suggestions,
        },
    }
}

/// The human-readable answer: passage, numbered references, section and confidence; or a decline
/// with "did you mean" suggestions.
fn render(reply: &Reply) -> String {
    let mut text = String::new();
    let words = strings(reply.lang());
    match reply {
        Reply::Answer { passage, references, section, confidence, part, .. } => {
            if let Some(question) = part {
                text.push_str(&format!("({})\n\n", words.answering_part(question)));
            }
            text.push_str(&format!("{passage}\n\n{}:\n", words.sources));
            for line in nichiro::answer::numbered(references) {
                text.push_str(&format!("  {line}\n"));
            }
            text.push_str(&format!("\n{section} · {} {:.0}%\n", words.confidence, confidence * 100.0));
        }
        Reply::Decline { confidence, suggestions, reason, .. } => {
            let percent = confidence * 100.0;
            match (reply.lang(), reason) {
                (Lang::En, Unsure::Uncovered) => text.push_str(&format!(
                    "The fact base does not cover that question (best match {percent:.0}%).\n"
                )),
                (Lang::En, Unsure::Tie) => text.push_str(&format!(
                    "Two facts fit that question almost equally (best match {percent:.0}%); which one do you mean?\n"
                )),
                _ => text.push_str(&format!("{} ({percent:.0}%)\n", words.decline(*reason).0)),
            }
            if !suggestions.is_empty() {
                text.push_str(words.did_you_mean);
                text.push('\n');
                for s in suggestions {
                    text.push_str(&format!("  - {} ({})\n", s.question, s.fact_id));
                }
            }
        }
    }
    text
}
