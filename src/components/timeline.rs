//! The dated events, each opening in place to its explanation and sources.

use std::rc::Rc;

use yew::prelude::*;

use super::aria_bool;
use super::detail::Detail;
use crate::nav::{Action, Selection};
use crate::story::Story;
use crate::text::{format_date, iso_date};

pub struct TimelineProps {
    pub story: Rc<Story>,
    pub selection: Option<Selection>,
    pub dispatch: Callback<Action>,
}

pub fn timeline(props: &TimelineProps) -> Html {
    let story = &props.story;
    html! {
        <div class="ia-timeline">
            <p class="ia-hint">{ &story.ui.timeline_hint }</p>
            <ol class="ia-timeline__events">
                { for story.timeline.iter().enumerate().map(|(i, event)| {
                    let open = props.selection == Some(Selection::Event(i));
                    let dispatch = props.dispatch.clone();
                    let toggle = move |_| dispatch.emit(if open {
                        Action::CloseDetail
                    } else {
                        Action::Select(Selection::Event(i))
                    });
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
                                    on_close={props.dispatch.reform(|_| Action::CloseDetail)} />
                            }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
