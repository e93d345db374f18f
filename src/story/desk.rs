//! Desk checks: what only a person at the news desk can do before a story is published, such
//! as pulling a court docket, asking a company for comment or opening a page no archive holds.
//! They are kept in the story file as data, checked like every other field, and never reach
//! the compiled story: readers never see them. `check-story --publish` refuses a story while
//! any is open, and the publisher page lists them.

use super::model::Date;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskCheck {
    pub id: String,
    /// What to do, in the desk's words.
    pub task: String,
    /// When and by whom it was done; `None` while the check is open.
    pub done: Option<Done>,
    /// The desk's working note on it, if any.
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub on: Date,
    /// The initials of whoever did it.
    pub by: String,
}

impl DeskCheck {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }
}

/// The checks still open, in the file's order.
pub fn open_checks(checks: &[DeskCheck]) -> impl Iterator<Item = &DeskCheck> {
    checks.iter().filter(|check| check.is_open())
}
