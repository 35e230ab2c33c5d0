//! `nichiro check` against small fact bases, each broken in one way: the exact location and message.

use std::path::Path;
use std::process::Command;

#[path = "common/translated.rs"]
mod translated;
use translated::translated;

const SOURCES: &str = r#"[wikipedia]
title = "Japan–Russia relations"
url = "https://en.wikipedia.org/wiki/Japan%E2%80%93Russia_relations"
licence = "CC BY-SA 4.0"
"#;

const PACT: &str = r#"[[fact]]
id = "neutrality-pact"
section = "Soviet era"
passage = "The Soviet–Japanese Neutrality Pact was signed in Moscow on 13 April 1941."
sources = [{ key = "wikipedia", at = "Introduction" }]
date = "1941-04-13"
questions = ["What was the neutrality pact?", "When was the 1941 pact signed?", "Who signed it?", "neutrality pact"]
keywords = ["Neutrality Pact", "日ソ中立条約"]
"#;

const WAR: &str = r#"[[fact]]
id = "russo-japanese-war"
section = "Tsarist era"
passage = "The Russo-Japanese War of 1904–1905 ended in a Japanese victory."
sources = [{ key = "wikipedia" }]
from = "1904-02"
to = "1905-09"
questions = ["Who won the Russo-Japanese War?", "When was the Russo-Japanese War?", "Did Japan win?", "russo japanese war"]
keywords = ["Russo-Japanese War"]
"#;

/// Writes a base under a fresh temporary directory as `kb/`, with `facts` as `kb/facts/<name>`.
fn base(sources: &str, facts: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let kb = tmp.path().join("kb");
    std::fs::create_dir_all(kb.join("facts")).unwrap();
    std::fs::write(kb.join("sources.toml"), sources).unwrap();
    for (name, text) in facts {
        std::fs::write(kb.join("facts").join(name), translated(text)).unwrap();
    }
    tmp
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: Vec<String>,
}

fn check_in(dir: &Path, arg: &str) -> Run {
    let out =
        Command::new(env!("CARGO_BIN_EXE_nichiro")).args(["check", arg]).current_dir(dir).output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap().lines().map(String::from).collect(),
    }
}

/// Runs `nichiro check kb` and returns its problem lines (without the closing count line).
fn problems(tmp: &tempfile::TempDir) -> Vec<String> {
    let run = check_in(tmp.path(), "kb");
    assert_eq!(run.code, Some(1), "check must fail; stdout: {}", run.stdout);
    let (last, lines) = run.stderr.split_last().expect("a closing line");
    assert_eq!(
        last,
        &format!("kb: {} problem{} found", lines.len(), if lines.len() == 1 { "" } else { "s" })
    );
    lines.to_vec()
}

fn one_problem(tmp: &tempfile::TempDir) -> String {
    let mut p = problems(tmp);
    assert_eq!(p.len(), 1, "expected one problem, got {p:#?}");
    p.remove(0)
}

#[test]
fn check_valid_base_prints_summary() {
    let tmp = base(SOURCES, &[("a.toml", &format!("{PACT}\n{WAR}"))]);
    let run = check_in(tmp.path(), "kb");
    assert_eq!(run.code, Some(0), "{:?}", run.stderr);
    assert_eq!(run.stdout, "kb: ok: 2 facts, 1 sources, 8 questions, 2 sections, 0 synonym groups\n");
}

#[test]
fn check_toml_syntax_error() {
    let broken = PACT.replace(r#"id = "neutrality-pact""#, r#"id = "neutrality-pact"#);
    let tmp = base(SOURCES, &[("a.toml", &broken), ("b.toml", WAR)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:2:22: TOML syntax error: invalid basic string, expected `\"`"
    );
}

#[test]
fn check_unknown_field_with_suggestion() {
    let broken = PACT.replace("passage =", "pasage =");
    let tmp = base(SOURCES, &[("a.toml", &broken), ("b.toml", WAR)]);
    assert_eq!(
        problems(&tmp),
        [
            "kb/facts/a.toml:1:1: [[fact]] \"neutrality-pact\": missing field `passage`",
            "kb/facts/a.toml:4:1: unknown field `pasage` in [[fact]] \"neutrality-pact\": did you mean `passage`?",
        ]
    );
}

#[test]
fn check_unknown_field_in_citation() {
    let broken = PACT.replace(r#"at = "Introduction""#, r#"page = 3"#);
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:5:33: unknown field `page` in a source citation: expected one of key, at"
    );
}

#[test]
fn check_missing_field() {
    let broken = PACT.replace("section = \"Soviet era\"\n", "");
    let tmp = base(SOURCES, &[("a.toml", &broken), ("b.toml", WAR)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:1:1: [[fact]] \"neutrality-pact\": missing field `section`"
    );
}

#[test]
fn check_duplicate_id_names_both_places() {
    let dup = WAR.replace("russo-japanese-war", "neutrality-pact").replace("Russo-Japanese War?", "war?");
    let tmp = base(SOURCES, &[("a.toml", PACT), ("b.toml", &dup)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/b.toml:2:6: duplicate fact id \"neutrality-pact\": also defined at kb/facts/a.toml:2:6"
    );
}

#[test]
fn check_unresolved_source_key() {
    let broken = PACT.replace(r#"key = "wikipedia""#, r#"key = "wikipeda""#);
    let tmp = base(SOURCES, &[("a.toml", &broken), ("b.toml", WAR)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:5:20: unknown source key \"wikipeda\": add it to sources.toml or fix the spelling"
    );
}

/// A fact with a misspelt field does not load, but its unknown source key is still a problem of its own.
#[test]
fn check_unknown_key_and_misspelt_field_both_reported() {
    let broken =
        PACT.replace(r#"key = "wikipedia""#, r#"key = "wikipeda""#).replace("section =", "sectoin =");
    let tmp = base(SOURCES, &[("a.toml", &broken), ("b.toml", WAR)]);
    let found = problems(&tmp);
    assert!(
        found.contains(&"kb/facts/a.toml:5:20: unknown source key \"wikipeda\": add it to sources.toml or fix the spelling".to_string()),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("unknown field `sectoin`") && p.contains("did you mean `section`?")),
        "{found:?}"
    );
}

#[test]
fn check_empty_passage() {
    let broken =
        PACT.replace("The Soviet–Japanese Neutrality Pact was signed in Moscow on 13 April 1941.", "  ");
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(one_problem(&tmp), "kb/facts/a.toml:4:11: `passage` is empty");
}

#[test]
fn check_over_long_passage() {
    let long = "Word ".repeat(250);
    let broken = PACT
        .replace("The Soviet–Japanese Neutrality Pact was signed in Moscow on 13 April 1941.", long.trim());
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(one_problem(&tmp), "kb/facts/a.toml:4:11: passage is 1249 characters long; the limit is 1000");
}

#[test]
fn check_too_many_sentences() {
    let broken = PACT.replace(
        "The Soviet–Japanese Neutrality Pact was signed in Moscow on 13 April 1941.",
        "One. Two. Three. Four. Five.",
    );
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:4:11: passage has 5 sentences; the limit is 4 (split the fact)"
    );
}

#[test]
fn check_too_few_questions() {
    let broken = PACT.replace(r#", "Who signed it?", "neutrality pact"]"#, "]");
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(one_problem(&tmp), "kb/facts/a.toml:7:13: a fact needs 4–10 questions; this one has 2");
}

#[test]
fn check_question_answered_by_another_fact() {
    let b = WAR.replace("\"Did Japan win?\"", "\"When was the neutrality pact signed in Moscow?\"");
    let tmp = base(SOURCES, &[("a.toml", PACT), ("b.toml", &b)]);
    let problem = one_problem(&tmp);
    assert!(
        problem.starts_with(
            "kb/facts/b.toml:2:6: question \"When was the neutrality pact signed in Moscow?\" of fact \
             \"russo-japanese-war\" is answered by fact \"neutrality-pact\" (kb/facts/a.toml:2:6, confidence 0."
        ),
        "{problem}"
    );
}

#[test]
fn check_unit_folders_are_read() {
    let tmp = base(SOURCES, &[("a.toml", PACT)]);
    let unit = tmp.path().join("kb/facts/03-war");
    std::fs::create_dir_all(&unit).unwrap();
    std::fs::write(unit.join("war.toml"), translated(WAR)).unwrap();
    let run = check_in(tmp.path(), "kb");
    assert_eq!(run.stdout, "kb: ok: 2 facts, 1 sources, 8 questions, 2 sections, 0 synonym groups\n");
}

#[test]
fn check_date_does_not_parse() {
    let broken = PACT.replace(r#"date = "1941-04-13""#, r#"date = "1941-04-31""#);
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(one_problem(&tmp), "kb/facts/a.toml:6:8: `date`: `1941-04-31` has no such day in that month");
}

#[test]
fn check_date_wrong_shape() {
    let broken = PACT.replace(r#"date = "1941-04-13""#, r#"date = "April 1941""#);
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:6:8: `date`: `April 1941` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    );
}

#[test]
fn check_dates_run_backwards() {
    let broken = WAR.replace(r#"to = "1905-09""#, "to = 1903");
    let tmp = base(SOURCES, &[("a.toml", &broken)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:7:6: dates run backwards: `to` (1903) is before `from` (1904-02)"
    );
}

#[test]
fn check_reports_every_problem_not_just_the_first() {
    let a = PACT
        .replace(r#"key = "wikipedia""#, r#"key = "nope""#)
        .replace(r#"date = "1941-04-13""#, r#"date = "1941-13""#);
    let b = WAR.replace("pasage", "").replace("section =", "sektion =");
    let c = "[[fact]\n";
    let tmp = base(SOURCES, &[("a.toml", &a), ("b.toml", &b), ("c.toml", c)]);
    assert_eq!(
        problems(&tmp),
        [
            "kb/facts/a.toml:5:20: unknown source key \"nope\": add it to sources.toml or fix the spelling",
            "kb/facts/a.toml:6:8: `date`: `1941-13` has no such month (months run 01–12)",
            "kb/facts/b.toml:1:1: [[fact]] \"russo-japanese-war\": missing field `section`",
            "kb/facts/b.toml:3:1: unknown field `sektion` in [[fact]] \"russo-japanese-war\": did you mean `section`?",
            "kb/facts/c.toml:1:8: TOML syntax error: unclosed array table, expected `]`",
        ]
    );
}

#[test]
fn check_duplicate_question_across_facts() {
    let b = WAR.replace("russo japanese war", "neutrality pact");
    let tmp = base(SOURCES, &[("a.toml", PACT), ("b.toml", &b)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/b.toml:2:6: question \"neutrality pact\" is also a question of fact \"neutrality-pact\" \
         (kb/facts/a.toml:2:6)"
    );
}

#[test]
fn check_related_must_resolve() {
    let a = PACT.replace("keywords =", "related = [\"no-such-fact\"]\nkeywords =");
    let tmp = base(SOURCES, &[("a.toml", &a)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/a.toml:2:6: `related` names \"no-such-fact\", which is not another fact's id"
    );
}

#[test]
fn check_synonym_in_two_groups() {
    let tmp = base(SOURCES, &[("a.toml", PACT)]);
    let synonyms =
        "[[group]]\nterms = [\"ussr\", \"soviet union\"]\n\n[[group]]\nterms = [\"soviets\", \"USSR\"]\n";
    std::fs::write(tmp.path().join("kb/synonyms.toml"), synonyms).unwrap();
    assert_eq!(
        one_problem(&tmp),
        "kb/synonyms.toml:4:1: synonym \"ussr\" is also in the group at kb/synonyms.toml:1:1"
    );
}

#[test]
fn check_bad_source_url_and_kind() {
    let sources = format!("{SOURCES}kind = \"blog\"\n\n[other]\ntitle = \"X\"\nurl = \"www.example.org\"\n");
    let a = PACT.replace(
        r#"{ key = "wikipedia", at = "Introduction" }"#,
        r#"{ key = "wikipedia" }, { key = "other" }"#,
    );
    let tmp = base(&sources, &[("a.toml", &a)]);
    let p = problems(&tmp);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].starts_with("kb/sources.toml:5:8: [wikipedia]: unknown variant `blog`"), "{}", p[0]);
    assert_eq!(p[1], "kb/sources.toml:9:7: \"www.example.org\" is not a web address (http:// or https://)");
}

#[test]
fn check_missing_directory_is_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let run = check_in(tmp.path(), "absent");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr, ["error: fact base directory absent not found"]);
}

#[test]
fn check_file_without_facts() {
    let tmp = base(SOURCES, &[("a.toml", PACT), ("empty.toml", "# nothing yet\n")]);
    assert_eq!(one_problem(&tmp), "kb/facts/empty.toml:1:1: no [[fact]] tables in this file");
}

#[test]
fn check_broken_fact_does_not_cause_knock_on_errors() {
    // b.toml's fact fails to load; a.toml relates to it and it alone cites "other".
    let a = PACT.replace("keywords =", "related = [\"russo-japanese-war\"]\nkeywords =");
    let b = WAR
        .replace("section = \"Tsarist era\"\n", "")
        .replace(r#"{ key = "wikipedia" }"#, r#"{ key = "other" }"#);
    let sources = format!("{SOURCES}\n[other]\ntitle = \"Other\"\n");
    let tmp = base(&sources, &[("a.toml", &a), ("b.toml", &b)]);
    assert_eq!(
        one_problem(&tmp),
        "kb/facts/b.toml:1:1: [[fact]] \"russo-japanese-war\": missing field `section`"
    );
}

#[test]
fn check_sources_syntax_error_is_not_repeated_per_citation() {
    let tmp = base("[wikipedia\ntitle = \"x\"\n", &[("a.toml", PACT), ("b.toml", WAR)]);
    assert_eq!(one_problem(&tmp), "kb/sources.toml:1:11: TOML syntax error: unclosed table, expected `]`");
}

#[test]
fn check_base_without_facts() {
    let tmp = base(SOURCES, &[]);
    let p = problems(&tmp);
    assert_eq!(p[0], "kb/facts:1:1: the fact base has no facts");
}
