//! The root component: owns the reader's state, listens for keys and swipes, and lays out the
//! step's text, its figure and the controls.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::comparison::comparison;
use super::corrections::corrections;
use super::detail::Detail;
use super::document::Document;
use super::explorer::{explorer, ExplorerProps};
use super::flow_diagram::{flow_diagram, FlowDiagramProps};
use super::hooks::{
    active_element, prefers_reduced_motion, use_fit, use_printing, use_step_keys, use_swipe, Nav,
};
pub use super::host_page::UrlMode;
use super::host_page::{explored, use_host_requests, use_reader_events, use_url_position};
use super::landing::{note_title_position, use_step_landing, TitleWasAbove};
use super::progress::{progress, ProgressProps};
use super::reading_tools::ReadingTools;
use super::sources::{citations, source_list, CitationsProps, SourceListProps};
use super::step_text::StepText;
use super::timeline::{timeline, TimelineProps};
use super::view_switch::{view_switch, ViewSwitchProps};
use crate::embed::{Host, ReaderEvent};
use crate::figure::{self, DiagramPlan, Other, Reader};
use crate::nav::{Action, Selection, State, View};
use crate::options::{Heading, Theme};
use crate::scene::fit::Fit;
use crate::story::{Direction, Story};
use crate::text::{fill, format_date, iso_date, number, ordinal};

#[derive(Properties, PartialEq, Clone)]
pub struct ExplainerProps {
    pub story: Rc<Story>,
    /// The step and view to open on (from options or a deep link).
    #[prop_or_default]
    pub start_step: usize,
    #[prop_or_default]
    pub start_view: View,
    #[prop_or_default]
    pub theme: Theme,
    /// Hidden when the article around the explainer already carries its title and dek.
    #[prop_or_default]
    pub heading: Heading,
    /// Whether the page's URL records the step and view (the standalone and iframe page). An
    /// explainer mounted in someone else's article never touches that page's URL.
    #[prop_or_default]
    pub url_mode: UrlMode,
    /// The framing page, when the explainer runs in an iframe made by the loader or Pym.js.
    #[prop_or_default]
    pub host: Option<Host>,
    /// Reader events, for the publisher's analytics.
    #[prop_or_default]
    pub on_event: Callback<ReaderEvent>,
    /// What fits, if the explainer's space was measured before it started (see `use_fit`).
    #[prop_or_default]
    pub fit: Fit,
}

#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let story = &props.story;
    let nav = use_reducer(|| {
        let mut state = State::starting_at(story.steps.len(), props.start_step, props.start_view);
        // The switch starts where the reader's system setting is, so it never claims motion
        // is on while the system keeps everything still.
        state.still = prefers_reduced_motion();
        Nav(state)
    });
    let state = &nav.0;
    // The element that opened the current detail, to give focus back to when it closes.
    let opener: Rc<RefCell<Option<Element>>> = use_mut_ref(|| None);
    let rtl = story.direction == Direction::Rtl;

    let step_ref = use_node_ref();
    let title_ref = use_node_ref();
    let title_was_above: TitleWasAbove = use_memo((), |_| Cell::new(false));
    // One callback for the explainer's life (it changes only with the story or the event
    // handler), so children given it compare equal from render to render.
    let dispatch = {
        let nav = nav.dispatcher();
        let opener = opener.clone();
        let title_ref = title_ref.clone();
        let title_was_above = title_was_above.clone();
        use_callback(
            (story.clone(), props.on_event.clone()),
            move |action: Action, (story, on_event)| {
                // Read the layout only when the step may change, not on every action.
                if action.moves_step() {
                    note_title_position(&title_ref, &title_was_above);
                }
                match action {
                    Action::Select(selection) => {
                        *opener.borrow_mut() = active_element();
                        on_event.emit(explored(story, selection));
                    }
                    Action::CloseDetail => {
                        if let Some(element) = opener.borrow_mut().take() {
                            let _ = element.unchecked_ref::<HtmlElement>().focus();
                        }
                    }
                    _ => {}
                }
                nav.dispatch(action);
            },
        )
    };

    let root = use_node_ref();
    let fit = use_fit(root.clone(), props.fit);
    use_step_keys(root.clone(), rtl, nav.0.all_steps, dispatch.clone());

    let printing = use_printing();
    use_url_position(
        props.url_mode,
        story,
        nav.0.step,
        nav.0.view,
        nav.dispatcher(),
    );
    use_host_requests(props.host.clone(), story, nav.dispatcher());
    use_reader_events(story, &nav.0, &props.on_event);
    use_step_landing(
        nav.0.step,
        nav.0.still,
        props.host.clone(),
        step_ref.clone(),
        title_ref.clone(),
        title_was_above,
    );

    let (ontouchstart, ontouchend) = use_swipe(rtl, dispatch.clone());

    let ui = &story.ui;
    let step = &story.steps[state.step];
    let total = number(story.steps.len() as u64, ui);
    let current = ordinal(state.step, ui);
    let announcement = format!(
        "{}: {}",
        fill(&ui.progress, &[("current", &current), ("total", &total)]),
        step.title
    );
    let heading_id = format!("ia-step-{}", step.id);
    let next_action = if state.is_last() {
        Action::StartOver
    } else {
        Action::Next
    };
    let next_label = if state.is_last() {
        &ui.start_over
    } else {
        &ui.next
    };

    let kicker = fill(&ui.progress, &[("current", &current), ("total", &total)]);
    html! {
        <article class={classes!("ia", props.theme.class(), state.all_steps.then_some("ia--all-steps"), state.still.then_some("ia--still"))} ref={root} lang={story.language.clone()} dir={if rtl { "rtl" } else { "ltr" }}
            {ontouchstart} {ontouchend}>
            if props.heading == Heading::Show {
                <header class="ia-header">
                    <h2 class="ia-title">{ &story.title }</h2>
                    <p class="ia-standfirst">{ story.dek.as_ref().unwrap_or(&story.standfirst) }</p>
                </header>
            }
            // Hidden unless the explainer fails (see src/fault.rs): then it introduces the
            // whole explanation, shown as a document below.
            <div class="ia-failure" role="status">
                <p class="ia-failure__title">{ &ui.error_title }</p>
                <p>{ &ui.error_body }</p>
            </div>
            <div class="ia-bar">
                { progress(&ProgressProps { story: story.clone(), step: state.step, dispatch: dispatch.clone() }) }
                <ReadingTools story={story.clone()} all_steps={state.all_steps} still={state.still} dispatch={dispatch.clone()} />
            </div>
            <div class="ia-interactive">
                <p class="ia-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
                // Phones read the title, the figure, the short text, then what opens on demand;
                // wide screens put the figure beside everything else.
                <section class="ia-step" aria-labelledby={heading_id.clone()} data-step={step.id.clone()} ref={step_ref}>
                    <div class="ia-step__head">
                        <p class="ia-kicker ia-progress__text">{ kicker }</p>
                        <h3 class="ia-step__title" id={heading_id} tabindex="-1" ref={title_ref}>{ &step.title }</h3>
                    </div>
                    <div class="ia-step__figure">
                        { figure(story, state, fit, &dispatch) }
                    </div>
                    <StepText key={step.id.clone()} story={story.clone()} step={state.step} compact={true} />
                    <div class="ia-step__sources">
                        { citations(&CitationsProps { story: story.clone(), sources: step.sources.clone(), collapsed: true }) }
                    </div>
                    <div class="ia-controls">
                        <button type="button" class="ia-button ia-button--back" disabled={state.is_first()}
                            onclick={dispatch.reform(|_| Action::Back)}>
                            { &ui.back }
                        </button>
                        <button type="button" class="ia-button ia-button--next ia-button--primary"
                            onclick={dispatch.reform(move |_| next_action.clone())}>
                            { next_label }
                        </button>
                    </div>
                </section>
            </div>
            // Every step at once, in "All steps" mode and in print. Rendered only then, which
            // keeps the app's start and every render small; the build's page carries a static
            // copy here for readers without JavaScript (src/bin/prerender.rs).
            if state.all_steps || printing {
                <Document story={story.clone()} />
            }
            <footer class="ia-footer">
                { corrections(story, state.all_steps || printing) }
                <p class="ia-updated">
                    <time datetime={iso_date(story.last_updated)}>
                        { fill(&ui.last_updated, &[("date", &format_date(story.last_updated, ui))]) }
                    </time>
                </p>
            </footer>
        </article>
    }
}

/// The step's figure (see `figure::plan`), plus the explanation of whatever is selected.
fn figure(story: &Rc<Story>, state: &State, fit: Fit, dispatch: &Callback<Action>) -> Html {
    let reader = Reader::Interactive {
        view: state.view,
        granted: state.granted,
        fit,
    };
    let plan = figure::plan(story, state.step, reader);
    let on_select = dispatch.reform(Action::Select);
    let diagram = |plan: &DiagramPlan| {
        flow_diagram(&FlowDiagramProps {
            story,
            plan,
            selection: state.selection,
            on_select: Some(on_select.clone()),
            orientation: fit.orientation(plan.slot),
        })
    };
    let other = match &plan.other {
        Other::Explorer { diagram } => explorer(&ExplorerProps {
            story,
            diagram,
            orientation: fit.orientation(diagram.slot),
            state: *state,
            dispatch: dispatch.clone(),
        }),
        Other::Comparison(specimens) => comparison(story, specimens),
        Other::Timeline => timeline(&TimelineProps {
            story: story.clone(),
            selection: state.selection,
            dispatch: dispatch.clone(),
        }),
        Other::Sources => source_list(&SourceListProps {
            story: story.clone(),
        }),
        Other::None => html! {},
    };
    html! {
        <>
            if plan.hint {
                <p class="ia-hint">{ &story.ui.explore_hint }</p>
            }
            if plan.view_switch {
                { view_switch(&ViewSwitchProps { story: story.clone(), view: state.view, dispatch: dispatch.clone() }) }
            }
            <div class={classes!("ia-diagrams", plan.arrangement.class())}>
                { for plan.diagrams.iter().map(diagram) }
            </div>
            { other }
            { selection_detail(story, state.selection, dispatch) }
        </>
    }
}

/// The explanation panel for a selected actor or flow (timeline events open in place).
fn selection_detail(
    story: &Rc<Story>,
    selection: Option<Selection>,
    dispatch: &Callback<Action>,
) -> Html {
    let on_close = dispatch.reform(|_| Action::CloseDetail);
    let ui = &story.ui;
    match selection {
        Some(Selection::Actor(a)) => {
            let actor = &story.actors[a];
            html! {
                <Detail story={story.clone()} heading={actor.label.clone()} body={actor.detail.clone()}
                    sources={actor.sources.clone()} {on_close} />
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
                <Detail story={story.clone()} heading={format!("{} ({route})", flow.label)}
                    body={flow.detail.clone()} {facts} sources={flow.sources.clone()} {on_close} />
            }
        }
        Some(Selection::Event(_)) | None => html! {},
    }
}
