//! Illustrations side by side: what a report row holds next to what a message holds.

use std::rc::Rc;

use yew::prelude::*;

use crate::story::{Diagram, Story};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub story: Rc<Story>,
    /// The step whose diagram holds the illustrations.
    pub step: usize,
}

#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let story = &props.story;
    let Diagram::Comparison(specimens) = &story.steps[props.step].diagram else {
        return Html::default();
    };
    let ui = &story.ui;
    html! {
        <div class="ia-comparison">
            { for specimens.iter().map(|s| html! {
                <figure class="ia-specimen">
                    <p class="ia-specimen__badge">{ &ui.illustration }</p>
                    <h4 class="ia-specimen__title">{ &s.title }</h4>
                    <dl class="ia-specimen__fields">
                        { for s.fields.iter().map(|(name, value)| html! {
                            <div class="ia-specimen__field"><dt>{ name }</dt><dd>{ value }</dd></div>
                        }) }
                    </dl>
                    <figcaption class="ia-specimen__caption">{ &s.caption }</figcaption>
                </figure>
            }) }
        </div>
    }
}
