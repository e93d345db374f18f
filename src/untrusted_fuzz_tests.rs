//! Fuzzing what the explainer reads from outside its own files: messages a framing page posts
//! (`embed::Framing::accept`), the framing page's address (`embed::origin_of`) and the page's
//! query (`options`). These parsers stay hand-written because they are part of the plain-Rust
//! core, tested natively and used by the build, where the browser's `URL`, `URLSearchParams`
//! and `JSON` do not exist; so they are held here to the properties the browser's would give.
//! Whatever the input, they never panic; a message is accepted only from the framing page's
//! origin and only in the one shape the loader sends.

use proptest::prelude::*;

use crate::embed::{origin_of, Framing, SHOW};
use crate::options::{query_with_position, Options};

/// The shipped stories' view names.
const VIEWS: [&str; 3] = ["alleged", "meta", "side-by-side"];

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512)
}

/// Text with the characters JSON and URLs give meaning to, so that most cases are near misses.
fn hostile() -> impl Strategy<Value = String> {
    const PIECES: [&str; 17] = [
        "{", "}", "\"", "\\", ":", ",", " ", "type", SHOW, "step", "view", "%", "&", "=", "@",
        "://", "\u{0}",
    ];
    let piece = prop::sample::select(PIECES.to_vec()).prop_map(str::to_string);
    prop::collection::vec(prop_oneof![piece, "\\PC{0,4}"], 0..40).prop_map(|parts| parts.concat())
}

const PARENT: &str = "https://news.example";

fn framing() -> Framing {
    Framing::from_pairs([("parentUrl", "https://news.example/story")])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Any message from any origin: no panic, and nothing accepted from another origin.
    #[test]
    fn a_message_is_accepted_only_from_the_framing_page(origin in hostile(), data in hostile()) {
        let framing = framing();
        let accepted = framing.accept(&origin, &data);
        if origin != PARENT {
            prop_assert_eq!(accepted, None);
        }
    }

    /// An accepted message is the loader's shape: a flat object whose type is the show
    /// request and which names a step.
    #[test]
    fn an_accepted_message_carries_the_show_request(data in hostile()) {
        if framing().accept(PARENT, &data).is_some() {
            let trimmed = data.trim();
            prop_assert!(trimmed.starts_with('{') && trimmed.ends_with('}'), "{data:?}");
            prop_assert!(data.contains(SHOW) && data.contains("\"step\""), "{data:?}");
        }
    }

    /// The loader's own messages, with any step, are always accepted, whitespace or not.
    #[test]
    fn the_loaders_messages_are_accepted(step in "[a-z0-9-]{1,20}", view in 0usize..3, spaced in any::<bool>()) {
        let name = VIEWS[view];
        let gap = if spaced { " " } else { "" };
        let data = format!("{{\"type\":{gap}\"{SHOW}\",{gap}\"step\":\"{step}\",\"view\":\"{name}\"}}");
        prop_assert_eq!(framing().accept(PARENT, &data), Some((step, Some(name.to_string()))));
    }

    /// An origin is always `scheme://host[:port]` of an http(s) URL, lowercased, with nothing a
    /// path, query, fragment or user name could hide in.
    #[test]
    fn an_origin_is_only_scheme_and_host(url in hostile()) {
        for candidate in [url.clone(), format!("https://{url}"), format!("http://{url}/x")] {
            if let Some(origin) = origin_of(&candidate) {
                let rest = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
                prop_assert!(rest.is_some(), "{origin}");
                let rest = rest.unwrap();
                prop_assert!(!rest.is_empty() && !rest.contains(['/', '?', '#', '@']), "{origin}");
                prop_assert_eq!(rest.to_ascii_lowercase(), rest);
            }
        }
    }

    /// Any query parses without panicking, and the position the explainer writes into it reads
    /// back as written, whatever else the query holds.
    #[test]
    fn the_position_survives_any_query(query in hostile(), step in "[a-z0-9-]{1,20}", view in 0usize..3) {
        let _ = Options::from_query(&query);
        let expected = VIEWS[view];
        let written = query_with_position(&format!("?{query}"), &step, expected);
        let (options, _) = Options::from_query(&written);
        prop_assert_eq!(options.step.as_deref(), Some(step.as_str()));
        prop_assert_eq!(options.view.as_deref(), Some(expected));
    }
}
