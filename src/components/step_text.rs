//! A step's words: title, body, points and quotes. Its sources follow the figure.

use std::rc::Rc;

use yew::prelude::*;

use crate::scene::Style;
use crate::story::{Quote, Story};
use crate::text::{format_date, iso_date, paragraphs};

#[derive(Properties, PartialEq)]
pub struct StepTextProps {
    pub story: Rc<Story>,
    pub step: usize,
    /// Id of the heading, so the step's region can be labelled by it.
    pub heading_id: AttrValue,
}

#[component]
pub fn StepText(props: &StepTextProps) -> Html {
    let story = &props.story;
    let step = &story.steps[props.step];
    html! {
        <div class="ia-step__text">
            <h3 class="ia-step__title" id={props.heading_id.clone()}>{ &step.title }</h3>
            { for paragraphs(&step.body).into_iter().map(|p| html! { <p>{ p }</p> }) }
            if !step.points.is_empty() {
                <ul class="ia-step__points">
                    { for step.points.iter().map(|p| html! { <li>{ p }</li> }) }
                </ul>
            }
            if !step.quotes.is_empty() {
                <div class="ia-quotes">
                    { for step.quotes.iter().map(|q| quote(story, q)) }
                </div>
            }
        </div>
    }
}

/// A verbatim quote, attributed. Quotes from the two accounts share one style and size, so
/// neither side is given more weight than the other.
fn quote(story: &Story, q: &Quote) -> Html {
    let style = q
        .account
        .map_or(Style::Neutral, |a| Style::for_account(story, a));
    let source = &story.sources[q.source];
    html! {
        <figure class={classes!("ia-quote", format!("ia-quote--{}", style.class()))}>
            if let Some(account) = q.account {
                <p class="ia-quote__account">
                    <span class={classes!("ia-swatch", format!("ia-swatch--{}", style.class()))} aria-hidden="true"></span>
                    { &story.accounts[account].label }
                </p>
            }
            <blockquote class="ia-quote__text" cite={source.url.clone()}>
                <p>{ "“" }{ &q.text }{ "”" }</p>
            </blockquote>
            if let Some(original) = &q.original {
                // The words above are the newsroom's translation: say so, and keep the
                // verbatim original one click away.
                <p class="ia-quote__translated">{ &story.ui.translated }</p>
                <details class="ia-quote__original">
                    <summary>{ &story.ui.show_original }</summary>
                    <blockquote lang={original.language.clone()} cite={source.url.clone()}>
                        <p>{ "“" }{ &original.text }{ "”" }</p>
                    </blockquote>
                </details>
            }
            <figcaption class="ia-quote__who">
                <strong>{ &q.who }</strong>{ ", " }{ &q.role }
                <br />
                <time datetime={iso_date(q.date)}>{ format_date(q.date, &story.ui) }</time>
                { " — " }{ &q.place }
            </figcaption>
        </figure>
    }
}
