//! The development question set (`eval/dev.jsonl`: the shared set, then 70 questions on the study
//! guide's units) holds its figures through the real command line: at least 95% answerable top-1,
//! 78% off-topic declined, at most 5% wrong answers (measured: 95.3%, 78.3%, 4.6%; docs/calibration.md);
//! and the Japanese and Russian development sets theirs. The samples' floors are scored in this
//! process on one index, the one the binary builds, so that some 140 sets do not start it 140 times.

use std::process::Command;
use std::sync::LazyLock;

use nichiro::eval::{Summary, judge, parse_cases};
use nichiro::search::Index;

/// The totals of `nichiro eval` on a question set: answerable top-1, off-topic declined and wrong
/// answers, in percent, with the whole output for messages.
fn eval(set: &str) -> ([f64; 3], String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nichiro")).args(["eval", set]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    (percents(stdout.lines().last().unwrap()), stdout)
}

/// The three percentages of an eval's totals line, as printed (to one decimal).
fn percents(totals: &str) -> [f64; 3] {
    let percents: Vec<f64> = totals.split(['=', '%']).filter_map(|p| p.trim().parse().ok()).collect();
    assert_eq!(percents.len(), 3, "{totals}");
    [percents[0], percents[1], percents[2]]
}

/// The real fact base's index with the default settings (the config's threshold), built once for the
/// floors below: a run of the binary builds it again each time (2.6 s in the dev profile), and the
/// floors score some 140 sets.
static INDEX: LazyLock<Index> =
    LazyLock::new(|| Index::new(nichiro::knowledge::load("knowledge").unwrap(), Default::default()));

/// The same totals as [`eval`], scored in this process on [`INDEX`], with the questions missed.
fn eval_here(set: &str) -> ([f64; 3], String) {
    let cases = parse_cases(&std::fs::read_to_string(set).unwrap()).unwrap();
    let (mut summary, mut missed) = (Summary::default(), String::new());
    for case in &cases {
        let verdict = judge(&INDEX, case);
        summary.add(case, &verdict);
        if !verdict.passed {
            missed += &format!("MISS {:?}\n", case.q);
        }
    }
    let totals = summary.to_string();
    (percents(&totals), missed + &totals)
}

#[test]
fn eval_dev_meets_targets() {
    let (percents, stdout) = eval("eval/dev.jsonl");
    assert!(percents[0] >= 95.0, "answerable top-1 below 95%:\n{stdout}");
    // 86.4% since the twenty-second round: one off-topic line became answerable (a new fact on the
    // grave visits since 1964 answers it), leaving 19 of 22 declined, the same three missed.
    assert!(percents[1] >= 86.0, "off-topic declined below 86%:\n{stdout}");
    assert!(percents[2] <= 3.1, "wrong answers above 3.1%:\n{stdout}");
}

/// The Japanese and Russian development sets hold the targets, the right passage for at
/// least 90% of the answerable questions and at least 89% of the off-topic ones declined (today's
/// figures are in docs/calibration.md). Japanese declined 89% in the fifth round, when a question on
/// Pearl Harbor met a fact that mentions it in passing; since the sixth it is declined again, as a
/// near tie between two such facts, so that floor may have to give way to a better reason.
#[test]
fn eval_japanese_and_russian_hold_their_figures() {
    let (ja, stdout) = eval("eval/ja-dev.jsonl");
    assert!(ja[0] >= 94.0 && ja[1] >= 94.0 && ja[2] <= 3.0, "Japanese: {ja:?}\n{stdout}");
    let (ru, stdout) = eval("eval/ru-dev.jsonl");
    assert!(ru[0] >= 97.0 && ru[1] >= 90.0 && ru[2] <= 1.9, "Russian: {ru:?}\n{stdout}");
}

/// Each set's answerable top-1 and off-topic declined at least, and its wrong answers at most, the
/// figures given. Since the ninth round a question's bar depends on its length and on its words the
/// base lacks (docs/calibration.md, "Ninth round"): over all the sets it keeps as many right answers
/// and gives fewer wrong ones, but it moved single sets both ways, and the floors below are the
/// figures after it (lower ones: Japanese dev, realistic2-tune, ru-fresh-tune, ru-fresh2, ja-fresh3-tune).
/// Since the fifteenth round a fact that lacks part of a question's focus gets no lower bar for a long
/// question: four wrong answers fewer in the tuning parts, one right answer fewer in realistic3-tune
/// and in realistic2-holdout, whose floors were lowered for it. Since the seventeenth round the
/// words the base lacks count in full against coverage, and raise the bar less: over the tuning parts
/// two more off-topic questions declined and two fewer wrong answers, but realistic4-tune and
/// ru-fresh4-tune each answer one trivia question they had declined (a cook's name, a breakfast),
/// and their floors were lowered for it. Since the nineteenth round the Kuril population fact is
/// about today, not the past (it gives the 2021 census as today's figure): two tuning questions on
/// the Kurils' population answered right instead of wrong, but a question on Iturup and Kunashir
/// alone in realistic2-tune and in realistic2-holdout now gets it instead of the disputed islands'
/// figures, and realistic2-holdout's wrong-answer floor was raised for it. The twentieth round
/// (docs/calibration.md) gained over the tuning parts and the held-out parts as a whole but moved five
/// floors back, each for one question: the Russian literature summary answers a held-out request for
/// a recommendation (ja-fresh4-holdout), Russian askers' verbs of a visit send "the first time
/// Medvedev went" to his second visit (ru-fresh-holdout), кратко as an asker word leaves a bare
/// "relations, briefly" declined (ru-fresh5-holdout), a game's name as an asker word lets a question
/// on the southern advance be answered with a fact that lacks its key (realistic6-tune), and the
/// culture summaries took a writer question from a right answer into a tie (realistic2-holdout).
/// The twenty-first round moved one back: "прадед" (great-grandfather) as an asker's word lets a
/// question from a camp guard's great-grandson be answered with the camps fact, which lacks its
/// year, where it had been declined (ru-fresh5-tune's wrong answers). The twenty-second round added
/// eleven facts (docs/calibration.md) and re-keyed the lines they answer: a line that became
/// answerable leaves its set's off-topic count, and one that is still declined counts against its
/// answerable figure, which moved several floors back without a question going from right to wrong
/// (realistic6-holdout, realistic7-tune, ja-fresh7-tune, realistic8-tune,
/// ja-fresh8-tune, ja-fresh8-holdout, ru-fresh8-tune); three off-topic questions on a detail beside
/// a new fact (the son of the mother in "Ganpeki no haha", buildings in Vladivostok rather than
/// Ussuriysk, a film "without cruelty" for pupils) now get it (realistic8-tune, ru-fresh8-tune), and
/// a question on Gorbachev's visit that gave the wrong year is declined since a new fact on the
/// prisoners' records also names that visit (realistic5-holdout). The twenty-third round corrected
/// the 2022 countermeasures fact (it no longer says the grave visits were suspended) and removed it
/// from the grave-visit keys, added six facts and re-keyed the lines they answer: a grave-visit
/// question now goes to the 2017 flights (realistic2-tune), a question on the visa-free programme to
/// the former residents' fact, whose passage now names the exchanges (realistic4-tune), two near ties
/// moved with the new facts' words (realistic-holdout, a question on the 2020 constitution;
/// realistic7-holdout, the special-measures law 0.465 against a bar of 0.47), "tomorrow" as the
/// asker's word lets a held-out opinion question behind "just tell me:" be answered
/// (realistic4-holdout), a Kansai prediction on the islands is answered (ja-fresh8-tune), and two
/// off-topic lines that became answerable are answered and leave realistic8-tune's off-topic count.
/// The twenty-fourth round added six facts, rewrote two passages and re-keyed the lines they answer,
/// and read Russian verbs' present and past as one stem and the question before the asker's own
/// words alone (docs/calibration.md): over the tuning parts and the held-out parts it gained, but
/// moved these floors back, each for a line or two. Near ties moved with the new facts' words: the
/// names of the four islands asked in Japanese reach the fact on the term 北方領土 (ja-fresh-tune,
/// ja-fresh6-holdout), Golovnin's years in captivity fall just under their bar and a question on the
/// Sakhalin-1 stake reaches the new operator (ru-fresh5-tune, ja-fresh8-tune), and a question on
/// university exchanges reaches the 2022 end of the visit agreements (realistic8-holdout). The new
/// facts answer off-topic lines beside them: a time difference with Vladivostok and a count of
/// learners of Russian (realistic2-holdout), the currencies of both countries ("hard currency" on
/// the land bridge, realistic-holdout). Lines that became answerable are still declined or answered
/// with an older fact (realistic7-tune, ja-fresh8-tune) and one left realistic8-tune's off-topic
/// count. "Умерло" meeting "умерших" sends a question on deaths in the camps to the name lists
/// (ru-fresh5-tune). Tried alone, the question before the asker's words answers two off-topic lines
/// (a skater named after "I heard", realistic2-tune; a consulate in Sapporo, realistic5-holdout).
/// The twenty-fifth round moved one back: a question naming one year goes to a close candidate
/// dated in it, and a held-out question whose year is a false premise ("日露戦争って1905年に始まった
/// んでしたっけ") is answered with the 1905 revolution where it had been declined (ja-fresh6-holdout).
/// The twenty-sixth round moved one back: the new fact on Karafuto's town names answers a held-out
/// question for the name of a school in 恵須取 (Esutoru), which had been declined (ja-fresh7-holdout).
/// The twenty-seventh round moved one back: with a span written short read as its years ("1904-05"),
/// a held-out question on how the defeat led to the 1905 Revolution meets the defeat's causes and
/// is answered with them, where it had been declined (realistic2-holdout); and with Russian chat's
/// "хоз" read as "хозяйственной", a held-out question on what the joint economic activities were meets
/// their suspension in 2022 instead of their framework (ru-fresh3-holdout). The thirty-eighth round
/// added two facts (Russia and Abe's assassination; Japanese airlines and Russian airspace) and moved
/// three back: the airspace fact answers a held-out question on Japan's sanctions
/// (ru-fresh20-holdout), and lines the new facts made answerable left the off-topic counts of
/// realistic2-holdout and ja-fresh23-holdout, whose declined shares fell without a question being
/// answered.
fn hold_floors(sets: &[(&str, f64, f64, f64)]) {
    for &(set, answerable, declined, wrong) in sets {
        let (got, stdout) = eval_here(set);
        assert!(got[0] >= answerable && got[1] >= declined && got[2] <= wrong, "{set}: {got:?}\n{stdout}");
    }
}

/// The second samples of Japanese and Russian questions (written later by askers who never read the
/// fact base) hold today's figures, well below the development sets': floors against going back.
#[test]
fn eval_second_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/ja-fresh-tune.jsonl", 92.0, 100.0, 2.9),
        ("eval/ja-fresh-holdout.jsonl", 77.0, 100.0, 5.7),
        ("eval/ru-fresh-tune.jsonl", 92.0, 100.0, 5.7),
        ("eval/ru-fresh-holdout.jsonl", 77.0, 87.0, 11.4),
    ]);
}

/// The third sample, in all three languages (written on 2026-12-02 by askers who saw only the
/// units and the question styles, keyed and reviewed without running the bot), holds today's
/// figures: floors against going back, far below the issues' targets.
#[test]
fn eval_third_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic2-tune.jsonl", 86.0, 87.0, 7.9),
        ("eval/realistic2-holdout.jsonl", 75.0, 89.0, 10.5),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (the sake) leaves one
        // decline fewer.
        ("eval/ja-fresh2-tune.jsonl", 93.0, 92.0, 4.4),
        // Thirty-seventh round: a question on what Hatoyama ate at the Kremlin is answered with his mission
        // since the two facts moved the weights.
        ("eval/ja-fresh2-holdout.jsonl", 77.0, 76.0, 15.9),
        ("eval/ru-fresh2-tune.jsonl", 90.0, 93.0, 6.7),
        ("eval/ru-fresh2-holdout.jsonl", 86.0, 85.0, 9.1),
    ]);
}

/// The fourth sample (eighth round, new writers with new personas, keyed and reviewed the same way)
/// holds today's figures: floors against going back. Since the twelfth round one line of
/// realistic3-tune, a request for a summary of the whole relationship, is answerable (the base has
/// a summary fact now), so that part has one more answerable question and one fewer off-topic one.
#[test]
fn eval_fourth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic3-tune.jsonl", 84.0, 97.0, 4.9),
        ("eval/realistic3-holdout.jsonl", 90.0, 94.0, 4.1),
        // Wrong 12.2 since the thirty-sixth round: "what does Japan import most from Russia" goes to
        // the new fact on Russian crab (crab is the largest item of its seafood), declined before.
        ("eval/ja-fresh3-tune.jsonl", 74.0, 92.0, 12.2),
        ("eval/ja-fresh3-holdout.jsonl", 82.0, 93.0, 8.2),
        ("eval/ru-fresh3-tune.jsonl", 88.0, 92.0, 4.1),
        ("eval/ru-fresh3-holdout.jsonl", 84.0, 87.0, 8.2),
    ]);
}

/// The fifth sample (fourteenth round, new writers with new personas, keyed and reviewed the same
/// way, committed before any run) holds today's figures: floors against going back.
#[test]
fn eval_fifth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic4-tune.jsonl", 79.0, 88.0, 9.0),
        ("eval/realistic4-holdout.jsonl", 85.0, 87.0, 9.1),
        ("eval/ja-fresh4-tune.jsonl", 96.0, 90.0, 2.5),
        ("eval/ja-fresh4-holdout.jsonl", 76.0, 85.0, 17.5),
        ("eval/ru-fresh4-tune.jsonl", 87.0, 100.0, 2.6),
        ("eval/ru-fresh4-holdout.jsonl", 67.0, 100.0, 13.2),
    ]);
}

/// The sixth sample (seventeenth round, new writers with new personas, keyed and reviewed the same
/// way, committed before any run) holds today's figures: floors against going back.
#[test]
fn eval_sixth_samples_hold_their_figures() {
    hold_floors(&[
        // Thirty-seventh round: "Putin turned up hours late … did anything come out of it" goes to the fact
        // on Nagato's day, not its outcome.
        ("eval/realistic5-tune.jsonl", 76.0, 97.0, 10.8),
        ("eval/realistic5-holdout.jsonl", 82.0, 91.0, 6.9),
        ("eval/ja-fresh5-tune.jsonl", 77.0, 93.0, 7.0),
        ("eval/ja-fresh5-holdout.jsonl", 66.0, 77.0, 14.3),
        ("eval/ru-fresh5-tune.jsonl", 76.0, 100.0, 7.3),
        ("eval/ru-fresh5-holdout.jsonl", 86.0, 80.0, 7.5),
    ]);
}

/// The seventh sample (eighteenth round, new writers with new personas, keyed and reviewed the same
/// way, committed before any run) holds today's figures: floors against going back. Its English
/// held-out part is the lowest of all (docs/calibration.md, "Eighteenth round").
#[test]
fn eval_seventh_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic6-tune.jsonl", 75.0, 100.0, 7.1),
        ("eval/realistic6-holdout.jsonl", 48.0, 75.0, 22.0),
        ("eval/ja-fresh6-tune.jsonl", 75.0, 100.0, 10.9),
        ("eval/ja-fresh6-holdout.jsonl", 87.0, 92.0, 8.9),
        ("eval/ru-fresh6-tune.jsonl", 79.0, 83.0, 11.1),
        ("eval/ru-fresh6-holdout.jsonl", 90.0, 100.0, 2.8),
    ]);
}

/// The eighth sample, in all three languages (written on 2026-12-04 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Nineteenth round").
#[test]
fn eval_eighth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic7-tune.jsonl", 68.0, 93.0, 3.9),
        ("eval/realistic7-holdout.jsonl", 71.0, 69.0, 13.7),
        ("eval/ja-fresh7-tune.jsonl", 87.0, 91.0, 4.5),
        // Thirty-seventh round: "長門会談って何年だっけ" is declined: both Nagato facts answer it, too close to choose.
        ("eval/ja-fresh7-holdout.jsonl", 80.0, 75.0, 9.3),
        ("eval/ru-fresh7-tune.jsonl", 82.0, 100.0, 0.0),
        ("eval/ru-fresh7-holdout.jsonl", 48.0, 100.0, 15.0),
    ]);
}

/// The ninth sample, in all three languages (written on 2026-12-04 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-first round").
#[test]
fn eval_ninth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic8-tune.jsonl", 83.0, 85.0, 5.4),
        ("eval/realistic8-holdout.jsonl", 65.0, 86.0, 7.3),
        ("eval/ja-fresh8-tune.jsonl", 74.0, 90.0, 11.1),
        ("eval/ja-fresh8-holdout.jsonl", 69.0, 60.0, 9.1),
        ("eval/ru-fresh8-tune.jsonl", 70.0, 78.0, 17.4),
        // 71 since the thirty-sixth round: the Maoka operators' fact tells of a film, and a question
        // on films of the Russo-Japanese War fell from 0.55 to 0.52 (declined, not wrong).
        ("eval/ru-fresh8-holdout.jsonl", 71.0, 78.0, 13.0),
    ]);
}

/// The tenth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-third round").
#[test]
fn eval_tenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic9-tune.jsonl", 64.0, 90.0, 4.0),
        // Thirty-seventh round: "Sir kindly tell me why … peace treaty" is no longer declined for "Sir" and
        // goes to the 1956 declaration.
        ("eval/realistic9-holdout.jsonl", 58.0, 100.0, 14.3),
        ("eval/ja-fresh9-tune.jsonl", 80.0, 88.0, 10.2),
        ("eval/ja-fresh9-holdout.jsonl", 88.0, 84.0, 8.3),
        ("eval/ru-fresh9-tune.jsonl", 70.0, 100.0, 6.8),
        ("eval/ru-fresh9-holdout.jsonl", 92.0, 93.0, 2.3),
    ]);
}

/// The eleventh sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-fourth round").
#[test]
fn eval_eleventh_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic10-tune.jsonl", 78.0, 85.0, 12.7),
        // Since the thirty-sixth round a question on how much crab reaches Hokkaido ports now, which no
        // passage gives, is answered with the new fact on Russian crab (0.51).
        ("eval/realistic10-holdout.jsonl", 69.0, 83.0, 13.0),
        ("eval/ja-fresh10-tune.jsonl", 70.0, 100.0, 14.3),
        ("eval/ja-fresh10-holdout.jsonl", 94.0, 84.0, 6.1),
        ("eval/ru-fresh10-tune.jsonl", 75.0, 87.0, 13.6),
        ("eval/ru-fresh10-holdout.jsonl", 62.0, 100.0, 7.0),
    ]);
}

/// The twelfth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-fifth round").
#[test]
fn eval_twelfth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic11-tune.jsonl", 63.0, 81.0, 22.2),
        ("eval/realistic11-holdout.jsonl", 64.0, 94.0, 6.3),
        ("eval/ja-fresh11-tune.jsonl", 77.0, 93.0, 1.8),
        ("eval/ja-fresh11-holdout.jsonl", 71.0, 68.0, 18.5),
        ("eval/ru-fresh11-tune.jsonl", 80.0, 100.0, 4.2),
        ("eval/ru-fresh11-holdout.jsonl", 50.0, 94.0, 10.6),
    ]);
}

/// The thirteenth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-sixth round").
#[test]
fn eval_thirteenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic12-tune.jsonl", 61.0, 90.0, 11.3),
        ("eval/realistic12-holdout.jsonl", 55.0, 82.0, 21.3),
        ("eval/ja-fresh12-tune.jsonl", 68.0, 69.0, 16.7),
        ("eval/ja-fresh12-holdout.jsonl", 56.0, 82.0, 16.7),
        // Thirty-seventh round: the Nagato lines: "что там было, путин ещё опоздал" goes to the fact on the
        // day, the menu line is declined.
        ("eval/ru-fresh12-tune.jsonl", 52.0, 100.0, 11.5),
        ("eval/ru-fresh12-holdout.jsonl", 71.0, 100.0, 5.9),
    ]);
}

/// The fourteenth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-seventh round").
#[test]
fn eval_fourteenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic13-tune.jsonl", 77.0, 95.0, 8.9),
        ("eval/realistic13-holdout.jsonl", 75.0, 89.0, 10.7),
        // Answerable 70 since the thirty-sixth round: "what does Japan import most, crab, salmon roe?"
        // is declined now that the asker's guess, crab, has a fact of its own.
        ("eval/ja-fresh13-tune.jsonl", 70.0, 80.0, 19.7),
        ("eval/ja-fresh13-holdout.jsonl", 63.0, 80.0, 19.7),
        ("eval/ru-fresh13-tune.jsonl", 86.0, 94.0, 3.6),
        // Thirty-seventh round: a question on the Pallada sailors' menu is answered since the Nagato fact
        // moved the weights of food words.
        ("eval/ru-fresh13-holdout.jsonl", 61.0, 80.0, 16.1),
    ]);
}

/// The fifteenth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-eighth round").
#[test]
fn eval_fifteenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic14-tune.jsonl", 80.0, 90.0, 9.8),
        ("eval/realistic14-holdout.jsonl", 59.0, 73.0, 14.8),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (how late) leaves one
        // decline fewer.
        ("eval/ja-fresh14-tune.jsonl", 60.0, 88.0, 12.1),
        ("eval/ja-fresh14-holdout.jsonl", 85.0, 83.0, 6.9),
        ("eval/ru-fresh14-tune.jsonl", 62.0, 100.0, 3.6),
        ("eval/ru-fresh14-holdout.jsonl", 72.0, 83.0, 11.1),
    ]);
}

/// The sixteenth sample, in all three languages (written on 2026-12-05 by askers with new personas,
/// keyed and reviewed without running the bot, split odd/even before any run), holds today's
/// figures: floors against going back (docs/calibration.md, "Twenty-ninth round").
#[test]
fn eval_sixteenth_samples_hold_their_figures() {
    hold_floors(&[
        // Declined 80 since the thirty-sixth round: a null line declined became answerable (and right)
        // with the new fact on Russian crab.
        ("eval/realistic15-tune.jsonl", 71.0, 80.0, 15.3),
        ("eval/realistic15-holdout.jsonl", 64.0, 100.0, 5.1),
        ("eval/ja-fresh15-tune.jsonl", 67.0, 89.0, 9.7),
        // Thirty-seventh round: Tsushima counts with all the ships' names go to the ships' fates; Nagato
        // lateness with its outcome to the day.
        ("eval/ja-fresh15-holdout.jsonl", 56.0, 87.0, 19.4),
        ("eval/ru-fresh15-tune.jsonl", 54.0, 92.0, 8.1),
        ("eval/ru-fresh15-holdout.jsonl", 50.0, 89.0, 16.4),
    ]);
}

/// The seventeenth sample, in all three languages (written on 2026-12-05 by askers with new
/// personas, keyed and reviewed without running the bot, split odd/even before any run), holds
/// today's figures: floors against going back (docs/calibration.md, "Thirtieth round").
#[test]
fn eval_seventeenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic16-tune.jsonl", 51.0, 87.0, 14.8),
        ("eval/realistic16-holdout.jsonl", 53.0, 90.0, 11.5),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (the sake) leaves one
        // decline fewer.
        ("eval/ja-fresh16-tune.jsonl", 62.0, 88.0, 12.7),
        // Since the thirty-sixth round a question on Russian seafood's share of all Japan's imports,
        // which no passage gives, is answered with the new fact on Russian crab (0.59).
        ("eval/ja-fresh16-holdout.jsonl", 55.0, 70.0, 29.0),
        ("eval/ru-fresh16-tune.jsonl", 67.0, 75.0, 14.5),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (the dishes) leaves one
        // decline fewer.
        ("eval/ru-fresh16-holdout.jsonl", 54.0, 91.0, 13.1),
    ]);
}

/// The eighteenth sample, in all three languages (written on 2026-12-06 by askers with new
/// personas, keyed and reviewed without running the bot, split odd/even before any run), holds
/// today's figures: floors against going back (docs/calibration.md, "Thirty-first round").
#[test]
fn eval_eighteenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic17-tune.jsonl", 54.0, 87.0, 10.3),
        ("eval/realistic17-holdout.jsonl", 67.0, 94.0, 7.0),
        // Declined 80 since the thirty-sixth round: a null line declined became answerable (and
        // right) when the Maoka operators' fact came to tell of the Gate of Ice and Snow.
        ("eval/ja-fresh17-tune.jsonl", 62.0, 80.0, 10.0),
        ("eval/ja-fresh17-holdout.jsonl", 63.0, 89.0, 8.3),
        // Thirty-seventh round: what Yeltsin and Hashimoto ate while fishing is answered with Krasnoyarsk
        // since the weights of food words moved.
        ("eval/ru-fresh17-tune.jsonl", 67.0, 73.0, 17.0),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (how late) leaves one
        // decline fewer.
        ("eval/ru-fresh17-holdout.jsonl", 54.0, 81.0, 18.9),
    ]);
}

/// The nineteenth sample, in all three languages (written on 2026-12-06 by askers with new
/// personas, keyed and reviewed without running the bot, split odd/even before any run), holds
/// today's figures: floors against going back (docs/calibration.md, "Thirty-second round").
#[test]
fn eval_nineteenth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic18-tune.jsonl", 38.0, 82.0, 16.9),
        ("eval/realistic18-holdout.jsonl", 68.0, 85.0, 15.3),
        ("eval/ja-fresh18-tune.jsonl", 64.0, 72.0, 15.3),
        ("eval/ja-fresh18-holdout.jsonl", 62.0, 100.0, 10.2),
        ("eval/ru-fresh18-tune.jsonl", 56.0, 100.0, 3.3),
        ("eval/ru-fresh18-holdout.jsonl", 64.0, 95.0, 10.2),
    ]);
}

/// The twentieth sample, in all three languages (written on 2026-12-06 by askers with new
/// personas, keyed and reviewed without running the bot, split odd/even before any run), holds
/// today's figures: floors against going back (docs/calibration.md, "Thirty-third round").
#[test]
fn eval_twentieth_samples_hold_their_figures() {
    hold_floors(&[
        // Since the thirty-sixth round a question for this week's snow-crab price is answered with the
        // new fact on Russian crab (0.54); a line on whether Japan still buys it became right.
        ("eval/realistic19-tune.jsonl", 56.0, 88.0, 16.4),
        ("eval/realistic19-holdout.jsonl", 59.0, 82.0, 11.7),
        ("eval/ja-fresh19-tune.jsonl", 60.0, 90.0, 13.1),
        // Thirty-seventh round: the Nagato menu and sake, keyed answerable, is declined (a long question);
        // one decline fewer.
        ("eval/ja-fresh19-holdout.jsonl", 61.0, 75.0, 21.3),
        ("eval/ru-fresh19-tune.jsonl", 57.0, 90.0, 6.5),
        // Thirty-seventh round: Nagato at the hot springs with what was agreed goes to the fact on the day,
        // not its outcome.
        ("eval/ru-fresh19-holdout.jsonl", 51.0, 81.0, 16.4),
    ]);
}

/// The twenty-first sample, in all three languages (written on 2026-12-06 by askers with new
/// personas, keyed and reviewed without running the bot, split odd/even before any run), holds
/// today's figures: floors against going back (docs/calibration.md, "Thirty-fourth round").
#[test]
fn eval_twenty_first_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic20-tune.jsonl", 69.0, 94.0, 8.2),
        ("eval/realistic20-holdout.jsonl", 64.0, 93.0, 10.0),
        ("eval/ja-fresh20-tune.jsonl", 85.0, 77.0, 9.7),
        ("eval/ja-fresh20-holdout.jsonl", 68.0, 90.0, 11.5),
        ("eval/ru-fresh20-tune.jsonl", 89.0, 95.0, 3.3),
        ("eval/ru-fresh20-holdout.jsonl", 61.0, 94.0, 11.7),
    ]);
}

/// The twenty-second blind sample (thirty-fifth round; docs/calibration.md, "Thirty-fifth round"),
/// as the other samples: floors against going back.
#[test]
fn eval_twenty_second_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic21-tune.jsonl", 66.0, 95.0, 3.3),
        // Declined 87 since the thirty-sixth round: a null line declined became answerable (and right)
        // with the new fact on Russian crab.
        ("eval/realistic21-holdout.jsonl", 81.0, 87.0, 6.7),
        ("eval/ja-fresh21-tune.jsonl", 80.0, 70.0, 13.1),
        ("eval/ja-fresh21-holdout.jsonl", 69.0, 85.0, 8.3),
        ("eval/ru-fresh21-tune.jsonl", 68.0, 95.0, 6.6),
        ("eval/ru-fresh21-holdout.jsonl", 61.0, 85.0, 13.1),
    ]);
}

/// The twenty-third blind sample (thirty-sixth round; docs/calibration.md, "Thirty-sixth round"),
/// as the other samples: floors against going back.
#[test]
fn eval_twenty_third_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic22-tune.jsonl", 75.0, 89.0, 5.0),
        ("eval/realistic22-holdout.jsonl", 64.0, 94.0, 13.6),
        // Thirty-seventh round: "長門で…会談したのは何年の何月" is declined: both Nagato facts answer it, too close to
        // choose.
        ("eval/ja-fresh22-tune.jsonl", 81.0, 100.0, 3.3),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact leaves one decline fewer.
        ("eval/ja-fresh22-holdout.jsonl", 61.0, 80.0, 18.6),
        ("eval/ru-fresh22-tune.jsonl", 68.0, 95.0, 9.1),
        // Thirty-seventh round: a null line keyed answerable after the Nagato fact (the fish) leaves one
        // decline fewer.
        ("eval/ru-fresh22-holdout.jsonl", 76.0, 87.0, 7.3),
    ]);
}

/// The twenty-fourth blind sample (thirty-seventh round; docs/calibration.md, "Thirty-seventh
/// round"), as the other samples: floors against going back.
#[test]
fn eval_twenty_fourth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic23-tune.jsonl", 60.0, 94.0, 8.3),
        ("eval/realistic23-holdout.jsonl", 57.0, 90.0, 10.0),
        ("eval/ja-fresh23-tune.jsonl", 71.0, 100.0, 4.9),
        ("eval/ja-fresh23-holdout.jsonl", 64.0, 81.0, 13.1),
        ("eval/ru-fresh23-tune.jsonl", 57.0, 88.0, 6.8),
        ("eval/ru-fresh23-holdout.jsonl", 76.0, 94.0, 6.9),
    ]);
}

/// The twenty-fifth blind sample (thirty-eighth round; docs/calibration.md, "Thirty-eighth round"),
/// as the other samples: floors against going back.
#[test]
fn eval_twenty_fifth_samples_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic24-tune.jsonl", 61.0, 100.0, 4.8),
        ("eval/realistic24-holdout.jsonl", 63.0, 95.0, 4.9),
        ("eval/ja-fresh24-tune.jsonl", 58.0, 90.0, 15.9),
        ("eval/ja-fresh24-holdout.jsonl", 67.0, 90.0, 9.5),
        ("eval/ru-fresh24-tune.jsonl", 51.0, 95.0, 9.7),
        ("eval/ru-fresh24-holdout.jsonl", 42.0, 80.0, 9.8),
    ]);
}

/// The first sample and the calibration set (English) hold today's figures: floors against going
/// back.
#[test]
fn eval_first_sample_and_calibration_hold_their_figures() {
    hold_floors(&[
        ("eval/realistic-tune.jsonl", 85.0, 94.0, 4.8),
        ("eval/realistic-holdout.jsonl", 84.0, 86.0, 5.8),
        ("eval/calibration.jsonl", 90.0, 97.0, 3.2),
    ]);
}

/// The off-topic examples the matcher's specification names, as typed both ways: each shares a word
/// with the fact base, and sharing one word is not evidence.
#[test]
fn specified_off_topic_examples_are_declined() {
    for question in [
        "What is the capital of France?",
        "what is the capital of france",
        "What is the GDP of Germany?",
        "When was the Korean War armistice signed?",
        "korean war armistice",
        "What is the weather in Tokyo?",
        "weather in tokyo",
        "Where can I find a sushi restaurant in Moscow?",
        "sushi restaurant moscow",
    ] {
        assert!(!INDEX.ask(question).is_answered(), "{question:?} was answered");
    }
}
