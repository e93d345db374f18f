//! The checker's report: one located problem per error, as `file:line:column: field: message`.

use std::fmt;

/// One problem in a story file, located for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Where in the story's structure, e.g. `steps[3].sources[1]`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = if self.field.is_empty() {
            "(file)"
        } else {
            &self.field
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, field, self.message
        )
    }
}

pub(super) fn first_line(message: &str) -> String {
    message.trim().lines().next().unwrap_or("").to_string()
}

/// serde_path_to_error shows `Spanned` wrappers as extra segments; editors never wrote those.
pub(super) fn clean_path(path: &str) -> String {
    let kept: Vec<&str> = path
        .split('.')
        .filter(|s| !s.starts_with("$__") && *s != "?")
        .collect();
    kept.join(".")
}

pub(super) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
