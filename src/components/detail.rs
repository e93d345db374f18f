//! The explanation of one diagram element, opened by selecting it. Takes focus when it opens so
//! screen-reader and keyboard users land on it; the root returns focus when it closes.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::sources::Citations;
use crate::story::Story;
use crate::text::paragraphs;

/// The drawing a phone's sheet keeps in sight, in the figure the panel belongs to.
const DIAGRAM: &str = ".ia-diagram__canvas";
/// Room above the diagram when the page moves to show it above the sheet.
const SHEET_MARGIN: f64 = 8.0;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub story: Rc<Story>,
    pub heading: AttrValue,
    /// A line under the heading, e.g. where an arrow goes ("You → Your friend").
    #[prop_or_default]
    pub subline: Option<AttrValue>,
    pub body: AttrValue,
    /// Labelled facts, e.g. ("Needs permission", "Read messages").
    #[prop_or_default]
    pub facts: Vec<(AttrValue, AttrValue)>,
    pub sources: Vec<usize>,
    pub on_close: Callback<()>,
}

/// Focuses the panel without letting the browser scroll it to the top of the screen, which
/// would take the diagram away. On a phone the panel is a sheet at the bottom of the screen
/// (panels.css): the page moves only so far that the diagram sits above it. Elsewhere it moves
/// only as far as needed to show the panel's top. In a frame the screen is the framing page's,
/// which only the browser can see: it is asked to show the panel, as little as it can.
fn focus_in_view(panel: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = panel.focus_with_options(&options);
    let Some(window) = web_sys::window() else {
        return;
    };
    let framed = crate::host::parent(&window).is_some();
    let sheet = window
        .get_computed_style(panel)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("position").ok())
        .is_some_and(|position| position == "sticky");
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = panel.get_bounding_client_rect().top();
    let diagram = panel
        .parent_element()
        .and_then(|figure| figure.query_selector(DIAGRAM).ok().flatten());
    if let (false, true, Some(diagram)) = (framed, sheet, diagram) {
        let drawn = diagram.get_bounding_client_rect();
        if drawn.top() < 0.0 || drawn.bottom() > top {
            window.scroll_by_with_x_and_y(0.0, drawn.top() - SHEET_MARGIN);
        }
    } else if framed || !(0.0..height).contains(&top) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        panel.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(props.heading.clone(), move |_| {
            if let Some(element) = panel.cast::<HtmlElement>() {
                focus_in_view(&element);
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    // The panel's name is its title and, where there is one, the line under it.
    let label = match &props.subline {
        Some(subline) => format!("{} ({subline})", props.heading),
        None => props.heading.to_string(),
    };
    html! {
        <section class="ia-detail" ref={panel} tabindex="-1" aria-label={label}>
            <div class="ia-detail__head">
                <div class="ia-detail__titles">
                    <h4 class="ia-detail__heading">{ &props.heading }</h4>
                    if let Some(subline) = &props.subline {
                        <p class="ia-detail__subline">{ subline }</p>
                    }
                </div>
                <button type="button" class="ia-button ia-detail__close" onclick={close}>
                    { &props.story.ui.details_close }
                </button>
            </div>
            { for paragraphs(&props.body).into_iter().map(|p| html! { <p>{ p }</p> }) }
            if !props.facts.is_empty() {
                <dl class="ia-detail__facts">
                    { for props.facts.iter().map(|(label, value)| html! {
                        <div><dt>{ label }</dt><dd>{ value }</dd></div>
                    }) }
                </dl>
            }
            <Citations story={props.story.clone()} sources={props.sources.clone()} />
        </section>
    }
}
