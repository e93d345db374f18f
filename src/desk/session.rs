//! One story open at the desk: the text as opened and as edited, what the checker made of the
//! edit, and the last version without problems, which the preview keeps showing while the text
//! has problems. Plain data, no browser: the page renders it and feeds it the editor's text.

use std::rc::Rc;

use super::readiness::{self, Corrections, Published};
use crate::story::desk::DeskCheck;
use crate::story::{parse_with_desk_checks, Story, StoryError};

/// Where the open story came from; each keeps its own draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// A story shipped with the explainer, by language.
    BuiltIn(&'static str),
    /// The template for a new explainer.
    New,
    /// A file the editor opened.
    File,
}

impl Slot {
    /// Its name in the desk's stored drafts and in the page's controls.
    pub fn key(self) -> &'static str {
        match self {
            Slot::BuiltIn(language) => language,
            Slot::New => "new",
            Slot::File => "file",
        }
    }
}

pub struct Session {
    pub slot: Slot,
    /// The file name the checker reports and downloads use, such as `en.toml`.
    pub name: String,
    /// The text as opened, which "Discard draft" returns to.
    pub opened_text: Rc<str>,
    /// What readers were shown of the story as opened, to tell whether the edit changes it;
    /// `None` for a new story, or an opened file with problems of its own.
    opened: Option<Published>,
    pub text: Rc<str>,
    /// The checker's findings on `text`, in the file's order.
    pub problems: Vec<StoryError>,
    /// The desk checks of `text`, once it has no problems.
    pub desk_checks: Option<Vec<DeskCheck>>,
    /// The last version of the text without problems, shared with the preview.
    pub good: Option<Rc<Story>>,
    /// `text` compiled, while it has no problems: worked out once per check, not per render.
    compiled: Option<Rc<Vec<u8>>>,
    corrections: Option<Corrections>,
}

type Checked = Result<(Story, Vec<DeskCheck>), Vec<StoryError>>;

impl Session {
    /// Opens `opened` (the story as published or as found), with the editor's `draft` of it if
    /// one was kept.
    pub fn open(slot: Slot, name: &str, opened: &str, draft: Option<String>) -> Session {
        let checked = parse_with_desk_checks(name, opened);
        let published = match (slot, &checked) {
            (Slot::New, _) | (_, Err(_)) => None,
            (_, Ok((story, _))) => Some(Published::of(story)),
        };
        let opened_text: Rc<str> = Rc::from(opened);
        let mut session = Session {
            slot,
            name: name.to_string(),
            opened_text: opened_text.clone(),
            opened: published,
            text: opened_text.clone(),
            problems: Vec::new(),
            desk_checks: None,
            good: None,
            compiled: None,
            corrections: None,
        };
        match draft {
            Some(draft) => session.check(draft),
            // The text as opened has just been checked.
            None => session.take(checked, opened_text),
        }
        session
    }

    /// Checks `text` with the same checker as `check-story`.
    pub fn check(&mut self, text: String) {
        let checked = parse_with_desk_checks(&self.name, &text);
        self.take(checked, Rc::from(text));
    }

    fn take(&mut self, checked: Checked, text: Rc<str>) {
        match checked {
            Ok((story, checks)) => {
                self.problems.clear();
                self.desk_checks = Some(checks);
                self.compiled = Some(Rc::new(story.encode()));
                self.corrections = Some(readiness::corrections(self.opened.as_ref(), &story));
                self.good = Some(Rc::new(story));
            }
            Err(problems) => {
                self.problems = problems;
                self.desk_checks = None;
                self.compiled = None;
                self.corrections = None;
            }
        }
        self.text = text;
    }

    /// Whether the preview shows an earlier version than the text: the text has problems.
    pub fn stale(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Whether the edit needs, and has, a corrections entry; `None` while it has problems.
    pub fn corrections(&self) -> Option<Corrections> {
        self.corrections
    }

    /// The compiled story, byte for byte what `check-story --compile` writes for the same
    /// text; `None` while the text has problems.
    pub fn compiled(&self) -> Option<Rc<Vec<u8>>> {
        self.compiled.clone()
    }

    /// The name of the compiled file to publish: `en.toml` becomes `en-corrected.story`.
    pub fn compiled_name(&self) -> String {
        let stem = self.name.strip_suffix(".toml").unwrap_or(&self.name);
        match self.slot {
            Slot::New => format!("{stem}.story"),
            _ => format!("{stem}-corrected.story"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = include_str!("../../content/en.toml");
    const TEMPLATE: &str = include_str!("../../content/desk/new-explainer.toml");

    #[test]
    fn a_broken_edit_keeps_the_last_good_story_and_lists_the_problem() {
        let mut session = Session::open(Slot::BuiltIn("en"), "en.toml", EN, None);
        assert!(session.problems.is_empty() && !session.stale());
        let good = session.good.clone().unwrap();
        let broken = EN.replacen(
            "sources = [\"klein-letter-2023\"",
            "sources = [\"klein-letter-2O23\"",
            1,
        );
        session.check(broken.clone());
        assert!(session.stale());
        assert!(Rc::ptr_eq(session.good.as_ref().unwrap(), &good));
        let problem = &session.problems[0];
        let line = broken[..broken.find("klein-letter-2O23").unwrap()]
            .matches('\n')
            .count()
            + 1;
        assert_eq!(problem.line, line);
        assert!(
            problem
                .message
                .contains("unknown source \"klein-letter-2O23\""),
            "{problem}"
        );
        assert_eq!((session.compiled(), session.corrections()), (None, None));
        session.check(EN.to_string());
        assert!(!session.stale());
        assert!(!Rc::ptr_eq(session.good.as_ref().unwrap(), &good));
    }

    #[test]
    fn the_compiled_download_is_the_checkers() {
        let session = Session::open(Slot::BuiltIn("en"), "en.toml", EN, None);
        let native = crate::story::parse("en.toml", EN).unwrap().encode();
        assert_eq!(session.compiled().as_deref(), Some(&native));
        assert_eq!(session.compiled_name(), "en-corrected.story");
    }

    #[test]
    fn a_draft_opens_over_the_story_it_edits() {
        let draft = EN.replacen("[[steps]]", "[[steps]]\n# a draft", 1);
        let session = Session::open(Slot::BuiltIn("en"), "en.toml", EN, Some(draft.clone()));
        assert_eq!(&*session.text, draft);
        assert_eq!(session.corrections(), Some(Corrections::Unchanged));
    }

    #[test]
    fn the_template_passes_the_checker_as_it_is() {
        let session = Session::open(Slot::New, "new-explainer.toml", TEMPLATE, None);
        assert!(session.problems.is_empty(), "{:?}", session.problems);
        assert_eq!(session.corrections(), Some(Corrections::NewStory));
        let story = session.good.unwrap();
        let roles: Vec<_> = story.accounts.iter().map(|a| a.role).collect();
        assert_eq!(
            roles,
            [
                Some(crate::story::Role::Claim),
                Some(crate::story::Role::Answer)
            ]
        );
        assert_eq!(story.steps.len(), 1);
        assert_eq!(story.sources.len(), 1);
        // Its one desk check says the placeholders are still there.
        assert_eq!(session.desk_checks.unwrap().len(), 1);
    }
}
