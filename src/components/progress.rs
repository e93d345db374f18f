//! The row of step buttons that jump straight to a step ("Step 3 of 10" is the step's kicker).

use std::rc::Rc;

use yew::prelude::*;

use crate::story::Story;
use crate::text::{fill, ordinal};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub story: Rc<Story>,
    pub step: usize,
    /// Goes to step `index`.
    pub on_go: Callback<usize>,
}

#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let story = &props.story;
    let ui = &story.ui;
    html! {
        <nav class="ia-progress" aria-label={ui.progress_label.clone()}>
            <ol class="ia-progress__steps">
                { for story.steps.iter().enumerate().map(|(i, step)| {
                    let go = props.on_go.reform(move |_: MouseEvent| i);
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
                                onclick={go}>
                                { number }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
