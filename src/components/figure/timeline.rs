//! The dated events. Interactive, each opens in place to its explanation and sources; in the
//! document, each is listed open.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aria_bool;
use crate::components::detail::Detail;
use crate::components::sources::Citations;
use crate::figure::timeline_phases;
use crate::nav::Selection;
use crate::scene::Style;
use crate::story::Story;
use crate::text::{fill, format_date, iso_date, number, paragraphs};

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
    let row = |i: usize| {
        let event = &story.timeline[i];
        let open = props.selection == Some(Selection::Event(i));
        let toggle = if open {
            props.on_close.reform(|_: MouseEvent| ())
        } else {
            on_select.reform(move |_: MouseEvent| Selection::Event(i))
        };
        let style = event
            .account
            .map_or(Style::Neutral, |a| Style::for_account(story, a));
        html! {
            <li key={event.id.clone()}
                class={classes!("ia-event", style.flow_class(), event.key.then_some("is-key"), open.then_some("is-open"))}>
                // The date is part of the button, so that on a phone it runs into the title as
                // one line of text.
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
    };
    let selected_event = match props.selection {
        Some(Selection::Event(i)) => Some(i),
        _ => None,
    };
    html! {
        <div class="ia-timeline">
            <p class="ia-hint">{ &story.ui.timeline_hint }</p>
            { for timeline_phases(story).into_iter().map(|phase| html! {
                <section class="ia-timeline__phase">
                    if let Some(title) = phase.title {
                        <h4 class="ia-timeline__phase-title">{ title }</h4>
                    }
                    if !phase.key.is_empty() {
                        <ol class="ia-timeline__events">
                            { for phase.key.iter().map(|&i| row(i)) }
                        </ol>
                    }
                    if !phase.rest.is_empty() {
                        // Open while one of its events is: a selection is never hidden.
                        <details class="ia-timeline__more"
                            open={selected_event.is_some_and(|i| phase.rest.contains(&i))}>
                            <summary>{ fill(&story.ui.timeline_more, &[("count", &number(phase.rest.len() as u64, &story.ui))]) }</summary>
                            <ol class="ia-timeline__events">
                                { for phase.rest.iter().map(|&i| row(i)) }
                            </ol>
                        </details>
                    }
                </section>
            }) }
        </div>
    }
}
