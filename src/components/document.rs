//! The whole explanation as one plain document: every step in order, with its text, quotes,
//! diagrams drawn with everything on show, and sources. It is what prints, and what readers
//! without JavaScript get, from the same components as the interactive view.

use std::rc::Rc;

use yew::prelude::*;

use super::figure::{Figure, FigureMode};
use super::sources::Citations;
use super::step_text::StepText;
use crate::story::Story;
use crate::text::{fill, number, ordinal};

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
                    // Both accounts, every permission, every event: nothing left to click.
                    <Figure story={story.clone()} step={i} mode={FigureMode::Document} />
                    <Citations story={story.clone()} sources={step.sources.clone()} />
                </section>
            }) }
        </div>
    }
}
