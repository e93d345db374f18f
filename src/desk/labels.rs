//! The desk's own words, read from `content/desk/labels.toml`: no interface text lives in Rust.

use serde::Deserialize;

/// Every label of the desk page; the file must give each, and nothing else.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub title: String,
    pub intro: String,
    pub publisher_link: String,
    pub explainer_link: String,
    pub open_heading: String,
    pub story_label: String,
    pub story_en: String,
    pub story_es: String,
    pub story_new: String,
    pub story_file: String,
    pub open_file: String,
    pub drop_hint: String,
    pub discard: String,
    pub discard_confirm: String,
    pub discard_done: String,
    pub draft_saved: String,
    pub draft_restored: String,
    pub draft_failed: String,
    pub file_not_text: String,
    pub file_too_large: String,
    pub paste_too_large: String,
    pub editor_heading: String,
    pub editor_label: String,
    pub problems_heading: String,
    pub problems_none: String,
    pub problems_some: String,
    pub problems_one: String,
    pub problem_go: String,
    pub readiness_heading: String,
    pub desk_checks_open: String,
    pub desk_checks_done: String,
    pub desk_checks_unknown: String,
    pub corrections_missing: String,
    pub corrections_logged: String,
    pub corrections_unchanged: String,
    pub corrections_new_story: String,
    pub save_heading: String,
    pub download_toml: String,
    pub download_story: String,
    pub download_snippet: String,
    pub download_blocked: String,
    pub snippet_loader: String,
    pub snippet_direct: String,
    pub snippet_label: String,
    pub copy: String,
    pub copied: String,
    pub copy_failed: String,
    pub preview_heading: String,
    pub preview_width: String,
    pub preview_theme: String,
    pub theme_auto: String,
    pub theme_light: String,
    pub theme_dark: String,
    pub preview_scaled: String,
    pub preview_stale: String,
    pub preview_none: String,
}

const FILE: &str = include_str!("../../content/desk/labels.toml");

impl Labels {
    pub fn load() -> Result<Labels, String> {
        toml::from_str(FILE).map_err(|error| format!("content/desk/labels.toml: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_given_and_none_is_empty() {
        let labels = Labels::load().unwrap();
        let text = format!("{labels:?}");
        assert!(!text.contains(": \"\""), "an empty label: {text}");
    }
}
