//! The panels beside the editor: the checker's problems, whether the edit is ready to
//! publish, and the downloads and snippet that publish it.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::labels::Labels;
use super::readiness::Corrections;
use super::snippet::snippet;
use crate::story::desk::{open_checks, DeskCheck};
use crate::story::StoryError;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub labels: Rc<Labels>,
    pub problems: Rc<Vec<StoryError>>,
    /// A problem's line and column, when the editor selects it.
    pub on_select: Callback<(usize, usize)>,
}

/// Every problem as the checker prints it, `line:column field: message`; each one moves the
/// cursor to where it is. The summary above them is announced politely to screen readers.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let labels = &props.labels;
    let problems = &props.problems;
    // Short, as it is announced each time typing pauses; the list below says the rest.
    let summary = match problems.first() {
        None => labels.problems_none.clone(),
        Some(first) if problems.len() == 1 => {
            fill(&labels.problems_one, &[("line", &first.line.to_string())])
        }
        Some(first) => fill(
            &labels.problems_some,
            &[
                ("count", &problems.len().to_string()),
                ("line", &first.line.to_string()),
            ],
        ),
    };
    html! {
        <section class="desk-problems" aria-labelledby="desk-problems">
            <h2 id="desk-problems" class="desk__heading">{ &labels.problems_heading }</h2>
            <p class={classes!("desk-problems__summary", (!problems.is_empty()).then_some("is-failing"))}
                role="status" aria-live="polite">{ summary }</p>
            if !problems.is_empty() {
                <ol class="desk-problems__list">
                    { for problems.iter().map(|problem| {
                        let at = (problem.line, problem.column);
                        let go = fill(&labels.problem_go, &[("line", &problem.line.to_string()), ("column", &problem.column.to_string())]);
                        html! {
                            <li>
                                <button type="button" class="desk-problems__problem" title={go}
                                    onclick={props.on_select.reform(move |_: MouseEvent| at)}>
                                    <code>{ format!("{}:{}", problem.line, problem.column) }</code>
                                    { " " }<span class="desk-problems__field">{ field(problem) }</span>
                                    { ": " }{ &problem.message }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

fn field(problem: &StoryError) -> &str {
    if problem.field.is_empty() {
        "(file)"
    } else {
        &problem.field
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadinessProps {
    pub labels: Rc<Labels>,
    /// `None` while the text has problems.
    pub checks: Option<Rc<Vec<DeskCheck>>>,
    pub corrections: Option<Corrections>,
}

/// The open desk checks, and whether a change to readers' text is logged.
#[component]
pub fn Readiness(props: &ReadinessProps) -> Html {
    let labels = &props.labels;
    let open: Vec<&DeskCheck> = props
        .checks
        .as_ref()
        .map(|checks| open_checks(checks).collect())
        .unwrap_or_default();
    let checks = match &props.checks {
        None => labels.desk_checks_unknown.clone(),
        Some(_) if open.is_empty() => labels.desk_checks_done.clone(),
        Some(_) => fill(
            &labels.desk_checks_open,
            &[("count", &open.len().to_string())],
        ),
    };
    let corrections = props.corrections.map(|state| match state {
        Corrections::Missing => ("is-flagged", &labels.corrections_missing),
        Corrections::Logged => ("is-ready", &labels.corrections_logged),
        Corrections::Unchanged => ("", &labels.corrections_unchanged),
        Corrections::NewStory => ("", &labels.corrections_new_story),
    });
    html! {
        <section class="desk-readiness" aria-labelledby="desk-readiness">
            <h2 id="desk-readiness" class="desk__heading">{ &labels.readiness_heading }</h2>
            // The change's own entry first: the desk checks are the story's, and long.
            if let Some((class, text)) = corrections {
                <p class={classes!("desk-readiness__corrections", class)} data-corrections={class}>{ text }</p>
            }
            <p class={classes!("desk-readiness__checks", (!open.is_empty()).then_some("is-flagged"))}>{ checks }</p>
            if !open.is_empty() {
                <ul class="desk-readiness__open">
                    { for open.iter().map(|check| html! {
                        <li><code>{ &check.id }</code>{ ": " }{ &check.task }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SaveProps {
    pub labels: Rc<Labels>,
    pub name: String,
    pub compiled_name: String,
    pub text: Rc<str>,
    /// `None` while the text has problems.
    pub compiled: Option<Rc<Vec<u8>>>,
    pub language: String,
    pub title: String,
}

/// Downloads of the edited file and its compiled form, and the snippet that publishes it.
#[component]
pub fn Save(props: &SaveProps) -> Html {
    let labels = &props.labels;
    let status = use_state(String::new);
    let toml = {
        let (name, text) = (props.name.clone(), props.text.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(reason) = browser::download(&name, text.as_bytes(), "application/toml") {
                status.set(reason);
            }
        })
    };
    let compiled = props.compiled.clone().map(|bytes| {
        let name = props.compiled_name.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(reason) = browser::download(&name, &bytes, "application/octet-stream") {
                status.set(reason);
            }
        })
    });
    let snippet = snippet(
        &browser::explainer_base(),
        &props.compiled_name,
        &props.language,
        &props.title,
        [&labels.snippet_loader, &labels.snippet_direct],
    );
    let snippet_name = format!(
        "{}.html",
        props
            .compiled_name
            .strip_suffix(".story")
            .unwrap_or(&props.compiled_name)
    );
    let save_snippet = {
        let (name, snippet) = (snippet_name.clone(), snippet.clone());
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(reason) = browser::download(&name, snippet.as_bytes(), "text/html") {
                status.set(reason);
            }
        })
    };
    let copy = {
        let snippet = snippet.clone();
        let status = status.clone();
        let labels = labels.clone();
        Callback::from(move |_: MouseEvent| {
            let (snippet, status, labels) = (snippet.clone(), status.clone(), labels.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match browser::copy(&snippet).await {
                    Ok(()) => labels.copied.clone(),
                    Err(_) => labels.copy_failed.clone(),
                });
            });
        })
    };
    html! {
        <section class="desk-save" aria-labelledby="desk-save">
            <h2 id="desk-save" class="desk__heading">{ &labels.save_heading }</h2>
            <div class="desk-save__buttons">
                <button type="button" class="desk__button" data-download="toml" onclick={toml}>
                    { fill(&labels.download_toml, &[("name", &props.name)]) }
                </button>
                <button type="button" class="desk__button desk__button--primary" data-download="story"
                    disabled={compiled.is_none()} onclick={compiled.unwrap_or_default()}>
                    { fill(&labels.download_story, &[("name", &props.compiled_name)]) }
                </button>
            </div>
            if props.compiled.is_none() {
                <p class="desk-save__blocked">{ &labels.download_blocked }</p>
            }
            <label class="desk-save__snippet">{ &labels.snippet_label }
                <textarea readonly=true rows="7" spellcheck="false" value={snippet} />
            </label>
            <div class="desk-save__buttons">
                <button type="button" class="desk__button" onclick={copy}>{ &labels.copy }</button>
                <button type="button" class="desk__button" data-download="snippet" onclick={save_snippet}>
                    { fill(&labels.download_snippet, &[("name", &snippet_name)]) }
                </button>
            </div>
            <p class="desk-save__status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
