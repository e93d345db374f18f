//! How the reader reads: one step at a time or all steps at once, with or without motion, and
//! the keyboard shortcuts, listed where readers can find them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::aria_bool;
use crate::story::Story;

/// Only what the menu shows, so a step change does not render it again.
#[derive(Properties, PartialEq)]
pub struct ReadingToolsProps {
    pub story: Rc<Story>,
    pub all_steps: bool,
    /// Whether motion is reduced.
    pub reduce_motion: bool,
    /// Between step by step and every step at once.
    pub on_all_steps: Callback<()>,
    /// Between animated and still diagrams.
    pub on_reduce_motion: Callback<()>,
}

#[component]
pub fn ReadingTools(props: &ReadingToolsProps) -> Html {
    let ui = &props.story.ui;
    let menu = use_node_ref();
    // Choosing "All steps" changes the whole view: the menu closes on it.
    let all_steps = {
        let menu = menu.clone();
        props.on_all_steps.reform(move |_: MouseEvent| {
            if let Some(menu) = menu.cast::<web_sys::Element>() {
                let _ = menu.remove_attribute("open");
                // Focus goes back to the menu's button, which stays on screen.
                if let Some(button) = menu.first_element_child() {
                    let _ = button.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
            }
        })
    };
    html! {
        // A compact menu: on a phone the button is an icon with its name for screen readers.
        <details class="ia-menu" ref={menu}>
            <summary class="ia-menu__button">
                <svg class="ia-menu__icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M4 7h16M4 12h16M4 17h16" />
                </svg>
                <span class="ia-menu__label">{ &ui.tools_label }</span>
            </summary>
            <div class="ia-tools" role="group" aria-label={ui.tools_label.clone()}>
                <button type="button" class="ia-tool ia-tool--all-steps"
                    aria-pressed={aria_bool(props.all_steps)}
                    onclick={all_steps}>
                    { &ui.all_steps }
                </button>
                <button type="button" role="switch" class="ia-switch ia-tool ia-tool--motion"
                    aria-checked={aria_bool(props.reduce_motion)}
                    onclick={props.on_reduce_motion.reform(|_: MouseEvent| ())}>
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
        </details>
    }
}
