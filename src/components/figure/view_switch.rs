//! The switch between the two accounts, and both side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aria_bool;
use crate::nav::View;
use crate::options::view_name;
use crate::story::Story;

#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    pub story: Rc<Story>,
    pub view: View,
    pub on_view: Callback<View>,
}

#[component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    let ui = &props.story.ui;
    let options = [
        (View::Alleged, &ui.view_alleged),
        (View::Meta, &ui.view_meta),
        (View::SideBySide, &ui.view_side_by_side),
    ];
    html! {
        <div class="ia-view-switch" role="group" aria-label={ui.view_label.clone()}>
            { for options.into_iter().map(|(view, label)| {
                let name = view_name(view);
                html! {
                    <button type="button" class={classes!("ia-view-switch__option", format!("ia-view-switch__option--{name}"))}
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
