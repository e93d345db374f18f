//! Mounting: reads each placeholder's options, picks its story and starts an explainer on it.
//! Each mount is independent; the placeholder's own content (the prerendered explainer, or text
//! shown before the app starts) is replaced only once a story is ready, so a failure leaves the
//! page readable.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::builtin::story_bytes;
use crate::components::explainer::{ExplainerProps, UrlMode};
use crate::components::Explainer;
use crate::embed::Host;
use crate::host::{announce, report_height};
use crate::options::{parse_query, Options};
use crate::story::Story;

/// Placeholder attributes that set options, as `data-NAME`.
const OPTION_ATTRIBUTES: [&str; 4] = ["step", "view", "lang", "theme"];

/// Starts an explainer on every `[data-inbox-explainer]` element of the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(placeholders) = document.query_selector_all("[data-inbox-explainer]") else {
        return;
    };
    for i in 0..placeholders.length() {
        if let Some(root) = placeholders
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            mount(root);
        }
    }
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
    let (host, url_mode) = if own_page {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let query = parse_query(&search);
        let host = Host::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        report_height(&host);
        pairs.extend(query);
        (
            Some(host),
            if framed() {
                UrlMode::Replace
            } else {
                UrlMode::Push
            },
        )
    } else {
        (None, UrlMode::Off)
    };

    let (options, mut warnings) =
        Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let language = options.language.clone().unwrap_or_else(|| "en".into());
    let story = match Story::decode(story_bytes(&language)) {
        Ok(story) => story,
        Err(error) => {
            web_sys::console::error_1(
                &format!("inbox-explainer: cannot decode the built-in story: {error}").into(),
            );
            return;
        }
    };
    if story.language != language {
        warnings.push(format!(
            "no story in language {language:?}; showing {:?}",
            story.language
        ));
    }
    let (start_step, step_warning) = options.start_step(&story);
    warnings.extend(step_warning);
    if !warnings.is_empty() {
        web_sys::console::warn_1(&format!("inbox-explainer: {}", warnings.join("; ")).into());
    }

    let placeholder = root.clone();
    let announce_to = host.clone().unwrap_or_default();
    let props = ExplainerProps {
        story: Rc::new(story),
        start_step,
        start_view: options.view.unwrap_or_default(),
        theme: options.theme,
        url_mode,
        host,
        on_event: yew::Callback::from(move |event| announce(&placeholder, &announce_to, &event)),
    };
    // The build may have rendered the first step here. The app replaces it with the same markup
    // within one task, before the browser paints, so nothing on screen moves.
    root.set_inner_html("");
    yew::Renderer::<Explainer>::with_root_and_props(root, props).render();
}

/// Whether this page is inside a frame.
fn framed() -> bool {
    web_sys::window()
        .and_then(|w| Some(w.parent().ok().flatten()? != w))
        .unwrap_or(false)
}
