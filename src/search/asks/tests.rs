use super::*;
use crate::search::normalize::tokenize;
use crate::search::question::chat_spellings;

#[test]
fn asks_prediction() {
    assert_eq!(asks_of("will japan and russia ever sign a peace treaty"), Asks::Prediction);
    assert_eq!(asks_of("When will the war in Ukraine end?"), Asks::Prediction);
    assert_eq!(asks_of("is the US going to keep troops in okinawa"), Asks::Prediction);
    assert_eq!(asks_of("if russia wins will it ever attack japan"), Asks::Prediction);
    assert_ne!(asks_of("Why won't Russia give back the Kuril Islands?"), Asks::Prediction);
    assert_ne!(asks_of("Will you tell me when the treaty was signed?"), Asks::Prediction);
    assert_ne!(asks_of("When was the Treaty of Portsmouth signed?"), Asks::Prediction);
    assert_eq!(asks_of("when is the next japanese election"), Asks::Prediction);
    assert_eq!(asks_of("who's the next prime minister of japan"), Asks::Prediction);
    assert_eq!(asks_of("can i visit sakhalin next summer"), Asks::Prediction);
    assert_ne!(asks_of("what did japan do the next year"), Asks::Prediction);
    assert_ne!(asks_of("what happened next after the battle"), Asks::Prediction);
}

fn asks_of(question: &str) -> Asks {
    asks(&chat_spellings(tokenize(question)))
}

fn present(question: &str) -> bool {
    asks_about_present(&read_now(chat_spellings(tokenize(question))))
}

fn about(question: &str) -> Option<String> {
    asked_about(&tokenize(question)).map(String::from)
}

#[test]
fn asked_about_question_word() {
    assert_eq!(about("Who signed the treaty?").as_deref(), Some("signed"));
    assert_eq!(about("When was it signed and who signed it?").as_deref(), Some("signed"));
    assert_eq!(about("Putin got a dog right? what colour was it").as_deref(), Some("colour"));
    assert_eq!(about("What was the capital of Manchukuo?").as_deref(), Some("capital"));
    assert_eq!(about("What was signed in 1956?"), None);
    assert_eq!(about("When did they come home, and through which port?"), None, "a kind of place");
}

#[test]
fn kind_slots_cause_against_detail() {
    let mut kinds = KindSlots::default();
    kinds.set(0, Asks::Reason);
    kinds.set(1, Asks::Time);
    kinds.set(2, Asks::Person);
    kinds.set(3, Asks::Anything);
    kinds.set(4, Asks::YesNo);
    assert_eq!(kinds.other_than(Asks::Time), 0b0001);
    assert_eq!(kinds.other_than(Asks::Quantity), 0b0001);
    assert_eq!(kinds.other_than(Asks::Reason), 0b10110);
    assert_eq!(kinds.other_than(Asks::Anything), 0);
}

#[test]
fn kind_slots_any_asks_a_cause() {
    let mut kinds = KindSlots::default();
    kinds.set(12, Asks::Time);
    assert!(!kinds.any_asks(Asks::Reason));
    kinds.set(13, Asks::Reason);
    assert!(kinds.any_asks(Asks::Reason));
    assert!(!kinds.any_asks(Asks::Anything));
}

#[test]
fn asked_about_relative_pronoun() {
    assert_eq!(about("Name the Russian admiral who negotiated the Treaty of Shimoda."), None);
    assert_eq!(about("the treaty which ended the war"), None);
}

fn surfaces_of(question: &str) -> Vec<String> {
    read_now(tokenize(question)).into_iter().map(|t| t.surface).collect()
}

#[test]
fn asking_sentence_after_context() {
    let text = "My friend gets upset when I call them the Kurils. Is there a difference?";
    assert_eq!(asking_sentence(text), "Is there a difference?");
    assert_eq!(asking_sentence("Who won? And when?"), "Who won? And when?");
    assert_eq!(asking_sentence("No question here. None at all."), "No question here. None at all.");
    assert_eq!(asking_sentence("友達が怒る。違いはある？"), "違いはある？");
    assert_eq!(asking_sentence("He never came home. how many died"), "how many died");
    assert_eq!(asking_sentence("漫画を読んでるんだけど、樺太は分けられたの？"), "樺太は分けられたの？");
    assert_eq!(
        asking_sentence("昔は教師でした。ゴルバチョフが来日したのは何年でしょうか。"),
        "ゴルバチョフが来日したのは何年でしょうか。"
    );
    let exam = "一問一答です。1855年に結ばれた条約は何か。";
    assert_eq!(asking_sentence(exam), "1855年に結ばれた条約は何か。");
    let exam = "復習です。日ソ基本条約が結ばれたのは何年か";
    assert_eq!(asking_sentence(exam), "日ソ基本条約が結ばれたのは何年か");
    let chat = "制裁ってどんなの。資産凍結とか何とか";
    assert_eq!(asking_sentence(chat), chat, "…とか is a list");
    let listing = "父は漁師でした。樺太とか。千島とか。";
    assert_eq!(asking_sentence(listing), listing, "a list closes no question");
    let quiet = "父は漁師でした。島はとても静か。日ソ共同宣言はいつ？";
    assert_eq!(asking_sentence(quiet), "日ソ共同宣言はいつ？", "静か closes no question");
    assert_eq!(
        asking_sentence("父は漁師でした。コンブ漁の協定ってどういうものですか"),
        "コンブ漁の協定ってどういうものですか"
    );
    assert_eq!(asking_sentence("読んだけど短い？"), "読んだけど短い？", "too short a question after けど");
}

#[test]
fn read_now_phrases_become_now() {
    assert_eq!(surfaces_of("japan russia trade these days"), ["japan", "russia", "trade", "now"]);
    assert_eq!(surfaces_of("who rules at the moment"), ["who", "rules", "now"]);
    assert_eq!(surfaces_of("nowadays"), ["now"]);
}

#[test]
fn read_now_leaves_other_days() {
    assert_eq!(surfaces_of("the days of the war"), ["the", "days", "of", "the", "war"]);
    assert_eq!(surfaces_of("at the start"), ["at", "the", "start"]);
}

#[test]
fn present_in_several_words() {
    assert!(present("how much does japan trade with russia these days"));
    assert!(!present("how many days did the battle last"));
}

#[test]
fn asks_question_words() {
    assert_eq!(asks_of("When was the treaty signed?"), Asks::Time);
    assert_eq!(asks_of("what year did the war end"), Asks::Time);
    assert_eq!(asks_of("What time did the attack begin?"), Asks::Time);
    assert_eq!(asks_of("On which day did the war start?"), Asks::Time);
    assert_eq!(asks_of("How many ships were sunk?"), Asks::Quantity);
    assert_eq!(asks_of("Why did Russia lose?"), Asks::Reason);
    assert_eq!(asks_of("laxman expedition purpose"), Asks::Reason);
    assert_eq!(asks_of("Who signed the treaty?"), Asks::Person);
    assert_eq!(asks_of("Did Japan win?"), Asks::YesNo);
    assert_eq!(asks_of("portsmouth treaty"), Asks::Anything);
}
#[test]
fn asks_first_question_word_wins() {
    assert_eq!(asks_of("who tried to kill the prince when he visited japan"), Asks::Person);
    assert_eq!(asks_of("What happened when the Soviets entered Manchuria?"), Asks::Event);
    assert_eq!(asks_of("When did the war end and who won it?"), Asks::Time);
    assert_eq!(asks_of("Why did Japan attack when it did?"), Asks::Reason);
}
#[test]
fn asks_how_much_of_a_degree_is_no_figure() {
    assert_eq!(asks_of("How much influence did Russia have in Korea?"), Asks::Anything);
    assert_eq!(asks_of("How much money did Japan pay?"), Asks::Quantity);
    assert_eq!(asks_of("Russia paid how much"), Asks::Quantity);
}
#[test]
fn asks_request_is_no_yes_no() {
    assert_eq!(asks_of("Can someone explain what happened at the trial?"), Asks::Event);
    assert_eq!(asks_of("could you tell me why the talks failed"), Asks::Reason);
    assert_eq!(asks_of("Can Japan buy Russian gas?"), Asks::YesNo);
}

#[test]
fn asks_chat_spellings() {
    assert_eq!(asks_of("wen did the war end"), Asks::Time);
    assert_eq!(asks_of("y did russia lose"), Asks::Reason);
}

#[test]
fn counted_after_how_many_or_much() {
    let counted_in = |q: &str| counted(&tokenize(q)).into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(counted_in("How many troops did Japan send?"), ["troops"]);
    assert_eq!(counted_in("how much money did japan pay"), ["money"]);
    assert_eq!(counted_in("сколько войск отправила Япония"), ["войск", "отправила"]);
    assert!(counted_in("How did Japan win?").is_empty());
    assert!(counted_in("how many?").is_empty());
}

#[test]
fn asks_span_both_ends() {
    let span = |lang, text: &str| {
        let tokens = tokenize(text);
        asks_span(lang, text, &surfaces(&tokens))
    };
    assert!(span(Lang::En, "When did the Russo-Japanese War start and end?"));
    assert!(span(Lang::Ja, "シベリア出兵はいつからいつまで？"));
    assert!(span(Lang::Ru, "когда началась и когда закончилась русско-японская война"));
    assert!(!span(Lang::En, "When did the Russo-Japanese War start?"));
}

#[test]
fn asks_opinions_and_counterfactuals() {
    assert_eq!(asks_of("Was the Siberian intervention justified?"), Asks::Opinion);
    assert_eq!(asks_of("Who was the better admiral, Togo or Nelson?"), Asks::Opinion);
    assert_eq!(asks_of("Should Russia give the islands back?"), Asks::Opinion);
    assert_eq!(asks_of("Who owns the islands? Give me your honest opinion."), Asks::Opinion);
    assert_eq!(asks_of("Was the 1991 visit a missed chance to solve it?"), Asks::Opinion);
    assert_eq!(asks_of("was the war worth it for japan"), Asks::Opinion);
    assert_eq!(asks_of("hot take: the alliance was a proxy against russia. agree?"), Asks::Opinion);
    assert_eq!(asks_of("Do you agree with Witte?"), Asks::Opinion);
    assert_eq!(asks_of("What if Russia had won the war?"), Asks::Counterfactual);
    assert_eq!(asks_of("What would have happened without Yalta?"), Asks::Counterfactual);
    assert_eq!(asks_of("Would Japan have surrendered without the bombs?"), Asks::Counterfactual);
    assert_eq!(
        asks_of("if japan attacked russia in 1941 instead of pearl harbor would germany have won"),
        Asks::Counterfactual
    );
    assert_ne!(asks_of("If you know, when would the troops have landed on Shumshu?"), Asks::Counterfactual);
    assert_ne!(
        asks_of("if stalin promised at yalta, when would the soviets have entered the war against japan"),
        Asks::Counterfactual
    );
    assert_eq!(asks_of("Was it stupid of Hatoyama to accept two islands?"), Asks::Opinion);
    assert_eq!(asks_of("Is there a good documentary about the Siberian internment?"), Asks::Opinion);
    assert_eq!(asks_of("what is the best university to study russian in japan"), Asks::Opinion);
    assert_ne!(asks_of("What is Kōdayū best known for?"), Asks::Opinion);
    assert_eq!(asks_of("where to study russian in japan, which university is best"), Asks::Opinion);
    assert_eq!(asks_of("Give me the full text of the Neutrality Pact"), Asks::Verbatim);
    assert_eq!(asks_of("what did the note say word for word"), Asks::Verbatim);
    assert_eq!(asks_of("full crew list of the cruiser varyag"), Asks::Verbatim);
    assert_eq!(asks_of("Is there a complete roster of the Diana's sailors?"), Asks::Verbatim);
    assert_ne!(asks_of("List the four disputed islands"), Asks::Verbatim);
    assert_ne!(asks_of("What was the full name of the 1956 declaration?"), Asks::Verbatim);
}

#[test]
fn asks_translation_not_a_name() {
    assert_eq!(asks_of("how do you say thank you in russian"), Asks::Translation);
    assert_eq!(asks_of("how to say hello in japanese?"), Asks::Translation);
    assert_eq!(asks_of("translate good morning into russian"), Asks::Translation);
    assert_ne!(asks_of("What is Kunashiri called in Russian?"), Asks::Translation);
    assert_ne!(
        asks_of("how did putin say in japanese media that the islands were russian"),
        Asks::Translation
    );
}

#[test]
fn asks_instructions_and_every_name() {
    assert_eq!(asks_of("how to get russian e visa for vladivostok step by step"), Asks::Instructions);
    assert_eq!(asks_of("how do i apply for a japanese student visa"), Asks::Instructions);
    assert_ne!(
        asks_of("Where can I learn more about relations between Japan and Russia?"),
        Asks::Instructions
    );
    assert_ne!(
        asks_of("are japanese people more flexible on how to get the islands back"),
        Asks::Instructions
    );
    assert_ne!(asks_of("how do i get to sakhalin from hokkaido"), Asks::Instructions, "the way there");
    assert_ne!(asks_of("where can i look up the names of internees who died"), Asks::Instructions);
    assert_eq!(asks_of("how can i check my visa application status"), Asks::Instructions);
    assert_eq!(asks_of("list the names of all japanese soldiers who died at shumshu"), Asks::Verbatim);
    assert_ne!(asks_of("what are the names of all four islands"), Asks::Verbatim);
}
#[test]
fn asks_facts_that_look_like_opinions() {
    // "the right to build", "Who did Yeltsin blame", "if they had a pact" are facts.
    assert_ne!(asks_of("How did Russia get the right to build a railway?"), Asks::Opinion);
    assert_ne!(asks_of("Who did Yeltsin blame for the delay?"), Asks::Opinion);
    assert_ne!(asks_of("why did the soviets attack japan if they had a pact"), Asks::Counterfactual);
    assert_ne!(asks_of("What did Russians think of Japan in 2018?"), Asks::Opinion);
    assert_ne!(asks_of("Could the war have been avoided by negotiation?"), Asks::Counterfactual);
    assert_ne!(asks_of("Would Japan join the talks in 1956?"), Asks::Counterfactual);
}
#[test]
fn present_tense_markers() {
    assert!(present("Who is the president of Russia?"));
    assert!(present("who controls the islands now"));
    assert!(!present("Who was the Russian commander?"));
}

#[test]
fn present_still_only_in_the_present_tense() {
    assert!(present("Is Putin still in power?"));
    assert!(present("does japan still buy russian gas"));
    assert!(!present("How many castaways were still with him?"));
    assert!(!present("did japan still trade with the soviets in 1980"));
}

#[test]
fn present_perfect_lasts_until_now() {
    assert!(present("How long has Putin been in power?"));
    assert!(present("have the islands always been russian"));
    assert!(!present("How long had Putin been in power in 2012?"));
}

#[test]
fn asks_clause_word_after_what_or_how() {
    assert_eq!(asks_of("what did gorbachev sign when he came to tokyo"), Asks::Anything);
    assert_eq!(asks_of("how did japan react when medvedev went to kunashir"), Asks::Anything);
    assert_eq!(asks_of("when did gorbachev come to tokyo"), Asks::Time);
    assert_eq!(asks_of("what was signed and when"), Asks::Time, "a second question after and");
}

#[test]
fn asks_what_was_the_date_or_figure() {
    assert_eq!(asks_of("What was the exact date the Treaty of Portsmouth was signed?"), Asks::Time);
    assert_eq!(asks_of("what is the population of sakhalin today"), Asks::Quantity);
    assert_eq!(asks_of("What was the date"), Asks::Time);
    assert_ne!(asks_of("What was the treaty signed on that date?"), Asks::Time);
    assert_ne!(asks_of("What is the time difference between Tokyo and Vladivostok?"), Asks::Time);
    assert_ne!(asks_of("What is the number one reason they never signed a peace treaty?"), Asks::Quantity);
}
