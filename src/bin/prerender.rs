//! Writes the build-time parts of the built site (Trunk's post_build hook):
//! `prerender DIST/index.html`. It renders the explainer into the page, moves Trunk's inline
//! start-up script into `start.js` (so the page needs no `'unsafe-inline'` in its
//! Content-Security-Policy), and writes the page's oEmbed response (`oembed.json`) for CMSs
//! that embed by pasting a URL.
//!
//! The page's public address comes from `PUBLIC_URL` (default `http://127.0.0.1:8080/`), since
//! an oEmbed response must name absolute URLs. The page then shows the first step before the wasm arrives, and
//! carries every step's text for readers without JavaScript, printers, feed readers and search
//! engines. In the browser the app renders the same components over it in one go, so nothing
//! on screen moves.

use std::process::ExitCode;
use std::rc::Rc;

use inbox_explainer::builtin::story_bytes;
use inbox_explainer::components::explainer::{Explainer, ExplainerProps};
use inbox_explainer::embed::{json_string, origin_of};
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
    let renderer = yew::LocalServerRenderer::<Explainer>::with_props(yew::props!(ExplainerProps {
        story: story.clone(),
        always_document: true,
    }));
    let html = futures::executor::block_on(renderer.render());
    let (page, start) = match external_start_script(&page.replacen(MARKER, &html, 1)) {
        Ok(parts) => parts,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let start_path = std::path::Path::new(&path).with_file_name("start.js");
    if let Err(error) = std::fs::write(&start_path, start) {
        eprintln!("prerender: cannot write {}: {error}", start_path.display());
        return ExitCode::FAILURE;
    }
    if let Err(error) = std::fs::write(&path, page) {
        eprintln!("prerender: cannot write {path}: {error}");
        return ExitCode::FAILURE;
    }
    let public_url = std::env::var("PUBLIC_URL").unwrap_or_else(|_| DEFAULT_PUBLIC_URL.into());
    if origin_of(&public_url).is_none() {
        eprintln!("prerender: PUBLIC_URL {public_url:?} is not an http(s) URL");
        return ExitCode::FAILURE;
    }
    let oembed = std::path::Path::new(&path).with_file_name("oembed.json");
    if let Err(error) = std::fs::write(&oembed, oembed_response(&story.title, &public_url)) {
        eprintln!("prerender: cannot write {}: {error}", oembed.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080/";
/// The height an embedding CMS reserves; the explainer's first step fits in it on phones.
const EMBED_HEIGHT: u32 = 1400;
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

/// Replaces the inline module script Trunk writes to start the app with a reference to
/// `start.js`, and returns the page and that script. The script also handles a failed start
/// (the wasm cannot be fetched or compiled): it marks every placeholder so the page shows the
/// whole explanation it already holds, and reports the error once.
fn external_start_script(page: &str) -> Result<(String, String), String> {
    const OPEN: &str = "<script type=\"module\">";
    let start = page
        .find(OPEN)
        .ok_or("no inline module script from Trunk to move into start.js")?;
    let end = page[start..]
        .find("</script>")
        .map(|e| start + e + "</script>".len())
        .ok_or("the inline module script is not closed")?;
    let inline = &page[start..end];
    let quoted = |after: &str| -> Result<String, String> {
        let rest = &inline[inline
            .find(after)
            .ok_or(format!("no {after:?} in Trunk's script"))?
            + after.len()..];
        let rest = rest
            .trim_start()
            .strip_prefix('\'')
            .ok_or("expected a quoted path")?;
        Ok(rest[..rest.find('\'').ok_or("unterminated path")?].to_string())
    };
    let module = quoted(" from")?;
    let wasm = quoted("module_or_path:")?;
    let script = format!(
        r#"// Starts the explainer on this page. A file, not an inline script, so the page works under
// a Content-Security-Policy without 'unsafe-inline'.
import init from "{module}";

// After a panic, reported once by the explainer (src/fault.rs), the wasm stops with a trap:
// the same fault, so it is kept out of the console.
const alreadyReported = (error) =>
  error instanceof WebAssembly.RuntimeError && document.querySelector("[data-failed]") !== null;
addEventListener("error", (event) => alreadyReported(event.error) && event.preventDefault());
addEventListener("unhandledrejection", (event) => alreadyReported(event.reason) && event.preventDefault());

try {{
  await init({{ module_or_path: "{wasm}" }});
}} catch (error) {{
  // The page already holds the whole explanation: show it, with a notice, instead of controls
  // that would do nothing.
  for (const placeholder of document.querySelectorAll("[data-inbox-explainer]")) {{
    placeholder.setAttribute("data-failed", "");
  }}
  console.error("inbox-explainer: the interactive version could not start:", error);
}}
"#
    );
    let page = format!(
        "{}<script type=\"module\" src=\"{}\"></script>{}",
        &page[..start],
        module
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
            .to_string()
            + "/start.js",
        &page[end..]
    );
    Ok((page, script))
}
