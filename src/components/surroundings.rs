//! How the explainer keeps in step with the page around it: its own URL, the framing page's
//! requests, and the reader events it announces.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use crate::embed::{Framing, ReaderEvent};
use crate::host;
use crate::nav::{Action, Selection, State, View};
use crate::options::{find_step, find_view, query_with_position, view_name, Options};
use crate::story::Story;

/// How the explainer's own page URL follows the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UrlMode {
    /// Never touched: the explainer is mounted in someone else's page.
    #[default]
    Off,
    /// Kept current without new history entries: in an iframe, where the framing page owns the
    /// back and forward buttons.
    Replace,
    /// Kept current, one history entry per move: the explainer's own page, opened directly.
    Push,
}

/// Keeps the page's URL on the reader's step and view, and follows the browser's back and
/// forward buttons. The first position replaces the entry the page was opened with; each move
/// after that adds one, so Back returns to the previous step.
#[hook]
pub(super) fn use_url_position(
    mode: UrlMode,
    story: &Rc<Story>,
    step: usize,
    view: View,
    dispatch: Callback<Action>,
) {
    let first = use_mut_ref(|| true);
    let step_id = story.steps[step].id.clone();
    let view_name = view_name(story, view).to_string();
    use_effect_with((step_id, view_name), move |(step_id, view_name)| {
        if mode == UrlMode::Off {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let (Ok(search), Ok(history)) = (window.location().search(), window.history()) else {
            return;
        };
        let wanted = query_with_position(&search, step_id, view_name);
        if wanted != search {
            let replace =
                std::mem::replace(&mut *first.borrow_mut(), false) || mode == UrlMode::Replace;
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted))
            };
        }
        *first.borrow_mut() = false;
    });
    let story = story.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .filter(|_| mode == UrlMode::Push)
            .map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    if crate::fault::has_failed() {
                        return;
                    }
                    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok())
                    else {
                        return;
                    };
                    let (options, _) = Options::from_query(&search);
                    dispatch.emit(Action::Show {
                        step: Some(options.start_step(&story).0),
                        view: Some(options.start_view(&story).0),
                    });
                })
            });
        move || drop(listener)
    });
}

/// Follows the framing page's requests to show a step (its back and forward buttons, through
/// the loader). Requests from anywhere else never arrive here; see `host::listen`.
#[hook]
pub(super) fn use_framing_requests(
    framing: Option<Framing>,
    story: &Rc<Story>,
    dispatch: Callback<Action>,
) {
    let story = story.clone();
    use_effect_with(framing, move |framing| {
        let listener = framing.clone().and_then(|framing| {
            host::listen(framing, move |step, view| {
                dispatch.emit(Action::Show {
                    step: find_step(&story, &step),
                    view: view.and_then(|name| find_view(&story, &name)),
                });
            })
        });
        move || drop(listener)
    });
}

/// Announces each step viewed, reaching the end, and each change of view.
#[hook]
pub(super) fn use_reader_events(
    story: &Rc<Story>,
    state: &State,
    on_event: &Callback<ReaderEvent>,
) {
    let total = story.steps.len();
    let id = story.steps[state.step].id.clone();
    let on_step = on_event.clone();
    let view = view_name(story, state.view).to_string();
    let name = view.clone();
    use_effect_with(state.step, move |&step| {
        on_step.emit(ReaderEvent::StepViewed {
            number: step + 1,
            id,
            total,
            view,
        });
        if step + 1 == total {
            on_step.emit(ReaderEvent::ReachedEnd { total });
        }
    });
    let first = use_mut_ref(|| true);
    let on_view = on_event.clone();
    use_effect_with(state.view, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            on_view.emit(ReaderEvent::ViewChanged { view: name });
        }
    });
}

pub(super) fn explored(story: &Story, selection: Selection) -> ReaderEvent {
    let (kind, id) = match selection {
        Selection::Actor(a) => ("actor", &story.actors[a].id),
        Selection::Flow(f) => ("flow", &story.flows[f].id),
        Selection::Event(e) => ("event", &story.timeline[e].id),
    };
    ReaderEvent::ElementExplored {
        kind,
        id: id.clone(),
    }
}
