//! The permission explorer: the reader grants or withdraws each permission and sees which flows
//! become possible and what each would reveal.

use std::rc::Rc;

use yew::prelude::*;

use super::aria_bool;
use super::flow_diagram::{flow_diagram, FlowDiagramProps};
use crate::figure::DiagramPlan;
use crate::nav::{Action, State};
use crate::scene::Orientation;
use crate::story::Story;

pub struct ExplorerProps<'a> {
    pub story: &'a Rc<Story>,
    /// The flows the granted permissions allow (see `figure`).
    pub diagram: &'a DiagramPlan,
    /// The orientation measured for the diagram, if any.
    pub orientation: Option<Orientation>,
    pub state: State,
    pub dispatch: Callback<Action>,
}

pub fn explorer(props: &ExplorerProps) -> Html {
    let story = props.story;
    let ui = &story.ui;
    let revealing: Vec<usize> = props
        .diagram
        .shown
        .iter()
        .copied()
        .filter(|&f| story.flows[f].permission.is_some())
        .collect();
    html! {
        <div class="ia-explorer">
            { flow_diagram(&FlowDiagramProps { story, plan: props.diagram,
                selection: props.state.selection,
                on_select: Some(props.dispatch.reform(Action::Select)),
                orientation: props.orientation }) }
            <div class="ia-explorer__controls" role="group" aria-label={ui.permissions_heading.clone()}>
                <h4 class="ia-figure-heading">{ &ui.permissions_heading }</h4>
                <ul class="ia-permissions">
                    { for story.permissions.iter().enumerate().map(|(p, permission)| {
                        let on = props.state.granted.contains(p);
                        let dispatch = props.dispatch.clone();
                        html! {
                            <li key={permission.id.clone()} class="ia-permission">
                                <button type="button" role="switch" class="ia-switch"
                                    aria-checked={aria_bool(on)}
                                    data-permission={permission.id.clone()}
                                    onclick={move |_| dispatch.emit(Action::TogglePermission(p))}>
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
