//! How the reader reads: one step at a time or all steps at once, with or without motion, and
//! the keyboard shortcuts, listed where readers can find them.

use std::rc::Rc;

use yew::prelude::*;

use super::aria_bool;
use crate::nav::{Action, State};
use crate::story::Story;

#[derive(Properties, PartialEq)]
pub struct ReadingToolsProps {
    pub story: Rc<Story>,
    pub state: State,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ReadingTools(props: &ReadingToolsProps) -> Html {
    let ui = &props.story.ui;
    let state = &props.state;
    html! {
        <div class="ia-tools" role="group" aria-label={ui.tools_label.clone()}>
            <button type="button" class="ia-tool ia-tool--all-steps"
                aria-pressed={aria_bool(state.all_steps)}
                onclick={props.dispatch.reform(|_| Action::ToggleAllSteps)}>
                { &ui.all_steps }
            </button>
            <button type="button" role="switch" class="ia-switch ia-tool ia-tool--motion"
                aria-checked={aria_bool(state.still)}
                onclick={props.dispatch.reform(|_| Action::ToggleMotion)}>
                <span class="ia-switch__track" aria-hidden="true"><span class="ia-switch__thumb"></span></span>
                <span class="ia-switch__label">{ &ui.reduce_motion }</span>
            </button>
            <details class="ia-shortcuts">
                <summary class="ia-tool">{ &ui.shortcuts_label }</summary>
                <ul class="ia-shortcuts__list">
                    { for ui.shortcuts.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </details>
        </div>
    }
}
