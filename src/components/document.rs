//! The whole explanation as one plain document: every step in order, with its text, quotes,
//! diagrams drawn with everything on show, and sources. It is what prints, and what readers
//! without JavaScript get, from the same components as the interactive view.

use std::rc::Rc;

use yew::prelude::*;

use super::comparison::comparison;
use super::flow_diagram::{flow_diagram, FlowDiagramProps};
use super::sources::{citations, source_list, CitationsProps, SourceListProps};
use super::step_text::StepText;
use crate::figure::{self, DiagramPlan, Other, Reader};
use crate::story::Story;
use crate::text::{fill, format_date, iso_date, number, ordinal, paragraphs};

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub story: Rc<Story>,
}

#[component]
pub fn Document(props: &DocumentProps) -> Html {
    let story = &props.story;
    html! {
        <div class="ia-document">
            { for story.steps.iter().enumerate().map(|(i, step)| html! {
                <section class="ia-document__step" key={step.id.clone()}>
                    <p class="ia-document__number">
                        { fill(&story.ui.progress, &[("current", &ordinal(i, &story.ui)), ("total", &number(story.steps.len() as u64, &story.ui))]) }
                    </p>
                    <StepText story={story.clone()} step={i} heading_id={AttrValue::from(format!("ia-document-{}", step.id))} />
                    { figure(story, i) }
                    { citations(&CitationsProps { story: story.clone(), sources: step.sources.clone(), collapsed: false }) }
                </section>
            }) }
        </div>
    }
}

/// A step's figure with nothing left to click: both accounts, every permission, every event
/// (see `figure::plan`).
fn figure(story: &Rc<Story>, step: usize) -> Html {
    let plan = figure::plan(story, step, Reader::Document);
    let diagram = |plan: &DiagramPlan| {
        flow_diagram(&FlowDiagramProps {
            story,
            plan,
            selection: None,
            on_select: None,
            orientation: None,
        })
    };
    let other = match &plan.other {
        Other::Explorer { diagram: explorer } => html! {
            <>
                <dl class="ia-document__permissions">
                    { for story.permissions.iter().map(|p| html! {
                        <div><dt>{ &p.label }</dt><dd>{ &p.explanation }</dd></div>
                    }) }
                </dl>
                { diagram(explorer) }
            </>
        },
        Other::Comparison(specimens) => comparison(story, specimens),
        Other::Timeline => html! {
            <ol class="ia-document__events">
                { for story.timeline.iter().map(|event| html! {
                    <li>
                        <time datetime={iso_date(event.date)}>{ format_date(event.date, &story.ui) }</time>
                        <h4>{ &event.title }</h4>
                        { for paragraphs(&event.detail).into_iter().map(|p| html! { <p>{ p }</p> }) }
                        { citations(&CitationsProps { story: story.clone(), sources: event.sources.clone(), collapsed: false }) }
                    </li>
                }) }
            </ol>
        },
        Other::Sources => source_list(&SourceListProps {
            story: story.clone(),
        }),
        Other::None => html! {},
    };
    html! {
        <>
            if !plan.diagrams.is_empty() {
                <div class={classes!("ia-diagrams", plan.arrangement.class())}>
                    { for plan.diagrams.iter().map(diagram) }
                </div>
            }
            { other }
        </>
    }
}
