//! Renders the explainer into the built page at build time (Trunk's post_build hook):
//! `prerender DIST/index.html`. The page then shows the first step before the wasm arrives, and
//! carries every step's text for readers without JavaScript, printers, feed readers and search
//! engines. In the browser the app renders the same components over it in one go, so nothing
//! on screen moves.

use std::process::ExitCode;
use std::rc::Rc;

use inbox_explainer::builtin::story_bytes;
use inbox_explainer::components::explainer::{Explainer, ExplainerProps};
use inbox_explainer::story::Story;

/// Written in `index.html` inside the mount element; replaced by the rendered explainer.
const MARKER: &str = "<!-- prerendered explainer -->";

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender PATH/TO/index.html");
        return ExitCode::from(2);
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(page) => page,
        Err(error) => {
            eprintln!("prerender: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    if page.matches(MARKER).count() != 1 {
        eprintln!("prerender: {path} must contain the marker {MARKER:?} exactly once");
        return ExitCode::FAILURE;
    }
    let story = match Story::decode(story_bytes("en")) {
        Ok(story) => Rc::new(story),
        Err(error) => {
            eprintln!("prerender: cannot decode the built-in story: {error}");
            return ExitCode::FAILURE;
        }
    };
    let renderer =
        yew::LocalServerRenderer::<Explainer>::with_props(yew::props!(ExplainerProps { story }));
    let html = futures::executor::block_on(renderer.render());
    if let Err(error) = std::fs::write(&path, page.replacen(MARKER, &html, 1)) {
        eprintln!("prerender: cannot write {path}: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
