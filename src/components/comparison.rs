//! Illustrations side by side: what a report row holds next to what a message holds.

use yew::prelude::*;

use crate::story::{Specimen, Story};

pub fn comparison(story: &Story, specimens: &[Specimen]) -> Html {
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
