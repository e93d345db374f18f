//! Inbox Access Explainer: an embeddable, step-by-step explainer of what alleged "programmatic
//! access to Facebook's private message inboxes" by Netflix would mean technically, next to
//! Meta's description of the same agreement.
//!
//! # Shape
//!
//! A functional core with a thin view. The core is plain Rust, tested natively:
//!
//! - [`story`]: the story file format, its parser and validator. Every reader-facing word,
//!   labels included, comes from a story file in `content/`.
//! - [`nav`]: the reader's state (step, view, open detail, granted permissions) and the one
//!   function that applies actions to it.
//! - [`figure`]: what a step's figure shows, for the interactive step and the document alike.
//! - [`scene`]: diagram geometry for a set of flows and an orientation, and which form fits.
//! - [`text`]: placeholders, dates and paragraphs.
//!
//! [`components`] turn that state into markup and reader input into [`nav::Action`]s.
//!
//! # Glossary
//!
//! - **Story**: one language's whole explanation: steps, actors, flows, sources, timeline.
//! - **Step**: one screen of the walkthrough: title, short text, quotes, sources, a diagram.
//! - **Account**: whose description something is: the court filing's allegation, Meta's
//!   description, or 2018 reporting.
//! - **View**: which account the diagram shows: as alleged, as Meta describes it, side by side.
//! - **Actor**: a box in the diagram (you, your friend, the Netflix app, Facebook's servers...).
//! - **Flow**: an arrow between two actors: who sends what to whom, under which permission.
//! - **Scene**: the laid-out geometry of one diagram.

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub mod desk;
pub mod embed;
pub mod figure;
pub mod nav;
pub mod options;
#[cfg(not(target_arch = "wasm32"))]
pub mod publishing;
pub mod scene;
pub mod story;
pub mod text;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod contract_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod untrusted_fuzz_tests;

pub mod components;
pub mod fault;
pub mod host;
#[cfg(target_arch = "wasm32")]
pub mod mount;

/// The stories validated and encoded by the build script, by language.
pub mod builtin {
    include!(concat!(env!("OUT_DIR"), "/stories.rs"));

    /// The built-in story for `language`, falling back to the first one.
    pub fn story_bytes(language: &str) -> &'static [u8] {
        STORIES
            .iter()
            .find(|(_, tag, _)| *tag == language)
            .or(STORIES.first())
            .map_or(&[], |(_, _, bytes)| bytes)
    }

    /// Whether the story in `language` exists but is served beside the app instead of being
    /// carried in it (in the browser's bundle, every language but the built-in one).
    pub fn served_apart(language: &str) -> bool {
        LANGUAGES.contains(&language) && !STORIES.iter().any(|(_, tag, _)| *tag == language)
    }
}
