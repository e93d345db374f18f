//! The desk page: the editor, its problems, readiness and downloads on one side, the real
//! explainer previewing the edit on the other. State lives in one [`Session`]; the page feeds
//! it the editor's text once typing pauses and renders what the checker made of it.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser;
use super::editor::Editor;
use super::labels::Labels;
use super::panels::{Problems, Readiness, Save};
use super::preview::PreviewWindow;
use super::session::{Session, Slot};
use super::text::{byte_at_utf16, line_count, step_at, utf16_at};
use super::{built_in, opened_file_problem, size, TEMPLATE, TEMPLATE_NAME};
use crate::components::explainer::UrlMode;
use crate::components::Explainer;
use crate::options::Theme;
use crate::story::parse::MAX_STORY_BYTES;
use crate::text::fill;

/// How long typing must pause before the text is checked. Short: a check of the English
/// story and the preview's update take less than a frame or two, so the editor sees them as
/// soon as they stop, without a check for every key of a word.
const PAUSE: Duration = Duration::from_millis(40);

/// The preview's widths: a phone, a tablet column, a desktop article.
const WIDTHS: [u32; 3] = [360, 720, 1200];

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub labels: Rc<Labels>,
}

/// Opens `slot` with its kept draft, if there is one.
fn open(slot: Slot) -> (Session, bool) {
    let draft = browser::load_draft(slot);
    let restored = draft.is_some();
    let (name, opened) = opened_text(slot);
    (Session::open(slot, &name, &opened, draft), restored)
}

/// The file name and text `slot` opens from: a shipped story, the template, or the file the
/// editor opened, as it was opened.
fn opened_text(slot: Slot) -> (String, String) {
    match slot {
        Slot::BuiltIn(language) => {
            let (name, text) = built_in(language);
            (name.to_string(), text.to_string())
        }
        Slot::New => (TEMPLATE_NAME.to_string(), TEMPLATE.to_string()),
        Slot::File => browser::opened_file().unwrap_or_default(),
    }
}

fn slot_named(name: &str) -> Option<Slot> {
    match name {
        "new" => Some(Slot::New),
        "file" => browser::file_name().map(|_| Slot::File),
        language => super::BUILT_IN
            .iter()
            .find(|(l, _, _)| *l == language)
            .map(|(l, _, _)| Slot::BuiltIn(l)),
    }
}

#[component]
pub fn Desk(props: &DeskProps) -> Html {
    let labels = &props.labels;
    // The last draft kept, or the English story.
    let first = use_memo((), |_| {
        let slot = browser::last_slot()
            .and_then(|name| slot_named(&name))
            .unwrap_or(Slot::BuiltIn("en"));
        let (session, restored) = open(slot);
        (Rc::new(RefCell::new(session)), restored)
    });
    let session = first.0.clone();
    let notice = use_state({
        let message = first.1.then(|| labels.draft_restored.clone());
        move || message.unwrap_or_default()
    });
    let version = use_state(|| 0u32); // bumped when a story is opened: the editor takes its text
    let refresh = use_force_update();
    let step = use_state(|| 0usize);
    let width = use_state(|| WIDTHS[0]);
    let theme = use_state(Theme::default);
    let marked = use_state(|| None::<usize>);
    let pending = use_mut_ref(|| 0u64);
    // One callback for the preview's reader events (the desk has no use for them), so the
    // preview is rendered again only when the story, its step, width or theme change.
    let ignore_events = use_memo((), |_| Callback::from(|_| ()));
    let textarea = use_node_ref();

    // The preview follows the cursor: the step whose part of the file it is in.
    let show_step_at = {
        let step = step.clone();
        Callback::from(move |(text, at): (Rc<str>, usize)| {
            if let Some(found) = step_at(&text, byte_at_utf16(&text, at)) {
                if *step != found {
                    step.set(found);
                }
            }
        })
    };
    // The cursor moved without the text changing (a click, an arrow key).
    let follow_cursor = {
        let textarea = textarea.clone();
        let show_step_at = show_step_at.clone();
        Callback::from(move |_: ()| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let at = area.selection_start().ok().flatten().unwrap_or(0) as usize;
                show_step_at.emit((Rc::from(area.value()), at));
            }
        })
    };

    let on_input = {
        let session = session.clone();
        let pending = pending.clone();
        let textarea = textarea.clone();
        let notice = notice.clone();
        let labels = labels.clone();
        let refresh = refresh.clone();
        let show_step_at = show_step_at.clone();
        let marked = marked.clone();
        Callback::from(move |_: ()| {
            let generation = {
                let mut pending = pending.borrow_mut();
                *pending += 1;
                *pending
            };
            let (session, pending, textarea) = (session.clone(), pending.clone(), textarea.clone());
            let (notice, labels, refresh, show_step_at, marked) = (
                notice.clone(),
                labels.clone(),
                refresh.clone(),
                show_step_at.clone(),
                marked.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                gloo_timers::future::sleep(PAUSE).await;
                if *pending.borrow() != generation {
                    return; // more typing came: that check will run instead
                }
                let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
                    return;
                };
                let text = area.value();
                let slot = {
                    let mut session = session.borrow_mut();
                    session.check(text);
                    session.slot
                };
                // A marked line stays marked only while a problem is still on it.
                let still_wrong = marked
                    .is_some_and(|line| session.borrow().problems.iter().any(|p| p.line == line));
                if marked.is_some() && !still_wrong {
                    marked.set(None);
                }
                let kept = browser::save_draft(slot, &session.borrow().text);
                let message = match kept {
                    Ok(()) => labels.draft_saved.clone(),
                    Err(reason) => fill(&labels.draft_failed, &[("reason", &reason)]),
                };
                if *notice != message {
                    notice.set(message);
                }
                // The text just checked is the text the cursor is in.
                let at = area.selection_start().ok().flatten().unwrap_or(0) as usize;
                show_step_at.emit((session.borrow().text.clone(), at));
                refresh.force_update();
            });
        })
    };

    let reopen = {
        let session = session.clone();
        let version = version.clone();
        let step = step.clone();
        let marked = marked.clone();
        let notice = notice.clone();
        Callback::from(move |(opened, message): (Session, String)| {
            *session.borrow_mut() = opened;
            step.set(0);
            marked.set(None);
            notice.set(message);
            version.set(*version + 1);
        })
    };

    let on_story = {
        let reopen = reopen.clone();
        let labels = labels.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(slot) = slot_named(&select.value()) {
                browser::remember_slot(slot);
                let (opened, restored) = open(slot);
                let message = if restored {
                    labels.draft_restored.clone()
                } else {
                    String::new()
                };
                reopen.emit((opened, message));
            }
        })
    };

    let open_file = {
        let reopen = reopen.clone();
        let notice = notice.clone();
        let labels = labels.clone();
        Callback::from(move |file: web_sys::File| {
            let (reopen, notice, labels) = (reopen.clone(), notice.clone(), labels.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let bytes = match browser::read_file(&file).await {
                    Ok(bytes) => bytes,
                    Err(reason) => {
                        notice.set(fill(&labels.draft_failed, &[("reason", &reason)]));
                        return;
                    }
                };
                match opened_file_problem(&labels, &name, bytes) {
                    Err(problem) => notice.set(problem),
                    Ok(text) => {
                        let _ = browser::save_opened_file(&name, &text);
                        let _ = browser::save_draft(Slot::File, &text);
                        reopen.emit((Session::open(Slot::File, &name, &text, None), String::new()));
                    }
                }
            });
        })
    };

    let on_refused_paste = {
        let notice = notice.clone();
        let labels = labels.clone();
        Callback::from(move |bytes: usize| {
            let limit = size(MAX_STORY_BYTES);
            notice.set(fill(
                &labels.paste_too_large,
                &[("size", &size(bytes)), ("limit", &limit)],
            ));
        })
    };

    let on_pick = {
        let open_file = open_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open_file.emit(file);
            }
            input.set_value("");
        })
    };

    let on_discard = {
        let session = session.clone();
        let reopen = reopen.clone();
        let labels = labels.clone();
        Callback::from(move |_: MouseEvent| {
            // Asked first: it is the one button that throws work away.
            let question = fill(&labels.discard_confirm, &[("name", &session.borrow().name)]);
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if !sure {
                return;
            }
            let slot = session.borrow().slot;
            let opened = session.borrow().opened_text.clone();
            browser::discard_draft(slot);
            let name = session.borrow().name.clone();
            reopen.emit((
                Session::open(slot, &name, &opened, None),
                labels.discard_done.clone(),
            ));
        })
    };

    let on_problem = {
        let textarea = textarea.clone();
        let marked = marked.clone();
        Callback::from(move |(line, column): (usize, usize)| {
            let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            let at = utf16_at(&text, line, column) as u32;
            let _ = area.focus();
            let _ = area.set_selection_range(at, at);
            // The line a third of the way down the editor, where the eye finds it.
            let lines = line_count(&text);
            let line_height = f64::from(area.scroll_height()) / lines as f64;
            let top = (line as f64 - 1.0) * line_height - f64::from(area.client_height()) / 3.0;
            area.set_scroll_top(top.max(0.0) as i32);
            // And the column in view: lines do not wrap, and every character of the editor's
            // monospace font is as wide as the longest line's width over its length.
            let longest = text
                .split('\n')
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(1)
                .max(1);
            let char_width = f64::from(area.scroll_width()) / longest as f64;
            let left = column as f64 * char_width - f64::from(area.client_width()) / 2.0;
            area.set_scroll_left(left.max(0.0) as i32);
            marked.set(Some(line));
        })
    };

    let current = session.borrow();
    let stories: Vec<(String, String)> = super::BUILT_IN
        .iter()
        .map(|(language, _, _)| {
            let label = match *language {
                "es" => &labels.story_es,
                _ => &labels.story_en,
            };
            (language.to_string(), label.clone())
        })
        .chain([("new".to_string(), labels.story_new.clone())])
        .chain(
            browser::file_name()
                .or_else(|| (current.slot == Slot::File).then(|| current.name.clone()))
                .map(|name| {
                    (
                        "file".to_string(),
                        fill(&labels.story_file, &[("name", &name)]),
                    )
                }),
        )
        .collect();
    let selected = current.slot.key();
    let preview = current.good.clone();
    let stale = current.stale();
    let shown_step = preview
        .as_ref()
        .map_or(0, |story| (*step).min(story.steps.len().saturating_sub(1)));
    // A new explainer when the story's shape changes, or the cursor moves to another step: the
    // explainer keeps its reader's place otherwise, which may not exist in the new story.
    let preview_key = preview.as_ref().map(|story| {
        format!(
            "{}-{}-{}-{}-{}-{shown_step}",
            story.steps.len(),
            story.flows.len(),
            story.actors.len(),
            story.timeline.len(),
            story.permissions.len()
        )
    });
    let theme_options = [
        (Theme::Auto, &labels.theme_auto),
        (Theme::Light, &labels.theme_light),
        (Theme::Dark, &labels.theme_dark),
    ];

    html! {
        <div class="desk">
            <header class="desk__header">
                <h1>{ &labels.title }</h1>
                <p>{ &labels.intro }</p>
                <nav class="desk__links">
                    <a href="../publisher.html">{ &labels.publisher_link }</a>
                    <a href="../">{ &labels.explainer_link }</a>
                </nav>
            </header>
            <section class="desk__open" aria-labelledby="desk-open">
                <h2 id="desk-open" class="desk__heading">{ &labels.open_heading }</h2>
                <label class="desk__field">{ &labels.story_label }
                    <select onchange={on_story}>
                        { for stories.iter().map(|(key, label)| html! {
                            <option value={key.clone()} selected={key == selected}>{ label }</option>
                        }) }
                    </select>
                </label>
                <label class="desk__button desk__file">{ &labels.open_file }
                    <input type="file" accept=".toml,text/plain,application/toml" onchange={on_pick} />
                </label>
                <span class="desk__hint">{ &labels.drop_hint }</span>
                <button type="button" class="desk__button" onclick={on_discard}>{ &labels.discard }</button>
                <p class="desk__notice" role="status">{ (*notice).clone() }</p>
            </section>
            // In reading order: the text, what is wrong with it, what it looks like, whether
            // it is ready, and how to publish it. Wide screens keep the preview beside them all.
            <div class="desk__work">
                <div class="desk__edit">
                    <h2 class="desk__heading">{ &labels.editor_heading }</h2>
                    <Editor label={fill(&labels.editor_label, &[("name", &current.name)])}
                        text={current.text.clone()} version={*version} textarea={textarea.clone()}
                        marked={*marked} on_input={on_input} on_cursor={follow_cursor.clone()}
                        on_file={open_file} on_refused_paste={on_refused_paste} />
                </div>
                <Problems labels={labels.clone()} problems={Rc::new(current.problems.clone())} on_select={on_problem} />
                <section class="desk__preview" aria-labelledby="desk-preview">
                    <h2 id="desk-preview" class="desk__heading">{ &labels.preview_heading }</h2>
                    <div class="desk__controls">
                        <fieldset class="desk__widths">
                            <legend>{ &labels.preview_width }</legend>
                            { for WIDTHS.iter().map(|&w| {
                                let width = width.clone();
                                html! {
                                    <button type="button" class="desk__button" aria-pressed={if *width == w { "true" } else { "false" }}
                                        data-width={w.to_string()} onclick={Callback::from(move |_| width.set(w))}>
                                        { format!("{w} px") }
                                    </button>
                                }
                            }) }
                        </fieldset>
                        <label class="desk__field">{ &labels.preview_theme }
                            <select onchange={{
                                let theme = theme.clone();
                                Callback::from(move |event: Event| {
                                    let select: HtmlSelectElement = event.target_unchecked_into();
                                    theme.set(Theme::named(&select.value()).unwrap_or_default());
                                })
                            }}>
                                { for theme_options.iter().map(|(t, label)| html! {
                                    <option value={t.name()} selected={*theme == *t}>{ *label }</option>
                                }) }
                            </select>
                        </label>
                    </div>
                    if stale {
                        <p class="desk__stale" role="status">{
                            if preview.is_some() { &labels.preview_stale } else { &labels.preview_none }
                        }</p>
                    }
                    <PreviewWindow labels={labels.clone()} width={*width} stale={stale} step={shown_step}>
                        if let (Some(story), Some(key)) = (preview.clone(), preview_key) {
                            <Explainer key={key} story={story} start_step={shown_step} theme={*theme} url_mode={UrlMode::Off}
                                on_event={(*ignore_events).clone()} />
                        }
                    </PreviewWindow>
                </section>
                <Readiness labels={labels.clone()} checks={current.desk_checks.clone().map(Rc::new)}
                    corrections={current.corrections()} />
                <Save labels={labels.clone()} name={current.name.clone()} compiled_name={current.compiled_name()}
                    text={current.text.clone()} compiled={current.compiled()}
                    language={preview.as_ref().map(|s| s.language.clone()).unwrap_or_default()}
                    title={preview.as_ref().map(|s| s.title.clone()).unwrap_or_default()} />
            </div>
        </div>
    }
}
