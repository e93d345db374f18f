//! The row of step buttons that jump straight to a step ("Step 3 of 10" is the step's kicker).

use std::rc::Rc;

use yew::prelude::*;

use crate::nav::Action;
use crate::story::Story;
use crate::text::{fill, ordinal};

pub struct ProgressProps {
    pub story: Rc<Story>,
    pub step: usize,
    pub dispatch: Callback<Action>,
}

pub fn progress(props: &ProgressProps) -> Html {
    let story = &props.story;
    let ui = &story.ui;
    html! {
        <nav class="ia-progress" aria-label={ui.progress_label.clone()}>
            <ol class="ia-progress__steps">
                { for story.steps.iter().enumerate().map(|(i, step)| {
                    let dispatch = props.dispatch.clone();
                    let number = ordinal(i, ui);
                    let label = fill(&ui.go_to_step, &[("number", &number), ("title", &step.title)]);
                    let state = match i.cmp(&props.step) {
                        std::cmp::Ordering::Less => "is-done",
                        std::cmp::Ordering::Equal => "is-current",
                        std::cmp::Ordering::Greater => "is-ahead",
                    };
                    html! {
                        <li key={step.id.clone()}>
                            <button type="button" class={classes!("ia-progress__step", state)}
                                aria-label={label}
                                aria-current={(i == props.step).then_some("step")}
                                onclick={move |_| dispatch.emit(Action::GoTo(i))}>
                                { number }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
