//! The whole explanation as one plain document: every step in order, with its text, quotes,
//! diagrams drawn with everything on show, and sources. It is what prints, and what readers
//! without JavaScript get, from the same components as the interactive view.

use std::rc::Rc;

use yew::prelude::*;

use super::comparison::{comparison, ComparisonProps};
use super::flow_diagram::{flow_diagram, FlowDiagramProps};
use super::sources::{citations, source_list, CitationsProps, SourceListProps};
use super::step_text::StepText;
use crate::nav::Granted;
use crate::scene::fit::Slot;
use crate::scene::{explorer_flows, Style};
use crate::story::{Diagram, FlowSets, Step, Story, ALLEGED, META};
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
                    { figure(story, step) }
                    { citations(&CitationsProps { story: story.clone(), sources: step.sources.clone(), collapsed: false }) }
                </section>
            }) }
        </div>
    }
}

/// A step's figure with nothing left to click: both accounts, every permission, every event.
fn figure(story: &Rc<Story>, step: &Step) -> Html {
    let diagram = |shown: &[usize], style: Style, caption: String| {
        html! {
            { flow_diagram(&FlowDiagramProps { story: story.clone(), shown: shown.to_vec(), style,
                caption: AttrValue::from(caption), selection: None, on_select: None, also: None,
                slot: Slot::Full, orientation: None }) }
        }
    };
    match &step.diagram {
        Diagram::Flows(FlowSets::Both { alleged, meta }) => html! {
            <div class="ia-diagrams ia-diagrams--pair">
                { diagram(alleged, Style::Alleged, story.account_label(ALLEGED)) }
                { diagram(meta, Style::Meta, story.account_label(META)) }
            </div>
        },
        Diagram::Flows(FlowSets::Single { account, flows }) => diagram(
            flows,
            Style::for_account(story, *account),
            story.accounts[*account].label.clone(),
        ),
        Diagram::Flows(FlowSets::Neutral(flows)) => diagram(
            flows,
            Style::Neutral,
            fill(&story.ui.diagram_label, &[("title", &step.title)]),
        ),
        Diagram::Explorer { always } => {
            // The explorer with every permission granted.
            let shown = explorer_flows(story, always, Granted::all(story.permissions.len()));
            html! {
                <>
                    <dl class="ia-document__permissions">
                        { for story.permissions.iter().map(|p| html! {
                            <div><dt>{ &p.label }</dt><dd>{ &p.explanation }</dd></div>
                        }) }
                    </dl>
                    { diagram(&shown, Style::Neutral, story.ui.possible_flows.clone()) }
                </>
            }
        }
        Diagram::Comparison(specimens) => html! {
            { comparison(&ComparisonProps { story: story.clone(), specimens: specimens.clone() }) }
        },
        Diagram::Timeline => html! {
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
        Diagram::Sources => source_list(&SourceListProps {
            story: story.clone(),
        }),
        Diagram::None => html! {},
    }
}
