//! What the bot's buttons and forms do, encoded in their custom ids so that a press works the same
//! after a restart: no state is kept between sending a message and its button being pressed.

use crate::lang::Lang;
use crate::state::Direction;

/// What a button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Post the answer of this fact, in this language.
    ShowFact { id: String, lang: Lang },
    /// Show this page of the timeline between these years.
    Timeline { from: Option<i32>, to: Option<i32>, page: usize },
    /// A member's verdict on the answer the button is under.
    Vote { direction: Direction, fact_id: String },
    /// Approve this suggestion (review page `page`).
    Approve { id: i64, page: usize },
    /// Reject this suggestion: opens the form asking why.
    Reject { id: i64, page: usize },
    /// Show this page of the review queue.
    ReviewPage(usize),
}

/// What a submitted form (modal) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// A new suggestion from `/suggest`.
    Suggest,
    /// The reason for rejecting this suggestion, from review page `page`.
    Reject { id: i64, page: usize },
}

const SHOW_FACT: &str = "nichiro:fact:";
const TIMELINE: &str = "nichiro:timeline:";
const VOTE_UP: &str = "nichiro:vote:up:";
const VOTE_DOWN: &str = "nichiro:vote:down:";
const APPROVE: &str = "nichiro:review:approve:";
const REJECT: &str = "nichiro:review:reject:";
const REVIEW_PAGE: &str = "nichiro:review:page:";
const SUGGEST_FORM: &str = "nichiro:form:suggest";
const REJECT_FORM: &str = "nichiro:form:reject:";

/// `id:page` as two numbers.
fn id_and_page(rest: &str) -> Option<(i64, usize)> {
    let (id, page) = rest.split_once(':')?;
    Some((id.parse().ok()?, page.parse().ok()?))
}

impl Button {
    /// The custom id Discord sends back when the button is pressed.
    pub fn custom_id(&self) -> String {
        let year = |y: &Option<i32>| y.map_or("-".to_string(), |y| y.to_string());
        match self {
            Button::ShowFact { id, lang: Lang::En } => format!("{SHOW_FACT}{id}"),
            Button::ShowFact { id, lang } => format!("{SHOW_FACT}{}:{id}", lang.code()),
            Button::Timeline { from, to, page } => format!("{TIMELINE}{}:{}:{page}", year(from), year(to)),
            Button::Vote { direction: Direction::Up, fact_id } => format!("{VOTE_UP}{fact_id}"),
            Button::Vote { direction: Direction::Down, fact_id } => format!("{VOTE_DOWN}{fact_id}"),
            Button::Approve { id, page } => format!("{APPROVE}{id}:{page}"),
            Button::Reject { id, page } => format!("{REJECT}{id}:{page}"),
            Button::ReviewPage(page) => format!("{REVIEW_PAGE}{page}"),
        }
    }

    /// The action of a custom id, if it is one of ours.
    pub fn parse(custom_id: &str) -> Option<Button> {
        let non_empty = |id: &str| (!id.is_empty()).then(|| id.to_string());
        if let Some(id) = custom_id.strip_prefix(SHOW_FACT) {
            // Buttons sent before answers came in other languages have no language: English.
            let (lang, id) = match id.split_once(':') {
                Some((code, id)) => (Lang::from_code(code)?, id),
                None => (Lang::En, id),
            };
            return non_empty(id).map(|id| Button::ShowFact { id, lang });
        }
        if let Some(id) = custom_id.strip_prefix(VOTE_UP) {
            return non_empty(id).map(|fact_id| Button::Vote { direction: Direction::Up, fact_id });
        }
        if let Some(id) = custom_id.strip_prefix(VOTE_DOWN) {
            return non_empty(id).map(|fact_id| Button::Vote { direction: Direction::Down, fact_id });
        }
        if let Some(rest) = custom_id.strip_prefix(APPROVE) {
            return id_and_page(rest).map(|(id, page)| Button::Approve { id, page });
        }
        if let Some(rest) = custom_id.strip_prefix(REJECT) {
            return id_and_page(rest).map(|(id, page)| Button::Reject { id, page });
        }
        if let Some(page) = custom_id.strip_prefix(REVIEW_PAGE) {
            return page.parse().ok().map(Button::ReviewPage);
        }
        let mut parts = custom_id.strip_prefix(TIMELINE)?.split(':');
        let year = |p: Option<&str>| -> Option<Option<i32>> {
            match p? {
                "-" => Some(None),
                y => y.parse().ok().map(Some),
            }
        };
        let (from, to) = (year(parts.next())?, year(parts.next())?);
        let page = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(Button::Timeline { from, to, page })
    }
}

impl Form {
    /// The custom id of the form.
    pub fn custom_id(&self) -> String {
        match self {
            Form::Suggest => SUGGEST_FORM.to_string(),
            Form::Reject { id, page } => format!("{REJECT_FORM}{id}:{page}"),
        }
    }

    /// The form a custom id names, if it is one of ours.
    pub fn parse(custom_id: &str) -> Option<Form> {
        if custom_id == SUGGEST_FORM {
            return Some(Form::Suggest);
        }
        id_and_page(custom_id.strip_prefix(REJECT_FORM)?).map(|(id, page)| Form::Reject { id, page })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_custom_id_roundtrip_and_foreign_ids() {
        let b = Button::ShowFact { id: "treaty-of-portsmouth-1905".into(), lang: Lang::En };
        assert_eq!(b.custom_id(), "nichiro:fact:treaty-of-portsmouth-1905");
        assert_eq!(Button::parse(&b.custom_id()), Some(b));
        let ja = Button::ShowFact { id: "treaty-of-portsmouth-1905".into(), lang: Lang::Ja };
        assert_eq!(ja.custom_id(), "nichiro:fact:ja:treaty-of-portsmouth-1905");
        assert_eq!(Button::parse(&ja.custom_id()), Some(ja));
        assert_eq!(Button::parse("nichiro:fact:xx:some-fact"), None);
        assert_eq!(Button::parse("nichiro:fact:"), None);
        assert_eq!(Button::parse("other:thing"), None);
        let t = Button::Timeline { from: Some(1904), to: None, page: 2 };
        assert_eq!(t.custom_id(), "nichiro:timeline:1904:-:2");
        assert_eq!(Button::parse(&t.custom_id()), Some(t));
        assert_eq!(Button::parse("nichiro:timeline:x:-:2"), None);
        assert_eq!(Button::parse("nichiro:timeline:1:2:3:4"), None);
    }

    #[test]
    fn button_vote_and_review_roundtrip() {
        for b in [
            Button::Vote { direction: Direction::Up, fact_id: "a-b".into() },
            Button::Vote { direction: Direction::Down, fact_id: "suggested-3".into() },
            Button::Approve { id: 12, page: 0 },
            Button::Reject { id: 7, page: 3 },
            Button::ReviewPage(4),
        ] {
            assert_eq!(Button::parse(&b.custom_id()), Some(b.clone()), "{}", b.custom_id());
            assert!(b.custom_id().len() <= 100, "Discord's custom id limit");
        }
        assert_eq!(Button::parse("nichiro:vote:up:"), None);
        assert_eq!(Button::parse("nichiro:review:approve:x:1"), None);
        assert_eq!(Button::parse("nichiro:review:reject:5"), None);
    }

    #[test]
    fn form_custom_id_roundtrip() {
        assert_eq!(Form::parse(&Form::Suggest.custom_id()), Some(Form::Suggest));
        let reject = Form::Reject { id: 9, page: 1 };
        assert_eq!(Form::parse(&reject.custom_id()), Some(reject));
        assert_eq!(Form::parse("nichiro:form:reject:"), None);
        assert_eq!(Form::parse("nichiro:fact:x"), None);
    }
}
