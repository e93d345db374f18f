//! The explanation of one diagram element, opened by selecting it. Takes focus when it opens so
//! screen-reader and keyboard users land on it; the root returns focus when it closes.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::sources::Citations;
use crate::story::Story;
use crate::text::paragraphs;

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

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(props.heading.clone(), move |_| {
            if let Some(element) = panel.cast::<HtmlElement>() {
                let _ = element.focus();
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
