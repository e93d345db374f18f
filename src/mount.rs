//! Mounting: reads each placeholder's options, picks its story and starts an explainer on it.
//! Each mount is independent; the placeholder's own content (the prerendered explainer, or text
//! shown before the app starts) is replaced only once a story is ready, so a failure leaves the
//! page readable.

use std::cell::OnceCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use crate::builtin::{served_apart, story_bytes, BUILT_IN};
use crate::components::explainer::{ExplainerProps, UrlMode};
use crate::components::figure::fit::measure_fit;
use crate::components::Explainer;
use crate::embed::Framing;
use crate::host::{announce, report_height};
use crate::options::{parse_query, Options};
use crate::scene::fit::Fit;
use crate::story::Story;

/// Placeholder attributes that set options, as `data-NAME`.
const OPTION_ATTRIBUTES: [&str; 6] = ["step", "view", "lang", "theme", "story", "heading"];

/// Starts an explainer on every `[data-inbox-explainer]` element of the page, each in tasks of
/// its own after the one that instantiated the wasm: the browser gets to handle input and paint
/// between them, instead of one long task for everything.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(placeholders) = document.query_selector_all("[data-inbox-explainer]") else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        for i in 0..placeholders.length() {
            next_task().await;
            if let Some(root) = placeholders
                .item(i)
                .and_then(|n| n.dyn_into::<Element>().ok())
            {
                mount(root);
            }
        }
    });
}

/// Resolves in a new task (a zero-delay timer), after whatever the browser has queued.
async fn next_task() {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(timer).await;
}

fn mount(root: Element) {
    let mut pairs: Vec<(String, String)> = OPTION_ATTRIBUTES
        .into_iter()
        .filter_map(|name| {
            Some((
                name.to_string(),
                root.get_attribute(&format!("data-{name}"))?,
            ))
        })
        .collect();
    // On the explainer's own page (standalone or in an iframe) the URL carries options too, and
    // says who frames the page.
    let own_page = root.has_attribute("data-sync-url");
    let (framing, url_mode) = if own_page {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let query = parse_query(&search);
        let framing = Framing::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        report_height(&framing);
        pairs.extend(query);
        (
            Some(framing),
            if framed() {
                UrlMode::Replace
            } else {
                UrlMode::Push
            },
        )
    } else {
        (None, UrlMode::Off)
    };

    let (options, warnings) =
        Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let stories = root.get_attribute("data-stories");
    // The language the reader asked for, or the built-in one.
    let language = options.language.clone().unwrap_or_else(|| BUILT_IN.into());
    let mut placeholder = Placeholder {
        root,
        language,
        options,
        warnings,
        framing,
        url_mode,
    };
    // An updated story (a correction) replaces the built-in one, but only from the page's own
    // origin. A language the bundle does not carry comes from beside the app's code, where its
    // starter (start.js, mount.js) says. Until either arrives the built page stays on screen.
    let fetched = match (placeholder.options.story.clone(), stories) {
        (Some(wanted), _) => same_origin(&wanted).map(Some),
        (None, Some(stories)) if served_apart(&placeholder.language) => {
            story_beside_app(&stories, &placeholder.language).map(Some)
        }
        _ => Ok(None),
    };
    match fetched {
        Ok(Some(url)) => wasm_bindgen_futures::spawn_local(async move {
            match fetch_story(&url).await {
                Ok(story) => placeholder.run(story),
                Err(problem) => {
                    web_sys::console::error_1(
                        &format!("inbox-explainer: the story {url} was not used: {problem}; showing the built-in story").into(),
                    );
                    placeholder.run_built_in();
                }
            }
        }),
        Ok(None) => placeholder.run_built_in(),
        Err(problem) => {
            placeholder.warnings.push(problem);
            placeholder.run_built_in();
        }
    }
}

/// A placeholder about to get its explainer: everything it needs but the story.
struct Placeholder {
    root: Element,
    /// The language the reader asked for, or the built-in one.
    language: String,
    options: Options,
    warnings: Vec<String>,
    framing: Option<Framing>,
    url_mode: UrlMode,
}

impl Placeholder {
    /// Runs on the story the bundle carries.
    fn run_built_in(self) {
        match built_in_story() {
            Ok(story) => self.run(story),
            Err(error) => web_sys::console::error_1(
                &format!("inbox-explainer: cannot decode the built-in story: {error}").into(),
            ),
        }
    }

    /// Renders the explainer on `story` in a task of its own. Decoding a story costs more than
    /// its size suggests the first time, because browsers compile the decoder on its first call;
    /// kept apart, decoding and rendering are two shorter tasks instead of one long one.
    fn run(mut self, story: Rc<Story>) {
        if story.language != self.language {
            self.warnings.push(format!(
                "no story in language \"{}\"; showing \"{}\"",
                self.language, story.language
            ));
        }
        let (start_step, step_warning) = self.options.start_step(&story);
        let (start_view, view_warning) = self.options.start_view(&story);
        self.warnings.extend(step_warning);
        self.warnings.extend(view_warning);
        if !self.warnings.is_empty() {
            web_sys::console::warn_1(
                &format!("inbox-explainer: {}", self.warnings.join("; ")).into(),
            );
        }
        let root = self.root;
        let placeholder = root.clone();
        let announce_to = self.framing.clone().unwrap_or_default();
        let mut props = ExplainerProps {
            story,
            start_step,
            start_view,
            theme: self.options.theme,
            heading: self.options.heading,
            url_mode: self.url_mode,
            framing: self.framing,
            on_event: yew::Callback::from(move |event| {
                announce(&placeholder, &announce_to, &event)
            }),
            fit: Fit::default(),
        };
        wasm_bindgen_futures::spawn_local(async move {
            next_task().await;
            // Mounted in someone else's page: render inside a shadow root with the explainer's
            // own stylesheet, so the page's CSS cannot reach in and ours cannot leak out.
            if let Some(styles) = root.get_attribute("data-styles") {
                mount_isolated(root, &styles, props);
                return;
            }
            // The build may have rendered the first step here. The app replaces it with the same
            // markup within one task, before the browser paints, so nothing on screen moves;
            // measured first, so the app draws only the forms that fit from its first render.
            if let Ok(Some(prerendered)) = root.query_selector(".ia") {
                props.fit = measure_fit(&prerendered);
            }
            root.set_inner_html("");
            yew::Renderer::<Explainer>::with_root_and_props(root.clone(), props).render();
            mark_ready(&root);
        });
    }
}

/// The one story the browser's bundle carries, decoded once per page and shared by every
/// explainer on it (stories are never changed once loaded).
fn built_in_story() -> Result<Rc<Story>, String> {
    thread_local! {
        static DECODED: OnceCell<Result<Rc<Story>, String>> = const { OnceCell::new() };
    }
    DECODED.with(|decoded| {
        decoded
            .get_or_init(|| Story::decode(story_bytes(BUILT_IN)).map(Rc::new))
            .clone()
    })
}

/// The address of the `language` story served apart, in the `stories` folder the starter named
/// (resolved against the page, and only over http(s)).
fn story_beside_app(stories: &str, language: &str) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let folder = if stories.ends_with('/') {
        stories.to_string()
    } else {
        format!("{stories}/")
    };
    let url =
        web_sys::Url::new_with_base(&format!("{folder}{language}.story"), &base).map_err(|_| {
            format!("data-stories \"{stories}\" is not a URL; using the built-in story")
        })?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(format!(
            "data-stories \"{stories}\" is not an http(s) URL; using the built-in story"
        ));
    }
    Ok(url.href())
}

/// `url` made absolute against the page, if it is on the page's own origin.
fn same_origin(url: &str) -> Result<String, String> {
    let location = web_sys::window().map(|w| w.location()).ok_or("no window")?;
    let page = location.href().map_err(|_| "no page address")?;
    let resolved = web_sys::Url::new_with_base(url, &page)
        .map_err(|_| format!("story \"{url}\" is not a URL; using the built-in story"))?;
    if Some(resolved.origin()) != location.origin().ok() {
        return Err(format!(
            "story \"{url}\" is not on this page's origin; using the built-in story"
        ));
    }
    Ok(resolved.href())
}

async fn fetch_story(url: &str) -> Result<Rc<Story>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "it could not be fetched".to_string())?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "its body could not be read")?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "its body could not be read")?;
    Story::decode(&js_sys::Uint8Array::new(&buffer).to_vec()).map(Rc::new)
}

/// Marks a placeholder whose explainer is running (`data-ready`), for hosts and tests that
/// need to know that the built page has been taken over.
fn mark_ready(placeholder: &Element) {
    let _ = placeholder.set_attribute("data-ready", "");
}

/// Renders into a shadow root of `placeholder` once `styles` has loaded; until then the placeholder's
/// own content stays on screen, so the reader never sees the explainer unstyled.
fn mount_isolated(placeholder: Element, styles: &str, props: ExplainerProps) {
    let Some(document) = placeholder.owner_document() else {
        return;
    };
    let shadow = match placeholder.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
        Ok(shadow) => shadow,
        Err(_) => {
            web_sys::console::error_1(
                &"inbox-explainer: this placeholder already has a shadow root; left as is".into(),
            );
            return;
        }
    };
    let (Ok(link), Ok(container)) = (
        document.create_element("link"),
        document.create_element("div"),
    ) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", styles);
    // Shown until the stylesheet arrives: the placeholder's own content, if any.
    let fallback = document.create_element("slot").ok();
    let _ = shadow.append_child(&link);
    if let Some(slot) = &fallback {
        let _ = shadow.append_child(slot);
    }
    let _ = shadow.append_child(&container);
    let start = move || {
        if let Some(slot) = &fallback {
            slot.remove();
        }
        yew::Renderer::<Explainer>::with_root_and_props(container.clone(), props.clone()).render();
        mark_ready(&placeholder);
    };
    let started = std::rc::Rc::new(std::cell::Cell::new(false));
    let once = {
        let started = started.clone();
        move || {
            if !started.replace(true) {
                start();
            }
        }
    };
    let on_error = {
        let styles = styles.to_string();
        let once = once.clone();
        move || {
            web_sys::console::error_1(
                &format!("inbox-explainer: cannot load the stylesheet {styles}").into(),
            );
            once();
        }
    };
    EventListener::once(&link, "load", move |_| once()).forget();
    EventListener::once(&link, "error", move |_| on_error()).forget();
}

/// Whether this page is inside a frame.
fn framed() -> bool {
    web_sys::window().is_some_and(|window| crate::host::parent(&window).is_some())
}
