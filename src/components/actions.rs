//! The one way in. Every reader action, whether from a button, a key, a swipe, the browser's
//! back and forward buttons or the framing page, goes through the callback `use_actions`
//! returns, so noting where the step's title was (for landing), returning focus from a closed
//! explanation and announcing what the reader explored apply to all of them alike. Children
//! never see that callback: they get the typed intents they need, made once.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::hooks::active_element;
use super::landing::{note_title_position, TitleWasAbove};
use super::surroundings::explored;
use crate::embed::ReaderEvent;
use crate::nav::{Action, Selection, State, View};
use crate::story::Story;

/// The reader's state, as Yew's reducer holds it.
pub struct Reading(pub State);

impl Reducible for Reading {
    type Action = Action;

    /// The same `Rc` back when nothing changes (Back on the first step, Escape with nothing
    /// open), so Yew skips the render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Reading(next))
        }
    }
}

/// What a child can ask for, one callback each. Made once per explainer, so children that
/// take them compare equal from render to render and are skipped when nothing they show changed.
#[derive(Clone, PartialEq)]
pub struct Intents {
    pub select: Callback<Selection>,
    pub close: Callback<()>,
    pub permission: Callback<usize>,
    pub view: Callback<View>,
    pub go_to: Callback<usize>,
    pub all_steps: Callback<()>,
    pub reduce_motion: Callback<()>,
}

/// The explainer's one action callback, and the intents made from it.
#[hook]
pub fn use_actions(
    reading: UseReducerDispatcher<Reading>,
    story: &Rc<Story>,
    on_event: &Callback<ReaderEvent>,
    title: NodeRef,
    title_was_above: TitleWasAbove,
) -> (Callback<Action>, Rc<Intents>) {
    // The element that opened the current explanation, to give focus back to when it closes.
    let opener: Rc<RefCell<Option<Element>>> = use_mut_ref(|| None);
    let dispatch = use_callback(
        (story.clone(), on_event.clone()),
        move |action: Action, (story, on_event)| {
            // Read the layout only when the step may change, not on every action.
            if action.moves_step() {
                note_title_position(&title, &title_was_above);
            }
            match action {
                Action::Select(selection) => {
                    *opener.borrow_mut() = active_element();
                    on_event.emit(explored(story, selection));
                }
                Action::CloseDetail => {
                    // Only to an element still on the page: the figure may have changed.
                    if let Some(element) = opener
                        .borrow_mut()
                        .take()
                        .filter(|element| element.is_connected())
                    {
                        // Boxes and arrows are SVG elements: focus() is theirs as much as an
                        // HTML element's.
                        let _ = element.unchecked_ref::<HtmlElement>().focus();
                    }
                }
                // The explanation closes with these too, and there is nothing to return to.
                _ if action.closes_detail() => drop(opener.borrow_mut().take()),
                _ => {}
            }
            reading.dispatch(action);
        },
    );
    let intents = use_memo(dispatch.clone(), |dispatch| Intents {
        select: dispatch.reform(Action::Select),
        close: dispatch.reform(|()| Action::CloseDetail),
        permission: dispatch.reform(Action::TogglePermission),
        view: dispatch.reform(Action::SetView),
        go_to: dispatch.reform(Action::GoTo),
        all_steps: dispatch.reform(|()| Action::ToggleAllSteps),
        reduce_motion: dispatch.reform(|()| Action::ToggleReduceMotion),
    });
    (dispatch, intents)
}
