//! Every `nichiro ask "..."` example in the README answers as the README says: answered, by the fact
//! whose id the same line names in backticks, in the language it asks for.

use std::process::Command;

use serde_json::Value;

/// One example: the options before the question, the question, and the fact id the line names.
struct Example {
    lang: Option<String>,
    question: String,
    fact: Option<String>,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut found = Vec::new();
    for line in readme.lines() {
        // `cargo run --release -- ask "..."`, `nichiro ask --json "..."`, inline or in a code block.
        let mut rest = line;
        while let Some(at) = rest.find(" ask ").or_else(|| rest.find("-- ask ")) {
            let after = &rest[at + rest[at..].find("ask ").unwrap() + 4..];
            let mut words = after;
            let mut lang = None;
            while let Some(option) = words.strip_prefix("--") {
                let (name, tail) = option.split_once(' ').unwrap_or((option, ""));
                words = tail.trim_start();
                if name == "lang" {
                    let (code, tail) = words.split_once(' ').unwrap_or((words, ""));
                    lang = Some(code.to_string());
                    words = tail.trim_start();
                }
            }
            let Some(quoted) = words.strip_prefix('"') else { break };
            let Some(end) = quoted.find('"') else { break };
            let question = quoted[..end].to_string();
            rest = &quoted[end + 1..];
            // The fact id is the next backticked kebab-case word on the line after the question.
            // An inline example closes its own backticks first.
            let fact = rest
                .strip_prefix('`')
                .unwrap_or(rest)
                .split('`')
                .skip(1)
                .step_by(2)
                .find(|w| {
                    w.contains('-')
                        && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                })
                .map(String::from);
            if question != "..." {
                found.push(Example { lang, question, fact });
            }
        }
    }
    found
}

#[test]
fn readme_examples_answer_as_described() {
    let examples = examples();
    assert!(examples.len() >= 8, "the README's examples were found: {}", examples.len());
    let named: Vec<&str> = examples.iter().filter_map(|e| e.fact.as_deref()).collect();
    assert!(named.len() >= 7, "{named:?} {:?}", examples.iter().map(|e| &e.question).collect::<Vec<_>>());
    for e in &examples {
        let mut args = vec!["ask", "--json"];
        if let Some(lang) = &e.lang {
            args.extend(["--lang", lang]);
        }
        args.push(&e.question);
        let out = Command::new(env!("CARGO_BIN_EXE_nichiro")).args(&args).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["answered"], true, "README example {:?} is declined: {v}", e.question);
        if let Some(fact) = &e.fact {
            assert_eq!(v["fact_id"].as_str(), Some(fact.as_str()), "README example {:?}: {v}", e.question);
        }
        if let Some(lang) = &e.lang {
            assert_eq!(v["lang"].as_str(), Some(lang.as_str()), "{v}");
        }
    }
}
