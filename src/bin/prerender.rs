//! Writes the build-time parts of the built site (Trunk's post_build hook):
//! `prerender DIST/index.html`. It renders the explainer into the page; replaces Trunk's inline
//! start-up script and preload links with `start.js`, which starts the app once the page is
//! painted and the explainer in view (a file, so the page needs no `'unsafe-inline'` in its
//! Content-Security-Policy); writes every story but the built-in one as `stories/LANG.story`;
//! and writes the page's oEmbed response (`oembed.json`) for CMSs that embed by pasting a URL.
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
    let (page, start) = match external_start_script(&page.replacen(MARKER, &html, 1)) {
        Ok(parts) => parts,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let start_path = Path::new(&path).with_file_name("start.js");
    if let Err(error) = std::fs::write(&start_path, start) {
        eprintln!("prerender: cannot write {}: {error}", start_path.display());
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
/// `start.js`, and returns the page and that script: `web/start.js` with this build's file
/// names. The script also handles a failed start
/// (the wasm cannot be fetched or compiled): it marks every placeholder so the page shows the
/// whole explanation it already holds, and reports the error once.
fn external_start_script(page: &str) -> Result<(String, String), String> {
    const MODULE: &str = "__APP_MODULE__";
    const WASM: &str = "__APP_WASM__";
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
    // The page's starter, from web/start.js, pointed at this build's files.
    let template = include_str!("../../web/start.js");
    if !template.contains(MODULE) || !template.contains(WASM) {
        return Err(format!("web/start.js must name {MODULE} and {WASM}"));
    }
    let script = template.replace(MODULE, &module).replace(WASM, &wasm);
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
    Ok((without_preloads(&page, &[&module, &wasm])?, script))
}

/// `page` without the `<link rel="preload">` and `<link rel="modulepreload">` Trunk writes for
/// each of `urls`: start.js loads them once the page is painted.
fn without_preloads(page: &str, urls: &[&str]) -> Result<String, String> {
    let mut head = page.to_string();
    for url in urls {
        let missing = || format!("no preload link for {url} from Trunk");
        let at = head.find(&format!("href=\"{url}\"")).ok_or_else(missing)?;
        let start = head[..at].rfind("<link ").ok_or_else(missing)?;
        let end = at + head[at..].find('>').ok_or_else(missing)? + 1;
        if !head[start..end].contains("preload") {
            return Err(missing());
        }
        head.replace_range(start..end, "");
    }
    Ok(head)
}
