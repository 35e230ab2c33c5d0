//! The command-line contract of `nichiro ask`, `nichiro eval` and their errors, through the built binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn nichiro(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nichiro")).args(args).output().unwrap()
}

fn nichiro_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Checks every field of the JSON contract and returns the object.
fn contract(line: &str) -> Value {
    let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    assert!(v["question"].is_string(), "{v}");
    let answered = v["answered"].as_bool().expect("answered is a bool");
    for key in ["fact_id", "passage", "citation", "section"] {
        assert_eq!(v[key].is_string(), answered, "{key} is a string exactly when answered: {v}");
        assert_eq!(v[key].is_null(), !answered, "{key} is null exactly when declined: {v}");
    }
    let declined = v["declined"].as_str();
    assert_eq!(declined.is_none(), answered, "declined is a reason exactly when declined: {v}");
    assert!(declined.is_none_or(|r| ["uncovered", "tie"].contains(&r)), "{v}");
    let part = v.get("part").expect("part is always present");
    assert!(part.is_null() || answered && part.is_string(), "part is a question only in an answer: {v}");
    let score = v["score"].as_f64().expect("score is a number");
    assert!((0.0..=1.0).contains(&score), "{v}");
    for s in v["suggestions"].as_array().expect("suggestions is an array") {
        assert!(s["fact_id"].is_string() && s["question"].is_string(), "{s}");
    }
    v
}

#[test]
fn ask_human_answer_has_passage_references_confidence() {
    let out = nichiro(&["ask", "What did the 1956 Joint Declaration promise?"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("19 October 1956"), "{stdout}");
    assert!(stdout.contains("Habomai"), "{stdout}");
    assert!(stdout.contains("Sources:\n  [1] "), "{stdout}");
    assert!(stdout.contains("\"Japan–Russia relations\""), "{stdout}");
    assert!(stdout.contains("confidence "), "{stdout}");
}

#[test]
fn ask_human_decline_offers_did_you_mean() {
    let out = nichiro(&["ask", "What", "is", "the", "capital", "of", "France?"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("The fact base does not cover that question"), "{stdout}");
    assert!(stdout.contains("Did you mean:\n  - "), "{stdout}");
}

#[test]
fn ask_json_one_object() {
    let out = nichiro(&["ask", "--json", "When was the Treaty of Portsmouth signed?"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let v = contract(stdout.trim_end());
    assert_eq!(v["question"], "When was the Treaty of Portsmouth signed?");
    assert_eq!(v["answered"], true);
    assert!(v["passage"].as_str().unwrap().contains("1905"), "{v}");
    let citation = v["citation"].as_str().unwrap();
    assert!(
        citation.starts_with('"') || citation.contains(", \""),
        "a formatted reference with a quoted title: {citation}"
    );
}

#[test]
fn ask_json_declines_off_topic() {
    let out = nichiro(&["ask", "--json", "How do I install Python on Windows?"]);
    let v = contract(text(&out.stdout).trim_end());
    assert_eq!(v["answered"], false);
    assert_eq!(v["declined"], "uncovered");
}

#[test]
fn ask_tie_decline_says_the_base_cannot_choose() {
    // Each island's fact says how large its island is, and each option meets another of them: the
    // base covers the question, so "does not cover" would be untrue.
    let question = "Largest of the Kuril Islands: (a) Etorofu (b) Shikotan (c) Kunashiri";
    let v = contract(text(&nichiro(&["ask", "--json", question]).stdout).trim_end());
    assert_eq!((&v["answered"], &v["declined"]), (&false.into(), &"tie".into()), "{v}");
    assert!(v["suggestions"].as_array().unwrap().len() >= 2, "{v}");
    let said = text(&nichiro(&["ask", question]).stdout);
    assert!(said.starts_with("Two facts fit that question almost equally"), "{said}");
    assert!(!said.contains("does not cover"), "{said}");
    let japanese = text(&nichiro(&["ask", "--lang", "ja", question]).stdout);
    assert!(japanese.starts_with("どちらのことですか？"), "{japanese}");
}

#[test]
fn ask_several_questions_answers_the_first_and_says_so() {
    // No fact says what was drunk or how the weather was, so each whole message is declined well
    // below its bar; its first question is covered.
    let cases = [
        (
            "When was the Treaty of Shimoda signed and what did they drink at the banquet?",
            "When was the Treaty of Shimoda signed",
            "shimoda",
        ),
        (
            "Когда подписали Симодский трактат и что пили на банкете?",
            "Когда подписали Симодский трактат",
            "shimoda",
        ),
        ("日ソ共同宣言はいつ？その日の天気は？", "日ソ共同宣言はいつ？", "joint-declaration-1956"),
    ];
    let input: String = cases.iter().map(|(q, ..)| format!("{q}\n")).collect();
    let stdout = text(&nichiro_stdin(&["ask", "--json"], &input).stdout);
    for (line, (question, first, fact)) in stdout.lines().zip(cases) {
        let v = contract(line);
        assert_eq!((&v["question"], &v["part"]), (&question.into(), &first.into()), "{v}");
        assert!(v["fact_id"].as_str().unwrap().contains(fact), "{v}");
    }
    let said = text(&nichiro(&["ask", cases[0].0]).stdout);
    let line = "(This answers the part of your message that asks: “When was the Treaty of Shimoda signed”)";
    assert!(said.starts_with(line), "{said}");
    let one = contract(text(&nichiro(&["ask", "--json", "Who was Adam Laxman?"]).stdout).trim_end());
    assert!(one["part"].is_null(), "{one}");
}

#[test]
fn ask_several_questions_not_split_for_an_opinion_or_a_tag() {
    // Each first question alone is answered: "Who owns the Kuril Islands?" and "Gorbachev visited
    // Japan in 1991, right?".
    for question in [
        "Who owns the Kuril Islands? Give me your honest opinion.",
        "Gorbachev visited Japan in 1991, right? What did he eat at the banquet?",
    ] {
        let v = contract(text(&nichiro(&["ask", "--json", question]).stdout).trim_end());
        assert!(v["part"].is_null(), "{v}");
    }
}

#[test]
fn ask_json_lines_from_stdin_in_order() {
    let questions = ["Who was Adam Laxman?", "", "Tell me a joke", "   ", "kurill islands", "🙂"];
    let out = nichiro_stdin(&["ask", "--json"], &(questions.join("\n") + "\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), questions.len(), "{stdout}");
    for (line, q) in lines.iter().zip(questions) {
        let v = contract(line);
        assert_eq!(v["question"], q);
    }
    assert_eq!(contract(lines[0])["answered"], true);
    assert_eq!(contract(lines[1])["answered"], false);
    assert_eq!(contract(lines[2])["answered"], false);
    assert!(contract(lines[4])["passage"].as_str().unwrap().contains("Kuril"));
}

#[test]
fn ask_json_lines_survive_invalid_utf8() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["ask", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Who was Adam Laxman?\r\n\xff\xfe bad\nkurill islands\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(contract(lines[0])["question"], "Who was Adam Laxman?");
    assert_eq!(contract(lines[1])["question"], "\u{FFFD}\u{FFFD} bad");
    assert_eq!(contract(lines[2])["answered"], true);
}

#[test]
fn ask_missing_knowledge_dir_is_one_line_error() {
    let out = nichiro(&["--knowledge", "no/such/dir", "ask", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "error: fact base directory no/such/dir not found\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn ask_invalid_base_is_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("facts")).unwrap();
    std::fs::write(tmp.path().join("sources.toml"), "[a]\ntitle = \"A\"\n").unwrap();
    std::fs::write(tmp.path().join("facts/x.toml"), "[[fact]\n").unwrap();
    let out = nichiro(&["--knowledge", tmp.path().to_str().unwrap(), "ask", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: the fact base has "), "{stderr}");
    assert!(stderr.contains("; the first: ") && stderr.contains("TOML syntax error"), "{stderr}");
    assert!(stderr.contains("run `nichiro check` for all"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn ask_invalid_config_names_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("nichiro.toml");
    std::fs::write(&config, "[matching]\ndecline_bellow = 0.5\n").unwrap();
    let out = nichiro(&["--config", config.to_str().unwrap(), "ask", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("decline_bellow"), "{stderr}");
}

#[test]
fn eval_prints_misses_and_totals_line() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("set.jsonl");
    let set = concat!(
        "{\"q\": \"When was the Treaty of Portsmouth signed?\", \"expect\": [\"1905\"]}\n",
        "{\"q\": \"When was the Treaty of Portsmouth signed?\", \"expect\": [\"no such key\"]}\n",
        "{\"q\": \"What is the speed of light?\", \"expect\": null}\n",
    );
    std::fs::write(&file, set).unwrap();
    let out = nichiro(&["eval", file.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with(
        "MISS \"When was the Treaty of Portsmouth signed?\" expected [\"no such key\"]; answered "
    ));
    assert_eq!(
        lines[1],
        "answerable top-1: 1/2 = 50.0%; declined off-topic: 1/1 = 100.0%; wrong answers: 1/3 = 33.3%"
    );
}

#[test]
fn help_describes_every_subcommand() {
    let out = text(&nichiro(&["--help"]).stdout);
    for line in ["ask ", "eval ", "check "] {
        assert!(out.contains(line), "{out}");
    }
    for (sub, phrase) in [("ask", "JSON Lines"), ("eval", "question set"), ("check", "file:line:column")] {
        let help = text(&nichiro(&[sub, "--help"]).stdout);
        assert!(help.contains(phrase), "{sub}: {help}");
        assert!(help.contains("--knowledge"), "{sub}: {help}");
    }
}

#[test]
fn serve_without_token_is_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("nichiro.toml");
    std::fs::write(&config, "[discord]\napi_base = \"http://127.0.0.1:9\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["--config", config.to_str().unwrap(), "serve"])
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: no bot token: set DISCORD_TOKEN or discord.secrets_file in the config\n"
    );
}

#[test]
fn env_override_with_bad_value_names_the_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(["ask", "anything"])
        .env("NICHIRO_DISCORD_COOLDOWN_SECONDS", "soon")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: environment variable NICHIRO_DISCORD_COOLDOWN_SECONDS has an invalid value \"soon\"\n"
    );
}

/// Runs `nichiro` with `stdin`, reads the first line of its output and closes the pipe, as `| head -1`
/// does; returns how it ended. A run still going after five minutes is killed and fails the test:
/// it waits for a reader that has gone.
fn first_line_then_close(args: &[&str], stdin: Stdio) -> (std::process::ExitStatus, String, String) {
    use std::io::{BufRead, BufReader, Read};
    let mut child = Command::new(env!("CARGO_BIN_EXE_nichiro"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    for _ in 0..300 {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            return (status, first, stderr);
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    child.kill().unwrap();
    panic!("nichiro {args:?} still runs after its reader closed the pipe");
}

#[test]
fn ask_batch_ends_when_its_reader_stops_reading() {
    let path = std::env::temp_dir().join(format!("nichiro-batch-{}.txt", std::process::id()));
    std::fs::write(&path, "When was the Treaty of Shimoda signed?\n".repeat(3000)).unwrap();
    let input = std::fs::File::open(&path).unwrap();
    let (status, first, stderr) = first_line_then_close(&["ask", "--json"], Stdio::from(input));
    std::fs::remove_file(&path).unwrap();
    assert!(first.contains("treaty-of-shimoda-1855"), "{first}");
    assert!(status.success() && stderr.is_empty(), "{status}: {stderr}");
}

#[test]
fn eval_ends_quietly_when_its_reader_stops_reading() {
    let (status, first, stderr) = first_line_then_close(&["eval", "eval/dev.jsonl"], Stdio::null());
    assert!(first.starts_with("MISS"), "{first}");
    assert!(status.success() && stderr.is_empty(), "{status}: {stderr}");
}
