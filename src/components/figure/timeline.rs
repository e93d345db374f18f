//! The dated events. Interactive, each opens in place to its explanation and sources; in the
//! document, each is listed open.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aria_bool;
use crate::components::detail::Detail;
use crate::components::sources::Citations;
use crate::nav::Selection;
use crate::story::Story;
use crate::text::{format_date, iso_date, paragraphs};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub story: Rc<Story>,
    #[prop_or_default]
    pub selection: Option<Selection>,
    /// Opens an event; `None` for the document's list, where every event is open.
    #[prop_or_default]
    pub on_select: Option<Callback<Selection>>,
    #[prop_or_default]
    pub on_close: Callback<()>,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let story = &props.story;
    let Some(on_select) = &props.on_select else {
        return html! {
            <ol class="ia-document__events">
                { for story.timeline.iter().map(|event| html! {
                    <li>
                        <time datetime={iso_date(event.date)}>{ format_date(event.date, &story.ui) }</time>
                        <h4>{ &event.title }</h4>
                        { for paragraphs(&event.detail).into_iter().map(|p| html! { <p>{ p }</p> }) }
                        <Citations story={story.clone()} sources={event.sources.clone()} />
                    </li>
                }) }
            </ol>
        };
    };
    html! {
        <div class="ia-timeline">
            <p class="ia-hint">{ &story.ui.timeline_hint }</p>
            <ol class="ia-timeline__events">
                { for story.timeline.iter().enumerate().map(|(i, event)| {
                    let open = props.selection == Some(Selection::Event(i));
                    let toggle = if open {
                        props.on_close.reform(|_: MouseEvent| ())
                    } else {
                        on_select.reform(move |_: MouseEvent| Selection::Event(i))
                    };
                    html! {
                        <li key={event.id.clone()} class={classes!("ia-event", open.then_some("is-open"))}>
                            // The date is part of the button, so that on a phone it runs
                            // into the title as one line of text.
                            <button type="button" class="ia-event__button" aria-expanded={aria_bool(open)}
                                data-select={format!("event-{i}")} onclick={toggle}>
                                <time class="ia-event__date" datetime={iso_date(event.date)}>
                                    { format_date(event.date, &story.ui) }
                                </time>
                                { " " }
                                <span class="ia-event__title">{ &event.title }</span>
                            </button>
                            if open {
                                <Detail story={story.clone()} heading={event.title.clone()}
                                    body={event.detail.clone()} sources={event.sources.clone()}
                                    on_close={props.on_close.clone()} />
                            }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
