//! Source citations: the short list under a step or a detail, and the full source list.

use std::rc::Rc;

use yew::prelude::*;

use crate::story::{Source, Story};
use crate::text::{fill, format_date, iso_date, number};

/// One source: its title as a link when it has one, then publisher and date.
fn source_entry(story: &Story, source: &Source) -> Html {
    let title = match &source.url {
        // Links are validated as http(s) by the story checker.
        Some(url) => html! {
            <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &source.title }</a>
        },
        None => html! { <cite>{ &source.title }</cite> },
    };
    html! {
        <>
            { title }
            { ", " }{ &source.publisher }
            if let Some(date) = source.date {
                { ", " }<time datetime={iso_date(date)}>{ format_date(date, &story.ui) }</time>
            }
            if let Some(note) = &source.note {
                <span class="ia-source__note">{ " (" }{ note }{ ")" }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CitationsProps {
    pub story: Rc<Story>,
    pub sources: Vec<usize>,
    /// Folded into one line ("Sources (3)") that opens the list: the stepper's form. The
    /// document, print and detail panels list them open.
    #[prop_or_default]
    pub collapsed: bool,
}

/// The "Sources:" list under a step or a detail.
#[component]
pub fn Citations(props: &CitationsProps) -> Html {
    let story = &props.story;
    let list = html! {
        <ul class="ia-citations__list">
            { for props.sources.iter().map(|&s| html! {
                <li class="ia-source">{ source_entry(story, &story.sources[s]) }</li>
            }) }
        </ul>
    };
    if props.collapsed {
        let count = number(props.sources.len() as u64, &story.ui);
        return html! {
            <details class="ia-citations ia-citations--folded">
                <summary class="ia-citations__label">{ fill(&story.ui.sources_count, &[("count", &count)]) }</summary>
                { list }
            </details>
        };
    }
    html! {
        <div class="ia-citations">
            <span class="ia-citations__label">{ &story.ui.sources_label }</span>
            { list }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub story: Rc<Story>,
}

/// Every source of the story, in the order the story lists them.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let story = &props.story;
    html! {
        <section class="ia-source-list" aria-label={story.ui.source_list_heading.clone()}>
            <h4 class="ia-figure-heading">{ &story.ui.source_list_heading }</h4>
            <ol>
                { for story.sources.iter().map(|source| html! {
                    <li class="ia-source">{ source_entry(story, source) }</li>
                }) }
            </ol>
        </section>
    }
}
