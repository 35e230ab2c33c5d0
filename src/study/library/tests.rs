use super::*;

#[test]
fn load_within_gives_up_on_a_hung_read() {
    // The read hangs until the test releases it, after the result is in.
    let (release, hang) = std::sync::mpsc::channel::<()>();
    let hung = move || {
        let _ = hang.recv();
        knowledge::load("knowledge")
    };
    let limit = std::time::Duration::from_millis(50);
    let err = load_within(std::path::Path::new("kb"), limit, hung).unwrap_err();
    assert!(matches!(err, LoadError::TimedOut { .. }), "{err:?}");
    drop(release);
}
use crate::search::{Hit, Unsure};
use crate::state::Status;

#[test]
fn prefer_own_whole_answer_over_first_question() {
    let answer = |confidence, part: Option<&str>| Outcome::Answered {
        best: Hit { fact: 0, confidence },
        others: Vec::new(),
        part: part.map(String::from),
    };
    let declined = Outcome::Declined { suggestions: Vec::new(), confidence: 0.5, reason: Unsure::Uncovered };
    assert!(prefer_own(&answer(0.6, None), &answer(0.9, Some("Who?"))));
    assert!(!prefer_own(&answer(0.9, Some("Who?")), &answer(0.6, None)));
    assert!(prefer_own(&answer(0.7, None), &answer(0.7, None)));
    assert!(!prefer_own(&answer(0.6, None), &answer(0.7, None)));
    assert!(prefer_own(&answer(0.7, Some("Who?")), &declined));
    assert!(!prefer_own(&declined, &answer(0.7, None)));
}

fn library() -> Library {
    let index = Index::new(knowledge::load("knowledge").unwrap(), Settings::default());
    Library::new(index, "knowledge".into())
}

fn approved(id: i64, guild: u64) -> Suggestion {
    Suggestion {
        id,
        guild,
        channel: 1,
        author: 2,
        question: "Which ship brought the zebra mussels to Otaru harbour?".into(),
        passage: "The zebra mussels reached Otaru harbour on the freighter Kamome Maru in 1911.".into(),
        source: "Harbour records https://example.org/otaru".into(),
        status: Status::Approved,
        reviewer: Some(3),
        reason: None,
        created_at: 0,
        reviewed_at: Some(1),
    }
}

#[test]
fn overlay_answers_in_its_server_only() {
    let library = library();
    let question = "what ship brought zebra mussels to otaru";
    let ask = |guild| library.index(guild).ask_with(question, Settings::default()).1;
    assert!(!ask(Some(5)).is_answered());
    library.set_approved(5, &[approved(1, 5)]);
    let indexes = library.index(Some(5));
    let (index, outcome) = indexes.ask_with(question, Settings::default());
    assert_eq!(index.fact(outcome.best().unwrap()).unwrap().id, "suggested-1");
    assert!(!ask(Some(6)).is_answered(), "another server does not see it");
    assert!(!ask(None).is_answered());
    // The base still answers its own questions in that server.
    let (index, outcome) = indexes.ask_with("Who was Adam Laxman?", Settings::default());
    assert!(index.fact(outcome.best().unwrap()).unwrap().id.contains("laxman"));
    assert_eq!(indexes.holding("suggested-1").knowledge().facts().len(), 1);
    assert!(indexes.holding("treaty-of-shimoda-1855").knowledge().facts().len() > 100);
}

#[test]
fn reload_keeps_overlays_and_failed_reload_keeps_serving() {
    let library = library();
    library.set_approved(5, &[approved(1, 5)]);
    let before = library.index(Some(5));
    assert_eq!(library.reload().unwrap().facts, before.base().knowledge().facts().len());
    let after = library.index(Some(5));
    assert!(after.own().is_some_and(|o| o.knowledge().fact("suggested-1").is_some()));
    assert!(!std::ptr::eq(before.own().unwrap(), after.own().unwrap()), "rebuilt beside the new base");

    let broken =
        Library::new(Index::new(knowledge::load("knowledge").unwrap(), Settings::default()), "src".into());
    let in_flight = broken.base();
    assert!(broken.reload().is_err());
    assert!(Arc::ptr_eq(&in_flight, &broken.base()));
}

#[test]
fn overlay_holds_only_its_suggestions() {
    let library = library();
    library.set_approved(5, &[approved(1, 5), approved(2, 5)]);
    let indexes = library.index(Some(5));
    let own = indexes.own().unwrap();
    assert_eq!(own.knowledge().facts().len(), 2, "the base's facts are not copied");
    let (servers, bytes) = library.overlay_bytes();
    assert_eq!(servers, 1);
    assert!(bytes * 50 < library.base().index_bytes(), "{bytes} bytes");
}

#[test]
fn overlay_answers_paraphrases_and_leaves_the_rest_to_the_base() {
    let library = library();
    library.set_approved(5, &[approved(1, 5)]);
    let indexes = library.index(Some(5));
    let ask = |q| {
        let (index, outcome) = indexes.ask_with(q, Settings::default());
        outcome.best().map(|hit| index.fact(hit).unwrap().id.clone())
    };
    assert_eq!(ask("zebra mussels otaru").as_deref(), Some("suggested-1"));
    assert_eq!(ask("Which ship carried the zebra mussels into Otaru?").as_deref(), Some("suggested-1"));
    assert_eq!(ask("When was the Treaty of Shimoda signed?").as_deref(), Some("treaty-of-shimoda-1855"));
    assert_eq!(ask("How many people live in Otaru?"), None, "a shared place name is not enough");
}

#[test]
fn set_approved_empty_removes_overlay() {
    let library = library();
    library.set_approved(5, &[approved(1, 5)]);
    library.set_approved(5, &[]);
    assert!(library.index(Some(5)).own().is_none());
}

#[test]
fn reload_while_asking_drops_no_question() {
    let library = Arc::new(library());
    library.set_approved(5, &[approved(1, 5)]);
    let asker = {
        let library = library.clone();
        std::thread::spawn(move || {
            let ask = || library.index(Some(5)).ask_with("Who was Adam Laxman?", Settings::default()).1;
            (0..300).filter(|_| ask().is_answered()).count()
        })
    };
    for _ in 0..3 {
        library.reload().unwrap();
    }
    assert_eq!(asker.join().unwrap(), 300, "every question asked during the reloads was answered");
}
