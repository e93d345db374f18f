//! The contract between the Rust side and the JavaScript a publisher's page runs
//! (`web/embed.js`, the loader, `web/start.js` and `web/mount.js`): the same selectors, option names and
//! message types on both sides. A rename on one side fails here, not in a reader's browser.

use crate::embed::{EMBED_HEIGHT, EVENT, SCROLL, SHOW};
use crate::fault::FAILED_ATTRIBUTE;
use crate::options::{views, Options};

const LOADER: &str = include_str!("../web/embed.js");
const START: &str = include_str!("../web/start.js");
const MOUNT: &str = include_str!("../web/mount.js");
const PUBLISHER_PAGE: &str = include_str!("../web/publisher.html");
const PUBLISHER: &str = include_str!("../web/publisher.js");

/// The names in the loader's `const OPTIONS = [...]`.
fn loader_options() -> Vec<&'static str> {
    let start = LOADER
        .find("const OPTIONS = [")
        .expect("the loader lists its options")
        + 17;
    let end = start + LOADER[start..].find(']').expect("the list ends");
    LOADER[start..end]
        .split(',')
        .map(|name| name.trim().trim_matches('"'))
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn the_loader_speaks_every_message_type_the_explainer_uses() {
    for message in [SHOW, SCROLL, EVENT] {
        assert!(
            LOADER.contains(&format!("\"{message}\"")),
            "embed.js lacks {message}"
        );
    }
    // The height message, as `embed::Framing` writes it.
    assert!(LOADER.contains("data.context === \"iframe.resize\""));
    assert!(include_str!("embed.rs").contains("\\\"context\\\":\\\"iframe.resize\\\""));
}

#[test]
fn every_option_the_loader_forwards_is_one_the_explainer_reads() {
    let valid = [
        ("step", "timeline"),
        ("view", "meta"),
        ("lang", "es"),
        ("theme", "dark"),
        ("heading", "hide"),
    ];
    let forwarded = loader_options();
    assert!(!forwarded.is_empty());
    for name in &forwarded {
        let value = valid
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("embed.js forwards {name:?}, which has no test value here"))
            .1;
        let (options, warnings) = Options::from_pairs([(*name, value)]);
        assert!(warnings.is_empty(), "{name}={value}: {warnings:?}");
        assert_ne!(
            options,
            Options::default(),
            "the explainer ignores {name:?}"
        );
    }
    for (name, _) in valid {
        assert!(
            forwarded.contains(&name),
            "embed.js does not forward {name:?}"
        );
    }
}

#[test]
fn the_pages_and_the_mount_share_one_placeholder_selector() {
    assert!(LOADER.contains("[data-inbox-explainer-embed]"));
    assert!(include_str!("mount.rs").contains("\"[data-inbox-explainer]\""));
    for (name, script) in [("start.js", START), ("mount.js", MOUNT)] {
        assert!(
            script.contains("\"[data-inbox-explainer]\""),
            "{name} finds the placeholder"
        );
    }
}

#[test]
fn the_starters_find_the_app_where_the_build_names_it() {
    // Trunk writes the page's tag for start.js from Trunk.toml's pattern_script.
    let trunk = include_str!("../Trunk.toml");
    for attribute in [
        "data-app-module=\"{base}{js}\"",
        "data-app-wasm=\"{base}{wasm}\"",
    ] {
        assert!(
            trunk.contains(attribute),
            "Trunk.toml's pattern_script lacks {attribute}"
        );
    }
    assert!(START.contains("script[data-app-module][data-app-wasm]"));
    assert!(START.contains("app.appModule") && START.contains("app.appWasm"));
    // scripts/styles-and-mount fills mount.js's placeholders.
    for placeholder in ["__APP_MODULE__", "__APP_WASM__"] {
        assert!(MOUNT.contains(placeholder), "mount.js lacks {placeholder}");
    }
    let hook = include_str!("../scripts/styles-and-mount");
    assert!(hook.contains("web/mount.js"));
    assert!(hook.contains("s|__APP_MODULE__|") && hook.contains("s|__APP_WASM__|"));
}

#[test]
fn the_starters_mark_a_failed_explainer_as_the_app_does() {
    for (name, script) in [("start.js", START), ("mount.js", MOUNT)] {
        assert!(
            script.contains(&format!("setAttribute(\"{FAILED_ATTRIBUTE}\"")),
            "{name} marks a failure with {FAILED_ATTRIBUTE}"
        );
        assert!(
            script.contains(&format!("\"[{FAILED_ATTRIBUTE}]\"")),
            "{name} finds a failure by {FAILED_ATTRIBUTE}"
        );
    }
}

#[test]
fn the_publisher_page_and_the_loader_name_the_views_as_the_explainer_does() {
    let story = crate::story::parse("en.toml", include_str!("../content/en.toml")).unwrap();
    let view_names = views(&story);
    for (_, name) in view_names {
        assert!(
            PUBLISHER_PAGE.contains(&format!("<option value=\"{name}\">")),
            "publisher.html offers the view {name:?}"
        );
    }
    let options = PUBLISHER_PAGE.matches("<option value=").count();
    let themes = 3;
    assert_eq!(
        options,
        view_names.len() + themes + 2,
        "publisher.html offers no view the explainer lacks (it also has the theme's three and the two placeholders the stories replace)"
    );
    // The loader's fragment for step 1 in the default view.
    let (_, default_view) = view_names[0];
    assert!(LOADER.contains(&format!("\"1.{default_view}\"")));
    assert!(PUBLISHER.contains(&format!("view: \"{default_view}\"")));
}

#[test]
fn every_embed_reserves_the_same_height() {
    assert!(LOADER.contains(&format!("const DEFAULT_HEIGHT = {EMBED_HEIGHT};")));
    // The publisher page takes it from publisher.json, which the build writes from EMBED_HEIGHT.
    assert!(PUBLISHER.contains("data.embed_height"));
    assert!(!PUBLISHER.contains("height:1400") && !PUBLISHER.contains("height=\"1400\""));
}
