//! The switch between the two accounts, and both side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aria_bool;
use crate::nav::View;
use crate::options::view_name;
use crate::story::{Role, Story};

#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    pub story: Rc<Story>,
    pub view: View,
    pub on_view: Callback<View>,
}

#[component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    let story = &props.story;
    let ui = &story.ui;
    let options = [
        (
            View::Claim,
            story.view_label(Role::Claim),
            "ia-view-switch__option--claim",
        ),
        (
            View::Answer,
            story.view_label(Role::Answer),
            "ia-view-switch__option--answer",
        ),
        (
            View::SideBySide,
            ui.view_side_by_side.clone(),
            "ia-view-switch__option--side-by-side",
        ),
    ];
    html! {
        <div class="ia-view-switch" role="group" aria-label={ui.view_label.clone()}>
            { for options.into_iter().map(|(view, label, modifier)| {
                let name = view_name(story, view).to_string();
                html! {
                    <button type="button" class={classes!("ia-view-switch__option", modifier)}
                        aria-pressed={aria_bool(props.view == view)}
                        data-view={name}
                        onclick={props.on_view.reform(move |_: MouseEvent| view)}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
