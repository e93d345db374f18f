//! The root component: owns the reader's state and the hooks that tie it to the page, and lays
//! out the step: its heading, figure, text, sources and controls. Everything it draws is a
//! child component given what it shows and the intents it may send (see `actions`).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::actions::{use_actions, Reading};
use super::corrections::Corrections;
use super::document::Document;
use super::figure::{Figure, FigureMode};
use super::hooks::{prefers_reduced_motion, use_printing, use_step_keys, use_swipe};
use super::landing::{use_step_landing, TitleWasAbove};
use super::progress::Progress;
use super::reading_tools::ReadingTools;
use super::sources::Citations;
use super::step_text::{StepPoint, StepText};
pub use super::surroundings::UrlMode;
use super::surroundings::{use_framing_requests, use_reader_events, use_url_position};
use crate::embed::{Framing, ReaderEvent};
use crate::nav::{Action, State, View};
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
    pub framing: Option<Framing>,
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
    let reading = use_reducer(|| {
        let mut state = State::starting_at(story.steps.len(), props.start_step, props.start_view);
        // The switch starts where the reader's system setting is, so it never claims motion
        // is on while the system keeps everything still.
        state.reduce_motion = prefers_reduced_motion();
        Reading(state)
    });
    let state = reading.0;
    let rtl = story.direction == Direction::Rtl;

    let root = use_node_ref();
    let step_ref = use_node_ref();
    let title_ref = use_node_ref();
    let title_was_above: TitleWasAbove = use_memo((), |_| Cell::new(false));
    let (dispatch, intents) = use_actions(
        reading.dispatcher(),
        story,
        &props.on_event,
        title_ref.clone(),
        title_was_above.clone(),
    );
    use_step_keys(root.clone(), rtl, state.all_steps, dispatch.clone());
    let (ontouchstart, ontouchend) = use_swipe(rtl, dispatch.clone());
    let printing = use_printing();
    use_url_position(
        props.url_mode,
        story,
        state.step,
        state.view,
        dispatch.clone(),
    );
    use_framing_requests(props.framing.clone(), story, dispatch.clone());
    use_reader_events(story, &state, &props.on_event);
    use_step_landing(
        state.step,
        state.reduce_motion,
        props.framing.clone(),
        step_ref.clone(),
        title_ref.clone(),
        title_was_above,
    );

    let ui = &story.ui;
    let step = &story.steps[state.step];
    let total = number(story.steps.len() as u64, ui);
    let kicker = fill(
        &ui.progress,
        &[("current", &ordinal(state.step, ui)), ("total", &total)],
    );
    let announcement = format!("{kicker}: {}", step.title);
    let heading_id = format!("ia-step-{}", step.id);
    let (next_action, next_label) = if state.is_last() {
        (Action::StartOver, &ui.start_over)
    } else {
        (Action::Next, &ui.next)
    };
    let mode = FigureMode::Interactive {
        view: state.view,
        granted: state.granted,
        selection: state.selection,
    };
    html! {
        <article class={classes!("ia", props.theme.class(), state.all_steps.then_some("ia--all-steps"), state.reduce_motion.then_some("ia--reduce-motion"))} ref={root} lang={story.language.clone()} dir={if rtl { "rtl" } else { "ltr" }}
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
                <Progress story={story.clone()} step={state.step} on_go={intents.go_to.clone()} />
                <ReadingTools story={story.clone()} all_steps={state.all_steps} reduce_motion={state.reduce_motion}
                    on_all_steps={intents.all_steps.clone()} on_reduce_motion={intents.reduce_motion.clone()} />
            </div>
            <div class="ia-interactive">
                <p class="ia-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</p>
                // Phones read the title, the step's point, the figure, the rest of the text,
                // then what opens on demand; wide screens put the figure beside everything else.
                <section class={classes!("ia-step", step.text_only().then_some("ia-step--text-only"))}
                    aria-labelledby={heading_id.clone()} data-step={step.id.clone()} ref={step_ref}>
                    <div class="ia-step__head">
                        <p class="ia-kicker ia-progress__text">{ kicker }</p>
                        <h3 class="ia-step__title" id={heading_id} tabindex="-1" ref={title_ref}>{ &step.title }</h3>
                    </div>
                    <StepPoint story={story.clone()} step={state.step} />
                    <Figure story={story.clone()} step={state.step} {mode} measured={props.fit}
                        on_select={intents.select.clone()} on_close={intents.close.clone()}
                        on_permission={intents.permission.clone()} on_view={intents.view.clone()} />
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
                <Corrections story={story.clone()} open={state.all_steps || printing} />
                <p class="ia-updated">
                    <time datetime={iso_date(story.last_updated)}>
                        { fill(&ui.last_updated, &[("date", &format_date(story.last_updated, ui))]) }
                    </time>
                </p>
            </footer>
        </article>
    }
}
