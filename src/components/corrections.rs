//! The story's dated log of corrections and updates, at the end of the explainer. It sits in the
//! footer, which every delivery renders: the interactive view, "All steps", print and the
//! prerendered page readers without JavaScript get. Between steps it is one line that opens;
//! in "All steps" and in print it is open (print.css opens it for the prerendered page too).

use std::rc::Rc;

use yew::prelude::*;

use crate::story::Story;
use crate::text::{format_date, iso_date};

#[derive(Properties, PartialEq)]
pub struct CorrectionsProps {
    pub story: Rc<Story>,
    /// Listed open ("All steps" and print) rather than folded into one line.
    pub open: bool,
}

#[component]
pub fn Corrections(props: &CorrectionsProps) -> Html {
    let story = &props.story;
    let open = props.open;
    if story.corrections.is_empty() {
        return Html::default();
    }
    let ui = &story.ui;
    html! {
        <details class="ia-corrections" {open}>
            <summary class="ia-corrections__heading">{ &ui.corrections_heading }</summary>
            <ul class="ia-corrections__list">
                { for story.corrections.iter().map(|c| html! {
                    <li>
                        <time datetime={iso_date(c.date)}>{ format_date(c.date, ui) }</time>
                        { " " }
                        <span>{ &c.text }</span>
                    </li>
                }) }
            </ul>
        </details>
    }
}
