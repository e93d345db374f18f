//! The permission explorer: the reader grants or withdraws each permission and sees which flows
//! become possible and what each would reveal. In the document every permission is granted,
//! and the permissions are listed with their explanations instead of switches.

use std::rc::Rc;

use yew::prelude::*;

use super::flow_diagram::FlowDiagram;
use crate::components::aria_bool;
use crate::figure::DiagramPlan;
use crate::nav::{Granted, Selection};
use crate::scene::Canvas;
use crate::story::Story;

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub story: Rc<Story>,
    /// The flows the granted permissions allow (see `figure`).
    pub diagram: DiagramPlan,
    /// What the diagram is laid out on, once its width is known.
    #[prop_or_default]
    pub canvas: Option<Canvas>,
    #[prop_or_default]
    pub granted: Granted,
    #[prop_or_default]
    pub selection: Option<Selection>,
    /// Selects a box or arrow; `None` for the document's explorer, which has nothing to click.
    #[prop_or_default]
    pub on_select: Option<Callback<Selection>>,
    /// Turns permission `index` on or off.
    #[prop_or_default]
    pub on_permission: Callback<usize>,
}

#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let story = &props.story;
    let ui = &story.ui;
    let diagram = html! {
        <FlowDiagram story={story.clone()} plan={props.diagram.clone()} selection={props.selection}
            on_select={props.on_select.clone()} canvas={props.canvas} />
    };
    if props.on_select.is_none() {
        return html! {
            <>
                <dl class="ia-document__permissions">
                    { for story.permissions.iter().map(|p| html! {
                        <div><dt>{ &p.label }</dt><dd>{ &p.explanation }</dd></div>
                    }) }
                </dl>
                { diagram }
            </>
        };
    }
    // What a permission lets the software see, told under its own switch, so the result of
    // a switch is on screen with it.
    let reveals = |permission: usize| {
        props
            .diagram
            .shown
            .iter()
            .map(|&f| &story.flows[f])
            .filter(move |flow| flow.permission == Some(permission))
            .filter_map(|flow| flow.reveals.as_ref())
    };
    let none_granted = props.granted == Granted::default();
    html! {
        <div class="ia-explorer">
            { diagram }
            <div class="ia-explorer__controls" role="group" aria-label={ui.permissions_heading.clone()}>
                <h4 class="ia-figure-heading">{ &ui.permissions_heading }</h4>
                <ul class="ia-permissions" aria-live="polite">
                    { for story.permissions.iter().enumerate().map(|(p, permission)| {
                        let on = props.granted.contains(p);
                        let toggle = props.on_permission.reform(move |_: MouseEvent| p);
                        html! {
                            <li key={permission.id.clone()} class="ia-permission">
                                <button type="button" role="switch" class="ia-switch"
                                    aria-checked={aria_bool(on)}
                                    data-permission={permission.id.clone()}
                                    onclick={toggle}>
                                    <span class="ia-switch__track" aria-hidden="true"><span class="ia-switch__thumb"></span></span>
                                    <span class="ia-switch__label">{ &permission.label }</span>
                                </button>
                                { for reveals(p).map(|text| html! {
                                    <p class="ia-permission__reveals">
                                        <strong>{ &ui.reveals_label }{ ": " }</strong>{ text }
                                    </p>
                                }) }
                                <details class="ia-permission__more">
                                    <summary>{ &ui.permission_more }</summary>
                                    <p class="ia-permission__explanation">{ &permission.explanation }</p>
                                </details>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <p class="ia-explorer__status" aria-live="polite">
                if none_granted { { &ui.permissions_none } }
            </p>
        </div>
    }
}
