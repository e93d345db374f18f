//! The root component: owns the reader's state, listens for keys and swipes, and lays out the
//! step's text, its figure and the controls.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, TouchEvent};
use yew::prelude::*;

use super::comparison::Comparison;
use super::corrections::corrections;
use super::detail::Detail;
use super::document::Document;
use super::explorer::Explorer;
use super::flow_diagram::{FlowDiagram, Overlay};
pub use super::host_page::UrlMode;
use super::host_page::{explored, use_host_requests, use_reader_events, use_url_position};
use super::landing::{note_title_position, use_step_landing, TitleWasAbove};
use super::progress::Progress;
use super::reading_tools::ReadingTools;
use super::sources::{Citations, SourceList};
use super::step_text::StepText;
use super::timeline::Timeline;
use super::view_switch::ViewSwitch;
use crate::embed::{Host, ReaderEvent};
use crate::nav::{Action, Selection, State, View};
use crate::options::{Heading, Theme};
use crate::scene::Style;
use crate::story::{Diagram, Direction, FlowSets, Story, ALLEGED, META};
use crate::text::{fill, format_date, iso_date, number, ordinal};

/// A swipe must travel this far (CSS px), and mostly sideways, to change the step.
const SWIPE_DISTANCE: i32 = 50;

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
}

/// The reader's state, as Yew's reducer holds it.
pub(super) struct Nav(pub(super) State);

impl Reducible for Nav {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Nav(self.0.apply(action)))
    }
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
    let touch_start: Rc<RefCell<Option<(i32, i32)>>> = use_mut_ref(|| None);
    let rtl = story.direction == Direction::Rtl;

    let step_ref = use_node_ref();
    let title_ref = use_node_ref();
    let title_was_above: TitleWasAbove = use_memo((), |_| Cell::new(false));
    let dispatch = {
        let nav = nav.dispatcher();
        let opener = opener.clone();
        let story = story.clone();
        let on_event = props.on_event.clone();
        let title_ref = title_ref.clone();
        let title_was_above = title_was_above.clone();
        Callback::from(move |action: Action| {
            note_title_position(&title_ref, &title_was_above);
            match action {
                Action::Select(selection) => {
                    *opener.borrow_mut() = active_element();
                    on_event.emit(explored(&story, selection));
                }
                Action::CloseDetail => {
                    if let Some(element) = opener.borrow_mut().take() {
                        let _ = element.unchecked_ref::<HtmlElement>().focus();
                    }
                }
                _ => {}
            }
            nav.dispatch(action);
        })
    };

    let root = use_node_ref();
    {
        let dispatch = dispatch.clone();
        let root = root.clone();
        let all_steps = nav.0.all_steps;
        use_effect_with((rtl, all_steps), move |&(rtl, all_steps)| {
            let listener = web_sys::window().map(|window| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&window, "keydown", options, move |event| {
                    let Some(root) = root.cast::<Element>() else {
                        return;
                    };
                    // With every step on show there is no current step to move; a broken
                    // explainer reacts to nothing.
                    let target = original_target(event);
                    if crate::fault::has_failed()
                        || all_steps
                        || !keys_belong_to(&root, target.clone())
                    {
                        return;
                    }
                    let inside = target
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|node| root.contains(Some(&node)));
                    if let Some(action) = event
                        .dyn_ref::<KeyboardEvent>()
                        .and_then(|e| key_action(e, rtl, inside))
                    {
                        if action != Action::CloseDetail {
                            event.prevent_default();
                        }
                        dispatch.emit(action);
                    }
                })
            });
            move || drop(listener)
        });
    }

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

    let ontouchstart = {
        let touch_start = touch_start.clone();
        Callback::from(move |event: TouchEvent| {
            *touch_start.borrow_mut() =
                event.touches().get(0).map(|t| (t.client_x(), t.client_y()));
        })
    };
    let ontouchend = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: TouchEvent| {
            let (Some((x0, y0)), Some(end)) = (
                touch_start.borrow_mut().take(),
                event.changed_touches().get(0),
            ) else {
                return;
            };
            let (dx, dy) = (end.client_x() - x0, end.client_y() - y0);
            if dx.abs() >= SWIPE_DISTANCE && dx.abs() > 2 * dy.abs() {
                // Swiping towards the start of the line moves forward, as turning a page does.
                let forward = (dx < 0) != rtl;
                dispatch.emit(if forward { Action::Next } else { Action::Back });
            }
        })
    };

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
                <Progress story={story.clone()} step={state.step} dispatch={dispatch.clone()} />
                <ReadingTools story={story.clone()} state={state.clone()} dispatch={dispatch.clone()} />
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
                        { figure(story, state, &dispatch) }
                    </div>
                    <StepText key={step.id.clone()} story={story.clone()} step={state.step} compact={true} />
                    <div class="ia-step__sources">
                        <Citations story={story.clone()} sources={step.sources.clone()} collapsed={true} />
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

/// Whether a key press is for this explainer: it happened inside it, or nowhere in particular
/// (focus on the page itself) and this is the page's first explainer. Several explainers on one
/// page therefore never all react to the same key.
fn keys_belong_to(root: &Element, target: Option<web_sys::EventTarget>) -> bool {
    let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return false;
    };
    if root.contains(Some(&target)) {
        return true;
    }
    let Some(document) = root.owner_document() else {
        return false;
    };
    let on_page_itself = document.body().is_some_and(|body| target == **body)
        || document
            .document_element()
            .is_some_and(|html| target == *html);
    let first = document.query_selector(".ia").ok().flatten();
    on_page_itself && first.is_some_and(|first| first == *root)
}

/// What a key press means, if anything. Keys typed into form fields, and shortcuts with
/// modifiers, belong to the page, not to the explainer; so do Home and End unless focus is
/// inside the explainer, since on the page itself they scroll the article.
fn key_action(event: &KeyboardEvent, rtl: bool, inside: bool) -> Option<Action> {
    if event.alt_key() || event.ctrl_key() || event.meta_key() || event.default_prevented() {
        return None;
    }
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        });
    if typing {
        return None;
    }
    match (event.key().as_str(), rtl) {
        ("ArrowRight", false) | ("ArrowLeft", true) => Some(Action::Next),
        ("ArrowLeft", false) | ("ArrowRight", true) => Some(Action::Back),
        ("Home", _) if inside => Some(Action::GoTo(0)),
        ("End", _) if inside => Some(Action::GoTo(usize::MAX)),
        ("Escape", _) => Some(Action::CloseDetail),
        _ => None,
    }
}

/// Whether the page is being printed: the print layout is the whole-story document, which is
/// rendered from `beforeprint` (the browser lays the page out for print after that event).
#[hook]
fn use_printing() -> bool {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let query =
                web_sys::window().and_then(|window| window.match_media("print").ok().flatten());
            let listeners = query.map(|query| {
                let before = {
                    let printing = printing.clone();
                    let window = web_sys::window().expect("a window has a window");
                    EventListener::new(&window, "beforeprint", move |_| printing.set(true))
                };
                // Emulated print media (and some browsers) change the query without the event.
                let change = EventListener::new(&query, "change", move |event| {
                    let matches = event
                        .dyn_ref::<web_sys::MediaQueryListEvent>()
                        .is_some_and(|e| e.matches());
                    if matches {
                        printing.set(true);
                    }
                });
                (before, change)
            });
            move || drop(listeners)
        });
    }
    *printing
}

/// Whether the reader's system asks for reduced motion (never, when rendered at build time,
/// where there is no browser to ask).
fn prefers_reduced_motion() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The focused element, looking inside shadow roots (a directly mounted explainer is in one).
fn active_element() -> Option<Element> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active
        .shadow_root()
        .and_then(|shadow| shadow.active_element())
    {
        active = inner;
    }
    Some(active)
}

/// Where an event really started: inside a shadow root, `target` is only its host element.
fn original_target(event: &web_sys::Event) -> Option<web_sys::EventTarget> {
    event
        .composed_path()
        .get(0)
        .dyn_into()
        .ok()
        .or_else(|| event.target())
}

/// The step's figure: its kind of diagram, plus the explanation of whatever is selected.
fn figure(story: &Rc<Story>, state: &State, dispatch: &Callback<Action>) -> Html {
    let step = &story.steps[state.step];
    let on_select = dispatch.reform(Action::Select);
    let diagram = |shown: &Vec<usize>, style: Style, caption: &str| {
        html! {
            <FlowDiagram story={story.clone()} shown={shown.clone()} style={style}
                caption={AttrValue::from(caption.to_string())} selection={state.selection}
                on_select={on_select.clone()} />
        }
    };
    // The figure keeps one shape on every step (hint, switch, diagrams, other kinds, detail), so
    // the diagram component survives step changes and its flows can animate between them.
    let (has_switch, diagrams, pair) = match &step.diagram {
        Diagram::Flows(FlowSets::Both { alleged, meta }) => {
            let alleged_diagram =
                || diagram(alleged, Style::Alleged, &story.account_label(ALLEGED));
            let meta_diagram = || diagram(meta, Style::Meta, &story.account_label(META));
            // Side by side, a phone has no room for two diagrams that can be read: it draws
            // both accounts on one, each in its own style (CSS picks by width).
            let together = || {
                // A key in the views' short names; the full names head the quotes and the
                // description.
                let also = Overlay {
                    shown: meta.clone(),
                    style: Style::Meta,
                    caption: story.ui.view_meta.clone().into(),
                };
                html! {
                    <FlowDiagram story={story.clone()} shown={alleged.clone()} style={Style::Alleged}
                        caption={AttrValue::from(story.ui.view_alleged.clone())} selection={state.selection}
                        on_select={on_select.clone()} also={also} />
                }
            };
            let diagrams = match state.view {
                View::Alleged => vec![alleged_diagram()],
                View::Meta => vec![meta_diagram()],
                View::SideBySide => vec![alleged_diagram(), meta_diagram(), together()],
            };
            (true, diagrams, state.view == View::SideBySide)
        }
        Diagram::Flows(FlowSets::Single { account, flows }) => {
            let style = Style::for_account(story, *account);
            (
                false,
                vec![diagram(flows, style, &story.accounts[*account].label)],
                false,
            )
        }
        Diagram::Flows(FlowSets::Neutral(flows)) => {
            let caption = fill(&story.ui.diagram_label, &[("title", &step.title)]);
            (false, vec![diagram(flows, Style::Neutral, &caption)], false)
        }
        _ => (false, Vec::new(), false),
    };
    let other = match &step.diagram {
        Diagram::Explorer { always } => html! {
            <Explorer story={story.clone()} always={always.clone()} state={state.clone()} dispatch={dispatch.clone()} />
        },
        Diagram::Comparison(specimens) => html! {
            <Comparison story={story.clone()} specimens={specimens.clone()} />
        },
        Diagram::Timeline => html! {
            <Timeline story={story.clone()} selection={state.selection} dispatch={dispatch.clone()} />
        },
        Diagram::Sources => html! { <SourceList story={story.clone()} /> },
        Diagram::Flows(_) | Diagram::None => html! {},
    };
    let explorable = matches!(step.diagram, Diagram::Flows(_) | Diagram::Explorer { .. });
    html! {
        <>
            if explorable {
                <p class="ia-hint">{ &story.ui.explore_hint }</p>
            }
            if has_switch {
                <ViewSwitch story={story.clone()} view={state.view} dispatch={dispatch.clone()} />
            }
            <div class={classes!("ia-diagrams", pair.then_some("ia-diagrams--pair"))}>
                { for diagrams }
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
