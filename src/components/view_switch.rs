//! The switch between the two accounts, and both side by side.

use std::rc::Rc;

use yew::prelude::*;

use super::aria_bool;
use crate::nav::{Action, View};
use crate::story::Story;

pub struct ViewSwitchProps {
    pub story: Rc<Story>,
    pub view: View,
    pub dispatch: Callback<Action>,
}

pub fn view_switch(props: &ViewSwitchProps) -> Html {
    let ui = &props.story.ui;
    let options = [
        (View::Alleged, &ui.view_alleged, "alleged"),
        (View::Meta, &ui.view_meta, "meta"),
        (View::SideBySide, &ui.view_side_by_side, "side-by-side"),
    ];
    html! {
        <div class="ia-view-switch" role="group" aria-label={ui.view_label.clone()}>
            { for options.into_iter().map(|(view, label, name)| {
                let dispatch = props.dispatch.clone();
                html! {
                    <button type="button" class={classes!("ia-view-switch__option", format!("ia-view-switch__option--{name}"))}
                        aria-pressed={aria_bool(props.view == view)}
                        data-view={name}
                        onclick={move |_| dispatch.emit(Action::SetView(view))}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
