//! Mounts an explainer on every `[data-inbox-explainer]` element of the page. Each mount is
//! independent. The element's own content (the text shown before the app starts) is replaced.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::rc::Rc;

    use inbox_explainer::builtin::story_bytes;
    use inbox_explainer::components::explainer::ExplainerProps;
    use inbox_explainer::components::Explainer;
    use inbox_explainer::story::Story;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(mounts) = document.query_selector_all("[data-inbox-explainer]") else {
        return;
    };
    for i in 0..mounts.length() {
        let Some(root) = mounts
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let language = root
            .get_attribute("data-lang")
            .unwrap_or_else(|| "en".into());
        match Story::decode(story_bytes(&language)) {
            Ok(story) => {
                root.set_inner_html("");
                yew::Renderer::<Explainer>::with_root_and_props(
                    root,
                    ExplainerProps {
                        story: Rc::new(story),
                    },
                )
                .render();
            }
            // The page's own text stays on screen; the reader still has the explanation.
            Err(error) => web_sys::console::error_1(
                &format!("inbox-explainer: cannot decode the built-in story: {error}").into(),
            ),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in the browser: see README.md for the serve command.");
}
