//! Writes the build-time parts of the built site (Trunk's post_build hook):
//! `prerender DIST/index.html`. It renders the explainer into the page; checks that the page
//! starts the app with `start.js` (written by Trunk from `pattern_script` in Trunk.toml), which
//! starts it once the page is painted and the explainer in view; writes every story but the
//! built-in one as `stories/LANG.story`; and writes the page's oEmbed response (`oembed.json`)
//! for CMSs that embed by pasting a URL; and writes `publisher.json`, each story's language,
//! steps and open desk checks, from which the publisher page builds its choices.
//!
//! The page's public address comes from `PUBLIC_URL` (default `http://127.0.0.1:8080/`), since
//! an oEmbed response must name absolute URLs. The page then shows the first step before the
//! wasm arrives, and carries every step's text for readers without JavaScript, printers, feed
//! readers and search engines. In the browser the app renders the same components over it once
//! the page has been painted, so nothing on screen moves.

use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use inbox_explainer::builtin::{story_bytes, BUILT_IN, STORIES};
use inbox_explainer::components::document::{Document, DocumentProps};
use inbox_explainer::components::explainer::{Explainer, ExplainerProps};
use inbox_explainer::embed::{json_string, origin_of, EMBED_HEIGHT};
use inbox_explainer::publishing::publisher_data;
use inbox_explainer::story::{parse_with_desk_checks, Story};

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
    let story = match Story::decode(story_bytes(BUILT_IN)) {
        Ok(story) => Rc::new(story),
        Err(error) => {
            eprintln!("prerender: cannot decode the built-in story: {error}");
            return ExitCode::FAILURE;
        }
    };
    let html = match explainer_with_document(&story) {
        Ok(html) => html,
        Err(error) => {
            eprintln!("prerender: {error}");
            return ExitCode::FAILURE;
        }
    };
    let page = page.replacen(MARKER, &html, 1);
    if let Err(error) = check_start_script(&page) {
        eprintln!("prerender: {path}: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::fs::write(&path, page) {
        eprintln!("prerender: cannot write {path}: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = write_other_languages(Path::new(&path)) {
        eprintln!("prerender: {error}");
        return ExitCode::FAILURE;
    }
    if let Err(error) = write_publisher_data(Path::new(&path)) {
        eprintln!("prerender: {error}");
        return ExitCode::FAILURE;
    }
    let public_url = std::env::var("PUBLIC_URL").unwrap_or_else(|_| DEFAULT_PUBLIC_URL.into());
    if origin_of(&public_url).is_none() {
        eprintln!("prerender: PUBLIC_URL {public_url:?} is not an http(s) URL");
        return ExitCode::FAILURE;
    }
    let oembed = Path::new(&path).with_file_name("oembed.json");
    if let Err(error) = std::fs::write(&oembed, oembed_response(&story.title, &public_url)) {
        eprintln!("prerender: cannot write {}: {error}", oembed.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Writes each story but the built-in one as `stories/LANG.story` beside `page`: the app fetches
/// the reader's language from there, so its bundle carries one story, not all.
fn write_other_languages(page: &Path) -> Result<(), String> {
    let dir = page.with_file_name("stories");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (_, language, bytes) in STORIES.iter().filter(|(_, tag, _)| *tag != BUILT_IN) {
        let file = dir.join(format!("{language}.story"));
        std::fs::write(&file, bytes)
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    Ok(())
}

/// Writes `publisher.json` beside `page`, from the story files themselves (the compiled
/// stories do not carry the desk checks): the built-in language first, then the others.
fn write_publisher_data(page: &Path) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut stories = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?;
        let parsed = parse_with_desk_checks(&name, &text).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            lines.join("\n")
        })?;
        stories.push(parsed);
    }
    stories.sort_by_key(|(story, _)| story.language != BUILT_IN);
    let out = page.with_file_name("publisher.json");
    std::fs::write(&out, publisher_data(&stories))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// The explainer at its first step, with the whole-story document inside it, before its footer
/// (where the app renders its own for "All steps" and print).
fn explainer_with_document(story: &Rc<Story>) -> Result<String, String> {
    const FOOTER: &str = "<footer class=\"ia-footer\">";
    let explainer =
        yew::LocalServerRenderer::<Explainer>::with_props(yew::props!(ExplainerProps {
            story: story.clone(),
        }))
        .hydratable(false);
    let document = yew::LocalServerRenderer::<Document>::with_props(DocumentProps {
        story: story.clone(),
    })
    .hydratable(false);
    let (explainer, document) =
        futures::executor::block_on(async { (explainer.render().await, document.render().await) });
    if explainer.matches(FOOTER).count() != 1 {
        return Err(format!("the explainer must render {FOOTER:?} exactly once"));
    }
    Ok(explainer.replacen(FOOTER, &format!("{document}{FOOTER}"), 1))
}

const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080/";
const EMBED_WIDTH: u32 = 640;

/// An oEmbed 1.0 `rich` response whose HTML is a titled, lazy-loaded iframe of the explainer.
fn oembed_response(title: &str, public_url: &str) -> String {
    let attribute = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    let html = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"{EMBED_WIDTH}\" height=\"{EMBED_HEIGHT}\" style=\"width:100%;height:{EMBED_HEIGHT}px;border:0\"></iframe>",
        attribute(public_url),
        attribute(title)
    );
    format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"title\":{},\"html\":{},\"width\":{EMBED_WIDTH},\"height\":{EMBED_HEIGHT}}}\n",
        json_string(title),
        json_string(&html)
    )
}

/// Checks that Trunk started the app the way Trunk.toml's `pattern_script` says: one tag for
/// `start.js` naming the app's files, and no inline script (the page's Content-Security-Policy
/// allows none).
fn check_start_script(page: &str) -> Result<(), String> {
    const TAG: &str = "<script type=\"module\" src=\"";
    let tags: Vec<&str> = page
        .match_indices("<script")
        .map(|(at, _)| &page[at..])
        .collect();
    match tags.as_slice() {
        [tag] if tag.starts_with(TAG)
            && tag[TAG.len()..].split('"').next().is_some_and(|src| src.ends_with("start.js"))
            && tag.contains("data-app-module=\"")
            && tag.contains("data-app-wasm=\"") =>
        {
            Ok(())
        }
        _ => Err("the page must start the app with one start.js tag naming the app's files (Trunk.toml's pattern_script)".into()),
    }
}
