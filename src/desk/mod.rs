//! The story desk: a page, served with the explainer at `desk/`, where an editor opens a story,
//! edits it, sees it checked by the same checker as `check-story` and previewed by the real
//! explainer, and downloads the file, its compiled form and the snippet that publishes it. It
//! has its own bundle (the `desk` feature), so the reader's bundle carries no TOML parser.
//!
//! `text` (positions in the editor's text), `readiness` (is a change logged for readers),
//! `session` (one open story and what the checker made of it), `snippet` (the markup that
//! publishes it) and `labels` (the desk's own words) are plain Rust, tested natively; `app`,
//! `editor`, `panels`, `preview` and `browser` are the page.

pub mod labels;
pub mod readiness;
pub mod session;
pub mod snippet;
pub mod text;

#[cfg(feature = "desk")]
mod app;
#[cfg(feature = "desk")]
mod browser;
#[cfg(feature = "desk")]
mod editor;
#[cfg(feature = "desk")]
mod panels;
#[cfg(feature = "desk")]
mod preview;

use labels::Labels;

/// The stories shipped with the explainer, as their files: (language, file name, text).
pub const BUILT_IN: [(&str, &str, &str); 2] = [
    ("en", "en.toml", include_str!("../../content/en.toml")),
    ("es", "es.toml", include_str!("../../content/es.toml")),
];

/// A short story to start the next explainer from; it passes the checker as it is.
pub const TEMPLATE: &str = include_str!("../../content/desk/new-explainer.toml");
pub const TEMPLATE_NAME: &str = "new-explainer.toml";

/// The file name and text of the built-in story in `language` (English if there is none).
pub fn built_in(language: &str) -> (&'static str, &'static str) {
    let (_, name, text) = BUILT_IN
        .iter()
        .find(|(l, _, _)| *l == language)
        .unwrap_or(&BUILT_IN[0]);
    (name, text)
}

/// The text of a file the editor opened, or why it cannot be edited: too large to be a story,
/// or not UTF-8 text (a binary file). Said before any parsing, so the page answers at once.
pub fn opened_file_problem(labels: &Labels, name: &str, bytes: Vec<u8>) -> Result<String, String> {
    use crate::story::parse::MAX_STORY_BYTES;
    use crate::text::fill;
    if bytes.len() > MAX_STORY_BYTES {
        return Err(fill(
            &labels.file_too_large,
            &[
                ("name", name),
                ("size", &size(bytes.len())),
                ("limit", &size(MAX_STORY_BYTES)),
            ],
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let byte = (error.utf8_error().valid_up_to() + 1).to_string();
        fill(&labels.file_not_text, &[("name", name), ("byte", &byte)])
    })
}

/// A size in bytes as an editor reads it: "70 KB", "5.0 MB".
pub fn size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// Starts the desk on the page's `#desk` element.
#[cfg(all(feature = "desk", target_arch = "wasm32"))]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("desk"))
    else {
        return;
    };
    match Labels::load() {
        Ok(labels) => {
            let props = app::DeskProps {
                labels: std::rc::Rc::new(labels),
            };
            yew::Renderer::<app::Desk>::with_root_and_props(root, props).render();
        }
        Err(error) => web_sys::console::error_1(&error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opened_file_must_be_text_of_a_story_s_size() {
        let labels = Labels::load().unwrap();
        let binary = vec![b'a', 0xff, 0xfe, 0];
        let error = opened_file_problem(&labels, "photo.jpg", binary).unwrap_err();
        assert!(
            error.contains("photo.jpg is not a text file: byte 2 is not UTF-8"),
            "{error}"
        );
        let huge = vec![b'#'; 5_000_000];
        let error = opened_file_problem(&labels, "huge.toml", huge).unwrap_err();
        assert!(
            error.contains("huge.toml is 5.0 MB; a story file is at most 512 KB"),
            "{error}"
        );
        assert_eq!(
            opened_file_problem(&labels, "a.toml", b"x = 1".to_vec()).unwrap(),
            "x = 1"
        );
    }

    #[test]
    fn the_template_is_short() {
        assert!(TEMPLATE.len() < 8_000);
    }
}
