//! Embed options (starting step, view, language, theme) read from a URL query or placeholder
//! attributes, and the query that records where the reader is. Invalid values fall back to the
//! defaults with a warning that says what was wrong; they never stop the explainer.

use crate::nav::View;
use crate::story::{Role, Story};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// Its name in options (`theme=dark`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn named(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("ia--light"),
            Theme::Dark => Some("ia--dark"),
        }
    }
}

/// Options as given, before they are checked against a story.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// A step id or a 1-based step number.
    pub step: Option<String>,
    /// A view's name, as the story names it (see [`view_name`]).
    pub view: Option<String>,
    pub language: Option<String>,
    pub theme: Theme,
    /// Address of an updated, compiled story file on the page's own origin (a correction).
    pub story: Option<String>,
    /// Whether the explainer shows its own title and dek (`heading=hide` when the article
    /// around it already carries them).
    pub heading: Heading,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Heading {
    #[default]
    Show,
    Hide,
}

/// The name of the view that shows both accounts, in every story.
pub const SIDE_BY_SIDE: &str = "side-by-side";

/// The name of `view` in URLs, messages and reader events: the id of the account that plays
/// its role, so a story names its own views (`view=alleged`), or `side-by-side`. A role no
/// account plays is named by the role itself.
pub fn view_name(story: &Story, view: View) -> &str {
    let role = match view {
        View::Claim => Role::Claim,
        View::Answer => Role::Answer,
        View::SideBySide => return SIDE_BY_SIDE,
    };
    story
        .role_account(role)
        .map_or(role.key(), |a| story.accounts[a].id.as_str())
}

/// Every view, with its name in `story`, in the switch's order.
pub fn views(story: &Story) -> [(View, &str); 3] {
    [View::Claim, View::Answer, View::SideBySide].map(|v| (v, view_name(story, v)))
}

/// The view `name` stands for in `story`.
pub fn find_view(story: &Story, name: &str) -> Option<View> {
    views(story)
        .into_iter()
        .find(|(_, n)| *n == name)
        .map(|(view, _)| view)
}

impl Options {
    /// Reads options from `(name, value)` pairs; later pairs win. Unknown names are ignored, since
    /// the same query carries other embeds' parameters (Pym.js adds its own, for instance).
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Options, Vec<String>) {
        let mut options = Options::default();
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            match name {
                "step" => options.step = Some(value.to_string()),
                "view" => options.view = Some(value.to_string()),
                "lang" => options.language = Some(value.to_string()),
                "story" => options.story = Some(value.to_string()),
                "heading" => match value {
                    "show" => options.heading = Heading::Show,
                    "hide" => options.heading = Heading::Hide,
                    _ => warnings.push(format!(
                        "heading \"{value}\" is not one of show, hide; showing the title"
                    )),
                },
                "theme" => match Theme::named(value) {
                    Some(theme) => options.theme = theme,
                    None => warnings.push(format!(
                        "theme \"{value}\" is not one of auto, light, dark; using auto"
                    )),
                },
                _ => {}
            }
        }
        (options, warnings)
    }

    /// Reads options from a URL query string (with or without the leading `?`).
    pub fn from_query(query: &str) -> (Options, Vec<String>) {
        let pairs = parse_query(query);
        Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The starting view in `story`, or the first with a warning if the option names none.
    pub fn start_view(&self, story: &Story) -> (View, Option<String>) {
        match &self.view {
            None => (View::default(), None),
            Some(wanted) => match find_view(story, wanted) {
                Some(view) => (view, None),
                None => {
                    let [(_, first), (_, second), (_, both)] = views(story);
                    let warning = format!(
                        "view \"{wanted}\" is not one of {first}, {second}, {both}; using {first}"
                    );
                    (View::default(), Some(warning))
                }
            },
        }
    }

    /// The starting step in `story`, or the first step with a warning if the option names none.
    pub fn start_step(&self, story: &Story) -> (usize, Option<String>) {
        match &self.step {
            None => (0, None),
            Some(wanted) => match find_step(story, wanted) {
                Some(step) => (step, None),
                None => (
                    0,
                    Some(format!(
                        "step \"{wanted}\" is neither a step id nor a number from 1 to {}; starting at step 1",
                        story.steps.len()
                    )),
                ),
            },
        }
    }
}

/// A step by id, or by its 1-based number.
pub fn find_step(story: &Story, wanted: &str) -> Option<usize> {
    story.steps.iter().position(|s| s.id == wanted).or_else(|| {
        let number: usize = wanted.parse().ok()?;
        (1..=story.steps.len())
            .contains(&number)
            .then(|| number - 1)
    })
}

/// `query` with `step` and `view` set to the reader's position and every other parameter kept,
/// so a copied link reopens the same step and view.
pub fn query_with_position(query: &str, step_id: &str, view_name: &str) -> String {
    let mut pairs: Vec<(String, String)> = parse_query(query)
        .into_iter()
        .filter(|(k, _)| k != "step" && k != "view")
        .collect();
    pairs.push(("step".into(), step_id.into()));
    pairs.push(("view".into(), view_name.into()));
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect();
    format!("?{}", encoded.join("&"))
}

/// Splits a query string into decoded pairs (`+` is a space, `%XX` a byte).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::parse;

    fn story() -> Story {
        parse(
            "minimal.toml",
            include_str!("../tests/fixtures/minimal.toml"),
        )
        .unwrap()
    }

    #[test]
    fn valid_options_are_read_and_unknown_parameters_ignored() {
        let (options, warnings) = Options::from_query(
            "?initialWidth=360&childId=a&step=compare&view=side-by-side&lang=es&theme=dark",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(options.step.as_deref(), Some("compare"));
        assert_eq!(options.start_view(&story()), (View::SideBySide, None));
        assert_eq!(options.language.as_deref(), Some("es"));
        assert_eq!(options.theme, Theme::Dark);
    }

    #[test]
    fn invalid_values_fall_back_with_a_warning_that_names_them() {
        let (options, warnings) = Options::from_query("view=sideways&theme=neon");
        assert_eq!(options.theme, Theme::Auto);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("\"neon\""));
        let (view, warning) = options.start_view(&story());
        assert_eq!(view, View::Claim);
        assert_eq!(
            warning.as_deref(),
            Some("view \"sideways\" is not one of alleged, meta, side-by-side; using alleged")
        );
    }

    #[test]
    fn views_are_named_by_the_accounts_that_play_their_roles() {
        let story = story();
        for (view, name) in [
            (View::Claim, "alleged"),
            (View::Answer, "meta"),
            (View::SideBySide, "side-by-side"),
        ] {
            assert_eq!(view_name(&story, view), name);
            assert_eq!(find_view(&story, name), Some(view));
        }
        assert_eq!(find_view(&story, "claim"), None);
    }

    #[test]
    fn a_step_is_found_by_id_or_by_number() {
        let story = story();
        assert_eq!(find_step(&story, "compare"), Some(2));
        assert_eq!(find_step(&story, "3"), Some(2));
        assert_eq!(find_step(&story, "0"), None);
        assert_eq!(find_step(&story, "7"), None);
        assert_eq!(find_step(&story, "nope"), None);
    }

    #[test]
    fn an_unknown_starting_step_starts_at_the_first_with_a_warning() {
        let options = Options {
            step: Some("<script>".into()),
            ..Options::default()
        };
        let (step, warning) = options.start_step(&story());
        assert_eq!(step, 0);
        assert!(warning
            .unwrap()
            .contains("\"<script>\" is neither a step id nor a number from 1 to 6"));
    }

    #[test]
    fn the_position_query_replaces_step_and_view_and_keeps_the_rest() {
        let query = query_with_position(
            "?lang=en&step=old&view=meta&childId=x%20y",
            "timeline",
            "side-by-side",
        );
        assert_eq!(
            query,
            "?lang=en&childId=x%20y&step=timeline&view=side-by-side"
        );
        let (options, warnings) = Options::from_query(&query);
        assert!(warnings.is_empty());
        assert_eq!(
            (options.step.as_deref(), options.view.as_deref()),
            (Some("timeline"), Some("side-by-side"))
        );
    }

    #[test]
    fn queries_decode_percent_escapes_and_plus_and_survive_broken_escapes() {
        let pairs = parse_query("a=%41%2b+b&b=%zz&c=%4");
        assert_eq!(pairs[0], ("a".into(), "A+ b".into()));
        assert_eq!(pairs[1], ("b".into(), "%zz".into()));
        assert_eq!(pairs[2], ("c".into(), "%4".into()));
    }
}
