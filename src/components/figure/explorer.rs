//! The permission explorer: the reader grants or withdraws each permission and sees which flows
//! become possible and what each would reveal. In the document every permission is granted,
//! and the permissions are listed with their explanations instead of switches.

use std::rc::Rc;

use yew::prelude::*;

use super::flow_diagram::FlowDiagram;
use crate::components::aria_bool;
use crate::figure::DiagramPlan;
use crate::nav::{Granted, Selection};
use crate::scene::Orientation;
use crate::story::Story;

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub story: Rc<Story>,
    /// The flows the granted permissions allow (see `figure`).
    pub diagram: DiagramPlan,
    /// The orientation that fits the diagram, if known.
    #[prop_or_default]
    pub orientation: Option<Orientation>,
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
            on_select={props.on_select.clone()} orientation={props.orientation} />
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
    let revealing: Vec<usize> = props
        .diagram
        .shown
        .iter()
        .copied()
        .filter(|&f| story.flows[f].permission.is_some())
        .collect();
    html! {
        <div class="ia-explorer">
            { diagram }
            <div class="ia-explorer__controls" role="group" aria-label={ui.permissions_heading.clone()}>
                <h4 class="ia-figure-heading">{ &ui.permissions_heading }</h4>
                <ul class="ia-permissions">
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
                                <details class="ia-permission__more">
                                    <summary>{ &ui.permission_more }</summary>
                                    <p class="ia-permission__explanation">{ &permission.explanation }</p>
                                </details>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <div class="ia-explorer__reveals" aria-live="polite">
                <h4 class="ia-figure-heading">{ &ui.reveals_label }</h4>
                if revealing.is_empty() {
                    <p>{ &ui.permissions_none }</p>
                } else {
                    <ul>
                        { for revealing.iter().map(|&f| {
                            let flow = &story.flows[f];
                            html! {
                                <li key={flow.id.clone()}>
                                    <strong>{ &flow.label }</strong>
                                    if let Some(reveals) = &flow.reveals { { ": " }{ reveals } }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}
