//! A step's figure, for the interactive step and the whole-story document alike: one
//! component that asks `figure::plan` what to show and draws it, in one match over the plan.
//! It owns what fits (`fit`): interactive, it measures itself and its explainer and draws only
//! the forms that fit; in the document the stylesheet chooses.
//!
//! A new kind of figure is a `Diagram` variant in the story (with its number in `decode.rs`'s
//! variant table and its check in the parser), a `Panel` in `figure::plan`, and one arm of the
//! match below.

pub mod comparison;
pub mod explorer;
pub mod fit;
pub mod flow_diagram;
pub mod timeline;
pub mod view_switch;

use std::rc::Rc;

use yew::prelude::*;

use super::detail::Detail;
use super::sources::SourceList;
use crate::figure::{plan, DiagramPlan, Mode, Panel};
use crate::nav::{Granted, Selection, View};
use crate::scene::fit::Fit;
use crate::story::Story;
use comparison::Comparison;
use explorer::Explorer;
use fit::use_fit;
use flow_diagram::FlowDiagram;
use timeline::Timeline;
use view_switch::ViewSwitch;

/// Whom the figure is for: the reader stepping through, with their choices, or the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureMode {
    Interactive {
        view: View,
        granted: Granted,
        selection: Option<Selection>,
    },
    Document,
}

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub story: Rc<Story>,
    pub step: usize,
    pub mode: FigureMode,
    /// What fits, if the explainer was measured before the app started.
    #[prop_or_default]
    pub measured: Fit,
    /// Selects a box, arrow or event.
    #[prop_or_default]
    pub on_select: Callback<Selection>,
    /// Closes the explanation on show.
    #[prop_or_default]
    pub on_close: Callback<()>,
    /// Turns a permission on or off in the explorer.
    #[prop_or_default]
    pub on_permission: Callback<usize>,
    /// Shows another account.
    #[prop_or_default]
    pub on_view: Callback<View>,
}

#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let story = &props.story;
    let node = use_node_ref();
    let interactive = matches!(props.mode, FigureMode::Interactive { .. });
    let fit = use_fit(node.clone(), props.measured, interactive);
    let (mode, view, granted, selection) = match props.mode {
        FigureMode::Interactive {
            view,
            granted,
            selection,
        } => (
            Mode::Interactive { view, granted, fit },
            view,
            granted,
            selection,
        ),
        FigureMode::Document => (Mode::Document, View::default(), Granted::default(), None),
    };
    let plan = plan(story, props.step, mode);
    let on_select = interactive.then(|| props.on_select.clone());
    let canvas = |diagram: &DiagramPlan| {
        if interactive {
            fit.canvas(diagram.slot)
        } else {
            None
        }
    };
    let diagram = |diagram: &DiagramPlan| {
        html! {
            <FlowDiagram story={story.clone()} plan={diagram.clone()} {selection}
                on_select={on_select.clone()} canvas={canvas(diagram)} />
        }
    };
    let panel = match &plan.panel {
        Panel::Explorer { diagram } => html! {
            <Explorer story={story.clone()} diagram={diagram.clone()} canvas={canvas(diagram)}
                {granted} {selection} on_select={on_select.clone()} on_permission={props.on_permission.clone()} />
        },
        Panel::Comparison(_) => html! { <Comparison story={story.clone()} step={props.step} /> },
        Panel::Timeline => html! {
            <Timeline story={story.clone()} {selection} on_select={on_select.clone()}
                on_close={props.on_close.clone()} />
        },
        Panel::Sources => html! { <SourceList story={story.clone()} /> },
        Panel::None => Html::default(),
    };
    let diagrams = html! {
        <div class={classes!("ia-diagrams", plan.arrangement.class())}>
            { for plan.diagrams.iter().map(diagram) }
        </div>
    };
    if !interactive {
        // The document leaves out an empty diagrams element; the step keeps it in place.
        let diagrams = (!plan.diagrams.is_empty()).then_some(diagrams);
        return html! { <>{ for diagrams }{ panel }</> };
    }
    html! {
        <div class="ia-step__figure" ref={node}>
            if plan.hint {
                <p class="ia-hint">{ &story.ui.explore_hint }</p>
            }
            if plan.view_switch {
                <ViewSwitch story={story.clone()} {view} on_view={props.on_view.clone()} />
            }
            { diagrams }
            { panel }
            { selection_detail(story, selection, &props.on_close) }
        </div>
    }
}

/// The explanation panel for a selected actor or flow (timeline events open in place).
fn selection_detail(
    story: &Rc<Story>,
    selection: Option<Selection>,
    on_close: &Callback<()>,
) -> Html {
    let ui = &story.ui;
    match selection {
        Some(Selection::Actor(a)) => {
            let actor = &story.actors[a];
            html! {
                <Detail key={format!("actor-{a}")} story={story.clone()} heading={actor.label.clone()} body={actor.detail.clone()}
                    sources={actor.sources.clone()} on_close={on_close.clone()} />
            }
        }
        Some(Selection::Flow(f)) => {
            let flow = &story.flows[f];
            let mut facts: Vec<(AttrValue, AttrValue)> = Vec::new();
            let route = story.flow_route(f);
            if let Some(accounts) = story.flow_accounts(f) {
                facts.push((ui.described_by.clone().into(), accounts.into()));
            }
            if let Some(p) = flow.permission {
                facts.push((
                    ui.permission_label.clone().into(),
                    story.permissions[p].label.clone().into(),
                ));
            }
            if let Some(reveals) = &flow.reveals {
                facts.push((ui.reveals_label.clone().into(), reveals.clone().into()));
            }
            html! {
                <Detail key={format!("flow-{f}")} story={story.clone()} heading={flow.label.clone()} subline={AttrValue::from(route)}
                    body={flow.detail.clone()} {facts} sources={flow.sources.clone()} on_close={on_close.clone()} />
            }
        }
        Some(Selection::Event(_)) | None => html! {},
    }
}
