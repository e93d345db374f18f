//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): the
//! explainer mounted on a test story, driven by clicks and keys as a reader would.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use inbox_explainer::components::explainer::{Explainer, ExplainerProps};
use inbox_explainer::embed::ReaderEvent;
use inbox_explainer::figure::{plan, Mode, Panel};
use inbox_explainer::nav::View;
use inbox_explainer::scene::layouts_run;
use inbox_explainer::story::Story;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

fn fixture() -> Story {
    let (_, _, bytes) = FIXTURES
        .iter()
        .find(|(stem, _, _)| *stem == "minimal")
        .expect("fixture");
    Story::decode(bytes).expect("fixture decodes")
}

/// Mounts an explainer on `story` in a fresh element and waits for its first render.
async fn mount(story: Story) -> Element {
    let story = Rc::new(story);
    mount_with(yew::props!(ExplainerProps { story })).await
}

async fn mount_with(props: ExplainerProps) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Explainer>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Waits until rendering has settled: the page's markup unchanged across two short waits (at
/// most about a second). Yew schedules renders, so a fixed pause alone can be too short.
async fn settle() {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let mut last = body.inner_html();
    let mut stable = 0;
    for _ in 0..60 {
        yew::platform::time::sleep(Duration::from_millis(15)).await;
        let now = body.inner_html();
        stable = if now == last { stable + 1 } else { 0 };
        if stable == 2 {
            return;
        }
        last = now;
    }
}

/// Tests act on the interactive view and the bar above it (the step buttons and the reading
/// options); the whole-story document beside them is for print.
fn scoped(selector: &str) -> String {
    format!(":is(.ia-interactive, .ia-bar) {selector}")
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    let selector = &scoped(selector);
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(&scoped(selector)).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Waits up to a second for the element's text, since rendering is scheduled, not immediate.
async fn expect_text(root: &Element, selector: &str, expected: &str) {
    for _ in 0..50 {
        if text(root, selector) == expected {
            return;
        }
        settle().await;
    }
    assert_eq!(text(root, selector), expected, "text of {selector}");
}

/// A real click event: SVG elements have no `click()` method.
async fn click(root: &Element, selector: &str) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    find(root, selector).dispatch_event(&event).unwrap();
    settle().await;
}

async fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let target = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_first_step_shows_its_title_progress_and_both_quotes_columns() {
    let root = mount(fixture()).await;
    expect_text(&root, ".ia-progress__text", "Step 1 of 6").await;
    expect_text(&root, ".ia-step__title", "Both accounts").await;
    // The compact step: the first paragraph is its point, the rest opens on demand.
    assert_eq!(
        all(&root, ".ia-step__point > p").len(),
        1,
        "one paragraph shown"
    );
    assert!(text(&root, ".ia-step__point").contains("First paragraph."));
    assert!(
        all(&root, ".ia-step__text > p").is_empty(),
        "no other paragraph shown"
    );
    assert!(text(&root, ".ia-step__text > details.ia-more").contains("Second paragraph."));
    assert!(text(&root, ".ia-quote").contains("Quoted words."));
    assert!(find(&root, ".ia-button--back").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn next_and_back_move_between_steps_and_the_step_buttons_jump() {
    let root = mount(fixture()).await;
    click(&root, ".ia-button--next").await;
    expect_text(&root, ".ia-step__title", "Explore permissions").await;
    click(&root, ".ia-button--back").await;
    expect_text(&root, ".ia-step__title", "Both accounts").await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 5']").await;
    expect_text(&root, ".ia-progress__text", "Step 5 of 6").await;
    assert_eq!(
        find(&root, "[aria-current='step']").text_content().unwrap(),
        "5"
    );
}

#[wasm_bindgen_test]
async fn the_last_step_offers_to_start_over() {
    let root = mount(fixture()).await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 6']").await;
    expect_text(&root, ".ia-button--next", "Start over").await;
    click(&root, ".ia-button--next").await;
    expect_text(&root, ".ia-progress__text", "Step 1 of 6").await;
}

#[wasm_bindgen_test]
async fn the_view_switch_changes_the_account_and_side_by_side_shows_both() {
    let root = mount(fixture()).await;
    assert_eq!(all(&root, ".ia-diagram").len(), 1);
    assert!(find(&root, ".ia-diagram")
        .class_name()
        .contains("ia-diagram--claim"));
    click(&root, "[data-view='meta']").await;
    assert!(find(&root, ".ia-diagram")
        .class_name()
        .contains("ia-diagram--answer"));
    expect_text(&root, ".ia-step__title", "Both accounts").await;
    click(&root, "[data-view='side-by-side']").await;
    // Two diagrams side by side where there is room, and one with the other account's arrows
    // overlaid where there is not: only the form that fits the explainer's width is drawn.
    let classes: Vec<String> = all(&root, ".ia-diagram")
        .iter()
        .map(|d| d.class_name())
        .collect();
    let pair = root.get_bounding_client_rect().width() >= 720.0;
    let expected: &[&str] = if pair {
        &["ia-diagram--claim", "ia-diagram--answer"]
    } else {
        &["ia-diagram--together"]
    };
    assert_eq!(classes.len(), expected.len(), "{classes:?}");
    for kind in expected {
        assert!(
            classes.iter().any(|c| c.contains(kind)),
            "{kind} in {classes:?}"
        );
    }
    assert_eq!(
        find(&root, "[data-view='side-by-side']")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );
}

#[wasm_bindgen_test]
async fn only_flows_on_show_are_focusable_and_numbered() {
    let root = mount(fixture()).await;
    // Alleged view of step 1 shows flow "bc" (index 1) only.
    let shown = all(&root, ".ia-svg .ia-flow.is-shown");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].get_attribute("data-select").unwrap(), "flow-1");
    for hidden in all(&root, ".ia-svg .ia-flow.is-hidden") {
        assert!(!hidden.has_attribute("tabindex"));
        assert_eq!(hidden.get_attribute("aria-hidden").unwrap(), "true");
    }
    assert_eq!(all(&root, ".ia-legend li").len(), 1);
}

#[wasm_bindgen_test]
async fn selecting_a_flow_opens_its_detail_and_escape_returns_focus() {
    let root = mount(fixture()).await;
    let flow = find(&root, ".ia-svg .ia-flow.is-shown");
    flow.focus().unwrap();
    press("Enter").await;
    let detail = find(&root, ".ia-detail");
    assert!(detail.text_content().unwrap().contains("B reads from C."));
    assert!(
        detail.text_content().unwrap().contains("Read messages"),
        "names the permission"
    );
    assert!(
        detail.text_content().unwrap().contains("A document"),
        "cites its source"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        active.class_name().contains("ia-detail"),
        "focus moves to the detail"
    );
    press("Escape").await;
    assert!(all(&root, ".ia-detail").is_empty());
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        active.get_attribute("data-select").unwrap(),
        "flow-1",
        "focus returns"
    );
}

/// The diagram owns its geometry: a selection, "Reduce motion" and "All steps" change nothing it
/// draws, so they never lay it out again. Turning "All steps" on lays out the document's own
/// diagrams, and nothing more.
#[wasm_bindgen_test]
async fn reading_options_and_selections_never_lay_out_the_step_diagram_again() {
    let story = fixture();
    let document_diagrams: u64 = (0..story.steps.len())
        .map(|step| {
            let figure = plan(&story, step, Mode::Document);
            let explorer = matches!(figure.panel, Panel::Explorer { .. });
            // The document draws both orientations of each.
            2 * (figure.diagrams.len() + usize::from(explorer)) as u64
        })
        .sum();
    let root = mount(story).await;
    let before = layouts_run();
    click(&root, ".ia-tool--motion").await;
    click(&root, ".ia-tool--motion").await;
    assert_eq!(layouts_run(), before, "turning motion off and on");
    click(&root, "[data-select='actor-0']").await;
    assert!(all(&root, ".ia-detail").len() == 1, "the box was selected");
    assert_eq!(layouts_run(), before, "selecting a box");
    click(&root, ".ia-tool--all-steps").await;
    assert_eq!(
        layouts_run() - before,
        document_diagrams,
        "opening all steps"
    );
    let with_document = layouts_run();
    click(&root, ".ia-tool--all-steps").await;
    assert_eq!(layouts_run(), with_document, "closing all steps");
}

#[wasm_bindgen_test]
async fn clicking_an_actor_explains_it() {
    let root = mount(fixture()).await;
    click(&root, ".ia-svg [data-select='actor-2']").await;
    assert!(text(&root, ".ia-detail").contains("The third actor."));
    click(&root, ".ia-detail__close").await;
    assert!(all(&root, ".ia-detail").is_empty());
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_steps() {
    let root = mount(fixture()).await;
    find(&root, ".ia-button--next").focus().unwrap();
    press("ArrowRight").await;
    expect_text(&root, ".ia-progress__text", "Step 2 of 6").await;
    press("ArrowLeft").await;
    expect_text(&root, ".ia-progress__text", "Step 1 of 6").await;
    press("ArrowLeft").await;
    expect_text(&root, ".ia-progress__text", "Step 1 of 6").await;
}

#[wasm_bindgen_test]
async fn granting_a_permission_reveals_the_flows_it_allows() {
    let root = mount(fixture()).await;
    click(&root, ".ia-button--next").await;
    assert_eq!(all(&root, ".ia-svg .ia-flow.is-shown").len(), 1);
    assert!(text(&root, ".ia-explorer__status").contains("No permission granted."));
    assert!(all(&root, ".ia-permission__reveals").is_empty());
    click(&root, "[data-permission='read']").await;
    assert_eq!(
        find(&root, "[data-permission='read']")
            .get_attribute("aria-checked")
            .unwrap(),
        "true"
    );
    assert_eq!(all(&root, ".ia-svg .ia-flow.is-shown").len(), 2);
    // What the switch reveals sits with the switch.
    assert!(
        text(&root, "[data-permission='read'] + .ia-permission__reveals")
            .contains("Everything in C.")
    );
    assert_eq!(text(&root, ".ia-explorer__status"), "");
    click(&root, "[data-permission='read']").await;
    assert_eq!(all(&root, ".ia-svg .ia-flow.is-shown").len(), 1);
    assert!(all(&root, ".ia-permission__reveals").is_empty());
}

#[wasm_bindgen_test]
async fn the_comparison_marks_every_specimen_as_an_illustration() {
    let root = mount(fixture()).await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 3']").await;
    let badges = all(&root, ".ia-specimen__badge");
    assert_eq!(badges.len(), 2);
    assert!(badges
        .iter()
        .all(|b| b.text_content().unwrap() == "Illustration, not real data"));
}

#[wasm_bindgen_test]
async fn timeline_events_are_in_date_order_and_open_in_place() {
    let root = mount(fixture()).await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 5']").await;
    let titles: Vec<String> = all(&root, ".ia-event__title")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(titles, ["Earlier event", "Later event"]);
    click(&root, "[data-select='event-1']").await;
    assert!(text(&root, ".ia-event.is-open").contains("Something happened later."));
    assert_eq!(
        find(&root, "[data-select='event-1']")
            .get_attribute("aria-expanded")
            .unwrap(),
        "true"
    );
}

#[wasm_bindgen_test]
async fn markup_in_a_story_is_shown_as_text_and_never_run() {
    let mut story = fixture();
    let payload = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";
    story.title = payload.to_string();
    story.steps[0].body = payload.to_string();
    story.actors[0].label = payload.to_string();
    let root = mount(story).await;
    assert!(
        all(&root, "img, script").is_empty(),
        "no element made from story text"
    );
    let title = root.query_selector(".ia-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), payload);
    assert!(text(&root, ".ia-step__point").contains(payload));
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn only_sources_with_links_are_rendered_as_links() {
    let root = mount(fixture()).await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 6']").await;
    let links = all(&root, ".ia-source-list a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").unwrap(),
        "https://example.org/doc"
    );
    assert_eq!(all(&root, ".ia-source-list li").len(), 2);
}

#[wasm_bindgen_test]
async fn the_built_in_story_mounts_and_names_its_step_count() {
    let story = Story::decode(inbox_explainer::builtin::story_bytes("en")).unwrap();
    let steps = story.steps.len();
    let root = mount(story).await;
    assert_eq!(
        text(&root, ".ia-progress__text"),
        format!("Step 1 of {steps}")
    );
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_step_and_view() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let story = Rc::new(fixture());
    let props = yew::props!(ExplainerProps {
        story,
        start_step: 3,
        start_view: View::Answer
    });
    yew::Renderer::<Explainer>::with_root_and_props(root.clone(), props).render();
    settle().await;
    expect_text(&root, ".ia-progress__text", "Step 4 of 6").await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 1']").await;
    assert_eq!(
        find(&root, "[data-view='meta']")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );
}

#[wasm_bindgen_test]
async fn reader_events_report_steps_views_exploration_and_the_end() {
    let seen: Rc<RefCell<Vec<ReaderEvent>>> = Rc::default();
    let on_event = {
        let seen = seen.clone();
        yew::Callback::from(move |event| seen.borrow_mut().push(event))
    };
    let story = Rc::new(fixture());
    let root = mount_with(yew::props!(ExplainerProps { story, on_event })).await;
    click(&root, "[data-view='side-by-side']").await;
    click(&root, ".ia-svg [data-select='actor-1']").await;
    click(&root, ".ia-progress__step[aria-label^='Go to step 6']").await;
    let seen = seen.borrow();
    let step_one = ReaderEvent::StepViewed {
        number: 1,
        id: "both".into(),
        total: 6,
        view: "alleged".into(),
    };
    assert_eq!(seen[0], step_one);
    assert!(seen.contains(&ReaderEvent::ViewChanged {
        view: "side-by-side".into()
    }));
    assert!(seen.contains(&ReaderEvent::ElementExplored {
        kind: "actor",
        id: "b".into()
    }));
    assert!(seen.contains(&ReaderEvent::StepViewed {
        number: 6,
        id: "list".into(),
        total: 6,
        view: "side-by-side".into()
    }));
    assert_eq!(seen.last(), Some(&ReaderEvent::ReachedEnd { total: 6 }));
}
