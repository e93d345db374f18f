//! The story: what the explainer says, owned by editors.
//!
//! `model` is the validated story the widget renders; it is plain data, shared by the native
//! tools and the wasm bundle. `parse` turns a TOML story file into that model, or into a
//! [`StoryError`] that names the file, line, column and field. Parsing runs natively only (in the
//! build script, the `check-story` tool and the tests): the bundle receives a story that has
//! already passed every check, and `decode` reads it back in the browser.

mod decode;
pub mod desk;
pub mod model;

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub mod parse;

pub use model::*;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod content_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod corpus_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz_tests;

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub use parse::{parse, parse_with_desk_checks, StoryError};
