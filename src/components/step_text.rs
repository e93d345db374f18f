//! A step's words: its point, body, points and quotes. In the stepper the step is compact: its
//! point (a dated status, if it has one, and the body's first paragraph) is a piece of its own,
//! `StepPoint`, which a phone sets above the figure; then a pair of quotes from the two
//! accounts, side by side with equal weight and open in full together; the rest of the text and
//! the other quotes open on demand. A step without a figure has room for all its words and shows
//! them. The whole-story document shows everything, with the heading.

use std::rc::Rc;

use yew::prelude::*;

use super::aria_bool;
use crate::scene::Style;
use crate::story::{Quote, Role, Step, Story};
use crate::text::{fill, format_date, iso_date, paragraphs};

#[derive(Properties, PartialEq)]
pub struct StepTextProps {
    pub story: Rc<Story>,
    pub step: usize,
    /// The heading's id, when this renders the step's heading too (the document does; the
    /// stepper puts its heading above the figure).
    #[prop_or_default]
    pub heading_id: Option<AttrValue>,
    /// The stepper's compact form, with disclosures.
    #[prop_or_default]
    pub compact: bool,
}

#[component]
pub fn StepText(props: &StepTextProps) -> Html {
    let story = &props.story;
    let step = &story.steps[props.step];
    let quotes_open = use_state(|| false);
    let body = paragraphs(&step.body);
    let heading = props.heading_id.as_ref().map(|id| {
        html! { <h3 class="ia-step__title" id={id.clone()}>{ &step.title }</h3> }
    });
    let status = status(story, step);
    let points = (!step.points.is_empty()).then(|| {
        html! {
            <ul class="ia-step__points">
                { for step.points.iter().map(|p| html! { <li>{ p }</li> }) }
            </ul>
        }
    });
    if !props.compact {
        return html! {
            <div class="ia-step__text">
                { for heading }
                { for status }
                { for body.iter().map(|p| html! { <p>{ p }</p> }) }
                { for points }
                if !step.quotes.is_empty() {
                    <div class="ia-quotes">
                        { for step.quotes.iter().map(|q| quote(story, q, false, false)) }
                    </div>
                }
            </div>
        };
    }
    let (pair, others) = account_pair(story, &step.quotes);
    let ui = &story.ui;
    let toggle = {
        let quotes_open = quotes_open.clone();
        Callback::from(move |_| quotes_open.set(!*quotes_open))
    };
    let rest = body.iter().skip(1).map(|p| html! { <p>{ p }</p> });
    // Text only: nothing on screen competes with the words, so none is folded away.
    let all_shown = step.text_only();
    html! {
        <div class="ia-step__text">
            { for heading }
            if let Some((first, second)) = pair {
                <div class={classes!("ia-quotes", "ia-quotes--pair", (!*quotes_open).then_some("is-clamped"))}>
                    { quote(story, first, true, !*quotes_open) }
                    { quote(story, second, true, !*quotes_open) }
                </div>
                <button type="button" class="ia-quotes__toggle" aria-expanded={aria_bool(*quotes_open)}
                    onclick={toggle}>
                    { &ui.full_quotes }
                </button>
            }
            if all_shown {
                { for rest }
                { for points }
            } else if body.len() > 1 || points.is_some() {
                <details class="ia-more">
                    <summary>{ &ui.more_label }</summary>
                    { for rest }
                    { for points }
                </details>
            }
            if !others.is_empty() {
                <details class="ia-more">
                    <summary>{ &ui.quote_label }{ " (" }{ crate::text::number(others.len() as u64, ui) }{ ")" }</summary>
                    <div class="ia-quotes">
                        { for others.iter().map(|q| quote(story, q, false, false)) }
                    </div>
                </details>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepPointProps {
    pub story: Rc<Story>,
    pub step: usize,
}

/// The step's point in the stepper: its dated status, if it has one, and the body's first
/// paragraph.
#[component]
pub fn StepPoint(props: &StepPointProps) -> Html {
    let story = &props.story;
    let step = &story.steps[props.step];
    html! {
        <div class="ia-step__point">
            { for status(story, step) }
            { for paragraphs(&step.body).first().map(|p| html! { <p>{ p }</p> }) }
        </div>
    }
}

/// A dated status says where things stood, before the words that describe it.
fn status(story: &Story, step: &Step) -> Option<Html> {
    step.as_of.map(|date| {
        let when = format_date(date, &story.ui);
        html! {
            <p class="ia-step__status">
                <time datetime={iso_date(date)}>{ fill(&story.ui.status_as_of, &[("date", &when)]) }</time>
            </p>
        }
    })
}

/// The first quote in each of the two accounts, when the step has both, and every other quote.
fn account_pair<'a>(
    story: &Story,
    quotes: &'a [Quote],
) -> (Option<(&'a Quote, &'a Quote)>, Vec<&'a Quote>) {
    let in_role = |role| {
        quotes.iter().position(|q| {
            q.account
                .is_some_and(|a| story.accounts[a].role == Some(role))
        })
    };
    match (in_role(Role::Claim), in_role(Role::Answer)) {
        (Some(a), Some(m)) => (
            Some((&quotes[a], &quotes[m])),
            quotes
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != a && *i != m)
                .map(|(_, q)| q)
                .collect(),
        ),
        _ => (None, quotes.iter().collect()),
    }
}

/// A verbatim quote, attributed. Quotes from the two accounts share one style and size, so
/// neither side is given more weight than the other. `paired` heads it with the view's short
/// name ("As alleged"), as in a pair side by side on a phone; the attribution says the rest.
/// `folded` shows the quote's lead, its key words, where it has one, until the reader opens
/// the quotes in full.
fn quote(story: &Story, q: &Quote, paired: bool, folded: bool) -> Html {
    let style = q
        .account
        .map_or(Style::Neutral, |a| Style::for_account(story, a));
    let source = &story.sources[q.source];
    html! {
        <figure class={classes!("ia-quote", style.quote_class())}>
            if let Some(account) = q.account {
                <p class="ia-quote__account">
                    <span class={classes!("ia-swatch", style.swatch_class())} aria-hidden="true"></span>
                    { account_heading(story, account, paired) }
                </p>
            }
            if let Some(lead) = q.lead.as_ref().filter(|_| folded) {
                <blockquote class="ia-quote__text ia-quote__text--lead" cite={source.url.clone()}>
                    <p>{ "“" }{ lead }{ "”" }</p>
                </blockquote>
            } else {
                <blockquote class="ia-quote__text" cite={source.url.clone()}>
                    <p>{ "“" }{ &q.text }{ "”" }</p>
                </blockquote>
            }
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
                <strong>{ &q.who }</strong><span class="ia-quote__role">{ ", " }{ &q.role }</span>
                <br />
                <time datetime={iso_date(q.date)}>{ format_date(q.date, &story.ui) }</time>
                <span class="ia-quote__place">{ " — " }{ &q.place }</span>
            </figcaption>
        </figure>
    }
}

fn account_heading(story: &Story, account: usize, paired: bool) -> &str {
    let account = &story.accounts[account];
    match &account.view_label {
        Some(view) if paired => view,
        _ => &account.label,
    }
}
