//! The markup that publishes a compiled story, for the desk to give the editor.

/// The snippets that publish `file` once it is uploaded beside the explainer at `base`: the
/// loader's (an iframe, with `?story=`) and a direct mount's (`data-story`).
/// Each headed by a comment naming it (`comments`: the loader's, the direct mount's).
pub fn snippet(base: &str, file: &str, language: &str, title: &str, comments: [&str; 2]) -> String {
    let attribute = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    let (base, file, title) = (attribute(base), attribute(file), attribute(title));
    let language = attribute(language);
    // A comment cannot hold "--".
    let [loader, direct] = comments.map(|c| c.replace("--", "–"));
    format!(
        "<!-- {loader} -->\n<div data-inbox-explainer-embed style=\"height:1400px\" data-src=\"{base}?story={file}\" data-lang=\"{language}\"\n     data-title=\"{title}\"></div>\n<script src=\"{base}embed.js\" async></script>\n\n<!-- {direct} -->\n<div data-inbox-explainer data-story=\"{base}{file}\" data-lang=\"{language}\"></div>\n<script type=\"module\" src=\"{base}mount.js\"></script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_points_both_embeds_at_the_compiled_file_and_escapes_the_title() {
        let text = snippet(
            "https://news.example/explainer/",
            "en-corrected.story",
            "en",
            "A \"quoted\" title",
            ["Loader", "Direct -- mount"],
        );
        assert!(text.starts_with("<!-- Loader -->\n<div data-inbox-explainer-embed"));
        assert!(text.contains("<!-- Direct – mount -->\n<div data-inbox-explainer "));
        assert!(
            text.contains("data-src=\"https://news.example/explainer/?story=en-corrected.story\"")
        );
        assert!(text.contains("data-story=\"https://news.example/explainer/en-corrected.story\""));
        assert!(text.contains("data-title=\"A &quot;quoted&quot; title\""));
    }
}
